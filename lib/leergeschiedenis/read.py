"""Finding the tables in a proeftuin folder and reading their cells as the spreadsheet shows them.

Nothing here judges a value: cells come out as text (CSV) or as the Python value
Excel stored (xlsx), with the spreadsheet's own row numbers as the index.

Whatever a team hands in, reading ends in a table or in one Dutch ``OnleesbareData``
line naming the file, never in a traceback, a hang or unbounded memory:
files are sniffed before they are parsed, a workbook's zip directory is checked
before anything is unpacked, CSV is read as a stream, and input files are only
ever opened for reading.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import re
import sys
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

import pandas as pd

from .contract import TABLES
from .errors import OnleesbareData
from .excel import ExcelDatum, ExcelGetal
from .names import fold_name, is_blank, normalize_name
from .problems import Problem

# The two sheets ``leergeschiedenis sjabloon`` writes beside the tables of its registration workbook
# (sjabloon.py names them from here): the explanation and the drop-down lists. They hold no rows, so a
# sheet of that name without a table's header is passed over without a notice; with a header it is read.
TOELICHTING = "Toelichting"
KEUZELIJSTEN = "Keuzelijsten"
_HELP_SHEETS = {fold_name(TOELICHTING), fold_name(KEUZELIJSTEN)}
# the end of the notice for a sheet with only a header (see ``is_empty_template``)
_EMPTY_TEMPLATE = "en geen rijen (een leeg sjabloon)"

_IGNORED_SUFFIXES = {".yml", ".yaml", ".md", ".txt", ".json", ".pdf", ".docx"}

# Spreadsheet formats that are not read, with how to turn each into one that is.
SAVE_AS = {
    ".ods": "open het in LibreOffice Calc en kies Bestand > Opslaan als > Excel 2007-365 (.xlsx) of Tekst CSV (.csv)",
    ".xls": "open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (.xlsx)",
    ".xlsb": "open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (.xlsx)",
    ".xlsm": "open het in Excel en kies Bestand > Opslaan als > Excel-werkmap (.xlsx); de macro's gaan niet mee",
    ".numbers": "open het in Numbers en kies Archief > Exporteer naar > Excel (.xlsx) of CSV",
}

# The header is looked for in the first rows of a sheet: title rows above it are common.
HEADER_ROWS = 10
# Limits that keep memory bounded whatever a file claims to be.
MAX_CSV_BYTES = 100 * 2**20
MAX_UNPACKED_BYTES = 500 * 2**20
MAX_RATIO = 100
RATIO_FROM_BYTES = 10 * 2**20
MAX_MEMBERS = 10_000
_SNIFF_BYTES = 64 * 1024

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "een afbeelding (PNG)"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG)"),
    (b"GIF87a", "een afbeelding (GIF)"),
    (b"GIF89a", "een afbeelding (GIF)"),
    (b"%PDF", "een PDF-document"),
    (b"{\\rtf", "een RTF-document (Word)"),
    (b"\x1f\x8b", "een gzip-archief"),
    (b"Rar!", "een RAR-archief"),
    (b"7z\xbc\xaf\x27\x1c", "een 7-Zip-archief"),
)


class ExcelFout(str):
    """An error cell of a workbook (``#N/A``, ``#DIV/0!``, ...) as Excel stored it."""


class FormuleZonderWaarde(str):
    """A formula cell without a computed value (a workbook written by a program and never
    recalculated by Excel or LibreOffice); the text is the formula, e.g. ``=B2*2``."""


@dataclass(frozen=True)
class Source:
    """Where a table lives: a file, and for a workbook the sheet."""

    path: Path
    sheet: str | None = None
    # further sheets of the same workbook with this table's header, read together with ``sheet``
    more_sheets: tuple[str, ...] = ()

    @property
    def bestand(self) -> str:
        return self.path.name

    @property
    def sheets(self) -> tuple[str | None, ...]:
        return (self.sheet, *self.more_sheets)


# Rows of a table read from several sheets keep their own row numbers: the n-th sheet's rows are
# indexed from n * ROW_OFFSET (a sheet has at most 1,048,576 rows).
ROW_OFFSET = 10_000_000


def locate(source: Source, index: int) -> tuple[str | None, int]:
    """(sheet, spreadsheet row) of a row of a table read from ``source``."""
    part, rij = divmod(int(index), ROW_OFFSET)
    sheets = source.sheets
    return (sheets[part] if part < len(sheets) else source.sheet), rij


@dataclass
class RawTable:
    """A table's non-blank rows, indexed by spreadsheet row number (header = 1)."""

    table: str
    source: Source
    cells: pd.DataFrame
    headers: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    # cells right of the last header, per row: never silently dropped
    overflow: dict[int, list[object]] = field(default_factory=dict)
    # the spreadsheet row the header was found on
    header_row: int = 1
    # rows of a UTF-8 file with bytes that are not UTF-8: row -> columns (None: right of the header)
    bad_text: dict[int, list[str | None]] = field(default_factory=dict)
    # columns kept but not checked because another column has their name (see ``_column_names``):
    # name in ``cells`` -> the name they would have had
    repeats: dict[str, str] = field(default_factory=dict)

    @property
    def plain_text(self) -> bool:
        """Every cell is plain text or empty: a CSV. A sheet holds numbers, dates and formulas."""
        return self.source.sheet is None and self.source.path.suffix.lower() == ".csv"


def find_sources(folder: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Map each contract table to the one file (or the sheets of one workbook) that holds it.

    A sheet belongs to a table by its name, else by a header row with the table's required
    columns. A sheet with only a header is no source (unless a required table has nothing
    else); every file or sheet that is not read gets a notice saying why.
    """
    found: dict[str, list[Source]] = {}
    templates: dict[str, list[tuple[Source, Problem]]] = {}
    notices: list[Problem] = []
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
    for path in files:
        suffix = path.suffix.lower()
        stem = fold_name(path.stem)
        if suffix == ".csv":
            if stem in TABLES:
                found.setdefault(stem, []).append(Source(path))
            else:
                notices.append(_not_read(path.name, _csv_reason(path)))
        elif suffix == ".xlsx":
            _workbook_sources(path, stem, found, templates, notices)
        elif suffix in SAVE_AS:
            notices.append(_not_read(path.name, "dit bestandstype wordt niet gelezen: sla het op als .xlsx of .csv"))
        elif path.name.lower() not in ("proeftuin.yml", "proeftuin.yaml"):
            notices.append(_not_read(path.name, "bestand wordt niet gelezen: alleen .csv- en .xlsx-bestanden zijn tabellen"))
    sources = {}
    for table, candidates in found.items():
        if len(candidates) > 1:
            where = " en ".join(_describe(s) for s in candidates)
            raise OnleesbareData(f"Tabel '{table}' staat er meer dan eens ({where}): houd er één over.")
        sources[table] = candidates[0]
    for table, options in templates.items():
        for source, notice in options:
            if table not in sources and TABLES[table].required:
                sources[table] = source  # an empty registration template of a required table: 0 rows
            else:
                notices.append(notice)
    return sources, notices


def instead_of(folder: Path, table: str, notices: list[Problem], limit: int = 5) -> list[str]:
    """What is in ``folder`` instead of ``table``: every file or sheet that is not read and could hold
    it (a spreadsheet in a format that is not read, whatever its name; a file named after the table;
    a CSV with its header; a sheet of a workbook that is not read; a lock file left by Excel or
    LibreOffice), each with what to do. For the one line of a missing required table."""
    folded = fold_name(table)
    named, others = [], []
    for p in notices:
        if p.regel != "niet_gelezen":
            continue
        suffix = Path(p.bestand).suffix.lower()
        if p.blad is not None:
            others.append(f"blad '{p.blad}' van {p.bestand} {p.melding.split(' ', 2)[-1]}")
        elif suffix in SAVE_AS:
            (named if fold_name(Path(p.bestand).stem).startswith(folded) else others).append(
                f"er staat wel {p.bestand}, maar dat bestandstype wordt niet gelezen: {SAVE_AS[suffix]}"
            )
        elif f"'{table}'" in p.melding or fold_name(Path(p.bestand).stem).startswith(folded):
            if f"'{table}'" in p.melding:  # a CSV with the table's header under another name
                how = p.melding.removeprefix("CSV-bestand wordt niet gelezen: ")
            elif suffix == ".csv":
                how = f"alleen een bestand met de naam van de tabel wordt gelezen: noem het {table}.csv"
            else:
                how = f"alleen .csv- en .xlsx-bestanden worden gelezen: sla het op als {table}.csv of {table}.xlsx"
            named.append(f"er staat wel {p.bestand}, maar {how}")
    locks = (
        sorted(
            f.name
            for f in folder.iterdir()
            if f.is_file() and (f.name.startswith("~$") or f.name.startswith(".~lock.")) and folded in fold_name(f.name)
        )
        if folder.is_dir()
        else []
    )
    if locks and not named:
        named.append(
            f"er staat alleen {locks[0]}, een vergrendelingsbestand dat Excel of LibreOffice maakt zolang het bestand open is: "
            "het bestand zelf ontbreekt (kopieer het opnieuw, nadat het in Excel is gesloten)"
        )
    found = named + others
    if len(found) > limit:
        found = [*found[:limit], f"en nog {len(found) - limit} bestanden of bladen die niet gelezen worden"]
    return found


def _not_read(bestand: str, reden: str, blad: str | None = None) -> Problem:
    """A notice for a file or sheet that is not read; ``reden`` is the whole message for a file."""
    melding = f"blad '{blad}' wordt niet gelezen: {reden}" if blad else reden
    return Problem(bestand, blad, None, None, None, melding, "melding", "niet_gelezen")


def is_empty_template(problem: Problem) -> bool:
    """Whether ``problem`` is the notice for a sheet with only a table's header (an unfilled template)."""
    return problem.regel == "niet_gelezen" and problem.blad is not None and problem.melding.endswith(_EMPTY_TEMPLATE)


def _csv_reason(path: Path) -> str:
    table = None
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
        text = head.decode("utf-8", errors="replace")
        for sep in (";", ","):
            rows = list(islice(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=sep), start=1), HEADER_ROWS))
            table = _table_of_header(rows, fold_name(path.stem))[0]
            if table:
                break
    except (OSError, csv.Error):
        table = None
    if table:
        return (
            f"CSV-bestand wordt niet gelezen: de naam '{path.stem}' is geen tabelnaam, al heeft het de kopregel van '{table}': "
            f"zet de rijen in {table}.csv (of {table}.xlsx), of noem het bestand zo"
        )
    return "CSV-bestand hoort bij geen enkele tabel en wordt niet gelezen"


