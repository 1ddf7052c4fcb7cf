"""Judging a table's rows against the contract: typed values for accepted rows,
a Dutch problem for every refused one, and nothing dropped silently.

Order per table: columns -> cells -> value checks (pandera, lazily, all at once)
-> references to accepted rows of other tables -> uniqueness (first kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
import pandera.pandas as pa

from . import cells
from .config import Config
from .contract import (
    CASE_STEPS,
    DOMEINEN,
    SPINNENWEB_VERSIES,
    STANDAARD_VERSIE,
    TABLES,
    AtLeastOne,
    Column,
    DateOrder,
    SumAtMost,
    Table,
)
from .excel import KEEP_AS_TEXT, exact_meanings, meanings
from .names import fold_name, identifier_key, is_blank, name_words
from .problems import Accounting, Problem
from .read import RawTable, Source, locate

REASONS = "redenen"
RULE_CODES = {DateOrder: "volgorde", SumAtMost: "som", AtLeastOne: "minstens_een"}
KIND_RULE = {
    "text": "tekst",
    "enum": "keuze",
    "date": "datum",
    "number": "getal",
    "money": "bedrag",
    "integer": "geheel_getal",
    "bool": "janee",
    "list": "lijst",
}


@dataclass
class TableResult:
    table: str
    accepted: pd.DataFrame
    refused: pd.DataFrame
    problems: list[Problem]
    accounting: Accounting


# Several proeftuinen' rows of one table validated at once (``validate_parts``): the row ``r`` of
# part ``k`` has index ``k * PART_OFFSET + r``. One proeftuin alone is part 0, its index unchanged.
PART_OFFSET = 10**12


@dataclass
class Part:
    """One proeftuin's share of a table validated together with others: where its rows come from,
    its proeftuin.yml, and what the reader noticed in its file."""

    source: Source
    config: Config
    problems: list[Problem]
    # the tables of this proeftuin judged before (a reference to one that is not there is not checked)
    tables: frozenset[str] = frozenset()


class _Findings:
    """Problems of one table (of one or several parts); a ``fout`` refuses its row."""

    def __init__(self, raw: RawTable, config: Config, parts: dict[int, Part] | None = None):
        self.multi = parts is not None
        self.parts = parts if parts is not None else {0: Part(raw.source, config, list(raw.problems))}
        self.items: list[Problem] = []
        self.owners: list[int] = []  # the part of each item
        for k, part in self.parts.items():
            self.items.extend(part.problems)
            self.owners.extend([k] * len(part.problems))
        self.refused: set[int] = set()

    def _add(self, k: int, problem: Problem) -> None:
        self.items.append(problem)
        self.owners.append(k)

    def _locate(self, rij: int) -> tuple[int, Source, str | None, int]:
        k, local = divmod(int(rij), PART_OFFSET)
        source = self.parts[k].source
        blad, row = locate(source, local)
        return k, source, blad, row

    def part_of(self, index: pd.Index) -> np.ndarray:
        """The part of each row of ``index``."""
        return np.asarray(index, dtype="int64") // PART_OFFSET

    def fout(self, rij: int, kolom: str | None, waarde: object, melding: str, regel: str) -> None:
        """``rij`` is the row's index in the table (see ``read.locate``)."""
        text = None if is_blank(waarde) else cells.cell_text(waarde)
        k, source, blad, row = self._locate(rij)
        self._add(k, Problem(source.bestand, blad, row, kolom, text, melding, "fout", regel))
        self.refused.add(int(rij))

    def melding(
        self,
        kolom: str | None,
        melding: str,
        rij: int | None = None,
        waarde: object = None,
        regel: str = "kolom",
        owners: list[int] | None = None,
    ) -> None:
        """A notice on a row, or without ``rij`` on the table (of every part, or of ``owners``)."""
        text = None if is_blank(waarde) else cells.cell_text(waarde)
        if rij is None:
            for k in self.parts if owners is None else owners:
                source = self.parts[k].source
                self._add(k, Problem(source.bestand, source.sheet, None, kolom, text, melding, "melding", regel))
            return
        k, source, blad, row = self._locate(rij)
        self._add(k, Problem(source.bestand, blad, row, kolom, text, melding, "melding", regel))

    def where(self, rij: int, other: int) -> str:
        """Row ``rij`` as a person finds it, seen from row ``other`` (the sheet only when it differs)."""
        _, _, blad, row = self._locate(rij)
        return f"rij {row}" + (f" van blad {blad}" if blad != self._locate(other)[2] else "")


# text columns that are a key or refer to one: what Excel converted in them is refused as in an identifier
_KEYS = {(t.name, c) for t in TABLES.values() for c in t.unique} | {
    pair for t in TABLES.values() for r in t.references for pair in ((t.name, r.column), (r.table, r.target))
}


