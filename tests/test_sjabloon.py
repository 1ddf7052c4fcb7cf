"""`leergeschiedenis sjabloon` and `nieuw`: the registration workbook made from the data contract.

The workbook is read back with openpyxl: its drop-downs, ranges, formats, frozen header, Excel
tables, Toelichting and confidential marking; and, filled in with the rows of the sample's CSVs,
it reads back through `check` with exactly the accounting and problems of those CSVs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import TableColumn

import leergeschiedenis as lg
from leergeschiedenis import cells
from leergeschiedenis.cli import main
from leergeschiedenis.config import Config, load_config
from leergeschiedenis.contract import TABLES
from leergeschiedenis.errors import BestandBestaatAl, OnleesbareData
from leergeschiedenis.names import is_blank
from leergeschiedenis.read import Source, column_name, find_sources, is_empty_template, read_table
from leergeschiedenis.sjabloon import (
    KEUZELIJSTEN,
    SHEET_ORDER,
    TOELICHTING,
    WORKBOOK_NAME,
    config_template,
    header,
    label,
    new_proeftuin,
    write_template,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
PRICE_LIST = ROOT / "data" / "prijslijst"
GEPLANT = Path(__file__).parent / "data" / "geplant"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def proeftuin(tmp_path: Path, name: str = "ruwaard", shared_price_list: bool = True) -> Path:
    """A folder with only the proeftuin.yml of a sample proeftuin (and the shared price list above it)."""
    folder = tmp_path / name
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE / name / "proeftuin.yml", folder)
    if shared_price_list:
        shutil.copytree(PRICE_LIST, tmp_path / "prijslijst")
    return folder


def validation(ws, letter: str):
    """The one data validation of a column (they cover the column from row 2 down)."""
    found = [dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(f"{letter}2:")]
    assert len(found) == 1, (ws.title, letter, found)
    return found[0]


def column_letter(table: str, column: str) -> str:
    return get_column_letter(TABLES[table].column_names.index(column) + 1)


def list_values(wb, formula: str) -> list[str]:
    """The values a list validation offers, read from the Keuzelijsten sheet it points at."""
    sheet, letter = re.search(r"(\w+)!\$([A-Z]+)\$2", formula).groups()
    ws = wb[sheet]
    col = openpyxl.utils.column_index_from_string(letter)
    return [c.value for c in ws.iter_rows(min_row=2, min_col=col, max_col=col) for c in c if c.value is not None]


# --- the workbook as written -----------------------------------------------------------


def test_sheets_headers_tables_and_frozen_panes(tmp_path):
    path = write_template(proeftuin(tmp_path))
    assert path == tmp_path / "ruwaard" / WORKBOOK_NAME
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as any file the team saves, not only for its owner
    assert sorted(p.name for p in path.parent.iterdir()) == ["proeftuin.yml", WORKBOOK_NAME]  # no temporary file left
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [TOELICHTING, *SHEET_ORDER, KEUZELIJSTEN]
    assert set(SHEET_ORDER) == set(TABLES)  # every table of the contract, the neighbourhood tables too
    for name in SHEET_ORDER:
        ws = wb[name]
        columns = TABLES[name].columns
        shown = [c.value for c in ws[1]]
        assert shown == [header(name, c) for c in columns]
        # the reader maps every header back to its contract column
        assert [column_name(name, h) for h in shown] == [c.name for c in columns]
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        (table,) = ws.tables.values()
        assert table.ref == f"A1:{get_column_letter(len(columns))}2"
        assert table.displayName == f"tabel_{name}"
        assert [c.name for c in table.tableColumns] == shown
        assert ws.max_row <= 2 and all(c.value is None for c in ws[2])  # nothing but the header
    assert [c.value for c in wb["casussen"][1]][:4] == ["Casus ID *", "Soort *", "Organisatie *", "Aanmelddatum *"]
    assert header("metingen", TABLES["metingen"].column("welbevinden")) == "Welbevinden (1-10) *"
    assert header("casussen", TABLES["casussen"].column("mdo_datum")) == "MDO-datum"


def test_every_enumeration_and_yes_no_column_has_a_drop_down_that_reads_back(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path)))
    n = 0
    for name, table in TABLES.items():
        for column in table.columns:
            if column.kind not in ("enum", "bool") or column.allowed_from:
                continue
            dv = validation(wb[name], column_letter(name, column.name))
            assert (dv.type, dv.errorStyle, dv.allowBlank, dv.showErrorMessage) == ("list", "stop", True, True)
            offered = list_values(wb, dv.formula1)
            if column.kind == "bool":
                assert offered == ["Ja", "Nee"]
                assert [cells.parse_bool(v) for v in offered] == [True, False]
            else:
                # each choice is the contract's value as a team reads it, and reads back as that value
                assert [cells.parse_enum(v, column.allowed) for v in offered] == list(column.allowed)
            n += 1
    assert n == 15  # 12 enumerations and 3 yes/no columns
    soort = validation(wb["casussen"], "B")
    assert list_values(wb, soort.formula1) == ["Individueel", "Collectief"]
    meetmoment = validation(wb["metingen"], "B")
    assert list_values(wb, meetmoment.formula1) == ["Voor", "Na 6 weken", "Herhaling"]
    assert re.fullmatch(r"Keuzelijsten!\$[A-Z]+\$2:\$[A-Z]+\$4", meetmoment.formula1)
    financier = validation(wb["prijslijst"], "E")
    assert "Gemeente Wmo" in list_values(wb, financier.formula1) and "UWV" in list_values(wb, financier.formula1)


def test_dates_are_dd_mm_jjjj_between_1900_and_2100(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path)))
    n = 0
    for name, table in TABLES.items():
        for column in table.columns:
            if column.kind != "date":
                continue
            letter = column_letter(name, column.name)
            dv = validation(wb[name], letter)
            assert (dv.type, dv.operator, dv.formula1, dv.formula2, dv.errorStyle) == ("date", "between", "1", "73415", "stop")
            assert wb[name][f"{letter}2"].number_format == "DD-MM-YYYY"
            n += 1
    assert n == 9
    # 1 and 73415 are Excel's serial numbers of the first and the last day allowed
    assert openpyxl.utils.datetime.from_excel(1) == dt.datetime(1900, 1, 1)
    assert openpyxl.utils.datetime.from_excel(73415) == dt.datetime(2100, 12, 31)


@pytest.mark.parametrize(
    ("table", "column", "kind", "operator", "formula1", "formula2", "number_format"),
    [
        ("metingen", "welbevinden", "decimal", "between", "1", "10", "General"),
        ("spinnenweb", "lichaamsfuncties", "decimal", "between", "0", "10", "General"),
        ("spinnenweb", "dagelijks_functioneren", "decimal", "between", "0", "10", "General"),
        ("spinnenweb", "meetmoment", "whole", "greaterThanOrEqual", "0", None, "0"),
        ("kosten", "aantal", "decimal", "greaterThanOrEqual", "0", None, "General"),
        ("prijslijst", "prijs", "decimal", "greaterThanOrEqual", "0", None, '"€" #,##0.00'),
        ("prijslijst", "jaar", "whole", "between", "1900", "2100", "0"),
        ("wijkbudget", "begroot", "decimal", "greaterThanOrEqual", "0", None, '"€" #,##0.00'),
        ("wijkbudget", "besteed", "decimal", "greaterThanOrEqual", "0", None, '"€" #,##0.00'),
        ("bijeenkomsten", "deelnemers", "whole", "greaterThanOrEqual", "0", None, "0"),
        ("activiteiten", "bezoekers", "whole", "greaterThanOrEqual", "0", None, "0"),
        # no range in the contract: a number all the same
        ("wijkprofiel", "waarde", "decimal", "between", "-1000000000000", "1000000000000", "General"),
    ],
)
def test_number_ranges(tmp_path, table, column, kind, operator, formula1, formula2, number_format):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path)))
    letter = column_letter(table, column)
    dv = validation(wb[table], letter)
    assert (dv.type, dv.operator, dv.formula1, dv.formula2, dv.errorStyle) == (kind, operator, formula1, formula2, "stop")
    assert wb[table][f"{letter}2"].number_format == number_format


def test_every_number_column_has_the_contracts_range(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path)))
    for name, table in TABLES.items():
        for column in table.columns:
            if column.kind not in ("number", "integer", "money"):
                continue
            dv = validation(wb[name], column_letter(name, column.name))
            assert dv.type == ("whole" if column.kind == "integer" else "decimal")
            bounds = [float(f) for f in (dv.formula1, dv.formula2) if f is not None]
            given = [b for b in (column.minimum, column.maximum) if b is not None]
            assert bounds == given or (not given and bounds == [-1e12, 1e12]), (name, column.name)


def test_partners_as_a_warning_wijken_strict_and_references_from_their_sheet(tmp_path):
    folder = proeftuin(tmp_path, "maastricht")
    config, _ = load_config(folder / "proeftuin.yml")
    assert config.partners and len(config.wijken) == 5
    wb = openpyxl.load_workbook(write_template(folder))
    for table, column in (("casussen", "organisatie"), ("casussen", "regisseur"), ("reflectiekaarten", "organisatie")):
        dv = validation(wb[table], column_letter(table, column))
        assert (dv.type, dv.errorStyle) == ("list", "warning"), (table, column)  # another organisation may bring a case
        assert dv.formula1.startswith("OFFSET(Keuzelijsten!$")  # grows with a partner added below the list
        assert list_values(wb, dv.formula1) == config.partners
        assert "andere" in dv.error
    for table in ("casussen", "activiteiten", "wijkbudget", "wijkprofiel"):
        dv = validation(wb[table], column_letter(table, "wijk"))
        assert (dv.type, dv.errorStyle) == ("list", "stop")
        assert list_values(wb, dv.formula1) == config.wijken
    bijeenkomst = validation(wb["reflectiekaarten"], column_letter("reflectiekaarten", "bijeenkomst"))
    assert (bijeenkomst.type, bijeenkomst.errorStyle) == ("list", "warning")
    assert bijeenkomst.formula1 == "OFFSET(bijeenkomsten!$A$2,0,0,MAX(1,COUNTA(bijeenkomsten!$A$2:$A$2001)),1)"
    for table in ("metingen", "kosten"):
        dv = validation(wb[table], "A")
        assert dv.formula1.startswith("OFFSET(casussen!$A$2,")
        assert dv.errorStyle == "warning"
    # the codes of the shared price list, which the loader would use
    voorziening = validation(wb["kosten"], column_letter("kosten", "voorziening"))
    codes = list(dict.fromkeys(pd.read_csv(PRICE_LIST / "prijslijst.csv", sep=";", encoding="utf-8-sig")["code"]))
    assert list_values(wb, voorziening.formula1) == codes
    # levensdomeinen is a list of several: no drop-down, the choices in the input message
    levensdomeinen = validation(wb["casussen"], column_letter("casussen", "levensdomeinen"))
    assert levensdomeinen.type is None
    assert levensdomeinen.prompt == (
        "Niet verplicht. Lijst (gescheiden door komma's); codes uit proeftuin.yml; kies uit Wonen, Financiën, "
        "Werk en dagbesteding, Gezondheid, Sociaal netwerk, Opvoeding, Veiligheid, Zingeving."
    )


def test_without_a_shared_price_list_voorziening_comes_from_the_prijslijst_sheet(tmp_path):
    folder = proeftuin(tmp_path, shared_price_list=False)
    wb = openpyxl.load_workbook(write_template(folder))
    dv = validation(wb["kosten"], column_letter("kosten", "voorziening"))
    assert dv.formula1 == "OFFSET(prijslijst!$A$2,0,0,MAX(1,COUNTA(prijslijst!$A$2:$A$2001)),1)"
    assert dv.errorStyle == "warning"


def test_the_proeftuins_own_price_list_gives_the_codes(tmp_path):
    folder = tmp_path / "eigen"
    folder.mkdir()
    shutil.copy(GEPLANT / "proeftuin.yml", folder)
    (folder / "prijslijst.csv").write_text(
        "code;omschrijving;eenheid;prijs;financier;jaar\nWV;Wijkverpleging;uur;75;zorgverzekeraar;2017\n"
        "HA;Huisarts;keer;10;zorgverzekeraar;2017\nWV;Wijkverpleging;uur;76;zorgverzekeraar;2018\n",
        encoding="utf-8",
    )
    wb = openpyxl.load_workbook(write_template(folder))
    dv = validation(wb["kosten"], column_letter("kosten", "voorziening"))
    assert list_values(wb, dv.formula1) == ["WV", "HA"]
    assert any("prijslijst die er al is" in str(c) for r in wb[TOELICHTING].iter_rows(values_only=True) for c in r)


def test_empty_proeftuin_lists_give_no_drop_down_but_say_why(tmp_path):
    folder = tmp_path / "leeg"
    folder.mkdir()
    (folder / "proeftuin.yml").write_text(config_template("Proeftuin Leeg"), encoding="utf-8")
    wb = openpyxl.load_workbook(write_template(folder))
    wijk = validation(wb["casussen"], column_letter("casussen", "wijk"))
    assert wijk.type is None and "wijken" in wijk.prompt
    organisatie = validation(wb["casussen"], "C")
    assert organisatie.type is None and organisatie.showInputMessage


def test_names_from_proeftuin_yml_never_become_formulas(tmp_path):
    folder = tmp_path / "vijandig"
    folder.mkdir()
    text = config_template("=1+1")
    text = text.replace("partners: []", 'partners: ["=HYPERLINK(\\"http://x\\")", "GGD\\vWest", "Gewoon"]')
    text = text.replace("wijken: []", 'wijken: ["+31 buurt", "No\\vord"]')
    (folder / "proeftuin.yml").write_text(text, encoding="utf-8")
    config, _ = load_config(folder / "proeftuin.yml")
    assert config.partners[1] == "GGD\x0bWest" and config.naam == "=1+1"
    wb = openpyxl.load_workbook(write_template(folder))
    for ws in wb:
        assert not [c.coordinate for r in ws.iter_rows() for c in r if c.data_type == "f"], ws.title
    organisatie = validation(wb["casussen"], "C")
    assert list_values(wb, organisatie.formula1) == ['\'=HYPERLINK("http://x")', "GGD\u240bWest", "Gewoon"]
    assert list_values(wb, validation(wb["casussen"], column_letter("casussen", "wijk")).formula1) == [
        "'+31 buurt",
        "No\u240bord",
    ]
    # the quote does not count when the wijk is read back
    assert cells.parse_enum("'+31 buurt", config.wijken) == "+31 buurt"
    assert wb[TOELICHTING]["A1"].value == "Registratie =1+1"
    assert "No\u240bord" in validation(wb["casussen"], column_letter("casussen", "wijk")).error


def test_every_column_has_a_dutch_input_message_within_excels_limits(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path, "maastricht")))
    for name, table in TABLES.items():
        ws = wb[name]
        for column in table.columns:
            dv = validation(ws, column_letter(name, column.name))
            assert dv.showInputMessage and dv.prompt and dv.promptTitle
            assert len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32
            assert len(dv.error or "") <= 255 and len(dv.errorTitle or "") <= 32
            assert dv.prompt.startswith("Verplicht." if column.required else "Niet verplicht."), dv.prompt
    assert validation(wb["metingen"], "D").prompt == "Verplicht. Getal; 1 tot en met 10, decimalen toegestaan."
    assert validation(wb["casussen"], "D").prompt == "Verplicht. Datum (dd-mm-jjjj)."
    assert validation(wb["kosten"], "D").prompt == "Verplicht. Getal; eenheden van de prijslijst per jaar; 0 of meer."
    assert validation(wb["prijslijst"], "D").prompt == "Verplicht. Bedrag; in euro, 0 of meer."
    assert validation(wb["reflectiekaarten"], "C").prompt == (
        "Verplicht. Tekst; naam van de bijeenkomst; kies uit de lijst (uit bijeenkomsten) of typ; hoofdletters en spaties tellen niet."
    )


def test_confidential_columns_are_marked_by_colour_and_a_note(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path)))
    confidential = {(n, c.name) for n, t in TABLES.items() for c in t.columns if c.confidential}
    assert confidential == {("casussen", c) for c in ("ik_wil", "ik_kan", "ik_heb_nodig", "proeftuinoplossing")}
    for name, table in TABLES.items():
        for column in table.columns:
            cell = wb[name][f"{column_letter(name, column.name)}1"]
            if column.confidential:
                assert cell.fill.fgColor.rgb == "00FFC7CE"
                assert "Vertrouwelijk" in cell.comment.text and "nooit gepubliceerd" in cell.comment.text
                assert "VERTROUWELIJK" in validation(wb[name], column_letter(name, column.name)).prompt
            else:
                assert cell.comment is None and cell.fill.fgColor.rgb != "00FFC7CE"


def test_toelichting_explains_sheets_columns_export_and_privacy(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path)))
    ws = wb.worksheets[0]
    assert ws.title == TOELICHTING
    rows = [[c for c in r if c is not None] for r in ws.iter_rows(values_only=True)]
    text = "\n".join(" | ".join(map(str, r)) for r in rows)
    assert rows[0] == ["Registratie Proeftuin Ruwaard"]
    # what each sheet is for
    for name, table in TABLES.items():
        assert [name, "ja" if table.required else "nee", table.description] in rows
    # one line per column with its rule
    for name, table in TABLES.items():
        lines = [r for r in rows if len(r) == 4 and r[0] == name and r[1]]
        assert [r[1] for r in lines] == [header(name, c) for c in table.columns]
    assert ["casussen", "Aanmelddatum *", "datum", "Verplicht. Datum (dd-mm-jjjj)."] in rows
    # how to export and check
    assert "leergeschiedenis check MAP" in text and "--export problemen.xlsx" in text and "CSV" in text
    # privacy: the confidential columns by name
    privacy = rows[next(i for i, r in enumerate(rows) if r == ["Privacy"]) :]
    assert [r[1] for r in privacy if r[-1] == "vertrouwelijk"] == ["Ik wil", "Ik kan", "Ik heb nodig", "Proeftuinoplossing"]
    assert "minder dan 5 personen" in text
    assert "prijslijst die er al is" in text


def _texts(wb) -> list[str]:
    """Every text a team reads about the columns: the Toelichting, the input and error messages, the notes."""
    texts = [str(v) for r in wb[TOELICHTING].iter_rows(values_only=True) for v in r if v is not None]
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            texts += [t for t in (dv.promptTitle, dv.prompt, dv.errorTitle, dv.error) if t]
        texts += [c.comment.text for r in ws.iter_rows(max_row=1) for c in r if c.comment]
    return texts


@pytest.mark.parametrize("name", ["leeg", "ruwaard", "maastricht"])
def test_no_backticks_or_contract_names_in_what_the_team_reads(tmp_path, name):
    if name == "leeg":
        folder = tmp_path / name
        folder.mkdir()
        (folder / "proeftuin.yml").write_text(config_template("Proeftuin Leeg"), encoding="utf-8")
    else:
        folder = proeftuin(tmp_path, name)
    texts = _texts(openpyxl.load_workbook(write_template(folder)))
    names = {c.name for t in TABLES.values() for c in t.columns if "_" in c.name}
    assert names >= {"casus_id", "toestemming_citaat", "mdo_datum", "deelnemer_id"}
    pattern = re.compile(r"\b(" + "|".join(sorted(names)) + r")\b")
    assert [t for t in texts if "`" in t] == []
    assert [t for t in texts if pattern.search(t)] == []


def test_contract_texts_in_the_words_of_the_workbook(tmp_path):
    folder = tmp_path / "leeg"
    folder.mkdir()
    (folder / "proeftuin.yml").write_text(config_template("Proeftuin Leeg"), encoding="utf-8")
    wb = openpyxl.load_workbook(write_template(folder))
    rows = [[c for c in r if c is not None] for r in wb[TOELICHTING].iter_rows(values_only=True)]
    citaat = "Niet verplicht. Tekst; alleen gepubliceerd met 'Toestemming citaat' = Ja."
    assert ["casussen", "Citaat", "tekst", citaat] in rows
    assert validation(wb["casussen"], column_letter("casussen", "citaat")).prompt == citaat
    assert ["• Een citaat wordt alleen gepubliceerd met 'Toestemming citaat' = Ja."] in rows
    # wijken is empty: no drop-down, so no 'keuzelijst'
    wijk = (
        "Niet verplicht. Tekst; de buurt van de casus, een van 'wijken' uit proeftuin.yml; "
        "laat leeg zolang 'wijken' in proeftuin.yml leeg is."
    )
    assert ["casussen", "Wijk", "tekst", wijk] in rows
    assert validation(wb["casussen"], column_letter("casussen", "wijk")).prompt == wijk
    assert [
        "activiteiten",
        "Een proeftuin met meer buurten vult de kolom 'Wijk' in (een van 'wijken'); de cijfers komen dan per buurt en in totaal.",
    ] in rows
    assert [
        "reflectiekaarten",
        "Toestemming citaat",
        "ja/nee",
        "Niet verplicht. Ja/nee; standaard: 'reflectiekaarten_citeerbaar' uit proeftuin.yml; "
        "kies uit de lijst (het pijltje rechts van de cel).",
    ] in rows
    assert validation(wb["casussen"], column_letter("casussen", "toestemming_citaat")).prompt == (
        "Niet verplicht. Ja/nee; kies uit de lijst (het pijltje rechts van de cel); leeg is Nee."
    )


def test_wijk_is_a_keuzelijst_once_wijken_are_filled_in(tmp_path):
    wb = openpyxl.load_workbook(write_template(proeftuin(tmp_path, "maastricht")))
    rows = [[c for c in r if c is not None] for r in wb[TOELICHTING].iter_rows(values_only=True)]
    [wijk] = [r for r in rows if r[:2] == ["casussen", "Wijk"]]
    assert wijk[2] == "keuzelijst"
    assert wijk[3].startswith(
        "Niet verplicht. Keuzelijst; de buurt van de casus, een van 'wijken' uit proeftuin.yml; kies uit de lijst"
    )
    assert validation(wb["casussen"], column_letter("casussen", "wijk")).type == "list"


# --- writing, overwriting, errors ------------------------------------------------------


def test_never_overwrites_without_overschrijven(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    path = write_template(folder)
    path.write_bytes(b"ingevuld")
    with pytest.raises(BestandBestaatAl, match="--overschrijven"):
        write_template(folder)
    assert main(["sjabloon", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "bestaat al en wordt niet overschreven" in err and err.count("\n") == 1
    assert path.read_bytes() == b"ingevuld"
    assert main(["sjabloon", str(folder), "--overschrijven"]) == 0
    assert openpyxl.load_workbook(path).sheetnames[0] == TOELICHTING
    assert f"Registratiewerkmap geschreven: {path.resolve()}" in capsys.readouterr().out


def test_uit_writes_elsewhere_and_is_refused_there_too(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    out = tmp_path / "elders" / "invullen"
    assert main(["sjabloon", str(folder), "--uit", str(out)]) == 0
    assert (tmp_path / "elders" / "invullen.xlsx").is_file() and not (folder / WORKBOOK_NAME).exists()
    assert main(["sjabloon", str(folder), "--uit", str(out) + ".xlsx"]) == 2
    assert "bestaat al" in capsys.readouterr().err


def test_a_place_that_cannot_be_written_is_one_dutch_line_and_exit_2(tmp_path, capsys):
    folder = proeftuin(tmp_path)
    (tmp_path / "bestand").write_text("x")
    assert main(["sjabloon", str(folder), "--uit", str(tmp_path / "bestand" / "werkmap.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Fout: {tmp_path / 'bestand' / 'werkmap.xlsx'} kan niet geschreven worden (") and err.count("\n") == 1
    assert main(["nieuw", str(tmp_path / "bestand" / "p"), "--naam", "P"]) == 2
    assert "kan niet geschreven worden" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand", "prijslijst", "ruwaard"]


def test_missing_proeftuin_yml_is_one_dutch_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    assert main(["sjabloon", str(tmp_path / "leeg")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: proeftuin.yml ontbreekt in ") and "leergeschiedenis nieuw" in err and err.count("\n") == 1
    assert main(["sjabloon", str(tmp_path / "nergens")]) == 2
    assert "proeftuin.yml ontbreekt" in capsys.readouterr().err
    with pytest.raises(OnleesbareData):
        write_template(tmp_path / "leeg")
    assert not (tmp_path / "leeg" / WORKBOOK_NAME).exists()


def test_an_invalid_proeftuin_yml_is_refused_with_its_line(tmp_path, capsys):
    folder = tmp_path / "fout"
    folder.mkdir()
    (folder / "proeftuin.yml").write_text("naam: X\nontwerpprincipes: []\n", encoding="utf-8")
    assert main(["sjabloon", str(folder)]) == 2
    assert "ontwerpprincipes" in capsys.readouterr().err


# --- nieuw ------------------------------------------------------------------------------


def test_nieuw_makes_a_commented_proeftuin_yml_that_validates_and_the_workbook(tmp_path, capsys):
    folder = tmp_path / "proeftuinen" / "de-wijk"
    naam = "Proeftuin 'De Wijk': #1"
    assert main(["nieuw", str(folder), "--naam", naam]) == 0
    out = capsys.readouterr().out
    config, problems = load_config(folder / "proeftuin.yml")
    assert config.naam == naam and problems == []
    assert openpyxl.load_workbook(folder / WORKBOOK_NAME).sheetnames[0] == TOELICHTING
    steps = [line.strip() for line in out.splitlines() if re.match(r"\s+\d\. ", line)]
    assert len(steps) == 3
    assert steps[0].startswith("1. Vul") and "registratie.xlsx" in steps[0]
    assert steps[1] == f"2. Controleer de gegevens: leergeschiedenis check {folder}"
    assert re.fullmatch(rf"3\. Maak het verslag: leergeschiedenis report {re.escape(str(folder))} --jaar \d{{4}}", steps[2])
    # the new proeftuin checks: no rows yet, nothing refused
    assert main(["check", str(folder)]) == 0


def test_the_config_template_explains_every_key_and_marks_the_examples():
    text = config_template("Proeftuin X")
    for key in Config.model_fields:
        assert re.search(rf"^# {key}\b", text, re.M), key  # every key has its explanation above it
        assert re.search(rf"^#? ?{key}:", text, re.M), key  # and is there, or commented out ready to use
    config = Config.model_validate(__import__("yaml").safe_load(text))
    assert [p.naam.startswith("VOORBEELD, VERVANG:") for p in config.ontwerpprincipes] == [True, True, True]
    assert text.count("VERVANG") >= 5
    # the commented-out wijkbudget validates too, once its # are taken away
    block = re.search(r"^# wijkbudget:\n(#   .*\n)+", text, re.M).group(0)
    opened = text.replace(block, re.sub(r"^# ", "", block, flags=re.M))
    assert Config.model_validate(__import__("yaml").safe_load(opened)).wijkbudget.looptijd == (2018, 2022)


def test_the_list_examples_in_the_config_template_work_as_written():
    """The comments above wijken and partners show the list syntax; typed in as shown, they validate."""
    text = config_template("Proeftuin X")
    examples = {
        "wijken": re.search(r"^# wijken: .*?bijvoorbeeld (\[.*?\]) of (\[.*?\])", text, re.M).groups(),
        "partners": (
            re.search(r"^# partners: .*?bijvoorbeeld (\[.*?\])", text, re.M).group(1),
            re.search(r"^# Een naam met een komma .*?: (\[.*?\])", text, re.M).group(1),
        ),
    }
    found = {}
    for key, lists in examples.items():
        for example in lists:
            config = Config.model_validate(__import__("yaml").safe_load(text.replace(f"{key}: []", f"{key}: {example}")))
            found.setdefault(key, []).append(list(getattr(config, key)))
    assert found == {
        "wijken": [["Ruwaard"], ["Wyckerpoort", "Nazareth"]],
        "partners": [["GGD West", "Wijkteam Ruwaard", "Woningcorporatie Het Dak"], ["Zorg, Welzijn en Wonen", "GGD West"]],
    }


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(str.strip))
def test_any_name_comes_back_as_typed(naam):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "proeftuin.yml"
        path.write_text(config_template(naam), encoding="utf-8")
        config, problems = load_config(path)
    assert config.naam == naam and problems == []


def test_nieuw_never_replaces_a_proeftuin(tmp_path, capsys):
    folder = tmp_path / "p"
    new_proeftuin(folder, "Proeftuin P")
    (folder / "proeftuin.yml").write_text("# eigen\n" + config_template("Eigen"), encoding="utf-8")
    assert main(["nieuw", str(folder), "--naam", "Andere"]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert (folder / "proeftuin.yml").read_text(encoding="utf-8").startswith("# eigen")
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(BestandBestaatAl):
        new_proeftuin(tmp_path / "bestand", "X")


# --- the round trip ---------------------------------------------------------------------


def typed(kind: str, value: object) -> object:
    """A CSV cell as Excel stores it once a team types it: dates and numbers as real values,
    anything Excel would not take for one as the text typed."""
    try:
        if kind == "date":
            day = cells.parse_date(value)
            return day.to_pydatetime()
        if kind in ("number", "money"):
            number = cells.parse_number(value, money=kind == "money")
            return int(number) if number.is_integer() else number
        if kind == "integer":
            return int(cells.parse_integer(value))
    except cells.CellError:
        pass
    return value


def fill(workbook: Path, csv_folder: Path) -> None:
    """Type the rows of every CSV of ``csv_folder`` into the workbook's sheet of that table, on the
    same row numbers; a column the CSV has and the sheet not (spinnenweb items, a team's own) is
    added at the right, and the Excel table grows over the rows, as Excel does."""
    wb = openpyxl.load_workbook(workbook)
    for csv in sorted(csv_folder.glob("*.csv")):
        table = csv.stem
        spec = TABLES[table]
        raw = read_table(table, Source(csv))
        ws = wb[table]
        at = {column_name(table, c.value): c.column for c in ws[1]}
        for name, shown in raw.headers.items():
            if name not in at:
                at[name] = ws.max_column + 1
                ws.cell(row=1, column=at[name], value=shown)
        for rij, row in raw.cells.iterrows():
            for name, value in row.items():
                if not is_blank(value):
                    kind = spec.column(name).kind if name in spec.column_names else ("number" if spec.items_of else "text")
                    cell = ws.cell(row=rij, column=at[name], value=typed(kind, value))
                    cell.number_format = ws.cell(row=2, column=at[name]).number_format  # the column's format
        (excel_table,) = ws.tables.values()
        for i in range(len(excel_table.tableColumns) + 1, ws.max_column + 1):
            excel_table.tableColumns.append(TableColumn(id=i, name=str(ws.cell(row=1, column=i).value)))
        excel_table.ref = excel_table.autoFilter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    wb.save(workbook)


def as_workbook(tmp_path: Path, csv_folder: Path) -> tuple[Path, Path]:
    """(the CSV proeftuin, the same proeftuin as a filled-in registration workbook), side by side
    under one shared price list."""
    if not (tmp_path / "prijslijst").exists():
        shutil.copytree(PRICE_LIST, tmp_path / "prijslijst")
    csv, xlsx = tmp_path / "csv", tmp_path / "xlsx"
    shutil.copytree(csv_folder, csv)
    xlsx.mkdir()
    shutil.copy(csv / "proeftuin.yml", xlsx)
    fill(write_template(xlsx), csv)
    return csv, xlsx


def findings(dataset) -> list[tuple]:
    """Every problem but where it was found (file and sheet) and the notices of sheets not read."""
    return [(p.rij, p.kolom, p.waarde, p.melding, p.ernst) for p in dataset.problems if p.regel != "niet_gelezen"]


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    """Both sides read and validated afresh: a table from the cache may come back with another dtype
    (a ``wijk`` column as ``str`` instead of ``object``), which is the cache's business, not the workbook's."""
    monkeypatch.setenv("LEERGESCHIEDENIS_CACHE", "uit")


def assert_same(a, b) -> None:
    assert a.accounting == b.accounting
    assert findings(a) == findings(b)
    for name in TABLES:
        left, right = a.tables[name], b.tables[name]
        if name == "reflectiekaarten":  # an empty kaart_id is made from file (and sheet) and row
            left, right = left.drop(columns="kaart_id"), right.drop(columns="kaart_id")
        pd.testing.assert_frame_equal(left, right)


@pytest.mark.parametrize("folder", [SAMPLE / "ruwaard", SAMPLE / "deurne", SAMPLE / "maastricht", GEPLANT], ids=lambda p: p.name)
def test_filled_in_the_workbook_reads_back_like_the_csvs(tmp_path, folder):
    csv, xlsx = as_workbook(tmp_path, folder)
    a, b = lg.load(csv), lg.load(xlsx)
    assert_same(a, b)
    tables = {t for t in TABLES if (folder / f"{t}.csv").exists()}
    assert {t for t, s in b.sources.items() if s.path.name == WORKBOOK_NAME} == tables
    assert all(b.sources[t].sheet == t for t in tables)
    # the sheets left empty are said not to be read, and why; the Toelichting and the lists are passed over
    not_read = {p.blad for p in b.problems if p.regel == "niet_gelezen"}
    assert not_read == set(TABLES) - tables
    assert all(is_empty_template(p) for p in b.problems if p.regel == "niet_gelezen")


def test_the_planted_errors_are_refused_on_the_same_rows(tmp_path):
    _, xlsx = as_workbook(tmp_path, GEPLANT)
    d = lg.load(xlsx)
    assert {t: a.geweigerd for t, a in d.accounting.items()} == {
        "prijslijst": 5,
        "casussen": 11,
        "metingen": 5,
        "kosten": 4,
        "bijeenkomsten": 3,
        "reflectiekaarten": 5,
        "spinnenweb": 4,
    }
    wrong_day = next(p for p in d.errors if p.kolom == "aanmelddatum" and p.rij == 5)
    assert (wrong_day.bestand, wrong_day.blad, wrong_day.waarde) == (WORKBOOK_NAME, "casussen", "31-02-2017")


def test_check_export_works_on_the_workbook(tmp_path, capsys):
    _, xlsx = as_workbook(tmp_path, GEPLANT)
    out = tmp_path / "uit" / "problemen.xlsx"
    assert main(["check", str(xlsx), "--export", str(out)]) == 1
    wb = openpyxl.load_workbook(out)
    ws = wb["casussen"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 11
    assert {(r["bestand"], r["blad"]) for r in rows} == {(WORKBOOK_NAME, "casussen")}
    assert [r["rij"] for r in rows] == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
    assert "Casus ID *" in head  # the workbook's own headers


def test_the_workbook_sits_beside_the_csvs_and_never_hides_the_shared_price_list(tmp_path):
    shutil.copytree(PRICE_LIST, tmp_path / "prijslijst")
    folder = tmp_path / "ruwaard"
    shutil.copytree(SAMPLE / "ruwaard", folder)
    before = lg.load(folder)
    assert main(["sjabloon", str(folder)]) == 0
    after = lg.load(folder)
    assert after.accounting == before.accounting
    assert {t: s.path for t, s in after.sources.items()} == {t: s.path for t, s in before.sources.items()}
    assert after.sources["prijslijst"].path == tmp_path / "prijslijst" / "prijslijst.csv"
    assert findings(after) == findings(before)
    # every sheet is an empty template beside its CSV; the instruction sheets are passed over silently
    sources, notices = find_sources(folder)
    assert all(s.path.suffix == ".csv" for s in sources.values())
    assert {n.blad for n in notices if n.bestand == WORKBOOK_NAME} == set(TABLES)


def test_a_new_proeftuin_with_an_empty_workbook_checks_clean(tmp_path):
    folder = tmp_path / "nieuw"
    new_proeftuin(folder, "Proeftuin Nieuw")
    d = lg.load(folder)
    assert {t: a.gelezen for t, a in d.accounting.items()} == {"casussen": 0}
    assert d.errors == []


def test_check_on_a_new_proeftuin_is_calm(tmp_path, capsys):
    """A workbook not yet filled in: its own sheets unmentioned, the empty ones on one line, no 'all accepted'."""
    folder = tmp_path / "nieuw"
    new_proeftuin(folder, "Proeftuin Nieuw")
    capsys.readouterr()
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1:] == [
        "",
        f"{'tabel':<18}{'bestand':<34}{'gelezen':>9}{'geaccepteerd':>14}{'geweigerd':>11}",
        f"{'casussen':<18}{'registratie.xlsx [casussen]':<34}{0:>9}{0:>14}{0:>11}",
        "",
        "Nog leeg in registratie.xlsx: metingen, kosten, prijslijst, bijeenkomsten, reflectiekaarten, spinnenweb, "
        "activiteiten, wijkbudget, wijkprofiel (alleen een kopregel)",
        "",
        "Nog geen rijen ingevuld.",
    ]
    # the JSON keeps a notice for each empty sheet, and none for the Toelichting and the lists
    assert main(["check", "--json", str(folder)]) == 0
    problems = json.loads(capsys.readouterr().out)["problemen"]
    assert {p["blad"] for p in problems} == set(SHEET_ORDER) - {"casussen"}
    assert problems[0] == {
        "bestand": WORKBOOK_NAME,
        "blad": "metingen",
        "rij": None,
        "kolom": None,
        "waarde": None,
        "melding": "blad 'metingen' wordt niet gelezen: het heeft alleen een kopregel van 'metingen' en geen rijen (een leeg sjabloon)",
        "ernst": "melding",
    }


def test_check_with_some_sheets_filled_in_names_the_rest_on_one_line(tmp_path, capsys):
    folder = tmp_path / "nieuw"
    new_proeftuin(folder, "Proeftuin Nieuw")
    path = folder / WORKBOOK_NAME
    wb = openpyxl.load_workbook(path)
    ws = wb["casussen"]
    header = [c.value for c in ws[1]]
    row = dict.fromkeys(header)
    row.update({"Casus ID *": "R-1", "Soort *": "individueel", "Organisatie *": "GGZ", "Status *": "aangemeld"})
    row["Aanmelddatum *"] = dt.date(2017, 9, 5)
    ws.append([row[h] for h in header])
    ws.tables["tabel_casussen"].ref = f"A1:{get_column_letter(len(header))}2"
    wb.save(path)
    capsys.readouterr()
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"{'casussen':<18}{'registratie.xlsx [casussen]':<34}{1:>9}{1:>14}{0:>11}" in out
    assert out.endswith(
        "Nog leeg in registratie.xlsx: metingen, kosten, prijslijst, bijeenkomsten, reflectiekaarten, spinnenweb, "
        "activiteiten, wijkbudget, wijkprofiel (alleen een kopregel)\n\nAlle rijen geaccepteerd.\n"
    )
    assert "melding" not in out and "Let op" not in out and "Toelichting" not in out


def test_a_sheet_named_toelichting_with_a_table_header_is_still_read(tmp_path):
    """Only the instruction sheets without a table's header are passed over: no row is dropped silently."""
    folder = tmp_path / "p"
    new_proeftuin(folder, "Proeftuin P")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Toelichting"
    ws.append(["casus_id", "type", "organisatie", "aanmelddatum", "status"])
    ws.append(["R-1", "individueel", "GGZ", "05-09-2017", "mdo"])
    (folder / WORKBOOK_NAME).unlink()
    wb.save(folder / "casussen.xlsx")
    d = lg.load(folder)
    assert d.sources["casussen"].sheet == "Toelichting"
    assert d.accounting["casussen"].gelezen == 1


def test_labels_fold_back_to_their_codes():
    for table in TABLES.values():
        for column in table.columns:
            for code in column.allowed:
                assert cells.parse_enum(label(code), column.allowed) == code


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) ontbreekt")
def test_libreoffice_saves_it_and_it_still_reads_back_like_the_csvs(tmp_path):
    csv, xlsx = as_workbook(tmp_path, GEPLANT)
    saved = tmp_path / "opgeslagen"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(saved),
            str(xlsx / WORKBOOK_NAME),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (xlsx / WORKBOOK_NAME).unlink()
    shutil.move(saved / WORKBOOK_NAME, xlsx / WORKBOOK_NAME)
    assert_same(lg.load(csv), lg.load(xlsx))
    # the drop-downs, the date format and the Toelichting survive LibreOffice
    wb = openpyxl.load_workbook(xlsx / WORKBOOK_NAME)
    assert wb.sheetnames[0] == TOELICHTING
    soort = validation(wb["casussen"], "B")
    assert soort.type == "list" and list_values(wb, soort.formula1) == ["Individueel", "Collectief"]
    assert wb["casussen"]["D2"].number_format.replace("\\", "").upper() == "DD-MM-YYYY"  # LibreOffice escapes the -
