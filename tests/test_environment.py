import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    declared = project["dependencies"] + project["optional-dependencies"]["dev"]
    assert [d for d in pip if d != "-e ."] == declared
    assert f"python{project['requires-python']}" in env["dependencies"]
