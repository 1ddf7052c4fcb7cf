"""The registration workbook made from the data contract, and a new proeftuin in one command.

``leergeschiedenis sjabloon MAP`` writes ``MAP/registratie.xlsx``: a sheet ``Toelichting``
first (what each sheet is for, every column with its rule, how to export, which columns are
confidential), then one sheet per contract table, named after the table, and a sheet
``Keuzelijsten`` with the lists the drop-downs offer. Every table sheet has

* the contract's columns under readable Dutch headers (``Casus ID *``; ``*`` is required) that
  the reader maps back to the contract (``read.column_name``), frozen and bold, as an Excel table;
* a data validation per column: a drop-down for every enumeration and yes/no column (stop), for
  the proeftuin's own lists (``organisatie`` and ``regisseur`` from ``partners`` as a warning
  that allows another name, ``wijk`` from ``wijken``) and for references to another sheet
  (``bijeenkomst`` from the bijeenkomsten sheet, ``casus_id`` from casussen, ``voorziening``
  from the price list's codes), all as warnings since the other table may live in a CSV beside
  the workbook; dates between 1900 and 2100 shown as dd-mm-jjjj; number ranges from the
  contract; an input message in Dutch on every column;
* confidential columns marked by the header colour and a note.

A sheet with only its header is no source (``read.find_sources``), so the workbook can sit beside
the CSVs a team already has. Filled in, it reads back like the same rows in CSV.

``leergeschiedenis nieuw MAP --naam NAAM`` creates the folder with a commented proeftuin.yml
(``config_template``) and the workbook.

Everything is written with openpyxl; the same proeftuin.yml gives the same workbook content.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from . import labels
from .cells import cell_text
from .config import Config, load_config
from .contract import CONTRACT_VERSION, KIND_DUTCH, ORDER, TABLES, Column, Table
from .dataset import _find_shared_price_list, config_path
from .errors import BestandBestaatAl, OnleesbareData, SchrijvenMislukt
from .export import safe_text
from .names import is_blank
from .read import KEUZELIJSTEN, TOELICHTING, find_sources, read_table

WORKBOOK_NAME = "registratie.xlsx"
# the tables in the order a team fills them in: the cases first, the neighbourhood last
SHEET_ORDER = (
    "casussen",
    "metingen",
    "kosten",
    "prijslijst",
    "bijeenkomsten",
    "reflectiekaarten",
    "spinnenweb",
    "activiteiten",
    "wijkbudget",
    "wijkprofiel",
)
assert sorted(SHEET_ORDER) == sorted(ORDER)

# Validations and formats cover the whole column below the header, so they hold for every row
# a team adds, also where Excel's table does not grow by itself (LibreOffice).
LAST_ROW = 1_048_576
# the rows a dynamic list (partners, another sheet's identifiers) looks at
LIST_ROWS = 2000
FIRST_DAY, LAST_DAY = "1900-01-01", "2100-12-31"
DATE_FORMAT = "DD-MM-YYYY"  # Dutch Excel shows it as dd-mm-jjjj
MONEY_FORMAT = '"€" #,##0.00'
TEXT_FORMAT = "@"
# Excel's limits for a validation's texts (longer ones make Excel call the file damaged)
MAX_TITLE, MAX_MESSAGE = 32, 255

BOLD = Font(bold=True)
TITLE = Font(name="Calibri", bold=True, size=14)
CONFIDENTIAL_FILL = PatternFill("solid", fgColor="FFC7CE")
CONFIDENTIAL_FONT = Font(bold=True, color="9C0006")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TABLE_STYLE = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)

# units shown in brackets after the header (text in brackets does not count when it is read)
EENHEDEN = {
    ("metingen", "welbevinden"): "1-10",
    ("prijslijst", "prijs"): "euro",
    ("wijkbudget", "begroot"): "euro",
    ("wijkbudget", "besteed"): "euro",
}
# enumeration values as a team would type them; every one folds back to its code
WAARDEN = {
    "financien": "Financiën",
    "mdo": "MDO",
    "mpg_v1": "mpg_v1",
    "mpg_v2": "mpg_v2",
    "gemeente_wmo": "Gemeente Wmo",
    "wlz": "Wlz",
    "uwv": "UWV",
}
JA_NEE = ("Ja", "Nee")
PARTNER_COLUMNS = ("organisatie", "regisseur")


def header(table: str, column: Column) -> str:
    """The readable header of a contract column: `Casus ID *`, `Welbevinden (1-10) *`."""
    text = labels.kop(column.name)
    if column.kind == "number" and column.minimum == 0 and column.maximum == 10 and table == "spinnenweb":
        text += " (0-10)"
    if unit := EENHEDEN.get((table, column.name)):
        text += f" ({unit})"
    return text + (" *" if column.required else "")


def label(code: str) -> str:
    """An enumeration code as a team reads it in a drop-down: `na_6_weken` -> `Na 6 weken`."""
    if code in WAARDEN:
        return WAARDEN[code]
    text = code.replace("_", " ")
    return text[0].upper() + text[1:]


# --- contract texts as the team reads them --------------------------------------------

_CODE = re.compile(r"`([^`]*)`")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _header_of(table: Table, name: str) -> str | None:
    """The header a team sees for a contract column name: of ``table`` first, else of the table that has it."""
    for t in (table, *(TABLES[n] for n in SHEET_ORDER)):
        if name in t.column_names:
            return header(t.name, t.column(name)).removesuffix(" *")
    return None


def readable(table: Table, text: str) -> str:
    """A contract text (description, note) in the words of the workbook: no backticks, and a column
    named by the header the team sees (``toestemming_citaat = ja`` -> ``'Toestemming citaat' = Ja``);
    any other name (a key of proeftuin.yml) between quotes."""

    def quoted(name: str) -> str:
        return f"'{_header_of(table, name) or name}'"

    text = _CODE.sub(lambda m: quoted(m.group(1)), text)
    text = _SNAKE.sub(lambda m: quoted(m.group()), text)
    text = re.sub(r"= (ja|nee)\b", lambda m: "= " + m.group(1).capitalize(), text)
    # the workbook has every column already: a column a CSV 'may add' is one to fill in
    return re.sub(r"mag een kolom ('[^']+') toevoegen", r"vult de kolom \1 in", text)


def kind_text(column: Column, config: Config) -> str:
    """The kind of a column as the Toelichting names it: a list from proeftuin.yml that is still
    empty gives no drop-down, so it is no 'keuzelijst' there."""
    if column.kind == "enum" and column.allowed_from and not config.allowed_values(column.allowed_from):
        return KIND_DUTCH["text"]
    return KIND_DUTCH[column.kind]


# --- what a column allows --------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """How one column is checked while typing: an Excel data validation and a number format."""

    type: str | None  # list, date, whole, decimal, or None (only an input message)
    formula1: str | None = None
    formula2: str | None = None
    operator: str | None = None
    error_style: str = "stop"
    error: str = ""
    number_format: str | None = None


class _Lists:
    """The Keuzelijsten sheet: one column per distinct list, referred to by the validations."""

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.columns: dict[tuple[str, tuple[str, ...]], str] = {}

    def range(self, title: str, values: Iterable[str], grows: bool = False) -> str:
        values = tuple(values)
        key = (title if grows else "", values)
        if key not in self.columns:
            col = len(self.columns) + 1
            letter = get_column_letter(col)
            cell = self.ws.cell(row=1, column=col, value=title)
            cell.font = BOLD
            for i, v in enumerate(values, start=2):
                _text(self.ws.cell(row=i, column=col), v).number_format = TEXT_FORMAT
            self.ws.column_dimensions[letter].width = max(14, min(45, max(len(str(v)) for v in (title, *values)) + 2))
            self.columns[key] = letter
        letter = self.columns[key]
        sheet = _sheet_ref(KEUZELIJSTEN)
        if grows:
            return _growing(sheet, letter)
        return f"{sheet}!${letter}$2:${letter}${len(values) + 1}"


def _text(cell, value: str):
    """A text from proeftuin.yml or a price list into a cell: always a string, never a formula
    (``export.safe_text``: a ``'`` before what a spreadsheet would run, control characters shown)."""
    cell.value = safe_text(str(value))
    cell.data_type = "s"
    return cell


def _sheet_ref(title: str) -> str:
    """A sheet's name in a formula: quoted only when it has to be."""
    return title if title.isidentifier() else "'" + title.replace("'", "''") + "'"


def _growing(sheet: str, letter: str) -> str:
    """A list that grows with what is typed below its header (a partner added to Keuzelijsten,
    a session added to bijeenkomsten)."""
    return f"OFFSET({sheet}!${letter}$2,0,0,MAX(1,COUNTA({sheet}!${letter}$2:${letter}${LIST_ROWS + 1})),1)"


def _choices(values: Iterable[str]) -> str:
    return ", ".join(values)


def _range_text(column: Column) -> str:
    lo, hi = column.minimum, column.maximum
    if lo is not None and hi is not None:
        return f"van {lo:g} tot en met {hi:g}"
    if lo is not None:
        return f"{lo:g} of meer"
    if hi is not None:
        return f"hooguit {hi:g}"
    return ""


def column_rule(table: Table, column: Column, config: Config, lists: _Lists, price_codes: list[str] | None) -> Rule:
    """The validation of one column, from the contract and the proeftuin's lists."""
    name = column.name
    reference = next((r for r in table.references if r.column == name), None)
    if column.kind == "enum" and column.allowed:
        values = [label(v) for v in column.allowed]
        return Rule("list", lists.range(f"{table.name}: {header(table.name, column).rstrip(' *')}", values), error=_pick(values))
    if column.kind == "enum" and column.allowed_from:
        values = list(config.allowed_values(column.allowed_from))
        if not values:
            return Rule(None)
        return Rule(
            "list",
            lists.range(f"{column.allowed_from.capitalize()} (proeftuin.yml)", values, grows=True),
            error=_pick(values) + f"; staat de waarde in proeftuin.yml, zet haar dan ook onder in {KEUZELIJSTEN}",
        )
    if column.kind == "bool":
        return Rule("list", lists.range("Ja/nee", JA_NEE), error="Kies Ja of Nee.")
    if column.kind == "date":
        first, last = (int(to_excel(_day(d))) for d in (FIRST_DAY, LAST_DAY))
        return Rule(
            "date",
            str(first),
            str(last),
            "between",
            error="Typ een datum als 05-09-2016 (dag-maand-jaar), tussen 1900 en 2100.",
            number_format=DATE_FORMAT,
        )
    if column.kind in ("number", "integer", "money"):
        return _number_rule(column)
    if name in PARTNER_COLUMNS and config.partners:
        return Rule(
            "list",
            lists.range("Partners (proeftuin.yml)", config.partners, grows=True),
            error_style="warning",
            error="Deze naam staat niet bij de partners in proeftuin.yml. Een andere organisatie mag: kies Ja (Excel) of OK (LibreOffice) om haar te houden.",
            number_format=TEXT_FORMAT,
        )
    if reference is not None and reference.table in TABLES:
        return _reference_rule(table, column, reference.table, reference.target, lists, price_codes)
    return Rule(None, number_format=TEXT_FORMAT if column.kind == "text" and column.identifier else None)


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _pick(values: list[str]) -> str:
    text = f"Kies uit de lijst: {_choices(values)}."
    return text if len(text) <= MAX_MESSAGE else "Kies een waarde uit de lijst (pijltje rechts van de cel)."


def _number_rule(column: Column) -> Rule:
    kind = "whole" if column.kind == "integer" else "decimal"
    lo, hi = column.minimum, column.maximum
    what = {"integer": "een geheel getal", "money": "een bedrag in euro", "number": "een getal"}[column.kind]
    rng = _range_text(column)
    error = f"Typ {what}{' ' + rng if rng else ''}."
    fmt = {"integer": "0", "money": MONEY_FORMAT, "number": "General"}[column.kind]
    if lo is not None and hi is not None:
        return Rule(kind, _num(lo), _num(hi), "between", error=error, number_format=fmt)
    if lo is not None:
        return Rule(kind, _num(lo), None, "greaterThanOrEqual", error=error, number_format=fmt)
    if hi is not None:
        return Rule(kind, _num(hi), None, "lessThanOrEqual", error=error, number_format=fmt)
    # no range in the contract: a number all the same
    return Rule(kind, "-1000000000000", "1000000000000", "between", error=error, number_format=fmt)


def _num(value: float) -> str:
    return f"{value:g}"


def _reference_rule(
    table: Table, column: Column, target_table: str, target: str, lists: _Lists, price_codes: list[str] | None
) -> Rule:
    """A drop-down from the sheet the column points at; a warning, since that table may be a CSV."""
    if target_table == "prijslijst" and price_codes:
        source = lists.range("Voorzieningen (prijslijst)", price_codes, grows=True)
        where = "de prijslijst"
    else:
        col = TABLES[target_table].column_names.index(target) + 1
        source = _growing(_sheet_ref(target_table), get_column_letter(col))
        where = f"blad {target_table}"
    return Rule(
        "list",
        source,
        error_style="warning",
        error=f"Deze waarde staat niet in {where}. Staat ze in een CSV-bestand ernaast, kies dan Ja (Excel) of OK (LibreOffice) om haar te houden.",
        number_format=TEXT_FORMAT,
    )


def column_help(table: Table, column: Column, config: Config) -> str:
    """The rule of a column in one Dutch line: for the input message and the Toelichting."""
    parts = [("Verplicht. " if column.required else "Niet verplicht. ") + kind_text(column, config).capitalize()]
    if column.kind == "date":
        parts[0] += " (dd-mm-jjjj)"
    if column.description:
        parts.append(readable(table, column.description))
    rng = _range_text(column)
    if rng and column.kind != "date" and rng.removeprefix("van ") not in column.description:
        parts.append(rng)
    allowed = column.allowed or (config.allowed_values(column.allowed_from) if column.allowed_from else ())
    if column.kind == "bool" or (column.kind == "enum" and allowed):
        parts.append("kies uit de lijst (het pijltje rechts van de cel)")
    if column.kind == "list" and allowed:
        shown = [label(a) for a in allowed] if column.allowed or column.allowed_from == "levensdomeinen" else list(allowed)
        parts.append(f"kies uit {_choices(shown)}")
    if column.allowed_from and column.kind == "enum" and not allowed:
        parts.append(f"laat leeg zolang '{column.allowed_from}' in proeftuin.yml leeg is")
    if column.name in PARTNER_COLUMNS and config.partners:
        parts.append("kies een partner of typ een andere naam")
    reference = next((r for r in table.references if r.column == column.name), None)
    if reference is not None:
        parts.append(f"kies uit de lijst (uit {reference.table}) of typ")
    if column.default is not None and not column.default_from:
        default = column.default
        shown = JA_NEE[1] if default is False else JA_NEE[0] if default is True else label(str(default))
        parts.append(f"leeg is {shown}")
    if column.identifier:
        parts.append("hoofdletters en spaties tellen niet")
    if column.confidential:
        parts.append("VERTROUWELIJK: wordt nooit gepubliceerd; geen namen")
    return "; ".join(parts) + "."


def _message(text: str) -> str:
    """A validation's message within Excel's limit, without characters an .xlsx cannot hold."""
    text = ILLEGAL_CHARACTERS_RE.sub(lambda m: chr(0x2400 + ord(m.group())), text)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 16].rstrip() + "… (Toelichting)"