def _parser(column: Column, config: Config, table: str = ""):
    allowed = column.allowed or (config.allowed_values(column.allowed_from) if column.allowed_from else None)
    match column.kind:
        case "text":
            if column.identifier:
                return cells.parse_identifier
            return cells.parse_key_text if (table, column.name) in _KEYS else cells.parse_text_cell
        case "enum":
            return partial(cells.parse_enum, allowed=allowed)
        case "date":
            return cells.parse_date
        case "number":
            return cells.parse_number
        case "money":
            return partial(cells.parse_number, money=True)
        case "integer":
            return cells.parse_integer
        case "bool":
            return cells.parse_bool
        case "list":
            return partial(cells.parse_list, allowed=allowed)
    raise ValueError(column.kind)


def empty_column(column: Column, index: pd.Index) -> pd.Series:
    return _typed(pd.Series([column.default] * len(index), index=index, dtype=object), column)


def _typed(values: pd.Series, column: Column) -> pd.Series:
    """Give a parsed column its pandas type: datetimes, floats, categoricals, lists."""
    match column.kind:
        case "date":
            return pd.to_datetime(values)
        case "number" | "money":
            return pd.to_numeric(values, errors="raise").astype("float64")
        case "integer":
            return pd.to_numeric(values, errors="raise").astype("Int64")
        case "enum":
            return pd.Categorical(values, categories=list(column.allowed)) if column.allowed else values
        case "bool":
            return values.astype("boolean")
        case "list":
            return values.map(lambda v: v if isinstance(v, list) else [])
        case _:
            return values.astype("string")


_ITEM = re.compile(r"^(?P<domain>[a-z_]+?)_(?P<n>\d+)$")
# a spinnenweb domain score beside its items must equal their mean within this
ITEM_TOLERANCE = 0.05


def item_columns(table: Table, names) -> dict[str, tuple[str, int]]:
    """Spinnenweb item columns ``<domain>_<n>``, mapped to (domain, n)."""
    found = {}
    for name in names:
        m = _ITEM.match(name)
        if m and m.group("domain") in table.items_of:
            found[name] = (m.group("domain"), int(m.group("n")))
    return found


def _value_schema(table: Table) -> pa.DataFrameSchema:
    """Ranges and cross-column rules as one pandera schema, checked lazily."""
    columns = {}
    for c in table.columns:
        checks = []
        if c.minimum is not None and c.maximum is not None:
            checks.append(pa.Check.in_range(c.minimum, c.maximum))
        elif c.minimum is not None:
            checks.append(pa.Check.ge(c.minimum))
        elif c.maximum is not None:
            checks.append(pa.Check.le(c.maximum))
        if checks:
            columns[c.name] = pa.Column(None, checks=checks, nullable=True, required=False)
    rules = []
    for i, rule in enumerate(table.rules):
        rules.append(pa.Check(partial(_rule_holds, rule), name=f"regel{i}"))
    return pa.DataFrameSchema(columns, checks=rules, strict=False)


def _rule_holds(rule, df: pd.DataFrame) -> pd.Series:
    match rule:
        case DateOrder(later, earlier):
            return ~(df[later] < df[earlier])
        case SumAtMost(parts, total):
            given = df[list(parts)]
            return df[total].isna() | given.isna().all(axis=1) | (given.sum(axis=1) <= df[total])
        case AtLeastOne(columns):
            return df[list(columns)].notna().any(axis=1)
    raise ValueError(rule)


def _rule_problem(rule, row: pd.Series, raw_row: pd.Series) -> tuple[str, object, str]:
    """(column, value, Dutch message) for a broken row rule."""
    match rule:
        case DateOrder(later, earlier):
            return (
                later,
                raw_row.get(later),
                f"{later} ligt vóór {earlier} ({cells.cell_text(raw_row.get(earlier))}); dat kan niet",
            )
        case SumAtMost(parts, total):
            som = int(row[list(parts)].sum())
            return (
                total,
                raw_row.get(total),
                f"{' + '.join(parts)} = {som}, meer dan {total}; de delen mogen samen niet meer zijn dan het totaal",
            )
        case AtLeastOne(columns):
            return None, None, f"vul minstens één van {', '.join(columns)} in"
    raise ValueError(rule)


def _range_text(c: Column) -> str:
    if c.minimum is not None and c.maximum is not None:
        return f"van {c.minimum:g} tot en met {c.maximum:g}"
    if c.minimum is not None:
        return f"{c.minimum:g} of meer"
    return f"{c.maximum:g} of minder"


