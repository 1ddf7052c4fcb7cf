"""The dashboard's lighter plotly.js (issue 23): only the trace types its charts use, put in the
renderer's chunk in place of the full plotly.js, and nothing changed when that cannot be done."""

import json

import pytest

import leergeschiedenis as lg
from leergeschiedenis import plotly_bundle
from leergeschiedenis import server as voila_server
from leergeschiedenis.dashboard import view_figures
from leergeschiedenis.publish import YearView

from .conftest import SAMPLE

# the shape of the renderer's chunk: esbuild's CommonJS wrapper (F) around plotly.js's UMD build
PLOTLY_MODULE = (
    'j=F((t,r)=>{var i,n;i="u">typeof self?self:t,n=()=>{var t=1;return window.Plotly=t,t},'
    '"object"==typeof r&&r.exports?r.exports=n():i.moduleName=n()})'
)
CHUNK = "(self.x=self.x||[]).push([[0],{2(t,r,i){var a=1," + PLOTLY_MODULE + ",N=O(R());createGraph()}}])"
BUNDLE = '"use strict";var Plotly=(()=>{var v={};v.version="9.9.9";return v})();'


def test_the_bundle_takes_the_place_of_plotly_and_the_rest_of_the_chunk_stays():
    patched = plotly_bundle.with_bundle(CHUNK, BUNDLE)
    assert patched == CHUNK.replace(
        PLOTLY_MODULE, "j=F((exports,module)=>{" + BUNDLE + "\n;module.exports=Plotly;window.Plotly=Plotly})"
    )


@pytest.mark.parametrize(
    "chunk",
    [
        "(self.x=[]).push([[0],{2(t,r,i){createGraph()}}])",  # no plotly.js module of the known form
        CHUNK.replace("}}])", "," + PLOTLY_MODULE.replace("j=", "k=") + "}}])"),  # two: which one?
        CHUNK.replace('"object"==typeof r&&r.exports', '"object"==typeof q&&q.exports').replace("q.exports?r", "q.exports?q"),
    ],
)
def test_a_chunk_not_as_expected_is_left_alone(chunk):
    assert plotly_bundle.with_bundle(chunk, BUNDLE) is None


def test_every_trace_type_of_the_dashboards_charts_is_in_the_bundle():
    types = set()
    for folder in ("ruwaard", "deurne", "maastricht"):
        d = lg.load(SAMPLE / folder)
        for year in lg.dataset.dataset_years(d):
            for fig in view_figures(YearView(d, year)).values():
                types |= {trace.type for trace in fig.data}
    assert {"bar", "heatmap", "scatter", "scatterpolar"} <= types
    assert types <= {*plotly_bundle.TRACES, "scatter"}  # scatter is in plotly.js's core


def _fake_bundle(tmp_path, version: str):
    path = tmp_path / "plotly.min.js"
    path.write_text(BUNDLE.replace("9.9.9", version))
    return path


def test_the_server_serves_the_renderer_with_the_bundle_when_it_is_there(tmp_path, monkeypatch):
    installed = plotly_bundle.installed_extension()
    if installed is None:
        pytest.skip("jupyterlab-plotly is niet geïnstalleerd")
    version = plotly_bundle.plotly_version(installed)
    monkeypatch.setenv(plotly_bundle.BUNDLE_ENV, str(_fake_bundle(tmp_path, version)))
    _, _, config_dir = voila_server.voila_command(None, "127.0.0.1", 8866, None)
    extra = json.loads((config_dir / "voila.json").read_text())["VoilaConfiguration"]["extra_labextensions_path"]
    copy = config_dir / "labextensions" / plotly_bundle.EXTENSION
    assert extra == [str(copy.parent)]
    chunks = {p.name: p.read_text() for p in (copy / "static").glob("*.js")}
    assert {p.name for p in (installed / "static").glob("*.js")} == set(chunks)
    with_bundle = [name for name, text in chunks.items() if BUNDLE.replace("9.9.9", version) in text]
    assert len(with_bundle) == 1 and len(chunks[with_bundle[0]]) < 2_000_000  # was 4.8 MB
    assert json.loads((copy / "package.json").read_text()) == json.loads((installed / "package.json").read_text())


def test_without_a_bundle_for_the_renderers_plotly_version_the_full_one_is_served(tmp_path, monkeypatch):
    for bundle in (_fake_bundle(tmp_path, "0.0.1"), tmp_path / "missing.js"):
        monkeypatch.setenv(plotly_bundle.BUNDLE_ENV, str(bundle))
        _, _, config_dir = voila_server.voila_command(None, "127.0.0.1", 8866, None)
        assert "extra_labextensions_path" not in json.loads((config_dir / "voila.json").read_text())["VoilaConfiguration"]
        assert not (config_dir / "labextensions").exists()
