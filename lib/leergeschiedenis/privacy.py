"""The privacy gate, applied at the edge before anything is published.

Two rules (DESIGN.md, "Rules that hold everywhere"):

* a *statistic about people* (mean, median, spread, change, share, cost, score,
  chart point) computed from fewer than ``min_groepsgrootte`` people is
  suppressed: ``None`` in JSON, NaN in a table, "minder dan N personen" in text;
* plain *counts* are published as they are, except in a cross-tabulation of a
  sensitive attribute (life domains, obstacles, stopped cases) by organisation
  or by month, where a count from 1 to ``min_groepsgrootte - 1`` is suppressed.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

N_COLUMN = "n"


def too_small(n: int | float | None, min_n: int) -> bool:
    return n is None or (isinstance(n, float) and math.isnan(n)) or n < min_n


def suppressed_text(min_n: int) -> str:
    return f"minder dan {min_n} personen"


def gate_value(value, n: int | None, min_n: int):
    """A statistic about ``n`` people, or None when that is too few."""
    return None if too_small(n, min_n) else value


def gate_dataclass(stat, min_n: int, n_field: str = "n"):
    """Every field but the count becomes None when the count is too small."""
    if not too_small(getattr(stat, n_field), min_n):
        return stat
    blank = {f.name: None for f in dataclasses.fields(stat) if f.name != n_field}
    return dataclasses.replace(stat, **blank)


def gate_frame(frame: pd.DataFrame, min_n: int, value_columns: Iterable[str], n_column: str = N_COLUMN) -> pd.DataFrame:
    """Rows of statistics, each with the number of people behind it in ``n_column``."""
    out = frame.copy()
    small = out[n_column].isna() | (out[n_column] < min_n)
    for column in value_columns:
        out[column] = out[column].astype("float64").mask(small)
    return out


def gate_crosstab(counts: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Suppress small non-zero counts of a sensitive attribute, then the cells that would give them away.

    Secondary suppression: where a row or column has exactly one suppressed
    cell, its total (published elsewhere, or derivable from the siblings) would
    reveal it, so the smallest other non-zero cell in that row or column is
    suppressed too, until no row or column has a single suppressed cell.
    """
    values = counts.astype("float64")
    hidden = (values > 0) & (values < min_n)
    for _ in range(values.size + 1):
        changed = False
        for axis in (0, 1):
            lonely = hidden.sum(axis=axis) == 1
            for label in lonely[lonely].index:
                line_hidden = hidden.loc[:, label] if axis == 0 else hidden.loc[label, :]
                line_values = values.loc[:, label] if axis == 0 else values.loc[label, :]
                candidates = line_values[(~line_hidden) & (line_values > 0)]
                if candidates.empty:
                    continue
                pick = candidates.sort_values(kind="stable").index[0]
                if axis == 0:
                    hidden.loc[pick, label] = True
                else:
                    hidden.loc[label, pick] = True
                changed = True
        if not changed:
            break
    return values.mask(hidden)


def protect_total(values: dict[str, float | None], ns: dict[str, int]) -> dict[str, float | None]:
    """Secondary suppression for parts of a published total.

    When exactly one part is suppressed, total minus the published parts gives
    it away; the published part resting on the fewest people is suppressed too.
    """
    hidden = [k for k, v in values.items() if v is None]
    shown = [k for k, v in values.items() if v is not None]
    if len(hidden) != 1 or not shown:
        return dict(values)
    pick = min(shown, key=lambda k: (ns.get(k, 0), abs(values[k]), k))
    return {k: (None if k == pick else v) for k, v in values.items()}


def jsonable(value):
    """NaN, numpy scalars and None as JSON wants them."""
    if value is None:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    return value
