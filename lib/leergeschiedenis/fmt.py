"""Dutch notation for everything a reader sees: 1.234,5 · € 12.345 · 66,7% · 5 september 2016.

Babel's CLDR data does the work, so month names and separators are never hand-written.
A value that the privacy gate suppressed (None) reads as "minder dan N personen".
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "nl_NL"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def suppressed(min_n: int) -> str:
    return f"minder dan {min_n} personen"


def getal(value, decimals: int = 1, min_n: int | None = None) -> str:
    """1234.5 -> '1.234,5'; whole numbers stay whole when ``decimals`` is 0."""
    if _missing(value):
        return suppressed(min_n) if min_n else "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def geheel(value) -> str:
    return getal(value, 0)


def stuks(n, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun in the right number: '1 casus', '2 casussen', '0 casussen'."""
    return f"{geheel(n)} {enkelvoud if n == 1 else meervoud}"


def p_waarde(p) -> str:
    """A p-value as a reader needs it: 'p = 0,03', 'p = 0,0052', 'p < 0,001'."""
    if _missing(p):
        return "–"
    if p < 0.001:
        return "p < 0,001"
    return "p = " + format_decimal(p, format="0.0###" if p < 0.01 else "0.0##", locale=LOCALE)


def aantal(value) -> str:
    """An agreed number as it was agreed: 0.5 -> '0,5', 1 -> '1' (at most two decimals)."""
    return "–" if _missing(value) else format_decimal(value, format="#,##0.##", locale=LOCALE)


def euro(value, min_n: int | None = None) -> str:
    """12345.6 -> '€\u00a012.346' (whole euros: a cost estimate is no more precise than that)."""
    if _missing(value):
        return suppressed(min_n) if min_n else "–"
    # a non-breaking space: the sign never wraps away from its amount
    return format_currency(round(value), "EUR", format="¤\u00a0#,##0;¤\u00a0-#,##0", locale=LOCALE, currency_digits=False)


def procent(share, decimals: int = 0, min_n: int | None = None) -> str:
    """0.667 -> '67%'."""
    if _missing(share):
        return suppressed(min_n) if min_n else "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(share, format=pattern, locale=LOCALE)


def datum(value) -> str:
    """2016-09-05 -> '5 september 2016'."""
    if _missing(value) or value is pd.NaT:
        return "–"
    if isinstance(value, pd.Timestamp):
        value = value.date()
    return format_date(value, format="d MMMM y", locale="nl")


def maand(value) -> str:
    """A month as 'september 2016'."""
    if isinstance(value, pd.Period):
        value = value.start_time.date()
    elif isinstance(value, pd.Timestamp):
        value = value.date()
    elif not isinstance(value, dt.date):
        raise TypeError(value)
    return format_date(value, format="MMMM y", locale="nl")


def kwartaal(period: pd.Period) -> str:
    return f"{period.year} K{period.quarter}"
