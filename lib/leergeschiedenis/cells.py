"""Reading one cell the way a Dutch programme team types it in Excel.

Each parser takes what the reader found (text from CSV, or the value an
``.xlsx`` stored) and returns a typed value or raises ``CellError`` with a Dutch
message saying what is allowed. ``parse_column`` applies a parser once per
distinct value, so large columns with repeating values stay fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from . import excel
from .contract import JA, NEE
from .names import clean_identifier, fold_name, is_blank
from .read import ExcelFout, FormuleZonderWaarde


class CellError(ValueError):
    """A cell that does not fit its column; the message says what is allowed."""


def cell_text(value: object) -> str:
    """A cell as a person reads it: 3.0 stays '3', a date cell becomes '05-09-2016'."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def described(value: object) -> str:
    """A cell for a message: as ``cell_text``, and where the person sees something else in Excel
    (a percentage, a yes/no value, a number format) what they see, beside what is stored:
    `65% (opgeslagen als 0,65)`, `WAAR`."""
    text = cell_text(value)
    if isinstance(value, bool):
        return excel.shown(value)
    if excel.shows_other_number(value):
        return f"{excel.shown(value)} (opgeslagen als {excel.stored(value)})"
    return text


def quoted(value: object) -> str:
    """``described`` in quotes: `'65%' (opgeslagen als 0,65)`, `'WAAR'`, `'abc'`."""
    text = described(value)
    if text.endswith(")") and " (opgeslagen als " in text:
        seen, _, rest = text.partition(" (opgeslagen als ")
        return f"'{seen}' (opgeslagen als {rest}"
    return f"'{text}'"


# Excel's error values, as stored in a workbook (English) and as Dutch Excel shows them,
# e.g. in a CSV it wrote.
EXCEL_FOUTEN = frozenset(
    {
        "#N/A", "#N/B",
        "#DIV/0!", "#DEEL/0!",
        "#VALUE!", "#WAARDE!",
        "#REF!", "#VERW!",
        "#NAME?", "#NAAM?",
        "#NUM!", "#GETAL!",
        "#NULL!", "#LEEG!",
        "#SPILL!", "#OVERLOOP!",
        "#CALC!", "#BEREKENEN!",
        "#GETTING_DATA", "#GEGEVENS_OPHALEN",
        "#FIELD!", "#VELD!",
        "#BLOCKED!", "#GEBLOKKEERD!",
        "#CONNECT!", "#VERBINDING!",
        "#BUSY!", "#BEZET!",
        "#UNKNOWN!", "#ONBEKEND!",
    }
)  # fmt: skip


def excel_error(value: object) -> str | None:
    """The Dutch message for a cell that holds an Excel error or a formula Excel never computed."""
    if isinstance(value, FormuleZonderWaarde):
        formule = f"de formule {value}" if len(value) > 1 else "de formule in deze cel"
        return (
            f"{formule} heeft geen berekende waarde (het bestand is door een programma gemaakt en nooit in Excel "
            "geopend); open en sla op in Excel, dan rekent Excel de formule uit"
        )
    if isinstance(value, ExcelFout) or (isinstance(value, str) and value.strip().upper() in EXCEL_FOUTEN):
        return (
            f"de cel bevat de Excel-foutwaarde {value.strip()}: een formule kon niet worden uitgerekend; "
            "herstel de formule of vul de waarde zelf in"
        )
    return None


def _refuse_excel_error(value: object) -> None:
    if message := excel_error(value):
        raise CellError(message)


def parse_text(value: object) -> str | None:
    """Any cell as text, never an error (for columns that are kept but not checked)."""
    return None if is_blank(value) else cell_text(value)


def parse_text_cell(value: object, key: bool = False) -> str | None:
    """A text column of the contract: free text, but an Excel error or uncomputed formula is refused,
    and so is what Excel converted from the typed text (a date, WAAR, 65%); in a column that is a key
    or refers to one (``key``: a price list code) also what a key cannot be (``excel.converted``)."""
    if is_blank(value):
        return None
    _refuse_excel_error(value)
    if message := excel.converted(value, key):
        raise CellError(message)
    return cell_text(value)


def parse_key_text(value: object) -> str | None:
    """A text column that is a key or refers to one (``prijslijst.code``, ``kosten.voorziening``)."""
    return parse_text_cell(value, key=True)


_INT = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*[.,]\d+$")
_NL_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_EN_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
# one point or comma and exactly three digits after a non-zero integer part: 1.040 can be
# one thousand and forty (as Dutch Excel exports it) or 1,04
_AMBIGUOUS = re.compile(r"^([+-]?)([1-9]\d{0,2})([.,])(\d{3})$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u200b\u200c\u200d\u2060\ufeff]+")
# an integer beyond this is no count anyone means (and no longer exact as a float)
MAX_INTEGER = 2**53


