"""One registry of what is published: every chart, tab text, key figure and table, declared once.

The report's chapters, the dashboard's tabs and its key-figure cards take their
content from here (papermill's engines registry is the pattern), so a chart that
appears in both is one entry, and a new chapter or tab is one more entry. Every
entry reads a gated ``YearView`` or its ``kerncijfers``: nothing here sees a raw frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from . import figures, fmt, narrative, sessions
from .publish import YearView
from .wijk import GEEN_GEGEVENS

FigureMaker = Callable[[YearView], go.Figure]
FIGURES: dict[str, FigureMaker] = {}


def register_figure(name: str) -> Callable[[FigureMaker], FigureMaker]:
    """Declare a chart under ``name`` (also the key of its reading aid in ``narrative``)."""

    def register(make: FigureMaker) -> FigureMaker:
        if name in FIGURES:
            raise ValueError(f"figure {name!r} is registered twice")
        FIGURES[name] = make
        return make

    return register


def figure(name: str, view: YearView) -> go.Figure:
    return FIGURES[name](view)


# -- the charts -----------------------------------------------------------------------------

register_figure("casussen_per_jaar")(lambda v: figures.cases_per_year(v.cases_per_year))
register_figure("afspraak")(
    lambda v: figures.agreement_heatmap(v.per_organisation_month, v.config.afspraken.casussen_per_organisatie_per_maand)
)
register_figure("trechter")(lambda v: figures.funnel(v.funnel))
register_figure("doorlooptijd")(lambda v: figures.lead_time_trend(v.lead_time_trend, "aanmelding_oplossing", v.min_n))
register_figure("welbevinden")(lambda v: figures.welbevinden(v.welbevinden, v.min_n, v.welbevinden_redenen))
register_figure("kosten")(
    lambda v: figures.costs_by_scenario(
        v.kosten_totaal, v.kosten_n, v.min_n, v.kosten_reden if "kosten" in v.dataset.accounting else GEEN_GEGEVENS
    )
)
register_figure("financiers")(
    lambda v: figures.savings_per_financier(v.financiers["besparing"], v.financiers["n"], v.min_n, v.financiers["reden"])
)
register_figure("deelnemers")(lambda v: figures.attendance_trend(v.year_sessions))
register_figure("rollen")(lambda v: figures.attendance_by_role(sessions.attendance_by_role(v.year_sessions)))
register_figure("kaarten_per_rol")(
    lambda v: figures.count_bars(v.kaarten_per_rol, "Reflectiekaarten per rol", "Rol", figures.ROL_LABELS, "kaarten")
)
register_figure("spinnenweb")(lambda v: figures.radar(v.spinnenweb_per_moment, v.spinnenweb_momenten, v.min_n))

register_figure("wijkbudget")(lambda v: figures.budget_per_year(v.wijkbudget_per_jaar))
register_figure("activiteiten_per_week")(lambda v: figures.visitors_per_week(v.activiteiten_per_week, v.jaar))
register_figure("binnen_termijn")(
    lambda v: figures.within_term_per_quarter(
        v.binnen_termijn_per_kwartaal, dict(v.config.afspraken.maximale_doorlooptijd_dagen), v.min_n
    )
)

# the buurten and the regisseurs' organisations: plain counts of cases (gated with a filter), names as registered
register_figure("casussen_per_wijk")(
    lambda v: figures.count_bars(
        v.casussen_per_wijk, "Casussen per buurt", "Buurt", {str(k): str(k) for k in v.casussen_per_wijk.index}
    )
)
register_figure("casussen_per_regisseur")(
    lambda v: figures.count_bars(
        v.casussen_per_regisseur,
        "Casussen per organisatie van de regisseur",
        "Organisatie",
        {str(k): str(k) for k in v.casussen_per_regisseur.index},
    )
)


def _mentions(v: YearView, column: str, counts, title: str, axis: str) -> go.Figure:
    """Mentions of a list attribute: a case can mention several, so the subtitle says both numbers."""
    shown = counts.dropna()
    sub = f"{fmt.geheel(shown.sum())} vermeldingen in {fmt.stuks(v.n_casussen_met(column), 'casus', 'casussen')}"
    return figures.count_bars(counts, title, axis, subtitle=sub)


register_figure("levensdomeinen")(
    lambda v: _mentions(v, "levensdomeinen", v.levensdomeinen, "Levensdomeinen van de casussen", "Levensdomein")
)
register_figure("belemmeringen")(
    lambda v: _mentions(v, "belemmeringen", v.belemmeringen, "Belemmeringen bij de uitvoering", "Belemmering")
)


@register_figure("thema_rol")
def _theme_by_role(v: YearView) -> go.Figure:
    names = {str(p.nr): p.naam for p in v.config.ontwerpprincipes}
    return figures.theme_heatmap(v.thema_per_rol, names, "Ontwerpprincipes per rol", figures.ROL_LABELS)


def spinnenweb_change(v: YearView, moment: int) -> go.Figure:
    """Change per domain from the nulmeting to ``moment``."""
    title = f"Verandering van nulmeting tot {v.spinnenweb_momenten[moment].lower()}"
    return figures.domain_change(v.spinnenweb_veranderingen[moment], title, v.min_n, v.spinnenweb_verandering_reden(moment))


@register_figure("spinnenweb_verandering")
def _latest_spinnenweb_change(v: YearView) -> go.Figure:
    changes = v.spinnenweb_veranderingen
    if not changes:
        return figures.empty("Verandering per domein", "Nog geen vervolgmeting.")
    return spinnenweb_change(v, max(changes))


# -- the texts beside the charts ------------------------------------------------------------

TEXTS: dict[str, Callable[[YearView], list[str]]] = {
    "casussen": lambda v: [narrative.cases_sentence(v), narrative.agreement_sentence(v), narrative.lead_time_sentence(v)],
    "rendement": lambda v: [
        narrative.welbevinden_sentence(v),
        narrative.costs_sentence(v),
        narrative.scenarios_sentence(v),
        narrative.effectenarena_sentence(v),
        narrative.financier_sentence(v),
    ],
    "leersessies": lambda v: [narrative.sessions_sentence(v)],
    "gezondheid": lambda v: [narrative.spinnenweb_sentence(v)],
    "samenvatting": lambda v: [
        narrative.cases_sentence(v),
        narrative.welbevinden_sentence(v),
        narrative.costs_sentence(v),
        narrative.sessions_sentence(v),
    ],
    "doelen_wijk": lambda v: [narrative.budget_sentence(v), narrative.activities_sentence(v), narrative.within_term_sentence(v)],
}


def sentences(name: str, view: YearView) -> list[str]:
    return [s for s in TEXTS[name](view) if s]


# -- the dashboard's tabs -------------------------------------------------------------------


@dataclass(frozen=True)
class Tab:
    title: str
    text: str  # a key of TEXTS, or "kern" (the key-figure cards) or "datakwaliteit" (the tables)
    figures: tuple[str, ...] = ()


TABS = (
    Tab("Overzicht", "kern", ("casussen_per_jaar",)),
    Tab("Casussen", "casussen", ("afspraak", "doorlooptijd", "levensdomeinen")),
    Tab("Rendement", "rendement", ("welbevinden", "kosten", "financiers")),
    Tab("Leersessies & reflecties", "leersessies", ("deelnemers", "kaarten_per_rol", "thema_rol")),
    Tab("Positieve gezondheid", "gezondheid", ("spinnenweb", "spinnenweb_verandering")),
    Tab("Doelen & wijk", "doelen_wijk", ("wijkbudget", "activiteiten_per_week", "binnen_termijn")),
    Tab("Datakwaliteit", "datakwaliteit"),
)


# -- the goals scorecard: the report's Samenvatting and the dashboard's tab ------------------

SCORECARD_HEADER = ("Indicator", "{jaar}", "{vorig}", "Streef", "Gehaald")


@dataclass(frozen=True)
class GoalCard:
    doel: str
    rows: list[list[str]]  # per indicator: label, this year, last year, target, met
    zin: str  # one plain sentence (empty for a goal without indicators)

    @property
    def plain(self) -> bool:
        return not self.rows


def scorecard_header(v: YearView) -> list[str]:
    return [h.format(jaar=v.jaar, vorig=v.jaar - 1) for h in SCORECARD_HEADER]


def scorecard(v: YearView) -> list[GoalCard]:
    """Per goal of proeftuin.yml its indicators with this year, last year, target and met, and a sentence;
    empty when no goal has indicators (the plain goals are then listed as they always were)."""
    if not narrative.has_indicators(v):
        return []
    cards = []
    for goal in v.doelen:
        rows = [
            [
                narrative.indicator_label(i.code) + (" (alle organisaties)" if i.ongefilterd else ""),
                narrative.indicator_text(i.code, i.waarde, i.reden, v.min_n),
                narrative.indicator_text(i.code, i.vorig_jaar, i.reden_vorig_jaar, v.min_n),
                "–" if i.streef is None else narrative.indicator_number(i.code, i.streef),
                narrative.gehaald_text(i.gehaald),
            ]
            for i in goal.indicatoren
        ]
        cards.append(GoalCard(goal.doel, rows, narrative.goal_sentence(goal)))
    return cards


# -- key figures: the report's table and the dashboard's cards -------------------------------


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: Callable[[dict], object]  # from a kerncijfers dict
    kind: str = "geheel"  # geheel | getal | euro | verschil
    card: str | None = None  # the card's label on the dashboard's first tab, when it has one
    n: Callable[[dict], int] | None = None  # the people behind it, for the reason it is missing
    reden: Callable[[dict], str | None] | None = None
    geen_bestand: str = "geen gegevens"  # what is missing when the proeftuin has no file for it
    over: Callable[[dict], str] | None = None  # what the figure is about, under the card's value
    filters: tuple[str, ...] = ("organisatie",)  # the dashboard filters it follows (Filters' fields)

    def text(self, k: dict, min_n: int) -> str:
        """The value in Dutch notation, or in words why it is not there."""
        value = self.value(k)
        reden = self.reden(k) if self.reden else None
        if reden == GEEN_GEGEVENS:
            return self.geen_bestand
        if value is None and self.n is not None:
            return narrative.missing_text(self.n(k), reden, min_n, no_file=self.geen_bestand)
        if self.kind == "euro":
            return fmt.euro(value)
        if self.kind == "verschil":  # a saving (+) or extra cost (-) of the solution, in words
            if round(value) == 0:
                return "even duur"
            return f"{fmt.euro(abs(value))} {'goedkoper' if value > 0 else 'duurder'}"
        if self.kind == "getal":
            return fmt.getal(value, 1)
        return fmt.geheel(value)

    def about(self, k: dict) -> str:
        """What the figure rests on ('van de 2 casussen met een micro-analyse'), or ''."""
        if self.over is None or (self.reden and self.reden(k) == GEEN_GEGEVENS):
            return ""
        return self.over(k)


def _micro(n: int, what: str) -> str:
    if not n:
        return ""
    return ("van 1 casus" if n == 1 else f"van de {fmt.geheel(n)} casussen") + f" met een micro-analyse{what}"


_WELBEVINDEN_REDEN = lambda k: k["welbevinden"].get("reden")  # noqa: E731
_KOSTEN_REDEN = lambda k: k["kosten"].get("reden")  # noqa: E731

KEY_FIGURES = (
    KeyFigure("Casussen aangemeld", lambda k: k["casussen"]["totaal"], card="Casussen aangemeld"),
    KeyFigure("waarvan collectief", lambda k: k["casussen"]["collectief"]),
    KeyFigure(
        "Welbevinden: paren voor en na",
        lambda k: k["welbevinden"]["n_paren"],
        reden=_WELBEVINDEN_REDEN,
        geen_bestand="geen metingenbestand",
    ),
    KeyFigure(
        "Welbevinden: verandering (punten)",
        lambda k: k["welbevinden"]["verandering"],
        "getal",
        card="Welbevinden (verandering)",
        n=lambda k: k["welbevinden"]["n_paren"],
        reden=_WELBEVINDEN_REDEN,
        geen_bestand="geen metingenbestand",
        over=lambda k: _micro(k["welbevinden"]["n_paren"], " (voor- en nameting)"),
    ),
    KeyFigure(
        "Micro-analyses van kosten", lambda k: k["kosten"]["n_casussen"], reden=_KOSTEN_REDEN, geen_bestand="geen kostenbestand"
    ),
    KeyFigure(
        "Besparing per jaar (niets doen min oplossing)",
        lambda k: k["kosten"]["besparing"],
        "euro",
        card="Besparing per jaar",
        n=lambda k: k["kosten"]["n_casussen"],
        reden=_KOSTEN_REDEN,
        geen_bestand="geen kostenbestand",
        over=lambda k: _micro(k["kosten"]["n_casussen"], ", tegenover niets doen"),
    ),
    KeyFigure(
        "Oplossing tegenover de huidige situatie, per jaar",
        lambda k: k["kosten"]["besparing_huidig"],
        "verschil",
        n=lambda k: k["kosten"]["n_casussen"],
        reden=_KOSTEN_REDEN,
        geen_bestand="geen kostenbestand",
    ),
    KeyFigure("Bijeenkomsten", lambda k: k["bijeenkomsten"]["totaal"], card="Bijeenkomsten", filters=()),
    KeyFigure(
        "Gemiddeld aantal deelnemers per leersessie",
        lambda k: k["bijeenkomsten"].get("gemiddeld_deelnemers_leersessie"),
        "getal",
        n=lambda k: 0,
        reden=lambda k: None,
        filters=(),
    ),
    KeyFigure(
        "Gemiddeld aantal deelnemers (alle bijeenkomsten)",
        lambda k: k["bijeenkomsten"]["gemiddeld_deelnemers"],
        "getal",
        n=lambda k: 0,
        reden=lambda k: None,
        filters=(),
    ),
    KeyFigure(
        "Reflectiekaarten", lambda k: k["reflectiekaarten"]["totaal"], card="Reflectiekaarten", filters=("organisatie", "rol")
    ),
)


def unfiltered_by(figure: KeyFigure, filters) -> list[str]:
    """The active filters (``publish.Filters``) a key figure does not follow: it is about the whole proeftuin."""
    return [f for f in ("organisatie", "rol") if getattr(filters, f) and f not in figure.filters]


FILTER_NOTE = (
    "Met een filter gelden de cijfers van dit jaar en van vorig jaar voor dezelfde selectie: een organisatie "
    "telt haar eigen casussen en kaarten, een rol alleen de reflectiekaarten. Wat niet te filteren is "
    "(bijeenkomsten worden niet per organisatie of rol geregistreerd; casussen, welbevinden en kosten niet per rol), "
    "staat er met 'hele proeftuin' bij."
)


# -- data quality: the report's chapter and the dashboard's tab ------------------------------


def quality_tables(v: YearView) -> tuple[list[list[str]], list[list[str]]]:
    """Rows read / accepted / refused per table, and why rows were refused (counted, no values)."""
    accounting = [
        [t, fmt.geheel(r["gelezen"]), fmt.geheel(r["geaccepteerd"]), fmt.geheel(r["geweigerd"])]
        for t, r in v.datakwaliteit.iterrows()
    ]
    reasons = [[str(t), str(k), str(r), fmt.geheel(n)] for t, k, r, n in v.weigerredenen.values]
    return accounting, reasons


ACCOUNTING_HEADER = ["Tabel", "Gelezen", "Geaccepteerd", "Geweigerd"]
REASONS_HEADER = ["Tabel", "Kolom", "Reden", "Aantal"]
