"""The live dashboard for managers: one call builds the whole app (``app()``), Voila serves it.

It shows only what ``publish.YearView`` lets through, exactly like the report.
Charts take the width of the page (a phone's too) and keep their height; they are
redrawn in place when a control changes (see ``Chart``). Everything of the first view
is computed when the kernel runs the notebook (with Voila's preheated kernels, before
any page asks for it), but only the first tab's chart is sent with the page: the other
tabs' charts are sent when their tab is opened, so a page has one chart to draw, not
sixteen, and is never drawn in a hidden tab at the wrong size.
"""

from __future__ import annotations

import html
import json
import os
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import ipywidgets as w
import plotly.graph_objects as go
import plotly.io as pio

from . import content, figures, narrative, regio
from .config import load_config
from .dataset import Dataset, config_path, dataset_years, load, proeftuin_folders
from .errors import LeergeschiedenisError, OnleesbareData
from .locations import DATA_ENV, NO_SAMPLE, PREHEAT_ENV, SAMPLE
from .publish import Filters, YearView, organisations, view

ALLE = "Alle"
ALLE_PROEFTUINEN = "Alle proeftuinen"  # the comparison (regio) instead of the tabs
TABS = tuple(t.title for t in content.TABS)


class Proeftuin:
    """One proeftuin folder. Its data are read (or taken from the cache) when it is first
    shown: with hundreds of proeftuinen under one root, reading them all first would keep
    every manager waiting for minutes."""

    def __init__(self, folder: Path, naam: str):
        self.folder = folder
        self.naam = naam
        # how much was registered, from the files' sizes: enough to choose the first one shown
        self.omvang = sum(p.stat().st_size for p in folder.iterdir() if p.suffix.lower() in (".csv", ".xlsx"))

    @cached_property
    def dataset(self) -> Dataset:
        return load(self.folder)

    @cached_property
    def years(self) -> list[int]:
        return dataset_years(self.dataset)

    @cached_property
    def first_year(self) -> int | None:
        """The year shown first: the latest whose cases have a micro-analysis (welbevinden or costs), so
        the big cards show what was measured rather than 'nog niet gemeten'; without any, the latest year."""
        if not self.years:
            return None
        d = self.dataset
        measured = set(d.tables["metingen"]["casus_id"].dropna()) | set(d.tables["kosten"]["casus_id"].dropna())
        cases = d.tables["casussen"]
        years = cases.loc[cases["casus_id"].isin(measured), "aanmelddatum"].dt.year.dropna()
        return max((int(y) for y in years if int(y) in self.years), default=self.years[-1])


def discover(root: str | Path) -> dict[str, Proeftuin]:
    """Every proeftuin under ``root`` (or ``root`` itself when it is one), by name; nothing is read yet
    but each ``proeftuin.yml``."""
    root = Path(root)
    folders = [root] if config_path(root).is_file() else proeftuin_folders(root)
    found = {}
    for folder in folders:
        try:
            naam = load_config(config_path(folder))[0].naam
        except LeergeschiedenisError:
            naam = folder.name  # listed all the same: choosing it says that it cannot be read
        if naam in found:  # two folders with one name: both stay visible
            naam = f"{naam} ({folder.name})"
        found[naam] = Proeftuin(folder, naam)
    return found


@dataclass(frozen=True)
class Keuze:
    """What the controls are set to. ``Dashboard(proeftuinen, keuze)`` is a fresh page set straight to it:
    whatever the path there, the screen must equal that page (tests/test_dashboard_fresh.py)."""

    proeftuin: str
    jaar: int | None = None  # None: the proeftuin's first year (Proeftuin.first_year)
    organisatie: str = ALLE
    rol: str = ALLE


def _shows_something(proeftuin: Proeftuin) -> bool:
    try:
        return bool(proeftuin.years)
    except Exception:
        return False


