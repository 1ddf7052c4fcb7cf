"""The Voila server under attack, over plain HTTP and a websocket: no browser needed.

The tests that drive the dashboard in Chromium are in test_dashboard_browser.py.
"""

import asyncio
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path
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


@pytest.fixture
def voila_command():
    """``server.voila_command``, its config folder removed after the test (``serve`` removes it when Voila stops)."""
    made: list[Path] = []

    def command(*args, **kwargs):
        argv, env, config_dir = voila_server.voila_command(*args, **kwargs)
        made.append(config_dir)
        return argv, env, config_dir

    yield command
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


def test_in_a_source_checkout_the_sample_is_the_default(voila_command):
    argv, env, config_dir = voila_command(None, "127.0.0.1", free_port(), None)
    assert dashboard.SAMPLE is not None and dashboard.SAMPLE.is_dir()
    assert env[dashboard.DATA_ENV] == str(dashboard.SAMPLE.resolve())
    assert argv[3] == str(voila_server.DASHBOARD) and voila_server.DASHBOARD.is_file()
    assert json.loads((config_dir / "voila.json").read_text())["VoilaConfiguration"]["file_allowlist"] == []


def test_a_pool_of_kernels_is_told_to_prepare_the_comparison_and_a_kernel_per_page_is_not(voila_command, monkeypatch):
    from leergeschiedenis.locations import PREHEAT_ENV

    monkeypatch.setenv(PREHEAT_ENV, "1")  # from the calling shell: a kernel per page must not inherit it
    assert voila_command(None, "127.0.0.1", free_port(), None, kernels=2)[1][PREHEAT_ENV] == "1"
    assert PREHEAT_ENV not in voila_command(None, "127.0.0.1", free_port(), None, kernels=0)[1]


# -- issue 18: a pool of kernels for a meeting, kernels that follow pages, a clean stop -------------


def test_the_pool_is_sized_for_a_meeting_of_eight_and_kernels_follow_pages():
    from leergeschiedenis.cli import build_parser

    config = voila_server.voila_config("127.0.0.1", 8866, "")
    assert config["VoilaConfiguration"]["preheat_kernel"] is True
    assert config["VoilaConfiguration"]["default_pool_size"] == voila_server.DEFAULT_KERNELS == 8
    assert build_parser().parse_args(["dashboard"]).kernels == voila_server.DEFAULT_KERNELS
    assert config["VoilaConfiguration"]["multi_kernel_manager_class"] == "leergeschiedenis.kernels.PageKernelManager"
    # a page left open and idle is culled after 15 minutes, connected or not
    assert config["MappingKernelManager"] == {"cull_idle_timeout": 900, "cull_interval": 10, "cull_connected": True}
    three = voila_server.voila_config("127.0.0.1", 8866, "", kernels=3)["VoilaConfiguration"]
    assert three["default_pool_size"] == 3 and three["preheat_kernel"] is True
    none = voila_server.voila_config("127.0.0.1", 8866, "", kernels=0)["VoilaConfiguration"]
    assert none["preheat_kernel"] is False


@pytest.mark.parametrize("value", ["-1", "acht", "2.5"])
def test_kernels_must_be_a_whole_number_of_zero_or_more(value, capsys):
    from leergeschiedenis.cli import main

    with pytest.raises(SystemExit) as exit:
        main(["dashboard", "--kernels", value])
    assert exit.value.code == 2
    assert "geef een geheel getal van 0 of meer" in capsys.readouterr().err


