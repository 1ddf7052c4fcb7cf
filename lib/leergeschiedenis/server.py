"""Serving the dashboard with Voila: loopback by default, only its own Host names (``hosts.py``),
sources stripped, no tracebacks, one notebook only, a pool of preheated kernels for a room of managers, kernels that follow
their pages (see ``kernels.py``), and a clean stop: SIGTERM, SIGINT or SIGHUP stops Voila and
every kernel, and removes the temporary config folder."""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from .errors import OnleesbareData, OnveiligAdres, PoortBezet
from .hosts import allowed_hosts
from .locations import DATA_ENV, NO_SAMPLE, PREHEAT_ENV, SAMPLE
from .plotly_bundle import labextension_with_bundle

# package data, so a plain `pip install .` finds them; installed as files, not zipped
PACKAGE_DIR = Path(files(__package__))
DASHBOARD = PACKAGE_DIR / "notebooks" / "dashboard.ipynb"
JUPYTER_TEMPLATES = PACKAGE_DIR / "templates" / "jupyter"
TOKEN_ENV = "LEERGESCHIEDENIS_TOKEN"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        "connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'self'; form-action 'self'"
    ),
}


UNENCRYPTED = (
    "Let op: het dashboard spreekt gewoon HTTP, onversleuteld, ook het token; laat managers het alleen "
    "via een proxy met HTTPS en inlog openen (zie README)."
)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A meeting of eight: every manager finds a kernel that has already run the dashboard.
DEFAULT_KERNELS = 8
STOP_SECONDS = 10  # Voila shuts its kernels down in about two; after this what is left is killed


def voila_config(host: str, port: int, token: str, kernels: int = DEFAULT_KERNELS, allow_hosts: Sequence[str] = ()) -> dict:
    return {
        # every other Host gets 403: no DNS rebinding (voila_app.py)
        "LeergeschiedenisVoila": {"allowed_hosts": allowed_hosts(host, allow_hosts)},
        "Voila": {
            "ip": host,
            "port": port,
            "open_browser": False,
            "port_retries": 0,  # a taken port is an error (serve), not a quiet move to the next one
            "token": token,
            # the websocket's widget messages (the charts' JSON) compressed, like every response (voila_app.py)
            "tornado_settings": {"headers": SECURITY_HEADERS, "websocket_compression_options": {}},
        },
        "VoilaConfiguration": {
            "strip_sources": True,
            "show_tracebacks": False,
            "template": "leergeschiedenis",
            "theme": "light",
            "preheat_kernel": kernels > 0,
            "default_pool_size": kernels,
            "multi_kernel_manager_class": "leergeschiedenis.kernels.PageKernelManager",
            # JupyterLab extensions the dashboard does not use: less JavaScript for every page to load
            "extension_denylist": ["anywidget", "@voila-dashboards/jupyterlab-preview", "jupyterlab_pygments"],
            # only the dashboard notebook: no data files, no other notebooks, no static files from its folder
            "file_allowlist": [],
            "file_denylist": [".*"],
        },
        # a page left open and idle for 15 minutes gives its kernel back; a closed page after
        # PageKernelManager.closed_page_timeout (checked every cull_interval seconds)
        "MappingKernelManager": {"cull_idle_timeout": 900, "cull_interval": 10, "cull_connected": True},
        # a refill waits until the pages just served have loaded
        "VoilaKernelManager": {"fill_delay": 3},
        # Voila talks to its kernels over Unix sockets in its private connection folder, not over
        # TCP on 127.0.0.1: no other user of the machine can reach them (and the kernel's log does
        # not warn about unencrypted TCP)
        "KernelManager": {"shutdown_wait_time": 2.0, "transport": "ipc"},
        "HTMLExporter": {"language_code": "nl"},
    }


