"""The dashboard as a manager uses it: the real Voila server, Debian's Chromium, axe-core.

Run alone with `pytest -m browser`. Screenshots land in test-artifacts/.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from leergeschiedenis.browser import chromium, chromium_path

ROOT = Path(__file__).parent.parent
ARTIFACTS = ROOT / "test-artifacts"
AXE = Path(os.environ.get("AXE_CORE_JS", ROOT / ".cache" / "node_modules" / "axe-core" / "axe.min.js"))
pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not chromium_path() or not AXE.is_file():
    reason = "Chromium of axe-core ontbreekt (make test installeert axe-core; apt-get install chromium)"
    if os.environ.get("CI"):
        raise RuntimeError(reason)  # in CI the browser tests must run, not be skipped
    pytestmark.append(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "leergeschiedenis.cli", "dashboard", str(ROOT / "data" / "sample"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        os.killpg(process.pid, signal.SIGTERM)
        pytest.fail("het dashboard startte niet binnen 120 s")
    yield url
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None)
    page.goto(server)
    page.wait_for_selector(".lg-kerncijfers", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    yield page
    page.close()


def _cards(page) -> str:
    return page.inner_text(".lg-kerncijfers")


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def test_page_renders_without_errors_and_offline(page):
    assert page.errors == []
    assert page.outside == []
    assert _shot(page, "dashboard-overzicht").stat().st_size > 10_000


def test_shows_the_key_figures_of_the_sample(page):
    page.get_by_label("Jaar").select_option("2017")
    page.wait_for_function("() => document.querySelector('.lg-kerncijfers').innerText.includes('2016: 30')")
    cards = _cards(page)
    assert "Casussen aangemeld\n204" in cards
    assert "€ 209.418" in cards  # besparing per jaar, Ruwaard 2017
    assert "5,5" in cards  # welbevinden verandering


def test_changing_the_year_changes_figures_and_charts(page):
    before = _cards(page)
    charts_before = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(d => d.layout.title.text).join('|')"
    )
    page.get_by_label("Jaar").select_option("2016")
    page.wait_for_function("b => document.querySelector('.lg-kerncijfers').innerText !== b", arg=before)
    assert "Casussen aangemeld\n30" in _cards(page)
    page.get_by_role("tab", name="Rendement").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')].some(d => d.layout.title.text.includes('n = 8 casussen'))"
    )
    charts_after = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(d => d.layout.title.text).join('|')"
    )
    assert charts_after != charts_before
    _shot(page, "dashboard-rendement-2016")


def test_no_code_traceback_or_identifier_on_the_page(page):
    for tab in ("Casussen", "Leersessies & reflecties", "Positieve gezondheid", "Datakwaliteit"):
        page.get_by_role("tab", name=tab).click()
    text = page.inner_text("body")
    for forbidden in ("Traceback", "import leergeschiedenis", "app()", "Error", "R-2017-", "P01"):
        assert forbidden not in text, forbidden


def test_organisation_filter_says_so(page):
    page.get_by_label("Organisatie").select_option(index=1)
    page.wait_for_function("() => document.querySelector('[role=status]').innerText.includes('filter:')")


def test_accessibility_no_serious_or_critical_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], bad


# -- the server under attack ---------------------------------------------------------------


def _get(url: str) -> tuple[int, str, dict]:
    import urllib.error

    try:
        with urllib.request.urlopen(url, timeout=10) as r:  # follows redirects
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)


@pytest.mark.parametrize(
    "path",
    [
        "voila/render/verkennen.ipynb",
        "voila/render/leergeschiedenis.ipynb",
        "voila/files/verkennen.ipynb",
        "voila/files/dashboard.ipynb",
        "voila/files/../data/sample/ruwaard/casussen.csv",
        "voila/files/%2e%2e/data/sample/ruwaard/proeftuin.yml",
        "voila/files/..%2fdata%2fsample%2fruwaard%2fproeftuin.yml",
        "voila/static/../../../../etc/passwd",
        "api/contents",
        "api/contents/data/sample/ruwaard/casussen.csv",
        "tree",
        "lab",
        "notebooks/verkennen.ipynb",
        "files/data/sample/ruwaard/casussen.csv",
    ],
)
def test_nothing_but_the_dashboard_is_served(server, path):
    import http.client
    from urllib.parse import urlsplit

    host = urlsplit(server)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    conn.request("GET", "/" + path)  # sent as written: no client-side normalisation of ../
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    if response.status in (301, 302, 303, 307, 308):
        status, body, _ = _get(server.rstrip("/") + response.getheader("Location", "/").split(str(host.port), 1)[-1])
    else:
        status = response.status
    assert status in (403, 404), (path, status)
    for content in ("casus_id", "Casus ID", "naam: Proeftuin", "root:x:0", '"cells"'):
        assert content not in body, (path, content)


def test_security_headers(server):
    status, _, headers = _get(server)
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_websocket_execute_request_is_not_executed(page, server, tmp_path):
    import json
    import uuid

    proof = tmp_path / "uitgevoerd"
    kernel = page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    message = {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "username": "x",
            "session": uuid.uuid4().hex,
            "msg_type": "execute_request",
            "version": "5.3",
            "date": "2026-01-01T00:00:00Z",
        },
        "parent_header": {},
        "metadata": {},
        "channel": "shell",
        "buffers": [],
        "content": {
            "code": f"open({str(proof)!r}, 'w').write('x')",
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    }
    replies = page.evaluate(
        """([url, msg]) => new Promise(resolve => {
            const ws = new WebSocket(url);
            const got = [];
            ws.onopen = () => ws.send(JSON.stringify(msg));
            ws.onmessage = e => { try { got.push(JSON.parse(e.data).msg_type); } catch (x) { got.push('binary'); } };
            setTimeout(() => resolve(got), 4000);
        })""",
        [server.replace("http", "ws") + f"api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}", message],
    )
    assert "execute_reply" not in replies and "execute_input" not in replies
    assert not proof.exists()
    assert json.dumps(replies)


def test_refuses_to_listen_off_loopback_without_a_token():
    # a process with a deadline: a build that wrongly starts serving fails here instead of hanging
    env = {k: v for k, v in os.environ.items() if k != "LEERGESCHIEDENIS_TOKEN"}
    command = [sys.executable, "-m", "leergeschiedenis.cli", "dashboard", "--host", "0.0.0.0", "--port", str(_free_port())]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate()
        pytest.fail("het dashboard startte op 0.0.0.0 zonder token")
    assert process.returncode == 2
    assert "alleen met een token" in err and "Traceback" not in err


# -- the dashboard leaks nothing -------------------------------------------------------------


@pytest.fixture(scope="module")
def lek_server(lek):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "leergeschiedenis.cli", "dashboard", str(lek.parent), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    yield url
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def test_dashboard_text_and_widget_state_leak_nothing(browser, lek_server):
    from .conftest import MARKERS_SECRET

    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    frames: list[str] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda f: frames.append(f if isinstance(f, str) else f.decode("utf-8", "replace"))),
    )
    page.goto(lek_server)
    page.wait_for_selector(".lg-kerncijfers", timeout=90_000)
    texts = [page.content()]
    for year in page.get_by_label("Jaar").locator("option").all_inner_texts():
        page.get_by_label("Jaar").select_option(year)
        page.wait_for_timeout(400)
        for organisation in page.get_by_label("Organisatie").locator("option").all_inner_texts():
            page.get_by_label("Organisatie").select_option(organisation)
            page.wait_for_timeout(300)
            for tab in (
                "Overzicht",
                "Casussen",
                "Rendement",
                "Leersessies & reflecties",
                "Positieve gezondheid",
                "Datakwaliteit",
            ):
                page.get_by_role("tab", name=tab).click()  # a closed tab is redrawn when it is opened
                page.wait_for_timeout(150)
                page.wait_for_function("() => !document.querySelector('.lg-bezig')")
                texts.append(page.inner_text("body"))
    everything = ("\n".join(texts) + "\n".join(frames)).lower()
    assert len(frames) > 10  # the widget state really was captured
    for marker in MARKERS_SECRET.values():
        assert marker not in everything, marker
    page.close()
