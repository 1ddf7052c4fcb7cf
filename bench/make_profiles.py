"""Profiles (pyinstrument) behind the benchmark's misses, written to bench/profiles/.

    .venv/bin/python bench/make_profiles.py [--n 500] [--zonder-validatie]

- validatie-n<N>.txt: load + validate of every proeftuin of the scaled data, cache off;
- validatie-alle-n<N>.txt: the same with ``load_all`` (``check --alle``): each table once for all;
- verslag.txt: one report (Ruwaard 2017) in the parent process, plus the executed
  notebook's per-cell times as papermill recorded them (the kernel side);
- batch-warm.txt: the sample's reports one after the other in one warm kernel (what a
  batch worker does), the parent profiled, with each report's per-cell times;
- verslag-kernel.txt: the kernel's side of a report in a warm process: the notebook's calls
  (Verslag.open and every chapter) for Ruwaard 2017 after Ruwaard 2016 ran in the same process;
- dashboard-jaarwissel.txt: the server side of six year changes on the sample.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import tempfile
from pathlib import Path

import nbformat
from pyinstrument import Profiler
from run import data_for  # bench/run.py: the scaled data, generated when missing

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "profiles"


def _write(name: str, profiler: Profiler, head: str = "") -> None:
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    (OUT / name).write_text(head + text)
    print(f"bench/profiles/{name}")


def validation(n: int) -> None:
    import leergeschiedenis as lg
    from leergeschiedenis.dataset import proeftuin_folders

    root = data_for(n)
    folders = proeftuin_folders(root)
    before = os.environ.get("LEERGESCHIEDENIS_CACHE")
    os.environ["LEERGESCHIEDENIS_CACHE"] = "uit"
    profiler = Profiler()
    try:
        with profiler:
            for folder in folders:
                lg.load(folder)
    finally:  # the report profile measures the usual run, with the cache
        if before is None:
            del os.environ["LEERGESCHIEDENIS_CACHE"]
        else:
            os.environ["LEERGESCHIEDENIS_CACHE"] = before
    _write(f"validatie-n{n}.txt", profiler, f"# load() of {len(folders)} proeftuinen in {root}, cache off\n")


def validation_all(n: int) -> None:
    """Issue 19: every proeftuin in one run, each table judged once for all (``check --alle``)."""
    from leergeschiedenis.bulk import load_all

    root = data_for(n)
    profiler = Profiler()
    with profiler:
        results = load_all(root)
    _write(f"validatie-alle-n{n}.txt", profiler, f"# load_all() of {len(results)} proeftuinen in {root} (no cache)\n")


def _cell_times(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    lines = [f"# {path.parent.parent.name} {path.parent.name}: papermill {nb.metadata['papermill']['duration']:.2f} s; per cell:"]
    for cell in nb.cells:
        if cell.cell_type == "code":
            first = cell.source.splitlines()[0] if cell.source else ""
            lines.append(f"#   {cell.metadata['papermill']['duration'] or 0:6.3f} s  {first}")
    return lines


def report() -> None:
    from leergeschiedenis.report import render

    out = Path(tempfile.mkdtemp(prefix="profiel-"))
    profiler = Profiler()
    with profiler:
        result = render(ROOT / "data" / "sample" / "ruwaard", 2017, out, force=True)
    lines = _cell_times(result.folder / "leergeschiedenis-2017.ipynb")
    _write("verslag.txt", profiler, "\n".join(lines) + "\n\n")


def batch_warm() -> None:
    from leergeschiedenis.batch import jobs_for
    from leergeschiedenis.engine import WarmKernel
    from leergeschiedenis.report import render

    out = Path(tempfile.mkdtemp(prefix="profiel-batch-"))
    todo = jobs_for(ROOT / "data" / "sample")
    warm = WarmKernel()
    profiler = Profiler()
    try:
        with profiler:
            results = [render(folder, year, out, force=True, warm=warm) for folder, year in todo]
    finally:
        warm.close()
    lines = [f"# {len(results)} reports in one warm kernel (kernel started by the first)"]
    for r in results:
        lines += _cell_times(r.folder / f"leergeschiedenis-{r.jaar}.ipynb")
    _write("batch-warm.txt", profiler, "\n".join(lines) + "\n\n")


def kernel_side() -> None:
    from unittest import mock

    import scipy.stats  # noqa: F401  (a kernel that made a report with a paired change has it; imported when first used)

    from leergeschiedenis.verslag import Verslag

    sample = ROOT / "data" / "sample" / "ruwaard"
    chapters = ["titel", "samenvatting", "transitiemodel", "samenwerkwijze", "leersessies", "rendement"]
    chapters += ["positieve_gezondheid", "lessen", "wijk", "datakwaliteit"]
    out = Path(tempfile.mkdtemp(prefix="profiel-kernel-"))
    profiler = Profiler(interval=0.0005)
    with mock.patch("leergeschiedenis.verslag.display"):  # what the kernel would send to the notebook
        for year in (2016, 2017):
            if year == 2017:
                profiler.start()
            verslag = Verslag.open(str(sample), year, True, str(out / f"kerncijfers-{year}.json"))
            for chapter in chapters:
                getattr(verslag, chapter)()
        profiler.stop()
    _write("verslag-kernel.txt", profiler, "# the notebook's calls for Ruwaard 2017, in a process that made 2016 before\n")


def dashboard() -> None:
    from leergeschiedenis.dashboard import Dashboard, discover

    with contextlib.redirect_stdout(io.StringIO()):  # outside a kernel, display() prints
        d = Dashboard(discover(ROOT / "data" / "sample"))
        profiler = Profiler(interval=0.0005)
        with profiler:
            for year in (2016, 2017, 2018, 2016, 2017, 2018):
                d.jaar.value = year
    _write("dashboard-jaarwissel.txt", profiler, "# server side of six year changes (Ruwaard), Overzicht tab open\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--zonder-validatie", action="store_true", help="only the report and dashboard profiles")
    parser.add_argument("--alleen-validatie", action="store_true", help="only the validation profiles")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if not args.zonder_validatie:
        validation(args.n)
        validation_all(args.n)
    if args.alleen_validatie:
        return
    report()
    batch_warm()
    kernel_side()
    dashboard()


if __name__ == "__main__":
    main()
