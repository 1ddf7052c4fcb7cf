"""Mutation testing of one module at a time against that module's own tests (``make mutate``).

mutmut 3 mutates every function of the files it is given and runs, for each
mutant, the selected tests that call the function. Two things it does not do
on its own, and this script adds:

- Per-module test selection. mutmut reads one ``[tool.mutmut]`` section, so
  this script gives every module a scratch project ``.mutmut/<module>/`` with
  its own ``pyproject.toml``: only ``lib/leergeschiedenis/<module>.py`` is
  mutated and only the module's own tests (``TESTS`` below) run. A mutant that
  only another module's tests would notice counts as surviving.
- The ``lib/`` layout. mutmut puts ``mutants/``, ``mutants/src`` and
  ``mutants/source`` on ``sys.path`` and names mutants after their path minus
  ``src/``; the scratch project reaches ``lib/`` through a symlink named
  ``src``, so the tests import the mutated copy (and never the editable
  install, whose path mutmut removes from ``sys.path``).

Mutants judged equivalent (no test can tell them apart from the original) are
listed in ``tests/mutation_equivalent.txt`` with the mutated line and a reason;
they are left out of the kill rate and printed with that reason. An entry whose
mutated line no longer matches (the code changed) is reported as stale and
counts as a survivor until it is judged again; a listed mutant that a test
kills after all is reported too, and counts as killed.

Every run starts from a fresh copy, so results never come from a stale cache.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutmut"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalent.txt"
PACKAGE = "leergeschiedenis"

# module -> the tests that are its own (tests/test_<module>.py, plus closely related ones when needed)
TESTS: dict[str, list[str]] = {
    "stats": ["tests/test_stats.py"],
    "privacy": ["tests/test_privacy.py"],
    "rendement": ["tests/test_rendement.py"],
    "cells": ["tests/test_cells.py"],
}

KILLED = {"killed", "timeout", "caught by type check"}


@dataclass(frozen=True)
class Equivalent:
    name: str
    mutated: str  # the line(s) `mutmut show` prints after "+", stripped, joined by " / " ("removed: ..." for a deletion)
    reason: str


@dataclass
class Outcome:
    module: str
    status: dict[str, str]  # mutant name -> mutmut status
    diffs: dict[str, str] = field(default_factory=dict)  # mutant name -> mutated line(s)
    seconds: float = 0.0


def read_equivalents(path: Path = EQUIVALENTS) -> dict[str, Equivalent]:
    """``name | mutated line | reason`` per line (the reason without " | "); ``#`` starts a comment line."""
    found: dict[str, Equivalent] = {}
    if not path.exists():
        return found
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, rest = line.partition(" | ")
        mutated, _, reason = rest.rpartition(" | ")  # the mutated line may hold " | " itself, the reason may not
        parts = [name.strip(), mutated.strip(), reason.strip()]
        if not all(parts):
            raise SystemExit(f"{path.name}:{number}: expected 'name | mutated line | reason', got: {raw}")
        found[parts[0]] = Equivalent(*parts)
    return found


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)


def prepare(module: str) -> Path:
    """A fresh scratch project for ``module``: src -> lib, tests -> tests, and its own pyproject.toml."""
    project = WORK / module
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    (project / "src").symlink_to(ROOT / "lib", target_is_directory=True)
    (project / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    mutmut = {
        "source_paths": ["src"],
        "only_mutate": [f"src/{PACKAGE}/{module}.py"],
        "pytest_add_cli_args_test_selection": TESTS[module],
        "pytest_add_cli_args": ["-p", "no:cacheprovider"],
        "use_git_change_detection": False,
    }
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    lines = ["[tool.mutmut]"] + [f"{k} = {_toml_value(v)}" for k, v in mutmut.items()]
    lines += ["", "[tool.pytest.ini_options]"] + [f"{k} = {_toml_value(v)}" for k, v in pytest_options.items()]
    (project / "pyproject.toml").write_text("\n".join(lines) + "\n")
    return project


def run(module: str, jobs: int) -> Outcome:
    project = prepare(module)
    log = project / "mutmut.log"
    started = time.monotonic()
    with log.open("w") as out:
        done = subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            check=False,
        )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
        raise SystemExit(f"mutmut failed for {module} (exit {done.returncode}); last lines of {log}:\n{tail}")
    return Outcome(module, statuses(project, module), diffs(project, module), seconds)


