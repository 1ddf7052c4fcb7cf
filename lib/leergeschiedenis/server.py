"""Serving the dashboard with Voila: loopback by default, sources stripped, no tracebacks,
one notebook only, idle kernels culled, a preheated kernel for a quick first page."""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from .dashboard import DATA_ENV, NO_SAMPLE, SAMPLE
from .errors import OnleesbareData, OnveiligAdres

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


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def voila_config(host: str, port: int, token: str) -> dict:
    return {
        "Voila": {
            "ip": host,
            "port": port,
            "open_browser": False,
            "token": token,
            "tornado_settings": {"headers": SECURITY_HEADERS},
        },
        "VoilaConfiguration": {
            "strip_sources": True,
            "show_tracebacks": False,
            "template": "leergeschiedenis",
            "theme": "light",
            "preheat_kernel": True,
            "default_pool_size": 1,
            # only the dashboard notebook: no data files, no other notebooks, no static files from its folder
            "file_allowlist": [],
            "file_denylist": [".*"],
        },
        "MappingKernelManager": {"cull_idle_timeout": 900, "cull_interval": 60, "cull_connected": False},
        "HTMLExporter": {"language_code": "nl"},
    }


def voila_command(
    data_root: str | Path | None, host: str, port: int, token: str | None
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
    (config_dir / "voila.json").write_text(json.dumps(voila_config(host, port, token or ""), indent=2))
    env = dict(os.environ)
    env[DATA_ENV] = str(Path(data_root).resolve())
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_TEMPLATES), env.get("JUPYTER_PATH", "")) if p)
    argv = [
        sys.executable,
        "-m",
        "voila",
        str(DASHBOARD),
        f"--Voila.config_file_paths=['{config_dir}']",
    ]
    return argv, env, config_dir


def serve(data_root: str | Path | None = None, host: str = "127.0.0.1", port: int = 8866, token: str | None = None) -> int:
    token = token or os.environ.get(TOKEN_ENV) or None
    if token == "genereer":
        token = secrets.token_urlsafe(24)
    argv, env, _ = voila_command(data_root, host, port, token)
    where = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    print(f"Dashboard: {where}" + (f"?token={token}" if token else "") + "  (stoppen: Ctrl+C)", flush=True)
    try:
        return subprocess.call(argv, env=env)
    except KeyboardInterrupt:
        return 0
