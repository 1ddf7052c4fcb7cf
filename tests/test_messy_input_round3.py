"""Messy real-world input, round 3 (issue 25): what ``check`` accepts is what the figures use, and
Excel's conversions are named.

One fixture per behaviour, built in tmp_path; the four cases of the issue first, each followed by
further cases of its kind. The property over generated messy folders is in test_accepted_is_used.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import leergeschiedenis as lg
from leergeschiedenis.cli import main
from leergeschiedenis.dataset import dataset_years
from leergeschiedenis.excel import ExcelDatum, ExcelGetal, converted, meanings, shown

from .test_messy_input import CASE_ROWS, CASES, PRICES, proeftuin, rows


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setenv("LEERGESCHIEDENIS_CACHE", "uit")


def sheet(path: Path, title: str, table: list[list[object]], formats: dict[str, str] | None = None, hidden: str = "") -> None:
    """One sheet; ``formats`` gives cells (`A2`) a number format, ``hidden`` hides columns (`D`, `BC`)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in table:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    for letter in hidden:
        ws.column_dimensions[letter].hidden = True
    wb.save(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def notices(d: lg.Dataset, text: str) -> list:
    return [p for p in d.problems if text in p.melding]


METINGEN_HEAD = ["casus_id", "meetmoment", "datum", "Welbevinden (oud)", "welbevinden"]


def hidden_old_column(folder: Path) -> Path:
    """The issue's workbook: a hidden old column D `Welbevinden (oud)` before the real E `welbevinden`,
    with two bad values in E ('abc', 12) and a good one (7)."""
    proeftuin(folder, {"casussen.csv": CASES + CASE_ROWS})
    sheet(
        folder / "metingen.xlsx",
        "metingen",
        [
            METINGEN_HEAD,
            ["R-2017-001", "voor", "05-09-2017", 4, "abc"],
            ["R-2017-001", "na_6_weken", "05-10-2017", 5, 12],
            ["R-2017-002", "voor", "05-09-2017", 5, 7],
        ],
        hidden="D",
    )
    return folder


# --- 1. one column, one meaning -------------------------------------------------------------


def test_a_hidden_old_column_is_not_the_one_checked_and_used(tmp_path, capsys):
    """Before: check said column D was used, accepted all 3 rows (E unchecked, its 'abc' and 12 with
    them), and kerncijfers stopped with TypeError ('sub' on dtype string)."""
    folder = hidden_old_column(tmp_path / "p")
    d = lg.load(folder)
    assert rows(d, "metingen") == (3, 1, 2)
    assert [(p.rij, p.kolom, p.waarde) for p in d.errors] == [(2, "welbevinden", "abc"), (3, "welbevinden", "12")]
    assert d.metingen["welbevinden"].dtype == "float64"
    assert d.metingen["welbevinden"].tolist() == [7.0]  # column E's value: the column that was checked
    assert d.metingen["kolom_4"].tolist() == ["5"]  # the hidden one kept, as its notice says, not checked
    [notice] = notices(d, "verborgen")
    assert notice.melding == (
        "kolom D ('Welbevinden (oud)') en kolom E ('welbevinden') zijn allebei de kolom 'welbevinden': kolom E is "
        "gebruikt, want kolom D is verborgen in Excel; kolom D is bewaard als 'kolom_4' maar niet gecontroleerd"
    )
    assert not notices(d, "onbekende kolom")
    code, out, _ = run(capsys, "kerncijfers", str(folder), "--jaar", "2017")
    assert code == 0 and json.loads(out)["jaar"] == 2017


def test_the_same_header_twice_keeps_the_first_and_the_table_holds_it(tmp_path):
    """`Status;status`: the first is checked, kept and used; before, the second (unchecked text) took
    its place in the table whenever its header was spelled as the contract name."""
    text = "casus_id;soort;organisatie;aanmelddatum;Status;status\nR-1;individueel;GGZ;05-09-2017;mdo;kapot\n"
    d = lg.load(proeftuin(tmp_path / "p", {"casussen.csv": text}))
    assert rows(d, "casussen") == (1, 1, 0)
    assert d.casussen["status"].tolist() == ["mdo"] and d.casussen["kolom_6"].tolist() == ["kapot"]
    [twice] = notices(d, "twee keer")
    assert twice.melding == (
        "kolom 'status' staat er twee keer (kolom E en F): de eerste, kolom E ('Status'), is gebruikt; "
        "kolom F is bewaard als 'kolom_6' maar niet gecontroleerd"
    )
    assert not notices(d, "onbekende kolom")


def test_two_unknown_columns_with_one_name_are_both_kept(tmp_path):
    """`Opmerking;opmerking`: before, the second overwrote the first in the table (its values lost)."""
    text = "casus_id;soort;organisatie;aanmelddatum;status;Opmerking;opmerking\nR-1;individueel;GGZ;05-09-2017;mdo;een;twee\n"
    d = lg.load(proeftuin(tmp_path / "p", {"casussen.csv": text}))
    assert d.casussen["Opmerking"].tolist() == ["een"] and d.casussen["kolom_7"].tolist() == ["twee"]
    assert len(notices(d, "onbekende kolom 'Opmerking'")) == 1 and len(notices(d, "twee keer")) == 1


def test_a_hidden_column_alone_is_used_with_a_notice(tmp_path):
    proeftuin(tmp_path / "p", {"casussen.csv": CASES + CASE_ROWS})
    sheet(
        tmp_path / "p" / "metingen.xlsx",
        "metingen",
        [["casus_id", "meetmoment", "welbevinden"], ["R-2017-001", "voor", 6]],
        hidden="C",
    )
    d = lg.load(tmp_path / "p")
    assert d.metingen["welbevinden"].tolist() == [6.0]
    [notice] = notices(d, "verborgen")
    assert notice.melding == "kolom C ('welbevinden') is verborgen in Excel, maar wordt wel gelezen"


def test_three_columns_one_name_the_first_visible_wins(tmp_path):
    """Hidden D, visible E and F: E is used; D and F are kept as kolom_4 and kolom_6."""
    proeftuin(tmp_path / "p", {"casussen.csv": CASES + CASE_ROWS})
    sheet(
        tmp_path / "p" / "metingen.xlsx",
        "metingen",
        [
            ["casus_id", "meetmoment", "datum", "welbevinden", "Welbevinden (1-10)", "welbevinden"],
            ["R-2017-001", "voor", None, 2, 6, 9],
        ],
        hidden="D",
    )
    d = lg.load(tmp_path / "p")
    assert d.metingen["welbevinden"].tolist() == [6.0]
    assert d.metingen["kolom_4"].tolist() == ["2"] and d.metingen["kolom_6"].tolist() == ["9"]
    [later] = [p for p in d.problems if p.melding.startswith("kolom F")]
    assert "kolom E is gebruikt, want de kolommen ervoor met die naam zijn verborgen in Excel" in later.melding


def test_a_team_header_kolom_n_is_not_overwritten_by_a_column_without_header(tmp_path):
    """A header `kolom_5` in column A's place and a headerless column 5 with values: both kept."""
    text = "kolom_5;casus_id;soort;organisatie;;aanmelddatum;status\nx;R-1;individueel;GGZ;y;05-09-2017;mdo\n"
    d = lg.load(proeftuin(tmp_path / "p", {"casussen.csv": text}))
    assert rows(d, "casussen") == (1, 1, 0)
    assert d.casussen["kolom_5"].tolist() == ["x"] and d.casussen["kolom_5_2"].tolist() == ["y"]


# --- 2. Excel's conversions are named -------------------------------------------------------


def id_as_date(folder: Path) -> Path:
    """The issue's case: `2019-01` typed in casus_id became 1 January 2019 (shown jan-19); metingen
    (a CSV typed elsewhere) refers to `2019-01`."""
    proeftuin(folder, {"metingen.csv": "casus_id;meetmoment;welbevinden\n2019-01;voor;5\n2019-01;na_6_weken;7\n"})
    sheet(
        folder / "casussen.xlsx",
        "casussen",
        [
            ["casus_id", "soort", "organisatie", "aanmelddatum", "status"],
            [dt.datetime(2019, 1, 1), "individueel", "GGZ", dt.datetime(2019, 1, 5), "mdo"],
            ["R-2", "individueel", "GGZ", dt.datetime(2019, 1, 5), "mdo"],
        ],
        {"A2": "mmm-yy"},
    )
    return folder


def test_an_id_excel_made_a_date_is_refused_and_the_reference_says_why(tmp_path):
    """Before: casus '01-01-2019' accepted without a word; the metingen rows refused with 'komt niet
    voor in casussen', which points away from the cause."""
    d = lg.load(id_as_date(tmp_path / "p"))
    assert rows(d, "casussen") == (2, 1, 1)
    [case] = [p for p in d.errors if p.bestand == "casussen.xlsx"]
    assert (case.rij, case.kolom, case.waarde) == (2, "casus_id", "01-01-2019")
    assert case.melding.startswith("Excel heeft deze cel omgezet in de datum 1 januari 2019 (in de cel te zien als jan-19); ")
    assert "met een apostrof ervoor ('2019-01)" in case.melding and "Tekst" in case.melding
    refs = [p for p in d.errors if p.bestand == "metingen.csv"]
    assert [p.rij for p in refs] == [2, 3]
    assert refs[0].melding == (
        "'2019-01' komt niet voor in casussen; waarschijnlijk is rij 2 daar bedoeld, waarin Excel dezelfde waarde "
        "in een datum of getal heeft omgezet, en die rij is geweigerd: herstel eerst die rij"
    )


@pytest.mark.parametrize(
    ("value", "fmt", "seen"),
    [
        (dt.datetime(2026, 4, 3), "d-mmm", "3-apr"),  # `3-4` typed
        (100000, "0.00E+00", "1,00E+05"),  # `1E5` typed
        (7, "000", "007"),  # a column formatted to show leading zeros: stored 7
        (0.65, "0%", "65%"),  # `65%` typed
        (True, None, "WAAR"),  # `waar` typed
    ],
)
def test_what_excel_converted_in_an_identifier_is_refused_showing_the_cell(tmp_path, value, fmt, seen):
    proeftuin(tmp_path / "p", {})
    sheet(
        tmp_path / "p" / "casussen.xlsx",
        "casussen",
        [["casus_id", "soort", "organisatie", "aanmelddatum", "status"], [value, "individueel", "GGZ", "05-09-2017", "mdo"]],
        {"A2": fmt} if fmt else {},
    )
    d = lg.load(tmp_path / "p")
    assert rows(d, "casussen") == (1, 0, 1)
    [p] = d.errors
    assert p.kolom == "casus_id" and p.melding.startswith("Excel heeft deze cel") and seen in p.melding


def test_a_plain_number_id_and_a_text_date_stay_accepted(tmp_path):
    """What Excel keeps as the person typed it is no conversion: casus 12 (a General number), and in a
    free text column a number."""
    proeftuin(tmp_path / "p", {})
    sheet(
        tmp_path / "p" / "casussen.xlsx",
        "casussen",
        [["casus_id", "soort", "organisatie", "aanmelddatum", "status"], [12, "individueel", 3, "05-09-2017", "mdo"]],
    )
    d = lg.load(tmp_path / "p")
    assert rows(d, "casussen") == (1, 1, 0)
    assert d.casussen["casus_id"].tolist() == ["12"] and d.casussen["organisatie"].tolist() == ["3"]


def test_a_date_or_waar_in_a_text_column_is_refused(tmp_path):
    proeftuin(tmp_path / "p", {})
    sheet(
        tmp_path / "p" / "casussen.xlsx",
        "casussen",
        [
            ["casus_id", "soort", "organisatie", "aanmelddatum", "status"],
            ["R-1", "individueel", dt.datetime(2017, 1, 2), "05-09-2017", "mdo"],
            ["R-2", "individueel", True, "05-09-2017", "mdo"],
        ],
        {"C2": "d-mmm"},
    )
    d = lg.load(tmp_path / "p")
    assert [(p.rij, p.kolom) for p in d.errors] == [(2, "organisatie"), (3, "organisatie")]
    assert "in de cel te zien als 2-jan" in d.errors[0].melding and "WAAR" in d.errors[1].melding


def test_leading_zeros_lost_on_one_side_say_so(tmp_path):
    """casussen typed `007` in a General column (stored 7); metingen has `007` as text."""
    proeftuin(tmp_path / "p", {"metingen.csv": "casus_id;meetmoment;welbevinden\n007;voor;5\n"})
    sheet(
        tmp_path / "p" / "casussen.xlsx",
        "casussen",
        [["casus_id", "soort", "organisatie", "aanmelddatum", "status"], [7, "individueel", "GGZ", "05-09-2017", "mdo"]],
    )
    d = lg.load(tmp_path / "p")
    assert rows(d, "casussen") == (1, 1, 0)
    [p] = d.errors
    assert p.melding.startswith("'007' komt niet voor in casussen (kolom casus_id, geaccepteerde rijen); daar staat wel '7'")
    assert "voorloopnullen" in p.melding


def test_a_csv_id_as_excel_shows_a_converted_value_is_refused(tmp_path):
    """An Excel export: `jan-19` and `1,00E+05` are what Excel made of 2019-01 and 1E5."""
    text = (
        CASES
        + "jan-19;individueel;GGZ;05-09-2017;mdo\n1,00E+05;individueel;GGZ;05-09-2017;mdo\nR-3;individueel;GGZ;05-09-2017;mdo\n"
    )
    d = lg.load(proeftuin(tmp_path / "p", {"casussen.csv": text}))
    assert rows(d, "casussen") == (3, 1, 2)
    assert all("is hoe Excel een waarde toont" in p.melding for p in d.errors)


def test_a_price_list_code_excel_made_a_number_is_refused(tmp_path):
    """prijslijst.code is a key (kosten refer to it): a code typed `1.5` stored as the number 1,5."""
    proeftuin(tmp_path / "p", {"casussen.csv": CASES + CASE_ROWS})
    head = PRICES.split("\n")[0].split(";")
    sheet(tmp_path / "p" / "prijslijst.xlsx", "prijslijst", [head, [1.5, "Begeleiding", "uur", 65, "gemeente_wmo", 2017]])
    d = lg.load(tmp_path / "p")
    [p] = d.errors
    assert p.kolom == "code" and "als getal opgeslagen (1,5)" in p.melding


def test_a_percentage_in_a_number_column_shows_what_the_cell_shows(tmp_path):
    proeftuin(tmp_path / "p", {"casussen.csv": CASES + CASE_ROWS})
    sheet(
        tmp_path / "p" / "metingen.xlsx",
        "metingen",
        [["casus_id", "meetmoment", "welbevinden"], ["R-2017-001", "voor", 0.65]],
        {"C2": "0%"},
    )
    [p] = lg.load(tmp_path / "p").errors
    assert p.melding == "65% (opgeslagen als 0,65) ligt buiten het bereik; toegestaan: van 1 tot en met 10"
    assert p.waarde == "0.65"


def test_waar_in_a_number_column_is_named_as_shown(tmp_path):
    proeftuin(tmp_path / "p", {"casussen.csv": CASES + CASE_ROWS})
    sheet(tmp_path / "p" / "metingen.xlsx", "metingen", [["casus_id", "meetmoment", "welbevinden"], ["R-2017-001", "voor", True]])
    [p] = lg.load(tmp_path / "p").errors
    assert p.melding == "'WAAR' is geen getal; schrijf bijvoorbeeld 7,5 of 7.5"


def test_how_cells_are_shown():
    assert shown(ExcelGetal(0.655, "0.00%")) == "65,50%"
    assert shown(ExcelGetal(1234.5, "#,##0.00")) == "1.234,50"
    assert shown(ExcelGetal(1234.5, "_-* #,##0.00\\ [$€-413]_-;\\-* #,##0.00\\ [$€-413]_-")) == "1.234,50 €"
    assert shown(ExcelGetal(-3, "0;(0)")) == "(3)"
    assert shown(ExcelGetal(0.5, "# ?/?")) == "1/2"
    assert shown(ExcelDatum(dt.datetime(2019, 1, 3), "d mmmm yyyy")) == "3 januari 2019"
    assert shown(ExcelDatum(dt.datetime(2019, 1, 3, 10, 5), "h:mm")) == "10:05"
    assert shown(ExcelDatum(dt.datetime(2019, 1, 3), "mm-dd-yy")) == "3-1-2019"  # built-in 14: the Dutch short date
    assert shown(False) == "ONWAAR" and shown(3.4) == "3,4"


def test_what_excel_makes_of_typed_text():
    assert meanings("2019-01") == meanings(dt.datetime(2019, 1, 1)) == meanings("jan-19")
    assert ("datum", None, 4, 3) in meanings("3-4") and ("datum", None, 4, 3) in meanings(dt.datetime(2026, 4, 3))
    assert meanings("007") == meanings(7) == {("getal", 7.0)}
    assert meanings("1E5") == meanings("1,00E+05") == {("getal", 100000.0)}
    assert meanings("R-2017-001") == set() and meanings("Leersessie maart") == set()
    assert converted(12, key=True) is None and converted("R-1", key=True) is None
    assert converted(3.5, key=False) is None  # a number in free text stays as it always was read


def test_a_pickled_cell_keeps_its_format():
    """Refused rows are cached as a pickle: a cell's number format must survive it."""
    import pickle

    day, number = ExcelDatum(dt.datetime(2019, 1, 1), "mmm-yy"), ExcelGetal(0.65, "0%")
    assert pickle.loads(pickle.dumps(day)).opmaak == "mmm-yy" and pickle.loads(pickle.dumps(number)).opmaak == "0%"
    assert pickle.loads(pickle.dumps(day)) == dt.datetime(2019, 1, 1)


# --- 3. every file that is there is named ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("casussen.ods", "er staat wel casussen.ods, maar dat bestandstype wordt niet gelezen: open het in LibreOffice Calc"),
        ("casussen.xls", "er staat wel casussen.xls, maar dat bestandstype wordt niet gelezen: open het in Excel"),
        ("casussen.numbers", "er staat wel casussen.numbers, maar dat bestandstype wordt niet gelezen: open het in Numbers"),
        ("registratie.ods", "er staat wel registratie.ods"),  # a workbook of any name may hold it as a sheet
        ("~$casussen.xlsx", "er staat alleen ~$casussen.xlsx, een vergrendelingsbestand"),
        ("casussen.txt", "er staat wel casussen.txt, maar alleen .csv- en .xlsx-bestanden worden gelezen"),
    ],
)
def test_a_required_table_in_a_format_that_is_not_read_is_named(tmp_path, capsys, name, says):
    """Before: 'Het verplichte bestand 'casussen' (.csv of .xlsx) ontbreekt' while the file is right there."""
    folder = proeftuin(tmp_path / "p", {name: b"PK\x03\x04niet echt"})
    code, out, err = run(capsys, "check", str(folder))
    assert code == 2 and out == ""
    assert err.startswith(f"Fout: Het verplichte bestand 'casussen' (.csv of .xlsx) ontbreekt in {folder}; ")
    assert says in err and err.count("\n") == 1


