"""A room of managers: N Chromium browsers open the dashboard at the same moment.

    .venv/bin/python bench/dashboard_load.py [DATA_ROOT] [--sizes 1 4 8 16] [--kernels 8] [--repeat 1]

For each N a fresh `leergeschiedenis dashboard --kernels K` is started and left until its
pool of preheated kernels is full and the machine is quiet; then N separate headless Chromium
browsers (each launched beforehand) open the page together. Per N it reports the time from
navigation to the first key figures (p50 and max over the N browsers, with every value), how
many kernels the dashboard holds right after and once the pool has refilled, and the memory
(RSS summed over the process tree: the command, Voila and every kernel; and PSS, which counts
pages shared between kernels once). Finally SIGTERM stops the dashboard. Prints JSON.

The browsers run on the same machine as the server: on a 2-core machine they take much of
the CPU that managers' own laptops would bring.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

from leergeschiedenis.browser import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
FIRST_FIGURES = ".lg-kerncijfers .lg-waarde"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def kernels(pid: int) -> list[psutil.Process]:
    out = []
    for p in tree(pid):
        try:
            if "ipykernel_launcher" in " ".join(p.cmdline()):
                out.append(p)
        except psutil.Error:
            pass
    return out


def memory(pid: int) -> dict:
    rss = pss = 0
    per_kernel, pss_kernel = [], []
    for p in tree(pid):
        try:
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
            if "ipykernel_launcher" in " ".join(p.cmdline()):
                per_kernel.append(info.rss)
                pss_kernel.append(getattr(info, "pss", info.rss))
        except psutil.Error:
            pass
    return {
        "rss_mb": round(rss / 2**20),
        "pss_mb": round(pss / 2**20),
        "rss_per_kernel_mb": round(statistics.median(per_kernel) / 2**20) if per_kernel else None,
        "pss_per_kernel_mb": round(statistics.median(pss_kernel) / 2**20) if pss_kernel else None,
    }


def cpu_seconds(server_pid: int) -> dict[int, tuple[str, float]]:
    """CPU time so far of every process on the machine, by group: the browsers, the dashboard
    (the command, Voila, its kernels), and the rest (on a shared machine: other people's work)."""
    ours = {p.pid for p in tree(server_pid)}
    out = {}
    for p in psutil.process_iter(["name", "cmdline", "cpu_times"]):
        try:
            t = p.info["cpu_times"]
            command = " ".join(p.info["cmdline"] or [])
            if p.pid in ours:
                group = "kernels" if "ipykernel_launcher" in command else "voila"
            elif "chrom" in (p.info["name"] or "") or "chrom" in command:
                group = "chromium"
            else:
                group = "rest"
            out[p.pid] = (group, t.user + t.system)
        except (psutil.Error, TypeError, AttributeError):
            pass
    return out


def cpu_used(before: dict, after: dict) -> dict:
    """CPU seconds per group between two ``cpu_seconds``; processes started in between count in full."""
    used: dict[str, float] = {}
    for pid, (group, seconds) in after.items():
        used[group] = used.get(group, 0.0) + seconds - before.get(pid, (group, 0.0))[1]
    return {group: round(s, 1) for group, s in sorted(used.items())}


def wait_quiet(pid: int, want_kernels: int, timeout: float = 600, exact: bool = False) -> float:
    """Wait until the dashboard holds ``want_kernels`` kernels (at least, or ``exact``ly) and its
    process tree is idle (< 5 % of a core for 2 s)."""
    t = time.perf_counter()
    deadline = time.time() + timeout
    quiet = 0
    while time.time() < deadline:
        procs = tree(pid)
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.cpu_percent(None)
        time.sleep(1)
        busy = 0.0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                busy += p.cpu_percent(None)
        count = len(kernels(pid))
        quiet = quiet + 1 if busy < 5 and (count == want_kernels if exact else count >= want_kernels) else 0
        if quiet >= 2:
            return time.perf_counter() - t
    raise TimeoutError(f"the dashboard did not settle within {timeout} s")


def start(data_root: Path, k: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "leergeschiedenis.cli",
        "dashboard",
        str(data_root),
        "--port",
        str(port),
        "--kernels",
        str(k),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            urllib.request.urlopen(url + "voila/static/voila.js", timeout=2).read(10)
            break
        except OSError:
            time.sleep(0.5)
    return process, url


def stop(process: subprocess.Popen) -> float:
    t = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    return time.perf_counter() - t


async def open_together(url: str, n: int, server_pid: int) -> tuple[list[float], dict, float]:
    """The N times to the first key figures, the CPU seconds spent meanwhile per group, and the wall time."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browsers = [await p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS) for _ in range(n)]
        pages = [await (await b.new_context(viewport={"width": 1280, "height": 900})).new_page() for b in browsers]
        await asyncio.sleep(1)
        before, t0 = cpu_seconds(server_pid), time.perf_counter()

        async def one(page) -> float:
            t = time.perf_counter()
            await page.goto(url, wait_until="commit", timeout=300_000)
            await page.wait_for_selector(FIRST_FIGURES, timeout=300_000)
            return time.perf_counter() - t

        times = await asyncio.gather(*(one(page) for page in pages))
        wall = time.perf_counter() - t0
        used = cpu_used(before, cpu_seconds(server_pid))
        for b in browsers:
            await b.close()
    return list(times), used, wall


def measure(data_root: Path, n: int, k: int) -> dict:
    process, url = start(data_root, k)
    try:
        ready_s = wait_quiet(process.pid, k)
        before = memory(process.pid)
        times, used, wall = asyncio.run(open_together(url, n, process.pid))
        during = {"kernels": len(kernels(process.pid)), **memory(process.pid)}
        # the browsers are closed (no beforeunload): their kernels are shut down once the websockets
        # have been closed for PageKernelManager.closed_page_timeout, and the pool refills
        refill_s = wait_quiet(process.pid, k, timeout=300, exact=True)
        after = {"kernels": len(kernels(process.pid)), **memory(process.pid)}
    finally:
        stop_s = stop(process)
    return {
        "browsers": n,
        "kernels_pool": k,
        "first_figures_p50_s": round(statistics.median(times), 2),
        "first_figures_max_s": round(max(times), 2),
        "first_figures_s": sorted(round(x, 2) for x in times),
        "cpu_s_while_opening": used,  # chromium / voila / kernels / rest of the machine
        "wall_s": round(wall, 1),
        "pool_ready_s": round(ready_s, 1),
        "idle_before": before,
        "with_pages_open": during,
        "after_close_and_refill": after,
        "refill_s": round(refill_s, 1),
        "sigterm_stop_s": round(stop_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_root", nargs="?", default=str(ROOT / "data" / "sample"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 8, 16])
    parser.add_argument("--kernels", type=int, default=8)
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]
    results = []
    for n in args.sizes:  # each as it comes: a later size that fails leaves the earlier ones
        results.append(measure(Path(args.data_root), n, args.kernels))
        print(json.dumps({"partial": results[-1]}), file=sys.stderr, flush=True)
    one = next((r for r in results if r["browsers"] == 1), None)
    for r in results:
        if one:
            r["max_over_one_alone"] = round(r["first_figures_max_s"] / one["first_figures_max_s"], 1)
        print(json.dumps(r), file=sys.stderr, flush=True)
    print(json.dumps({"load1_at_start": load_at_start, "load1_at_end": os.getloadavg()[0], "results": results}, indent=2))


if __name__ == "__main__":
    main()
