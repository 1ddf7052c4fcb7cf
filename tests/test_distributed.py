"""`report --all --scheduler`: the same renders, handed out by a Dask scheduler (a LocalCluster on loopback here)."""

import re
import time
from pathlib import Path

import pytest

from leergeschiedenis import distributed as lgd
from leergeschiedenis.cli import main
from leergeschiedenis.distributed import render_all_distributed
from leergeschiedenis.errors import ClusterOnbereikbaar, VerslagMislukt

DATA = Path(__file__).parent / "data"
YEARS = (2016, 2017, 2018)


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "proeftuinen"
    root.mkdir()
    (root / "analyse").symlink_to(DATA / "analyse", target_is_directory=True)
    return root


def local_cluster(n_workers: int):
    """Loopback only: scheduler on 127.0.0.1, no dashboard, its health-check HTTP server on a free port (not 8787)."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )


@pytest.fixture(scope="module")
def cluster():
    with local_cluster(n_workers=2) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        yield cluster


@pytest.mark.slow
def test_cluster_renders_every_year_then_skips_them(cluster, root, tmp_path, capsys):
    from distributed import Client

    out = tmp_path / "out"
    results = render_all_distributed(root, out, cluster)
    assert [(r.slug, r.jaar, r.skipped) for r in results] == [("proeftuin-rekenvoorbeeld", y, False) for y in YEARS]
    for r in results:
        assert r.folder == out.absolute() / "proeftuin-rekenvoorbeeld" / str(r.jaar)
        assert r.html.is_file() and (r.folder / "kerncijfers.json").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="proeftuin-rekenvoorbeeld/2017/leergeschiedenis-2017.html"' in index
    assert "€\u00a04.800" in index and "+5,3" in index
    assert "€\u00a04.800" in results[1].html.read_text(encoding="utf-8")

    # unchanged inputs: a second run, through an existing Client, renders nothing (and leaves that client open)
    with Client(cluster, set_as_default=False) as client:
        again = render_all_distributed(root, out, client)
        assert [(r.jaar, r.skipped) for r in again] == [(y, True) for y in YEARS]
        assert client.status == "running"

    capsys.readouterr()  # and the command line, given the scheduler's address
    assert main(["report", str(root), "--all", "--scheduler", cluster.scheduler_address, "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "0 verslagen gemaakt, 3 ongewijzigd overgeslagen." in printed.out
    assert f"Overzicht: {(out / 'index.html').resolve()}" in printed.out


@pytest.mark.slow
def test_a_failing_task_names_proeftuin_and_year(cluster, root, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "proeftuin-rekenvoorbeeld").write_text("een bestand waar de verslagmap moet komen")
    with pytest.raises(
        VerslagMislukt,
        match=r"Het verslag (2016|2017|2018) van proeftuin 'analyse' .*Dask-cluster: SchrijvenMislukt: .*een bestand",
    ):
        render_all_distributed(root, out, cluster)
    assert not (out / "index.html").exists()


def test_unreachable_scheduler_exits_2_with_one_dutch_line(root, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(lgd, "CONNECT_TIMEOUT", 2.0)
    started = time.perf_counter()
    code = main(["report", str(root), "--all", "--scheduler", "tcp://127.0.0.1:1", "--out", str(tmp_path / "out")])
    assert time.perf_counter() - started < 8
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Het Dask-cluster op tcp://127.0.0.1:1 is niet bereikbaar binnen 2 s.")
    assert "dask scheduler" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("address", ["geen-adres", "http://127.0.0.1:8786"])
def test_malformed_address_exits_2_at_once(root, tmp_path, capsys, address):
    assert main(["report", str(root), "--all", "--scheduler", address, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(
        rf"Fout: '{re.escape(address)}' is geen geldig adres voor een Dask-cluster .*tcp://10\.0\.0\.5:8786\.\n", err
    )


@pytest.mark.slow
def test_a_scheduler_without_workers_is_reported_not_waited_on(root, tmp_path):
    with (
        local_cluster(n_workers=0) as empty,
        pytest.raises(ClusterOnbereikbaar, match=r"heeft na 1 s nog geen workers.*dask worker tcp://127\.0\.0\.1:"),
    ):
        render_all_distributed(root, tmp_path / "out", empty.scheduler_address, timeout=1)
