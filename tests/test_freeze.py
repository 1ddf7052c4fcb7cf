"""The freeze hash: a report is made again when its data, its notebook or the library's content changes."""

import os
from pathlib import Path

from leergeschiedenis import report
from leergeschiedenis.version import source_digest

DATA = Path(__file__).parent / "data"


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "pakket"
    (package / "templates").mkdir(parents=True)
    (package / "notebooks").mkdir()
    (package / "__pycache__").mkdir()
    (package / "a.py").write_text("x = 1\n")
    (package / "templates" / "index.html.j2").write_text("{{ body }}")
    (package / "notebooks" / "verslag.ipynb").write_text("{}")
    return package


def test_the_source_digest_follows_the_content_of_source_templates_and_notebooks(tmp_path):
    package = _package(tmp_path)
    first = source_digest(package)
    assert source_digest(package) == first
    (package / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")  # compiled files are not source
    assert source_digest(package) == first
    seen = {first}
    for name, text in (("a.py", "x = 2\n"), ("templates/index.html.j2", "{{ body }}!"), ("notebooks/verslag.ipynb", "{ }")):
        path = package / name
        stat = path.stat()
        path.write_text(text)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        seen.add(source_digest(package))
    (package / "b.py").write_text("")
    seen.add(source_digest(package))
    assert len(seen) == 5


def test_the_same_content_under_another_version_of_the_file_gives_the_same_digest(tmp_path):
    package = _package(tmp_path)
    first = source_digest(package)
    (package / "a.py").write_text("x = 1\n")  # rewritten, same content: a new mtime, the same digest
    os.utime(package / "a.py", ns=(0, 10**18))
    assert source_digest(package) == first


def test_the_report_hash_keys_on_the_library(monkeypatch):
    before = report.input_hash(DATA / "analyse", 2017, False, None)
    assert report.input_hash(DATA / "analyse", 2017, False, None) == before
    monkeypatch.setattr(report, "source_digest", lambda: "een bewerkte bibliotheek")
    assert report.input_hash(DATA / "analyse", 2017, False, None) != before
