"""The privacy gate, applied at the edge before anything is published.

Two rules (the README's "Privacy" section has the full set):

* a *statistic about people* (mean, median, spread, change, share, cost, score,
  chart point) computed from fewer than ``min_groepsgrootte`` people is
  suppressed: ``None`` in JSON, NaN in a table, "minder dan N personen" in text;
* plain *counts* are published as they are, except in a cross-tabulation of a
  sensitive attribute (life domains, obstacles, stopped cases) by organisation
  or by month, where a count from 1 to ``min_groepsgrootte - 1`` is suppressed.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .fmt import suppressed as suppressed_text

N_COLUMN = "n"


def too_small(n: int | float | None, min_n: int) -> bool:
    return n is None or bool(pd.isna(n)) or n < min_n


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


TE_WEINIG = "te_weinig_personen"
HERLEIDBAAR = "herleidbaar"


def reason_text(reason: str | None, min_n: int) -> str:
    """The Dutch words for why a figure is not shown."""
    if reason == HERLEIDBAAR:
        return "verborgen omdat anders een kleine groep te herleiden is"
    return suppressed_text(min_n)


def protect_groups(
    groups: Mapping[Hashable, frozenset],
    min_n: int,
    partitions: Iterable[tuple[Hashable, Sequence[Hashable]]] = (),
    breakdowns: Iterable[tuple[Hashable, Sequence[Hashable]]] = (),
    pools: Iterable[Sequence[Hashable]] = (),
) -> dict[Hashable, str | None]:
    """Group protection for statistics that add up (sums, means with their n, shares, costs).

    ``groups`` maps every candidate figure to the people it is about. A figure
    is published (reason None) unless it rests on fewer than ``min_n`` people
    (``te_weinig_personen``) or could be computed for fewer than ``min_n``
    people by adding and subtracting published figures (``herleidbaar``):

    * ``partitions``: (total, parts) where the parts split the total's people
      (overall and per organisation). Total minus the published parts gives the
      hidden parts together, so they must hold 0 or at least ``min_n`` people;
      otherwise the smallest published part is hidden too (secondary suppression).
    * ``breakdowns``: (total, parts) where the parts' amounts add up to the total
      but may share people (costs per financier). The same rule, on the union of
      the hidden parts' people; a hidden total hides its parts.
    * ``pools``: figures of one quantity; when one published group lies inside
      another, their difference describes the people in between, so that
      difference must be 0 or at least ``min_n`` (the smaller figure is hidden).

    Suppression only ever grows, so the loop ends; a total with enough people is
    never hidden by a partition, so the overall figures stay published.
    """
    reason: dict[Hashable, str | None] = {k: None if len(g) >= min_n else TE_WEINIG for k, g in groups.items()}
    partitions, breakdowns, pools = list(partitions), list(breakdowns), [list(p) for p in pools]

    def hide(key) -> None:
        if reason[key] is None:
            reason[key] = HERLEIDBAAR

    def smallest(keys):
        return min(keys, key=lambda k: (len(groups[k]), repr(k)))

    def remainder(parts) -> frozenset:
        return frozenset().union(*(groups[k] for k in parts if reason[k] is not None))

    totals = {total for total, _ in [*partitions, *breakdowns]}

    def shown_parts(parts):
        return [k for k in parts if reason[k] is None and groups[k]]

    def next_to_hide():
        """The first figure that must go: one at a time, so every check sees the decisions before it."""
        for total, parts in [*partitions, *breakdowns]:
            if reason[total] is not None:
                hidden_total = [k for k in parts if reason[k] is None]
                if hidden_total:
                    return hidden_total[0]
                continue
            rest = remainder(parts)
            if 0 < len(rest) < min_n:
                shown = shown_parts(parts)
                return smallest(shown) if shown else total
        for pool in pools:
            members = set(pool)
            known = [(k, groups[k], None) for k in pool if reason[k] is None]
            for total, parts in partitions:  # total minus the shown parts: the hidden parts together
                if total in members and reason[total] is None:
                    rest = remainder(parts)
                    if rest and rest != groups[total]:
                        known.append((None, rest, parts))
            for (a, ga, a_parts), (b, gb, _) in itertools.permutations(known, 2):
                if ga < gb and 0 < len(gb - ga) < min_n:
                    if a is not None:  # the smaller figure goes
                        return a
                    if b is not None and b not in totals:  # a derived rest cannot go: the figure around it does
                        return b
                    return smallest(shown_parts(a_parts))  # ... unless that is a total: the rest grows instead
        return None

    for _ in range(len(reason) + 1):
        key = next_to_hide()
        if key is None:
            break
        hide(key)
    return reason


def protect_cumulative(groups_by_year: Mapping[int, frozenset], min_n: int) -> dict[int, str | None]:
    """For a figure that accumulates over the years (every spinnenweb measurement up to year Y).

    Years are judged in order, as their reports appear: a year is published only
    when it has at least ``min_n`` people and differs from every earlier
    published year by 0 or at least ``min_n`` people, so no difference of two
    years' figures describes a few newcomers. An earlier year is never hidden
    afterwards: its report is already out.
    """
    reason: dict[int, str | None] = {}
    published: list[frozenset] = []
    for year in sorted(groups_by_year):
        group = groups_by_year[year]
        if len(group) < min_n:
            reason[year] = TE_WEINIG
        elif any(0 < len(group ^ earlier) < min_n for earlier in published):
            reason[year] = HERLEIDBAAR
        else:
            reason[year] = None
            published.append(group)
    return reason


def gate_crosstab(counts: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Suppress small non-zero counts of a sensitive attribute, then whatever would give them away.

    The row and column totals count as published (the overall counts per
    category are, and an organisation's cases nearly are). Primary suppression
    hides counts of 1 .. ``min_n - 1``; secondary suppression then hides more
    cells until (a) the hidden cells of every row and column add up to 0 or at
    least ``min_n`` (margin minus the shown cells gives that sum) and (b) no
    hidden cell can be pinned to a single value by the margins: an audit (as
    tau-ARGUS does with linear programming) of each hidden cell's lowest and
    highest value consistent with the published table, see ``_pinned``.
    """
    values = counts.astype("float64")
    if values.empty:
        return values
    v = values.to_numpy()
    hidden = (v > 0) & (v < min_n)
    for _ in range(values.size + 1):
        pick = _next_to_hide(v, hidden, min_n)
        if pick is None:
            break
        hidden[pick] = True
    return values.mask(pd.DataFrame(hidden, index=values.index, columns=values.columns))


