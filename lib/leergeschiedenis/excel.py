"""What Excel does to a cell: how it shows a stored value, and what it makes of typed text.

Excel turns what a person types into a number, a date or a yes/no value when it looks like one:
`2019-01` becomes January 2019, `3-4` the 3rd of April, `007` the number 7, `1E5` 100000, `waar`
the value WAAR. A cell then shows its stored value through its number format: 0,65 with `0%` is
seen as 65%. The reader keeps a sheet cell's number format with its value (``ExcelGetal``,
``ExcelDatum``), so a message can say what the person sees beside what is stored, a text column
can refuse what Excel converted, and a reference that fails because one side was converted can
say so (``meanings``).
"""

from __future__ import annotations

import datetime as dt
import math
import re

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# month names as Dutch and English Excel write them (`mrt`/`mar`, `okt`/`oct`), to their number
_MONTH = {name: i + 1 for i, name in enumerate(_KORT)} | {
    name: i + 1 for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_MONTH |= {name: i + 1 for i, name in enumerate(MAANDEN)} | {"maa": 3, "sept": 9}


class ExcelGetal(float):
    """A number cell of a sheet whose number format is not General, with that format (``opmaak``)."""

    opmaak: str

    def __new__(cls, value: float, opmaak: str) -> ExcelGetal:
        number = super().__new__(cls, value)
        number.opmaak = opmaak
        return number

    def __reduce_ex__(self, protocol):
        return (ExcelGetal, (float(self), self.opmaak))

    def __repr__(self) -> str:
        return f"ExcelGetal({float(self)!r}, {self.opmaak!r})"

    def __str__(self) -> str:  # the number, as str() of a plain float gives it
        return float.__repr__(self)


class ExcelDatum(dt.datetime):
    """A date cell of a sheet, with its number format (``opmaak``): how the person sees it."""

    opmaak: str

    def __new__(cls, value: dt.datetime, opmaak: str) -> ExcelDatum:
        day = super().__new__(cls, value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond)
        day.opmaak = opmaak
        return day

    def __reduce_ex__(self, protocol):
        return (ExcelDatum, (dt.datetime(*self.timetuple()[:6], self.microsecond), self.opmaak))

    def __repr__(self) -> str:
        return f"ExcelDatum({self.isoformat()!r}, {self.opmaak!r})"

    def __str__(self) -> str:
        return dt.datetime.__str__(self)


def lange_datum(day: dt.date) -> str:
    """5 september 2016."""
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


# --- how a cell is shown -------------------------------------------------------------------


def shown(value: object) -> str:
    """A cell as the person sees it in Excel (Dutch): WAAR, 65%, jan-19, 1,00E+05, 007."""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, ExcelDatum):
        return _format_date(value, value.opmaak)
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y") if value.time() == dt.time(0) else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.timedelta):
        hours, rest = divmod(int(value.total_seconds()), 3600)
        return f"{hours}:{rest // 60:02d}"
    if isinstance(value, ExcelGetal):
        return _format_number(float(value), value.opmaak)
    if isinstance(value, (int, float)):
        return _general(float(value))
    return str(value).strip()


def _general(number: float) -> str:
    if not math.isfinite(number):
        return str(number)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    if abs(number) >= 1e11 or (number and abs(number) < 1e-9):
        mantissa, exponent = f"{number:.5E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.').replace('.', ',')}E{exponent[0]}{int(exponent[1:]):02d}"
    return f"{number:.10g}".replace(".", ",")


def _section(opmaak: str, number: float) -> tuple[str, bool]:
    """The section of a format for ``number`` (positive;negative;zero), and whether it shows a sign."""
    parts = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', opmaak)
    if number < 0 and len(parts) > 1:
        return parts[1], False
    if number == 0 and len(parts) > 2:
        return parts[2], True
    return parts[0], True


def _literal_text(part: str) -> str:
    if part.startswith('"'):
        return part[1:-1]
    if part.startswith("\\"):
        return part[1:]
    if part.startswith("_"):
        return " "
    if part.startswith("[$"):  # a currency with its locale: [$€-413] shows €
        return part[2:-1].split("-")[0]
    return ""  # fill characters and [colours], [$-413] locales, [>100] conditions


