"""The privacy gate, applied at the edge before anything is published.

Two rules (the README's "Privacy" section has the full set):

* a *statistic about people* (mean, median, spread, change, share, cost, score,
  chart point) computed from fewer than ``min_groepsgrootte`` people is
  suppressed: ``None`` in JSON, NaN in a table, "minder dan N personen" in text;
* plain *counts* are published as they are, except in a cross-tabulation of a
  sensitive attribute (life domains, obstacles, stopped cases) by organisation
  or by month, where a count from 1 to ``min_groepsgrootte - 1`` is suppressed;
* and no combination of published figures describes fewer people either:
  ``protect_published`` judges every figure a year declares (``gate.declare``)
  together, one rule for every partition and for medians.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
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
        return None if not math.isfinite(value) else float(value)
    return value


def strict_dumps(data, **kwargs) -> str:
    """JSON as every output of the package writes it: valid for a strict parser (no NaN or Infinity:
    ``allow_nan=False``), so a figure that is missing must already be ``None`` with its ``reden``."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, **kwargs)


@dataclasses.dataclass(frozen=True)
class Figure:
    """A published figure about people, declared with the sums it makes known.

    ``rows``: each row a set of (variable, person) coordinates whose sum the figure
    makes known (a mean with its n, a share, a total: the attacker multiplies back).
    A welbevinden change makes the before-grades and the after-grades of its pairs
    known, two rows; a cost total the costs of every financier of its cases, one
    row over several variables. ``ordinal``: a median or quartile, which does not
    add up but still gives a value away next to a nested group. ``niveau``: how
    detailed (0 the year overall, 1 one partition, 2 a cross of two): when one
    figure of an attack must go, the most detailed goes first. ``fixed``: already
    published (an earlier year's report), never hidden, still compared with.
    """

    key: Hashable
    rows: tuple[frozenset, ...]
    niveau: int = 0
    ordinal: bool = False
    fixed: bool = False

    @property
    def people(self) -> frozenset:
        return frozenset(p for row in self.rows for _, p in row)


def protect_published(
    figures: Sequence[Figure],
    min_n: int,
    partitions: Iterable[tuple[Hashable, Sequence[Hashable]]] = (),
    depends: Mapping[Hashable, Hashable] | None = None,
    why: dict[Hashable, tuple] | None = None,
) -> dict[Hashable, str | None]:
    """One rule for every published group: no combination of published figures describes 1 .. min_n - 1 people.

    A figure on fewer than ``min_n`` people is hidden (``te_weinig_personen``). Then
    the attacker's combinations are tried, each variable's rows together: the
    difference of two rows, every sum and difference of three, and for every
    ``partition`` (a total and its disjoint parts, row by row) the total minus its
    shown parts. Order statistics are compared with the nested groups of the same
    variables. While a combination leaves 1 .. min_n - 1 people, the cheapest of its
    figures goes (``herleidbaar``): the most detailed, then the smallest, then by
    key; a fixed figure never. ``depends``: a figure shown only with another one
    (a financier's costs with the cost totals) goes with it. ``why``, when given, is
    filled with the other figures of the combination that hid each ``herleidbaar``
    figure (for the verantwoording). Suppression only grows, so the loop ends.
    """
    by_key = {f.key: f for f in figures}
    reason: dict[Hashable, str | None] = {f.key: None if f.fixed or len(f.people) >= min_n else TE_WEINIG for f in figures}
    partitions = [(t, list(ps)) for t, ps in partitions if t in by_key]

    depends = {k: p for k, p in (depends or {}).items() if k in by_key and p in by_key}

    def cost(key):
        f = by_key[key]
        return (-f.niveau, len(f.people), repr(key))

    def follow() -> None:
        for key, parent in depends.items():
            if reason[key] is None and reason[parent] is not None:
                reason[key] = reason[parent]
                if why is not None and reason[key] == HERLEIDBAAR:
                    why[key] = (parent,)

    follow()
    for _ in range(len(figures) + 1):
        found = _combinations(figures, reason, partitions, min_n)
        changed = False
        for owners in found:
            if any(reason[k] is not None for k in owners):
                continue
            movable = [k for k in owners if not by_key[k].fixed]
            if movable:
                chosen = min(movable, key=cost)
                reason[chosen] = HERLEIDBAAR
                if why is not None:
                    why[chosen] = tuple(dict.fromkeys(k for k in owners if k != chosen))
                changed = True
        follow()
        if not changed:
            break
    return {k: r for k, r in reason.items() if not by_key[k].fixed}


