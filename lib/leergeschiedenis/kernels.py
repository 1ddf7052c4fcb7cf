"""The dashboard's kernel manager: kernels follow pages, and refills do not crowd a busy room.

Voila wraps this class in its own pool manager (``VoilaKernelManager``, the preheated pool),
so what is here applies to every kernel it starts:

- **kernels are started one after the other.** A started kernel imports pandas, plotly and
  the library and runs the dashboard notebook (Voila's preheating), a few seconds of one core
  each. When eight managers open the page at once, eight refills started together would take
  the cores from the eight pages being served; one at a time, a refill takes at most one core
  and the pool is full again a few seconds per kernel later.
- **a closed page frees its kernel soon.** Voila's page asks for its kernel's shutdown when
  it is closed (a beacon on ``beforeunload``), but a phone that drops a tab, a lost network or
  a killed browser sends nothing: a kernel whose last websocket closed is shut down after
  ``closed_page_timeout`` seconds (a reload within that time finds a new kernel anyway), and
  one handed to a page that never connected after ``unconnected_timeout`` seconds.
- **a page left open** keeps its kernel until it has been idle for ``cull_idle_timeout``
  (``cull_connected`` is on: an open, idle page counts as idle).
"""

from __future__ import annotations

import asyncio
import time

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer


class PageKernelManager(AsyncMappingKernelManager):
    closed_page_timeout = Float(
        20.0, config=True, help="Seconds after a page's last websocket closed before its kernel is shut down."
    )
    unconnected_timeout = Float(
        180.0, config=True, help="Seconds a kernel out of the pool may stay idle without ever being connected."
    )
    concurrent_starts = Integer(1, config=True, help="How many kernels may start and run the notebook at once.")
    start_timeout = Float(120.0, config=True, help="Longest wait for a started kernel to finish the notebook.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._closed_at: dict[str, float] = {}  # kernel id -> when its last connection closed
        self._connected_once: set[str] = set()
        self._starts: asyncio.Semaphore | None = None
        self._stopping = False

    # -- one start at a time ------------------------------------------------------------------

    async def start_kernel(self, *args, **kwargs) -> str:
        if self._starts is None:
            self._starts = asyncio.Semaphore(max(self.concurrent_starts, 1))
        await self._starts.acquire()
        if self._stopping:
            self._starts.release()
            raise RuntimeError("het dashboard stopt: geen nieuwe kernel")
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            self._starts.release()
            raise
        # the notebook runs after this returns (Voila's renderer): the next start waits for it
        asyncio.get_running_loop().create_task(self._release_when_idle(kernel_id))
        return kernel_id

    async def _release_when_idle(self, kernel_id: str) -> None:
        """Hold the start slot until the kernel has run its notebook: busy once, then idle for a moment."""
        deadline = time.monotonic() + self.start_timeout
        seen_busy = False
        idle_since: float | None = None
        try:
            while time.monotonic() < deadline and not self._stopping:
                kernel = self._kernels.get(kernel_id)
                if kernel is None:
                    return
                state = getattr(kernel, "execution_state", None)
                if state == "busy":
                    seen_busy, idle_since = True, None
                elif state == "idle" and seen_busy:
                    idle_since = idle_since or time.monotonic()
                    if time.monotonic() - idle_since >= 0.5:
                        return
                await asyncio.sleep(0.1)
        finally:
            self._starts.release()

    async def shutdown_all(self, now: bool = False) -> None:
        self._stopping = True  # kernels waiting for a start slot give up; Voila then shuts the pool down
        await super().shutdown_all(now=now)

    # -- kernels follow pages -----------------------------------------------------------------

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._connected_once.add(kernel_id)
        self._closed_at.pop(kernel_id, None)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id, 0) <= 0:
            self._closed_at[kernel_id] = time.monotonic()

    def page_closed(self, kernel_id: str) -> bool:
        """True when the kernel's page has gone: its last websocket closed long enough ago, or it
        was handed out (no longer in the pool; Voila checks that first) but never connected."""
        if self._kernel_connections.get(kernel_id, 0) > 0:
            return False
        if kernel_id in self._closed_at:
            return time.monotonic() - self._closed_at[kernel_id] > self.closed_page_timeout
        if kernel_id in self._connected_once:
            return False
        kernel = self._kernels[kernel_id]
        last = getattr(kernel, "last_activity", None)
        if last is None or getattr(kernel, "execution_state", None) == "busy":
            return False
        from jupyter_server._tz import utcnow

        return (utcnow() - last).total_seconds() > self.unconnected_timeout

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        if kernel_id in self._kernels and self.page_closed(kernel_id):
            self.log.info("Kernel %s: de pagina is gesloten, de kernel stopt.", kernel_id)
            await self.shutdown_kernel(kernel_id)
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, now: bool = False, restart: bool = False) -> None:
        self._closed_at.pop(kernel_id, None)
        self._connected_once.discard(kernel_id)
        await super().shutdown_kernel(kernel_id, now=now, restart=restart)
