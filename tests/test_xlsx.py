"""Workbooks as programme teams save them: really written by LibreOffice Calc
(tests/data/libreoffice, made by its make_fixtures.py from the committed .fods
sources) and, since Excel cannot run here, the same sheets written by openpyxl
with Excel-style cells. Real date cells, numbers, booleans, a formula, one sheet
per table, a file named after a table whose sheet has another name.

Every expected value below is worked out by hand from the sheets in
make_fixtures.py; the tests never need LibreOffice.
"""

import datetime as dt
import importlib.util
import re
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

import leergeschiedenis as lg

LO = Path(__file__).parent / "data" / "libreoffice"
T = pd.Timestamp


def _load_generator():
    spec = importlib.util.spec_from_file_location("libreoffice_make_fixtures", LO / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fixtures = _load_generator()


def _as_stored(value):
    """What a reader gets back from an .xlsx for a value of make_fixtures: dates as datetimes."""
    if isinstance(value, fixtures.Formula):
        return value.value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def write_excel_style(sheets: dict[str, list[list]], path: Path) -> None:
    """The same sheets as Excel stores them: date serials with Excel's short-date format
    (built-in 14), booleans as boolean cells, numbers as numbers, text as shared strings."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                value = _as_stored(value)
                if value is None:
                    continue
                cell = ws.cell(r, c, value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "mm-dd-yy" if value.time() == dt.time(0) else "d-m-yyyy h:mm"
    wb.save(path)


@pytest.fixture(scope="module", params=["libreoffice", "openpyxl"])
def werkmap(request, tmp_path_factory):
    """tests/data/libreoffice/werkmap, and the same workbook written Excel-style by openpyxl."""
    if request.param == "libreoffice":
        return lg.load(LO / "werkmap")
    folder = tmp_path_factory.mktemp("excel") / "werkmap"
    folder.mkdir()
    shutil.copy(LO / "werkmap" / "proeftuin.yml", folder)
    write_excel_style(fixtures.WERKMAP, folder / "gegevens.xlsx")
    return lg.load(folder)


@pytest.fixture(scope="module")
def losse_bestanden():
    return lg.load(LO / "losse_bestanden")


# --- the fixtures themselves -------------------------------------------------------------


@pytest.mark.parametrize("xlsx", sorted(fixtures.FILES), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_is_written_by_libreoffice_from_its_committed_source(xlsx):
    sheets = fixtures.FILES[xlsx]
    with zipfile.ZipFile(xlsx) as z:
        assert "<Application>LibreOffice/" in z.read("docProps/app.xml").decode("utf-8")
    # the committed .fods is what make_fixtures.py writes for these sheets
    assert fixtures.source_of(xlsx).read_text(encoding="utf-8") == fixtures.fods(sheets)
    # and the .xlsx holds exactly those cells, typed: no drift between generator and file
    wb = openpyxl.load_workbook(xlsx, data_only=True)
    assert wb.sheetnames == list(sheets)
    for name, rows in sheets.items():
        ws = wb[name]
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                stored = ws.cell(r, c).value
                assert stored == _as_stored(value), (name, r, c)
                assert type(stored) is type(_as_stored(value)) or (value is None and stored is None), (name, r, c)
        assert ws.max_row == len(rows)


def _sheet_xml(path: Path, name: str) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(name) + 1  # LibreOffice writes sheetN.xml in sheet order
    wb.close()
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def test_libreoffice_stores_real_typed_cells():
    """Dates as date serials with a date format, booleans as boolean cells, 7.5 as a number,
    the typed impossible date as text, a formula with its computed value."""
    wb = openpyxl.load_workbook(LO / "werkmap" / "gegevens.xlsx")
    casussen, metingen, bijeenkomsten = wb["casussen"], wb["metingen"], wb["bijeenkomsten"]
    assert casussen["D2"].is_date and casussen["D2"].number_format == "dd\\-mm\\-yyyy"
    # in the file: a number (42618 days after 30-12-1899) with a date style, as Excel stores dates
    assert re.search(r'<c r="D2" s="\d+" t="n"><v>42618</v></c>', _sheet_xml(LO / "werkmap" / "gegevens.xlsx", "casussen"))
    assert casussen["D5"].data_type == "s" and casussen["D5"].value == "31-02-2017"
    assert casussen["H2"].data_type == "b" and casussen["H2"].value is True
    assert casussen["A8"].data_type == "n" and casussen["A8"].value == 1017
    assert metingen["D3"].data_type == "n" and metingen["D3"].value == 7.5
    assert metingen["D6"].data_type == "s" and metingen["D6"].value == "6,5"
    assert metingen["C8"].value == dt.datetime(2017, 6, 12, 9, 30)
    assert bijeenkomsten["D4"].value == "=E4+F4+8"
    assert [c.value for c in casussen[4]] == [None] * casussen.max_column  # the blank row


# --- one workbook with a sheet per table -------------------------------------------------


def test_one_workbook_with_a_sheet_per_table(werkmap):
    assert {t: (s.bestand, s.sheet) for t, s in werkmap.sources.items()} == {
        "casussen": ("gegevens.xlsx", "casussen"),
        "metingen": ("gegevens.xlsx", "metingen"),
        "bijeenkomsten": ("gegevens.xlsx", "bijeenkomsten"),
        "reflectiekaarten": ("gegevens.xlsx", "reflectiekaarten"),
    }


def test_row_accounting(werkmap):
    assert {t: (a.gelezen, a.geaccepteerd, a.geweigerd) for t, a in werkmap.accounting.items()} == {
        "casussen": (6, 4, 2),  # row 4 is blank: not read
        "metingen": (7, 5, 2),
        "bijeenkomsten": (5, 5, 0),
        "reflectiekaarten": (5, 5, 0),
    }
    for table, a in werkmap.accounting.items():
        assert a.gelezen == a.geaccepteerd + a.geweigerd
        assert len(werkmap.tables[table]) == a.geaccepteerd
        assert len(werkmap.refused[table]) == a.geweigerd
    accepted = {t: werkmap.tables[t].index.tolist() for t in werkmap.accounting}
    refused = {t: werkmap.refused[t].index.tolist() for t in werkmap.accounting}
    assert accepted == {
        "casussen": [2, 3, 7, 8],
        "metingen": [2, 3, 6, 7, 8],
        "bijeenkomsten": [2, 3, 4, 5, 6],
        "reflectiekaarten": [2, 3, 4, 5, 6],
    }
    assert refused == {"casussen": [5, 6], "metingen": [4, 5], "bijeenkomsten": [], "reflectiekaarten": []}


def test_planted_errors_at_the_spreadsheet_rows(werkmap):
    # row 4 of casussen is blank in the sheet, so L3 is on row 5, as LibreOffice shows it
    found = {(p.bestand, p.blad, p.rij, p.kolom, p.waarde): p.melding for p in werkmap.errors}
    assert set(found) == {
        ("gegevens.xlsx", "casussen", 5, "aanmelddatum", "31-02-2017"),
        ("gegevens.xlsx", "casussen", 6, "status", "klaar"),
        ("gegevens.xlsx", "metingen", 4, "welbevinden", "11"),
        ("gegevens.xlsx", "metingen", 5, "casus_id", "L9"),
    }
    date = found["gegevens.xlsx", "casussen", 5, "aanmelddatum", "31-02-2017"]
    assert "'31-02-2017' bestaat niet als datum" in date and "dd-mm-jjjj" in date
    assert found["gegevens.xlsx", "casussen", 6, "status", "klaar"] == (
        "'klaar' is niet toegestaan; kies uit: aangemeld, mdo, uitvoering, afgerond, gestopt"
    )
    assert found["gegevens.xlsx", "metingen", 4, "welbevinden", "11"] == (
        "11 ligt buiten het bereik; toegestaan: van 1 tot en met 10"
    )
    assert found["gegevens.xlsx", "metingen", 5, "casus_id", "L9"] == (
        "'L9' komt niet voor in casussen (kolom casus_id, geaccepteerde rijen)"
    )
    notices = [(p.blad, p.rij, p.kolom, p.melding) for p in werkmap.problems if p.ernst == "melding"]
    # the instruction sheet 'Toelichting' (the name the registration workbook gives it) holds no table
    # header: passed over without a notice
    assert notices == [
        ("casussen", None, "Opmerking", "onbekende kolom 'Opmerking' wordt bewaard maar niet gecontroleerd"),
        # row 3 (L2) says status mdo with its MDO date empty: a step counts by its date (contract.CASE_STEPS)
        (
            "casussen",
            3,
            "mdo_datum",
            "status 'mdo' maar mdo_datum is leeg: de casus telt bij MDO gehouden pas mee als de datum is ingevuld",
        ),
    ]
    # every problem names the sheet, named after its table
    assert all(p.blad in werkmap.sources for p in werkmap.problems if p.regel != "niet_gelezen")


def test_each_problem_points_at_its_cell_in_the_workbook(werkmap):
    """Problem.rij and kolom name the very cell the programme team sees, holding Problem.waarde."""
    path = werkmap.sources["casussen"].path
    wb = openpyxl.load_workbook(path, data_only=True)
    for p in werkmap.errors:
        ws = wb[p.blad]
        letters = {lg.names.normalize_name(c.value): get_column_letter(c.column) for c in ws[1] if c.value is not None}
        value = ws[f"{letters[p.kolom]}{p.rij}"].value
        assert lg.cells.cell_text(value) == p.waarde


def test_refused_rows_are_kept_as_written_with_their_reasons(werkmap):
    casussen = werkmap.refused["casussen"]
    assert casussen.loc[5, "Casus ID"] == "L3" and casussen.loc[5, "Aanmelddatum"] == "31-02-2017"
    assert casussen.loc[5, "redenen"] == "aanmelddatum: '31-02-2017' bestaat niet als datum (dag eerst: dd-mm-jjjj)"
    assert casussen.loc[6, "Aanmelddatum"] == dt.datetime(2017, 3, 1)
    metingen = werkmap.refused["metingen"]
    assert metingen["Casus ID"].tolist() == ["L5", "L9"]
    assert metingen.loc[4, "Welbevinden"] == 11


def test_dates_are_real_dates(werkmap):
    c, m = werkmap.casussen, werkmap.metingen
    for frame, column in [(c, "aanmelddatum"), (c, "mdo_datum"), (c, "afsluitdatum"), (m, "datum")]:
        assert pd.api.types.is_datetime64_dtype(frame[column]), column
    for table in ("bijeenkomsten", "reflectiekaarten"):
        assert pd.api.types.is_datetime64_dtype(werkmap.tables[table]["datum"])
    assert c["aanmelddatum"].tolist() == [T("2016-09-05"), T("2017-02-01"), T("2017-03-02"), T("2017-04-03")]
    # a date cell, a blank, and the text 10-4-2017 read day first
    assert c["mdo_datum"].tolist()[0] == T("2016-09-12")
    assert pd.isna(c.loc[3, "mdo_datum"])
    assert c.loc[8, "mdo_datum"] == T("2017-04-10")
    assert c.loc[2, "afsluitdatum"] == T("2017-01-16")
    # a date cell with a time of day (12-06-2017 09:30) is that day
    assert m["datum"].tolist() == [T("2016-09-05"), T("2016-10-17"), T("2017-02-01"), T("2017-04-03"), T("2017-06-12")]
    assert werkmap.bijeenkomsten["datum"].tolist() == [
        T("2016-09-06"),
        T("2016-09-20"),
        T("2016-11-03"),
        T("2017-01-19"),
        T("2017-02-14"),
    ]


def test_numbers_are_real_numbers(werkmap):
    m = werkmap.metingen
    assert m["welbevinden"].dtype == "float64"
    # 4 and 7.5 as number cells, 6,5 typed as text with a decimal comma, 8.25
    assert m["welbevinden"].tolist() == [4.0, 7.5, 6.5, 8.0, 8.25]
    b = werkmap.bijeenkomsten
    assert str(b["deelnemers"].dtype) == "Int64"
    # row 4's deelnemers is a formula (=E4+F4+8): its value counts
    assert b["deelnemers"].tolist() == [15, 12, 40, 9, pd.NA]
    assert b["wijkbewoners"].tolist() == [5, pd.NA, 12, 2, 3]
    assert b["professionals"].tolist() == [10, pd.NA, 20, 7, 4]


def test_text_yes_no_enums_and_lists(werkmap):
    c = werkmap.casussen
    # the numeric casus_id 1017 is text, and metingen's numeric 1017 points at it
    assert c["casus_id"].tolist() == ["L1", "L2", "L5", "1017"]
    assert werkmap.metingen["casus_id"].tolist() == ["L1", "L1", "L2", "1017", "1017"]
    assert c["soort"].tolist() == ["individueel", "collectief", "individueel", "collectief"]
    assert c["status"].tolist() == ["afgerond", "mdo", "aangemeld", "uitvoering"]  # ' MDO ', 'Uitvoering'
    assert werkmap.metingen["meetmoment"].tolist() == ["voor", "na_6_weken", "voor", "voor", "herhaling"]
    # boolean cells WAAR / ONWAAR, and the texts nee and j
    assert c["binnen_bestaand_aanbod"].tolist() == [True, False, False, True]
    assert c["toestemming_citaat"].tolist() == [True, False, False, False]  # ja, (default), (default), nee
    assert c["levensdomeinen"].tolist() == [["wonen", "financien"], [], ["gezondheid"], ["wonen", "gezondheid"]]
    assert c["betrokken_organisaties"].tolist() == [["GGZ", "Woonstichting Ruwaard"], [], [], []]
    assert c["belemmeringen"].tolist() == [["regelgeving", "financiering"], [], [], ["capaciteit"]]
    assert c.loc[2, "Opmerking"] == "eerste casus"  # an unknown column is kept
    assert werkmap.bijeenkomsten["soort"].tolist() == [
        "tweewekelijkse_leersessie",
        "tweewekelijkse_leersessie",
        "werkconferentie",
        "effectenarena",
        "snelkookpansessie",
    ]


def test_reflectiekaarten(werkmap):
    r = werkmap.reflectiekaarten
    assert r["kaart_id"].tolist() == [f"gegevens-reflectiekaarten-r{i}" for i in range(2, 7)]
    assert r["rol"].tolist() == ["wijkbewoner", "professional", "manager", "bestuurder", "student"]
    # '1, 2', the number cell 2, blank, '1,2', the text '2'
    assert r["themas"].tolist() == [["1", "2"], ["2"], [], ["1", "2"], ["2"]]
    # WAAR, blank (reflectiekaarten_citeerbaar: false), ONWAAR, ja, blank
    assert r["toestemming_citaat"].tolist() == [True, False, False, True, False]
    assert r["bijeenkomst"].tolist() == [
        "Leersessie 1",
        "Leersessie 1",
        "Werkconferentie Ruwaard",
        "Effectenarena",
        "Snelkookpan wonen",
    ]


# --- files named after a table -----------------------------------------------------------


def test_files_named_after_a_table(losse_bestanden):
    d = losse_bestanden
    # casussen.xlsx has no sheet 'casussen': its first sheet Blad1 (not Blad2);
    # spinnenweb.xlsx has a sheet 'Spinnenweb' after 'Uitleg': that one
    assert {t: (s.bestand, s.sheet) for t, s in d.sources.items()} == {
        "casussen": ("casussen.xlsx", "Blad1"),
        "spinnenweb": ("spinnenweb.xlsx", "Spinnenweb"),
    }
    assert {t: (a.gelezen, a.geaccepteerd, a.geweigerd) for t, a in d.accounting.items()} == {
        "casussen": (4, 2, 2),
        "spinnenweb": (5, 3, 2),
    }
    for table, a in d.accounting.items():
        assert a.gelezen == a.geaccepteerd + a.geweigerd == len(d.tables[table]) + len(d.refused[table])
    assert d.casussen.index.tolist() == [2, 5]
    assert d.casussen["casus_id"].tolist() == ["S1", "S3"]  # S9 of Blad2 is not read
    assert d.casussen["aanmelddatum"].tolist() == [T("2017-10-02"), T("2017-11-06")]
    assert d.casussen["afsluitdatum"].tolist()[1] == T("2018-01-08")
    assert d.casussen.loc[2, "organisatie"] == "GGZ"  # the first S1 is the one kept
    found = {(p.bestand, p.blad, p.rij, p.kolom, p.waarde): p.melding for p in d.errors}
    assert found == {
        ("casussen.xlsx", "Blad1", 3, "afsluitdatum", "01-10-2017"): (
            "afsluitdatum ligt vóór aanmelddatum (09-10-2017); dat kan niet"
        ),
        ("casussen.xlsx", "Blad1", 4, "casus_id", "S1"): "S1 komt al voor in rij 2; alleen die eerste rij telt",
        ("spinnenweb.xlsx", "Spinnenweb", 4, "meedoen_2", "11"): "itemscore moet van 0 tot en met 10 zijn",
        ("spinnenweb.xlsx", "Spinnenweb", 5, None, None): (
            "te weinig items beantwoord: een domeinscore vraagt minstens de helft van de items van dat domein"
        ),
    }


def test_spinnenweb_domain_scores_from_items(losse_bestanden):
    s = losse_bestanden.spinnenweb
    assert s.index.tolist() == [2, 3, 6]
    assert s["deelnemer_id"].tolist() == ["P1", "P1", "P4"]
    assert s["meetmoment"].tolist() == [0, 1, 0]
    assert s["datum"].tolist() == [T("2017-10-05"), T("2018-04-05"), T("2017-10-12")]  # P4's typed as text
    assert s["versie"].tolist() == ["mpg_v1"] * 3
    for domain in lg.contract.DOMEINEN:
        assert s[domain].dtype == "float64"
    p1, p1_later, p4 = (s.loc[r] for r in (2, 3, 6))
    # P1, nulmeting: lichaamsfuncties all 7 answered
    assert p1["lichaamsfuncties"] == pytest.approx((6 + 7 + 8 + 7 + 6 + 5 + 8) / 7)
    assert pd.isna(p1["zingeving"])  # 3 of 7 answered: fewer than half
    assert p1["meedoen"] == pytest.approx((4 + 6 + 8 + 6) / 4)  # 4 of 7: half or more
    assert pd.isna(p1["dagelijks_functioneren"])  # no item answered
    # P1, first follow-up
    assert p1_later["lichaamsfuncties"] == pytest.approx((7 + 7 + 8 + 8 + 7 + 6 + 8) / 7)
    assert p1_later["zingeving"] == 0.0  # four answered zeros are answered
    assert p1_later["meedoen"] == pytest.approx((7.5 + 8 + 9 + 8.5) / 4)
    assert p1_later["dagelijks_functioneren"] == pytest.approx(6.0)
    # P4
    assert p4["lichaamsfuncties"] == pytest.approx(10.0)
    assert p4["dagelijks_functioneren"] == pytest.approx((3 + 4 + 5 + 6) / 4)
    assert pd.isna(p4["zingeving"]) and pd.isna(p4["meedoen"])
    # domains without any item column stay missing
    assert s["mentaal_welbevinden"].isna().all() and s["kwaliteit_van_leven"].isna().all()
    refused = losse_bestanden.refused["spinnenweb"]
    assert refused.index.tolist() == [4, 5]
    assert refused["Deelnemer ID"].tolist() == ["P2", "P3"]


# --- Excel-only cells, written by openpyxl -----------------------------------------------


def test_excel_style_workbook_with_error_cells_and_other_sheets(tmp_path):
    """A workbook with any name, its sheets in any order among others, python date and datetime
    cells, booleans, an Excel error value and the header variations of the contract."""
    shutil.copy(LO / "werkmap" / "proeftuin.yml", tmp_path)
    wb = openpyxl.Workbook()
    wb.active.title = "notities"
    wb.active.append(["vrije tekst"])
    ws = wb.create_sheet("Casussen ")  # sheet names are matched like headers
    ws.append(["Casus ID", "Soort", "Organisatie", " Aanmelddatum", "MDO-datum", "Status", "Binnen bestaand aanbod"])
    ws.append(["E1", "individueel", "GGZ", dt.datetime(2017, 1, 9), dt.date(2017, 1, 16), "afgerond", True])
    ws.append(["E2", "individueel", "GGZ", dt.date(2017, 2, 6), None, "mdo", "nee"])
    ws.append([])
    ws.append(["E3", "individueel", "GGZ", dt.date(2017, 2, 6), dt.date(2017, 1, 6), "mdo", 1])
    ws["D2"].number_format = "dd-mm-yyyy"
    ws["D3"].number_format = "[$-413]d mmmm yyyy"
    metingen = wb.create_sheet("metingen")
    metingen.append(["casus_id", "meetmoment", "welbevinden"])
    metingen.append(["E1", "voor", 3.5])
    metingen.append(["E1", "na_6_weken", "#N/A"])
    metingen.append(["E2", "voor", 10])
    wb.save(tmp_path / "Registratie 2017.xlsx")
    d = lg.load(tmp_path)
    assert {t: (s.bestand, s.sheet) for t, s in d.sources.items()} == {
        "casussen": ("Registratie 2017.xlsx", "Casussen "),
        "metingen": ("Registratie 2017.xlsx", "metingen"),
    }
    assert {t: (a.gelezen, a.geaccepteerd, a.geweigerd) for t, a in d.accounting.items()} == {
        "casussen": (3, 2, 1),
        "metingen": (3, 2, 1),
    }
    assert d.casussen["aanmelddatum"].tolist() == [T("2017-01-09"), T("2017-02-06")]
    assert pd.api.types.is_datetime64_dtype(d.casussen["aanmelddatum"])
    assert d.casussen["binnen_bestaand_aanbod"].tolist() == [True, False]
    assert d.metingen["welbevinden"].tolist() == [3.5, 10.0]
    assert d.metingen["welbevinden"].dtype == "float64"
    found = {(p.bestand, p.blad, p.rij, p.kolom, p.waarde): p.melding for p in d.errors}
    assert found == {
        ("Registratie 2017.xlsx", "Casussen ", 5, "mdo_datum", "06-01-2017"): (
            "mdo_datum ligt vóór aanmelddatum (06-02-2017); dat kan niet"
        ),
        ("Registratie 2017.xlsx", "metingen", 3, "welbevinden", "#N/A"): (
            "de cel bevat de Excel-foutwaarde #N/A: een formule kon niet worden uitgerekend; herstel de formule of vul de waarde zelf in"
        ),
    }