def _combinations(figures, reason, partitions, min_n) -> list[tuple]:
    """The owners of every combination of shown figures that describes 1 .. min_n - 1 people."""
    shown = {f.key: f for f in figures if reason[f.key] is None and f.rows}
    rows: list[tuple[frozenset, tuple]] = []  # (coordinates, owners) of the additive rows
    ordinal: list[tuple[frozenset, tuple]] = []
    for f in shown.values():
        for row in f.rows:
            (ordinal if f.ordinal else rows).append((row, (f.key,)))
    found: list[tuple] = []
    for total, parts in partitions:
        if total not in shown or shown[total].ordinal:
            continue
        visible = [p for p in parts if p in shown]
        if not visible:
            continue
        for i, row in enumerate(shown[total].rows):
            rest = row - frozenset().union(*(shown[p].rows[i] for p in visible if i < len(shown[p].rows)))
            if rest and rest != row:
                rows.append((rest, (total, *visible)))
    for (a, ka), (b, kb) in itertools.combinations(ordinal, 2):
        nested = a < b or b < a
        if ka != kb and nested and {v for v, _ in a} == {v for v, _ in b} and 0 < len(_persons(a ^ b)) < min_n:
            found.append((*ka, *kb))
    for component in _components(rows):
        found += _small_combinations(component, min_n)
    return sorted(set(found), key=repr)


def _persons(coords) -> set:
    return {p for _, p in coords}


def _components(rows):
    """Rows that share a variable, together: only they can cancel each other out."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for coords, _ in rows:
        variables = sorted({v for v, _ in coords}, key=repr)
        for v in variables[1:]:
            parent[find(v)] = find(variables[0])
    out: dict = {}
    for row in rows:
        if row[0]:
            out.setdefault(find(next(iter(row[0]))[0]), []).append(row)
    return [out[k] for k in sorted(out, key=repr)]


def _small_combinations(rows, min_n: int) -> list[tuple]:
    """Within one component: single derived rows, differences of two, sums and differences of three."""
    coords = sorted({c for row, _ in rows for c in row}, key=repr)
    people = sorted({p for _, p in coords}, key=repr)
    col = {c: i for i, c in enumerate(coords)}
    person = {p: i for i, p in enumerate(people)}
    m = np.zeros((len(rows), len(coords)), dtype=np.int8)
    for r, (row, _) in enumerate(rows):
        m[r, [col[c] for c in row]] = 1
    owners = [o for _, o in rows]
    if len(people) == len(coords):  # one variable: a coordinate is a person

        def support(vectors: np.ndarray) -> np.ndarray:
            return (vectors != 0).sum(axis=-1)

    else:
        to_person = np.zeros((len(coords), len(people)), dtype=np.float32)
        to_person[np.arange(len(coords)), [person[p] for _, p in coords]] = 1

        def support(vectors: np.ndarray) -> np.ndarray:
            return ((vectors != 0).astype(np.float32) @ to_person > 0).sum(axis=-1)

    def small(n) -> np.ndarray:
        return (n > 0) & (n < min_n)

    found = [owners[i] for i in np.flatnonzero(small(support(m)))]
    n_rows = len(rows)
    if n_rows < 2:
        return found
    m16 = m.astype(np.int16)
    for i in range(n_rows - 1):
        pair = m16[i] - m16[i + 1 :]
        for j in np.flatnonzero(small(support(pair))):
            found.append((*owners[i], *owners[i + 1 + j]))
        if i + 2 >= n_rows:
            continue
        for sj, sk in ((-1, -1), (-1, 1), (1, -1)):
            base = m16[i] + sj * m16[i + 1 :]  # rows j > i
            triple = base[:, None, :] + sk * m16[None, :, :]  # every k
            hits = np.argwhere(small(support(triple)))
            for j, k in hits:
                j = i + 1 + j
                if k > j:
                    found.append((*owners[i], *owners[j], *owners[k]))
    return found
