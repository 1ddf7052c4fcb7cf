"""`leergeschiedenis check DATA_DIR --export problemen.xlsx`: the refused rows, their reasons and
the accounting in a workbook the programme team can work from, and never a formula from their data."""

import csv
import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

import leergeschiedenis as lg
from leergeschiedenis.cli import main
from leergeschiedenis.contract import ORDER
from leergeschiedenis.errors import OngeldigExportpad
from leergeschiedenis.export import export_problems

from .test_validate import PLANTED_ACCOUNTING

DATA = Path(__file__).parent / "data"

# the planted folder has every table but the neighbourhood tables of issue 14
GEPLANT = [t for t in ORDER if t not in ("activiteiten", "wijkbudget", "wijkprofiel")]

CASUSSEN_HEADERS = [
    "Casus ID",
    "Soort",
    "Organisatie",
    "Aanmelddatum",
    "MDO-datum",
    "Oplossing datum",
    "Afsluitdatum",
    "Status",
    "Levensdomeinen",
    "Betrokken organisaties",
    "Belemmeringen",
    "Binnen bestaand aanbod",
    "Ik wil",
    "Ik kan",
    "Ik heb nodig",
    "Proeftuinoplossing",
    "Citaat",
    "Toestemming citaat",
    "Notitie",
]

ACCOUNTING = PLANTED_ACCOUNTING

HOSTILE = ['=HYPERLINK("http://x","klik")', "+31 6 1234", "-1+1", "@SUM(A1)", "  =1+1", "\t=1+1", "\r+1"]


@pytest.fixture(scope="module")
def planted():
    return lg.load(DATA / "geplant")


@pytest.fixture(scope="module")
def workbook(planted, tmp_path_factory):
    path = export_problems(planted, tmp_path_factory.mktemp("export") / "problemen.xlsx")
    return openpyxl.load_workbook(path)


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def as_records(ws):
    header, *body = rows(ws)
    return header, [dict(zip(header, r, strict=True)) for r in body]


def overview_table(ws):
    """The rows under the header 'tabel' of the overview, up to the 'totaal' row."""
    all_rows = rows(ws)
    start = next(i for i, r in enumerate(all_rows) if r[0] == "tabel")
    header = all_rows[start][:6]
    table = {}
    for r in all_rows[start + 1 :]:
        if r[0] == "totaal":
            return header, table, r[:6]
        table[r[0]] = r[1:6]
    raise AssertionError("geen totaalregel")


def notices(ws):
    all_rows = rows(ws)
    start = next(i for i, r in enumerate(all_rows) if r[0] == "ernst")
    return [r[:7] for r in all_rows[start + 1 :] if r[0] is not None]


def test_overview_first_then_one_sheet_per_table_with_refused_rows(workbook):
    assert workbook.sheetnames == ["overzicht", *GEPLANT]


def test_casussen_sheet_has_the_eleven_refused_rows_as_read(workbook):
    ws = workbook["casussen"]
    header, records = as_records(ws)
    assert header == ["rij", *CASUSSEN_HEADERS, "redenen", "bestand", "blad"]
    assert [r["rij"] for r in records] == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
    by_row = {r["rij"]: r for r in records}
    assert by_row[5]["Casus ID"] == "C3"
    assert by_row[5]["Aanmelddatum"] == "31-02-2017"
    assert by_row[5]["redenen"] == "aanmelddatum: '31-02-2017' bestaat niet als datum (dag eerst: dd-mm-jjjj)"
    assert by_row[7]["Soort"] == "klein" and by_row[7]["Status"] == "klaar"
    assert by_row[7]["redenen"].count(" | ") == 1
    assert "soort: 'klein' is niet toegestaan" in by_row[7]["redenen"]
    assert "status: 'klaar' is niet toegestaan" in by_row[7]["redenen"]
    assert by_row[11]["Levensdomeinen"] == "wonen, werk"
    assert by_row[14]["Organisatie"] is None and by_row[14]["redenen"] == "organisatie: verplicht veld is leeg"
    assert by_row[15]["Aanmelddatum"] == "12/25/2017"
    assert all(r["redenen"] for r in records)
    assert {(r["bestand"], r["blad"]) for r in records} == {("casussen.csv", None)}


