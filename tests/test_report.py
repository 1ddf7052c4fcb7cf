"""The rendered learning history itself: offline HTML without code, key figures in Dutch notation."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from leergeschiedenis import fmt
from leergeschiedenis.batch import render_all
from leergeschiedenis.report import render

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = render(DATA / "analyse", 2017, out)
    return result, out


def test_writes_the_promised_files(rendered):
    result, out = rendered
    folder = out / "proeftuin-rekenvoorbeeld" / "2017"
    assert result.folder == folder and not result.skipped
    for name in ("leergeschiedenis-2017.ipynb", "leergeschiedenis-2017.html", "kerncijfers.json"):
        assert (folder / name).is_file(), name
    assert json.loads((folder / "kerncijfers.json").read_text())["casussen"]["totaal"] == 5


def test_html_has_no_code_prompts_or_errors(rendered):
    text = rendered[0].html.read_text(encoding="utf-8")
    # markdown prose is rendered in an input area too; code is what must not show
    assert not re.search(r'class="[^"]*(jp-InputPrompt|jp-OutputPrompt|jp-CodeMirrorEditor|highlight hl-ipython)', text)
    assert "verslag = Verslag.open" not in text and "from leergeschiedenis" not in text
    assert "Traceback" not in text and 'data-mime-type="application/vnd.jupyter.stderr"' not in text
    body = text.split("<body", 1)[1]
    assert "In&nbsp;[" not in body and "Out[" not in body


def test_html_loads_nothing_from_the_internet(rendered):
    text = rendered[0].html.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?https?:", text)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", text)
    assert not re.search(r"@import\s+url\([\"']?https?:", text)
    assert "require.js" not in text and "MathJax.js" not in text


def test_plotly_js_is_embedded_exactly_once(rendered):
    text = rendered[0].html.read_text(encoding="utf-8")
    assert text.count("* plotly.js v") == 1
    assert text.count("Plotly.newPlot(") >= 8


def test_html_stays_under_5_mb_with_only_the_lab_styles_it_uses(rendered):
    text = rendered[0].html.read_text(encoding="utf-8")
    assert rendered[0].html.stat().st_size < 5_000_000
    assert ".jp-RenderedHTMLCommon table" in text  # the styles the report uses are kept
    assert "--jp-icon-" not in text and ".jp-FileBrowser" not in text and ".jp-Dialog" not in text
    assert '"template":{"data"' not in text  # figures carry a slim template, not plotly_white's 7 kB


def test_key_figures_appear_in_dutch_notation(rendered):
    result, _ = rendered
    text = result.html.read_text(encoding="utf-8")
    k = json.loads((result.folder / "kerncijfers.json").read_text())
    assert (
        f"In 2017 werden {k['casussen']['totaal']} casussen aangemeld, {fmt.getal(k['casussen']['groeifactor'])} keer zoveel"
        in text
    )
    assert fmt.getal(k["welbevinden"]["verandering"]) in text  # 5,3
    assert fmt.euro(k["kosten"]["besparing"]) in text  # € 4.800
    assert "€\u00a08.250" in text and "22,5" in text
    assert "5.33" not in text.split("<script", 1)[0]  # no English decimals in the prose


def test_second_run_with_unchanged_inputs_renders_nothing(rendered):
    result, out = rendered
    before = result.html.stat().st_mtime_ns
    again = render(DATA / "analyse", 2017, out)
    assert again.skipped
    assert result.html.stat().st_mtime_ns == before


def test_failing_notebook_names_the_chapter_and_keeps_the_old_report(rendered, tmp_path):
    result, out = rendered
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "leergeschiedenis.cli",
            "report",
            str(DATA / "analyse"),
            "--year",
            "2017",
            "--out",
            str(out),
            "--notebook",
            str(DATA / "notebooks" / "faalt.ipynb"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "hoofdstuk 'Positieve gezondheid' faalde (ValueError: spinnenweb kapot)" in done.stderr
    assert "Traceback" not in done.stderr
    assert result.html.is_file()  # the good report is still there
    assert not list(result.folder.parent.glob(".*"))  # no half-written folders left behind


def test_batch_renders_every_year_and_writes_an_index(tmp_path):
    root = tmp_path / "proeftuinen"
    root.mkdir()
    (root / "analyse").symlink_to(DATA / "analyse", target_is_directory=True)
    out = tmp_path / "out"
    results = render_all(root, out, jobs=2)
    assert [(r.slug, r.jaar) for r in results] == [("proeftuin-rekenvoorbeeld", y) for y in (2016, 2017, 2018)]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="proeftuin-rekenvoorbeeld/2017/leergeschiedenis-2017.html"' in index
    assert "€\u00a04.800" in index and "+5,3" in index
    assert all(r.skipped for r in render_all(root, out, jobs=2))


def test_the_report_with_goals_and_de_wijk(tmp_path):
    """Issue 14: the scorecard in the Samenvatting and the chapter De wijk before Datakwaliteit."""
    import shutil

    data = tmp_path / "wijk"
    data.mkdir()
    for p in (DATA / "analyse").iterdir():
        if p.name != "proeftuin.yml":
            shutil.copy(p, data)
    for p in (DATA / "wijk").iterdir():
        if p.suffix in (".yml", ".csv"):
            shutil.copy(p, data)
    text = render(data, 2017, tmp_path / "out").html.read_text(encoding="utf-8")
    assert "nog geen indicator gekozen" in text and "lg-doelen" in text
    assert "Dit doel haalde 1 van de 2 streefwaarden" in text
    assert (
        text.index('id="Lessen"') < text.index('id="De-wijk"') < text.index('id="Wijkbudget"') < text.index('id="Datakwaliteit"')
    )
    assert "Bezoekers per week in 2017" in text


def test_a_report_without_the_new_tables_has_no_de_wijk_chapter(rendered):
    text = rendered[0].html.read_text(encoding="utf-8")
    assert 'id="De-wijk"' not in text and "nog geen indicator gekozen" not in text


def test_a_failing_de_wijk_chapter_is_named(tmp_path):
    from leergeschiedenis.report import NOTEBOOK, _chapter_of

    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if "verslag.wijk()" in "".join(c["source"]))
    assert _chapter_of(NOTEBOOK, index) == "De wijk"
    assert _chapter_of(NOTEBOOK, index + 2) == "Datakwaliteit"