def _dashboard_family(process: subprocess.Popen, want_kernels: int, seconds: float = 180):
    """The running dashboard's processes (the command, Voila, its kernels) and Voila's config folder,
    once ``want_kernels`` kernels are running."""
    import time

    import psutil

    root = psutil.Process(process.pid)
    deadline = time.time() + seconds
    while time.time() < deadline:
        family = [root, *root.children(recursive=True)]

        def cmdline(p) -> list[str]:
            try:
                return p.cmdline()
            except psutil.Error:  # ended (or a zombie) between the listing and the look
                return []

        kernels = [p for p in family if "ipykernel_launcher" in " ".join(cmdline(p))]
        voila = [p for p in family if "voila" in " ".join(cmdline(p)[:3])]
        if len(kernels) >= want_kernels and voila:
            folder = re.search(r"config_file_paths=(\S+)", " ".join(cmdline(voila[0]))).group(1)
            return family, kernels, folder
        if process.poll() is not None:
            pytest.fail(f"het dashboard stopte (exit {process.returncode})")
        time.sleep(0.5)
    pytest.fail(f"geen {want_kernels} kernels binnen {seconds} s")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_voila_and_every_kernel_and_removes_the_config_folder(signum):
    """SIGTERM (kill, a supervisor) or SIGINT (Ctrl+C) to the command alone, not its process group:
    nothing of the dashboard survives, and the temporary config folder is gone."""
    import time
    from pathlib import Path

    import psutil

    command = [sys.executable, "-m", "leergeschiedenis.cli", "dashboard", "--port", str(free_port()), "--kernels", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        family, _, folder = _dashboard_family(process, 2)
        assert Path(folder).is_dir() and len(family) >= 4  # the command, Voila and two kernels
        process.send_signal(signum)
        started = time.time()
        process.wait(timeout=30)
        _, alive = psutil.wait_procs(family, timeout=5)
        assert alive == [], [p.cmdline() for p in alive]
        assert time.time() - started < 15
        assert not Path(folder).exists()
    finally:
        if process.poll() is None:
            process.kill()
        for p in psutil.Process().children(recursive=True):
            p.kill()


@pytest.mark.slow
def test_a_closed_page_frees_its_kernel_soon_an_open_one_keeps_it_and_the_pool_refills():
    """Two pages take a kernel each from a pool of one; one closes its websocket (a phone dropping the
    tab sends no beacon): its kernel stops within closed_page_timeout plus a cull interval, the other's
    stays, and a preheated kernel waits for the next page."""
    import time

    from leergeschiedenis.kernels import PageKernelManager

    port = free_port()
    command = [sys.executable, "-m", "leergeschiedenis.cli", "dashboard", "--port", str(port), "--kernels", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        _dashboard_family(process, 1)

        def page_kernel() -> str:
            status, page, _ = _get(url)
            assert status == 200
            config = re.search(r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>', page, re.S)
            return json.loads(config.group(1))["kernelId"]

        def running(kernel: str) -> bool:
            _, family, _ = _dashboard_family(process, 0)
            return any(kernel in " ".join(p.cmdline()) for p in family)

        async def scenario() -> tuple[str, str, float]:
            from tornado.websocket import websocket_connect

            closed, kept = page_kernel(), page_kernel()
            channels = url.replace("http", "ws", 1) + "api/kernels/{}/channels?session_id=" + uuid.uuid4().hex
            first = await websocket_connect(channels.format(closed))
            second = await websocket_connect(channels.format(kept))
            await asyncio.sleep(2)
            first.close()
            gone_at = time.time()
            limit = PageKernelManager.closed_page_timeout.default_value + 10 + 20  # + cull interval + a loaded machine
            while running(closed) and time.time() - gone_at < limit:
                await asyncio.sleep(1)
            took = time.time() - gone_at
            assert running(kept), "een open pagina verloor haar kernel"
            second.close()
            return closed, kept, took

        closed, _, took = asyncio.run(scenario())
        assert not running(closed), "de kernel van een gesloten pagina draait nog"
        assert took >= PageKernelManager.closed_page_timeout.default_value - 1  # not at once: a reload may follow
        _, kernels, _ = _dashboard_family(process, 2)  # the kept page's kernel and a new preheated one
        assert closed not in " ".join(" ".join(k.cmdline()) for k in kernels)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


# -- issue 23: no DNS rebinding; a quiet log ---------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),  # every loopback address
        ("localhost", True),
        ("LocalHost.", True),
        ("[::1]", True),
        ("::1", True),
        ("dashboard.example.nl", True),  # --allow-host Dashboard.Example.NL.
        ("DASHBOARD.example.nl.", True),
        ("rebind.example", False),
        ("localhost.rebind.example", False),
        ("example.nl", False),
        ("dashboard.example.nl.rebind.example", False),
        ("10.1.2.3", False),  # an address the dashboard is not bound to
        ("", False),
    ],
)
def test_only_the_dashboards_own_host_names_are_answered(host, allowed):
    from leergeschiedenis.hosts import allowed_hosts, host_allowed, host_name

    names = allowed_hosts("127.0.0.1", [host_name("Dashboard.Example.NL.")])
    assert names == ["127.0.0.1", "::1", "dashboard.example.nl", "localhost"]
    assert host_allowed(host, names) is allowed


def test_bound_to_every_address_an_address_and_the_machines_name_are_answered_other_names_only_when_allowed():
    import socket

    from leergeschiedenis.hosts import allowed_hosts, host_allowed

    machine = sorted({socket.gethostname().lower(), socket.getfqdn().lower()})
    assert allowed_hosts("0.0.0.0") == allowed_hosts("::") == sorted({"127.0.0.1", "::1", "localhost", *machine})
    assert host_allowed("10.1.2.3", allowed_hosts("0.0.0.0"), any_address=True)  # an address cannot be rebound
    assert not host_allowed("rebind.example", allowed_hosts("0.0.0.0"), any_address=True)
    on_lan = allowed_hosts("192.168.1.5")
    assert host_allowed("192.168.1.5", on_lan) and not host_allowed("192.168.1.6", on_lan)


@pytest.mark.parametrize(
    "value", ["http://dashboard.example.nl", "dashboard.example.nl:443", "dash board", "a/b", "", "-x.nl", "x-.nl"]
)
def test_allow_host_takes_a_bare_name_or_address(value, capsys):
    from leergeschiedenis.cli import main

    with pytest.raises(SystemExit) as exit:
        main(["dashboard", f"--allow-host={value}"])
    assert exit.value.code == 2
    assert "geen hostnaam" in capsys.readouterr().err


def test_allow_host_is_repeatable_and_reaches_the_voila_config(voila_command):
    from leergeschiedenis.cli import build_parser

    args = build_parser().parse_args(["dashboard", "--allow-host", "A.example.nl", "--allow-host", "[::2]"])
    assert args.allow_host == ["a.example.nl", "::2"]
    assert build_parser().parse_args(["dashboard"]).allow_host == []
    argv, _, config_dir = voila_command(None, "127.0.0.1", free_port(), None, allow_hosts=args.allow_host)
    assert argv[2] == "leergeschiedenis.voila_app"
    config = json.loads((config_dir / "voila.json").read_text())
    assert config["LeergeschiedenisVoila"]["allowed_hosts"] == ["127.0.0.1", "::1", "::2", "a.example.nl", "localhost"]


@pytest.mark.parametrize(("host", "said"), [("127.0.0.1", False), ("::1", False), ("0.0.0.0", True), ("192.168.1.5", True)])
def test_off_loopback_one_dutch_line_says_the_connection_is_not_encrypted(monkeypatch, capsys, host, said):
    monkeypatch.setattr(voila_server, "run_until_signalled", lambda argv, env: 0)
    assert voila_server.serve(host=host, port=free_port(), token="geheim") == 0
    out = capsys.readouterr().out.splitlines()
    assert (voila_server.UNENCRYPTED in out) is said
    assert len(out) == 1 + said


async def _channels(url: str, host: str) -> int:
    """Open a kernel's channels with ``Host`` and ``Origin`` both ``host``, as a rebound page would:
    the HTTP status of the refusal, or 101 once a kernel_info_request has been answered."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    request = HTTPRequest(url, headers={"Host": host, "Origin": f"http://{host}"})
    try:
        ws = await websocket_connect(request)
    except HTTPClientError as e:
        return e.code
    try:
        ws.write_message(json.dumps(_shell_message("kernel_info_request", {})))
        while True:
            frame = await asyncio.wait_for(ws.read_message(), 60)
            assert frame is not None, "het kernelkanaal sloot zonder antwoord"
            if isinstance(frame, str) and json.loads(frame)["msg_type"] == "kernel_info_reply":
                return 101
    finally:
        ws.close()


def _status(url: str, host: str) -> tuple[int, str]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    conn.request("GET", parts.path or "/", headers={"Host": host})
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def allow_host_server():
    from .conftest import SAMPLE, dashboard_server

    with dashboard_server(SAMPLE, extra=("--allow-host", "Dashboard.Example.NL")) as url:
        yield url


@pytest.mark.slow
def test_a_rebound_host_gets_403_for_the_page_the_kernel_websocket_and_static_files(allow_host_server):
    """DNS rebinding: a page on rebind.example, its name rebound to 127.0.0.1, sends Host and Origin
    rebind.example:PORT. The dashboard's own names (127.0.0.1, localhost, the --allow-host name) work."""
    port = urlsplit(allow_host_server).port
    status, page = _status(allow_host_server, f"localhost:{port}")
    assert status == 200
    config = re.search(r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>', page, re.S)
    kernel = json.loads(config.group(1))["kernelId"]
    channels = allow_host_server.replace("http", "ws", 1) + f"api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}"
    static = allow_host_server + "voila/static/voila.js"
    query = allow_host_server.replace("http", "ws", 1) + f"voila/query/{kernel}"  # Voila's own websocket
    for rebound in (f"rebind.example:{port}", "rebind.example", f"localhost.rebind.example:{port}", f"10.1.2.3:{port}"):
        status, body = _status(allow_host_server, rebound)
        assert status == 403 and "casus" not in body.lower(), rebound
        assert _status(static, rebound)[0] == 403, rebound
        assert asyncio.run(_channels(channels, rebound)) == 403, rebound
        assert asyncio.run(_channels(query, rebound)) == 403, rebound
    for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"dashboard.example.nl:{port}", f"[::1]:{port}"):
        assert asyncio.run(_channels(channels, own)) == 101, own
        assert _status(static, own)[0] == 200, own
    assert _status(allow_host_server, f"dashboard.example.nl:{port}")[0] == 200


@pytest.mark.slow
@pytest.mark.browser
def test_a_normal_start_and_first_visit_leave_a_quiet_log(tmp_path):
    """No DeprecationWarning, no "Notebook not trusted", no warning about unencrypted TCP (or any other
    warning) in the log of a start, a first page in Chromium and a stop."""
    from leergeschiedenis.browser import chromium, chromium_path

    from .conftest import SAMPLE, dashboard_server

    if not chromium_path():
        if os.environ.get("CI"):
            raise RuntimeError("Chromium ontbreekt")
        pytest.skip("Chromium ontbreekt")
    log = tmp_path / "dashboard.log"
    with dashboard_server(SAMPLE, log=log) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(url, timeout=120_000)
        page.wait_for_selector(".lg-kerncijfers", timeout=90_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        page.wait_for_timeout(2000)
        page.close()
    text = log.read_text()
    assert "Dashboard: http://127.0.0.1:" in text and "Kernel started" in text  # the log was caught
    noise = [line for line in text.splitlines() if re.search(r"warn|not trusted|deprecat|traceback|error|cannot be", line, re.I)]
    assert noise == [], "\n".join(noise)


def test_a_taken_port_is_one_dutch_line_not_a_quiet_move_to_another(monkeypatch, capsys):
    """Voila moves to the next port when its port is taken, while the command prints the one asked
    for, which then shows whatever listens there (another dashboard): refused before Voila starts."""
    import socket
    import tempfile

    from leergeschiedenis.cli import main

    monkeypatch.setattr(voila_server, "run_until_signalled", lambda argv, env: pytest.fail("Voila startte toch"))
    made = []
    real = tempfile.mkdtemp
    monkeypatch.setattr(voila_server.tempfile, "mkdtemp", lambda **kw: made.append(real(**kw)) or made[-1])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["dashboard", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"Poort {port} is al in gebruik" in err and "Traceback" not in err
    assert not any(os.path.exists(m) for m in made)  # no config folder stays behind
    assert voila_server.voila_config("127.0.0.1", port, "")["Voila"]["port_retries"] == 0