def validate_table(
    raw: RawTable,
    table: Table,
    config: Config,
    accepted_keys: dict[tuple[str, str], dict[str, str]],
    refused_keys: dict[tuple[str, str], dict[str, int]] | None = None,
) -> TableResult:
    """``accepted_keys[(table, column)]`` holds the accepted values other tables may point at;
    ``refused_keys`` the values of refused rows there, so a reference to one says so."""
    found = _Findings(raw, config)
    typed = _judged(raw, table, found, accepted_keys, refused_keys or {})
    return _result(table, raw, typed, found)


def validate_parts(
    raw: RawTable,
    table: Table,
    parts: dict[int, Part],
    accepted_keys: dict[tuple[str, str], dict[tuple[int, str], str]],
    refused_keys: dict[tuple[str, str], dict[tuple[int, str], int]],
) -> dict[int, TableResult]:
    """One table of several proeftuinen judged in one pass: ``raw`` holds the rows of every part
    (index ``k * PART_OFFSET + row``), all read from files with the same columns and headers.
    References and uniqueness stay within each part: the keys of ``accepted_keys`` and
    ``refused_keys`` are (part, value). Each part's result equals ``validate_table`` on its own."""
    found = _Findings(raw, next(iter(parts.values())).config, parts)
    typed = _judged(raw, table, found, accepted_keys, refused_keys)
    return _results_per_part(table, raw, typed, found)


def _judged(raw: RawTable, table: Table, found: _Findings, accepted_keys, refused_keys) -> pd.DataFrame:
    """Every check in its order; the typed rows, the refused among them in ``found``."""
    frame = raw.cells
    items = item_columns(table, frame.columns) if table.items_of else {}
    extra, meant = _unknown_columns(table, raw, items, found)
    _refuse_bad_text(raw, found)
    _refuse_overflow(raw, found)

    typed = _typed_columns(table, raw, meant, found)
    _fill_empty_from_row_and_config(table, typed, found)
    if table.items_of:
        _spinnenweb_items(typed, frame, items, found, raw.plain_text)

    _value_checks(table, typed, frame, found)
    _references(table, typed, frame, found, accepted_keys, refused_keys)
    _uniqueness(table, typed, frame, found)
    if table.name == "casussen":
        _status_without_date(typed, frame, found)

    for name in extra:
        typed[_kept_name(raw, name, typed.columns)] = frame[name].map(cells.parse_text).astype("string")
    return typed


def _status_without_date(typed: pd.DataFrame, frame: pd.DataFrame, found: _Findings) -> None:
    """A status past a step whose date cell is empty: one notice per case (the step counts by its date)."""
    if not {"status", *(s.date for s in CASE_STEPS)} <= set(typed.columns):
        return
    accepted = typed.drop(index=[i for i in found.refused if i in typed.index])
    # a date column the file does not have is a step the team does not register: no notice on every row
    registered = [s for s in CASE_STEPS if s.date in frame.columns]
    missing = {s.name: s.status_without_date(accepted) for s in registered}
    for rij in accepted.index:
        steps = [s for s in registered if missing[s.name].at[rij]]
        if not steps:
            continue
        dates = " en ".join(s.date for s in steps)
        found.melding(
            steps[0].date,
            f"status '{accepted.at[rij, 'status']}' maar {dates} {'is' if len(steps) == 1 else 'zijn'} leeg: de casus telt bij "
            f"{' en '.join(s.in_sentence for s in steps)} pas mee als de datum is ingevuld",
            rij=rij,
            waarde=frame.at[rij, "status"] if "status" in frame.columns else None,
            regel="status_datum",
        )


def _kept_name(raw: RawTable, name: str, taken: pd.Index) -> str:
    """The name an unchecked column is kept under: its header as the team wrote it, or for a column
    that repeats another's name its ``kolom_<n>`` (as its notice says). Never a name already taken,
    so a kept column cannot stand in for the checked one."""
    kept = name if name in raw.repeats else raw.headers.get(name, name)
    if kept in taken:
        kept = name
    while kept in taken:
        kept += "_"
    return kept