def _table_of_header(rows: list[tuple[int, list[object]]], stem: str = "") -> tuple[str | None, int]:
    """(table, header row) of the table whose required columns make a header row in ``rows``;
    with several, the one the file is named after, else the one with most columns there."""
    best: tuple[tuple[int, int], str, int] | None = None
    for name, spec in TABLES.items():
        required = [c.name for c in spec.columns if c.required]
        row, matched = _find_header(rows, required)
        if matched != len(required):
            continue
        header = next((r for n, r in rows if n == row), [])
        present = {fold_name(v) for v in header if not is_blank(v)}
        score = (name == stem, sum(fold_name(c.name) in present for c in spec.columns))
        if best is None or score > best[0]:
            best = (score, name, row)
    return (best[1], best[2]) if best else (None, 0)


def _sheet_rows(ws) -> Iterator[tuple[int, list[object]]]:
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        values = list(row)
        if not _row_is_blank(values):
            yield number, values


def _workbook_sources(
    path: Path,
    stem: str,
    found: dict[str, list[Source]],
    templates: dict[str, list[tuple[Source, Problem]]],
    notices: list[Problem],
) -> None:
    per_table: dict[str, list[str]] = {}
    skipped: list[tuple[str, str]] = []
    first_with_rows: str | None = None
    with _open_workbook(path) as wb:
        first_sheet = wb.worksheets[0].title if wb.worksheets else None
        worksheets = {ws.title: ws for ws in wb.worksheets}
        for title in wb.sheetnames:
            ws = worksheets.get(title)
            if ws is None:
                skipped.append((title, "het is een grafiekblad, geen tabel"))
                continue
            try:
                rows = _sheet_rows(ws)
                head = list(islice(rows, HEADER_ROWS))
            except Exception:
                head, rows = [], iter(())
            if not head:
                skipped.append((title, "het blad is leeg"))
                continue
            first_with_rows = first_with_rows or title
            name = fold_name(title)
            if name in TABLES:
                table, header_row = name, _find_header(head, _required(name))[0]
            else:
                table, header_row = _table_of_header(head, stem)
            if table is None:
                skipped.append((title, "de naam is geen tabelnaam en er staat geen kopregel van een tabel in"))
                continue
            has_rows = any(n > header_row for n, _ in head) or next(rows, None) is not None
            if has_rows:
                per_table.setdefault(table, []).append(title)
            else:
                notice = _not_read(path.name, f"het heeft alleen een kopregel van '{table}' {_EMPTY_TEMPLATE}", title)
                templates.setdefault(table, []).append((Source(path, title), notice))
    fallback = first_with_rows or first_sheet
    if stem in TABLES and stem not in per_table and stem not in templates and fallback is not None:
        # a workbook named after a table: its first filled sheet is that table, whatever its header
        per_table[stem] = [fallback]
        skipped = [(t, r) for t, r in skipped if t != fallback]
    for table, titles in per_table.items():
        found.setdefault(table, []).append(Source(path, titles[0], tuple(titles[1:])))
    if not per_table and not templates and not skipped:
        notices.append(_not_read(path.name, "werkmap heeft geen bladen en wordt niet gelezen"))
    skipped = [(t, r) for t, r in skipped if fold_name(t) not in _HELP_SHEETS]  # the template's own, silently
    notices.extend(_not_read(path.name, reason, title) for title, reason in skipped)


