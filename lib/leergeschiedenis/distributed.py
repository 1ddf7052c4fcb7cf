"""Rendering every proeftuin x year on a Dask distributed cluster instead of local processes.

The scheduler hands out the same ``batch.render_warm`` calls that ``batch.render_all``
runs locally, one task per (proeftuin folder, year), each worker thread rendering in its
own warm kernel (one kernel start per worker, not per report); this machine then writes
the index page. Nothing but paths travel to the workers, so:

* DATA_ROOT and the output folder (``--out``) must be on a shared filesystem,
  mounted at the same path on every worker and on this machine (relative paths
  are made absolute here, symlinks are left as they are);
* the package ``leergeschiedenis`` (same version, with its notebook and a
  ``python3`` Jupyter kernel) must be installed in the workers' environment.

Start a scheduler with ``dask scheduler`` and workers with
``dask worker tcp://SCHEDULER:8786``, then run
``leergeschiedenis report /shared/proeftuinen --all --scheduler tcp://SCHEDULER:8786 --out /shared/reports``.
"""

from __future__ import annotations

import sys
import uuid
from asyncio import CancelledError
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from .batch import jobs_for, render_warm, write_index
from .errors import ClusterOnbereikbaar
from .report import Rendered, VerslagMislukt

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler, and again to wait for a first worker
VOORBEELD = "tcp://10.0.0.5:8786"


def render_all_distributed(
    root: str | Path,
    out_dir: str | Path,
    scheduler: str | Client | LocalCluster,
    force: bool = False,
    pdf: bool = False,
    timeout: float | None = None,
) -> list[Rendered]:
    """Every proeftuin-year under ``root``, rendered by the workers of a Dask cluster.

    ``scheduler`` is an address such as ``tcp://10.0.0.5:8786``, or (for tests and
    notebooks) an existing ``distributed.Client`` or ``LocalCluster``. A client made
    here is closed afterwards; one passed in is left open.

    DATA_ROOT (``root``) and ``out_dir`` (``--out``) must be on a shared filesystem with the
    same path on every worker, and ``leergeschiedenis`` must be installed in the
    workers' environment: only paths are sent, each worker reads the data and
    writes its report itself. Unchanged reports are skipped unless ``force``, as
    with ``batch.render_all``; the results come back sorted the same way.

    Raises ``ClusterOnbereikbaar`` when the scheduler cannot be reached, or has no
    worker, within ``timeout`` seconds (default ``CONNECT_TIMEOUT``), and
    ``VerslagMislukt`` naming the proeftuin folder and year when a task fails; the
    remaining tasks are then cancelled.
    """
    from distributed import Client, as_completed

    _check_address(scheduler)
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    root, out_dir = Path(root).absolute(), Path(out_dir).absolute()
    todo = jobs_for(root)  # reads every proeftuin here first: a data error shows before any waiting
    out_dir.mkdir(parents=True, exist_ok=True)

    own = not isinstance(scheduler, Client)
    client = _connect(scheduler, timeout) if own else scheduler
    try:
        if todo:
            _wait_for_workers(client, timeout)
        run = uuid.uuid4().hex[:8]
        futures = {
            client.submit(
                render_warm, folder, year, out_dir, pdf, force, key=f"leergeschiedenis-{folder.name}-{year}-{run}", pure=False
            ): (folder, year)
            for folder, year in todo
        }
        results: list[Rendered] = []
        bar = tqdm(
            as_completed(futures, loop=client.loop),
            total=len(futures),
            desc="Leergeschiedenissen (Dask)",
            unit="verslag",
            disable=not sys.stderr.isatty(),
        )
        try:
            for future in bar:
                try:
                    results.append(future.result())
                except (Exception, CancelledError) as e:
                    client.cancel(list(futures))
                    if isinstance(e, VerslagMislukt):  # from the notebook; it names year and folder already
                        raise
                    raise _failure(e, *futures[future]) from e
        finally:
            bar.close()
    finally:
        if own:
            client.close()
    results.sort(key=lambda r: (r.proeftuin, r.jaar))
    write_index(out_dir)
    return results


def _connect(scheduler: str | LocalCluster, timeout: float) -> Client:
    from distributed import Client

    where = getattr(scheduler, "scheduler_address", scheduler)
    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterOnbereikbaar(
            f"Het Dask-cluster op {where} is niet bereikbaar binnen {timeout:g} s. "
            f"Draait daar `dask scheduler`, en klopt het adres (bijvoorbeeld {VOORBEELD})?"
        ) from e


def _check_address(scheduler: object) -> None:
    """A malformed address, said at once (a half-made Client would also hang for 20 s when Python exits)."""
    from distributed.comm.addressing import get_address_host_port

    if isinstance(scheduler, str):
        try:
            get_address_host_port(scheduler)
        except ValueError as e:
            raise ClusterOnbereikbaar(
                f"'{scheduler}' is geen geldig adres voor een Dask-cluster ({e}); geef bijvoorbeeld {VOORBEELD}."
            ) from None


def _wait_for_workers(client: Client, timeout: float) -> None:
    """Without a worker the tasks would wait forever; say so instead."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise ClusterOnbereikbaar(
            f"Het Dask-cluster op {client.scheduler.address} heeft na {timeout:g} s nog geen workers. "
            f"Start er een met `dask worker {client.scheduler.address}`."
        ) from e


def _failure(error: BaseException, folder: Path, year: int) -> VerslagMislukt:
    """Any other failure on a worker (missing path or package, killed worker, cancelled), naming folder and year."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    reason = f"{type(error).__name__}: {first}" if first else type(error).__name__
    return VerslagMislukt(
        f"Het verslag {year} van proeftuin '{folder.name}' ({folder}) kon niet worden gemaakt op het Dask-cluster: "
        f"{reason}. Staan de gegevens en de uitvoermap op elke worker onder hetzelfde pad, "
        "en is leergeschiedenis daar geïnstalleerd?"
    )
