"""What one page of the dashboard costs a browser: bytes of a first and of a second visit, CPU seconds.

    .venv/bin/python bench/page_weight.py [DATA_ROOT] [--runs 3] [--kernels 2]

One `leergeschiedenis dashboard` is started and left until its pool is full and quiet. Per run a
headless Chromium (1280 x 900) with an empty profile folder opens the page (the first visit); the
browser is closed and started again on the same profile, so with its disk cache, and opens the page
again (the second visit: a manager coming back the next day). For each visit, through the DevTools
protocol: the bytes that came over the network (HTTP: headers and bodies as sent, so compressed
when the server compresses; and the websocket's frames), the number of requests and those to
another machine, the seconds to the first chart drawn, and the CPU seconds: of the whole browser
(every Chromium process, from psutil) and of the page's main thread (``Performance.getMetrics``:
TaskDuration, of which ScriptDuration). The largest responses of the first visit are listed.
Prints JSON; medians over the runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dashboard_load import ROOT, start, stop, wait_quiet

from leergeschiedenis.browser import CHROMIUM_ARGS, chromium_path

FIRST_CHART = ".js-plotly-plot .main-svg"


def browser_cpu(playwright_browser_pids: set[int]) -> float:
    total = 0.0
    for pid in playwright_browser_pids:
        with contextlib.suppress(psutil.Error):
            p = psutil.Process(pid)
            for q in [p, *p.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    t = q.cpu_times()
                    total += t.user + t.system + t.children_user + t.children_system
    return total


def chromium_roots(before: set[int]) -> set[int]:
    """The browser processes started since ``before`` (their children are found from them)."""
    out = set()
    for p in psutil.process_iter(["pid", "name", "cmdline", "ppid"]):
        try:
            command = " ".join(p.info["cmdline"] or [])
            if p.info["pid"] not in before and "chrom" in command and "--type=" not in command:
                out.add(p.info["pid"])
        except psutil.Error:
            pass
    return out


def visit(playwright, profile: Path, url: str) -> dict:
    before = {p.pid for p in psutil.process_iter()}
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900}
    )
    roots = chromium_roots(before)
    page = context.pages[0] if context.pages else context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Performance.enable")
    responses: dict[str, dict] = {}
    ws = {"bytes": 0, "frames": 0}

    def on_response(e):
        r = e["response"]
        headers = {k.lower(): v for k, v in r.get("headers", {}).items()}
        responses.setdefault(e["requestId"], {}).update(
            url=r["url"], status=r["status"], encoding=headers.get("content-encoding"), cached=r.get("fromDiskCache", False)
        )

    def on_finished(e):
        responses.setdefault(e["requestId"], {})["bytes"] = e["encodedDataLength"]

    def on_frame(e):
        ws["bytes"] += len(e["response"]["payloadData"].encode())
        ws["frames"] += 1

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.webSocketFrameReceived", on_frame)
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
    cpu0 = browser_cpu(roots)
    t = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_selector(FIRST_CHART, timeout=120_000)
    first_chart_s = time.perf_counter() - t
    # settled: nothing more arrives for 2 s (the renderer's snapshot of the chart, late widgets)
    quiet_since, seen = time.perf_counter(), (len(responses), ws["frames"])
    while time.perf_counter() - quiet_since < 2:
        page.wait_for_timeout(250)
        now = (len(responses), ws["frames"])
        if now != seen:
            quiet_since, seen = time.perf_counter(), now
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    cpu = browser_cpu(roots) - cpu0
    http = sum(r.get("bytes", 0) for r in responses.values())
    largest = sorted(responses.values(), key=lambda r: -r.get("bytes", 0))[:8]
    context.close()
    return {
        "http_bytes": http,
        "websocket_bytes": ws["bytes"],
        "bytes": http + ws["bytes"],
        "requests": len(responses),
        "outside": outside,
        "first_chart_s": round(first_chart_s, 2),
        "browser_cpu_s": round(cpu, 2),
        "main_thread_task_s": round(metrics.get("TaskDuration", 0), 2),
        "main_thread_script_s": round(metrics.get("ScriptDuration", 0), 2),
        "largest": [
            {"bytes": r.get("bytes", 0), "encoding": r.get("encoding"), "url": r.get("url", "").split("?")[0].replace(url, "/")}
            for r in largest
        ],
    }


def median_of(runs: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in runs), 2)


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("data_root", nargs="?", default=str(ROOT / "data" / "sample"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kernels", type=int, default=2)
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]
    process, url = start(Path(args.data_root), args.kernels)
    runs = []
    try:
        wait_quiet(process.pid, args.kernels)
        with sync_playwright() as p:
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory(prefix="lg-profiel-") as profile:
                    first = visit(p, Path(profile), url)
                    wait_quiet(process.pid, args.kernels)
                    second = visit(p, Path(profile), url)
                    wait_quiet(process.pid, args.kernels)
                runs.append({"first": first, "second": second})
                print(
                    json.dumps(
                        {
                            "first": {k: v for k, v in first.items() if k != "largest"},
                            "second": {k: v for k, v in second.items() if k != "largest"},
                        }
                    ),
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        stop(process)
    keys = (
        "bytes",
        "http_bytes",
        "websocket_bytes",
        "requests",
        "first_chart_s",
        "browser_cpu_s",
        "main_thread_task_s",
        "main_thread_script_s",
    )
    result = {
        "load1_at_start": load_at_start,
        "load1_at_end": os.getloadavg()[0],
        "runs": len(runs),
        **{visit_name: {k: median_of([r[visit_name] for r in runs], k) for k in keys} for visit_name in ("first", "second")},
        "outside": sorted({u for r in runs for v in r.values() for u in v["outside"]}),
        "largest_first_visit": runs[0]["first"]["largest"],
        "every_run": [{v: {k: r[v][k] for k in keys} for v in r} for r in runs],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