class Chart:
    """One chart: an Output widget that shows a plotly figure through JupyterLab's plotly renderer.

    Not a ``FigureWidget``: under plotly 7 every FigureWidget carries its own 5 MB copy
    of plotly.js as widget state, so a dozen of them made the first page take 20 s.
    The renderer loads plotly.js once; a change redraws the figure in the same place.
    Created without a figure it is an empty box of the figure's height, filled by ``show``.
    """

    def __init__(self, fig: go.Figure | None = None, height: int | None = None, name: str = ""):
        self.name = name
        height = height or (fig.layout.height if fig is not None else None) or figures.HEIGHT
        self.widget = w.Output(layout=w.Layout(min_height=f"{height}px", width="100%"))
        self.widget.add_class("lg-grafiek")
        if fig is not None:
            self.show(fig)

    def show(self, fig: go.Figure) -> None:
        """Replace what the box holds by ``fig``, or by the sentence saying why it shows nothing.

        The box's ``outputs`` are set, not written to with ``clear_output``/``display``: widget
        state reaches a page that connects later (a preheated kernel ran before any page) and
        replaces whatever was there, so no chart of an earlier selection can stay behind."""
        why = content.empty_text(self.name, fig)
        if why is not None:  # nothing to show: only the sentence saying why, as the report does
            self.widget.layout.min_height = None
            self.widget.outputs = (_html_output(f"<p>{html.escape(why)}</p>"),) if why else ()
            return
        self.widget.layout.min_height = f"{fig.layout.height or figures.HEIGHT}px"
        bundle = {
            PLOTLY_MIME: fitted(json.loads(pio.to_json(fig, validate=False))) | {"config": PLOTLY_CONFIG},
            "text/plain": fig.layout.title.text or "grafiek",
        }
        self.widget.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)

    def blank(self) -> None:
        """Empty while its tab waits to be redrawn: never an earlier selection's chart under a new name."""
        self.widget.outputs = ()


def _html_output(markup: str) -> dict:
    return {"output_type": "display_data", "data": {"text/html": markup, "text/plain": ""}, "metadata": {}}


def fitted(spec: dict) -> dict:
    """A figure that takes its box's width (the report's charts are 760 px wide, a phone is 390),
    whose title and notes fit a phone (plotly does not wrap text: we do, at word boundaries), and
    that a swipe scrolls past instead of zooming: no drag mode, axes fixed."""
    layout = spec.setdefault("layout", {})
    layout.pop("width", None)
    layout["autosize"] = True
    layout["dragmode"] = False
    for axis in {"xaxis", "yaxis", *(k for k in layout if k.startswith(("xaxis", "yaxis")))}:
        layout.setdefault(axis, {}).update(fixedrange=True, automargin=True)  # long labels push the plot, not off the edge
    # long category names (the principles, the domains around the web) on more lines
    _wrap_categories(spec, "y", "yaxis", Y_LABEL_CHARS)
    _wrap_categories(spec, "theta", "polar", THETA_LABEL_CHARS)
    for trace in spec.get("data", []):
        errors = any(isinstance(trace.get(k), dict) and trace[k].get("array") is not None for k in ("error_x", "error_y"))
        if trace.get("type") == "bar" and errors and trace.get("text") is not None:
            # the value at the foot of its bar, so that the interval's whisker at its end does not cross it
            trace.update(textposition="inside", insidetextanchor="start")
        columns = trace.get("x") or []
        if trace.get("type") == "heatmap" and 0 < len(columns) <= HEATMAP_LABELLED and all(isinstance(c, str) for c in columns):
            # every column named (plotly leaves names out where they crowd: a role without its name)
            layout.setdefault("xaxis", {}).update(tickmode="array", tickvals=list(columns), ticktext=list(columns))
    if "polar" in layout or any(t.get("type") == "scatterpolar" for t in spec.get("data", [])):
        # the radial axis's numbers straight up, between two domains, not over the name at 0°
        layout.setdefault("polar", {}).setdefault("radialaxis", {}).setdefault("angle", 90)
    title = layout.get("title") or {}
    if isinstance(title.get("text"), str):
        # the page wraps the title again for the width of its box (the template's script, which reads
        # meta.lg_titel and meta.lg_marge_t); wrapped here for a phone, where no script runs
        meta = layout["meta"] = layout.get("meta") if isinstance(layout.get("meta"), dict) else {}
        meta.update(lg_titel=title["text"], lg_marge_t=(layout.get("margin") or {}).get("t", 80))
        title["text"] = _wrap_title(title["text"])
        # room in the top margin for every line (measured: about 26 px a line, with the spacing)
        _grow(layout, "t", 30 + 26 * len(title["text"].split("<br>")))
    if (layout.get("legend") or {}).get("orientation") == "h" and layout.get("showlegend") is not False:
        # below the axis title, whatever the tick labels need on a narrow screen
        layout["legend"].update(yref="container", y=0, yanchor="bottom")
        _grow(layout, "b", (layout.get("margin") or {}).get("b", 60) + 40)
    for note in layout.get("annotations") or []:
        if isinstance(note.get("text"), str) and note.get("xref") == "paper":
            note["text"] = _wrap(note["text"], NOTE_CHARS)
    return spec