def _unknown_columns(table: Table, raw: RawTable, items: dict, found: _Findings) -> tuple[list[str], dict[str, str]]:
    """(columns the contract does not know, those of them that are probably a missing contract
    column -> that column). An unknown column is kept with a notice; a probably meant one refuses
    its filled rows (every row for a required column), so no value is silently unused."""
    frame = raw.cells
    known = set(table.column_names)
    extra = [c for c in frame.columns if c not in known and c not in items]
    # a column that repeats another's name has its own notice (``read._column_names``)
    unknown = [c for c in extra if c not in raw.repeats]
    meant = _probably_meant(table, [c for c in known if c not in frame.columns], {n: raw.headers.get(n, n) for n in unknown})
    for name in unknown:
        shown = raw.headers.get(name, name)
        if name in meant:
            continue
        found.melding(shown, f"onbekende kolom '{shown}' wordt bewaard maar niet gecontroleerd")
    for name, column in meant.items():
        shown = raw.headers.get(name, name)
        message = (
            f"kolom '{shown}' is waarschijnlijk de kolom '{column}' van het contract, onder een andere naam: "
            f"noem de kolom '{column}', anders worden deze waarden niet gebruikt"
        )
        filled = frame.index[~cells.blank_mask(frame[name])] if not table.column(column).required else frame.index
        for rij in filled:
            found.fout(rij, shown, frame.at[rij, name], message, "kolomnaam")
        with_filled = set(found.part_of(filled).tolist())
        without = [k for k in found.parts if k not in with_filled]
        if without:
            found.melding(shown, message, owners=without)
    return extra, meant


def _refuse_bad_text(raw: RawTable, found: _Findings) -> None:
    """Rows of a UTF-8 file with bytes in another encoding: their text cannot be trusted."""
    for rij, columns in raw.bad_text.items():
        for name in columns:
            shown = raw.headers.get(name, name) if name else None
            found.fout(
                rij,
                shown,
                raw.cells.at[rij, name] if name else None,
                "deze regel is geen geldige UTF-8-tekst, al is de rest van het bestand dat wel (waarschijnlijk geplakt uit "
                "een bestand in een andere codering, zoals Windows-1252); typ de tekens met � opnieuw of sla het bestand "
                "opnieuw op als 'CSV UTF-8'",
                "codering",
            )


def _refuse_overflow(raw: RawTable, found: _Findings) -> None:
    """Cells right of the header belong to no column: their row is refused, not silently cut."""
    for rij, extra_cells in raw.overflow.items():
        shown = ", ".join(cells.cell_text(v) for v in extra_cells)
        found.fout(
            rij,
            None,
            shown,
            "deze rij heeft meer cellen dan de kopregel kolommen heeft; zet ze in een kolom met een kop of haal ze weg",
            "cellen",
        )


def _typed_columns(table: Table, raw: RawTable, meant: dict[str, str], found: _Findings) -> pd.DataFrame:
    """Every contract column parsed and typed, one missing from the file empty (refusing every row
    when it is required); built once, as inserting column by column is slow."""
    frame = raw.cells
    columns: dict[str, pd.Series] = {}
    for column in table.columns:
        if column.name in frame.columns:
            columns[column.name] = _typed_column(column, frame[column.name], raw.plain_text, found, table.name)
            continue
        if column.required and column.name not in meant.values():  # else refused naming the column probably meant
            for rij in frame.index:
                found.fout(
                    rij, column.name, None, f"verplichte kolom '{column.name}' ontbreekt in het bestand", "kolom_ontbreekt"
                )
        columns[column.name] = empty_column(column, frame.index)
    return pd.DataFrame(columns, index=frame.index)


def _typed_column(column: Column, source: pd.Series, plain_text: bool, found: _Findings, table: str = "") -> pd.Series:
    """One column's cells parsed (each wrong cell and each empty required one refused), its fixed
    default filled in, and given its pandas type."""
    values, wrong = _parsed_by_config(column, source, plain_text, found, table)
    if column.required:
        # a blank cell parses to nothing without an error (a blank list to [], hence the mask)
        blank = cells.blank_mask(source) if column.kind == "list" else values.isna() & ~wrong
        for rij in source.index[blank]:
            found.fout(rij, column.name, None, "verplicht veld is leeg", "verplicht")
    if column.default is not None:
        values = values.map(lambda v, d=column.default: d if v is None else v)
    return _typed(values, column)


def _parsed_by_config(
    column: Column, source: pd.Series, plain_text: bool, found: _Findings, table: str = ""
) -> tuple[pd.Series, pd.Series]:
    """``_parsed`` with the parser of each part's proeftuin.yml (its allowed values of the column);
    parts that allow the same values are parsed together."""
    regel = KIND_RULE[column.kind]
    groups: dict[tuple[str, ...] | None, list[int]] = {}
    for k, part in found.parts.items():
        allowed = part.config.allowed_values(column.allowed_from) if column.allowed_from else None
        groups.setdefault(allowed, []).append(k)
    if len(groups) == 1:
        config = found.parts[next(iter(groups.values()))[0]].config
        return _parsed(source, _parser(column, config, table), plain_text, found, column.name, regel)
    part = found.part_of(source.index)
    values = np.empty(len(source), dtype=object)
    wrong = np.zeros(len(source), dtype=bool)
    for ks in groups.values():
        where = np.flatnonzero(np.isin(part, ks))
        v, w = _parsed(
            source.iloc[where], _parser(column, found.parts[ks[0]].config, table), plain_text, found, column.name, regel
        )
        values[where] = v.to_numpy(dtype=object)
        wrong[where] = w.to_numpy(dtype=bool)
    return pd.Series(values, index=source.index, dtype=object), pd.Series(wrong, index=source.index)


