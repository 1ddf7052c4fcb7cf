"""Dashboard timings measured in the browser (Debian Chromium), medians of several runs.

    .venv/bin/python bench/dashboard_timing.py [DATA_ROOT] [--runs 5]

Measures, per server mode (cold: no preheated kernel; preheated: Voila's kernel pool):
time from navigation to the key figures being visible, and time from changing the
year to the key figures and charts being updated. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from leergeschiedenis.browser import chromium
from leergeschiedenis.server import voila_command, voila_config

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(data_root: Path, preheat: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    argv, env, config_dir = voila_command(data_root, "127.0.0.1", port, None)
    config = voila_config("127.0.0.1", port, "")
    config["VoilaConfiguration"]["preheat_kernel"] = preheat
    (config_dir / "voila.json").write_text(json.dumps(config))
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=2).read(100)
            break
        except OSError:
            time.sleep(0.5)
    return process, url


def measure(url: str, runs: int, pause: float) -> dict:
    first, change = [], []
    with chromium() as browser:
        for _ in range(runs):
            time.sleep(pause)  # let the pool refill its preheated kernel
            page = browser.new_page()
            t = time.perf_counter()
            page.goto(url, wait_until="commit")
            page.wait_for_selector(".lg-kerncijfers", timeout=180_000)
            first.append(time.perf_counter() - t)
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            options = page.locator("select").nth(1).locator("option").all_inner_texts()
            target = options[0] if options[-1] == page.locator("select").nth(1).input_value() else options[-1]
            before_cards = page.inner_text(".lg-kerncijfers")
            before_chart = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.title.text")
            t = time.perf_counter()
            page.locator("select").nth(1).select_option(target)
            page.wait_for_function(
                "([c, t]) => document.querySelector('.lg-kerncijfers').innerText !== c && "
                "document.querySelector('.js-plotly-plot') && document.querySelector('.js-plotly-plot').layout.title.text !== t",
                arg=[before_cards, before_chart],
                timeout=60_000,
            )
            change.append(time.perf_counter() - t)
            page.close()
    return {
        "tot_kerncijfers_s": round(statistics.median(first), 2),
        "jaarwissel_s": round(statistics.median(change), 3),
        "runs_kerncijfers_s": [round(x, 2) for x in first],
        "runs_jaarwissel_s": [round(x, 3) for x in change],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_root", nargs="?", default=str(ROOT / "data" / "sample"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = {}
    for mode, preheat, pause in (("koud", False, 1.0), ("voorverwarmd", True, 12.0)):
        process, url = start(Path(args.data_root), preheat)
        try:
            if preheat:
                time.sleep(15)
            results[mode] = measure(url, args.runs, pause)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    tempfile.tempdir = None
    main()
