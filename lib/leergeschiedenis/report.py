"""Rendering the yearly learning history: papermill runs the notebook, nbconvert writes offline HTML.

Output goes to ``OUT/<proeftuin-slug>/<jaar>/``. A render writes into a
temporary folder and only then replaces the earlier report, so a failed run
never destroys a good one. A report whose inputs did not change is not
rendered again (content hash, like Quarto's freeze): the data, the notebook and
the content of the package's source, notebooks and templates.

The notebook run writes kerncijfers.json itself (parameter ``kerncijfers_pad``):
the figures are computed once, in the kernel, from the same view as the report.
A batch passes a ``engine.WarmKernel`` so its reports share one kernel start.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from .dataset import dataset_years, load, year_with_data
from .engine import KERNEL_ARGUMENTS, register
from .errors import SchrijvenMislukt, VerslagMislukt
from .names import slug as name_slug
from .version import source_digest

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from .engine import WarmKernel

# package data, so a plain `pip install .` (a Dask worker) finds them; installed as files, not zipped
PACKAGE_DIR = Path(files(__package__))
NOTEBOOK = PACKAGE_DIR / "notebooks" / "leergeschiedenis.ipynb"
TEMPLATES = PACKAGE_DIR / "templates"
HASH_FILE = ".invoer-sha256"
KEY_FIGURES_FILE = "kerncijfers.json"
PRIVACY_FILE = "privacy.html"
KERNEL = "python3"
# a hidden work folder (``.2017-k3x9_a2b``) or an old report set aside (``.2017-oud-4242``) this old is a
# leftover of a render that was killed: no render takes that long, so it is not one still running
LEFTOVER_SECONDS = 3600


@dataclass(frozen=True)
class Rendered:
    proeftuin: str
    slug: str
    jaar: int
    folder: Path
    skipped: bool  # inputs unchanged since the last render

    @property
    def html(self) -> Path:
        return self.folder / f"leergeschiedenis-{self.jaar}.html"


def slug(name: str) -> str:
    """The report folder of a proeftuin: its name by the slug rule (``names.slug``)."""
    return name_slug(name) or "proeftuin"


def input_hash(data_dir: Path, year: int, pdf: bool, prijslijst: Path | None, notebook: Path = NOTEBOOK) -> str:
    """Everything a report depends on: data files, config, shared price list, notebook, and the content of
    the package (its source, notebooks and templates; ``source_digest``)."""
    digest = hashlib.sha256()
    files = sorted(p for p in data_dir.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
    if prijslijst is not None:
        files.append(prijslijst)
    for path in [*files, notebook]:
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(f"{source_digest()}|{year}|{pdf}".encode())
    return digest.hexdigest()


def _chapter_of(notebook_path: Path, cell_index: int | None) -> str:
    """The last '## ' heading above the failing cell: the chapter a reader knows."""
    import nbformat

    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except Exception:
        return "onbekend"
    chapter = "begin"
    for i, cell in enumerate(nb.cells):
        if cell_index is not None and i > cell_index:
            break
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith(("## ", "### ")):
                    chapter = line.lstrip("#").strip()
        elif cell.metadata.get("hoofdstuk"):  # a chapter that writes its own heading (it may be left out)
            chapter = cell.metadata["hoofdstuk"]
    return chapter


def execute(
    data_dir: Path,
    year: int,
    output: Path,
    progress: bool = False,
    notebook: Path = NOTEBOOK,
    key_figures: Path | None = None,
    warm: WarmKernel | None = None,
) -> NotebookNode:
    """Run the report notebook for ``year`` with papermill; it writes the key figures to ``key_figures``.
    In ``warm`` (a kernel kept between reports) when given, else in a kernel of its own."""
    engine = register()  # before papermill is imported (see there)
    import papermill as pm

    parameters = {"data_dir": str(data_dir.resolve()), "jaar": year, "publiceren": True}
    if key_figures is not None:
        parameters["kerncijfers_pad"] = str(key_figures.resolve())
    try:
        return pm.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            engine_name=engine,
            kernel_name=KERNEL,
            progress_bar=progress,
            cwd=None if warm is not None else str(notebook.parent),  # a warm kernel goes there itself
            log_output=False,
            request_save_on_cell_execute=False,  # written once at the end (and on failure), not after every cell
            extra_arguments=KERNEL_ARGUMENTS,
            **({"warm": warm, "kernel_cwd": str(notebook.parent)} if warm is not None else {"shutdown_kernel": "immediate"}),
        )
    except pm.PapermillExecutionError as e:
        written = re.match(r"\[Errno (\d+)\] ([^:]*)", str(e.evalue or ""))
        if e.ename in _WRITE_ERRORS and written and int(written[1]) in _FULL:  # the kernel could not write kerncijfers.json
            raise OSError(int(written[1]), written[2]) from None
        chapter = _chapter_of(output, getattr(e, "cell_index", None))
        raise VerslagMislukt(
            f"Het verslag {year} van {data_dir} kon niet worden gemaakt: hoofdstuk '{chapter}' faalde "
            f"({e.ename}: {str(e.evalue).splitlines()[0] if e.evalue else ''})."
        ) from None


_WRITE_ERRORS = {"OSError", "PermissionError", "FileNotFoundError", "NotADirectoryError", "IsADirectoryError"}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}  # a write error, whatever the kernel was doing
_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.EFBIG: "het bestand wordt groter dan hier mag (een limiet van het systeem of de schijf)",
    errno.EACCES: "geen toestemming om daar te schrijven",
    errno.EPERM: "geen toestemming om daar te schrijven",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "een deel van het pad is een bestand, geen map",
}


def write_reason(e: OSError) -> str:
    """Why a write failed, in Dutch where we know the reason."""
    return _REASONS.get(e.errno) or e.strerror or str(e)


def _cannot_write(e: OSError, jaar: int, folder: Path) -> SchrijvenMislukt:
    """One Dutch line for a failed write: where, and why in words (not papermill's stack)."""
    why = write_reason(e)
    return SchrijvenMislukt(
        f"Het verslag {jaar} kan niet geschreven worden in {folder}: {why}. Het vorige verslag (als dat er was) is ongewijzigd."
    )


_EXPORTER_LOCK = threading.Lock()


@cache
def _exporter_unlocked():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="leergeschiedenis",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        theme="light",
    )
    exporter.language_code = "nl"
    # one small page through it loads and compiles what every page needs (templates, markdown, and the
    # HTML entity table BeautifulSoup builds on first use), so the first report does not wait for it
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## Kop &amp; *tekst*"), nbformat.v4.new_code_cell("1")]
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", {"text/html": "<p>&euro; 1</p>", "text/markdown": "*x*"})]
    exporter.from_notebook_node(nb, resources={"metadata": {"name": "opwarmen"}})
    return exporter