def _fill_empty_from_row_and_config(table: Table, typed: pd.DataFrame, found: _Findings) -> None:
    """Empty cells of a column the contract fills from where the row is (``Column.from_row``) or
    from a proeftuin.yml setting (``Column.default_from``)."""
    for column in table.columns:
        if column.from_row:
            typed[column.name] = typed[column.name].fillna(_row_identifiers(found, typed.index))
        if column.default_from:
            defaults = {k: part.config.default_value(column.default_from) for k, part in found.parts.items()}
            if len({repr(v) for v in defaults.values()}) == 1:
                typed[column.name] = typed[column.name].fillna(next(iter(defaults.values())))
            else:
                fill = [defaults[k] for k in found.part_of(typed.index).tolist()]
                typed[column.name] = typed[column.name].fillna(pd.Series(fill, index=typed.index, dtype=object))


def _row_identifiers(found: _Findings, index: pd.Index) -> pd.Series:
    """``<file>[-<sheet>]-r<row>``: one per row, and it leads a person back to that row."""
    stems = {k: p.source.path.stem + (f"-{p.source.sheet}" if p.source.sheet else "") for k, p in found.parts.items()}
    rows = [divmod(int(rij), PART_OFFSET) for rij in index]
    return pd.Series([f"{stems[k]}-r{rij}" for k, rij in rows], index=index, dtype="string")


def _result(table: Table, raw: RawTable, typed: pd.DataFrame, found: _Findings) -> TableResult:
    """Accepted rows typed, refused rows as read with their reasons, and the row accounting."""
    index = typed.index
    refused_mask = index.isin(sorted(found.refused))
    accepted = typed.loc[~refused_mask]
    refused = _refused_rows(raw, found, refused_mask)
    accounting = Accounting(len(index), len(accepted), int(refused_mask.sum()))
    problems = sorted(found.items, key=lambda p: -1 if p.rij is None else p.rij)
    return TableResult(table.name, accepted, refused, problems, accounting)


def _results_per_part(table: Table, raw: RawTable, typed: pd.DataFrame, found: _Findings) -> dict[int, TableResult]:
    """``_result`` of each part, its rows indexed by their own spreadsheet row again."""
    index = typed.index.to_numpy(dtype="int64")
    refused_mask = typed.index.isin(sorted(found.refused))
    items: dict[int, list[Problem]] = {k: [] for k in found.parts}
    for k, p in zip(found.owners, found.items, strict=True):
        items[k].append(p)
    renamed = raw.cells.rename(columns=raw.headers)
    none_refused: pd.DataFrame | None = None
    results = {}
    for k in found.parts:
        lo, hi = (int(i) for i in np.searchsorted(index, [k * PART_OFFSET, (k + 1) * PART_OFFSET]))
        refused_here = refused_mask[lo:hi]
        local = pd.Index(index[lo:hi] - k * PART_OFFSET, name="rij", dtype="int64")
        mine = typed.iloc[lo:hi].set_axis(local, axis=0)
        if refused_here.any():
            accepted = mine.loc[~refused_here]
            refused_read = renamed.iloc[lo:hi].loc[refused_here]
            refused = _refused_frame(refused_read.set_axis(refused_read.index - k * PART_OFFSET, axis=0), items[k])
        else:  # most parts: every row accepted, and an empty refused table like every other
            accepted = mine
            if none_refused is None:
                none_refused = _refused_frame(renamed.iloc[0:0].set_axis(local[0:0], axis=0), [])
            refused = none_refused.copy()
        accounting = Accounting(hi - lo, len(accepted), int(refused_here.sum()))
        problems = sorted(items[k], key=lambda p: -1 if p.rij is None else p.rij)
        results[k] = TableResult(table.name, accepted, refused, problems, accounting)
    return results


def _probably_meant(table: Table, missing: list[str], extra: dict[str, str]) -> dict[str, str]:
    """Unknown columns that are probably a contract column missing from the file: the same words in
    another order (`Datum MDO` for mdo_datum) or at most two letters off after folding."""
    from rapidfuzz.distance import DamerauLevenshtein

    meant = {}
    for name, shown in extra.items():
        folded = fold_name(shown)
        if not folded:
            continue
        best: tuple[int, str] | None = None
        for column in missing:
            target = fold_name(column)
            if sorted(name_words(shown)) == sorted(column.split("_")):
                distance = 0
            else:
                distance = DamerauLevenshtein.distance(folded, target)
                # a short name is easily two letters from another word: one letter off at most
                if distance > (1 if len(target) <= 5 else 2):
                    continue
            if best is None or distance < best[0]:
                best = (distance, column)
        if best is not None:
            meant[name] = best[1]
    return meant