# --- the workbook ----------------------------------------------------------------------


def build_workbook(config: Config, price_codes: list[str] | None = None) -> Workbook:
    """The registration workbook of a proeftuin: Toelichting, one sheet per table, Keuzelijsten."""
    wb = Workbook()
    toelichting = wb.active
    toelichting.title = TOELICHTING
    sheets = {name: wb.create_sheet(name) for name in SHEET_ORDER}
    lists = _Lists(wb.create_sheet(KEUZELIJSTEN))
    for name in SHEET_ORDER:
        _write_table_sheet(sheets[name], TABLES[name], config, lists, price_codes)
    _write_toelichting(toelichting, config, price_codes)
    lists.ws.freeze_panes = "A2"
    return wb


def _write_table_sheet(ws: Worksheet, table: Table, config: Config, lists: _Lists, price_codes: list[str] | None) -> None:
    for i, column in enumerate(table.columns, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i, value=header(table.name, column))
        cell.font = BOLD
        cell.alignment = Alignment(vertical="top")
        if column.confidential:
            cell.fill = CONFIDENTIAL_FILL
            cell.font = CONFIDENTIAL_FONT
            cell.comment = Comment(
                "Vertrouwelijk: deze kolom wordt nooit gepubliceerd, niet in het verslag en niet in het dashboard. "
                "Schrijf geen namen of andere gegevens waaraan iemand te herkennen is.",
                "leergeschiedenis",
                width=300,
                height=110,
            )
        rule = column_rule(table, column, config, lists, price_codes)
        dv = DataValidation(
            type=rule.type,
            formula1=rule.formula1,
            formula2=rule.formula2,
            operator=rule.operator,
            allow_blank=True,
            showInputMessage=True,
            promptTitle=_title(header(table.name, column)),
            prompt=_message(column_help(table, column, config)),
        )
        if rule.type is not None:
            dv.showErrorMessage = True
            dv.errorStyle = rule.error_style
            dv.errorTitle = "Controleer deze waarde" if rule.error_style == "warning" else "Niet toegestaan"
            dv.error = _message(rule.error)
        dv.add(f"{letter}2:{letter}{LAST_ROW}")
        ws.add_data_validation(dv)
        width = 40 if column.kind == "text" and not column.identifier and column.name not in PARTNER_COLUMNS else 16
        ws.column_dimensions[letter].width = max(width, len(str(cell.value)) + 4)
        if rule.number_format:
            # the column's style: what a team types in any row below the header gets it
            ws.column_dimensions[letter].number_format = rule.number_format
            ws.cell(row=2, column=i).number_format = rule.number_format
    last = get_column_letter(len(table.columns))
    excel_table = ExcelTable(displayName=f"tabel_{table.name}", ref=f"A1:{last}2", tableStyleInfo=TABLE_STYLE)
    ws.add_table(excel_table)
    ws.freeze_panes = "A2"