def _describe(source: Source) -> str:
    if source.sheet and source.path.suffix.lower() == ".xlsx":
        return source.bestand + f" ({'bladen' if source.more_sheets else 'blad'} {', '.join(source.sheets)})"
    return source.bestand


def _notice(bestand: str, melding: str, blad: str | None = None, rij: int | None = None) -> Problem:
    return Problem(bestand, blad, rij, None, None, melding, "melding", "bestand")


def read_table(table: str, source: Source) -> RawTable:
    if source.path.suffix.lower() == ".csv":
        rows, notices, bad = _read_csv_rows(source.path, _required(table))
        raw = _to_raw_table(table, Source(source.path), rows, notices, [], bad)
        return raw
    parts = []
    for sheet in source.sheets:
        rows, notices, merges, hidden = _read_xlsx_rows(source.path, sheet)
        parts.append(_to_raw_table(table, Source(source.path, sheet), rows, notices, merges, hidden=hidden))
    if len(parts) == 1:
        return parts[0]
    return _together(table, source, parts)


def _together(table: str, source: Source, parts: list[RawTable]) -> RawTable:
    """Sheets with one table's header, read as one table; each row keeps its sheet and row number."""
    frames, headers, problems, overflow, repeats = [], {}, [], {}, {}
    for k, raw in enumerate(parts):
        offset = k * ROW_OFFSET
        frames.append(raw.cells.set_axis(raw.cells.index + offset, axis=0))
        for name, shown in raw.headers.items():
            headers.setdefault(name, shown)
        for name, meant in raw.repeats.items():
            repeats.setdefault(name, meant)
        problems.extend(raw.problems)
        overflow.update({rij + offset: v for rij, v in raw.overflow.items()})
    frame = pd.concat(frames, axis=0, sort=False).astype(object)
    frame = frame.where(frame.notna(), None)
    frame.index.name = "rij"
    sheets = ", ".join(f"'{s}'" for s in source.sheets)
    problems.append(
        _notice(source.bestand, f"de bladen {sheets} hebben de kopregel van '{table}' en zijn samen gelezen", source.sheet)
    )
    return RawTable(table, source, frame, headers, problems, overflow, parts[0].header_row, repeats=repeats)


def _required(table: str) -> list[str]:
    return [c.name for c in TABLES[table].columns if c.required]


# --- what a file really is ---------------------------------------------------------------


def _what_it_is(head: bytes) -> str | None:
    """A Dutch name for a file type recognised by its first bytes, or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def _cfb_kind(path: Path) -> str:
    """An OLE2/CFB container: Excel's encrypted workbooks and the old .xls format both are one."""
    encrypted = "EncryptedPackage".encode("utf-16-le")
    old_xls = "Workbook".encode("utf-16-le")
    found = ""
    tail = b""
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            data = tail + chunk
            if encrypted in data:
                return "versleuteld"
            if old_xls in data:
                found = "xls"
            tail = data[-64:]
    return found


def _refuse_cfb(path: Path, expected: str) -> OnleesbareData:
    kind = _cfb_kind(path)
    if kind == "versleuteld":
        return OnleesbareData(
            f"{path.name} is beveiligd met een wachtwoord (versleuteld) en kan niet gelezen worden: haal in Excel "
            "het wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord) en sla het opnieuw op."
        )
    if kind == "xls":
        return OnleesbareData(
            f"{path.name} is een oud Excel-bestand (.xls, Excel 97-2003) en geen {expected}: "
            "open het in Excel en sla het op als Excel-werkmap (.xlsx)."
        )
    return OnleesbareData(
        f"{path.name} is een versleuteld of oud Office-bestand en geen {expected}: "
        "open het in Excel, haal een eventueel wachtwoord weg en sla het op als .xlsx."
    )


# --- CSV ---------------------------------------------------------------------------------


