"""A cache of validated tables, so a second report, the dashboard and a JupyterLab
session do not parse Excel again.

Each table is stored under the content hash of everything its validation
depends on: its own file (and sheet), proeftuin.yml, the package's source (every
module and data file, not a hand-kept list that misses one), and the keys of the
tables it refers to. Changing casussen therefore
invalidates casussen, metingen and kosten, and nothing else. Accepted rows are
Parquet; refused rows, problems and the row accounting are a small pickle
beside it (refused cells keep the mixed types they were read with).

Location: ``$LEERGESCHIEDENIS_CACHE`` or ``~/.cache/leergeschiedenis``; set
``LEERGESCHIEDENIS_CACHE=uit`` to switch it off. Old entries are never read
again once their inputs change; delete the folder to reclaim the space.
The entries hold the residents' data and the pickles are trusted when read: the
folder is created for this user only (0700), and must never be a shared folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd

from .contract import CONTRACT_VERSION, TABLES
from .read import Source
from .validate import TableResult
from .version import __version__

ENV = "LEERGESCHIEDENIS_CACHE"
OFF = {"uit", "0", "off", "false", "nee"}
PACKAGE_DIR = Path(__file__).resolve().parent
# every module, and package data the contract could be declared in; notebooks and templates only shape a report
SOURCE_SUFFIXES = (".py", ".yml")


def folder() -> Path | None:
    setting = os.environ.get(ENV, "")
    if setting.lower() in OFF:
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "leergeschiedenis"


def source_hash(package: Path = PACKAGE_DIR) -> str:
    """The package's source: any change to any module (or its name) gives another cache key."""
    digest = hashlib.sha256(f"{__version__}|{CONTRACT_VERSION}".encode())
    for path in sorted(p for p in package.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def _code_hash() -> str:
    return source_hash()


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_key(table: str, source: Source, config_hash: str, upstream: list[str]) -> str:
    parts = [
        table,
        _code_hash(),
        config_hash,
        file_hash(source.path),
        "|".join(s or "" for s in source.sheets),
        *sorted(upstream),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def get(key: str, table: str) -> TableResult | None:
    base = folder()
    if base is None:
        return None
    parquet, rest = base / f"{key}.parquet", base / f"{key}.pkl"
    if not (parquet.is_file() and rest.is_file()):
        return None
    try:
        accepted = _restore(pd.read_parquet(parquet), table)
        with rest.open("rb") as f:
            refused, problems, accounting = pickle.load(f)
    except Exception:  # a damaged entry is a miss, never an error
        return None
    return TableResult(table, accepted, refused, problems, accounting)


def put(key: str, result: TableResult) -> None:
    base = folder()
    if base is None:
        return
    try:
        # the entries hold the residents' data: only this user may list or read them
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        # write to temporary names, then rename: a reader never sees half an entry
        with tempfile.NamedTemporaryFile(dir=base, suffix=".tmp", delete=False) as f:
            result.accepted.to_parquet(f.name)
            tmp_parquet = Path(f.name)
        with tempfile.NamedTemporaryFile(dir=base, suffix=".tmp", delete=False) as f:
            pickle.dump((result.refused, result.problems, result.accounting), f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp_rest = Path(f.name)
        tmp_rest.replace(base / f"{key}.pkl")
        tmp_parquet.replace(base / f"{key}.parquet")
    except OSError:
        return  # a read-only or full disk only costs speed


def _restore(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Parquet keeps most types; dates come back in ms and lists as arrays."""
    for column in TABLES[table].columns:
        if column.name not in frame.columns:
            continue
        if column.kind == "date":
            frame[column.name] = frame[column.name].astype("datetime64[s]")
        elif column.kind == "list":
            frame[column.name] = frame[column.name].map(lambda v: [] if v is None else list(v))
        elif column.kind == "enum" and column.allowed:
            # Parquet keeps an empty categorical without its categories: the same type as validated
            values = frame[column.name].astype(object)
            frame[column.name] = pd.Categorical(values.where(values.notna(), None), categories=list(column.allowed))
    return frame
