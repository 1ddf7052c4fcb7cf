"""Nothing confidential in any published output: report (executed notebook, HTML, PDF text),
kerncijfers.json, the index and the regional view. The dashboard is attacked in test_server.py and test_dashboard_browser.py."""

import json
import os

import pypdf
import pytest

import leergeschiedenis as lg
from leergeschiedenis.batch import write_index
from leergeschiedenis.browser import chromium_path
from leergeschiedenis.key_figures import kerncijfers
from leergeschiedenis.report import render

from .conftest import MARKERS_PUBLIC, MARKERS_SECRET

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def published(lek, tmp_path_factory):
    out = tmp_path_factory.mktemp("gepubliceerd")
    pdf = bool(chromium_path())
    result = render(lek, 2017, out, pdf=pdf)
    write_index(out)
    texts = {p.name: p.read_text(encoding="utf-8") for p in result.folder.iterdir() if p.suffix in (".html", ".ipynb", ".json")}
    texts["index.html"] = (out / "index.html").read_text(encoding="utf-8")
    texts["regio.html"] = (out / "regio.html").read_text(encoding="utf-8")  # the regional view, beside the index
    if pdf:
        reader = pypdf.PdfReader(result.folder / "leergeschiedenis-2017.pdf")
        texts["pdf"] = "\n".join(page.extract_text() for page in reader.pages)
    return texts


def test_the_markers_are_really_in_the_input(lek):
    d = lg.load(lek)
    assert d.n_refused == 1  # the planted -1 cost line of the analyse fixture, nothing else
    assert d.casussen["ik_wil"].str.contains(MARKERS_SECRET["ik_wil"]).all()
    assert d.casussen["casus_id"].str.startswith(MARKERS_SECRET["casus_id"]).all()


@pytest.mark.parametrize("marker", sorted(MARKERS_SECRET.values()))
def test_no_secret_in_any_published_file(published, marker):
    for name, text in published.items():
        assert marker not in text.lower(), f"{marker} in {name}"


def test_consented_quotes_do_appear(published):
    html = published["leergeschiedenis-2017.html"].lower()
    for marker in MARKERS_PUBLIC.values():
        assert marker in html


def test_pdf_text_was_checked_when_possible(published):
    if chromium_path() or os.environ.get("CI"):  # in CI Chromium is there, so the PDF is checked
        assert "leergeschiedenis" in published["pdf"].lower()
        assert "werden" in published["pdf"].lower()  # the text itself, not just a title


def test_kerncijfers_json_has_no_identifier(lek):
    text = json.dumps(kerncijfers(lg.load(lek), 2017)).lower()
    assert not any(m in text for m in MARKERS_SECRET.values())
