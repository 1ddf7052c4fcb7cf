"""Voila as the dashboard runs it (``python -m leergeschiedenis.voila_app``, started by ``server.py``).

Four things Voila's own configuration cannot say:

- **compressed responses** (gzip): ``compress_response`` must be set when tornado's Application is
  made, before Voila applies its ``tornado_settings``.
- **only the dashboard's own Host names** (see ``hosts.py``): a request with any other Host
  gets 403 before it reaches a handler: the page, the kernel websocket, static files, all of
  them. Voila registers its handlers for every host (``.*``) and sets Jupyter Server's
  ``allow_remote_access`` on, and its static-file handlers never look at it; so the check is
  a tornado routing rule ahead of Voila's, as tornado's documentation advises against DNS
  rebinding (host patterns instead of ``.*``).
- **the notebook is trusted**: it is the packaged notebook, the only one served; it is signed
  at start in a signature store in memory (nothing written to the user's Jupyter folder), so
  the log does not say "Notebook dashboard.ipynb is not trusted" for every page.
- **a quiet log**: one known, harmless message of tornado about Jupyter Server's websocket
  pings is dropped (see ``_PingTimeoutNotice``).
"""

from __future__ import annotations

import logging
import secrets
from typing import ClassVar

import nbformat
import tornado.web
from nbformat.sign import MemorySignatureStore, NotebookNotary
from tornado.routing import Matcher, Rule
from traitlets import List, Unicode
from voila.app import Voila

from .hosts import ANY_ADDRESS, host_allowed


class RefusedHost(Matcher):
    """Matches the requests whose Host the dashboard does not answer to."""

    def __init__(self, allowed: list[str], any_address: bool) -> None:
        self.allowed = list(allowed)
        self.any_address = any_address

    def match(self, request):
        return None if host_allowed(request.host_name, self.allowed, self.any_address) else {}


class RefusedHostHandler(tornado.web.RequestHandler):
    """403 for every method, a websocket's upgrade request too, before anything else runs."""

    logged: ClassVar[set[str]] = set()  # one log line per refused name, not one per request

    def initialize(self, log: logging.Logger) -> None:
        self.log = log

    def prepare(self) -> None:
        name = self.request.host_name
        if name not in self.logged and len(self.logged) < 100:
            self.logged.add(name)
            self.log.warning(
                "Verzoek voor onbekende hostnaam %r geweigerd (403): het dashboard antwoordt alleen op zijn eigen "
                "namen (bescherming tegen DNS-rebinding). Is het een naam van jullie eigen proxy? Start dan met --allow-host %s.",
                name,
                name,
            )
        raise tornado.web.HTTPError(403)

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("Geweigerd: onbekende hostnaam.\n")


class _PingTimeoutNotice(logging.Filter):
    """Jupyter Server's websockets ping every 30 000 ms and allow 90 000 ms for the answer, in
    properties tornado >= 6.5 reads as seconds; tornado then warns, once, that the timeout is
    longer than the interval (jupyter_server issue #1612). Jupyter Server does its own pinging,
    with its own timeout, so the notice says nothing about the dashboard: it is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "cannot be longer than the websocket_ping_interval" not in record.getMessage()


class LeergeschiedenisVoila(Voila):
    allowed_hosts = List(
        Unicode(),
        config=True,
        help="Host names and addresses the dashboard answers to; every other Host gets 403 (DNS rebinding).",
    )

    def initialize(self, argv=None):
        logging.getLogger("tornado.general").addFilter(_PingTimeoutNotice())
        super().initialize(argv)
        if not self.allowed_hosts:
            raise ValueError("LeergeschiedenisVoila.allowed_hosts is leeg: het dashboard zou geen enkele naam beantwoorden")

    def init_settings(self):
        settings = super().init_settings()
        self._trust_the_notebook()
        # about 10 MB of JavaScript and CSS for a first page: gzip sends a quarter of it. Tornado adds its
        # gzip transform only when compress_response is set as the Application is made; Voila applies its
        # tornado_settings after that, too late
        return {**settings, "compress_response": True}

    def _trust_the_notebook(self) -> None:
        notary = NotebookNotary(parent=self.contents_manager, store_factory=MemorySignatureStore, secret=secrets.token_bytes(32))
        with open(self.notebook_path, encoding="utf-8") as f:
            notary.sign(nbformat.read(f, as_version=4))
        self.contents_manager.notary = notary

    def init_handlers(self):
        # Voila's start() has built self.app and adds what this returns under the host pattern ".*":
        # the refusal goes first, so it is tried before any of Voila's handlers
        if not isinstance(getattr(self, "app", None), tornado.web.Application):
            raise RuntimeError("Voila bouwt zijn tornado-app niet meer voor init_handlers: de hostcontrole kan er niet voor")
        refused = RefusedHost(self.allowed_hosts, any_address=self.ip in ANY_ADDRESS)
        self.app.default_router.rules.insert(0, Rule(refused, RefusedHostHandler, {"log": self.log}))
        return super().init_handlers()


main = LeergeschiedenisVoila.launch_instance

if __name__ == "__main__":
    main()