def _exporter():
    """nbconvert's HTML exporter with the report's template: made once per process (templates loaded once)."""
    with _EXPORTER_LOCK:
        return _exporter_unlocked()


def prepare_html() -> threading.Thread:
    """Make the exporter in a background thread: the parent waits for the kernel anyway."""
    thread = threading.Thread(target=_exporter, name="nbconvert-opwarmen", daemon=True)
    thread.start()
    return thread


def to_html(executed: Path | NotebookNode, html_path: Path) -> None:
    """Offline HTML: no code, no prompts, no stderr, nothing fetched from the internet."""
    import copy

    import nbformat

    from .stylesheet import without_unused_lab_styles

    nb = nbformat.read(executed, as_version=4) if isinstance(executed, (str, Path)) else copy.deepcopy(executed)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.get("outputs", []) if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]
    exporter = _exporter()
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb.metadata.get("title", "Leergeschiedenis")}})
    html_path.write_text(without_unused_lab_styles(body, exporter.template_paths), encoding="utf-8")


def to_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print the HTML with Debian's Chromium (Playwright drives it; no browser download)."""
    from .browser import chromium

    with chromium() as browser:
        page = browser.new_page()
        page.goto(html_path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("() => [...document.querySelectorAll('.plotly-graph-div')].every(d => d.querySelector('svg'))")
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf_path),
            format="A4",
            print_background=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
        )


