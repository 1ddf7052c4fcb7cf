"""`leergeschiedenis check --alle` against `frictionless validate`, the field's standard validator.

    .venv/bin/python bench/frictionless_timing.py [--n 10] [--runs 3]

Takes the first N proeftuinen of the scaled sample (``leergeschiedenis sample --schaal 500``),
copies them and breaks rows on purpose (an impossible date, a duplicate casus_id, a soort that
is not allowed, an empty required cell, a reflection card pointing at no bijeenkomst), writes
each proeftuin's descriptor (``leergeschiedenis contract DIR --frictionless``) beside its files
as datapackage.json, and times, as medians of whole-process runs:

* ``leergeschiedenis check ROOT --alle --json`` (every proeftuin in one run);
* frictionless validating every datapackage.json in one Python process.

Then the rows each refuses (file, row) are compared: ours must include every row frictionless
refuses. Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCALED = Path(os.environ.get("LEERGESCHIEDENIS_BENCH_DATA", "/tmp/leergeschiedenis-bench"))

FRICTIONLESS = """
import json, sys, time
from pathlib import Path
from frictionless import Package
t = time.perf_counter()
rows = []
for descriptor in sorted(Path(sys.argv[1]).glob("*/datapackage.json")):
    report = Package(str(descriptor)).validate(limit_errors=10**9)
    for task in report.tasks:
        for e in task.errors:
            rows.append([descriptor.parent.name, Path(task.place).name, getattr(e, "row_number", None), e.type])
print(json.dumps({"s": time.perf_counter() - t, "rows": rows}))
"""


def broken_copy(source: Path, target: Path, n: int) -> Path:
    """The first ``n`` proeftuinen of ``source``, with rows broken on purpose."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    folders = sorted(p for p in source.iterdir() if (p / "proeftuin.yml").is_file())[:n]
    for folder in folders:
        shutil.copytree(folder, target / folder.name)
        _break(target / folder.name / "casussen.csv", _break_case)
        if (target / folder.name / "reflectiekaarten.csv").is_file():
            _break(target / folder.name / "reflectiekaarten.csv", _break_card)
    if (source / "prijslijst").is_dir():
        shutil.copytree(source / "prijslijst", target / "prijslijst")
    for folder in sorted(p for p in target.iterdir() if (p / "proeftuin.yml").is_file()):
        descriptor = subprocess.run(
            [str(BIN / "leergeschiedenis"), "contract", str(folder), "--frictionless"], capture_output=True, text=True, check=True
        ).stdout
        (folder / "datapackage.json").write_text(descriptor, encoding="utf-8")
    return target


def _break(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8-sig")
    sep = ";" if text.split("\n", 1)[0].count(";") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    header = [h.strip().lower().replace(" ", "_") for h in rows[0]]
    for i in range(1, len(rows)):
        change(i, rows, header)
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _break_case(i: int, rows: list[list[str]], header: list[str]) -> None:
    row = rows[i]
    col = {h: k for k, h in enumerate(header)}
    if i % 41 == 0:
        row[col["aanmelddatum"]] = "31-02-2017"
    elif i % 43 == 0:
        row[col["soort"]] = "anders"
    elif i % 47 == 0:
        row[col["casus_id"]] = rows[i - 1][col["casus_id"]]
    elif i % 53 == 0:
        row[col["organisatie"]] = ""


def _break_card(i: int, rows: list[list[str]], header: list[str]) -> None:
    if i % 59 == 0 and "bijeenkomst" in header:
        rows[i][header.index("bijeenkomst")] = "Een bijeenkomst die er niet is"


def ours(root: Path) -> tuple[float, set[tuple[str, str, int]]]:
    env = dict(os.environ, LEERGESCHIEDENIS_CACHE="uit")
    t = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "leergeschiedenis"), "check", str(root), "--alle", "--json"], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - t
    found = json.loads(done.stdout)["proeftuinen"]
    rows = {
        (name, p["bestand"], p["rij"]) for name, r in found.items() for p in r["problemen"] if p["ernst"] == "fout" and p["rij"]
    }
    return seconds, rows


def theirs(root: Path) -> tuple[float, float, set[tuple[str, str, int]], list]:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", FRICTIONLESS, str(root)], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - t
    result = json.loads(done.stdout.strip().splitlines()[-1])
    rows = {(m, f, r) for m, f, r, _ in result["rows"] if r is not None}
    return seconds, result["s"], rows, result["rows"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = SCALED / "schaal500"
    if not source.is_dir():
        subprocess.run([str(BIN / "leergeschiedenis"), "sample", str(source), "--schaal", "500"], check=True)
    root = broken_copy(source, SCALED / f"frictionless{args.n}", args.n)
    our_runs = [ours(root) for _ in range(args.runs)]
    their_runs = [theirs(root) for _ in range(args.runs)]
    our_rows, their_rows = our_runs[0][1], their_runs[0][2]
    kinds: dict[str, int] = {}
    for *_, kind in their_runs[0][3]:
        kinds[kind] = kinds.get(kind, 0) + 1
    n_rows = sum(max(0, len(p.read_text(encoding="utf-8").splitlines()) - 1) for p in root.glob("*/*.csv"))
    out = {
        "proeftuinen": args.n,
        "regels": n_rows,
        "check_s": round(statistics.median(r[0] for r in our_runs), 3),
        "check_runs_s": [round(r[0], 3) for r in our_runs],
        "frictionless_s": round(statistics.median(r[0] for r in their_runs), 3),
        "frictionless_runs_s": [round(r[0], 3) for r in their_runs],
        "frictionless_alleen_valideren_s": round(statistics.median(r[1] for r in their_runs), 3),
        "rijen_geweigerd_check": len(our_rows),
        "rijen_met_fout_frictionless": len(their_rows),
        "rijen_beide": len(our_rows & their_rows),
        "rijen_alleen_frictionless": sorted(their_rows - our_rows)[:20],
        "aantal_alleen_frictionless": len(their_rows - our_rows),
        "aantal_alleen_check": len(our_rows - their_rows),
        "frictionless_fouten_per_soort": kinds,
    }
    out["verhouding"] = round(out["frictionless_s"] / out["check_s"], 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