def _grow(layout: dict, side: str, needed: int) -> None:
    """At least ``needed`` px of margin on ``side``; the figure grows by what is added."""
    margin = layout.setdefault("margin", {})
    now = margin.get(side, 80 if side == "t" else 60)
    if needed > now:
        if layout.get("height"):
            layout["height"] += needed - now
        margin[side] = needed


def _wrap_categories(spec: dict, key: str, where: str, width: int) -> None:
    """Show the categories of ``key`` (y, theta) wrapped, as tick texts: the data stay as they are."""
    categories: list[str] = []
    for trace in spec.get("data", []):
        for value in trace.get(key) or []:
            if isinstance(value, str) and value not in categories:
                categories.append(value)
    if not any(len(c) > width for c in categories):
        return
    layout = spec["layout"]
    axis = layout.setdefault(where, {})
    texts = [_wrap(c, width) for c in categories]
    if where == "polar":
        axis.setdefault("domain", {"x": [0.15, 0.7]})  # the names around the web need room, most on the right (0°)
        axis = axis.setdefault("angularaxis", {})
        axis.setdefault("tickfont", {"size": 10})
    elif layout.get("height"):  # every row gets room for its extra lines
        layout["height"] += 13 * sum(t.count("<br>") for t in texts)
    axis.update(tickmode="array", tickvals=categories, ticktext=texts)


HEATMAP_LABELLED = 10  # a heatmap with at most this many columns names every one (the roles; not 12 months)
TITLE_CHARS, SUBTITLE_CHARS, NOTE_CHARS, Y_LABEL_CHARS, THETA_LABEL_CHARS = (
    34,
    48,
    40,
    28,
    12,
)  # what a 390 px phone shows on one line


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def _wrap_title(text: str) -> str:
    """``Title<br><sup>subtitle</sup>`` with each part wrapped; a subtitle line stays inside its own <sup>."""
    lines = []
    for line in text.split("<br>"):
        if line.startswith("<sup>") and line.endswith("</sup>"):
            inner = line[len("<sup>") : -len("</sup>")]
            lines += [f"<sup>{part}</sup>" for part in _wrap(inner, SUBTITLE_CHARS).split("<br>")]
        else:
            lines += _wrap(line, TITLE_CHARS).split("<br>")
    return "<br>".join(lines)


PLOTLY_MIME = "application/vnd.plotly.v1+json"
BEZIG = "<span class='lg-bezig' role='status'>⏳ Bezig met bijwerken…</span>"
# drawn at its box's width when it is shown (autosize); not plotly's "responsive", which after a
# tab is hidden and shown again redraws the chart at height 0. No mode bar, no scroll zoom (its
# hints are English, and a phone's swipe must scroll the page)
PLOTLY_CONFIG = {"displaylogo": False, "responsive": False, "displayModeBar": False, "scrollZoom": False}


def _first_to_show(proeftuinen: dict[str, Proeftuin]) -> str:
    """The proeftuin with the most registrations (the one most managers come for), passing over
    any that cannot be read or has no data yet: those say so when chosen."""
    order = sorted(proeftuinen, key=lambda n: (proeftuinen[n].omvang, n), reverse=True)
    default = next((n for n in order if _shows_something(proeftuinen[n])), None)
    if default is None:
        raise OnleesbareData("Geen enkele proeftuin kon worden gelezen of heeft al gegevens: zie leergeschiedenis check.")
    return default