def render(
    data_dir: str | Path,
    jaar: int,
    out_dir: str | Path = "reports",
    pdf: bool = False,
    force: bool = False,
    progress: bool = False,
    notebook: Path = NOTEBOOK,
    warm: WarmKernel | None = None,
) -> Rendered:
    """Render the learning history of proeftuin ``data_dir`` for ``jaar`` into ``out_dir``/<proeftuin>/<jaar>/:
    executed notebook, HTML, kerncijfers.json (and a PDF with ``pdf``). Unchanged inputs are not rendered
    again unless ``force``; the old report stays until the new one is complete. ``warm``: run the notebook
    in that kernel (kept between reports, see ``engine``) instead of a kernel of its own."""
    data_dir = Path(data_dir)
    dataset = load(data_dir)
    jaar = year_with_data(dataset, jaar)  # no empty report for a year without data (JaarZonderGegevens)
    name = dataset.naam
    folder = Path(out_dir) / slug(name) / str(jaar)
    prijslijst = dataset.sources.get("prijslijst")
    shared = prijslijst.path if prijslijst and prijslijst.path.parent != data_dir else None
    digest = input_hash(data_dir, jaar, pdf, shared, Path(notebook))
    done = folder / HASH_FILE
    if not force and done.is_file() and done.read_text().strip() == digest:
        return Rendered(name, slug(name), jaar, folder, skipped=True)

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(folder.parent, jaar)
        work = Path(tempfile.mkdtemp(prefix=f".{jaar}-", dir=folder.parent))
    except OSError as e:
        raise _cannot_write(e, jaar, folder) from None
    try:
        executed = work / f"leergeschiedenis-{jaar}.ipynb"
        figures = work / KEY_FIGURES_FILE
        register()  # papermill imported here first: two threads importing jupyter_client at once can fail
        prepare_html()
        nb = execute(data_dir, jaar, executed, progress, Path(notebook), key_figures=figures, warm=warm)
        to_html(nb, work / f"leergeschiedenis-{jaar}.html")
        if not figures.is_file():  # a notebook of one's own (--notebook) that does not write them
            from .key_figures import kerncijfers, write_kerncijfers

            write_kerncijfers(kerncijfers(dataset, jaar), figures)
        from .verantwoording import write_page

        write_page(dataset, jaar, work / PRIVACY_FILE)  # the verantwoording beside the report (Datakwaliteit links it)
        if pdf:
            to_pdf(work / f"leergeschiedenis-{jaar}.html", work / f"leergeschiedenis-{jaar}.pdf")
        (work / HASH_FILE).write_text(digest + "\n")
        _replace(work, folder)
    except OSError as e:  # a full disk, a file size limit: the good report stays as it was
        raise _cannot_write(e, jaar, folder) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Rendered(name, slug(name), jaar, folder, skipped=False)


def _replace(new: Path, final: Path) -> None:
    """Swap the finished folder in; the old report survives until the new one is complete."""
    old = final.with_name(f".{final.name}-oud-{os.getpid()}")
    new.chmod(0o755)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


_LEFTOVER = re.compile(r"\.(\d{4})-(?:[a-z0-9_]{8}|oud-\d+)")


def remove_leftovers(proeftuin_folder: Path, jaar: int, now: float | None = None) -> list[Path]:
    """Remove what killed renders of ``jaar`` left in ``proeftuin_folder``: hidden folders of this module's
    own two patterns only (``.2017-`` and mkdtemp's eight characters, ``.2017-oud-<pid>``), and only when
    older than ``LEFTOVER_SECONDS`` (a render of the same year running now keeps its own)."""
    now = time.time() if now is None else now
    removed = []
    for path in proeftuin_folder.iterdir():
        match = _LEFTOVER.fullmatch(path.name)
        if not match or int(match[1]) != int(jaar) or path.is_symlink() or not path.is_dir():
            continue
        try:
            old = now - path.stat().st_mtime > LEFTOVER_SECONDS
        except OSError:
            continue
        if old:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def report_years(data_dir: Path) -> list[int]:
    return dataset_years(load(data_dir))