def test_header_is_bold_and_frozen_and_columns_have_a_width(workbook):
    ws = workbook["casussen"]
    assert all(c.font.b for c in ws[1])
    assert not ws["B2"].font.b
    assert ws.freeze_panes == "B2"
    widths = {c: ws.column_dimensions[c].width for c in ("A", "B", "E", "U")}
    assert ws["U1"].value == "redenen"
    assert 6 <= widths["A"] <= 10  # rij
    assert widths["E"] >= len("Aanmelddatum")
    assert widths["U"] > widths["B"]  # the reasons get room


def test_every_cell_of_every_refused_row_appears(planted, workbook):
    for table, refused in planted.refused.items():
        header, *body = rows(workbook[table])
        assert header[1 : len(refused.columns)] == list(refused.columns[:-1])
        assert len(body) == len(refused) == ACCOUNTING[table][2]
        for got, (rij, want) in zip(body, refused.iterrows(), strict=True):
            assert got[0] == rij
            for cell, value in zip(got[1 : 1 + len(want)], want.tolist(), strict=True):
                if value in (None, ""):
                    assert cell is None
                elif value.lstrip().startswith(("=", "+", "-", "@")):
                    assert cell == "'" + value
                else:
                    assert cell == value
    # CSV cells are text, so a negative number from a CSV is protected too
    assert rows(workbook["kosten"])[2][4] == "'-1"


def test_overview_has_the_row_accounting_and_the_notices(workbook):
    ws = workbook["overzicht"]
    assert ws["A1"].value == "Controle van de gegevens: Proeftuin Test"
    header, table, total = overview_table(ws)
    assert header == ["tabel", "bestand", "blad", "gelezen", "geaccepteerd", "geweigerd"]
    assert {t: tuple(v[2:]) for t, v in table.items()} == ACCOUNTING
    assert list(table) == list(GEPLANT)
    assert {t: v[0] for t, v in table.items()} == {t: f"{t}.csv" for t in GEPLANT}
    assert total == ["totaal", None, None, 53, 16, 37]
    assert ws["A6"].hyperlink.location == "'prijslijst'!A1"
    found = {(n[0], n[1], n[4]) for n in notices(ws)}
    # the third: row 3 says status mdo with its MDO date empty (a step counts by its date, contract.CASE_STEPS)
    assert found == {
        ("melding", "proeftuin.yml", "kleur"),
        ("melding", "casussen.csv", "Notitie"),
        ("melding", "casussen.csv", "mdo_datum"),
    }
    melding = next(n[6] for n in notices(ws) if n[4] == "Notitie")
    assert melding == "onbekende kolom 'Notitie' wordt bewaard maar niet gecontroleerd"


