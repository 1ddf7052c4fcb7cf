"""Debian's Chromium, driven by Playwright: for PDF export and the browser tests.

Playwright's own browser download does not work offline, so it is pointed at
the system binary (``apt-get install chromium``) with flags that keep it from
calling home.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import GeenBrowser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    configured = os.environ.get("LEERGESCHIEDENIS_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def chromium() -> Iterator:
    path = chromium_path()
    if path is None:
        raise GeenBrowser("Chromium ontbreekt: installeer het met `apt-get install chromium` (nodig voor PDF).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
