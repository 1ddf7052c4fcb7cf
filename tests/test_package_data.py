"""A plain, non-editable `pip install .` (what a Dask worker has) renders a report and serves
the dashboard: the notebooks and templates ship inside the package."""

import json
import os
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from .conftest import SAMPLE, dashboard_server

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "lib" / "leergeschiedenis"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel of a copy of the source, unpacked: a folder that, first on PYTHONPATH, wins over the editable install."""
    tmp = tmp_path_factory.mktemp("installatie")
    source = tmp / "bron"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(PACKAGE, source / "lib" / "leergeschiedenis", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp / "dist").glob("leergeschiedenis-*.whl")
    site = tmp / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def _env(site: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(site)}


def test_the_wheel_holds_the_notebooks_templates_and_py_typed(installed):
    shipped = {p.relative_to(installed / "leergeschiedenis").as_posix() for p in (installed / "leergeschiedenis").rglob("*")}
    assert {"py.typed", "notebooks/leergeschiedenis.ipynb", "notebooks/dashboard.ipynb"} <= shipped
    templates = {p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "templates").rglob("*") if p.is_file()}
    assert templates and templates <= shipped


def test_the_installed_copy_is_the_one_imported(installed, tmp_path):
    where = subprocess.run(
        [sys.executable, "-c", "import leergeschiedenis.report as r; print(r.__file__); print(r.NOTEBOOK)"],
        env=_env(installed),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in where), where


def test_renders_a_report(installed, tmp_path):
    out = tmp_path / "verslagen"
    command = [
        sys.executable,
        "-m",
        "leergeschiedenis.cli",
        "report",
        str(SAMPLE / "ruwaard"),
        "--year",
        "2017",
        "--out",
        str(out),
    ]
    done = subprocess.run(command, env=_env(installed), cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    folder = out / "proeftuin-ruwaard" / "2017"
    html = (folder / "leergeschiedenis-2017.html").read_text(encoding="utf-8")
    assert 'content="leergeschiedenis"' in html  # the package's own template
    assert "Traceback" not in html
    executed = json.loads((folder / "leergeschiedenis-2017.ipynb").read_text(encoding="utf-8"))
    assert executed["metadata"]["papermill"]["input_path"] == str(
        installed / "leergeschiedenis" / "notebooks" / "leergeschiedenis.ipynb"
    )


def test_serves_the_dashboard(installed, tmp_path):
    with dashboard_server(SAMPLE, env=_env(installed), cwd=tmp_path) as url, urllib.request.urlopen(url, timeout=120) as page:
        assert page.status == 200
        body = page.read().decode("utf-8")
    assert "application/vnd.jupyter.widget-view+json" in body  # app() ran and returned its widget


def test_the_installed_dashboard_asks_for_a_data_root(installed, tmp_path):
    """There is no sample in the package: no default, one Dutch line, exit 2."""
    done = subprocess.run(
        [sys.executable, "-m", "leergeschiedenis.cli", "dashboard"],
        env=_env(installed),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "leergeschiedenis sample MAP" in done.stderr and "Traceback" not in done.stderr