def _format_number(number: float, opmaak: str) -> str:
    """``number`` through an Excel number format as Dutch Excel shows it; General where unknown."""
    code = (opmaak or "General").strip()
    if code.lower() in ("general", "standaard", "@", ""):
        return _general(number)
    section, signed = _section(code, number)
    tokens = [t.group(0) for t in _NUMBER_TOKEN.finditer(section)]
    bare = "".join(t for t in tokens if len(t) == 1)
    if re.search(r"[ymdhs]", bare, flags=re.IGNORECASE):
        return _general(number)  # a date format on a number openpyxl did not make a date
    value = number if signed else abs(number)
    percent = bare.count("%")
    value *= 100**percent
    if m := re.search(r"([0#?.,]+)[eE]([+-])(0+)", bare):
        return _scientific(value, m.group(1), m.group(2), len(m.group(3)), percent)
    if "/" in bare and "?" in bare:
        return _fraction(value, bare)
    digit = [i for i, t in enumerate(tokens) if t in ("0", "#", "?")]
    if not digit:  # a section of only text ("nul")
        return _literals(tokens).strip() or _general(number)
    first, last = digit[0], digit[-1]
    pattern = "".join(t for t in tokens[first : last + 1] if len(t) == 1)
    whole, _, decimals = pattern.partition(".")
    places = sum(c in "0#?" for c in decimals)
    integer, _, fraction = f"{abs(value):,.{places}f}".partition(".")
    integer = integer.replace(",", "." if "," in whole else "")
    if "#" in decimals:
        fraction = fraction.rstrip("0").ljust(sum(c == "0" for c in decimals), "0")
    zeros = sum(c == "0" for c in whole)
    if integer == "0" and zeros == 0:
        integer = ""
    elif len(integer.replace(".", "")) < zeros:
        integer = integer.rjust(zeros, "0")
    body = integer + ("," + fraction if fraction else "")
    sign = "-" if value < 0 else ""
    return (sign + _literals(tokens[:first]) + body + _literals(tokens[last + 1 :])).strip()


_NUMBER_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|.')


def _literals(tokens: list[str]) -> str:
    """The text a format shows around its digits: quoted text, escaped characters, %, €, spaces."""
    return "".join(_literal_text(t) if len(t) > 1 else t for t in tokens if t not in ("\\", "_", "*"))


def _scientific(value: float, mantissa: str, sign: str, exponent_digits: int, percent: int) -> str:
    places = len(mantissa.partition(".")[2])
    text = f"{value:.{places}E}"
    body, exponent = text.split("E")
    power = int(exponent)
    shown_sign = "-" if power < 0 else ("+" if sign == "+" else "")
    return f"{body.replace('.', ',')}E{shown_sign}{abs(power):0{exponent_digits}d}" + "%" * percent


def _fraction(value: float, bare: str) -> str:
    from fractions import Fraction

    denominator = re.search(r"/\s*([0-9?#]+)", bare)
    limit = 10 ** len(denominator.group(1)) - 1 if denominator else 9
    whole = int(value)
    part = Fraction(value - whole).limit_denominator(limit)
    if part == 0:
        return str(whole)
    return (f"{whole} " if whole else "") + f"{part.numerator}/{part.denominator}"


_DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|am/pm|a/p|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|.', re.IGNORECASE
)


def _format_date(day: dt.datetime, opmaak: str) -> str:
    """A date cell through its number format, with Dutch month and day names; the locale-dependent
    short date (Excel's built-in 14, `mm-dd-yy` in the file) as Dutch Excel shows it: d-m-jjjj."""
    code = (opmaak or "").strip()
    low = code.lower()
    if low in ("", "general", "mm-dd-yy", "m/d/yyyy", "m/d/yy"):
        return f"{day.day}-{day.month}-{day.year}"
    if low == "m/d/yy h:mm":
        return f"{day.day}-{day.month}-{day.year} {day.hour}:{day.minute:02d}"
    section = _section(code, 1)[0]
    tokens = [t.group(0) for t in _DATE_TOKEN.finditer(section)]
    out = []
    for k, token in enumerate(tokens):
        t = token.lower()
        if t in ("yyyy",):
            out.append(f"{day.year:04d}")
        elif t == "yy":
            out.append(f"{day.year % 100:02d}")
        elif t in ("m", "mm") and _is_minute(tokens, k):
            out.append(f"{day.minute:02d}" if t == "mm" else str(day.minute))
        elif t == "m":
            out.append(str(day.month))
        elif t == "mm":
            out.append(f"{day.month:02d}")
        elif t == "mmm":
            out.append(_KORT[day.month - 1])
        elif t == "mmmm":
            out.append(MAANDEN[day.month - 1])
        elif t == "mmmmm":
            out.append(MAANDEN[day.month - 1][0])
        elif t == "d":
            out.append(str(day.day))
        elif t == "dd":
            out.append(f"{day.day:02d}")
        elif t == "ddd":
            out.append(_DAGEN[day.weekday()][:2])
        elif t == "dddd":
            out.append(_DAGEN[day.weekday()])
        elif t == "h":
            out.append(str(day.hour))
        elif t == "hh":
            out.append(f"{day.hour:02d}")
        elif t == "s":
            out.append(str(day.second))
        elif t == "ss":
            out.append(f"{day.second:02d}")
        elif t in ("am/pm", "a/p"):
            out.append("AM" if day.hour < 12 else "PM")
        elif len(token) > 1:
            out.append(_literal_text(token))
        else:
            out.append(token)
    return "".join(out).strip()