class Dashboard:
    """Controls, tabs and charts; ``refresh()`` recomputes the view and updates every tab."""

    def __init__(self, proeftuinen: dict[str, Proeftuin], keuze: Keuze | None = None, vergelijking_vooraf: bool = False):
        if not proeftuinen:
            raise OnleesbareData("Geen proeftuinen gevonden.")
        self.proeftuinen = proeftuinen
        keuze = keuze or Keuze(_first_to_show(proeftuinen))
        self._make_controls(keuze)
        # Charts are created from the first view's full state: updates sent before the browser
        # is connected (Voila renders first, preheated kernels even earlier) are messages that
        # would be lost; only state set at construction reaches the page.
        first_view = self.view()
        self._make_tabs(first_view)
        self._view = first_view
        self._stale: set[int] = set()  # tabs showing an earlier view: redrawn when they are opened
        self._unreadable: str | None = None  # the Dutch line for a proeftuin that cannot be read
        self._updating = False
        self._observe()
        self.filters = w.HBox([self.jaar, self.organisatie, self.rol], layout=w.Layout(flex_flow="row wrap"))
        controls = w.HBox([self.proeftuin, self.filters], layout=w.Layout(flex_flow="row wrap"))
        title = w.HTML("<h2 style='margin:0.2rem 0'>Leergeschiedenis: dashboard</h2>")
        self.regio = w.HTML(layout=w.Layout(display="none"))
        self._regio_html: str | None = None  # computed once: every proeftuin's key figures per year
        if vergelijking_vooraf and len(proeftuinen) <= MAX_VOORAF:
            self._regio_html = regio_html(proeftuinen)  # in a preheated kernel: 'Alle proeftuinen' at once
        self.widget = w.VBox([title, controls, self.status, self.regio, self.tabs])
        self.refresh(first_view, charts=False)

    def _make_controls(self, keuze: Keuze) -> None:
        first = self.proeftuinen[keuze.proeftuin]
        self.proeftuin = w.Dropdown(
            options=[*sorted(self.proeftuinen), ALLE_PROEFTUINEN],
            value=keuze.proeftuin,
            description="Proeftuin",
            style={"description_width": "5rem"},
        )
        year = keuze.jaar if keuze.jaar is not None else first.first_year
        self.jaar = w.Dropdown(options=first.years, value=year, description="Jaar")
        self.organisatie = w.Dropdown(description="Organisatie", style={"description_width": "6rem"})
        self.rol = w.Dropdown(description="Rol (kaarten)", style={"description_width": "7rem"})
        self.status = w.HTML(layout=w.Layout(min_height="1.5rem"))
        self._set_filter_options()
        self.organisatie.value, self.rol.value = keuze.organisatie, keuze.rol

    def _make_tabs(self, view: YearView) -> None:
        """One page per tab of the content registry: its text (or the key figures) above its charts."""
        self.kern = w.HTML()
        self.texts = {text: w.HTML() for text, _ in TAB_CONTENT if text != "kern"}
        # every chart is computed now (in the preheated kernel), the first tab's is sent with the
        # page, the others when their tab is first opened (see _render_tab)
        self._prepared = view_figures(view)
        first = set(TAB_CONTENT[0][1])
        self.charts = {
            name: Chart(fig, name=name) if name in first else Chart(height=fig.layout.height, name=name)
            for name, fig in self._prepared.items()
        }
        for name in first:
            del self._prepared[name]
        pages = [
            [self.kern if text == "kern" else self.texts[text], *(self.charts[name].widget for name in charts)]
            for text, charts in TAB_CONTENT
        ]
        self.tabs = w.Tab(children=[w.VBox(p) for p in pages], titles=TABS)

    def _observe(self) -> None:
        self.tabs.observe(self._tab_changed, names="selected_index")
        for control in (self.jaar, self.organisatie, self.rol):
            control.observe(self._changed, names="value")
        self.proeftuin.observe(self._proeftuin_changed, names="value")

    @property
    def current(self) -> Proeftuin:
        return self.proeftuinen[self.proeftuin.value]

    @property
    def keuze(self) -> Keuze:
        return Keuze(self.proeftuin.value, self.jaar.value, self.organisatie.value, self.rol.value)

    def _set_filter_options(self) -> None:
        d = self.current.dataset
        self.organisatie.options = [ALLE, *organisations(d)]
        self.organisatie.value = ALLE
        roles = [r for r in figures.ROL_LABELS if r in set(d.reflectiekaarten["rol"].astype("string").dropna())]
        self.rol.options = [(ALLE, ALLE)] + [(figures.ROL_LABELS[r], r) for r in roles]
        self.rol.value = ALLE

    def _proeftuin_changed(self, _change) -> None:
        self.status.value = BEZIG  # reading another proeftuin for the first time takes a moment
        if self.proeftuin.value == ALLE_PROEFTUINEN:
            self._show_regio()
            return
        self.regio.layout.display = "none"
        self.filters.layout.display = None
        self._updating = True
        try:
            self.jaar.options = self.current.years
            self.jaar.value = self.current.first_year
            self._set_filter_options()
            self._unreadable = None
        except Exception:
            self.jaar.options = []
            self.organisatie.options = [ALLE]
            self.rol.options = [(ALLE, ALLE)]
            naam = html.escape(self.proeftuin.value)
            self._unreadable = (
                f"<span role='alert'>De gegevens van {naam} konden niet worden gelezen. "
                "Het programmateam kan ze nakijken met <code>leergeschiedenis check</code>.</span>"
            )
        finally:
            self._updating = False
        self.refresh()

    def _show_regio(self) -> None:
        """All proeftuinen side by side (their gated key figures) instead of the tabs."""
        self.tabs.layout.display = "none"
        self.filters.layout.display = "none"  # year, organisation and role belong to one proeftuin
        try:
            if self._regio_html is None:
                self._regio_html = regio_html(self.proeftuinen)
            self.regio.value = self._regio_html
            self.regio.layout.display = None
            self.status.value = f"<span role='status'>{ALLE_PROEFTUINEN}: het laatste jaar van elke proeftuin</span>"
        except Exception as e:
            self.regio.layout.display = "none"
            self._status_failed(e)

    def _changed(self, _change) -> None:
        if not self._updating:
            self.refresh()

    def view(self) -> YearView:
        filters = Filters(
            organisatie=None if self.organisatie.value == ALLE else self.organisatie.value,
            rol=None if self.rol.value == ALLE else self.rol.value,
        )
        return view(self.current.dataset, int(self.jaar.value), filters)  # the one view of it: computed once

    def refresh(self, view: YearView | None = None, charts: bool = True) -> None:
        """Recompute the view; redraw the open tab now and the others when they are opened."""
        self._stale = set(range(len(TABS)))
        if view is None:
            self._prepared = {}  # the first view's charts: not for another year or filter
        if self.jaar.value is None:
            self._view = None  # nothing of the previous proeftuin is drawn later either
            self.tabs.layout.display = "none"  # no tab may show another proeftuin's figures
            self.status.value = self._unreadable or "<em>Deze proeftuin heeft nog geen gegevens.</em>"
            return
        self.status.value = BEZIG
        try:
            self._view = view or self.view()
            if charts:
                open_tab = self.tabs.selected_index or 0
                self._blank(set(range(len(TABS))) - {open_tab})
                self._render_tab(open_tab)
            else:  # the first view: every text is set before the page is shown (see __init__)
                self.kern.value = _key_figures_html(self._view)
                for name, text in view_texts(self._view).items():
                    self.texts[name].value = text
                self._stale = set(range(1, len(TABS)))  # their charts are prepared, not yet sent
            self.tabs.layout.display = None
            self._status_done()
        except Exception as e:  # a manager sees a sentence, not a traceback
            self._view = None
            self.tabs.layout.display = "none"  # nor figures of the year before under this year's name
            self._status_failed(e)

    def _blank(self, tabs: set[int]) -> None:
        """Empty the tabs that wait to be redrawn: a click on one shows nothing of the earlier
        selection in the moment before its own figures arrive."""
        for index in tabs:
            text, charts = TAB_CONTENT[index]
            (self.kern if text == "kern" else self.texts[text]).value = ""
            for name in charts:
                self.charts[name].blank()

    def _tab_changed(self, change) -> None:
        if change["new"] in self._stale and self._view is not None:
            self.status.value = BEZIG
            try:
                self._render_tab(change["new"])
                self._status_done()
            except Exception as e:
                self._status_failed(e)

    def _render_tab(self, index: int) -> None:
        text, charts = TAB_CONTENT[index]
        if text == "kern":
            self.kern.value = _key_figures_html(self._view)
        else:
            self.texts[text].value = view_texts(self._view, [text])[text]
        prepared = {name: self._prepared.pop(name) for name in charts if name in self._prepared}
        missing = [name for name in charts if name not in prepared]
        for name, fig in (prepared | view_figures(self._view, missing)).items():
            self.charts[name].show(fig)
        self._stale.discard(index)

    def _status_done(self) -> None:
        filters = [f for f in (self.organisatie.value, self.rol.value) if f != ALLE]
        shown = f" · filter: {html.escape(', '.join(filters))}" if filters else ""
        self.status.value = f"<span role='status'>{html.escape(self.proeftuin.value)} {self.jaar.value}{shown}</span>"

    def _status_failed(self, e: Exception) -> None:
        self.status.value = (
            f"<span role='alert'>Dit overzicht kon niet worden bijgewerkt ({html.escape(type(e).__name__)}).</span>"
        )


