"""leergeschiedenis: from a proeftuin's registrations to its yearly learning history.

The public API, for the programme team's notebooks (see ``notebooks/verkennen.ipynb``):

- ``load(folder) -> Dataset``: the validated tables, ``refused`` rows and ``problems``;
- ``YearView(dataset, jaar, Filters(organisatie=..., rol=...))``: everything that may be
  published about a year, after the privacy gate (what the report and dashboard show);
- ``kerncijfers(dataset, jaar, organisatie=None)``: the year's key figures as a dict (JSON);
- ``export_problems(dataset, path)``: the refused rows with their reasons, as a workbook to fix;
- ``render(folder, jaar, out)``: one yearly report (HTML, notebook, kerncijfers.json);
- ``huisstijl(fig, titel, ondertitel)``: a chart of your own in the report's house style.

Everything is imported when first used, so ``import leergeschiedenis`` (and the
command line, which starts a report's kernel before it reads anything) stays quick.
"""

from .errors import LeergeschiedenisError, OnleesbareData
from .version import __version__

_LAZY = {
    "Config": ("config", "Config"),
    "Dataset": ("dataset", "Dataset"),
    "load": ("dataset", "load"),
    "Accounting": ("problems", "Accounting"),
    "Problem": ("problems", "Problem"),
    "YearView": ("publish", "YearView"),
    "Filters": ("publish", "Filters"),
    "kerncijfers": ("key_figures", "kerncijfers"),
    "export_problems": ("export", "export_problems"),
    "render": ("report", "render"),
    "huisstijl": ("figures", "huisstijl"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attribute)
    raise AttributeError(f"module 'leergeschiedenis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Accounting",
    "Config",
    "Dataset",
    "Filters",
    "LeergeschiedenisError",
    "OnleesbareData",
    "Problem",
    "YearView",
    "__version__",
    "export_problems",
    "huisstijl",
    "kerncijfers",
    "load",
    "render",
]
