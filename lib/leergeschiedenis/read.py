"""Finding the tables in a proeftuin folder and reading their cells as the spreadsheet shows them.

Nothing here judges a value: cells come out as text (CSV) or as the Python value
Excel stored (xlsx), with the spreadsheet's own row numbers as the index.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .contract import TABLES
from .errors import OnleesbareData
from .problems import Problem

TABLE_SUFFIXES = (".csv", ".xlsx")
_IGNORED_SUFFIXES = {".yml", ".yaml", ".md", ".txt", ".json", ".pdf", ".docx"}


def normalize_name(value: object) -> str:
    """Header and enum matching: case, accents, spaces, hyphens, apostrophes and dots do not count."""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    text = text.strip().lower()
    text = re.sub(r"['’‘`.]", "", text)
    text = re.sub(r"[\s\-]+", "_", text)
    return text


@dataclass(frozen=True)
class Source:
    """Where a table lives: a file, and for a workbook the sheet."""

    path: Path
    sheet: str | None = None

    @property
    def bestand(self) -> str:
        return self.path.name


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


def find_sources(folder: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Map each contract table to the one file or sheet that holds it."""
    found: dict[str, list[Source]] = {}
    notices: list[Problem] = []
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
    for path in files:
        suffix = path.suffix.lower()
        stem = normalize_name(path.stem)
        if suffix == ".csv":
            if stem in TABLES:
                found.setdefault(stem, []).append(Source(path))
            else:
                notices.append(_notice(path.name, "CSV-bestand hoort bij geen enkele tabel en wordt niet gelezen"))
        elif suffix == ".xlsx":
            sheets = workbook_sheets(path)
            if stem in TABLES:
                match = next((s for s in sheets if normalize_name(s) == stem), sheets[0] if sheets else None)
                found.setdefault(stem, []).append(Source(path, match))
                continue
            used = False
            for sheet in sheets:
                name = normalize_name(sheet)
                if name in TABLES:
                    found.setdefault(name, []).append(Source(path, sheet))
                    used = True
            if not used:
                notices.append(_notice(path.name, "werkmap heeft geen blad met de naam van een tabel en wordt niet gelezen"))
        elif suffix in (".xls", ".ods", ".xlsm", ".xlsb", ".numbers"):
            notices.append(_notice(path.name, "dit bestandstype wordt niet gelezen: sla het op als .xlsx of .csv"))
        elif suffix not in _IGNORED_SUFFIXES:
            notices.append(_notice(path.name, "bestand wordt niet gelezen"))
    sources = {}
    for table, candidates in found.items():
        if len(candidates) > 1:
            where = " en ".join(_describe(s) for s in candidates)
            raise OnleesbareData(f"Tabel '{table}' staat er meer dan eens ({where}): houd er één over.")
        sources[table] = candidates[0]
    return sources, notices


def _describe(source: Source) -> str:
    return source.bestand + (f" (blad {source.sheet})" if source.sheet and source.path.suffix.lower() == ".xlsx" else "")


def _notice(bestand: str, melding: str) -> Problem:
    return Problem(bestand, None, None, None, None, melding, "melding", "bestand")


def read_table(table: str, source: Source) -> RawTable:
    if source.path.suffix.lower() == ".csv":
        rows = _read_csv_rows(source.path)
        blad = None
    else:
        rows = _read_xlsx_rows(source.path, source.sheet)
        blad = source.sheet
    return _to_raw_table(table, Source(source.path, blad), rows)


def decode_text(data: bytes, bestand: str) -> str:
    """UTF-8 (with or without BOM) first, then Windows-1252, the encodings Dutch Excel writes."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OnleesbareData(f"{bestand} is geen leesbare tekst: sla het op als CSV in UTF-8 of Windows-1252.")


def detect_separator(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _read_csv_rows(path: Path) -> list[list[object]]:
    text = decode_text(path.read_bytes(), path.name)
    if "\x00" in text:
        raise OnleesbareData(f"{path.name} bevat binaire gegevens en is geen CSV-bestand.")
    sep = detect_separator(text)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep)]
    except csv.Error as e:
        raise OnleesbareData(f"{path.name} is geen geldig CSV-bestand: {e}.") from None


def workbook_sheets(path: Path) -> list[str]:
    with _open_workbook(path) as wb:
        return list(wb.sheetnames)


class _open_workbook:
    """openpyxl in read-only mode, with every way a file can fail turned into one Dutch error."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        import openpyxl

        try:
            self.wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
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


def _read_xlsx_rows(path: Path, sheet: str | None) -> list[list[object]]:
    with _open_workbook(path) as wb:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        try:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
        except Exception as e:
            raise OnleesbareData(f"{path.name}: blad '{ws.title}' kan niet gelezen worden ({type(e).__name__}).") from None
    return rows


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_raw_table(table: str, source: Source, rows: list[list[object]]) -> RawTable:
    problems: list[Problem] = []
    bestand, blad = source.bestand, source.sheet
    header = rows[0] if rows else []
    while header and _is_blank(header[-1]):
        header = header[:-1]
    names: list[str] = []
    headers: dict[str, str] = {}
    for i, h in enumerate(header):
        name = "" if _is_blank(h) else normalize_name(h)
        if name in headers:
            problems.append(
                Problem(
                    bestand,
                    blad,
                    1,
                    str(h),
                    str(h),
                    f"kolom '{h}' staat er twee keer; de tweede wordt bewaard als 'kolom_{i + 1}' maar niet gecontroleerd",
                    "melding",
                    "kolom",
                )
            )
        if not name or name in headers:
            # a column without (or with a repeated) header is kept as an unknown column
            name = f"kolom_{i + 1}"
        headers[name] = name if _is_blank(h) else str(h).strip()
        names.append(name)
    width = len(names)
    body: list[list[object]] = []
    index: list[int] = []
    overflow: dict[int, list[object]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if all(_is_blank(v) for v in row):
            continue
        cells = list(row[:width]) + [None] * (width - len(row))
        extra = [v for v in row[width:] if not _is_blank(v)]
        if extra:
            overflow[number] = extra
        body.append(cells)
        index.append(number)
    frame = pd.DataFrame(body, columns=names, index=pd.Index(index, name="rij"), dtype=object)
    unnamed = [n for n in names if _is_blank(header[names.index(n)])]
    frame = frame.drop(columns=[n for n in unnamed if frame[n].map(_is_blank).all()])
    headers = {k: v for k, v in headers.items() if k in frame.columns}
    return RawTable(table, source, frame, headers, problems, overflow)