# per tab: its text (or the key figures) and its charts, in the order of TABS
TAB_CONTENT = tuple((t.text, t.figures) for t in content.TABS)


def regio_html(proeftuinen: dict[str, Proeftuin]) -> str:
    """The comparison of every readable proeftuin with data (``regio.fragment``); the unreadable ones are named."""
    readable = {n: (p.dataset, p.years) for n, p in proeftuinen.items() if _shows_something(p)}
    skipped = sorted(set(proeftuinen) - set(readable))
    note = _p("Niet in de vergelijking (niet te lezen of nog zonder gegevens): " + ", ".join(skipped) + ".") if skipped else ""
    return regio.fragment(regio.from_datasets(readable)) + note


def view_texts(v: YearView, names: Iterable[str] | None = None) -> dict[str, str]:
    """The tabs' texts for one view (all, or only ``names``), as HTML."""
    wanted = [t.text for t in content.TABS if t.text != "kern"] if names is None else list(names)
    special = {"datakwaliteit": _quality_html, "doelen_wijk": _goals_html, "lessen": _lessen_html}
    return {name: special[name](v) if name in special else _p(*content.sentences(name, v)) for name in wanted}


def _lessen_html(v: YearView) -> str:
    return content.lessen_html(v, tabs=True)


def view_figures(v: YearView, names: Iterable[str] | None = None) -> dict[str, go.Figure]:
    """The dashboard's charts for one view (all, or only ``names``), by name."""
    wanted = [f for t in content.TABS for f in t.figures] if names is None else list(names)
    return {name: content.figure(name, v) for name in wanted}