def parse_number(value: object, money: bool = False) -> float | None:
    """Decimal comma or point, thousands separators where they are unambiguous; in money also a
    euro sign, and a point before three digits is a thousands point (``€ 1.234``)."""
    if is_blank(value):
        return None
    _refuse_excel_error(value)
    if isinstance(value, bool):
        raise CellError(_number_hint(value, money))
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            return float(value)
        raise CellError(_number_hint(value, money))
    if not isinstance(value, str):
        raise CellError(_number_hint(value, money))
    text = _SPACES.sub("", value)
    if money:
        text = re.sub(r"€|eur(o)?", "", text, flags=re.IGNORECASE)
    if _INT.match(text):
        return float(text)
    if m := _AMBIGUOUS.match(text):
        if money and m.group(3) == ".":
            return float(text.replace(".", ""))
        raise CellError(_ambiguous_hint(value, m))
    if _NL_THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    raise CellError(_number_hint(value, money))


def _ambiguous_hint(value: object, m: re.Match) -> str:
    sign, whole, separator, fraction = m.groups()
    sign = sign.replace("+", "")
    decimals = fraction.rstrip("0")
    decimal = f"{sign}{whole},{decimals}" if decimals else f"{sign}{whole}"
    if len(decimals) == 3:
        decimal += "0"  # 2,1250: four decimals are never read as thousands
    return (
        f"'{cell_text(value)}' is dubbelzinnig: de {'punt' if separator == '.' else 'komma'} kan een duizendtal "
        f"scheiden of decimalen; schrijf {sign}{whole}{fraction} (zonder scheidingsteken) of {decimal} (met decimale komma)"
    )


def _number_hint(value: object, money: bool) -> str:
    if money:
        return f"{quoted(value)} is geen bedrag; schrijf bijvoorbeeld 1234,56 of € 1.234,56"
    return f"{quoted(value)} is geen getal; schrijf bijvoorbeeld 7,5 of 7.5"


def parse_integer(value: object) -> float | None:
    number = parse_number(value)
    if number is None:
        return None
    if not float(number).is_integer():
        raise CellError(f"{quoted(value)} is geen geheel getal; schrijf bijvoorbeeld 12")
    if abs(number) > MAX_INTEGER:
        raise CellError(f"{quoted(value)} ligt buiten het bereik: zo'n groot geheel getal kan hier niet kloppen")
    return number


_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
_DMY = re.compile(r"^(\d{1,2})([-/])(\d{1,2})\2(\d{4})" + _TIME + "$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})" + _TIME + "$")
_DATE_HINT = "gebruik dd-mm-jjjj (bijvoorbeeld 05-09-2016), dd/mm/jjjj of jjjj-mm-dd"
MIN_JAAR, MAX_JAAR = 1900, 2100


