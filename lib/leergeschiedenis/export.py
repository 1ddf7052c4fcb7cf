"""``export_problems(dataset, path)``: the refused rows and their reasons as an Excel workbook
the programme team can work from (``leergeschiedenis check DATA_DIR --export problemen.xlsx``).

The workbook has a first sheet ``overzicht`` (rows read / accepted / refused per
table, the file each came from, and the notices), then one sheet per table with
refused rows, named after the table: the rows exactly as they were read, under
the team's own headers in their own order, with ``rij`` (the row number in the
source file) first and ``redenen``, ``bestand`` and ``blad`` after them.

Safe to open (no formula injection)
-----------------------------------
The cells come from files other people filled in. A text that Excel or
LibreOffice would take for a formula -- one that starts with ``=``, ``+``,
``-`` or ``@``, also after leading whitespace, or whose first character is a
tab or a carriage return -- is written

* as a plain string: openpyxl's ``data_type`` is forced to ``'s'``, so the file
  holds no formula at all, and
* with a single quote ``'`` in front of it, so that it stays text even after
  someone re-saves the workbook in Excel or LibreOffice, or exports it to CSV
  and opens that again (``'=HYPERLINK(...)`` is shown, never followed).

This holds for every text in the workbook, headers and notices included.
Numbers, dates and yes/no values that were read as real cell values (from an
``.xlsx``) stay real values; a CSV cell is text, so ``-1`` from a CSV becomes
``'-1``. Control characters that an ``.xlsx`` cannot hold are shown as their
Unicode pictures (``\\x0b`` becomes ``␋``) instead of being dropped.

Nothing is dropped: every cell of every refused row appears, also cells to the
right of the last header (column ``cellen zonder kop``), and a repeated header
keeps both its columns.

The workbook is not written into the proeftuin folder itself (nor into the
folder of a shared price list): its sheets are named after the tables, so the
next ``check`` would read it as the data a second time.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
from collections.abc import Iterable
from numbers import Number
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .contract import ORDER
from .dataset import Dataset
from .errors import OngeldigExportpad
from .problems import Problem
from .read import locate

OVERZICHT = "overzicht"
DEFAULT_NAME = "problemen.xlsx"
ROW = "rij"
FILE = "bestand"
SHEET = "blad"
REASONS = "redenen"
OVERFLOW = "cellen zonder kop"

FORMULA_STARTS = ("=", "+", "-", "@")
RISKY_FIRST_CHARACTERS = ("\t", "\r")
MIN_WIDTH, MAX_WIDTH, MAX_REASONS_WIDTH = 6, 50, 80
DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT = "DD-MM-YYYY", "DD-MM-YYYY HH:MM", "HH:MM"
BOLD = Font(bold=True)


def export_problems(dataset: Dataset, path: str | Path) -> Path:
    """Write the refused rows and their reasons to an ``.xlsx`` workbook; return where it was written.

    One sheet ``overzicht`` first (always, also when nothing was refused), then
    one sheet per table with refused rows. Texts that a spreadsheet would run as
    a formula (starting with ``=``, ``+``, ``-`` or ``@``, also after leading
    whitespace, or with a tab or carriage return first) are written as plain
    strings (``data_type`` ``'s'``) with a ``'`` in front, so they stay text in
    Excel and LibreOffice, also after re-saving. Real numbers and dates stay
    real values. A name without ``.xlsx`` gets it appended; an existing folder
    gets ``problemen.xlsx`` in it. Raises ``OngeldigExportpad`` for a path
    directly in the data folder, ``OSError`` when the file cannot be written
    (e.g. it is open in Excel); an existing file is only replaced once the new
    one is complete.
    """
    path = Path(path)
    if path.is_dir():
        path = path / DEFAULT_NAME
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    _refuse_data_folder(dataset, path)

    wb = Workbook()
    _write_overview(wb.active, dataset)
    for table in ORDER:
        refused = dataset.refused.get(table)
        if refused is not None and len(refused):
            _write_refused(wb.create_sheet(table), dataset, table, refused)

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def safe_value(value: object) -> object:
    """A value as it goes into a cell: real numbers, dates and booleans as they are, text made harmless."""
    if value is None:
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    if isinstance(value, bool | dt.datetime | dt.date | dt.time | dt.timedelta):
        return value
    if isinstance(value, Number):
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, float) and math.isinf(value):
            return safe_text(str(value))
        if isinstance(value, int | float):
            return value
        return safe_text(str(value))
    if value is pd.NA or value is pd.NaT:
        return None
    text = str(value)
    return None if text == "" else safe_text(text)


def safe_text(text: str) -> str:
    """``'`` in front of a text a spreadsheet would take for a formula; unstorable control characters made visible."""
    text = ILLEGAL_CHARACTERS_RE.sub(lambda m: chr(0x2400 + ord(m.group())), text)
    if text.startswith(RISKY_FIRST_CHARACTERS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _put(ws: Worksheet, row: int, column: int, value: object, bold: bool = False):
    """The only place a cell is written: strings are always strings (never formulas)."""
    value = safe_value(value)
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT if value.time() == dt.time(0) else DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, dt.time):
        cell.number_format = TIME_FORMAT
    if bold:
        cell.font = BOLD
    return cell


