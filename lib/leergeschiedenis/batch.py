"""Rendering every proeftuin x year under a folder, in parallel processes, and the index page.

Each worker process keeps one warm kernel (``engine.WarmKernel``) for all the reports it
renders: a batch pays one kernel start per worker, not one per report. The notebook is
papermill's parameterised notebook as for a single report; only the engine differs.
"""

from __future__ import annotations

import html
import json
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

from . import fmt
from .dataset import proeftuin_folders
from .errors import SchrijvenMislukt
from .regio import write_regio
from .report import Rendered, render, report_years, write_reason


def jobs_for(root: Path) -> list[tuple[Path, int]]:
    return [(folder, year) for folder in proeftuin_folders(root) for year in report_years(folder)]


def render_all(
    root: str | Path, out_dir: str | Path = "reports", jobs: int = 1, force: bool = False, pdf: bool = False
) -> list[Rendered]:
    """Every proeftuin-year under ``root``; unchanged ones are skipped unless ``force``."""
    root, out_dir = Path(root), Path(out_dir)
    todo = jobs_for(root)
    results: list[Rendered] = []
    bar = tqdm(total=len(todo), desc="Leergeschiedenissen", unit="verslag", disable=not sys.stderr.isatty())
    if jobs <= 1:
        from .engine import WarmKernel

        warm = WarmKernel()  # this process's own: stopped when the batch is done
        try:
            for folder, year in todo:
                results.append(render(folder, year, out_dir, pdf=pdf, force=force, warm=warm))
                bar.update()
        finally:
            warm.close()
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, max(len(todo), 1))) as pool:
            futures = [pool.submit(render_warm, folder, year, out_dir, pdf, force) for folder, year in todo]
            for future in as_completed(futures):
                results.append(future.result())
                bar.update()
    bar.close()
    results.sort(key=lambda r: (r.proeftuin, r.jaar))
    write_index(out_dir)
    return results


def render_warm(folder: Path, year: int, out_dir: Path, pdf: bool = False, force: bool = False) -> Rendered:
    """``report.render`` in the warm kernel of this process (thread): started by its first report, kept
    for the next, stopped when the process exits. What a batch worker or a Dask task runs."""
    from .engine import thread_kernel

    return render(folder, year, out_dir, pdf=pdf, force=force, warm=thread_kernel())


def write_index(out_dir: Path) -> Path:
    """index.html linking every report in ``out_dir`` with its headline figures, and regio.html beside it
    (all proeftuinen side by side), linked from it. A folder that cannot be written is a ``SchrijvenMislukt``."""
    try:
        return _write_index(out_dir)
    except OSError as e:
        raise SchrijvenMislukt(f"Het overzicht kan niet geschreven worden in {out_dir}: {write_reason(e)}.") from None


def _write_index(out_dir: Path) -> Path:
    write_regio(out_dir)
    entries = []
    for path in sorted(out_dir.glob("*/*/kerncijfers.json")):
        if any(part.startswith(".") for part in path.relative_to(out_dir).parts):
            continue  # a render's work folder (``.2017-k3x9_a2b``), not a report
        k = json.loads(path.read_text(encoding="utf-8"))
        entries.append((k, path.parent.relative_to(out_dir)))
    entries.sort(key=lambda e: (e[0]["proeftuin"], e[0]["jaar"]))
    rows = []
    min_n = None
    for k, rel in entries:
        min_n = k.get("min_groepsgrootte", 5)
        link = f"{rel.as_posix()}/leergeschiedenis-{k['jaar']}.html"
        rows.append(
            "<tr>"
            f'<td>{html.escape(k["proeftuin"])}</td><td><a href="{html.escape(link)}">{k["jaar"]}</a></td>'
            f'<td class="getal">{fmt.geheel(k["casussen"]["totaal"])}</td>'
            f'<td class="getal">{html.escape(_change(k, min_n))}</td>'
            f'<td class="getal">{html.escape(fmt.euro(k["kosten"]["besparing"], min_n) if k["kosten"]["n_casussen"] else "–")}</td>'
            f'<td class="getal">{fmt.geheel(k["bijeenkomsten"]["totaal"])}</td>'
            f'<td class="getal">{fmt.geheel(k["reflectiekaarten"]["totaal"])}</td>'
            "</tr>"
        )
    page = INDEX_TEMPLATE.format(rows="\n".join(rows) or '<tr><td colspan="7">Nog geen verslagen.</td></tr>', regio=REGIO_LINK)
    out = out_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


def _change(k: dict, min_n: int) -> str:
    w = k["welbevinden"]
    if not w["n_paren"]:
        return "–"
    if w["verandering"] is None:
        return fmt.suppressed(min_n)
    return ("+" if w["verandering"] > 0 else "") + fmt.getal(w["verandering"])


REGIO_LINK = '<a href="regio.html">Alle proeftuinen naast elkaar</a> (hun laatste jaar, en wat verschilt).'
INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Leergeschiedenissen</title>
<style>
body {{ font-family: "Segoe UI", Helvetica, Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ padding: 0.4rem 0.8rem; border-bottom: 1px solid #ddd; text-align: left; }}
td.getal, th.getal {{ text-align: right; font-variant-numeric: tabular-nums; }}
a {{ color: #0072B2; }}
</style>
</head>
<body>
<h1>Leergeschiedenissen</h1>
<p>Alle verslagen per proeftuin en jaar, met hun kerncijfers. {regio}</p>
<table>
<thead><tr><th>Proeftuin</th><th>Jaar</th><th class="getal">Casussen</th><th class="getal">Welbevinden (verandering)</th>
<th class="getal">Besparing per jaar</th><th class="getal">Bijeenkomsten</th><th class="getal">Reflectiekaarten</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""