def parse_date(value: object) -> pd.Timestamp | None:
    """Day first, always; a time after the date is ignored; an impossible date or a year outside
    1900-2100 is an error, never a guess, also in a real date cell."""
    if is_blank(value):
        return None
    _refuse_excel_error(value)
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if not MIN_JAAR <= day.year <= MAX_JAAR:
            raise CellError(_year_hint(cell_text(value)))
        return pd.Timestamp(day)
    if not isinstance(value, str):
        raise CellError(f"{quoted(value)} is geen datum; {_DATE_HINT}")
    text = value.strip()
    if m := _DMY.match(text):
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif m := _ISO.match(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        raise CellError(f"'{text}' is geen datum; {_DATE_HINT}")
    if not MIN_JAAR <= year <= MAX_JAAR:
        raise CellError(_year_hint(text))
    try:
        return pd.Timestamp(dt.date(year, month, day))
    except ValueError:
        raise CellError(f"'{text}' bestaat niet als datum (dag eerst: dd-mm-jjjj)") from None


def _year_hint(text: str) -> str:
    return f"'{text}': het jaar moet tussen {MIN_JAAR} en {MAX_JAAR} liggen"


def parse_bool(value: object) -> bool | None:
    if is_blank(value):
        return None
    _refuse_excel_error(value)
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in JA:
        return True
    if text in NEE:
        return False
    raise CellError(f"{quoted(value)} is geen ja/nee; gebruik ja of nee")


def parse_enum(value: object, allowed: Iterable[str]) -> str | None:
    if is_blank(value):
        return None
    _refuse_excel_error(value)
    allowed = tuple(allowed)
    name = _folded(allowed).get(fold_name(cell_text(value)))
    if name is not None:
        return name
    choices = ", ".join(allowed) or "(geen: vul de lijst in proeftuin.yml aan)"
    raise CellError(f"{quoted(value)} is niet toegestaan; kies uit: {choices}")


@functools.lru_cache(maxsize=256)
def _folded(allowed: tuple[str, ...]) -> dict[str, str]:
    """Allowed values by their folded form: `Werk en dagbesteding` finds werk_en_dagbesteding."""
    return {fold_name(a): a for a in allowed}


def parse_identifier(value: object) -> str | None:
    """An identifier column (casus_id, deelnemer_id, kaart_id, bijeenkomst): text, cleaned; what
    Excel converted from the typed id (2019-01, 3-4, 1E5, 65%) is refused, saying so."""
    if is_blank(value):
        return None
    _refuse_excel_error(value)
    if message := excel.converted(value, key=True):
        raise CellError(message)
    return clean_identifier(cell_text(value)) or None


def split_list(value: object) -> list[str]:
    if is_blank(value):
        return []
    return [part.strip() for part in cell_text(value).split(",") if part.strip()]


def parse_list(value: object, allowed: Iterable[str] | None = None) -> list[str]:
    """Comma-separated; with ``allowed`` every item must be one of them."""
    items = split_list(value)
    if allowed is None:
        return items
    _refuse_excel_error(value)
    allowed = tuple(allowed)
    folded = _folded(allowed)
    out, wrong = [], []
    for item in items:
        name = folded.get(fold_name(item))
        (out if name is not None else wrong).append(name if name is not None else item)
    if wrong:
        shown = ", ".join(f"'{w}'" for w in wrong)
        raise CellError(f"{shown} {'is' if len(wrong) == 1 else 'zijn'} niet toegestaan; kies uit: {', '.join(allowed)}")
    return list(dict.fromkeys(out))


def parse_column(values: pd.Series, parse: Callable[[object], object], plain_text: bool = False) -> tuple[pd.Series, pd.Series]:
    """Parse every cell; returns (values, Dutch error or None) aligned with ``values``.

    ``plain_text``: every cell is a plain ``str`` or empty (a CSV column), so equal texts can
    be parsed once. Not for a sheet: an uncomputed formula ``=A1`` equals the text ``'=A1'``.
    """
    if plain_text:
        return _parse_text_column(values, parse)
    return _parse_any_column(values, parse)


def _parse_any_column(values: pd.Series, parse: Callable[[object], object]) -> tuple[pd.Series, pd.Series]:
    """Cells of mixed types (an Excel sheet): 1, 1.0 and True are different cells here."""
    memo: dict[object, tuple[object, str | None]] = {}
    parsed: list[object] = []
    errors: list[str | None] = []
    for value in values.tolist():
        # a number format is part of the cell: 0,65 shown as 65% is another cell than 0,65
        key = (type(value), value, getattr(value, "opmaak", None)) if _hashable(value) else None
        hit = memo.get(key) if key is not None else None
        if hit is None:
            hit = _parse_one(parse, value)
            if key is not None:
                memo[key] = hit
        parsed.append(list(hit[0]) if isinstance(hit[0], list) else hit[0])
        errors.append(hit[1])
    return (
        pd.Series(parsed, index=values.index, dtype=object),
        pd.Series(errors, index=values.index, dtype=object),
    )


def _parse_one(parse: Callable[[object], object], value: object) -> tuple[object, str | None]:
    try:
        return parse(value), None
    except CellError as e:
        return None, str(e)


def _parse_text_column(values: pd.Series, parse: Callable[[object], object]) -> tuple[pd.Series, pd.Series]:
    """A column of text (every CSV): parse each distinct text once and spread the results."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = uniques.tolist()
    if parse in (parse_text_cell, parse_identifier) and texts:
        # a text that needs nothing done (no spaces around it, no invisible ones, no Excel error
        # '#...') is its own value: only the others go through the parser
        plain = _PLAIN_TEXT if parse is parse_text_cell else _PLAIN_IDENTIFIER
        # an identifier that is how Excel shows a converted value (jan-19) goes through the parser too
        key = parse is parse_identifier
        results = [
            (v, None) if plain.match(v) and not (key and excel.looks_converted(v)) else _parse_one(parse, v) for v in texts
        ] + [_parse_one(parse, None)]
    else:
        results = [_parse_one(parse, v) for v in texts] + [_parse_one(parse, None)]
    parsed = np.empty(len(results), dtype=object)
    parsed[:] = [r[0] for r in results]
    errors = np.empty(len(results), dtype=object)
    errors[:] = [r[1] for r in results]
    taken = parsed[codes]  # code -1 (an empty cell) takes the last entry
    if any(isinstance(r[0], list) for r in results):
        taken = [list(v) if isinstance(v, list) else v for v in taken]  # every row its own list
    return pd.Series(taken, index=values.index, dtype=object), pd.Series(errors[codes], index=values.index, dtype=object)


_PLAIN_TEXT = re.compile(r"[^#\s](?:.*\S)?\Z", re.DOTALL)
_NOT_SEEN = "\u00a0\u202f\u2007\u200b\u200c\u200d\u2060\ufeff"
_PLAIN_IDENTIFIER = re.compile(f"[^#\\s{_NOT_SEEN}](?:[^{_NOT_SEEN}]*[^\\s{_NOT_SEEN}])?\\Z", re.DOTALL)


def blank_mask(values: pd.Series) -> pd.Series:
    """Which cells are empty (missing, or only spaces)."""
    return values.map(is_blank).astype(bool)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return not (isinstance(value, float) and math.isnan(value))
