"""The layers contract of pyproject.toml (import-linter): data flows one way through the package."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter ontbreekt: make setup")


def _lint_imports(cwd: Path, lib: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(lib)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def _layers() -> list[set[str]]:
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]
    return [{m.strip() for m in layer.split(":")} for layer in contract["layers"]]


def test_the_package_keeps_its_layers():
    run = _lint_imports(ROOT, ROOT / "lib")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


def test_the_layers_are_the_designed_order():
    layers = _layers()
    assert layers[0] == {"cli"}
    order = ["report", "dashboard", "publish", "cases", "dataset", "names"]  # render/serve ... names/contract
    assert [next(i for i, layer in enumerate(layers) if m in layer) for m in order] == list(range(1, 7))
    assert {"read", "validate"} <= layers[5] and {"contract", "labels"} <= layers[6]


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("names", "from .dashboard import app", True),  # the bottom reaching for the presentation
        ("rendement", "from .publish import YearView", True),  # analytics reaching for the gated view
        ("cases", "from .read import locate", False),  # downward is allowed: the check is not just "any change fails"
    ],
)
def test_an_upward_import_breaks_the_contract(tmp_path, module, line, broken):
    """lint-imports on a copy of the package with one import added."""
    lib = tmp_path / "lib"
    shutil.copytree(ROOT / "lib" / "leergeschiedenis", lib / "leergeschiedenis", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    source = lib / "leergeschiedenis" / f"{module}.py"
    source.write_text(source.read_text() + f"\n{line}  # noqa\n")
    run = _lint_imports(tmp_path, lib)
    if not broken:
        assert run.returncode == 0, run.stdout + run.stderr
        return
    assert run.returncode == 1, run.stdout + run.stderr
    assert "BROKEN" in run.stdout
    target = line.split()[1].lstrip(".")
    assert f"leergeschiedenis.{module} -> leergeschiedenis.{target}" in run.stdout


def test_the_readme_names_every_module_in_its_layer():
    """The README's module map lists the modules layer by layer, in the contract's order."""
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("lib/leergeschiedenis/\n") : readme.index("notebooks/ ")]
    headings = [line for line in block.splitlines() if line.strip().startswith("#")]
    assert len(headings) == len(_layers())
    positions = []
    for layer in _layers():
        for module in layer:
            name = f"{module}/" if (ROOT / "lib" / "leergeschiedenis" / module).is_dir() else f"{module}.py"
            assert name in block, f"{name} ontbreekt in de modulekaart van de README"
            positions.append((block.index(name), module))
    order = [m for _, m in sorted(positions)]
    assert [next(i for i, layer in enumerate(_layers()) if m in layer) for m in order] == sorted(
        next(i for i, layer in enumerate(_layers()) if m in layer) for m in order
    )