def decode_text(data: bytes, bestand: str) -> str:
    """UTF-8 (with or without BOM) first, then Windows-1252, the encodings Dutch Excel writes."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OnleesbareData(f"{bestand} is geen leesbare tekst: sla het op als CSV in UTF-8 of Windows-1252.")


def detect_separator(text: str, required: Iterable[str] = ()) -> str:
    """``;`` or ``,``. With the table's required columns, the separator that makes a header
    of them within the first rows wins (title rows above the header have no separators)."""
    required = list(required)
    if required:
        for sep in (";", ","):
            try:
                rows = list(islice(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=sep), start=1), HEADER_ROWS))
            except csv.Error:
                continue
            if _find_header(rows, required)[1] == len(required):
                return sep
    lines = text.split("\n")[:HEADER_ROWS]
    first = next((line for line in lines if line.count(";") or line.count(",")), lines[0])
    return ";" if first.count(";") > first.count(",") else ","


def _sniff_csv(path: Path, head: bytes) -> None:
    name = path.name
    if head.startswith(_ZIP):
        raise OnleesbareData(
            f"{name} is geen CSV-bestand maar een Excel-werkmap of ander zip-bestand: "
            f"geef het de extensie .xlsx ({path.stem}.xlsx) of sla het in Excel op als CSV."
        )
    if head.startswith(_CFB):
        raise _refuse_cfb(path, "CSV-bestand")
    if kind := _what_it_is(head):
        raise OnleesbareData(f"{name} is geen CSV-bestand maar {kind}: sla de tabel in Excel op als CSV of .xlsx.")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise OnleesbareData(
            f"{name} is opgeslagen als Unicode-tekst (UTF-16): sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
        )
    if b"\x00" in head:
        raise OnleesbareData(f"{name} bevat binaire gegevens en is geen CSV-bestand.")


def _read_csv_rows(
    path: Path, required: list[str] = ()
) -> tuple[Iterator[tuple[int, list[str]]], list[Problem], dict[int, list[int]]]:
    """The records of a CSV file as (spreadsheet row, cells), read as a stream: the file is never
    held in memory as a whole, only the rows it yields. Also the notices about how it was decoded
    and, filled while reading, the rows of a UTF-8 file that hold bytes that are not UTF-8
    (row -> the positions of those cells)."""
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise OnleesbareData(
            f"{path.name} is {_mb(size)}, groter dan de {_mb(MAX_CSV_BYTES)} die gelezen worden: "
            "controleer of dit het goede bestand is."
        )
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    _sniff_csv(path, head)
    encoding, errors = _csv_encoding(path, head)
    notices = []
    if encoding == "mac_roman":
        notices.append(
            _notice(
                path.name,
                "het bestand heeft alleen CR-regeleinden: het is opgeslagen als 'CSV (Macintosh)' en daarom gelezen "
                "als Mac Roman (zo kloppen letters als ë en é); sla het liefst op als 'CSV UTF-8 (door komma's gescheiden)'",
            )
        )
    text = head.decode(encoding, errors="replace")
    sep = detect_separator(text, required)
    width = _header_width(text, sep, required)
    bad: dict[int, list[int]] = {}
    return _csv_records(path, encoding, errors, sep, width, bad), notices, bad


def _header_width(text: str, sep: str, required: Iterable[str]) -> int:
    """How many cells the header row has (from the first rows of the file)."""
    try:
        rows = list(islice(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=sep), start=1), HEADER_ROWS))
    except csv.Error:
        return 0
    rows = [(n, r) for n, r in rows if not _row_is_blank(r)]
    number, _ = _find_header(rows, list(required))
    return len(_header_cells(rows, number))


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _has_utf8_letters(path: Path) -> bool:
    """A valid UTF-8 sequence for a non-ASCII letter (ë written as two bytes): the file was written as UTF-8."""
    tail = b""
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            if _UTF8_MULTIBYTE.search(tail + chunk):
                return True
            tail = chunk[-3:]
    return False


def _csv_encoding(path: Path, head: bytes = b"") -> tuple[str, str]:
    """(encoding, error handling) of a CSV file, one encoding for the whole file: UTF-8 (with or
    without BOM); a UTF-8 file with some lines in another encoding keeps UTF-8 and those rows are
    refused; a file with CR-only line endings is Excel's 'CSV (Macintosh)' (Mac Roman); else
    Windows-1252."""
    utf8 = _decodes(path, "utf-8-sig")
    mac = b"\r" in head and b"\n" not in head and not head.startswith(codecs.BOM_UTF8)
    if mac and not (utf8 and _has_utf8_letters(path)):
        return "mac_roman", "strict"
    if utf8:
        return "utf-8-sig", "strict"
    if head.startswith(codecs.BOM_UTF8) or _has_utf8_letters(path):
        return "utf-8-sig", "surrogateescape"
    if _decodes(path, "cp1252"):
        return "cp1252", "strict"
    raise OnleesbareData(f"{path.name} is geen leesbare tekst: sla het op als CSV in UTF-8 of Windows-1252.")


_UNDECODED = re.compile("[\udc80-\udcff]+")


def _csv_records(
    path: Path, encoding: str, errors: str, sep: str, width: int, bad: dict[int, list[int]]
) -> Iterator[tuple[int, list[str]]]:
    lines: list[str] = []  # the physical lines of the record being read

    def feed(stream: Iterable[str]) -> Iterator[str]:
        for line in stream:
            if "\x00" in line:
                raise OnleesbareData(f"{path.name} bevat binaire gegevens en is geen CSV-bestand.")
            lines.append(line)
            yield line

    escaped = errors == "surrogateescape"
    with path.open("r", encoding=encoding, errors=errors, newline="") as stream:
        reader = csv.reader(feed(stream), delimiter=sep)
        number = 0
        line = 1  # the physical line the next record starts on
        while True:
            number += 1
            lines.clear()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                _refuse_swallowed_rows(path.name, lines, sep, width, line, number)
                raise OnleesbareData(_csv_error(path.name, e, number)) from None
            if len(lines) > 1:
                _refuse_swallowed_rows(path.name, lines, sep, width, line, number)
            line += len(lines)
            if escaped and _UNDECODED.search("".join(row)):
                bad[number] = [i for i, cell in enumerate(row) if _UNDECODED.search(cell)]
                row = [_UNDECODED.sub("\ufffd", cell) for cell in row]
            # the same few values (soort, status, dates) repeat in every row: keep one copy of each
            yield number, list(map(sys.intern, row))


def _refuse_swallowed_rows(name: str, lines: list[str], sep: str, width: int, line: int, number: int) -> None:
    """A quoted cell that runs over a line break into a line with, inside that cell, as many
    separators as the header swallowed whole rows: the file cannot be read as the team meant it."""
    if width < 2:
        return
    quoted, field_start, opened, inside = False, True, 0, 0
    for k, text in enumerate(lines):
        inside = 0
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if quoted:
                if ch == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        i += 1  # a doubled quote is a quote inside the cell
                    else:
                        quoted = False
                elif ch == sep:
                    inside += 1
            elif ch == '"' and field_start:
                quoted, opened = True, k
            field_start = not quoted and ch in (sep, "\r", "\n")
            i += 1
        if k > opened and inside >= width - 1:
            row = f" (rij {number})" if number != line else ""
            raise OnleesbareData(
                f'{name} is geen geldig CSV-bestand: het aanhalingsteken (") van een cel in regel {line + opened}{row} '
                f"wordt pas later gesloten, zodat regel {line + k} en verder, die eruitzien als hele rijen, in die ene cel "
                "zouden verdwijnen; haal het aanhalingsteken aan het begin van die cel weg of sluit het in dezelfde cel."
            )


def _csv_error(name: str, e: csv.Error, number: int) -> str:
    if "field larger than field limit" in str(e):
        return (
            f"{name} is geen geldig CSV-bestand: in rij {number} begint een cel die langer is dan "
            f'{csv.field_size_limit()} tekens; waarschijnlijk staat daar een aanhalingsteken (") dat nergens gesloten wordt.'
        )
    return f"{name} is geen geldig CSV-bestand (rij {number}): sla het in Excel opnieuw op als CSV."


# --- xlsx --------------------------------------------------------------------------------


def _mb(size: int) -> str:
    """A size as a Dutch reader writes it: 2.048 MB."""
    return f"{size / 2**20:,.0f} MB".replace(",", ".")


def _check_workbook_file(path: Path) -> None:
    """Refuse what is not a plain .xlsx before openpyxl unpacks anything."""
    _refuse_unless_zip(path)
    members = _zip_directory(path)
    _refuse_unbounded(path.name, members)
    _refuse_other_zip(path.name, members)


def _refuse_unless_zip(path: Path) -> None:
    """A workbook is a zip file: anything else is named by its first bytes (an old or encrypted
    workbook, a CSV saved as .xlsx, an image) so the team knows what they handed in."""
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(_CFB):
        raise _refuse_cfb(path, "Excel-werkmap (.xlsx)")
    if head.startswith(_ZIP):
        return
    if not head:
        raise OnleesbareData(f"{path.name} is leeg (0 bytes) en geen Excel-werkmap: sla de werkmap opnieuw op vanuit Excel.")
    kind = _what_it_is(head)
    if kind is None and b"\x00" not in head:
        kind = "een tekstbestand (misschien CSV)"
    kind = kind or "een onbekend bestandstype"
    raise OnleesbareData(f"{path.name} is geen Excel-werkmap maar {kind}: sla de tabel in Excel op als .xlsx of CSV.")


def _zip_directory(path: Path) -> list[zipfile.ZipInfo]:
    """The zip's table of contents, read without unpacking a member."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise OnleesbareData(
            f"{path.name} is beschadigd of onvolledig (bijvoorbeeld afgebroken bij het kopiëren of downloaden): "
            "sla de werkmap opnieuw op vanuit Excel of kopieer haar opnieuw."
        ) from None


