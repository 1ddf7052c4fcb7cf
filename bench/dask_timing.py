"""Reports on a local Dask cluster of this machine's workers (warm kernel per worker), per report.

    .venv/bin/python bench/dask_timing.py [--n 500] [--proeftuinen K] [--workers 2] [--runs 1]

Renders every year of the first K proeftuinen (default: all N) of the scaled data
(``leergeschiedenis sample DIR --schaal N``, made when missing; three years each) on a
``LocalCluster`` of --workers processes with one thread each, forced, through
``distributed.render_all_distributed`` as ``report --all --scheduler`` does. In the same
run it times one report (Ruwaard 2017) and the sample batch at --jobs 2 as
``bench/report_timing.py`` does, so the per-report costs compare under the same load:

- Dask: wall time / reports (cluster started beforehand, as a standing cluster is);
- the local batch: wall time of ``report data/sample --all --jobs 2`` / its reports.

N = 500 in full is about 1,500 reports (25 to 60 minutes at 1 to 2,5 s per report); --proeftuinen
takes the first K of them for a shorter run with the same per-report cost. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from report_timing import SAMPLE, timed
from run import data_for  # the scaled data, generated when missing

BIN = Path(sys.executable).parent


def subset(root: Path, k: int | None) -> Path:
    """The first k proeftuinen of root (symlinks), with the shared price list."""
    from leergeschiedenis.dataset import proeftuin_folders

    folders = proeftuin_folders(root)
    if k is None or k >= len(folders):
        return root
    part = Path(tempfile.mkdtemp(prefix=f"dask-{k}-"))
    for folder in folders[:k]:
        (part / folder.name).symlink_to(folder, target_is_directory=True)
    if (root / "prijslijst").is_dir():
        (part / "prijslijst").symlink_to(root / "prijslijst", target_is_directory=True)
    return part


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--proeftuinen", type=int, default=None, help="only the first K proeftuinen (default: all N)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    from distributed import LocalCluster

    from leergeschiedenis.distributed import render_all_distributed

    root = subset(data_for(args.n), args.proeftuinen)
    out = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    lg = str(BIN / "leergeschiedenis")
    one = [lg, "report", str(SAMPLE / "ruwaard"), "--year", "2017", "--out", str(out / "een"), "--force"]
    batch = [lg, "report", str(SAMPLE), "--all", "--jobs", "2", "--out", str(out / "j2"), "--force"]
    timed(one)
    timed(batch)
    dask_s, one_s, batch_s = [], [], []
    with LocalCluster(
        n_workers=args.workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    ) as cluster:
        for _ in range(args.runs):
            one_s.append(timed(one))
            batch_s.append(timed(batch))
            start = time.perf_counter()
            results = render_all_distributed(root, out / "dask", cluster, force=True)
            dask_s.append(time.perf_counter() - start)
    n_batch = len(list((out / "j2").glob("*/*/kerncijfers.json")))
    per_dask = [s / len(results) for s in dask_s]
    per_batch = [s / n_batch for s in batch_s]
    print(
        json.dumps(
            {
                "proeftuinen": args.proeftuinen or args.n,
                "verslagen": len(results),
                "workers": args.workers,
                "dask_s": [round(s, 1) for s in dask_s],
                "dask_per_verslag_s": round(statistics.median(per_dask), 2),
                "een_verslag_s": round(statistics.median(one_s), 2),
                "batch_jobs_2_per_verslag_s": round(statistics.median(per_batch), 2),
                "dask_gedeeld_door_batch_per_verslag": round(
                    statistics.median(d / b for d, b in zip(per_dask, per_batch, strict=True)), 2
                ),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
