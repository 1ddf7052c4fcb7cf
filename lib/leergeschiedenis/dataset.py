"""``load(folder) -> Dataset``: the validated tables of one proeftuin, its config and its problem report."""

from __future__ import annotations

import datetime as dt
import functools
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pandas as pd

from . import cache
from .config import Config, load_config
from .contract import ORDER, TABLES, Table
from .errors import JaarZonderGegevens, OnbekendeKolom, OnleesbareData
from .problems import Accounting, Problem
from .read import Source, find_sources, instead_of, read_table
from .validate import TableResult, accepted_targets, empty_column, refused_targets, validate_table

CONFIG_NAMES = ("proeftuin.yml", "proeftuin.yaml")


def config_path(folder: Path) -> Path:
    """The folder's proeftuin.yml (or .yaml); the .yml name when there is neither."""
    return next((folder / n for n in CONFIG_NAMES if (folder / n).is_file()), folder / CONFIG_NAMES[0])


def proeftuin_folders(root: Path) -> list[Path]:
    """The proeftuin folders directly under ``root``: those with a proeftuin.yml."""
    return sorted(p for p in root.iterdir() if p.is_dir() and config_path(p).is_file())


SHARED_PRICE_LIST = "prijslijst"


class Tabel(pd.DataFrame):
    """A table of a Dataset (``d.casussen``): a DataFrame whose unknown column is an ``OnbekendeKolom``
    naming the nearest column and the ones there are (a KeyError still). What is derived from it
    (a selection, a copy) is a plain DataFrame again."""

    _metadata: ClassVar[list[str]] = ["tabel"]

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError as e:
            if isinstance(key, str) and key not in self.columns:
                raise OnbekendeKolom(_unknown_column(getattr(self, "tabel", "de tabel"), key, self.columns)) from e
            raise


def _unknown_column(table: str, key: str, columns: pd.Index) -> str:
    from rapidfuzz import process

    names = [str(c) for c in columns]
    nearest = process.extractOne(key, names, score_cutoff=60)
    hint = f" Bedoel je '{nearest[0]}'?" if nearest else ""
    return f"De tabel {table} heeft geen kolom '{key}'.{hint} Kolommen: {', '.join(names) or '(geen)'}."


def _tabel(name: str, frame: pd.DataFrame) -> Tabel:
    table = Tabel(frame)
    table.tabel = name
    return table


@dataclass
class Dataset:
    """Accepted rows per table (typed), refused rows with reasons, and the row accounting.

    Every contract table is present in ``tables``; a table without a file is
    empty and has no entry in ``accounting``.
    """

    folder: Path
    config: Config
    tables: dict[str, pd.DataFrame]
    refused: dict[str, pd.DataFrame]
    accounting: dict[str, Accounting]
    problems: list[Problem]
    sources: dict[str, Source] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        """Tab completion in JupyterLab lists the tables too (``d.casussen``)."""
        return sorted({*super().__dir__(), *self.__dict__.get("tables", {})})

    @property
    def naam(self) -> str:
        return self.config.naam

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.ernst == "fout"]

    @property
    def n_refused(self) -> int:
        return sum(a.geweigerd for a in self.accounting.values())

    def summary(self) -> pd.DataFrame:
        """Rows read, accepted and refused per table, with the file each came from."""
        rows = [
            {
                "tabel": t,
                "bestand": _where(self.sources[t]),
                **self.accounting[t].as_dict(),
            }
            for t in ORDER
            if t in self.accounting
        ]
        return pd.DataFrame(rows, columns=["tabel", "bestand", "gelezen", "geaccepteerd", "geweigerd"]).set_index("tabel")

    def problem_table(self) -> pd.DataFrame:
        return pd.DataFrame([p.as_dict() for p in self.problems], columns=list(Problem.__dataclass_fields__))

    def as_check_json(self) -> dict:
        """The JSON of ``leergeschiedenis check --json``."""
        return {
            "tabellen": {t: self.accounting[t].as_dict() for t in ORDER if t in self.accounting},
            "problemen": [p.as_dict() for p in self.problems],
        }

    def _repr_html_(self) -> str:
        head = f"<h4>{html.escape(self.naam)} <small>({html.escape(str(self.folder))})</small></h4>"
        summary = self.summary().to_html()
        n_fout, n_melding = len(self.errors), len(self.problems) - len(self.errors)
        problems = (
            f"<p>{n_fout} {'fout' if n_fout == 1 else 'fouten'}, {n_melding} {'melding' if n_melding == 1 else 'meldingen'}.</p>"
        )
        if self.problems:
            problems += self.problem_table().head(20).to_html(index=False, na_rep="")
            if len(self.problems) > 20:
                problems += f"<p>… en nog {len(self.problems) - 20}; zie <code>.problem_table()</code>.</p>"
        return head + summary + problems

    def __repr__(self) -> str:
        counts = ", ".join(f"{t}: {a.geaccepteerd}/{a.gelezen}" for t, a in self.accounting.items())
        return f"<Dataset {self.naam!r} {counts}>"