def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "vijandig"
    folder.mkdir()
    shutil.copy(DATA / "geplant" / "proeftuin.yml", folder)
    with (folder / "casussen.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["casus_id", "soort", "organisatie", "aanmelddatum", "status", "=cmd|' /C calc'!A0"])
        w.writerow(["C1", "individueel", "GGZ", "01-03-2017", "aangemeld", "gewoon"])
        for i, value in enumerate(HOSTILE, start=2):
            w.writerow([f"C{i}", "klein", value, "01-03-2017", "aangemeld", value])
    return folder


def test_formulas_from_the_data_are_written_as_quoted_text(tmp_path):
    dataset = lg.load(hostile_folder(tmp_path))
    assert dataset.accounting["casussen"].geweigerd == len(HOSTILE)
    path = export_problems(dataset, tmp_path / "uit" / "problemen.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["casussen"]
    header = [c.value for c in ws[1]]
    assert header[6] == "'=cmd|' /C calc'!A0"
    organisatie, extra = header.index("organisatie") + 1, 7
    for row, value in enumerate(HOSTILE, start=2):
        for column in (organisatie, extra):
            cell = ws.cell(row=row, column=column)
            assert cell.data_type != "f"
            assert cell.data_type == "s"
            # XML stores a carriage return as a line feed; what counts is the quote in front
            assert cell.value == "'" + value.replace("\r", "\n")
    assert ws.cell(row=2, column=2).value == "C2"  # ordinary text stays as it is
    # the unknown column's name also shows up in the overview's notices
    assert "'=cmd|' /C calc'!A0" in [n[4] for n in notices(wb["overzicht"])]
    # and no sheet of the file holds a formula at all
    for sheet in wb:
        assert not [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) ontbreekt")
def test_quoted_text_stays_text_after_libreoffice_saves_it_again(tmp_path):
    path = export_problems(lg.load(hostile_folder(tmp_path)), tmp_path / "problemen.xlsx")
    out = tmp_path / "opnieuw"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    ws = openpyxl.load_workbook(out / "problemen.xlsx")["casussen"]
    for row, value in enumerate(HOSTILE[:-1], start=2):  # \r: LibreOffice may turn it into a line break
        cell = ws.cell(row=row, column=4)
        assert (cell.data_type, cell.value) == ("s", "'" + value)


def test_control_characters_an_xlsx_cannot_hold_are_shown_not_dropped(tmp_path):
    folder = tmp_path / "stuur"
    folder.mkdir()
    shutil.copy(DATA / "geplant" / "proeftuin.yml", folder)
    (folder / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;status\nC1;klein;GG\x0bZ;01-03-2017;aangemeld\n", encoding="utf-8"
    )
    wb = openpyxl.load_workbook(export_problems(lg.load(folder), tmp_path / "p.xlsx"))
    assert wb["casussen"]["D2"].value == "GG\u240bZ"


def test_real_numbers_dates_and_booleans_stay_real_values(tmp_path):
    folder = tmp_path / "werkmap"
    folder.mkdir()
    shutil.copy(DATA / "geplant" / "proeftuin.yml", folder)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "casussen"
    ws.append(["Casus ID", "Soort", "Organisatie", "Aanmelddatum", "Status", "Aantal", "Saldo", "Gezien", "Tijdstip"])
    ws.append(["C1", "klein", "GGZ", dt.datetime(2017, 3, 1), "aangemeld", 42, -5.5, True, dt.datetime(2017, 3, 1, 9, 30)])
    wb.save(folder / "gegevens.xlsx")

    out = openpyxl.load_workbook(export_problems(lg.load(folder), tmp_path / "problemen.xlsx"))
    _, records = as_records(out["casussen"])
    (row,) = records
    assert row["rij"] == 2
    assert row["Aanmelddatum"] == dt.datetime(2017, 3, 1)
    assert row["Aantal"] == 42 and row["Saldo"] == -5.5 and row["Gezien"] is True
    assert row["Tijdstip"] == dt.datetime(2017, 3, 1, 9, 30)
    cells = {c.value: c for c in out["casussen"][2]}
    assert cells[-5.5].data_type == "n"  # a real negative number is a number, not quoted text
    assert out["casussen"]["E2"].number_format == "DD-MM-YYYY"
    assert (row["bestand"], row["blad"]) == ("gegevens.xlsx", "casussen")
    _, table, _ = overview_table(out["overzicht"])
    assert table["casussen"] == ["gegevens.xlsx", "casussen", 1, 0, 1]


def test_a_libreoffice_workbook_keeps_its_real_cells(tmp_path):
    dataset = lg.load(DATA / "libreoffice" / "werkmap")
    wb = openpyxl.load_workbook(export_problems(dataset, tmp_path / "p.xlsx"))
    assert wb.sheetnames == ["overzicht", "casussen", "metingen"]
    _, records = as_records(wb["metingen"])
    assert [(r["rij"], r["Welbevinden"], r["Datum"]) for r in records] == [
        (4, 11, dt.datetime(2017, 3, 2)),
        (5, 5, dt.datetime(2017, 3, 2)),
    ]
    _, records = as_records(wb["casussen"])
    assert [(r["rij"], r["Aanmelddatum"]) for r in records] == [(5, "31-02-2017"), (6, dt.datetime(2017, 3, 1))]


def test_cells_right_of_the_last_header_are_kept(tmp_path):
    folder = tmp_path / "breed"
    folder.mkdir()
    shutil.copy(DATA / "geplant" / "proeftuin.yml", folder)
    (folder / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;status\n"
        "C1;individueel;GGZ;01-03-2017;aangemeld\n"
        "C2;individueel;GGZ;01-03-2017;aangemeld;vergeten;=2+2\n",
        encoding="utf-8",
    )
    wb = openpyxl.load_workbook(export_problems(lg.load(folder), tmp_path / "p.xlsx"))
    header, records = as_records(wb["casussen"])
    assert header == [
        "rij",
        "casus_id",
        "soort",
        "organisatie",
        "aanmelddatum",
        "status",
        "cellen zonder kop",
        "redenen",
        "bestand",
        "blad",
    ]
    assert records[0]["rij"] == 3
    assert records[0]["cellen zonder kop"] == "vergeten, =2+2"


def test_nothing_refused_still_writes_the_overview(tmp_path):
    dataset = lg.load(DATA / "bom_komma")
    assert dataset.n_refused == 0
    wb = openpyxl.load_workbook(export_problems(dataset, tmp_path / "p.xlsx"))
    assert wb.sheetnames == ["overzicht"]
    _, table, total = overview_table(wb["overzicht"])
    assert set(table) == {"casussen"} and total[5] == 0
    texts = [r[0] for r in rows(wb["overzicht"])]
    assert "Geen geweigerde rijen: alle rijen zijn geaccepteerd." in texts


def test_xlsx_is_appended_to_a_name_without_it(planted, tmp_path):
    written = export_problems(planted, tmp_path / "problemen")
    assert written == tmp_path / "problemen.xlsx" and written.is_file()


def test_a_folder_gets_problemen_xlsx_in_it(planted, tmp_path):
    assert export_problems(planted, tmp_path) == tmp_path / "problemen.xlsx"
    assert (tmp_path / "problemen.xlsx").is_file()


def test_cli_says_in_dutch_when_the_workbook_cannot_be_written(tmp_path, capsys):
    (tmp_path / "bestand").write_text("geen map")
    assert main(["check", str(DATA / "geplant"), "--export", str(tmp_path / "bestand" / "p.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: de werkmap ") and "kan niet geschreven worden" in err and err.count("\n") == 1


def test_not_written_into_the_data_folder(tmp_path, capsys):
    folder = tmp_path / "geplant"
    shutil.copytree(DATA / "geplant", folder)
    with pytest.raises(OngeldigExportpad, match="niet in de gegevensmap"):
        export_problems(lg.load(folder), folder / "problemen.xlsx")
    assert main(["check", str(folder), "--export", str(folder / "problemen.xlsx")]) == 2
    assert capsys.readouterr().err.startswith("Fout: ")
    assert not (folder / "problemen.xlsx").exists()
    assert main(["check", str(folder)]) == 1  # the folder still checks as before


def test_cli_check_export(tmp_path, capsys):
    path = tmp_path / "problemen.xlsx"
    assert main(["check", str(DATA / "geplant"), "--export", str(path)]) == 1
    assert path.is_file()
    captured = capsys.readouterr()
    assert captured.err == f"Werkmap met de geweigerde rijen en hun redenen geschreven: {path.resolve()}\n"
    assert captured.out.rstrip().endswith("37 rijen geweigerd.")
    assert openpyxl.load_workbook(path).sheetnames == ["overzicht", *GEPLANT]


def test_cli_check_export_with_json_keeps_stdout_json(tmp_path, capsys):
    import json

    path = tmp_path / "p.xlsx"
    assert main(["check", str(DATA / "bom_komma"), "--json", "--export", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["tabellen"]["casussen"]["geweigerd"] == 0
    assert path.is_file()
