"""Every notebook runs on fixture data, and is committed without outputs.

The report and the dashboard notebook are package data (``lib/leergeschiedenis/notebooks/``);
``notebooks/`` holds only the exploration notebook for JupyterLab."""

import json
from pathlib import Path

import papermill as pm
import pytest

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
PACKAGE_NOTEBOOKS = ROOT / "lib" / "leergeschiedenis" / "notebooks"
NOTEBOOKS = sorted([*(ROOT / "notebooks").glob("*.ipynb"), *PACKAGE_NOTEBOOKS.glob("*.ipynb")])


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    assert not any(c.get("outputs") or c.get("execution_count") for c in cells if c["cell_type"] == "code")


@pytest.mark.slow
def test_exploration_notebook_runs_on_fixture_data(tmp_path):
    pm.execute_notebook(
        str(ROOT / "notebooks" / "verkennen.ipynb"),
        str(tmp_path / "verkennen.ipynb"),
        parameters={"map_proeftuin": str(DATA / "analyse"), "jaar": 2017, "problemen_werkmap": str(tmp_path / "p.xlsx")},
        cwd=str(ROOT / "notebooks"),
        progress_bar=False,
        kernel_name="python3",
    )


def test_dashboard_notebook_is_one_call_into_the_library():
    cells = json.loads((PACKAGE_NOTEBOOKS / "dashboard.ipynb").read_text())["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert code == ["from leergeschiedenis.dashboard import app\n\napp()"]


def test_the_package_runs_its_own_notebooks():
    from leergeschiedenis import report, server

    assert report.NOTEBOOK == PACKAGE_NOTEBOOKS / "leergeschiedenis.ipynb"
    assert server.DASHBOARD == PACKAGE_NOTEBOOKS / "dashboard.ipynb"
    assert {p.name for p in NOTEBOOKS} == {"leergeschiedenis.ipynb", "dashboard.ipynb", "verkennen.ipynb"}  # one copy each


def test_the_report_notebook_defaults_to_the_sample_of_the_checkout():
    """Opened in JupyterLab from the source checkout, the report notebook runs as it is."""
    cells = json.loads((PACKAGE_NOTEBOOKS / "leergeschiedenis.ipynb").read_text())["cells"]
    parameters = next(c for c in cells if "parameters" in c["metadata"].get("tags", []))
    namespace: dict = {}
    exec("".join(parameters["source"]), namespace)
    assert (PACKAGE_NOTEBOOKS / namespace["data_dir"] / "proeftuin.yml").is_file()
