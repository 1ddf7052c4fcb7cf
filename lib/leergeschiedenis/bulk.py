"""Every proeftuin under a root validated at once: ``load_all(root)``.

``load(folder)`` judges one proeftuin's tables one by one; most of its cost is fixed per table
(building frames, pandera's schema, the checks' set-up), about 100 ms a proeftuin. Here each
table is judged once for all proeftuinen whose files have the same columns and headers: their
rows are put in one frame with the proeftuin as part of the row's index
(``validate.PART_OFFSET``), cells are parsed once per distinct text over all of them, and
references and uniqueness stay within each proeftuin. Every other file (a workbook, several
sheets, a column layout of its own) is judged alone, exactly as ``load`` does.

The result of each proeftuin equals ``load`` of its folder: the same accounting, problems (in
the same order) and tables; a proeftuin that cannot be read gets its ``OnleesbareData``, and
the others are judged all the same. The cache is not used: this is the fast path itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .config import Config, load_config
from .contract import ORDER, TABLES
from .dataset import (
    _REFERENCE_TARGETS,
    Dataset,
    _assemble,
    _discover_sources,
    _existing_folder,
    config_path,
    proeftuin_folders,
)
from .errors import OnleesbareData
from .problems import Problem
from .read import RawTable, Source, read_table_fast
from .validate import PART_OFFSET, Part, TableResult, accepted_targets, refused_targets, validate_parts, validate_table


class _Proeftuin:
    """One folder on its way: config, sources, and the results of the tables judged so far."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.config: Config | None = None
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.results: dict[str, TableResult] = {}
        self.accepted_keys: dict[tuple[str, str], dict[str, str]] = {}
        self.refused_keys: dict[tuple[str, str], dict[str, int]] = {}
        self.error: OnleesbareData | None = None


def load_all(root: str | Path, folders: Iterable[Path] | None = None) -> dict[str, Dataset | OnleesbareData]:
    """Each proeftuin folder under ``root`` (or ``folders``) by its folder name: its Dataset, or the
    ``OnleesbareData`` that ``load`` would raise for it."""
    folders = proeftuin_folders(Path(root)) if folders is None else list(folders)
    tuinen = [_start(Path(f)) for f in folders]
    for name in ORDER:
        _judge_table(name, tuinen)
    out: dict[str, Dataset | OnleesbareData] = {}
    for t in tuinen:
        if t.error is not None:
            out[t.folder.name] = t.error
            continue
        problems = list(t.problems)
        for result in t.results.values():
            problems.extend(result.problems)
        out[t.folder.name] = _assemble(t.folder, t.config, t.sources, t.results, problems)
    return out


def _start(folder: Path) -> _Proeftuin:
    """Config and sources, as ``load`` finds them (and fails on them) before reading any table."""
    t = _Proeftuin(folder)
    try:
        folder = _existing_folder(folder)
        t.config, t.problems = load_config(config_path(folder))
        t.sources, notices = _discover_sources(folder, None)
        t.problems.extend(notices)
    except OnleesbareData as e:
        t.error = e
    return t


def _judge_table(name: str, tuinen: list[_Proeftuin]) -> None:
    """Table ``name`` of every proeftuin that has it: read, grouped by column layout, judged."""
    raws: dict[int, RawTable] = {}
    for k, t in enumerate(tuinen):
        if t.error is not None or name not in t.sources:
            continue
        try:
            raws[k] = read_table_fast(name, t.sources[name])
        except OnleesbareData as e:
            t.error = e
    groups: dict[object, list[int]] = {}
    for k, raw in raws.items():
        groups.setdefault(_layout(raw, k), []).append(k)
    table = TABLES[name]
    for ks in groups.values():
        if len(ks) == 1:
            k = ks[0]
            t = tuinen[k]
            results = {k: validate_table(raws[k], table, t.config, t.accepted_keys, t.refused_keys)}
        else:
            results = _judge_together(name, ks, raws, tuinen)
        for k, result in results.items():
            _keep(tuinen[k], name, result)


def _layout(raw: RawTable, k: int) -> object:
    """What files must share to be judged together: a plain CSV (one sheet) with the same columns
    and headers. Anything else is judged alone."""
    if not raw.plain_text or raw.source.more_sheets:
        return ("alleen", k)
    return (tuple(raw.cells.columns), tuple(raw.headers.items()), raw.header_row)


def _judge_together(name: str, ks: list[int], raws: dict[int, RawTable], tuinen: list[_Proeftuin]) -> dict[int, TableResult]:
    frames, overflow, bad_text, parts = [], {}, {}, {}
    for k in ks:
        raw, t = raws[k], tuinen[k]
        offset = k * PART_OFFSET
        frames.append(raw.cells.set_axis(raw.cells.index + offset, axis=0))
        overflow.update({rij + offset: v for rij, v in raw.overflow.items()})
        bad_text.update({rij + offset: v for rij, v in raw.bad_text.items()})
        parts[k] = Part(raw.source, t.config, list(raw.problems), frozenset(t.results))
    cells = pd.concat(frames, axis=0)
    cells.index.name = "rij"
    first = raws[ks[0]]
    together = RawTable(name, first.source, cells, first.headers, [], overflow, first.header_row, bad_text, first.repeats)
    accepted_keys: dict[tuple[str, str], dict[tuple[int, str], str]] = {}
    refused_keys: dict[tuple[str, str], dict[tuple[int, str], int]] = {}
    for ref in TABLES[name].references:
        target = (ref.table, ref.target)
        accepted_keys[target] = {(k, v): s for k in ks for v, s in tuinen[k].accepted_keys.get(target, {}).items()}
        refused_keys[target] = {(k, v): r for k in ks for v, r in tuinen[k].refused_keys.get(target, {}).items()}
    return validate_parts(together, TABLES[name], parts, accepted_keys, refused_keys)


def _keep(t: _Proeftuin, name: str, result: TableResult) -> None:
    t.results[name] = result
    for column in _REFERENCE_TARGETS.get(name, ()):
        t.accepted_keys[(name, column)] = accepted_targets(TABLES[name], column, result.accepted)
        t.refused_keys[(name, column)] = refused_targets(TABLES[name], column, result.refused)