_REFERENCE_TARGETS: dict[str, set[str]] = {}
for _t in TABLES.values():
    for _ref in _t.references:
        _REFERENCE_TARGETS.setdefault(_ref.table, set()).add(_ref.target)


def _where(source: Source) -> str:
    return source.bestand + (f" [{', '.join(source.sheets)}]" if source.sheet else "")


def _find_shared_price_list(folder: Path) -> Path | None:
    """A shared ``prijslijst/`` folder beside or above the proeftuin folder (e.g. data/prijslijst)."""
    for parent in list(folder.resolve().parents)[:3]:
        candidate = parent / SHARED_PRICE_LIST
        if candidate.is_dir():
            return candidate
    return None


def load(folder: str | Path, prijslijst: str | Path | None = None) -> Dataset:
    """Read and validate one proeftuin folder. Raises ``OnleesbareData`` when nothing sensible can be read."""
    folder = _existing_folder(Path(folder))
    config_file = config_path(folder)
    config, problems = load_config(config_file)
    sources, notices = _discover_sources(folder, prijslijst)
    problems.extend(notices)
    results = _validate_in_order(sources, config, cache.file_hash(config_file))
    for result in results.values():
        problems.extend(result.problems)
    return _assemble(folder, config, sources, results, problems)


def _existing_folder(folder: Path) -> Path:
    """A relative folder that is not there says where it was looked for from."""
    if not folder.is_dir():
        where = "" if folder.is_absolute() else f" (gezocht vanuit {Path.cwd()})"
        raise OnleesbareData(f"De map {folder} bestaat niet{where}: geef de map van een proeftuin (met proeftuin.yml).")
    return folder


def _discover_sources(folder: Path, prijslijst: str | Path | None) -> tuple[dict[str, Source], list[Problem]]:
    """The source of each table in ``folder`` (the price list possibly from a shared folder), with a
    notice for every file that is not read; refused when a required table or the price list is missing."""
    sources, notices = find_sources(folder)
    shared_notices: list[Problem] = []
    shared = None
    if "prijslijst" not in sources:
        shared = Path(prijslijst) if prijslijst else _find_shared_price_list(folder)
        if shared is not None and shared.is_dir():
            shared_sources, shared_notices = find_sources(shared)
            if "prijslijst" in shared_sources:
                sources["prijslijst"] = shared_sources["prijslijst"]
    for name, table in TABLES.items():
        if table.required and name not in sources:
            raise OnleesbareData(
                f"Het verplichte bestand '{name}' (.csv of .xlsx) ontbreekt in {folder}" + _instead(folder, name, notices)
            )
    if "kosten" in sources and "prijslijst" not in sources:
        instead = _instead(folder, "prijslijst", notices)
        if not instead and shared is not None and shared.is_dir():
            instead = _instead(shared, "prijslijst", shared_notices)
        raise OnleesbareData(
            f"Er is een bestand 'kosten' maar geen 'prijslijst' in {folder} "
            "of in een gedeelde map prijslijst/ erboven: voeg de prijslijst toe" + instead
        )
    return sources, notices


def _instead(folder: Path, table: str, notices: list[Problem]) -> str:
    """The end of the line for a missing table: '.', or what is there instead (``read.instead_of``)."""
    found = instead_of(folder, table, notices)
    return "; " + "; ".join(found) + "." if found else "."