def _put_row(ws: Worksheet, row: int, values: Iterable[object], bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        _put(ws, row, column, value, bold)


def _write_refused(ws: Worksheet, dataset: Dataset, table: str, refused: pd.DataFrame) -> None:
    source = dataset.sources.get(table)
    bestand = source.bestand if source else None
    # the reasons are the last column; by position, because a team's headers may repeat
    team_headers = [str(c) for c in refused.columns[:-1]]
    where = {int(r): (locate(source, r) if source else (None, int(r))) for r in refused.index}
    overflow = {
        (p.blad, p.rij): p.waarde for p in dataset.problems if p.regel == "cellen" and p.bestand == bestand and p.rij is not None
    }
    overflow = {r: overflow[w] for r, w in where.items() if w in overflow}
    headers = [ROW, *team_headers, *([OVERFLOW] if overflow else []), REASONS, FILE, SHEET]
    _put_row(ws, 1, headers, bold=True)
    for i, (rij, values) in enumerate(zip(refused.index, refused.itertuples(index=False, name=None), strict=True), start=2):
        blad, row_number = where[int(rij)]
        row = [row_number, *values[:-1], *([overflow.get(int(rij))] if overflow else []), values[-1], bestand, blad]
        _put_row(ws, i, row)
    reasons_column = headers.index(REASONS) + 1
    for cell in ws.iter_rows(min_row=2, min_col=reasons_column, max_col=reasons_column):
        cell[0].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    _fit_columns(ws, wide={reasons_column})


def _write_overview(ws: Worksheet, dataset: Dataset) -> None:
    ws.title = OVERZICHT
    _put(ws, 1, 1, f"Controle van de gegevens: {dataset.naam}", bold=True).font = Font(bold=True, size=14)
    _put(ws, 2, 1, f"Map: {Path(dataset.folder).resolve()}")
    _put(
        ws,
        3,
        1,
        "Elk volgend blad heeft de geweigerde rijen van één tabel, met het rijnummer in het bronbestand (rij) "
        "en de redenen. Verbeter de rijen in het bronbestand, niet in deze werkmap, en controleer opnieuw.",
    )
    row = 5
    _put_row(ws, row, ["tabel", FILE, SHEET, "gelezen", "geaccepteerd", "geweigerd"], bold=True)
    totals = [0, 0, 0]
    for table in ORDER:
        if table not in dataset.accounting:
            continue
        a = dataset.accounting[table]
        source = dataset.sources.get(table)
        row += 1
        _put_row(
            ws,
            row,
            [table, source.bestand if source else None, source.sheet if source else None, a.gelezen, a.geaccepteerd, a.geweigerd],
        )
        if a.geweigerd:
            link = ws.cell(row=row, column=1)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{table}'!A1", tooltip=f"naar het blad {table}")
            link.style = "Hyperlink"
        totals = [totals[0] + a.gelezen, totals[1] + a.geaccepteerd, totals[2] + a.geweigerd]
    row += 1
    _put_row(ws, row, ["totaal", None, None, *totals], bold=True)
    if not totals[2]:
        row += 1
        _put(ws, row, 1, "Geen geweigerde rijen: alle rijen zijn geaccepteerd.")

    others = _other_problems(dataset)
    row += 2
    _put(ws, row, 1, "Meldingen", bold=True)
    if not others:
        _put(ws, row + 1, 1, "Geen meldingen.")
    else:
        row += 1
        _put_row(ws, row, ["ernst", FILE, SHEET, ROW, "kolom", "waarde", "melding"], bold=True)
        for p in others:
            row += 1
            _put_row(ws, row, [p.ernst, p.bestand, p.blad, p.rij, p.kolom, p.waarde, p.melding])
    # the long explanation lines above should not make column A wide
    _fit_columns(ws, skip_rows={1, 2, 3})


def _other_problems(dataset: Dataset) -> list[Problem]:
    """Notices, and any error that is not shown with a refused row on a table sheet."""
    shown = set()
    for table, refused in dataset.refused.items():
        source = dataset.sources.get(table)
        if source is not None:
            shown.update((source.bestand, *locate(source, r)) for r in refused.index)
    return [p for p in dataset.problems if p.ernst != "fout" or (p.bestand, p.blad, p.rij) not in shown]


def _display_width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 10 if value.time() == dt.time(0) else 16
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _fit_columns(ws: Worksheet, wide: set[int] = frozenset(), skip_rows: set[int] = frozenset()) -> None:
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.row in skip_rows:
                continue
            widths[cell.column] = max(widths.get(cell.column, 0), _display_width(cell.value))
    for column, width in widths.items():
        cap = MAX_REASONS_WIDTH if column in wide else MAX_WIDTH
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), cap)


def _refuse_data_folder(dataset: Dataset, path: Path) -> None:
    target = path.resolve()
    folders = {Path(dataset.folder).resolve()} | {s.path.resolve().parent for s in dataset.sources.values()}
    for folder in folders:
        if target.parent == folder:
            raise OngeldigExportpad(
                f"Schrijf de werkmap niet in de gegevensmap {folder}: de volgende controle zou de bladen "
                "ervan als gegevens lezen. Kies een plek buiten die map."
            )