def _p(*sentences: str) -> str:
    return "".join(f"<p>{html.escape(s)}</p>" for s in sentences if s)


def _key_figures_html(v: YearView) -> str:
    """The cards: this year and last year from views with the same filters, each '–' with its reason,
    what the figure rests on, and 'hele proeftuin' on a card the filter does not apply to."""
    now, before = v.kern, v.kern_vorig_jaar
    filtered = v.filters != Filters()

    def card(k: content.KeyFigure) -> str:
        about = k.about(now)
        whole = content.unfiltered_by(k, v.filters)
        notes = [about] if about else []
        if whole:
            notes.append("hele proeftuin")
        note = f"<div style='font-size:0.8rem;color:#333'>{html.escape('; '.join(notes))}</div>" if notes else ""
        return (
            "<div class='lg-kaart' style='border:1px solid #ccc;border-radius:6px;padding:0.6rem 1rem;min-width:11rem'>"
            f"<div style='font-size:0.85rem;color:#333'>{html.escape(k.card)}</div>"
            f"<div class='lg-waarde' style='font-size:1.6rem;font-weight:600'>{html.escape(k.text(now, v.min_n))}</div>"
            f"{note}<div style='font-size:0.8rem;color:#333'>{v.jaar - 1}: {html.escape(k.text(before, v.min_n))}</div></div>"
        )

    cards = [card(k) for k in content.KEY_FIGURES if k.card]
    note = f"<p style='font-size:0.85rem'>{html.escape(content.FILTER_NOTE)}</p>" if filtered else ""
    guide = "".join(f"<li>{html.escape(line)}</li>" for line in narrative.reading_guide(v))
    guide = f"<details style='font-size:0.85rem;margin-top:0.6rem'><summary>Zo lees je dit</summary><ul>{guide}</ul></details>"
    return f"<div class='lg-kerncijfers' style='display:flex;flex-wrap:wrap;gap:0.8rem'>{''.join(cards)}</div>{note}{guide}"