def _parsed(source: pd.Series, parse, plain_text: bool, found: _Findings, kolom: str, regel: str) -> tuple[pd.Series, pd.Series]:
    """Parsed cells (None where a cell is refused) and which cells were refused, each one reported."""
    values, errors = cells.parse_column(source, parse, plain_text=plain_text)
    wrong = errors.notna()
    for rij, message in errors[wrong].items():
        found.fout(rij, kolom, source[rij], message, regel)
    return values, wrong


def _refused_rows(raw: RawTable, found: _Findings, mask) -> pd.DataFrame:
    """The refused rows as they were read, headers as the team wrote them, with the reasons."""
    return _refused_frame(raw.cells.loc[mask].rename(columns=raw.headers), found.items)


def _refused_frame(renamed: pd.DataFrame, items: list[Problem]) -> pd.DataFrame:
    """``renamed``: the refused rows as read, headers as the team wrote them."""
    rows = renamed.copy()
    reasons: dict[int, list[str]] = {}
    for p in items:
        if p.ernst == "fout" and p.rij is not None:
            reasons.setdefault(p.rij, []).append(f"{p.kolom}: {p.melding}" if p.kolom else p.melding)
    # inserted, not assigned: a team column that happens to be called 'redenen' is kept too
    rows.insert(len(rows.columns), REASONS, [" | ".join(reasons.get(int(r), [])) for r in rows.index], allow_duplicates=True)
    return rows


def _item_counts(domain: str) -> dict[str, int]:
    return {v: (c or {}).get(domain, 0) for v, c in SPINNENWEB_VERSIES.items()}


def _spinnenweb_items(typed: pd.DataFrame, frame: pd.DataFrame, items: dict, found: _Findings, plain_text: bool) -> None:
    """Domain score = mean of answered items, missing when fewer than half are answered."""
    scores = {}
    for name in items:
        values, _ = _parsed(frame[name], cells.parse_number, plain_text, found, name, "getal")
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        bad = numbers.notna() & ~numbers.between(0, 10)
        for rij in numbers.index[bad]:
            found.fout(rij, name, frame.at[rij, name], "itemscore moet van 0 tot en met 10 zijn", "bereik")
        scores[name] = numbers.where(~bad)
    item_frame = pd.DataFrame(scores, index=typed.index)
    versie = typed["versie"].astype("string").fillna(STANDAARD_VERSIE)
    answered = item_frame.notna()
    # column masks, not a loop over rows: at national scale this table has a million rows
    simple = versie.map({v: c is None for v, c in SPINNENWEB_VERSIES.items()}).astype(bool)
    for rij in typed.index[answered.any(axis=1) & simple]:
        first = answered.columns[answered.loc[rij].to_numpy().argmax()]
        found.fout(
            rij, first, frame.at[rij, first], "versie 'eenvoudig' heeft geen items; vul alleen de zes domeinscores in", "items"
        )
    limits = {d: versie.map(_item_counts(d)).astype("float64") for d, _ in items.values()}
    for name, (domain, n) in items.items():
        bad = answered[name] & ~simple & ((n < 1) | (n > limits[domain]))
        for rij in typed.index[bad]:
            found.fout(
                rij,
                name,
                frame.at[rij, name],
                f"{domain} heeft in versie {versie[rij]} de items 1 tot en met {int(limits[domain][rij])}",
                "items",
            )
    any_item = item_frame.notna().any(axis=1)
    too_few: list[tuple[int, str, int, int]] = []
    for domain in DOMEINEN:
        names = [n for n, (d, _) in items.items() if d == domain]
        counts = versie.map(_item_counts(domain)).astype("float64")  # float also when there are no rows
        answered = item_frame[names].notna().sum(axis=1)
        mean = item_frame[names].mean(axis=1)
        computed = mean.where((answered > 0) & (answered * 2 >= counts))
        given = typed[domain]
        differs = given.notna() & computed.notna() & ((given - computed).abs() > ITEM_TOLERANCE + 1e-9)
        for rij in typed.index[differs]:
            found.fout(
                rij,
                domain,
                frame.at[rij, domain],
                f"de domeinscore {cells.cell_text(frame.at[rij, domain])} wijkt af van het gemiddelde van de "
                f"{answered[rij]} beantwoorde items ({computed[rij]:.2f}".replace(".", ",")
                + "); welke van de twee klopt is niet te weten: laat de domeinscore leeg of verbeter de items",
                "scores",
            )
        missing = given.isna() & computed.isna() & any_item & ~simple & (answered * 2 < counts)
        too_few += [(rij, domain, int(answered[rij]), int(counts[rij])) for rij in typed.index[missing]]
        typed[domain] = given.fillna(computed)
    nothing = typed[list(DOMEINEN)].isna().all(axis=1)
    for rij, domain, answered_n, count in too_few:
        if nothing[rij] or rij in found.refused:
            continue
        found.melding(
            domain,
            f"deelnemer {typed.at[rij, 'deelnemer_id']}, meetmoment {typed.at[rij, 'meetmoment']}: {domain} ontbreekt, "
            f"want {answered_n} van de {count} items zijn beantwoord (minder dan de helft)",
            rij,
            regel="te_weinig_items",
        )
    for rij in typed.index[nothing & ~any_item]:
        found.fout(
            rij, None, None, "geen domeinscores en geen itemscores; vul de zes domeinen of de items (<domein>_<n>) in", "scores"
        )
    for rij in typed.index[nothing & any_item]:
        found.fout(
            rij,
            None,
            None,
            "te weinig items beantwoord: een domeinscore vraagt minstens de helft van de items van dat domein",
            "scores",
        )


