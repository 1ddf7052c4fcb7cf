"""Screenshots of every tab of the dashboard at 390 px (a phone) and 1280 px (a laptop), for docs/.

    .venv/bin/python tools/dashboard_screenshots.py [--jaar 2017] [--out docs/dashboard-tabs]

Starts `leergeschiedenis dashboard` on the sample (one kernel), opens it in Debian's Chromium, sets
the year, and takes each tab whole (the viewport as tall as the tab), then "Alle proeftuinen".
Also renews docs/dashboard-overzicht.png, dashboard-rendement.png and dashboard-doelen-wijk.png
(the README's pictures; docs/dashboard-telefoon.png and dashboard-1280.png come from the browser tests).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "lib"))

from dashboard_load import start, stop, wait_quiet  # noqa: E402

from leergeschiedenis.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402
from leergeschiedenis.dashboard import TABS  # noqa: E402

NAMES = ["overzicht", "casussen", "rendement", "leersessies", "gezondheid", "doelen-wijk", "lessen", "datakwaliteit"]


def _open(page, url: str, jaar: str | None) -> None:
    page.goto(url, timeout=180_000)
    page.wait_for_selector(".lg-kerncijfers .lg-waarde", timeout=180_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    if jaar:
        page.get_by_label("Jaar").select_option(jaar)
        page.wait_for_function("y => document.querySelector('[role=status]').innerText.includes(y)", arg=jaar)


def _tab(page, tab: str) -> None:
    page.get_by_role("tab", name=tab).click()
    page.wait_for_function("() => !document.querySelector('.lg-bezig')")
    page.wait_for_timeout(1500)


def _whole(page, width: int, path: Path) -> None:
    height = page.evaluate(
        "() => Math.max(...[document.documentElement, document.body, ...document.querySelectorAll('#rendered_cells, .jp-Cell')]"
        ".map(e => e.scrollHeight + e.getBoundingClientRect().top))"
    )
    page.set_viewport_size({"width": width, "height": min(max(height, 600), 6000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--jaar", default="2017")
    parser.add_argument("--out", default=str(ROOT / "docs" / "dashboard-tabs"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    process, url = start(ROOT / "data" / "sample", 1)
    try:
        wait_quiet(process.pid, 1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
            for width in (390, 1280):
                phone = width < 600
                context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
                page = context.new_page()
                _open(page, url, args.jaar)
                for tab, name in zip(TABS, NAMES, strict=True):
                    _tab(page, tab)
                    _whole(page, width, out / f"{width}-{name}.png")
                    page.set_viewport_size({"width": width, "height": 900})
                page.get_by_label("Proeftuin", exact=True).select_option("Alle proeftuinen")
                page.wait_for_selector(".lg-regio", timeout=120_000)
                page.wait_for_timeout(800)
                _whole(page, width, out / f"{width}-alle-proeftuinen.png")
                context.close()
            # the README's pictures, as before: 1200 x 1400 and 1280 x 1000
            page = browser.new_page(viewport={"width": 1200, "height": 1400})
            _open(page, url, None)
            page.screenshot(path=str(ROOT / "docs" / "dashboard-overzicht.png"))
            page.get_by_label("Jaar").select_option(args.jaar)
            page.wait_for_function("y => document.querySelector('[role=status]').innerText.includes(y)", arg=args.jaar)
            _tab(page, "Rendement")
            page.screenshot(path=str(ROOT / "docs" / "dashboard-rendement.png"))
            page.close()
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            _open(page, url, None)
            _tab(page, "Doelen & wijk")
            page.screenshot(path=str(ROOT / "docs" / "dashboard-doelen-wijk.png"))
            browser.close()
    finally:
        stop(process)


if __name__ == "__main__":
    main()
