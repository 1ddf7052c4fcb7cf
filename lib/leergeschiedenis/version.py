"""The package version, and the digest of its source: the cache and the report freeze hash key on them
(kept apart so no layer imports the package root)."""

from __future__ import annotations

import hashlib
from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent

_SOURCE: dict[tuple, str] = {}


def _source_files(package: Path) -> list[Path]:
    return sorted(
        p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )


def source_digest(package: Path = PACKAGE_DIR) -> str:
    """The content of every file of the package (modules, notebooks, templates, data): an edited library
    gives another digest. Cheap when nothing changed: the files are read again only when a file's
    name, size or modification time differs from the last call in this process."""
    files = _source_files(package)
    stats = tuple((p.relative_to(package).as_posix(), st.st_size, st.st_mtime_ns) for p in files for st in [p.stat()])
    key = (str(package), stats)
    if key not in _SOURCE:
        digest = hashlib.sha256(__version__.encode())
        for path in files:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        _SOURCE.clear()
        _SOURCE[key] = digest.hexdigest()
    return _SOURCE[key]
