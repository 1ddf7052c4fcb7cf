"""Validated tables come from the cache when nothing they depend on changed, and only then."""

import shutil
from pathlib import Path

import pytest

import leergeschiedenis as lg
from leergeschiedenis import cache, dataset

DATA = Path(__file__).parent / "data"


@pytest.fixture
def reads(monkeypatch, tmp_path):
    """A fresh cache, and a record of which tables were really read from their files."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    seen: list[str] = []
    real = dataset.read_table

    def counting(name, source):
        seen.append(name)
        return real(name, source)

    monkeypatch.setattr(dataset, "read_table", counting)
    return seen


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "analyse"
    shutil.copytree(DATA / "analyse", copy)
    return copy


ALL = ["prijslijst", "casussen", "metingen", "kosten", "bijeenkomsten", "reflectiekaarten", "spinnenweb"]


def test_second_load_reads_no_file_and_gives_the_same_dataset(reads, folder):
    first = lg.load(folder)
    assert reads == ALL
    reads.clear()
    second = lg.load(folder)
    assert reads == []
    for name in first.tables:
        assert first.tables[name].equals(second.tables[name]), name
        assert list(first.tables[name].dtypes) == list(second.tables[name].dtypes), name
    assert second.casussen.loc[2, "levensdomeinen"] == ["wonen", "financien"]
    assert first.problems == second.problems and first.accounting == second.accounting
    assert first.refused["kosten"].equals(second.refused["kosten"])


def test_changing_casussen_invalidates_exactly_what_refers_to_it(reads, folder):
    lg.load(folder)
    reads.clear()
    path = folder / "casussen.csv"
    path.write_text(path.read_text().replace("B5;individueel;GGZ", "B5;individueel;GGD"))
    lg.load(folder)
    assert reads == ["casussen", "metingen", "kosten"]


def test_changing_proeftuin_yml_invalidates_everything(reads, folder):
    lg.load(folder)
    reads.clear()
    config = folder / "proeftuin.yml"
    config.write_text(config.read_text().replace("min_groepsgrootte: 3", "min_groepsgrootte: 4"))
    lg.load(folder)
    assert reads == ALL


def test_switched_off(reads, folder, monkeypatch):
    monkeypatch.setenv(cache.ENV, "uit")
    lg.load(folder)
    lg.load(folder)
    assert reads == ALL + ALL


def test_a_damaged_entry_is_a_miss(reads, folder, tmp_path):
    lg.load(folder)
    for entry in (tmp_path / "cache").glob("*.parquet"):
        entry.write_bytes(b"kapot")
    reads.clear()
    d = lg.load(folder)
    assert reads == ALL and d.accounting["casussen"].geaccepteerd == 7


def test_only_this_user_can_read_the_cached_data(reads, folder, tmp_path):
    lg.load(folder)
    base = tmp_path / "cache"
    entries = list(base.iterdir())
    assert len(entries) == 2 * len(ALL)  # a Parquet file and a pickle per table
    assert base.stat().st_mode & 0o777 == 0o700
    assert all(entry.stat().st_mode & 0o077 == 0 for entry in entries)


def test_the_tests_never_use_a_developers_cache():
    """conftest.py overrides LEERGESCHIEDENIS_CACHE, also when a developer set it."""
    assert cache.folder().name.startswith("lg-cache-tests-")


def test_the_key_changes_with_any_module_of_the_package(tmp_path):
    """Not a hand-kept list of files (it missed problems.py): every module counts."""
    package = tmp_path / "leergeschiedenis"
    shutil.copytree(cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    modules = sorted(package.rglob("*.py"))
    assert package / "problems.py" in modules and len(modules) > 30
    before = cache.source_hash(package)
    assert before == cache.source_hash(cache.PACKAGE_DIR)
    for module in modules:
        original = module.read_bytes()
        module.write_bytes(original + b"\n")
        assert cache.source_hash(package) != before, module.name
        module.write_bytes(original)
    assert cache.source_hash(package) == before
    (package / "regels.yml").write_text("min_groepsgrootte: 5\n")
    assert cache.source_hash(package) != before