def _value_checks(table: Table, typed: pd.DataFrame, frame: pd.DataFrame, found: _Findings) -> None:
    schema = _value_schema(table)
    try:
        schema.validate(typed, lazy=True)
        return
    except pa.errors.SchemaErrors as e:
        cases = e.failure_cases
    seen = set()
    for case in cases.itertuples(index=False):
        rij = case.index
        if rij is None or pd.isna(rij):
            continue
        if case.schema_context == "Column":
            column = table.column(case.column)
            key = (rij, case.column)
            if key not in seen:
                seen.add(key)
                found.fout(
                    rij,
                    case.column,
                    frame.at[rij, case.column],
                    f"{cells.described(frame.at[rij, case.column])} ligt buiten het bereik; toegestaan: {_range_text(column)}",
                    "bereik",
                )
        else:
            rule = table.rules[int(str(case.check).removeprefix("regel"))]
            key = (rij, case.check)
            if key not in seen:
                seen.add(key)
                kolom, waarde, melding = _rule_problem(rule, typed.loc[rij], frame.loc[rij])
                found.fout(rij, kolom, waarde, melding, RULE_CODES[type(rule)])


def accepted_targets(table: Table, column: str, accepted: pd.DataFrame) -> dict[str, str]:
    """The values other tables may point at, by what makes them equal (an identifier ignores case and
    invisible spaces), each with the spelling of its accepted row."""
    values = accepted[column].dropna().astype(str)
    if table.column(column).identifier:
        return {identifier_key(v): v for v in reversed(values.tolist())}
    return {v: v for v in values.tolist()}


def refused_targets(table: Table, column: str, refused: pd.DataFrame) -> dict[str, int]:
    """The values of ``column`` in the refused rows of ``table`` (as the team typed them), with their row."""
    key = identifier_key if table.column(column).identifier else str
    found: dict[str, int] = {}
    # by position: a header given twice is two columns of that name (the one checked and one kept)
    for i, header in enumerate(refused.columns):
        if fold_name(header) == fold_name(column):
            for rij, v in refused.iloc[:, i].items():
                if not is_blank(v):
                    found.setdefault(key(v), int(rij))
    return found


def _references(table, typed, frame, found, accepted_keys, refused_keys) -> None:
    for ref in table.references:
        targets = accepted_keys.get((ref.table, ref.target))
        if targets is None:
            continue
        refused_rows = refused_keys.get((ref.table, ref.target), {})
        values = typed[ref.column]
        identifier = table.column(ref.column).identifier
        key = identifier_key if identifier else str
        if found.multi:
            # within each part, and only in parts whose proeftuin has the table pointed at
            part = found.part_of(values.index)
            checked = np.array([ref.table in found.parts[k].tables for k in part.tolist()], dtype=bool)
            lookup = _part_keys(values, part, key)
            spelled = pd.Series([None if t is None else targets.get(t) for t in lookup], index=values.index, dtype=object)
            missing = values.notna() & spelled.isna() & checked
        else:
            lookup = None
            spelled = pd.Series([None if pd.isna(v) else targets.get(key(v)) for v in values], index=values.index, dtype=object)
            missing = values.notna() & spelled.isna()
        similar = None
        for i in np.flatnonzero(missing.to_numpy()):
            rij = values.index[i]
            if rij in found.refused:
                continue
            target_row = refused_rows.get(key(values[rij]) if lookup is None else lookup[i])
            if target_row is not None:
                melding = (
                    f"'{values[rij]}' verwijst naar een geweigerde rij van {ref.table} (rij {target_row}); herstel eerst die rij"
                )
            else:
                if similar is None:  # built once, only when a reference fails
                    similar = _similar_targets(targets, refused_rows, found.multi)
                part = int(found.part_of(values.index[i : i + 1])[0]) if found.multi else None
                melding = _missing_reference(ref, values[rij], similar, part)
            found.fout(rij, ref.column, frame.at[rij, ref.column], melding, "verwijzing")
        if identifier:
            # `r-2017-001 ` points at R-2017-001: written as the other table has it, so tables join
            typed[ref.column] = spelled.where(spelled.notna(), values).astype("string")


