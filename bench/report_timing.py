"""Whole-process timings of the report pipeline: ratios within one run, medians of several runs.

    .venv/bin/python bench/report_timing.py [--runs 5]

Every run measures, one right after the other (so a busy machine slows all of them alike):

- the floor: papermill on an empty notebook in the same environment (``papermill`` command:
  Python, papermill's imports, a kernel start and stop), and the same without the RFC 3987
  grammar that jsonschema builds at import (what ``engine.register`` leaves out);
- one report (Ruwaard 2017, forced): ``leergeschiedenis report data/sample/ruwaard --year 2017``;
- the whole sample (``make report``: every proeftuin and year, forced) with --jobs 1 and --jobs 2.

The report ratio is one report / floor; the batch ratio is the sample at --jobs 2 / one report
(the goal: at most 1,5, as if each of the two jobs rendered one report). Both are taken per run
and their medians reported, beside the medians of the times, and the CPU seconds of each
command with all its processes (kernels and workers included), which a busy machine changes
far less than the wall time. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = ROOT / "data" / "sample"
NO_GRAMMAR = "import sys; sys.modules['rfc3987_syntax'] = None; from papermill.cli import papermill; papermill()"


CPU: dict[str, list[float]] = {}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every waited-for descendant: kernels, pool workers
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], name: str | None = None) -> float:
    cpu = _cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if name:
        CPU.setdefault(name, []).append(_cpu() - cpu)
    return wall


def summary(times: list[float]) -> dict:
    return {"mediaan_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times]}


def commands(out: Path) -> dict[str, list[str]]:
    empty = out / "leeg.ipynb"
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("jaar = 0")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, empty)
    lg = str(BIN / "leergeschiedenis")
    sample = str(SAMPLE)
    return {
        "papermill_leeg_notebook": [str(BIN / "papermill"), str(empty), str(out / "leeg-uit.ipynb")],
        "papermill_leeg_zonder_rfc3987": [sys.executable, "-c", NO_GRAMMAR, str(empty), str(out / "leeg-uit.ipynb")],
        "een_verslag": [lg, "report", str(SAMPLE / "ruwaard"), "--year", "2017", "--out", str(out / "een"), "--force"],
        "batch_jobs_1": [lg, "report", sample, "--all", "--jobs", "1", "--out", str(out / "j1"), "--force"],
        "batch_jobs_2": [lg, "report", sample, "--all", "--jobs", "2", "--out", str(out / "j2"), "--force"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    cmds = commands(out)
    for cmd in cmds.values():  # once each, untimed: files in the page cache, caches filled
        timed(cmd)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            times[name].append(timed(cmd, name))
    results: dict = {name: summary(t) for name, t in times.items()}
    for name, cpu in CPU.items():  # CPU seconds of the command and all its processes: what load does not change much
        results[name]["cpu_mediaan_s"] = round(statistics.median(cpu), 2)
    n_reports = len(list((out / "j2").glob("*/*/kerncijfers.json")))

    def ratio(a: str, b: str) -> dict:
        per_run = [x / y for x, y in zip(times[a], times[b], strict=True)]
        return {"mediaan": round(statistics.median(per_run), 2), "runs": [round(r, 2) for r in per_run]}

    results["verslagen_in_batch"] = n_reports
    results["verslag_gedeeld_door_vloer"] = ratio("een_verslag", "papermill_leeg_notebook")
    results["verslag_gedeeld_door_vloer_zonder_rfc3987"] = ratio("een_verslag", "papermill_leeg_zonder_rfc3987")
    results["batch_jobs_2_gedeeld_door_een_verslag"] = ratio("batch_jobs_2", "een_verslag")
    results["batch_jobs_1_gedeeld_door_een_verslag"] = ratio("batch_jobs_1", "een_verslag")
    cpu = {name: statistics.median(c) for name, c in CPU.items()}
    # on two idle cores the batch takes at least half its CPU seconds; one report at least its critical path
    results["batch_cpu_gedeeld_door_2_keer_verslag_cpu"] = round(cpu["batch_jobs_2"] / (2 * cpu["een_verslag"]), 2)
    html = out / "een" / "proeftuin-ruwaard" / "2017" / "leergeschiedenis-2017.html"
    results["html_mb"] = round(html.stat().st_size / 1e6, 2)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
