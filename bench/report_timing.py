"""Whole-process timings of the report pipeline, medians of several runs.

    .venv/bin/python bench/report_timing.py [--runs 3]

Measures: one report (Ruwaard 2017, forced), the whole sample batch with
--jobs 1 and --jobs 2 (forced), and papermill on an empty notebook in the same
environment: the floor no report can go below. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def median_of(cmd: list[str], runs: int) -> dict:
    times = [timed(cmd) for _ in range(runs)]
    return {"mediaan_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    empty = out / "leeg.ipynb"
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("jaar = 0")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, empty)
    lg = str(BIN / "leergeschiedenis")
    results = {
        "papermill_leeg_notebook": median_of([str(BIN / "papermill"), str(empty), str(out / "leeg-uit.ipynb")], args.runs),
        "een_verslag": median_of(
            [lg, "report", "data/sample/ruwaard", "--year", "2017", "--out", str(out), "--force"], args.runs
        ),
        "batch_jobs_1": median_of([lg, "report", "data/sample", "--all", "--jobs", "1", "--out", str(out), "--force"], args.runs),
        "batch_jobs_2": median_of([lg, "report", "data/sample", "--all", "--jobs", "2", "--out", str(out), "--force"], args.runs),
    }
    html = out / "proeftuin-ruwaard" / "2017" / "leergeschiedenis-2017.html"
    results["html_mb"] = round(html.stat().st_size / 1e6, 2)
    results["verslag_gedeeld_door_vloer"] = round(
        results["een_verslag"]["mediaan_s"] / results["papermill_leeg_notebook"]["mediaan_s"], 2
    )
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