def statuses(project: Path, module: str) -> dict[str, str]:
    from mutmut.stats import status_by_exit_code

    meta = project / "mutants" / "src" / PACKAGE / f"{module}.py.meta"
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    return {name: status_by_exit_code[code] for name, code in codes.items()}


def diffs(project: Path, module: str) -> dict[str, str]:
    """The mutated line(s) of every mutant, read with mutmut's own diff."""
    from mutmut.configuration import reset_config
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    here = Path.cwd()
    os.chdir(project)
    try:
        reset_config()
        path = Path("src") / PACKAGE / f"{module}.py"
        codes = json.loads((Path("mutants") / f"{path}.meta").read_text())["exit_code_by_key"]
        result = {}
        for name in codes:
            diff = get_diff_for_mutant(name, path=path).splitlines()
            added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
            removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
            result[name] = " / ".join(added) or "removed: " + " / ".join(removed)
        return result
    finally:
        os.chdir(here)


def _order(name: str) -> tuple[str, int]:
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number)


def report(outcome: Outcome, equivalents: dict[str, Equivalent]) -> float:
    """Print the module's score and return the kill rate among non-equivalent mutants (percent)."""
    status, diff = outcome.status, outcome.diffs
    listed = {n: e for n, e in equivalents.items() if n in status and diff.get(n) == e.mutated}
    equivalent = {n: e for n, e in listed.items() if status[n] not in KILLED}
    wrongly = sorted((n for n in listed if n not in equivalent), key=_order)  # a test tells them apart after all
    stale = {n: e for n, e in equivalents.items() if n.startswith(f"{PACKAGE}.{outcome.module}.") and n not in listed}
    judged = [n for n in status if n not in equivalent]
    killed = [n for n in judged if status[n] in KILLED]
    missed = sorted((n for n in judged if status[n] not in KILLED), key=_order)
    rate = 100.0 * len(killed) / len(judged) if judged else 100.0
    extra = [
        f"{sum(status[n] == s for n in judged)} {s} counted as {'killed' if s in KILLED else 'survived'}"
        for s in sorted({status[n] for n in judged} - {"killed", "survived"})
    ]
    print(
        f"{outcome.module}: {len(status)} mutants = {len(killed)} killed + {len(missed)} survived + {len(equivalent)} equivalent"
        + (f" ({'; '.join(extra)})" if extra else "")
    )
    print(f"  kill rate among non-equivalent mutants: {len(killed)}/{len(judged)} = {rate:.1f} %  ({outcome.seconds:.0f} s)")
    if equivalent:
        print("  equivalent (tests/mutation_equivalent.txt):")
        for name in sorted(equivalent, key=_order):
            print(f"    {name.rpartition('.')[2]}: {equivalent[name].mutated}\n      why: {equivalent[name].reason}")
    if wrongly:
        print("  listed as equivalent but killed (a test tells them apart; remove them from the list):")
        for name in wrongly:
            print(f"    {name.rpartition('.')[2]}: {diff[name]}")
    if stale:
        print("  stale equivalent entries (the mutant changed or is gone; judge again):")
        for name in sorted(stale):
            print(f"    {name}: listed '{stale[name].mutated}', now '{diff.get(name, '(no such mutant)')}'")
    if missed:
        print(f"  not killed (see: cd .mutmut/{outcome.module} && {sys.executable} -m mutmut show NAME):")
        for name in missed:
            print(f"    {name.rpartition('.')[2]} [{status[name]}]: {diff.get(name, '')}")
    return rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(TESTS), help=f"modules to mutate (default: {' '.join(TESTS)})")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested in parallel (default 2)")
    parser.add_argument("--fail-under", type=float, help="exit 1 when a module's kill rate is below this percentage")
    args = parser.parse_args(argv)
    unknown = [m for m in args.modules if m not in TESTS]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; known: {', '.join(TESTS)}")
    equivalents = read_equivalents()
    rates = {}
    for module in args.modules:
        rates[module] = report(run(module, args.jobs), equivalents)
        print()
    low = [m for m, r in rates.items() if args.fail_under is not None and r < args.fail_under]
    if low:
        print(f"below {args.fail_under:g} %: {', '.join(low)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
