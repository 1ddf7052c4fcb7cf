"""The Voila server under attack, over plain HTTP and a websocket: no browser needed.

The tests that drive the dashboard in Chromium are in test_dashboard_browser.py.
"""

import asyncio
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

import pytest

from leergeschiedenis import dashboard
from leergeschiedenis import server as voila_server
from leergeschiedenis.errors import OnleesbareData

from .conftest import free_port


def _get(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=120) as r:  # follows redirects; a page renders while it streams
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)


@pytest.mark.slow
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


@pytest.mark.slow
def test_security_headers(server):
    status, _, headers = _get(server)
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert "default-src 'self'" in headers["Content-Security-Policy"]


async def _send_over_websocket(url: str, messages: list[dict], until: str, seconds: float) -> list[str]:
    """Send messages on a kernel's channels and collect the types of what comes back, until a
    message of type ``until`` arrives (or ``seconds`` pass: a loaded machine may be slow)."""
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(url)
    for message in messages:
        ws.write_message(json.dumps(message))
    got: list[str] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while until not in got and (left := deadline - loop.time()) > 0:
        try:
            frame = await asyncio.wait_for(ws.read_message(), left)
        except TimeoutError:
            break
        if frame is None:  # closed by the server
            break
        try:
            got.append(json.loads(frame)["msg_type"])
        except (ValueError, KeyError, TypeError):
            got.append("binary")
    ws.close()
    return got


def _shell_message(msg_type: str, content: dict) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "username": "x",
            "session": uuid.uuid4().hex,
            "msg_type": msg_type,
            "version": "5.3",
            "date": "2026-01-01T00:00:00Z",
        },
        "parent_header": {},
        "metadata": {},
        "channel": "shell",
        "buffers": [],
        "content": content,
    }


@pytest.mark.slow
def test_websocket_execute_request_is_not_executed(server, tmp_path):
    proof = tmp_path / "uitgevoerd"
    status, page, _ = _get(server)
    assert status == 200
    config = re.search(r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>', page, re.S)
    kernel = json.loads(config.group(1))["kernelId"]
    execute = _shell_message(
        "execute_request",
        {
            "code": f"open({str(proof)!r}, 'w').write('x')",
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    )
    # a kernel_info_request after it: the kernel handles shell messages in order, so its reply proves
    # the channel works and that the execute_request before it never reached the kernel
    info = _shell_message("kernel_info_request", {})
    url = server.replace("http", "ws", 1) + f"api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}"
    replies = asyncio.run(_send_over_websocket(url, [execute, info], "kernel_info_reply", 60))
    assert "kernel_info_reply" in replies, "het kernelkanaal antwoordde niet: de test bewijst dan niets"
    assert "execute_reply" not in replies and "execute_input" not in replies
    assert not proof.exists()


def test_refuses_to_listen_off_loopback_without_a_token():
    # a process with a deadline: a build that wrongly starts serving fails here instead of hanging
    env = {k: v for k, v in os.environ.items() if k != "LEERGESCHIEDENIS_TOKEN"}
    command = [sys.executable, "-m", "leergeschiedenis.cli", "dashboard", "--host", "0.0.0.0", "--port", str(free_port())]
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


def test_installed_without_the_sample_a_data_root_is_required(monkeypatch, capsys):
    """Installed with `pip install .` there is no data/sample: no default, one Dutch line, exit 2."""
    from leergeschiedenis.cli import main

    monkeypatch.setattr(voila_server, "SAMPLE", None)
    monkeypatch.setattr(dashboard, "SAMPLE", None)
    monkeypatch.delenv(dashboard.DATA_ENV, raising=False)
    assert main(["dashboard"]) == 2
    err = capsys.readouterr().err
    assert "leergeschiedenis sample MAP" in err and "Traceback" not in err
    with pytest.raises(OnleesbareData, match="voorbeeldgegevens"):
        dashboard.app()


def test_in_a_source_checkout_the_sample_is_the_default():
    argv, env, config_dir = voila_server.voila_command(None, "127.0.0.1", free_port(), None)
    assert dashboard.SAMPLE is not None and dashboard.SAMPLE.is_dir()
    assert env[dashboard.DATA_ENV] == str(dashboard.SAMPLE.resolve())
    assert argv[3] == str(voila_server.DASHBOARD) and voila_server.DASHBOARD.is_file()
    assert json.loads((config_dir / "voila.json").read_text())["VoilaConfiguration"]["file_allowlist"] == []
