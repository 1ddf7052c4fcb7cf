"""The warm papermill engine: many reports in one kernel, each as if the kernel were new."""

import os
import re
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from leergeschiedenis import engine, version
from leergeschiedenis.engine import WarmKernel, register
from leergeschiedenis.report import render

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.slow


def _notebook(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def _run(warm: WarmKernel, notebook: Path, out: Path, **parameters) -> nbformat.NotebookNode:
    return pm.execute_notebook(
        str(notebook),
        str(out),
        parameters=parameters,
        engine_name=register(),
        kernel_name="python3",
        progress_bar=False,
        warm=warm,
        kernel_cwd=str(notebook.parent),
    )


def _outputs(nb) -> list:
    return [(c.execution_count, [o.get("text") or o.get("data") for o in c.outputs]) for c in nb.cells if c.cell_type == "code"]


@pytest.fixture
def warm():
    kernel = WarmKernel()
    yield kernel
    kernel.close()


def test_a_second_report_in_the_same_kernel_equals_a_cold_one(tmp_path, warm):
    cold = render(DATA / "analyse", 2017, tmp_path / "koud")
    render(DATA / "analyse", 2016, tmp_path / "warm", warm=warm)  # the kernel's first report
    second = render(DATA / "analyse", 2017, tmp_path / "warm", warm=warm)
    assert warm.runs == 2
    assert (second.folder / "kerncijfers.json").read_bytes() == (cold.folder / "kerncijfers.json").read_bytes()

    def page(r):  # papermill gives its injected parameters cell a random id, cold or warm
        return re.sub(r'id="cell-id=[0-9a-f]+"', "", r.html.read_text(encoding="utf-8"))

    assert page(second) == page(cold)
    notebooks = [nbformat.read(r.folder / "leergeschiedenis-2017.ipynb", as_version=4) for r in (cold, second)]
    assert _outputs(notebooks[1]) == _outputs(notebooks[0])  # execution counts start at 1 again


def test_nothing_of_one_notebook_reaches_the_next(tmp_path, warm):
    first = _notebook(
        tmp_path / "een.ipynb",
        "x = 1",
        "import os, warnings\nlek = x\nos.chdir('/')\nwarnings.warn('eenmaal', UserWarning)",
    )
    second = _notebook(
        tmp_path / "twee.ipynb",
        "x = 2",
        "import os, warnings\nprint(sorted(k for k in ('lek', 'os', 'warnings', 'Verslag') if k in globals()), os.getcwd(), x)",
        "warnings.warn('eenmaal', UserWarning)",
    )
    _run(warm, first, tmp_path / "een-uit.ipynb", x=10)
    nb = _run(warm, second, tmp_path / "twee-uit.ipynb", x=3)
    assert nb.cells[2].outputs[0]["text"] == f"['os', 'warnings'] {tmp_path} 3\n"
    assert nb.cells[2].execution_count == 3  # 1 parameters, 2 injected, 3: counted from 1 again
    assert any("eenmaal" in o.get("text", "") for o in nb.cells[3].outputs)  # a warning shown "once" shows again


def test_a_dead_kernel_is_replaced_and_a_changed_library_restarts_it(tmp_path, warm, monkeypatch):
    nb = _notebook(tmp_path / "pid.ipynb", "x = 0", "import os\nprint(os.getpid())")
    pid = _run(warm, nb, tmp_path / "uit.ipynb").cells[1].outputs[0]["text"]
    assert _run(warm, nb, tmp_path / "uit.ipynb").cells[1].outputs[0]["text"] == pid  # kept

    warm.km.provisioner.process.kill()
    warm.km.provisioner.process.wait()
    after_death = _run(warm, nb, tmp_path / "uit.ipynb").cells[1].outputs[0]["text"]
    assert after_death != pid

    monkeypatch.setattr(version, "source_digest", lambda: "een andere bron")
    assert _run(warm, nb, tmp_path / "uit.ipynb").cells[1].outputs[0]["text"] != after_death


def test_kernels_are_stopped_when_closed(tmp_path):
    kernel = WarmKernel()
    _run(kernel, _notebook(tmp_path / "a.ipynb", "x = 0"), tmp_path / "a-uit.ipynb")
    process = kernel.km.provisioner.process
    assert kernel in engine._ALL
    kernel.close()
    assert process.wait(timeout=10) is not None and kernel.km is None
    assert os.getpid() == kernel.pid


def test_a_notebook_of_ones_own_that_does_not_write_the_key_figures_still_gets_them(tmp_path, warm):
    """--notebook: a variant without kerncijfers_pad; the figures are then computed beside it, the same."""
    from leergeschiedenis import load
    from leergeschiedenis.key_figures import kerncijfers, write_kerncijfers

    own = _notebook(tmp_path / "eigen.ipynb", "data_dir = ''\njaar = 0\npubliceren = False", "print(jaar)")
    result = render(DATA / "analyse", 2017, tmp_path / "uit", notebook=own, warm=warm)
    expected = write_kerncijfers(kerncijfers(load(DATA / "analyse"), 2017), tmp_path / "verwacht.json")
    assert (result.folder / "kerncijfers.json").read_bytes() == expected.read_bytes()
    assert result.html.is_file()