def voila_command(
    data_root: str | Path | None,
    host: str,
    port: int,
    token: str | None,
    kernels: int = DEFAULT_KERNELS,
    allow_hosts: Sequence[str] = (),
) -> tuple[list[str], dict[str, str], Path]:
    """The command, environment and config folder that start the dashboard."""
    if not is_loopback(host) and not token:
        raise OnveiligAdres(
            f"Het dashboard luistert op {host}, dus niet alleen op deze computer: dat mag alleen met een token. "
            f"Geef --token of zet {TOKEN_ENV}, en zet het dashboard achter een proxy met inlog (zie README)."
        )
    data_root = data_root or SAMPLE
    if data_root is None:
        raise OnleesbareData(NO_SAMPLE)
    config_dir = Path(tempfile.mkdtemp(prefix="leergeschiedenis-voila-"))
    config = voila_config(host, port, token or "", kernels, allow_hosts)
    lighter = labextension_with_bundle(config_dir / "labextensions")  # plotly.js with only our trace types
    if lighter is not None:  # served before the installed renderer; without it, the full plotly.js
        config["VoilaConfiguration"]["extra_labextensions_path"] = [str(lighter)]
    (config_dir / "voila.json").write_text(json.dumps(config, indent=2, allow_nan=False))
    env = dict(os.environ)
    env[DATA_ENV] = str(Path(data_root).resolve())
    if kernels > 0:  # the kernels run the dashboard before a page asks: they may prepare more (dashboard.app)
        env[PREHEAT_ENV] = "1"
    else:
        env.pop(PREHEAT_ENV, None)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_TEMPLATES), env.get("JUPYTER_PATH", "")) if p)
    argv = [
        sys.executable,
        "-m",
        "leergeschiedenis.voila_app",  # Voila with its Host rule, a trusted notebook, compressed responses
        str(DASHBOARD),
        f"--Voila.config_file_paths={config_dir}",
    ]
    return argv, env, config_dir


def serve(
    data_root: str | Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8866,
    token: str | None = None,
    kernels: int = DEFAULT_KERNELS,
    allow_hosts: Sequence[str] = (),
) -> int:
    token = token or os.environ.get(TOKEN_ENV) or None
    if token == "genereer":
        token = secrets.token_urlsafe(24)
    argv, env, config_dir = voila_command(data_root, host, port, token, kernels, allow_hosts)
    try:
        check_port_free(host, port)
        where = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
        print(f"Dashboard: {where}" + (f"?token={token}" if token else "") + "  (stoppen: Ctrl+C)", flush=True)
        if not is_loopback(host):
            print(UNENCRYPTED, flush=True)
        return run_until_signalled(argv, env)
    finally:
        shutil.rmtree(config_dir, ignore_errors=True)


def check_port_free(host: str, port: int) -> None:
    """PoortBezet when something already listens on the port: Voila would move to the next port,
    and the address printed would lead to whatever listens there."""
    import socket

    try:
        addresses = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        return  # Voila says what is wrong with the address
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as tornado binds
            try:
                s.bind(address)
            except OSError as e:
                if e.errno == errno.EADDRINUSE:
                    raise PoortBezet(
                        f"Poort {port} is al in gebruik (een ander dashboard of programma): kies een andere met --port."
                    ) from None


def run_until_signalled(argv: list[str], env: dict[str, str]) -> int:
    """Run Voila; SIGTERM, SIGINT and SIGHUP are passed on to it as SIGTERM (Voila then shuts every
    kernel down), and whatever of it is still running after STOP_SECONDS is killed."""
    import psutil

    received: list[int] = []

    def on_signal(signum, _frame):
        received.append(signum)

    handled = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    previous = {s: signal.signal(s, on_signal) for s in handled}
    try:
        # its own session: Ctrl+C reaches Voila once, through us, not twice
        process = subprocess.Popen(argv, env=env, start_new_session=True)
        voila = psutil.Process(process.pid)
        family: dict[int, psutil.Process] = {}
        while process.poll() is None and not received:
            family.update(_children(voila))  # kernels start in sessions of their own: remember them
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=1.0)
        if process.poll() is None:  # a signal: stop Voila and wait for it to shut its kernels down
            family.update(_children(voila))
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        _kill_survivors(family.values())
        return 0 if received else process.returncode
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _children(process) -> dict:
    import psutil

    try:
        return {c.pid: c for c in process.children(recursive=True)}
    except psutil.Error:
        return {}


def _kill_survivors(processes) -> None:
    import psutil

    alive = [p for p in processes if p.is_running()]
    for p in alive:
        with contextlib.suppress(psutil.Error):
            p.terminate()
    _, still = psutil.wait_procs(alive, timeout=3)
    for p in still:
        with contextlib.suppress(psutil.Error):
            p.kill()
