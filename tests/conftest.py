import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import leergeschiedenis as lg

DATA = Path(__file__).parent / "data"
SAMPLE = Path(__file__).parent.parent / "data" / "sample"


@pytest.fixture(scope="session")
def analyse():
    """tests/data/analyse: a small proeftuin whose figures are worked out by hand (min_groepsgrootte 3)."""
    return lg.load(DATA / "analyse")


MARKERS_SECRET = {
    "ik_wil": "zzikwilgeheim",
    "ik_kan": "zzikkangeheim",
    "ik_heb_nodig": "zzhebnodiggeheim",
    "proeftuinoplossing": "zzoplossinggeheim",
    "casus_id": "zzcasusid",
    "deelnemer_id": "zzdeelnemerid",
    "kaart_id": "zzkaartid",
    "citaat_zonder_toestemming": "zzcitaatzondertoestemming",
    "kaart_zonder_toestemming": "zzkaartzondertoestemming",
}
MARKERS_PUBLIC = {"citaat_met_toestemming": "zzcitaatmettoestemming", "kaart_met_toestemming": "zzkaartmettoestemming"}


@pytest.fixture(scope="session")
def wijk_folder(tmp_path_factory) -> Path:
    """The analyse fixture's tables with the neighbourhood level of tests/data/wijk (its own proeftuin.yml)."""
    folder = tmp_path_factory.mktemp("wijk")
    for p in (DATA / "analyse").iterdir():
        if p.name != "proeftuin.yml":
            shutil.copy(p, folder)
    for p in (DATA / "wijk").iterdir():
        if p.suffix in (".yml", ".csv"):
            shutil.copy(p, folder)
    return folder


@pytest.fixture(scope="session")
def lek(tmp_path_factory):
    """tests/data/analyse with a unique marker word in every confidential field, identifier and
    non-consented quote, and in the consented quotes (which must appear)."""
    root = tmp_path_factory.mktemp("lekroot")
    folder = root / "lek"
    folder.mkdir()
    source = DATA / "analyse"
    for path in source.iterdir():
        text = path.read_text(encoding="utf-8")
        for case in ("A1", "A2", "B1", "B2", "B3", "B4", "B5"):
            text = text.replace(f"{case};", f"{MARKERS_SECRET['casus_id']}{case};")
        for p in ("P1", "P2", "P3", "P4"):
            text = text.replace(f"{p};", f"{MARKERS_SECRET['deelnemer_id']}{p};")
        for k in ("K1", "K2", "K3", "K4", "K5", "K6"):
            text = text.replace(f"{k};", f"{MARKERS_SECRET['kaart_id']}{k};")
        (folder / path.name).write_text(text, encoding="utf-8")
    cases = (folder / "casussen.csv").read_text(encoding="utf-8").splitlines()
    cases[0] += ";ik_kan;ik_heb_nodig;proeftuinoplossing;citaat;toestemming_citaat"
    for i in range(1, len(cases)):
        fields = cases[i].split(";")
        fields[-1] = f"ik wil {MARKERS_SECRET['ik_wil']} {i}"
        consent = i % 2 == 0
        quote = MARKERS_PUBLIC["citaat_met_toestemming"] if consent else MARKERS_SECRET["citaat_zonder_toestemming"]
        fields += [
            f"ik kan {MARKERS_SECRET['ik_kan']}",
            f"nodig {MARKERS_SECRET['ik_heb_nodig']}",
            f"oplossing {MARKERS_SECRET['proeftuinoplossing']}",
            f"Zij zei: {quote} {i}.",
            "ja" if consent else "nee",
        ]
        cases[i] = ";".join(fields)
    (folder / "casussen.csv").write_text("\n".join(cases) + "\n", encoding="utf-8")
    cards = (folder / "reflectiekaarten.csv").read_text(encoding="utf-8")
    cards = cards.replace(
        "Wat de bewoner wil staat voorop", f"Wat de bewoner wil staat voorop {MARKERS_PUBLIC['kaart_met_toestemming']}"
    )
    cards = cards.replace(
        "Ze keken echt naar mijn leefwereld", f"Ze keken echt naar mijn leefwereld {MARKERS_SECRET['kaart_zonder_toestemming']}"
    )
    (folder / "reflectiekaarten.csv").write_text(cards, encoding="utf-8")
    return folder


def pytest_configure(config):
    """Tests use a cache of their own, so they never read a developer's cache (whatever
    LEERGESCHIEDENIS_CACHE says) and never write into it; it is removed when the run ends."""
    os.environ["LEERGESCHIEDENIS_CACHE"] = tempfile.mkdtemp(prefix="lg-cache-tests-")


def pytest_unconfigure(config):
    """The run's cache goes with it: a run leaves nothing in the temporary folder."""
    folder = os.environ.get("LEERGESCHIEDENIS_CACHE", "")
    if Path(folder).name.startswith("lg-cache-tests-"):
        shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard_server(
    data_root: Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    kernels: int = 2,
    extra: tuple[str, ...] = (),
    log: Path | None = None,
) -> Iterator[str]:
    """`leergeschiedenis dashboard DATA_ROOT --kernels 2 [EXTRA]` on a free port (a pool of two: the tests
    open pages one after the other): its URL once the page answers; stopped afterwards. Its output
    goes to ``log`` when given."""
    port = free_port()
    # the server's temporary files (its Voila config folder, its kernels') in a folder of its own, removed
    # afterwards: also when it had to be killed and could not clean up itself
    scratch = Path(tempfile.mkdtemp(prefix="lg-dashboard-tests-"))
    env = {**(os.environ if env is None else env), "TMPDIR": str(scratch)}
    log_file = open(log, "w") if log else None  # noqa: SIM115 - closed after the server stopped
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "leergeschiedenis.cli",
            "dashboard",
            str(data_root),
            "--port",
            str(port),
            "--kernels",
            str(kernels),
            *extra,
        ],
        stdout=log_file or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log_file else subprocess.DEVNULL,
        env=env,
        cwd=cwd,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"het dashboard stopte meteen (exit {process.returncode})")
                if time.time() > deadline:
                    pytest.fail("het dashboard startte niet binnen 120 s")
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if log_file:
            log_file.close()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    """The dashboard on the sample, shared by the server and the browser tests."""
    with dashboard_server(SAMPLE) as url:
        yield url
