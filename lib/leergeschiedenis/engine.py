"""A papermill engine that keeps the Jupyter kernel warm between reports.

Papermill starts a kernel for every notebook it runs: for a batch of reports that
is a kernel start (Python, ipykernel, then pandas, plotly and the library) per
report. The interface stays papermill's parameterised notebook; only the engine
differs: ``papermill.execute_notebook(..., engine_name=ENGINE, warm=WarmKernel())``
runs the notebook in a kernel that was started once (per worker process, or per
thread of a Dask worker) and is kept for the next report.

Nothing of one report reaches the next: before every run the kernel's user namespace
is wiped (IPython's ``reset(new_session=True)``: what ``%reset -f`` does, and a new
history session; every name a notebook made is gone, as in a fresh kernel), its
execution counter starts at 1 again, the "warn once" registries are emptied and the
working folder is put back. What stays
is what a fresh kernel would import anyway (the modules) and the library's own
caches, which are keyed on content. A kernel started before the package's source
changed is restarted (``version.source_digest``), so an edited library re-renders
with the new code. Tests render twice in one kernel and compare with a cold run.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import weakref
from contextlib import suppress
from functools import cache
from multiprocessing import util as mp_util
from pathlib import Path

ENGINE = "leergeschiedenis-warm"
REPORT_NOTEBOOK = Path(__file__).resolve().parent / "notebooks" / "leergeschiedenis.ipynb"  # = report.NOTEBOOK
KERNEL = "python3"
# the kernel's "running over TCP" notice is not for the people reading a report
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
START_TIMEOUT = 60

PRELOAD = "__import__('leergeschiedenis.verslag')"
# run silently (no output, no history, no execution count) before every report after the first
_FRESH = """\
get_ipython().reset(new_session=True)
import os as __lg_os, warnings as __lg_warnings
__lg_os.chdir({cwd!r})
__lg_warnings.onceregistry.clear()
__lg_warnings._filters_mutated()
del __lg_os, __lg_warnings
"""


class WarmKernel:
    """One kernel process for many notebook runs, each in a fresh user namespace."""

    def __init__(self, kernel_name: str = KERNEL, cwd: str | Path | None = None):
        self.kernel_name = kernel_name
        self.cwd = str(cwd) if cwd is not None else None
        self.km = None
        self.kc = None
        self.source: str | None = None
        self._pending: str | None = None
        self.runs = 0  # notebooks run in the current kernel process
        self.pid = os.getpid()  # a forked child must not stop its parent's kernel
        self._lock = threading.Lock()
        _ALL.add(self)
        _close_at_exit()

    # -- the kernel process ------------------------------------------------------------------

    def start(self, cwd: str | Path | None = None) -> WarmKernel:
        """Launch the kernel and have it import the report's library, without waiting: the caller goes on
        (reading the data, hashing) while the kernel starts; ``ready`` waits for it."""
        with _IMPORTS:
            from jupyter_client.manager import AsyncKernelManager
            from jupyter_core.utils import run_sync

        from .version import source_digest

        if cwd is not None:
            self.cwd = str(cwd)
        self.source = source_digest()
        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        # history in memory, as nbclient starts its kernels: nothing written to the user's IPython history
        arguments = [*KERNEL_ARGUMENTS, "--HistoryManager.hist_file=:memory:"]
        run_sync(self.km.start_kernel)(cwd=self.cwd, extra_arguments=arguments)
        self.kc = self.km.client()
        self.kc.allow_stdin = False
        self.kc.start_channels()
        # queued until the kernel listens; what the notebook's first cell imports anyway, no name is bound
        self._pending = self._send(PRELOAD)
        self.runs = 0
        return self

    @property
    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def close(self) -> None:
        """Stop the kernel at once (its outputs are all in by then)."""
        from jupyter_core.utils import run_sync

        if os.getpid() != self.pid:
            return
        km, kc, self.km, self.kc = self.km, self.kc, None, None
        if kc is not None:
            with suppress(Exception):
                kc.stop_channels()
        if km is not None:
            with suppress(Exception):
                run_sync(km.shutdown_kernel)(now=True)
            with suppress(Exception):
                run_sync(km.cleanup_resources)()

    def ready(self, cwd: str | Path) -> None:
        """A live kernel of the current source with a fresh namespace, in folder ``cwd``."""
        from .version import source_digest

        if self.km is not None and (not self.alive or self.source != source_digest()):
            self.close()
        if self.km is None:
            self.start(cwd)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._wait(pending, START_TIMEOUT)  # the kernel is up (a failed preload shows in the notebook's own cell)
        reply = self._wait(self._send(_FRESH.format(cwd=str(cwd))), START_TIMEOUT)
        if reply["content"]["status"] != "ok":  # a kernel that cannot be wiped is not reused
            self.close()
            raise RuntimeError(f"De kernel kon niet worden leeggemaakt: {reply['content'].get('evalue', '')}")

    def _send(self, code: str) -> str:
        return self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)

    def _wait(self, msg_id: str, timeout: float) -> dict:
        from jupyter_core.utils import run_sync

        while True:
            reply = run_sync(self.kc.get_shell_msg)(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply


# two threads importing jupyter_client (papermill, nbclient) at once can see it half made: one at a time
_IMPORTS = threading.Lock()


def register() -> str:
    """Register the warm engine with papermill (once per process); returns its name for ``engine_name``."""
    with _IMPORTS:
        return _register()


@cache
def _register() -> str:
    # jsonschema (under nbformat, under papermill) builds an RFC 3987 grammar with lark when the optional
    # rfc3987-syntax is installed (JupyterLab's jupyter-events pulls it in): 1-2 s at every import, for an
    # "iri" format check that nbformat's schema never asks for. Rendering processes go without it.
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmEngine(NBClientEngine):
        """papermill's nbclient engine, in the ``WarmKernel`` given as ``warm=`` (cold without it)."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, warm: WarmKernel | None = None, **kwargs):
            if warm is None:
                kwargs.pop("kernel_cwd", None)
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            from papermill.clientwrap import PapermillNotebookClient
            from papermill.engines import logger

            with warm._lock:
                warm.ready(kwargs.pop("kernel_cwd", None) or warm.cwd or Path.cwd())
                for unused in (
                    "input_path",
                    "extra_arguments",
                    "startup_timeout",
                    "start_timeout",
                    "stdout_file",
                    "stderr_file",
                    "log_output",
                ):
                    kwargs.pop(unused, None)
                timeout = kwargs.pop("execution_timeout", None) or kwargs.pop("timeout", None)
                client = PapermillNotebookClient(
                    nb_man, km=warm.km, kernel_name=kernel_name, log=logger, timeout=timeout, **kwargs
                )
                client.kc = warm.kc  # the kernel client too: no new channels, no wait for ready
                try:
                    return client.execute(cleanup_kc=False)
                finally:
                    warm.runs += 1

    papermill_engines.register(ENGINE, WarmEngine)
    return ENGINE


# every warm kernel of this process, stopped when it exits (a multiprocessing or Dask worker too)
_ALL: weakref.WeakSet[WarmKernel] = weakref.WeakSet()
_LOCAL = threading.local()


_REGISTERED: set[int] = set()


def _close_all() -> None:
    for warm in list(_ALL):
        warm.close()


def _close_at_exit() -> None:
    """Once per process: at exit, and at the exit of a multiprocessing child (which skips atexit)."""
    if os.getpid() in _REGISTERED:
        return
    _REGISTERED.add(os.getpid())
    atexit.register(_close_all)
    mp_util.Finalize(None, _close_all, exitpriority=10)


def thread_kernel() -> WarmKernel:
    """The warm kernel of this thread (one per worker thread: two reports never share a kernel at once)."""
    warm = getattr(_LOCAL, "kernel", None)
    if warm is None:
        warm = _LOCAL.kernel = WarmKernel()
    return warm