def _is_minute(tokens: list[str], k: int) -> bool:
    """`m` after an hour or before seconds is minutes, not the month."""
    before = next((t.lower() for t in reversed(tokens[:k]) if t.strip() and t.lower()[0] in "ymdhs"), "")
    after = next((t.lower() for t in tokens[k + 1 :] if t.strip() and t.lower()[0] in "ymdhs"), "")
    return before.startswith("h") or after.startswith("s")


def stored(value: object) -> str:
    """The stored value, in Dutch notation: 0,65 (for a message beside what is shown)."""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, (int, float)):
        return _general(float(value))
    if isinstance(value, dt.datetime):
        return lange_datum(value) + ("" if value.time() == dt.time(0) else f" {value:%H:%M}")
    if isinstance(value, dt.date):
        return lange_datum(value)
    return str(value)


def shown_differs(value: object, as_text: str) -> bool:
    """Whether the person sees something else than ``as_text`` in the cell (a decimal comma for a
    decimal point does not count)."""
    if isinstance(value, bool):
        return True
    if not isinstance(value, (ExcelGetal, ExcelDatum)):
        return False
    seen = shown(value)
    return seen != as_text and seen.replace(",", ".") != as_text


def shows_other_number(value: object) -> bool:
    """Whether a number cell shows another number than it stores: 65% for 0,65, 0,7 for 0,655 (a
    currency sign, thousands points or trailing zeros do not count)."""
    if not isinstance(value, ExcelGetal):
        return False
    seen = re.sub(r"[^\d,E+\-]", "", shown(value).replace(".", ""))
    try:
        number = float(seen.replace(",", "."))
    except ValueError:
        return True
    return not math.isclose(number, float(value), rel_tol=1e-12, abs_tol=1e-12)


# --- what Excel made of a text cell ---------------------------------------------------------

KEEP_AS_TEXT = (
    "typ de waarde als tekst: met een apostrof ervoor ('2019-01) of in een kolom die eerst de "
    "celopmaak Tekst heeft gekregen (Celeigenschappen > Getal > Tekst), en typ haar opnieuw"
)
_MONTHS = "|".join(sorted(_MONTH, key=len, reverse=True))
# how Excel shows a converted value, as it writes it to CSV: 3-apr, jan-19, 3-apr-19, 1,00E+05
_EXCEL_SHOWN = re.compile(
    rf"^(\d{{1,2}}[-/ ](?:{_MONTHS})(?:[-/ ]\d{{2,4}})?|(?:{_MONTHS})[-/ ]\d{{2,4}}|[+-]?\d+(?:[.,]\d+)?E[+-]\d+)$",
    re.IGNORECASE,
)


def looks_converted(text: str) -> bool:
    """Whether a text is how Excel shows a value it converted (jan-19, 3-apr, 1,00E+05)."""
    return bool(_EXCEL_SHOWN.match(text.strip()))