def _table_html(header: list[str], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    # focusable: on a phone a wide table scrolls sideways in its own box, and so by keyboard too
    return f"<table{f' class={css!r}' if css else ''} tabindex='0'><tr>{head}</tr>{body}</table>"


UNFILTERED_NOTE = (
    "Het wijkbudget en de activiteiten zijn niet per organisatie geregistreerd: die cijfers en grafieken gelden "
    "voor de hele proeftuin, ook met een filter. De doorlooptijden per kwartaal tonen we alleen zonder filter, "
    "omdat anders een kleine groep te herleiden is."
)


GOALS_CSS = (
    "<style>.lg-doelen th, .lg-doelen td { padding: 0.2rem 0.8rem; text-align: left; }"
    " .lg-doelen tr > :nth-child(n+2):nth-child(-n+4) { text-align: right; font-variant-numeric: tabular-nums; }</style>"
)


NO_WIJK = "Deze proeftuin heeft (nog) geen wijkbudget, activiteiten of afspraken over doorlooptijden geregistreerd."


def _goals_html(v: YearView) -> str:
    """The goals scorecard (or the plain goals), the sentences on the wijk, and what the filter does not apply to."""
    cards = content.scorecard(v)
    parts = [GOALS_CSS]
    if cards:
        header = content.scorecard_header(v)
        for card in cards:
            parts.append(f"<h4 style='margin:0.8rem 0 0.2rem 0'>{html.escape(card.doel)}</h4>")
            if card.plain:
                parts.append(f"<p>{html.escape(narrative.GEEN_INDICATOR)}</p>")
            else:
                parts.append(_table_html(header, card.rows, "lg-doelen") + _p(card.zin))
    elif v.config.doelen:
        parts.append("<ul>" + "".join(f"<li>{html.escape(str(d))}</li>" for d in v.config.doelen) + "</ul>")
    wijk_sentences = content.sentences("doelen_wijk", v)
    parts.append(_p(*wijk_sentences) if wijk_sentences else _p(NO_WIJK))
    if v.filters.organisatie:
        parts.append(f"<p style='font-size:0.85rem'>{html.escape(UNFILTERED_NOTE)}</p>")
    return "".join(parts)


def _quality_html(v: YearView) -> str:
    accounting, reasons = content.quality_tables(v)
    extra = "<p>Alle rijen zijn geaccepteerd.</p>" if not reasons else _table_html(content.REASONS_HEADER, reasons)
    return (
        _table_html(content.ACCOUNTING_HEADER, accounting)
        + extra
        + _p(content.status_sentence(v))
        + f"<p>Cijfers over minder dan {v.min_n} personen worden niet getoond.</p>"
    )


# 'Alle proeftuinen' reads every proeftuin: done before a page asks only for a region's handful (a
# preheated kernel holds what it read; hundreds of proeftuinen in every kernel of the pool would not fit)
MAX_VOORAF = 20


def app(data_root: str | Path | None = None) -> w.VBox:
    """The whole dashboard; the Voila notebook calls only this. Data: the argument,
    else $LEERGESCHIEDENIS_DATA (set by `leergeschiedenis dashboard`), else the sample of a source checkout."""
    root = data_root or os.environ.get(DATA_ENV) or SAMPLE
    if root is None:
        raise OnleesbareData(NO_SAMPLE)
    return Dashboard(discover(root), vergelijking_vooraf=bool(os.environ.get(PREHEAT_ENV))).widget