def _similar_targets(targets: dict, refused_rows: dict, multi: bool) -> dict:
    """The values a reference may point at (accepted: their spelling; refused: their row), by what
    Excel makes of them (``excel.meanings``): `007` and `7`, `2019-01` and the date cell 1-1-2019
    are one. With several proeftuinen (``multi``) the keys are (part, value) and stay per part."""
    index: dict = {}
    for found, kind in ((refused_rows, "geweigerd"), (targets, "geaccepteerd")):  # accepted ones win
        for k, v in found.items():
            part, text = k if multi else (None, k)
            for meaning in meanings(text):
                index[(part, meaning)] = (kind, v)
    return index


def _missing_reference(ref, value: object, similar: dict, part: int | None) -> str:
    """Why a reference points at nothing: plainly, or, when the other table has what Excel makes of
    the same typed value (a date, a number without its leading zeros), that one of the two was converted."""
    for meaning in sorted(exact_meanings(value) or meanings(value), key=str):
        hit = similar.get((part, meaning))
        if hit is None:
            continue
        kind, where = hit
        if kind == "geweigerd":
            return (
                f"'{value}' komt niet voor in {ref.table}; waarschijnlijk is rij {where} daar bedoeld, waarin Excel "
                f"dezelfde waarde in een datum of getal heeft omgezet, en die rij is geweigerd: herstel eerst die rij"
            )
        return (
            f"'{value}' komt niet voor in {ref.table} (kolom {ref.target}, geaccepteerde rijen); daar staat wel "
            f"'{where}', en dat maakt Excel van hetzelfde (een datum of getal: 2019-01 wordt jan-19, voorloopnullen "
            f"vallen weg), dus een van beide is omgezet; {KEEP_AS_TEXT}"
        )
    return f"'{value}' komt niet voor in {ref.table} (kolom {ref.target}, geaccepteerde rijen)"


def _part_keys(values: pd.Series, part: np.ndarray, key) -> list[tuple[int, str] | None]:
    """(part, key) of each value, None for a missing one; the key worked out once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    keys = [key(v) for v in uniques.tolist()]
    return [None if c < 0 else (k, keys[c]) for k, c in zip(part.tolist(), codes.tolist(), strict=True)]


def _uniqueness(table, typed, frame, found) -> None:
    if not table.unique:
        return
    key = list(table.unique)
    ok = typed.loc[~typed.index.isin(sorted(found.refused)), key].copy()
    # an optional key column (the wijk of a budget line) left empty is a value of its own: one buurt
    for c in key:
        if not table.column(c).required and not table.column(c).from_row:
            ok[c] = ok[c].astype(object).where(ok[c].notna(), "")
    ok = ok.loc[ok.notna().all(axis=1)].copy()
    for c in key:
        if table.column(c).identifier:
            codes, uniques = pd.factorize(ok[c])  # the key worked out once per distinct value
            ok[c] = pd.Series([identifier_key(v) for v in uniques.tolist()], dtype=object).to_numpy()[codes]
    if found.multi:  # unique within each proeftuin
        ok["__deel"] = found.part_of(ok.index)
        key = [*key, "__deel"]
    again = ok.duplicated(keep="first")
    if not again.any():
        return
    firsts = ok.loc[~again].reset_index(names="eerste")
    repeats = ok.loc[again].reset_index(names="rij").merge(firsts, on=key, how="left", sort=False)
    for rij, first in zip(repeats["rij"].tolist(), repeats["eerste"].tolist(), strict=True):
        # the key as the file has it: an optional key column the file lacks (wijk) is not named
        named = [c for c in table.unique if c in frame.columns or table.column(c).required or table.column(c).from_row]
        shown = ", ".join(cells.cell_text(frame.at[rij, c]) if c in frame.columns else "" for c in named)
        found.fout(
            rij,
            ", ".join(named),
            shown,
            f"{shown} komt al voor in {found.where(first, rij)}; alleen die eerste rij telt",
            "dubbel",
        )