def _title(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"


def _write_toelichting(ws: Worksheet, config: Config, price_codes: list[str] | None) -> None:
    rows: list[tuple[object, ...] | str] = []

    def section(title: str) -> None:
        rows.append("")
        rows.append(("§", title))

    rows.append(("#", f"Registratie {config.naam}"))
    rows.append(
        f"Gemaakt met 'leergeschiedenis sjabloon' uit het datacontract (versie {CONTRACT_VERSION}) en proeftuin.yml. "
        "Dit blad wordt niet als gegevens gelezen."
    )
    section("Zo vul je deze werkmap in")
    rows += [
        "• Elk blad na dit blad is één tabel, genoemd naar die tabel. Vul onder de kopregel één rij per casus, meting, kaart, ... in.",
        "• Kolommen met een * zijn verplicht. Ga op een kop of cel staan: een venstertje zegt wat erin moet.",
        "• Bij een kolom met een pijltje kies je uit een lijst. Datums typ je als 05-09-2016 (dag-maand-jaar).",
        "• Een blad dat leeg blijft (alleen de kopregel) telt niet mee: vul alleen in wat de proeftuin bijhoudt.",
        "• Een tabel die al in een CSV-bestand naast deze werkmap staat, vul je niet ook hier in (dan staat ze er twee keer).",
        "• Kolommen met een rode kop zijn vertrouwelijk (zie Privacy hieronder).",
        f"• Het blad {KEUZELIJSTEN} bevat de keuzelijsten. Komt er een partner of wijk bij: zet hem in proeftuin.yml "
        f"en onder aan de kolom in {KEUZELIJSTEN}.",
        "• Eigen kolommen mogen rechts erbij (ze worden bewaard, niet gecontroleerd); een kolomkop niet veranderen.",
    ]
    if price_codes:
        rows.append(
            "• De voorzieningen in kosten komen uit de prijslijst die er al is (prijslijst.csv of de gedeelde map prijslijst/)."
        )
        rows.append(
            "• Het blad prijslijst vul je alleen in voor een eigen prijslijst in plaats van die; naast een prijslijst.csv kan dat niet."
        )
    section("Bladen")
    rows.append(("blad", "verplicht", "", "waarvoor"))
    for name in SHEET_ORDER:
        t = TABLES[name]
        rows.append((name, "ja" if t.required else "nee", "", readable(t, t.description)))
    rows.append((KEUZELIJSTEN, "", "", "De lijsten van de pijltjes: uit het datacontract en uit proeftuin.yml."))
    section("Kolommen")
    rows.append(("blad", "kolom", "soort", "regel"))
    for name in SHEET_ORDER:
        t = TABLES[name]
        for column in t.columns:
            rows.append((name, header(name, column), kind_text(column, config), column_help(t, column, config)))
        for note in t.notes:
            rows.append((name, "", "", readable(t, note)))
    section("Opslaan en controleren")
    rows += [
        "• Sla de werkmap op als Excel-werkmap (.xlsx) in de map van de proeftuin, naast proeftuin.yml.",
        "• Controleer met: leergeschiedenis check MAP. Elke geweigerde rij staat er met blad, rij, kolom en reden.",
        "• Met --export problemen.xlsx (buiten de map van de proeftuin) krijg je de geweigerde rijen in een werkmap.",
        "• Liever CSV? Sla elk blad apart op als 'CSV (gescheiden door lijstscheidingsteken)' met de naam van het blad "
        "(casussen.csv, metingen.csv, ...) en haal de rijen dan uit deze werkmap weg.",
        "• Het verslag: leergeschiedenis report MAP --jaar JAAR. Het dashboard: leergeschiedenis dashboard.",
    ]
    section("Privacy")
    rows.append(
        "Vertrouwelijke kolommen worden gelezen voor de analyse maar nooit gepubliceerd (niet in het verslag, niet in het dashboard):"
    )
    for name in SHEET_ORDER:
        for column in TABLES[name].columns:
            if column.confidential:
                rows.append((name, header(name, column), "vertrouwelijk"))
    rows += [
        "• Deelnemer ID is een pseudoniem (P01, P02, ...), nooit een naam. Zet nergens namen van inwoners.",
        f"• Een citaat wordt alleen gepubliceerd met '{_header_of(TABLES['casussen'], 'toestemming_citaat')}' = Ja.",
        f"• Cijfers over minder dan {config.privacy.min_groepsgrootte} personen worden niet getoond.",
    ]
    for r, row in enumerate(rows, start=1):
        if isinstance(row, str):
            if row:
                _text(ws.cell(row=r, column=1), row)
            continue
        if row[0] == "#":
            _text(ws.cell(row=r, column=1), row[1]).font = TITLE
        elif row[0] == "§":
            ws.cell(row=r, column=1, value=row[1]).font = Font(name="Calibri", bold=True, size=12)
        else:
            for c, value in enumerate(row, start=1):
                if value:
                    _text(ws.cell(row=r, column=c), value).alignment = Alignment(wrap_text=c == 4, vertical="top")
            if row[0] in ("blad",):
                for c in range(1, len(row) + 1):
                    ws.cell(row=r, column=c).font = BOLD
                    ws.cell(row=r, column=c).fill = HEADER_FILL
            if len(row) == 3 and row[2] == "vertrouwelijk":
                ws.cell(row=r, column=2).fill = CONFIDENTIAL_FILL
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 120


# --- writing it --------------------------------------------------------------------------


def write_template(folder: str | Path, out: str | Path | None = None, overwrite: bool = False) -> Path:
    """Write the registration workbook of the proeftuin in ``folder`` (``folder/registratie.xlsx``
    or ``out``); an existing file is only replaced with ``overwrite``. Raises ``OnleesbareData``
    when proeftuin.yml is missing or invalid, ``BestandBestaatAl`` for an existing file."""
    folder = Path(folder)
    config_file = config_path(folder)
    if not folder.is_dir() or not config_file.is_file():
        raise OnleesbareData(
            f"{config_file.name} ontbreekt in {folder}: het sjabloon komt uit proeftuin.yml (partners, wijken, "
            f'ontwerpprincipes). Begin een nieuwe proeftuin met: leergeschiedenis nieuw {folder} --naam "Proeftuin ..."'
        )
    config, _ = load_config(config_file)
    path = _target(folder, out)
    if path.exists() and not overwrite:
        raise BestandBestaatAl(
            f"{path} bestaat al en wordt niet overschreven: geef --overschrijven om het te vervangen "
            "(wat erin is ingevuld gaat dan verloren), of --uit ANDER.xlsx voor een ander bestand."
        )
    wb = build_workbook(config, price_codes(folder, path))
    _save(wb, path)
    return path


def _target(folder: Path, out: str | Path | None) -> Path:
    if out is None:
        return folder / WORKBOOK_NAME
    path = Path(out)
    if path.is_dir():
        return path / WORKBOOK_NAME
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def _save(wb: Workbook, path: Path) -> None:
    """Written beside the target and moved into place, so a failed write leaves no half file."""
    # not mkstemp: its file is readable by its owner only, and a team shares the workbook
    tmp = path.with_name(f".~{path.stem}.{os.getpid()}.xlsx")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as e:
        raise _not_written(path, e) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _not_written(path: Path, e: OSError) -> SchrijvenMislukt:
    reason = e.strerror or str(e)
    return SchrijvenMislukt(
        f"{path} kan niet geschreven worden ({reason}): kies een andere plek, of sluit het bestand als het open is in Excel."
    )


def price_codes(folder: Path, out: Path | None = None) -> list[str] | None:
    """The codes of the price list the proeftuin uses outside the workbook being written: its own
    prijslijst.csv, else the shared prijslijst/ folder the loader would find; None when there is none
    (then the drop-down offers the codes typed in the workbook's own prijslijst sheet)."""
    try:
        sources, _ = find_sources(folder)
    except OnleesbareData:
        sources = {}
    source = sources.get("prijslijst")
    if source is not None and out is not None and source.path.resolve() == out.resolve():
        source = None
    if source is None:
        shared = _find_shared_price_list(folder)
        if shared is not None:
            try:
                source = find_sources(shared)[0].get("prijslijst")
            except OnleesbareData:
                source = None
    if source is None:
        return None
    try:
        raw = read_table("prijslijst", source)
    except OnleesbareData:
        return None
    if "code" not in raw.cells:
        return None
    codes = [cell_text(v) for v in raw.cells["code"] if not is_blank(v)]
    return list(dict.fromkeys(codes)) or None


# --- a new proeftuin -------------------------------------------------------------------


def config_template(naam: str) -> str:
    """A commented proeftuin.yml for a new proeftuin: every key explained, example principles
    marked to be replaced. It validates as it is (``config.load_config``)."""
    quoted = yaml.safe_dump(naam, allow_unicode=True, default_style='"', width=float("inf")).strip()
    return CONFIG_TEMPLATE.replace("{{naam}}", quoted)


CONFIG_TEMPLATE = """\
# proeftuin.yml: de instellingen van één proeftuin. Gemaakt met `leergeschiedenis nieuw`.
# Regels die met # beginnen zijn uitleg; vul de waarden in en bewaar het bestand als UTF-8.
# Alles wat met VERVANG is gemarkeerd is een voorbeeld: vervang het door wat in jullie proeftuin geldt.
# `leergeschiedenis check MAP` controleert dit bestand; een fout noemt de regel.

# naam (verplicht): de naam van de proeftuin, zoals hij boven het verslag en in het dashboard staat.
naam: {{naam}}

# gemeente: de gemeente van de proeftuin.
gemeente: null

# wijken: de buurten of wijken van de proeftuin, bijvoorbeeld [Ruwaard] of [Wyckerpoort, Nazareth].
# De kolom Wijk op de bladen casussen, activiteiten, wijkbudget en wijkprofiel kiest hieruit (het pijltje in de werkmap).
# Met één wijk mag de kolom Wijk leeg blijven.
wijken: []

# inwoners: het aantal inwoners van de wijk, zonder punt (13000, niet 13.000).
inwoners: null

# visie: de gezamenlijke visie van de proeftuin in één of twee zinnen (komt in het verslag).
visie: null

# doelen: wat de proeftuin wil bereiken, elk met indicatoren die de voortgang laten zien.
# Een doel is een naam, of een naam met indicatoren; een indicator is een code, eventueel met een streefwaarde.
# De codes staan in docs/handleiding.md; bijvoorbeeld casussen_totaal, welbevinden_verandering, besparing_per_casus.
# VERVANG dit voorbeeld:
doelen:
- naam: Betere, meer integrale zorg, welzijn en wonen
  indicatoren: [casussen_totaal, doorlooptijd_aanmelding_oplossing]

# partners: de organisaties die meedoen, bijvoorbeeld [GGD West, Wijkteam Ruwaard, Woningcorporatie Het Dak].
# Een naam met een komma of dubbele punt zet je tussen aanhalingstekens: ["Zorg, Welzijn en Wonen", GGD West].
# De kolommen Organisatie en Regisseur bieden ze aan in een lijst (een andere organisatie mag ook);
# het dashboard kan op organisatie filteren.
partners: []

# levensdomeinen: de codes voor de levensdomeinen van een casus (kolom Levensdomeinen op het blad casussen).
levensdomeinen: [wonen, financien, werk_en_dagbesteding, gezondheid, sociaal_netwerk, opvoeding, veiligheid, zingeving]

# afspraken: de werkafspraken van de Samenwerkwijze.
afspraken:
  # zoveel casussen brengt elke partnerorganisatie per maand in.
  casussen_per_organisatie_per_maand: 1
  # maximale doorlooptijden van het stappenplan in dagen (elk mag weg; leeg = geen afspraak).
  maximale_doorlooptijd_dagen:
    aanmelding_mdo: 14
    mdo_oplossing: 14
    aanmelding_oplossing: 28

# periode: wanneer de proeftuin loopt. De afspraak over casussen per maand wordt getoetst over elke
# kalendermaand van het jaar binnen deze periode, ook een maand zonder casus. Zonder periode: vanaf de
# eerste registratie (casus, bijeenkomst, kaart of spinnenweb). Haal de # weg en vul in (einde mag weg):
# periode:
#   start: 2026-01-15
#   einde: 2028-12-31

# werkwijzen: de manier van werken die het verslag uitlegt. Nu te kiezen: 1gezin1plan1regisseur
# (1 Gezin 1 Plan 1 Regisseur); het verslag zet die uitleg bij de grafiek van de regisseurs.
werkwijzen: []

# wijkbudget: het vaste jaarbedrag van een wijkbudget, als de proeftuin er een heeft. Haal de # weg en vul in:
# wijkbudget:
#   jaarbedrag: 2450000        # euro per jaar, zonder punt
#   basisjaar: 2016            # het jaar waarop het bedrag is gebaseerd
#   looptijd: [2018, 2022]     # eerste en laatste jaar van de afspraak

# ontwerpprincipes (verplicht): de principes van de proeftuin, elk met
#   nr: een uniek nummer (de kolom Thema's op het blad reflectiekaarten verwijst ernaar),
#   groep: willen, kunnen of nodig,
#   naam: de naam van het principe,
#   trefwoorden: woorden waaraan een reflectiekaart bij dit principe te herkennen is,
#   toelichting: één zin uitleg (komt in het verslag),
#   bewijs: welke cijfers bij dit principe horen: welbevinden, casussen, doorlooptijd, kosten, belemmeringen (mag weg).
# VERVANG deze drie VOORBEELDEN door jullie eigen ontwerpprincipes:
ontwerpprincipes:
- nr: 1
  groep: willen
  naam: "VOORBEELD, VERVANG: Ons door de leefwereld laten leiden"
  trefwoorden: [leefwereld, wat de bewoner wil, eigen regie]
  toelichting: We beginnen bij wat de wijkbewoner wil en kan, niet bij ons aanbod.
  bewijs: [welbevinden]
- nr: 2
  groep: kunnen
  naam: "VOORBEELD, VERVANG: Samen verantwoordelijk zijn"
  trefwoorden: [samen verantwoordelijk, eigenaarschap]
  toelichting: Bewoners, professionals en organisaties dragen samen zorg voor elke casus.
  bewijs: [casussen]
- nr: 3
  groep: nodig
  naam: "VOORBEELD, VERVANG: Systemen die steunen"
  trefwoorden: [ontschotten, budget, regels]
  toelichting: Financiering, registratie en regels steunen de oplossing.
  bewijs: [belemmeringen, doorlooptijd]

# reflectiekaarten_citeerbaar: true als wie een reflectiekaart invult ermee instemt dat een citaat
# gepubliceerd wordt (anders alleen kaarten met toestemming citaat = ja).
reflectiekaarten_citeerbaar: false

# privacy: min_groepsgrootte is het kleinste aantal personen waarover een cijfer getoond wordt.
privacy:
  min_groepsgrootte: 5
"""


def new_proeftuin(folder: str | Path, naam: str) -> list[Path]:
    """Create ``folder`` with a commented proeftuin.yml and the registration workbook; an existing
    proeftuin.yml or workbook there is never replaced (``BestandBestaatAl``)."""
    folder = Path(folder)
    if not naam.strip():
        raise OnleesbareData('geef de proeftuin een naam: leergeschiedenis nieuw MAP --naam "Proeftuin ..."')
    if folder.exists() and not folder.is_dir():
        raise BestandBestaatAl(f"{folder} bestaat al en is geen map: kies een andere map voor de nieuwe proeftuin.")
    config_file, workbook = config_path(folder), folder / WORKBOOK_NAME
    for path in (config_file, workbook):
        if path.exists():
            raise BestandBestaatAl(
                f"{path} bestaat al: deze map is al een proeftuin. Kies een nieuwe map, of maak alleen een nieuwe "
                f"werkmap met: leergeschiedenis sjabloon {folder} --uit ANDER.xlsx"
            )
    config_file = folder / "proeftuin.yml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        config_file.write_text(config_template(naam), encoding="utf-8")
    except OSError as e:
        raise _not_written(config_file, e) from None
    return [config_file, write_template(folder)]


def next_steps(folder: Path, year: int) -> list[str]:
    """The three steps after ``nieuw``, for the command line."""
    return [
        f"Vul {folder / 'proeftuin.yml'} aan (partners, wijken, ontwerpprincipes) en vul {folder / WORKBOOK_NAME} in.",
        f"Controleer de gegevens: leergeschiedenis check {folder}",
        f"Maak het verslag: leergeschiedenis report {folder} --jaar {year}",
    ]


__all__ = [
    "WORKBOOK_NAME",
    "build_workbook",
    "config_template",
    "new_proeftuin",
    "next_steps",
    "write_template",
]