def _validate_in_order(sources: dict[str, Source], config: Config, config_hash: str) -> dict[str, TableResult]:
    """Each table validated in ``ORDER``, so a reference is checked against the accepted (and
    refused) rows of the table it points at; a table's cache key includes those of its targets."""
    results: dict[str, TableResult] = {}
    accepted_keys: dict[tuple[str, str], dict[str, str]] = {}
    refused_keys: dict[tuple[str, str], dict[str, int]] = {}
    keys: dict[str, str] = {}
    for name in ORDER:
        if name not in sources:
            continue
        upstream = [keys[ref.table] for ref in TABLES[name].references if ref.table in keys]
        keys[name] = cache.table_key(name, sources[name], config_hash, upstream)
        result = _validated(name, sources[name], config, keys[name], accepted_keys, refused_keys)
        results[name] = result
        for column in _REFERENCE_TARGETS.get(name, ()):
            accepted_keys[(name, column)] = accepted_targets(TABLES[name], column, result.accepted)
            refused_keys[(name, column)] = refused_targets(TABLES[name], column, result.refused)
    return results


def _validated(
    name: str,
    source: Source,
    config: Config,
    key: str,
    accepted_keys: dict[tuple[str, str], dict[str, str]],
    refused_keys: dict[tuple[str, str], dict[str, int]],
) -> TableResult:
    """One table from the cache, else read from its file, validated and cached."""
    result = cache.get(key, name)
    if result is None:
        result = validate_table(read_table(name, source), TABLES[name], config, accepted_keys, refused_keys)
        cache.put(key, result)
    return result


def _assemble(
    folder: Path, config: Config, sources: dict[str, Source], results: dict[str, TableResult], problems: list[Problem]
) -> Dataset:
    """The Dataset, with every contract table present: one without a file is empty, with its columns typed."""
    tables = {
        name: _tabel(name, results[name].accepted if name in results else _empty_table(table)) for name, table in TABLES.items()
    }
    return Dataset(
        folder=folder,
        config=config,
        tables=tables,
        refused={n: r.refused for n, r in results.items()},
        accounting={n: r.accounting for n, r in results.items()},
        problems=problems,
        sources=sources,
    )


def _empty_table(table: Table) -> pd.DataFrame:
    return _empty_template(table.name).copy()


@functools.cache
def _empty_template(name: str) -> pd.DataFrame:
    """Built once per table: typing empty columns is slow enough to show when loading 500 proeftuinen."""
    empty = pd.Index([], name="rij", dtype="int64")
    return pd.DataFrame({c.name: empty_column(c, empty) for c in TABLES[name].columns}, index=empty)


DATED = (
    ("casussen", "aanmelddatum"),
    ("bijeenkomsten", "datum"),
    ("reflectiekaarten", "datum"),
    ("spinnenweb", "datum"),
)


def dataset_years(d: Dataset) -> list[int]:
    """Years with any dated registration: cases, sessions, cards or spinnenweb."""
    years: set[int] = set()
    for table, column in DATED:
        years |= {int(y) for y in d.tables[table][column].dt.year.dropna().unique()}
    return sorted(years)


def _dutch_list(items: list) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def year_with_data(d: Dataset, jaar: int) -> int:
    """``jaar`` when the proeftuin has registrations dated in it (``dataset_years``); a
    ``JaarZonderGegevens`` naming the years that do, when not."""
    years = dataset_years(d)
    if int(jaar) in years:
        return int(jaar)
    if not years:
        raise JaarZonderGegevens(
            f"{d.naam} heeft nog geen gegevens met een datum (casussen, bijeenkomsten, reflectiekaarten of "
            f"spinnenweb): over {jaar} valt niets te zeggen."
        )
    raise JaarZonderGegevens(f"{d.naam} heeft geen gegevens over {jaar}: er zijn gegevens over {_dutch_list(years)}.")


def first_registration(d: Dataset) -> dt.date | None:
    """The first day anything was registered (a case, a session, a card, a spinnenweb): where the
    proeftuin's period starts when proeftuin.yml does not say."""
    firsts = [d.tables[t][c].dropna().min() for t, c in DATED if d.tables[t][c].notna().any()]
    return min(firsts).date() if firsts else None