def _next_to_hide(v: np.ndarray, hidden: np.ndarray, min_n: int) -> tuple[int, int] | None:
    """The cell to hide next: in the first line (rule a first, then b) that has a cell left to hide,
    its smallest shown non-zero count (a zero when there is none), the first of equals."""
    for lines in (_lines_to_widen, _pinned_lines):  # the audit only when the sums are right
        for axis, k in lines(v, hidden, min_n):
            cells, line_hidden = (v[:, k], hidden[:, k]) if axis == 0 else (v[k, :], hidden[k, :])
            candidates = np.flatnonzero(~line_hidden & (cells > 0))
            if not candidates.size:  # only zeros left: a hidden zero keeps the hidden counts uncertain
                candidates = np.flatnonzero(~line_hidden)
            if not candidates.size:
                continue
            pick = int(candidates[np.argsort(cells[candidates], kind="stable")[0]])
            return (pick, k) if axis == 0 else (k, pick)
    return None


def _lines_to_widen(v: np.ndarray, hidden: np.ndarray, min_n: int) -> list[tuple[int, int]]:
    """Columns (axis 0) and rows (axis 1) whose hidden cells add up to 1 .. min_n - 1 while others are
    shown (a line hidden whole adds nothing to its published total)."""
    lines = []
    for axis in (0, 1):
        sums = np.where(hidden, np.nan_to_num(v), 0).sum(axis=axis)
        whole = hidden.all(axis=axis)
        lines += [(axis, k) for k, total in enumerate(sums) if 0 < total < min_n and not whole[k]]
    return lines


def _pinned_lines(v: np.ndarray, hidden: np.ndarray, min_n: int) -> list[tuple[int, int]]:
    """The row and column of the first hidden small count (row by row) whose value the margins determine
    exactly, then every other line with a hidden cell (the pin may come through them): columns as
    (0, k), rows as (1, k)."""
    cells = np.argwhere(hidden)
    small = [(int(r), int(c)) for r, c in cells if 0 < v[r, c] < min_n]
    cell = next((rc for rc in small if _pinned(v, hidden, *rc)), None)
    if cell is None:
        return []
    r, c = cell
    # widen where the pin comes from: lines with the fewest hidden cells first (a line with one
    # hidden cell gives it away through its margin), the pinned cell's own row and column first among equals
    per_row, per_column = hidden.sum(axis=1), hidden.sum(axis=0)
    lines = [(1, int(k)) for k in np.unique(cells[:, 0])] + [(0, int(k)) for k in np.unique(cells[:, 1])]
    own = [(1, r), (0, c)]
    order = own + [line for line in lines if line not in own]
    return sorted(order, key=lambda line: per_row[line[1]] if line[0] == 1 else per_column[line[1]])


def _pinned(v: np.ndarray, hidden: np.ndarray, r: int, c: int) -> bool:
    """Whether the published table gives hidden cell (r, c) (a count above 0) one single value.

    The hidden cells are the unknowns, each at least 0, and every line's hidden cells add up to its
    total minus its shown cells: a transportation problem, whose solutions (the true table is one)
    differ by exchanges around cycles of hidden cells. The cell can be higher only along a cycle
    that lowers a cell of its column, raises one in that cell's row, ..., back to its own row, and
    lower along the reverse; a cell can be raised always, lowered only when above 0. So the cell
    has one value exactly when neither path exists. (Whole counts: any exchange is at least 1, so
    this is the linear program's range of 0 against at least 1; tests/test_privacy.py compares it.)
    """
    raise_, lower = {}, {}  # row -> columns whose cell can be raised; column -> rows whose cell can be lowered
    for i, j in np.argwhere(hidden):
        if (i, j) == (r, c):
            continue
        raise_.setdefault(int(i), []).append(int(j))
        if v[i, j] > 0:
            lower.setdefault(int(j), []).append(int(i))

    def reaches(start: tuple[str, int], goal: tuple[str, int]) -> bool:
        seen, todo = {start}, [start]
        while todo:
            kind, k = todo.pop()
            for nxt in (("c", j) for j in raise_.get(k, ())) if kind == "r" else (("r", i) for i in lower.get(k, ())):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    higher = reaches(("c", c), ("r", r))  # lower in column c, ..., raise in row r
    lower_too = reaches(("r", r), ("c", c))  # raise in row r, ..., lower in column c
    return not (higher or lower_too)


def jsonable(value):
    """NaN, numpy scalars and None as JSON wants them."""
    if value is None:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    return value
