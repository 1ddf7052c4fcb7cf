"""Every notebook runs on fixture data, and is committed without outputs."""

import json
from pathlib import Path

import papermill as pm
import pytest

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


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
    cells = json.loads((ROOT / "notebooks" / "dashboard.ipynb").read_text())["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert code == ["from leergeschiedenis.dashboard import app\n\napp()"]