def _refuse_unbounded(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Too many members, too much unpacked, or a member that grows far beyond its packed size (a
    zip bomb): memory stays bounded whatever the directory claims."""
    if len(members) > MAX_MEMBERS:
        raise OnleesbareData(f"{name} bevat {len(members)} onderdelen en is geen gewone Excel-werkmap; het wordt niet geopend.")
    total = sum(m.file_size for m in members)
    bomb = next(
        (m for m in members if m.file_size > RATIO_FROM_BYTES and m.file_size > MAX_RATIO * max(m.compress_size, 1)), None
    )
    if total > MAX_UNPACKED_BYTES:
        raise OnleesbareData(
            f"{name} wordt niet geopend: uitgepakt zou het {_mb(total)} worden, meer dan de "
            f"{_mb(MAX_UNPACKED_BYTES)} van een gewone Excel-werkmap (mogelijk een zip-bom)."
        )
    if bomb is not None:
        raise OnleesbareData(
            f"{name} wordt niet geopend: een onderdeel zou uitgepakt {_mb(bomb.file_size)} worden, meer dan "
            f"{MAX_RATIO} keer zo groot als ingepakt; een gewone Excel-werkmap doet dat niet (mogelijk een zip-bom)."
        )


def _refuse_other_zip(name: str, members: list[zipfile.ZipInfo]) -> None:
    """A Word document, a presentation or an .ods renamed to .xlsx is a zip without a workbook."""
    names = {m.filename for m in members}
    if "xl/workbook.xml" in names:
        return
    if "word/document.xml" in names:
        kind = "een Word-document"
    elif "ppt/presentation.xml" in names:
        kind = "een PowerPoint-presentatie"
    elif "content.xml" in names and "mimetype" in names:
        kind = "een LibreOffice-bestand (.ods)"
    else:
        kind = "een zip-archief"
    raise OnleesbareData(f"{name} is geen Excel-werkmap maar {kind}: sla de tabel in Excel op als .xlsx of CSV.")


class _open_workbook:
    """openpyxl in read-only mode, with every way a file can fail turned into one Dutch error."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        import openpyxl

        _check_workbook_file(self.path)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as e:
            raise OnleesbareData(
                f"{self.path.name} is geen leesbaar Excel-bestand (.xlsx){_why(e)}: "
                "open het in Excel of LibreOffice en sla het opnieuw op als .xlsx."
            ) from None
        except Exception as e:  # openpyxl raises its own InvalidFileException and friends
            raise OnleesbareData(f"{self.path.name} is geen leesbaar Excel-bestand (.xlsx){_why(e)}.") from None
        return self.wb

    def __exit__(self, *exc):
        self.wb.close()
        return False


def _why(e: Exception) -> str:
    if isinstance(e, zipfile.BadZipFile):
        return " (beschadigd, versleuteld of geen Excel-bestand)"
    return ""


def _cell_parser():
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CellParser(WorkSheetParser):
        """openpyxl's streaming sheet parser, keeping what data_only would lose: error cells are
        marked as such, and a formula without a cached value is not read as an empty cell."""

        number_formats: tuple[str, ...] = ()  # per style id: its number format, for how a cell is shown

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            value = cell["value"]
            if cell["data_type"] == "e" and isinstance(value, str):
                cell["value"] = ExcelFout(value)
            elif value is None and element.get("t", "n") not in ("str", "s", "inlineStr"):
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = FormuleZonderWaarde("=" + (formula.text or ""))
            elif cell["data_type"] in ("n", "d") and not isinstance(value, bool):
                style = cell["style_id"] or 0
                opmaak = self.number_formats[style] if style < len(self.number_formats) else "General"
                if isinstance(value, dt.datetime):
                    cell["value"] = ExcelDatum(value, opmaak)
                elif isinstance(value, (int, float)) and opmaak not in ("General", "@"):
                    cell["value"] = ExcelGetal(value, opmaak)
            return cell

    return CellParser


Merge = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row (1-based, inclusive)


def _read_xlsx_rows(
    path: Path, sheet: str | None
) -> tuple[list[tuple[int, list[object]]], list[Problem], list[Merge], frozenset[int]]:
    """The sheet's non-empty rows, the notices about the sheet, its merged ranges and its hidden
    columns (0-based)."""
    from openpyxl.utils.cell import range_boundaries

    notices: list[Problem] = []
    with _open_workbook(path) as wb:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        if ws.sheet_state in ("hidden", "veryHidden"):
            how = "verborgen" if ws.sheet_state == "hidden" else "zeer verborgen (alleen met een macro zichtbaar te maken)"
            notices.append(_notice(path.name, f"blad '{ws.title}' is {how} in Excel; het is toch gelezen", ws.title))
        rows: list[tuple[int, list[object]]] = []
        merges: list[Merge] = []
        hidden: frozenset[int] = frozenset()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with wb._archive.open(ws._worksheet_path) as src:
                    parser = _cell_parser()(
                        src,
                        ws._shared_strings,
                        data_only=True,
                        epoch=wb.epoch,
                        date_formats=wb._date_formats,
                        timedelta_formats=wb._timedelta_formats,
                    )
                    parser.number_formats = tuple(_number_formats(wb))
                    for number, cells in parser.parse():
                        filled = [c for c in cells if c["value"] is not None]
                        if not filled:
                            continue
                        values: list[object] = [None] * max(c["column"] for c in filled)
                        for c in filled:
                            values[c["column"] - 1] = c["value"]
                        rows.append((number, values))
                    if parser.merged_cells is not None:
                        merges = [range_boundaries(m.ref) for m in parser.merged_cells.mergeCell if m.ref]
                    hidden = _hidden_columns(parser.column_dimensions)
        except OnleesbareData:
            raise
        except Exception as e:
            raise OnleesbareData(
                f"{path.name}: blad '{ws.title}' kan niet gelezen worden ({type(e).__name__}): "
                "open de werkmap in Excel en sla haar opnieuw op."
            ) from None
    rows.sort(key=lambda r: r[0])
    return rows, notices, merges, hidden


def _number_formats(wb) -> list[str]:
    """The number format of each cell style of a workbook (how its cells are shown)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    formats = []
    for style in wb._cell_styles:
        fmt = style.numFmtId
        if fmt < BUILTIN_FORMATS_MAX_SIZE:
            formats.append(BUILTIN_FORMATS.get(fmt, "General"))
        else:
            index = fmt - BUILTIN_FORMATS_MAX_SIZE
            formats.append(wb._number_formats[index] if 0 <= index < len(wb._number_formats) else "General")
    return formats


def _hidden_columns(dimensions: dict[str, dict[str, str]]) -> frozenset[int]:
    """The 0-based columns a ``<col hidden="1">`` range hides (Excel writes 1, LibreOffice true)."""
    hidden: set[int] = set()
    for attrs in dimensions.values():
        if attrs.get("hidden", "").strip().lower() in ("1", "true"):
            try:
                first, last = int(attrs["min"]), int(attrs.get("max", attrs["min"]))
            except (KeyError, ValueError):
                continue
            hidden.update(range(first - 1, min(last, first + 16_384)))
    return frozenset(hidden)


# --- from rows to a table ----------------------------------------------------------------


def _row_is_blank(row: list[object]) -> bool:
    try:
        return not "".join(row).strip()  # a CSV row: text only, fast
    except TypeError:
        return all(is_blank(v) for v in row)


def _find_header(rows: list[tuple[int, list[object]]], required: list[str]) -> tuple[int, int]:
    """(row number, required columns matched) of the header among the non-blank ``rows``: the first
    row within the first ``HEADER_ROWS`` with all required columns, else the one with most of them,
    else the first row."""
    best, best_matched = (rows[0][0] if rows else 1), 0
    for number, row in rows:
        if number > HEADER_ROWS:
            break
        names = {fold_name(v) for v in row if not is_blank(v)}
        matched = sum(fold_name(r) in names for r in required)
        if matched > best_matched:
            best, best_matched = number, matched
            if matched == len(required):
                break
    return best, best_matched


def _shown(row: list[object], limit: int = 60) -> str:
    text = " ".join(str(v).strip() for v in row if not is_blank(v))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_raw_table(
    table: str,
    source: Source,
    records: Iterable[tuple[int, list[object]]],
    notices: list[Problem] | None = None,
    merges: list[Merge] | None = None,
    bad_text: dict[int, list[int]] | None = None,
    hidden: frozenset[int] = frozenset(),
) -> RawTable:
    """Rows as read, made a table: find the header, name the columns, take the body under it."""
    problems: list[Problem] = list(notices or [])
    records = iter(records)
    head = _head_rows(records)
    if not head:
        _empty_file(table, source, problems)
    header_row, _ = _find_header(head, _required(table))
    header = _header_cells(head, header_row)
    _note_rows_above(head, header_row, source, problems)
    names, headers, repeats = _column_names(table, header, header_row, source, problems, hidden)
    body_rows = chain(((n, r) for n, r in head if n > header_row), records)
    if merges:
        body_rows = _fill_merged(body_rows, merges, header_row, source.bestand, source.sheet, problems)
    frame, overflow = _body(body_rows, names)
    frame = _drop_blank_unnamed(frame, names, header)
    headers = {k: v for k, v in headers.items() if k in frame.columns}
    repeats = {k: v for k, v in repeats.items() if k in frame.columns}
    bad = _bad_text_columns(bad_text or {}, frame.index, names, header_row, source, problems)
    return RawTable(table, source, frame, headers, problems, overflow, header_row, bad, repeats)


def _head_rows(records: Iterator[tuple[int, list[object]]]) -> list[tuple[int, list[object]]]:
    """The non-blank rows among the first ``HEADER_ROWS``, where the header is looked for; the
    rest stays in ``records``. Blank rows are skipped everywhere, so they need not be kept."""
    head: list[tuple[int, list[object]]] = []
    for number, row in records:
        if not _row_is_blank(row):
            head.append((number, row))
        if number >= HEADER_ROWS and head:
            break
    return head


def _empty_file(table: str, source: Source, problems: list[Problem]) -> None:
    """A required table cannot be empty; an optional one is read as 0 rows, with a notice."""
    bestand, blad = source.bestand, source.sheet
    if TABLES[table].required:
        where = bestand + (f" (blad {blad})" if blad else "")
        raise OnleesbareData(f"{where} is leeg: de tabel '{table}' heeft geen kopregel en geen rijen.")
    problems.append(_notice(bestand, f"het bestand is leeg: geen kopregel en geen rijen voor '{table}'", blad))


def _header_cells(rows: list[tuple[int, list[object]]], header_row: int) -> list[object]:
    """The cells of the header row, without the blank ones at its end."""
    header = list(next((r for n, r in rows if n == header_row), []))
    while header and is_blank(header[-1]):
        header = header[:-1]
    return header


def _note_rows_above(head: list[tuple[int, list[object]]], header_row: int, source: Source, problems: list[Problem]) -> None:
    """Title rows above the header are not data; the team is told what was passed over."""
    above = [(n, r) for n, r in head if n < header_row]
    if above:
        skipped = ", ".join(f"rij {n} ('{_shown(r)}')" for n, r in above)
        problems.append(
            _notice(
                source.bestand,
                f"de kopregel staat op rij {header_row}; wat erboven staat is niet als gegevens gelezen: {skipped}",
                source.sheet,
                header_row,
            )
        )


def _column_names(
    table: str,
    header: list[object],
    header_row: int,
    source: Source,
    problems: list[Problem],
    hidden: frozenset[int] = frozenset(),
) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """(name per column, name -> header as the team wrote it, repeats). One name, one column: when
    several headers stand for the same name (`Welbevinden (oud)` and `Welbevinden`), the first
    visible one has it and is checked and used; a hidden column is never chosen over a visible one.
    The others, and a column without a header, are kept under ``kolom_<n>`` so no cell is lost;
    ``repeats`` maps each repeated one to the name it repeats. A notice says which was used and why."""
    wanted = ["" if is_blank(h) else column_name(table, str(h)) for h in header]
    shown = ["" if is_blank(h) else str(h).strip() for h in header]
    same: dict[str, list[int]] = {}
    for i, name in enumerate(wanted):
        if name:
            same.setdefault(name, []).append(i)
    chosen = {name: next((i for i in columns if i not in hidden), columns[0]) for name, columns in same.items()}
    taken = set(chosen)
    names: list[str] = []
    headers: dict[str, str] = {}
    repeats: dict[str, str] = {}
    for i, name in enumerate(wanted):
        if not name or chosen[name] != i:
            spare, k = f"kolom_{i + 1}", 1
            while spare in taken:  # a team's own header `kolom_5` keeps its name
                k += 1
                spare = f"kolom_{i + 1}_{k}"
            taken.add(spare)
            if name:
                repeats[spare] = name
                problems.append(
                    _repeated_column(header, shown, name, same[name], chosen[name], i, spare, hidden, header_row, source)
                )
            name = spare
        headers[name] = name if is_blank(header[i]) else shown[i]
        names.append(name)
        if i in hidden and shown[i] and name not in repeats:
            problems.append(
                Problem(
                    source.bestand,
                    source.sheet,
                    header_row,
                    shown[i],
                    None,
                    f"kolom {_letter(i)} ('{shown[i]}') is verborgen in Excel, maar wordt wel gelezen",
                    "melding",
                    "kolom",
                )
            )
    return names, headers, repeats


def _repeated_column(
    header: list[object],
    shown: list[str],
    name: str,
    columns: list[int],
    used: int,
    i: int,
    kept_as: str,
    hidden: frozenset[int],
    header_row: int,
    source: Source,
) -> Problem:
    """The notice for column ``i``, kept as ``kept_as`` because column ``used`` has its name."""
    h = header[i]
    if used == columns[0]:  # the first is used: as it always was
        melding = (
            f"kolom '{h}' staat er twee keer (kolom {_letter(used)} en {_letter(i)}): de eerste, kolom "
            f"{_letter(used)} ('{shown[used]}'), is gebruikt; kolom {_letter(i)} is bewaard als "
            f"'{kept_as}' maar niet gecontroleerd"
        )
    else:
        why = (
            f"want kolom {_letter(i)} is verborgen in Excel"
            if i in hidden
            else "want de kolommen ervoor met die naam zijn verborgen in Excel"
        )
        melding = (
            f"kolom {_letter(i)} ('{shown[i]}') en kolom {_letter(used)} ('{shown[used]}') zijn allebei de kolom "
            f"'{name}': kolom {_letter(used)} is gebruikt, {why}; kolom {_letter(i)} is "
            f"bewaard als '{kept_as}' maar niet gecontroleerd"
        )
    return Problem(source.bestand, source.sheet, header_row, str(h), str(h), melding, "melding", "kolom")


def _body(rows: Iterable[tuple[int, list[object]]], names: list[str]) -> tuple[pd.DataFrame, dict[int, list[object]]]:
    """The non-blank rows, padded or cut to the header's width, as one frame; what a row has right
    of the header comes back per row, so it can be refused rather than silently dropped."""
    width = len(names)
    body: list[list[object]] = []
    index: list[int] = []
    overflow: dict[int, list[object]] = {}
    pad = [None] * width
    for number, row in rows:
        if _row_is_blank(row):
            continue
        n = len(row)
        if n == width:
            cells = row
        elif n < width:
            cells = list(row) + pad[: width - n]
        else:
            cells = list(row[:width])
            extra = [v for v in row[width:] if not is_blank(v)]
            if extra:
                overflow[number] = extra
        body.append(cells)
        index.append(number)
    frame = pd.DataFrame(body, columns=names, index=pd.Index(index, name="rij", dtype="int64"), dtype=object)
    return frame, overflow


def _drop_blank_unnamed(frame: pd.DataFrame, names: list[str], header: list[object]) -> pd.DataFrame:
    """A column with neither a header nor a value is spreadsheet layout, not data."""
    unnamed = [n for n in names if is_blank(header[names.index(n)])]
    if not unnamed:
        return frame
    return frame.drop(columns=[n for n in unnamed if frame[n].map(is_blank).all()])


def _bad_text_columns(
    bad_text: dict[int, list[int]],
    index: pd.Index,
    names: list[str],
    header_row: int,
    source: Source,
    problems: list[Problem],
) -> dict[int, list[str | None]]:
    """Rows with bytes that are not UTF-8, their cell positions turned into column names (None:
    right of the header) for the validator to refuse; at or above the header they are a notice."""
    width = len(names)
    bad: dict[int, list[str | None]] = {}
    for rij, positions in bad_text.items():
        if rij in index:
            bad[rij] = [names[i] if i < width else None for i in positions]
        elif rij <= header_row:
            problems.append(
                _notice(
                    source.bestand,
                    "deze regel bevat tekens die geen UTF-8 zijn (getoond als �); typ ze opnieuw",
                    source.sheet,
                    rij,
                )
            )
    return bad


def _letter(i: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(i + 1)


_ITEM_NAME = re.compile(r"^([a-z]+?)(\d+)$")


@functools.lru_cache(maxsize=4096)
def column_name(table: str, header: object) -> str:
    """The name a header stands for: the contract column it folds to (`Aanmeld datum` ->
    aanmelddatum), a spinnenweb item (`Lichaamsfuncties1` -> lichaamsfuncties_1), else the
    header in lower case with underscores (an unknown column)."""
    spec = TABLES[table]
    folded = fold_name(header)
    for column in spec.columns:
        if fold_name(column.name) == folded:
            return column.name
    if spec.items_of and (m := _ITEM_NAME.match(folded)):
        for domain in spec.items_of:
            if fold_name(domain) == m.group(1):
                return f"{domain}_{int(m.group(2))}"
    return normalize_name(header)


def _fill_merged(
    rows: Iterable[tuple[int, list[object]]],
    merges: list[Merge],
    header_row: int,
    bestand: str,
    blad: str | None,
    problems: list[Problem],
) -> Iterator[tuple[int, list[object]]]:
    """Excel keeps a merged range's value only in its top-left cell. A range over several rows
    (an organisation merged over its cases) means that value for every row of the range: it is
    filled down its first column. A range over several columns of one row keeps its value in the
    first column. Ranges in or above the header row are titles and are left alone. A row that
    only has a filled-in value is still blank."""
    from openpyxl.utils.cell import get_column_letter

    def ref(m: Merge) -> str:
        return f"{get_column_letter(m[0])}{m[1]}:{get_column_letter(m[2])}{m[3]}"

    starts: dict[int, list[Merge]] = {}
    across: list[str] = []
    for m in sorted(merges, key=lambda m: (m[1], m[0])):
        if m[1] <= header_row:
            continue
        if m[3] > m[1]:
            starts.setdefault(m[1], []).append(m)
        elif m[2] > m[0]:
            across.append(ref(m))
    filled: list[str] = []
    active: dict[int, tuple[int, object]] = {}  # column index -> (last row, value)
    for number, row in rows:
        blank = _row_is_blank(row)
        for col, (last, value) in list(active.items()):
            if number > last:
                del active[col]
            elif not blank:
                if col >= len(row):
                    row = list(row) + [None] * (col + 1 - len(row))
                if is_blank(row[col]):
                    row[col] = value
        for m in starts.get(number, ()):
            col = m[0] - 1
            value = row[col] if col < len(row) else None
            if not is_blank(value):
                active[col] = (m[3], value)
                filled.append(ref(m))
        yield number, row
    if filled:
        problems.append(
            _notice(
                bestand,
                f"samengevoegde cellen {_refs(filled)}: de waarde uit de bovenste cel geldt voor elke rij van het bereik",
                blad,
            )
        )
    if across:
        problems.append(
            _notice(
                bestand,
                f"samengevoegde cellen {_refs(across)} over meer kolommen: de waarde is gelezen in de eerste kolom",
                blad,
            )
        )


def _refs(refs: list[str], limit: int = 10) -> str:
    shown = ", ".join(refs[:limit])
    return shown + (f" en nog {len(refs) - limit}" if len(refs) > limit else "")


# --- a plain CSV file at once, with pyarrow ------------------------------------------------

# Python's str.strip() whitespace, as a class pyarrow's regular expressions know
_PY_SPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"


def read_table_fast(table: str, source: Source) -> RawTable:
    """``read_table``, the same table, with pyarrow for a plain CSV file: UTF-8, the header on the
    first row, no blank line, no cell over several lines, well-formed quotes and a width the
    header has on every row. Any other file (those need the reader's line-by-line pass to keep
    the spreadsheet's row numbers and say what is wrong where) is read by ``read_table``."""
    if source.sheet is None and source.path.suffix.lower() == ".csv":
        raw = _plain_csv(table, source.path)
        if raw is not None:
            return raw
    return read_table(table, source)


def _plain_csv(table: str, path: Path) -> RawTable | None:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if path.stat().st_size > MAX_CSV_BYTES:
        return None
    data = path.read_bytes()
    head = data[:_SNIFF_BYTES]
    if not data or b"\x00" in data or data.count(b"\r") != data.count(b"\r\n"):
        return None
    if _what_it_is(head) or head.startswith((_ZIP, _CFB, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if text.startswith(("\n", "\r")) or "\n\n" in text or "\n\r\n" in text:
        return None  # a blank line: the reader counts it as a spreadsheet row
    required = _required(table)
    sep = detect_separator(head.decode("utf-8-sig", errors="replace"), required)
    if not _plain_quotes(text, sep) or max(map(len, text.split("\n"))) > csv.field_size_limit():
        return None
    rows = list(islice(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=sep), start=1), HEADER_ROWS))
    head_rows = [(n, r) for n, r in rows if not _row_is_blank(r)]
    if not head_rows or head_rows[0][0] != 1 or _find_header(head_rows, required)[0] != 1 or len(head_rows) < 2:
        return None
    header = _header_cells(head_rows, 1)
    width = len(rows[0][1])
    if len(header) != width:
        return None
    try:
        arrow = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(skip_rows=1, autogenerate_column_names=True, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if arrow.num_columns != width:
        return None
    problems: list[Problem] = []
    source = Source(path)
    names, headers, repeats = _column_names(table, header, 1, source, problems)
    # blank rows are skipped, as the reader does; only rows of nothing but spaces need a look in Python
    spaces = [pc.match_substring_regex(c, f"^{_PY_SPACE}*$") for c in arrow.columns]
    maybe_blank = np.asarray(functools.reduce(pc.and_, spaces), dtype=bool) if spaces else np.zeros(0, bool)
    columns = {name: arrow.column(i).to_numpy(zero_copy_only=False) for i, name in enumerate(names)}
    keep = np.ones(arrow.num_rows, dtype=bool)
    for i in np.flatnonzero(maybe_blank):
        keep[i] = not _row_is_blank([columns[n][i] for n in names])
    index = pd.Index(np.arange(2, arrow.num_rows + 2, dtype="int64")[keep], name="rij", dtype="int64")
    frame = pd.DataFrame({n: v[keep] for n, v in columns.items()}, index=index, columns=names, dtype=object)
    frame = _drop_blank_unnamed(frame, names, header)
    headers = {k: v for k, v in headers.items() if k in frame.columns}
    repeats = {k: v for k, v in repeats.items() if k in frame.columns}
    return RawTable(table, source, frame, headers, problems, {}, 1, {}, repeats)


def _plain_quotes(text: str, sep: str) -> bool:
    """Every quote opens a cell (after a separator or a line break), closes it (before one), or is
    doubled inside it, and no quoted cell runs over a line break: read alike by every CSV reader."""
    if '"' not in text:
        return True
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return False  # a quote that is never closed
    for k in range(len(parts) - 1):
        before, after = parts[k], parts[k + 1]
        if k % 2 == 0:  # an opening quote
            if before and not before.endswith((sep, "\n")):
                return False
        else:  # a closing quote: then a separator, a line end, the end, or a doubled quote
            if "\n" in before or "\r" in before:
                return False
            if after and not after.startswith((sep, "\n", "\r\n")):
                return False
    return True