def test_a_price_list_only_as_ods_is_named(tmp_path, capsys):
    files = {
        "casussen.csv": CASES + CASE_ROWS,
        "kosten.csv": "casus_id;scenario;voorziening;aantal\nR-2017-001;huidig;BEG;3\n",
        "prijslijst.ods": b"PK",
    }
    code, _, err = run(capsys, "check", str(proeftuin(tmp_path / "p", files)))
    assert code == 2 and "geen 'prijslijst'" in err and "er staat wel prijslijst.ods" in err


# --- 4. JSON at every exit code -------------------------------------------------------------


def test_check_json_at_exit_2_prints_the_error_as_json(tmp_path, capsys):
    """Before: nothing on stdout at exit 2."""
    folder = proeftuin(tmp_path / "p", {"casussen.ods": b"PK"})
    code, out, err = run(capsys, "check", str(folder), "--json")
    assert code == 2 and err.startswith("Fout: Het verplichte bestand")
    got = json.loads(out)
    assert got["tabellen"] == {} and got["problemen"] == []
    assert got["fout"]["reden"] == "onleesbare_data" and got["fout"]["melding"] == err.removeprefix("Fout: ").strip()


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{tmp}/nergens", "--json"],
        ["check", "{tmp}/nergens", "--alle", "--json"],
        ["check", "{tmp}/r", "--alle", "--json", "--export", "{tmp}/x.xlsx"],
        ["check", "--json"],  # a usage error: argparse's own line on stderr, JSON on stdout
        ["check", "{tmp}/r/a", "--json"],
        ["check", "{tmp}/r", "--alle", "--json"],
    ],
)
def test_check_json_is_json_at_every_exit_code(tmp_path, capsys, argv):
    proeftuin(tmp_path / "r" / "a", {"casussen.csv": CASES + CASE_ROWS})
    proeftuin(tmp_path / "r" / "b", {"casussen.ods": b"PK"})
    argv = [a.format(tmp=tmp_path) for a in argv]
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    got = json.loads(out)
    if (code == 2 and "--alle" not in argv) or "fout" in got:
        assert set(got["fout"]) == {"reden", "melding"} and err
    if "--alle" in argv and code in (0, 1, 2) and "proeftuinen" in got and got["proeftuinen"]:
        b = got["proeftuinen"]["b"]
        assert b["fout"]["reden"] == "onleesbare_data" and b["onleesbaar"] == b["fout"]["melding"]


# --- the round's fixtures through every command -----------------------------------------------


@pytest.mark.parametrize("build", [hidden_old_column, id_as_date], ids=lambda f: f.__name__)
def test_the_fixtures_through_check_and_kerncijfers(tmp_path, capsys, build):
    folder = build(tmp_path / "p")
    code, out, _ = run(capsys, "check", str(folder), "--json")
    assert code == 1 and json.loads(out)["tabellen"]
    year = max(dataset_years(lg.load(folder)))
    code, out, _ = run(capsys, "kerncijfers", str(folder), "--jaar", str(year))
    assert code == 0 and json.loads(out)


def test_a_cached_second_load_equals_the_first(tmp_path, monkeypatch):
    """What check accepted is what the report reads back from the cache: the same typed tables."""
    monkeypatch.setenv("LEERGESCHIEDENIS_CACHE", str(tmp_path / "cache"))
    folder = id_as_date(tmp_path / "p")
    first, second = lg.load(folder), lg.load(folder)
    for name, table in first.tables.items():
        pd.testing.assert_frame_equal(second.tables[name], table)
    assert [p.melding for p in second.problems] == [p.melding for p in first.problems]
