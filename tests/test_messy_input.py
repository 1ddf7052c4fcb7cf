"""Messy real-world input, round 2 (issue 12): nothing changed, guessed or dropped in silence.

One small fixture per behaviour, built in tmp_path by the functions in ``FIXTURES``; each
category has tests that failed on the code before issue 12. The last tests run every fixture
through ``check``, ``kerncijfers`` and (slow) ``report``: never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import leergeschiedenis as lg
from leergeschiedenis.cells import CellError, parse_date, parse_integer, parse_number
from leergeschiedenis.cli import main
from leergeschiedenis.config import load_config

CONFIG = """naam: Proeftuin Rommel
gemeente: Oss
levensdomeinen: [wonen, financien, werk_en_dagbesteding]
ontwerpprincipes:
  - {nr: 1, groep: willen, naam: Leefwereld, trefwoorden: [leefwereld]}
privacy:
  min_groepsgrootte: 2
"""
CASES = "casus_id;soort;organisatie;aanmelddatum;status\n"
CASE_ROWS = "R-2017-001;individueel;GGZ;05-09-2017;mdo\nR-2017-002;individueel;GGD;06-09-2017;mdo\n"
PRICES = "code;omschrijving;eenheid;prijs;financier;jaar\nBEG;Begeleiding;uur;€ 65,00;gemeente_wmo;2017\n"


def proeftuin(folder: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "proeftuin.yml").write_text(config, encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


def check(folder: Path, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", str(folder)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def rows(d: lg.Dataset, table: str) -> tuple[int, int, int]:
    a = d.accounting[table]
    assert a.gelezen == a.geaccepteerd + a.geweigerd
    return a.gelezen, a.geaccepteerd, a.geweigerd


def errors(d: lg.Dataset, table: str | None = None) -> list:
    return [p for p in d.errors if table is None or p.bestand.startswith(table)]


# --- the fixtures: each a folder built in tmp_path ----------------------------------------


def kosten(aantal: str, prijs: str = "€ 65,00") -> dict[str, str]:
    return {
        "casussen.csv": CASES + CASE_ROWS,
        "prijslijst.csv": PRICES.replace("€ 65,00", prijs),
        "kosten.csv": f"casus_id;scenario;voorziening;aantal\nR-2017-001;huidig;BEG;{aantal}\n",
    }


def bijeenkomsten(deelnemers: str) -> dict[str, str]:
    return {
        "casussen.csv": CASES + CASE_ROWS,
        "bijeenkomsten.csv": f"bijeenkomst;datum;soort;deelnemers\nLeersessie 1;05-09-2017;overig;{deelnemers}\n",
    }


def identifiers() -> dict[str, str]:
    return {
        "casussen.csv": CASES
        + CASE_ROWS
        + "r-2017-001 ;individueel;GGZ;07-09-2017;mdo\nR-2017-001\u200b;individueel;GGZ;08-09-2017;mdo\n",
        "metingen.csv": "casus_id;meetmoment;welbevinden\n\ufeffr-2017-002\u00a0;voor;5\nR-2017-002;na_6_weken;8\n",
        "bijeenkomsten.csv": "bijeenkomst;datum;soort\nLeersessie maart;05-03-2017;overig\nleersessie maart ;06-03-2017;overig\n",
        "reflectiekaarten.csv": "kaart_id;datum;bijeenkomst;rol;geleerd\nK1;05-03-2017;LEERSESSIE\u00a0MAART;professional;veel\nk1 ;05-03-2017;Leersessie maart;professional;meer\n",
        "spinnenweb.csv": "deelnemer_id;meetmoment;datum;lichaamsfuncties;mentaal_welbevinden;zingeving;kwaliteit_van_leven;meedoen;dagelijks_functioneren\n"
        "P1;0;05-10-2017;5;5;5;5;5;5\np1\u200b;0;06-10-2017;6;6;6;6;6;6\n",
    }


def headers() -> dict[str, str]:
    return {
        "casussen.csv": "Casus ID;Soort;Organisatie;Aanmeld datum;Afsluitdatum (dd-mm-jjjj);Status;Status\n"
        "R-2017-001;individueel;GGZ;05-09-2017;01-12-2017;mdo;afgerond\n",
        "metingen.csv": "Casus-ID;Meet-moment;Welbevinden\nR-2017-001;voor;5\n",
        "prijslijst.csv": PRICES.replace("prijs", "Prijs (€)"),
        "spinnenweb.csv": "deelnemer_id;meetmoment;datum;"
        + ";".join(f"Lichaamsfuncties{i}" for i in range(1, 8))
        + "\nP1;0;05-10-2017;"
        + ";".join("6" for _ in range(7))
        + "\n",
    }


def near_header(header: str) -> dict[str, str]:
    return {
        "casussen.csv": f"casus_id;soort;organisatie;aanmelddatum;status;{header}\nR-2017-001;individueel;GGZ;05-09-2017;mdo;12-09-2017\n"
    }


STRAY_QUOTE = CASES.replace("status", "status;ik_wil") + (
    'R-2017-001;individueel;GGZ;05-09-2017;mdo;"Ik wil weer\n'
    "R-2017-002;individueel;GGD;06-09-2017;mdo;werken\n"
    "R-2017-003;individueel;GGD;07-09-2017;mdo;rust\n"
    'R-2017-004;individueel;GGD;08-09-2017;mdo;een "huis"\n'
)
MULTILINE = CASES.replace("status", "ik_wil;status") + (
    'R-2017-001;individueel;GGZ;05-09-2017;"Ik wil weer\nwerken; en rust";mdo\nR-2017-002;individueel;GGD;06-09-2017;"a\nb";mdo\n'
)


def utf8_with_pasted_row() -> bytes:
    good = (CASES + "R-2017-001;individueel;Zorgcoöperatie;05-09-2017;mdo\n").encode("utf-8")
    pasted = "R-2017-002;individueel;Café De Brug;06-09-2017;mdo\n".encode("cp1252")
    return good + pasted + "R-2017-003;individueel;Één;07-09-2017;mdo\n".encode()


def mac_roman() -> bytes:
    return (CASES + "R-2017-001;individueel;Zorgcoöperatie Één;05-09-2017;mdo\n").replace("\n", "\r").encode("mac_roman")


def dates() -> dict[str, str]:
    return {
        "casussen.csv": CASES
        + "R-2017-001;individueel;GGZ;05-09-2017 10:30;mdo\nR-2017-002;individueel;GGD;2017-09-06 08:15:00;mdo\n"
    }


def date_cells(folder: Path) -> None:
    workbook(
        folder / "casussen.xlsx",
        {
            "casussen": [
                ["casus_id", "soort", "organisatie", "aanmelddatum", "status"],
                ["R-2017-001", "individueel", "GGZ", dt.datetime(2017, 9, 5, 10, 30), "mdo"],
                ["R-2917-002", "individueel", "GGD", dt.datetime(2917, 9, 6), "mdo"],
            ]
        },
    )


HEADER = ["casus_id", "soort", "organisatie", "aanmelddatum", "status"]


def sheets(folder: Path) -> None:
    workbook(
        folder / "casussen.xlsx",
        {
            "Instructie": [["Vul per casus één rij in."], ["Datums als dd-mm-jjjj."]],
            "Casussen": [HEADER, ["R-2016-001", "individueel", "GGZ", "05-09-2016", "afgerond"]],
            "Casussen 2017": [
                HEADER,
                ["R-2017-001", "individueel", "GGD", "05-09-2017", "mdo"],
                ["r-2016-001", "individueel", "GGZ", "05-09-2016", "mdo"],
            ],
            "Leeg": [],
        },
    )
    workbook(
        folder / "metingen.xlsx",
        {
            "metingen": [["casus_id", "meetmoment", "welbevinden"], ["R-2016-001", "voor", 5]],
            "Metingen (2)": [["casus_id", "meetmoment", "welbevinden"], ["R-2017-001", "voor", 6]],
        },
    )
    (folder / "metingen 2016.csv").write_text("casus_id;meetmoment;welbevinden\nR-2016-001;na_6_weken;7\n", encoding="utf-8")


def template(folder: Path) -> None:
    (folder / "casussen.csv").write_text(CASES + CASE_ROWS, encoding="utf-8")
    workbook(folder / "registratie.xlsx", {"casussen": [HEADER], "prijslijst": [PRICES.split("\n")[0].split(";")]})


def spinnenweb(items: list[str], meedoen: str = "") -> dict[str, str]:
    head = "deelnemer_id;meetmoment;datum;meedoen;" + ";".join(f"meedoen_{i}" for i in range(1, 8))
    head += ";" + ";".join(f"zingeving_{i}" for i in range(1, 8))
    row = f"P1;0;05-10-2017;{meedoen};" + ";".join(items) + ";" + ";".join("7" for _ in range(7))
    return {"casussen.csv": CASES + CASE_ROWS, "spinnenweb.csv": head + "\n" + row + "\n"}


def build(name: str, folder: Path) -> Path:
    spec = FIXTURES[name]
    if callable(spec):
        proeftuin(folder, {"casussen.csv": CASES + CASE_ROWS} if name not in ("datumcellen", "bladen") else {})
        spec(folder)
        return folder
    files, config = spec if isinstance(spec, tuple) else (spec, CONFIG)
    return proeftuin(folder, files, config)


FIXTURES = {
    "dubbelzinnig-aantal": kosten("1.040"),
    "dubbelzinnig-aantal-komma": kosten("2,125"),
    "duizendtal-bedrag": kosten("3", "€ 1.234"),
    "dubbelzinnig-bedrag": kosten("3", "€ 2,125"),
    "reusachtig-geheel-getal": bijeenkomsten("100000000000000000000"),
    "identificaties": identifiers(),
    "koppen": headers(),
    "kop-andere-volgorde": near_header("Datum MDO"),
    "kop-verschrijving": near_header("Oplosing datum"),
    "los-aanhalingsteken": {"casussen.csv": STRAY_QUOTE},
    "meerregelige-cel": {"casussen.csv": MULTILINE},
    "utf8-met-geplakte-regel": {"casussen.csv": utf8_with_pasted_row()},
    "csv-macintosh": {"casussen.csv": mac_roman()},
    "datum-met-tijd": dates(),
    "datumcellen": date_cells,
    "bladen": sheets,
    "leeg-sjabloon": template,
    "yml-dubbele-sleutel": ({"casussen.csv": CASES + CASE_ROWS}, CONFIG + "privacy:\n  min_groepsgrootte: 1\n"),
    "yml-verschreven-sleutel": ({"casussen.csv": CASES + CASE_ROWS}, CONFIG.replace("min_groepsgrootte", "min_groepsgroote")),
    "yml-levensdomeinen": (
        {
            "casussen.csv": CASES.replace("status", "status;levensdomeinen")
            + "R-2017-001;individueel;GGZ;05-09-2017;mdo;Financiën, werk en dagbesteding\n"
        },
        CONFIG.replace("[wonen, financien, werk_en_dagbesteding]", "[Wonen, Financiën, Werk en dagbesteding]"),
    ),
    "yml-duizendtal": ({"casussen.csv": CASES + CASE_ROWS}, CONFIG + "inwoners: 13.000\n"),
    "yml-tab": ({"casussen.csv": CASES + CASE_ROWS}, CONFIG.replace("  - {nr: 1", "\t- {nr: 1")),
    "spinnenweb-te-weinig-items": spinnenweb(["6", "", "", "", "", "", "8"]),
    "spinnenweb-domein-wijkt-af": spinnenweb(["6", "6", "6", "6", "6", "6", "6"], meedoen="8"),
    "spinnenweb-domein-klopt": spinnenweb(["6", "6", "6", "6", "6", "6", "7"], meedoen="6,1"),
}


@pytest.fixture
def made(tmp_path):
    return lambda name: build(name, tmp_path / name)


# --- 1. ambiguous numbers -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["1.040", "12.500", "2,125", "-1.040", "+3,500", " 1.040 "])
def test_a_single_separator_before_three_digits_is_ambiguous(text):
    with pytest.raises(CellError, match="dubbelzinnig") as e:
        parse_number(text)
    assert "zonder scheidingsteken" in str(e.value)


def test_the_ambiguity_message_asks_for_both_readings():
    with pytest.raises(CellError) as e:
        parse_number("1.040")
    assert "1040" in str(e.value) and "1,04" in str(e.value)
    with pytest.raises(CellError) as e:
        parse_number("12.500")
    assert "12500" in str(e.value) and "12,5 " in str(e.value)
    with pytest.raises(CellError) as e:
        parse_number("-2,125")
    assert "-2125" in str(e.value) and "-2,1250" in str(e.value) and "komma" in str(e.value)
    with pytest.raises(CellError) as e:
        parse_number("3.000")
    assert "3000" in str(e.value) and "of 3 " in str(e.value)


@pytest.mark.parametrize(
    ("text", "money", "expected"),
    [
        ("0.125", False, 0.125),
        ("0,125", False, 0.125),
        ("1.234,56", False, 1234.56),
        ("1,234.56", False, 1234.56),
        ("1.234.567", False, 1234567.0),
        ("1,234,567", False, 1234567.0),
        ("1.04", False, 1.04),
        ("1040", False, 1040.0),
        ("1000.500", False, 1000.5),
        ("€ 1.234", True, 1234.0),
        ("1.234", True, 1234.0),
        ("-€ 1.234", True, -1234.0),
        ("€ 2,12", True, 2.12),
        ("EUR 12", True, 12.0),
        ("12 euro", True, 12.0),
    ],
)
def test_numbers_that_are_clear(text, money, expected):
    assert parse_number(text, money=money) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["€ 2,125", "2,125", "€ -1,500"])
def test_money_with_a_comma_before_three_digits_stays_ambiguous(text):
    with pytest.raises(CellError, match="dubbelzinnig"):
        parse_number(text, money=True)


@pytest.mark.parametrize("value", ["100000000000000000000", "-99999999999999999999999", 1e20, str(2**63)])
def test_an_integer_too_large_for_any_integer_type_is_refused(value):
    with pytest.raises(CellError, match="buiten het bereik"):
        parse_integer(value)
    assert parse_integer(str(2**53)) == 2**53


def test_ambiguous_amounts_refuse_their_row_and_clear_ones_are_read(made, capsys):
    d = lg.load(made("dubbelzinnig-aantal"))
    assert rows(d, "kosten") == (1, 0, 1)
    [p] = errors(d, "kosten")
    assert (p.bestand, p.rij, p.kolom, p.waarde) == ("kosten.csv", 2, "aantal", "1.040")
    assert "1040" in p.melding and "1,04" in p.melding
    assert rows(lg.load(made("dubbelzinnig-aantal-komma")), "kosten") == (1, 0, 1)
    d = lg.load(made("duizendtal-bedrag"))
    assert d.prijslijst["prijs"].tolist() == [1234.0]
    d = lg.load(made("dubbelzinnig-bedrag"))
    assert rows(d, "prijslijst") == (1, 0, 1)
    assert errors(d, "prijslijst")[0].waarde == "€ 2,125"
    # the cost line points at a refused price: refused too, never priced at 2125 euro
    assert rows(d, "kosten") == (1, 0, 1)


def test_a_huge_integer_is_refused_not_a_traceback(made, capsys):
    folder = made("reusachtig-geheel-getal")
    code, _, _ = check(folder, capsys)
    assert code == 1
    d = lg.load(folder)
    assert rows(d, "bijeenkomsten") == (1, 0, 1)
    [p] = errors(d, "bijeenkomsten")
    assert (p.rij, p.kolom, p.waarde) == (2, "deelnemers", "100000000000000000000")


# --- 2. identifiers -----------------------------------------------------------------------


def test_identifiers_ignore_case_and_invisible_spaces_in_uniqueness_and_references(made):
    d = lg.load(made("identificaties"))
    assert rows(d, "casussen") == (4, 2, 2)
    assert {(p.rij, p.regel) for p in errors(d, "casussen")} == {(4, "dubbel"), (5, "dubbel")}
    assert all("rij 2" in p.melding for p in errors(d, "casussen"))
    # a reference spelled otherwise points at the accepted row, and takes its spelling (so tables join)
    assert rows(d, "metingen") == (2, 2, 0)
    assert d.metingen["casus_id"].tolist() == ["R-2017-002", "R-2017-002"]
    assert rows(d, "bijeenkomsten") == (2, 1, 1)
    assert rows(d, "reflectiekaarten") == (2, 1, 1)
    assert d.reflectiekaarten["bijeenkomst"].tolist() == ["Leersessie maart"]
    assert [p.regel for p in errors(d, "reflectiekaarten")] == ["dubbel"]
    assert rows(d, "spinnenweb") == (2, 1, 1)


def test_identifier_cleaning():
    from leergeschiedenis.cells import parse_identifier
    from leergeschiedenis.names import clean_identifier, identifier_key

    assert clean_identifier("\ufeff R-1\u200b\u00a0") == "R-1"
    assert clean_identifier("Leersessie\u00a0maart") == "Leersessie maart"
    assert identifier_key(" r-1\u2060") == identifier_key("R-1") == "r-1"
    assert parse_identifier("\u200b") is None
    assert parse_identifier(None) is None
    assert parse_identifier(12.0) == "12"
    with pytest.raises(CellError, match="Excel-foutwaarde"):
        parse_identifier("#N/B")


# --- 3. headers ---------------------------------------------------------------------------


def test_headers_are_folded(made):
    d = lg.load(made("koppen"))
    assert rows(d, "casussen") == (1, 1, 0)
    assert d.casussen["aanmelddatum"].tolist() == [pd.Timestamp("2017-09-05")]
    assert d.casussen["afsluitdatum"].tolist() == [pd.Timestamp("2017-12-01")]
    assert d.metingen["meetmoment"].tolist() == ["voor"]
    assert d.prijslijst["prijs"].tolist() == [65.0]
    assert d.spinnenweb["lichaamsfuncties"].tolist() == [6.0]
    [twice] = [p for p in d.problems if "twee keer" in p.melding]
    assert "de eerste, kolom F" in twice.melding and "kolom G" in twice.melding
    assert d.casussen["status"].tolist() == ["mdo"]  # the first one is used, as the notice says


@pytest.mark.parametrize(("fixture", "meant"), [("kop-andere-volgorde", "mdo_datum"), ("kop-verschrijving", "oplossing_datum")])
def test_a_column_that_is_probably_a_contract_column_is_an_error(made, capsys, fixture, meant):
    folder = made(fixture)
    code, out, _ = check(folder, capsys)
    assert code == 1
    d = lg.load(folder)
    assert rows(d, "casussen") == (1, 0, 1)
    [p] = errors(d)
    assert p.rij == 2 and p.waarde == "12-09-2017" and f"'{meant}'" in p.melding
    assert "Alle rijen geaccepteerd" not in out


def test_an_unrelated_extra_column_is_still_only_a_notice(tmp_path):
    d = lg.load(proeftuin(tmp_path / "p", near_header("Opmerking")))
    assert rows(d, "casussen") == (1, 1, 0)


@pytest.mark.parametrize(("header", "meant"), [("ID casus", "casus_id"), ("Aanmeldatum", "aanmelddatum"), ("Stauts", "status")])
def test_a_missing_required_column_under_another_name_names_it(tmp_path, header, meant):
    text = "casus_id;soort;organisatie;aanmelddatum;status\nR-1;individueel;GGZ;05-09-2017;mdo\n"
    d = lg.load(proeftuin(tmp_path / "p", {"casussen.csv": text.replace(meant, header, 1)}))
    assert rows(d, "casussen") == (1, 0, 1)
    [p] = errors(d)
    assert p.kolom == header and f"'{meant}'" in p.melding


# --- 4. quotes ----------------------------------------------------------------------------


def test_a_stray_quote_that_swallows_rows_makes_the_file_unreadable(made, capsys):
    folder = made("los-aanhalingsteken")
    code, _, err = check(folder, capsys)
    assert code == 2
    assert err.startswith("Fout: casussen.csv is geen geldig CSV-bestand")
    assert "regel 2" in err and "regel 3" in err
    with pytest.raises(lg.OnleesbareData):
        lg.load(folder)


def test_real_multiline_cells_stay_valid(made):
    d = lg.load(made("meerregelige-cel"))
    assert rows(d, "casussen") == (2, 2, 0)


def test_the_opening_line_is_counted_in_physical_lines(tmp_path, capsys):
    text = MULTILINE + 'R-2017-003;individueel;GGZ;05-09-2017;"stray;mdo\nR-2017-004;individueel;GGZ;05-09-2017;x;mdo\n'
    code, _, err = check(proeftuin(tmp_path / "p", {"casussen.csv": text}), capsys)
    assert code == 2 and "regel 6 (rij 4)" in err


# --- 5. encodings -------------------------------------------------------------------------


def test_a_utf8_file_with_a_pasted_windows_1252_line_refuses_that_row(made):
    d = lg.load(made("utf8-met-geplakte-regel"))
    assert rows(d, "casussen") == (3, 2, 1)
    assert d.casussen["organisatie"].tolist() == ["Zorgcoöperatie", "Één"]
    [p] = errors(d)
    assert (p.rij, p.kolom, p.regel) == (3, "organisatie", "codering") and "UTF-8" in p.melding
    assert p.waarde == "Caf\ufffd De Brug"


def test_a_csv_macintosh_export_is_read_as_mac_roman_with_a_notice(made):
    d = lg.load(made("csv-macintosh"))
    assert d.casussen["organisatie"].tolist() == ["Zorgcoöperatie Één"]
    assert any("Mac Roman" in p.melding for p in d.problems)


def test_a_windows_1252_file_is_still_read_whole():
    d = lg.load(Path(__file__).parent / "data" / "cp1252_puntkomma")
    assert d.n_refused == 0 and "Café De Brug" in d.casussen["organisatie"].tolist()


# --- 6. dates -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["05-09-2016 10:30", "5-9-2016 9:05", "05/09/2016 10:30:15", "2016-09-05 10:30"])
def test_a_time_after_a_date_is_ignored(text):
    assert parse_date(text) == pd.Timestamp("2016-09-05")


@pytest.mark.parametrize("value", [dt.datetime(2917, 1, 5), dt.date(1899, 12, 31), dt.datetime(9999, 12, 31, 23, 59)])
def test_a_real_date_cell_outside_1900_2100_is_refused(value):
    with pytest.raises(CellError, match="1900 en 2100"):
        parse_date(value)


def test_dates_in_files(made):
    d = lg.load(made("datum-met-tijd"))
    assert d.casussen["aanmelddatum"].tolist() == [pd.Timestamp("2017-09-05"), pd.Timestamp("2017-09-06")]
    d = lg.load(made("datumcellen"))
    assert rows(d, "casussen") == (2, 1, 1)
    [p] = errors(d)
    assert (p.blad, p.rij, p.kolom) == ("casussen", 3, "aanmelddatum") and "1900 en 2100" in p.melding


# --- 7. nothing ignored in silence --------------------------------------------------------


def test_sheets_are_found_by_name_or_header_and_read_together(made, capsys):
    folder = made("bladen")
    code, out, _ = check(folder, capsys)
    d = lg.load(folder)
    assert rows(d, "casussen") == (3, 2, 1)
    assert d.casussen["casus_id"].tolist() == ["R-2016-001", "R-2017-001"]
    [dubbel] = errors(d, "casussen")
    assert (dubbel.blad, dubbel.rij) == ("Casussen 2017", 3)
    assert "rij 2 van blad Casussen" in dubbel.melding
    # Metingen (2) is the metingen table by its name (brackets do not count): read with 'metingen'
    assert rows(d, "metingen") == (2, 2, 0)
    not_read = {(p.bestand, p.blad) for p in d.problems if p.regel == "niet_gelezen"}
    assert not_read == {("casussen.xlsx", "Instructie"), ("casussen.xlsx", "Leeg"), ("metingen 2016.csv", None)}
    assert "Let op: 3 bestanden of bladen niet gelezen" in out
    assert "casussen.xlsx [Casussen, Casussen 2017]" in out
    assert code == 1


def test_a_header_only_sheet_is_no_source(made, tmp_path):
    folder = made("leeg-sjabloon")
    shared = tmp_path / "prijslijst"
    proeftuin(shared, {"prijslijst.csv": PRICES})
    (shared / "proeftuin.yml").unlink()
    d = lg.load(folder)
    assert d.sources["casussen"].path.name == "casussen.csv"
    assert d.sources["prijslijst"].path == shared / "prijslijst.csv"
    assert {p.blad for p in d.problems if p.regel == "niet_gelezen"} == {"casussen", "prijslijst"}


def test_an_instruction_sheet_before_the_data_is_not_read_as_data(tmp_path):
    folder = proeftuin(tmp_path / "p", {})
    workbook(
        folder / "casussen.xlsx",
        {"Uitleg": [["Zo vult u het in"]], "Blad2": [HEADER, ["R-1", "individueel", "GGZ", "05-09-2017", "mdo"]]},
    )
    d = lg.load(folder)
    assert d.sources["casussen"].sheet == "Blad2"
    assert rows(d, "casussen") == (1, 1, 0)


def test_a_csv_with_a_table_header_but_another_name_says_so(made):
    d = lg.load(made("bladen"))
    [p] = [p for p in d.problems if p.bestand == "metingen 2016.csv"]
    assert "kopregel van 'metingen'" in p.melding


# --- 8. proeftuin.yml ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("yml-dubbele-sleutel", "regel 8: de sleutel 'privacy' staat er twee keer (ook in regel 6)"),
        (
            "yml-verschreven-sleutel",
            "regel 7: sleutel 'privacy.min_groepsgroote' is onbekend; hier mag alleen: min_groepsgrootte",
        ),
        (
            "yml-duizendtal",
            "regel 8: 'inwoners: 13.000' heeft een punt als duizendtalscheiding (YAML zou dat lezen als 13); schrijf 13000",
        ),
        ("yml-tab", "regel 5: er staat een tab-teken"),
    ],
)
def test_config_yml_strict(made, capsys, fixture, message):
    code, _, err = check(made(fixture), capsys)
    assert code == 2
    assert err.startswith("Fout: proeftuin.yml, ") and message in err


def test_config_levensdomeinen_are_matched_like_cells(made):
    d = lg.load(made("yml-levensdomeinen"))
    assert d.config.levensdomeinen == ["wonen", "financien", "werk_en_dagbesteding"]
    assert d.casussen["levensdomeinen"].tolist() == [["financien", "werk_en_dagbesteding"]]


def test_config_windows_1252_names_the_line(tmp_path):
    path = tmp_path / "proeftuin.yml"
    path.write_bytes((CONFIG + "visie: Één wijk\n").encode("cp1252"))
    with pytest.raises(lg.OnleesbareData, match=r"proeftuin\.yml, regel 8: het bestand is niet als UTF-8 opgeslagen"):
        load_config(path)


@pytest.mark.parametrize(
    ("doelen", "message"),
    [
        (
            "  - naam: Lager\n    indicatoren: [{code: kosten_per_casus, stref: 3}]\n",
            "'doelen.0.indicatoren.0.stref' is onbekend; hier mag alleen: code, streef",
        ),
        ("  - naam: Lager\n    indcatoren: [kosten_per_casus]\n", "regel 10: sleutel 'doelen.0.indcatoren' is onbekend"),
        ("  - naam: Lager\n    indicatoren: [geluk]\n", "indicator 'geluk' bestaat niet"),
    ],
)
def test_config_goals_are_strict(tmp_path, doelen, message):
    path = tmp_path / "proeftuin.yml"
    path.write_text(CONFIG + "doelen:\n" + doelen, encoding="utf-8")
    with pytest.raises(lg.OnleesbareData) as e:
        load_config(path)
    assert message in str(e.value)


def test_config_goal_with_indicators_reads(tmp_path):
    path = tmp_path / "proeftuin.yml"
    path.write_text(
        CONFIG
        + "doelen:\n  - naam: Lager\n    indicatoren: [kosten_per_casus, {code: besparing_per_casus, streef: 10000}]\n  - Betere steun\n"
    )
    config, problems = load_config(path)
    assert [str(d) for d in config.doelen] == ["Lager", "Betere steun"] and problems == []


def test_config_missing_points_inside_the_project(tmp_path):
    with pytest.raises(lg.OnleesbareData) as e:
        load_config(tmp_path / "proeftuin.yml")
    assert "DATA-CONTRACT" not in str(e.value) and "leergeschiedenis contract" in str(e.value)


# --- 9. spinnenweb ------------------------------------------------------------------------


def test_a_domain_with_too_few_items_is_missing_with_a_notice(made):
    d = lg.load(made("spinnenweb-te-weinig-items"))
    assert rows(d, "spinnenweb") == (1, 1, 0)
    assert pd.isna(d.spinnenweb["meedoen"].iloc[0]) and d.spinnenweb["zingeving"].iloc[0] == 7
    notes = [p for p in d.problems if p.regel == "te_weinig_items"]
    assert {p.kolom for p in notes} >= {"meedoen", "lichaamsfuncties"}
    [meedoen] = [p for p in notes if p.kolom == "meedoen"]
    assert meedoen.rij == 2 and "deelnemer P1, meetmoment 0" in meedoen.melding and "2 van de 7" in meedoen.melding


def test_a_domain_score_beside_items_must_equal_their_mean(made):
    d = lg.load(made("spinnenweb-domein-wijkt-af"))
    assert rows(d, "spinnenweb") == (1, 0, 1)
    [p] = errors(d)
    assert (p.rij, p.kolom, p.waarde) == (2, "meedoen", "8") and "6,00" in p.melding
    d = lg.load(made("spinnenweb-domein-klopt"))  # 6,1 against a mean of 6,14: within 0,05
    assert rows(d, "spinnenweb") == (1, 1, 0)
    assert d.spinnenweb["meedoen"].tolist() == [6.1]


# --- every fixture through the command line -----------------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_fixture_through_check_and_kerncijfers_without_a_traceback(made, capsys, name):
    folder = made(name)
    for args in (["check", str(folder)], ["check", str(folder), "--json"], ["kerncijfers", str(folder), "--year", "2017"]):
        capsys.readouterr()
        code = main(args)
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert code in (0, 1, 2)
        if code == 2:
            assert err.startswith("Fout: ") and err.count("\n") == 1
        elif args[0] == "kerncijfers" or "--json" in args:
            json.loads(out)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["identificaties", "bladen"])
def test_fixtures_render_a_report(made, tmp_path, capsys, name):
    folder = made(name)
    code = main(["report", str(folder), "--year", "2017", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 0, err


def test_optional_tables_with_only_a_header_row_break_nothing(tmp_path, capsys):
    """Every optional table present as a CSV with its header and no rows: no traceback, no row refused."""
    from leergeschiedenis.contract import TABLES

    files = {"casussen.csv": CASES + CASE_ROWS, "prijslijst.csv": PRICES}
    for name, table in TABLES.items():
        if name not in ("casussen", "prijslijst"):
            files[f"{name}.csv"] = ";".join(c.name for c in table.columns) + "\n"
    folder = proeftuin(tmp_path / "leeg", files)
    code, out, err = check(folder, capsys)
    assert "Traceback" not in out + err and code == 0
    assert main(["kerncijfers", str(folder), "--year", "2017"]) == 0
