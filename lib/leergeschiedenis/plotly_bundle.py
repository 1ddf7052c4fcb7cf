"""A lighter plotly.js for the dashboard: only the trace types its charts use.

JupyterLab's plotly renderer (the ``jupyterlab-plotly`` labextension that plotly installs)
carries the whole of plotly.js, 4.8 MB, in one chunk that every page loads. The dashboard
draws bars, funnels, heatmaps, lines and a spinnenweb (``scatterpolar``): a plotly.js built
from the same version's sources with just those (``TRACES``; scatter is in plotly's core) is
1.2 MB. ``python -m leergeschiedenis.plotly_bundle`` builds it with npm and esbuild into
``.cache/plotly`` (``make dashboard`` and ``make test`` do); ``labextension_with_bundle`` makes
a copy of the renderer's labextension whose chunk holds that plotly.js in place of the full one,
for Voila to serve before the installed one. Without the bundle (no npm, another plotly.js
version, a renderer whose chunk is not as expected) nothing is changed: the full plotly.js.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

EXTENSION = "jupyterlab-plotly"
# the trace types of figures.py (tests/test_plotly_bundle.py checks every chart against this)
TRACES = ("bar", "funnel", "heatmap", "scatterpolar")
ESBUILD_VERSION = "0.28.2"
BUNDLE_ENV = "LEERGESCHIEDENIS_PLOTLY_JS"
_CHECKOUT = Path(__file__).resolve().parents[2]
# in a source checkout beside axe-core (make's .cache); installed with pip, in the user's cache folder
_IN_CHECKOUT = (_CHECKOUT / "pyproject.toml").is_file()
CACHE = (_CHECKOUT / ".cache" if _IN_CHECKOUT else Path.home() / ".cache" / "leergeschiedenis") / "plotly"

# In the renderer's chunk, esbuild wrapped plotly.js's UMD build as a CommonJS module:
# ``j=F((t,r)=>{var i,n;i="u">typeof self?self:t,n=()=>{ ... },"object"==typeof r&&r.exports?r.exports=n():i.moduleName=n()})``
_START = re.compile(r'=\w+\((\((\w+),(\w+)\)=>\{var \w+,\w+;\w+="u">typeof self\?self:\2,)')
_END = re.compile(r'"object"==typeof (\w+)&&\1\.exports\?\1\.exports=(\w+)\(\):\w+\.moduleName=\2\(\)\}')
_VERSION = re.compile(r'version="(\d+\.\d+\.\d+)"')


def installed_extension() -> Path | None:
    """The folder of the renderer's labextension that Voila would serve (the first on Jupyter's path)."""
    from jupyter_core.paths import jupyter_path

    for folder in jupyter_path("labextensions"):
        candidate = Path(folder) / EXTENSION
        if (candidate / "package.json").is_file():
            return candidate
    return None


def plotly_version(extension: Path) -> str | None:
    """The plotly.js version the renderer was built with (its package.json)."""
    package = json.loads((extension / "package.json").read_text(encoding="utf-8"))
    version = (package.get("dependencies") or {}).get("plotly.js", "")
    return version.lstrip("^~=") or None


def bundle_path(version: str) -> Path:
    configured = os.environ.get(BUNDLE_ENV)
    return Path(configured) if configured else CACHE / f"plotly-{version}-dashboard.min.js"


def with_bundle(chunk: str, bundle: str) -> str | None:
    """The renderer's chunk with ``bundle`` (an IIFE defining ``Plotly``) as its plotly.js module;
    None when the chunk does not have exactly one plotly.js module of the expected form."""
    starts = list(_START.finditer(chunk))
    if len(starts) != 1:
        return None
    start = starts[0]
    end = _END.search(chunk, start.end())
    if end is None or end.group(1) != start.group(3):
        return None
    module = "(exports,module)=>{" + bundle + "\n;module.exports=Plotly;window.Plotly=Plotly}"
    return chunk[: start.start(1)] + module + chunk[end.end() :]


def labextension_with_bundle(dest: Path) -> Path | None:
    """A copy of the renderer's labextension under ``dest`` (a labextensions folder) whose plotly.js is
    the dashboard's bundle; ``dest``, or None when there is no bundle for this renderer's plotly.js."""
    extension = installed_extension()
    version = plotly_version(extension) if extension else None
    if version is None:
        return None
    bundle_file = bundle_path(version)
    if not bundle_file.is_file():
        return None
    bundle = bundle_file.read_text(encoding="utf-8")
    if _VERSION.findall(bundle)[:1] != [version]:
        return None
    target = dest / EXTENSION
    replaced = False
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(extension, target, ignore=shutil.ignore_patterns("*.js"))
    for script in (extension / "static").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        patched = with_bundle(text, bundle) if "moduleName=" in text and _START.search(text) else None
        if patched is not None and not replaced:
            (target / "static" / script.name).write_text(patched, encoding="utf-8")
            replaced = True
        else:
            shutil.copy2(script, target / "static" / script.name)
    if not replaced:
        shutil.rmtree(target, ignore_errors=True)
        return None
    return dest


ENTRY = """'use strict';
var Plotly = require('plotly.js/lib/core');
Plotly.register([{traces}]);
module.exports = Plotly;
"""

BUILD = """require('esbuild').build({{
  entryPoints: ['entry.js'], bundle: true, minify: true, format: 'iife', globalName: 'Plotly',
  outfile: {outfile}, target: 'es2016', legalComments: 'none',
  alias: {{stream: 'stream-browserify'}},
  define: {{global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false'}},
  logLevel: 'warning',
}}).catch(() => process.exit(1));
"""


def build(folder: Path = CACHE) -> Path:
    """npm-install the renderer's plotly.js version and esbuild into ``folder`` and build the bundle there."""
    extension = installed_extension()
    version = plotly_version(extension) if extension else None
    if version is None:
        raise RuntimeError(f"{EXTENSION} is niet geïnstalleerd: er is geen plotly.js om te verkleinen")
    out = folder / f"plotly-{version}-dashboard.min.js"
    folder.mkdir(parents=True, exist_ok=True)
    npm = ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--silent", "--ignore-scripts"]
    subprocess.run([*npm, f"plotly.js@{version}", f"esbuild@{ESBUILD_VERSION}"], check=True)
    traces = ", ".join(f"require('plotly.js/lib/{t}')" for t in TRACES)
    (folder / "entry.js").write_text(ENTRY.format(traces=traces), encoding="utf-8")
    (folder / "build.js").write_text(BUILD.format(outfile=json.dumps(out.name)), encoding="utf-8")
    subprocess.run(["node", "build.js"], cwd=folder, check=True)
    return out


if __name__ == "__main__":
    try:
        print(build())
    except (OSError, RuntimeError, subprocess.CalledProcessError) as e:
        print(f"plotly.js niet verkleind ({e}): het dashboard laadt de volledige plotly.js", file=sys.stderr)
        sys.exit(1)