def converted(value: object, key: bool) -> str | None:
    """The Dutch message for a cell of a text column that Excel converted from what was typed:
    a date, a time, a yes/no value, a number shown otherwise than stored (65%, 1,00E+05, 007);
    in a column that identifies or refers (``key``) also a number with decimals or too long to
    keep every digit, and in a CSV a text that is how Excel shows a converted value (jan-19)."""
    if isinstance(value, bool):
        return f"Excel heeft deze cel omgezet in de ja/nee-waarde {shown(value)}; {KEEP_AS_TEXT}"
    if isinstance(value, (dt.datetime, dt.date)):
        return f"Excel heeft deze cel omgezet in de datum {stored(value)} (in de cel te zien als {shown(value)}); {KEEP_AS_TEXT}"
    if isinstance(value, (dt.time, dt.timedelta)):
        return f"Excel heeft deze cel omgezet in de tijd {shown(value)}; {KEEP_AS_TEXT}"
    if isinstance(value, (int, float)):
        number = float(value)
        as_text = str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
        if isinstance(value, ExcelGetal) and shown_differs(value, as_text):
            return (
                f"Excel heeft deze cel als getal opgeslagen: in de cel staat {shown(value)}, opgeslagen is "
                f"{stored(value)}; {KEEP_AS_TEXT}"
            )
        if key and abs(number) >= 1e15:
            return (
                f"Excel heeft deze cel als getal opgeslagen ({shown(value)}) en bewaart maar 15 cijfers, dus de laatste "
                f"cijfers zijn weg; {KEEP_AS_TEXT}"
            )
        if key and not number.is_integer():
            return f"Excel heeft deze cel als getal opgeslagen ({shown(value)}), niet als tekst; {KEEP_AS_TEXT}"
        return None
    if key and isinstance(value, str) and looks_converted(value):
        return (
            f"'{value.strip()}' is hoe Excel een waarde toont die het in een datum of getal heeft omgezet "
            f"(2019-01 wordt jan-19, 3-4 wordt 3-apr, 1E5 wordt 1,00E+05); {KEEP_AS_TEXT}"
        )
    return None


# --- what Excel makes of typed text (for a reference that does not match) -------------------

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PERCENT = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s?%$")
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?" + _TIME + "$")
_YMD = re.compile(r"^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?" + _TIME + "$")
_MY = re.compile(r"^(\d{1,2})[-/](\d{4})$")
_D_MON_Y = re.compile(rf"^(\d{{1,2}})[-/ ]({_MONTHS})\.?(?:[-/ ](\d{{2}}|\d{{4}}))?$")
_MON_Y = re.compile(rf"^({_MONTHS})\.?[-/ ](\d{{2}}|\d{{4}})$")


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    return year + (2000 if year < 30 else 1900) if len(text) == 2 else year


def _date_keys(year: int | None, month: int, day: int) -> set[tuple]:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return set()
    return {("datum", year, month, day), ("datum", None, month, day)}


def meanings(value: object) -> set[tuple]:
    """What Excel stores for a cell: for a typed cell its value, for a text what Dutch Excel would
    make of it if it were typed into a cell of the General format (``2019-01`` and the date cell
    1-1-2019 share ``("datum", 2019, 1, 1)``; ``007`` and ``7`` share ``("getal", 7.0)``). A date
    without a year (`3-4`) matches that day in any year. Empty for text Excel keeps as text."""
    if isinstance(value, bool):
        return {("janee", value)}
    if isinstance(value, (dt.datetime, dt.date)):
        return _date_keys(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        return {("getal", float(value))} if math.isfinite(float(value)) else set()
    text = str(value).strip().lower()
    if not text or len(text) > 40:
        return set()
    if text in ("waar", "true", "onwaar", "false"):
        return {("janee", text in ("waar", "true"))}
    keys: set[tuple] = set()
    if _NUMBER.match(text):
        keys.add(("getal", float(text.replace(",", "."))))
    if _THOUSANDS.match(text):
        keys.add(("getal", float(text.replace(".", "").replace(",", "."))))
    if m := _PERCENT.match(text):
        keys.add(("getal", float(m.group(1).replace(",", ".")) / 100))
    if m := _DMY.match(text):
        keys |= _date_keys(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _YMD.match(text):
        keys |= _date_keys(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    if m := _MY.match(text):
        keys |= _date_keys(int(m.group(2)), int(m.group(1)), 1)
    if m := _D_MON_Y.match(text):
        keys |= _date_keys(_year(m.group(3)), _MONTH[m.group(2)], int(m.group(1)))
    if m := _MON_Y.match(text):
        keys |= _date_keys(_year(m.group(2)), _MONTH[m.group(1)], 1)
    return keys


def exact_meanings(value: object) -> set[tuple]:
    """``meanings`` without the 'any year' keys: what a value with a year stands for."""
    return {k for k in meanings(value) if not (k[0] == "datum" and k[1] is None)}
