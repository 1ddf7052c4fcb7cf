"""One registry of what is published: every chart, tab text, key figure and table, declared once.

The report's chapters, the dashboard's tabs and its key-figure cards take their
content from here (papermill's engines registry is the pattern), so a chart that
appears in both is one entry, and a new chapter or tab is one more entry. Every
entry reads a gated ``YearView`` or its ``kerncijfers``: nothing here sees a raw frame.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from . import figures, fmt, lessons, narrative, sessions
from .contract import CASE_STEPS
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


# Charts whose narrative sentence, shown just before them in the report and on the same dashboard tab,
# already says why they are empty (no file, not yet measured, too few): an empty one adds nothing.
NARRATED_WHEN_EMPTY = frozenset({"welbevinden", "kosten", "financiers", "spinnenweb"})


def empty_text(name: str, fig: go.Figure) -> str | None:
    """For a chart with nothing to show: the one sentence saying why, shown instead of the chart and its
    reading aid ("" when the chart's narrative sentence already said it). None for a chart that shows something."""
    why = figures.empty_reason(fig)
    if why is None:
        return None
    return "" if name in NARRATED_WHEN_EMPTY else why


# -- the charts -----------------------------------------------------------------------------

register_figure("casussen_per_jaar")(lambda v: figures.cases_per_year(v.cases_per_year))
register_figure("afspraak")(
    lambda v: figures.agreement_heatmap(v.per_organisation_month, v.config.afspraken.casussen_per_organisatie_per_maand)
)
register_figure("trechter")(lambda v: figures.funnel(v.funnel))
register_figure("doorlooptijd")(lambda v: figures.lead_time_trend(v.lead_time_trend, "aanmelding_oplossing", v.min_n))
register_figure("welbevinden")(
    lambda v: (
        figures.welbevinden(v.welbevinden, v.min_n, v.welbevinden_redenen)
        if "metingen" in v.dataset.accounting
        else figures.empty("Welbevinden voor en na de proeftuinoplossing", narrative.welbevinden_sentence(v))
    )
)
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
    text: str  # a key of TEXTS, or "kern" (the key-figure cards), "lessen" or "datakwaliteit" (HTML of their own)
    figures: tuple[str, ...] = ()


TABS = (
    Tab("Overzicht", "kern", ("casussen_per_jaar",)),
    Tab("Casussen", "casussen", ("afspraak", "doorlooptijd", "levensdomeinen", "belemmeringen")),
    Tab("Rendement", "rendement", ("welbevinden", "kosten", "financiers")),
    Tab("Leersessies & reflecties", "leersessies", ("deelnemers", "kaarten_per_rol", "thema_rol")),
    Tab("Positieve gezondheid", "gezondheid", ("spinnenweb", "spinnenweb_verandering")),
    Tab("Doelen & wijk", "doelen_wijk", ("wijkbudget", "activiteiten_per_week", "binnen_termijn")),
    Tab("Lessen", "lessen"),
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
    kind: str = "geheel"  # geheel | getal | deelnemers | euro | verschil
    card: str | None = None  # the card's label on the dashboard's first tab, when it has one
    n: Callable[[dict], int] | None = None  # the people behind it, for the reason it is missing
    reden: Callable[[dict], str | None] | None = None
    geen_bestand: str = "geen gegevens"  # what is missing when the proeftuin has no file for it
    over: Callable[[dict], str] | None = None  # what the figure is about, under the card's value
    filters: tuple[str, ...] = ("organisatie",)  # the dashboard filters it follows (Filters' fields)
    label_of: Callable[[dict], str] | None = None  # a label that names what this proeftuin's figure is about

    def title(self, k: dict) -> str:
        """The row's label, for the proeftuin of the kerncijfers ``k``."""
        return self.label_of(k) if self.label_of else self.label

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
        if self.kind == "deelnemers":
            return narrative.deelnemers_text(value)
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


def _against_now(k: dict) -> str:
    """'€ 64.885 duurder dan nu' (the solution against the current situation, per year), or ''."""
    value = k["kosten"].get("besparing_huidig")
    if value is None:
        return ""
    if round(value) == 0:
        return "even duur als nu"
    return f"{fmt.euro(abs(value))} {'goedkoper' if value > 0 else 'duurder'} dan nu"


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
        # costs both ways, as the report: beside the saving against doing nothing, the difference with now
        over=lambda k: "; ".join(t for t in (_micro(k["kosten"]["n_casussen"], ", tegenover niets doen"), _against_now(k)) if t),
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
        "deelnemers",
        n=lambda k: 0,
        reden=lambda k: None,
        filters=(),
        # one kind of learning session in both years: the proeftuin's recurring kind (sessions.recurring_kind)
        label_of=lambda k: (
            "Gemiddeld aantal deelnemers per "
            + narrative.SOORT_LABELS.get(k["bijeenkomsten"].get("soort_leersessie"), ("leersessie",))[0]
        ),
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


def status_sentence(v: YearView) -> str:
    """The cases whose status is past a date not filled in (report and dashboard: one sentence)."""
    return narrative.status_without_date_sentence(v.status_zonder_datum, {s.name: s.in_sentence for s in CASE_STEPS})


ACCOUNTING_HEADER = ["Tabel", "Gelezen", "Geaccepteerd", "Geweigerd"]
REASONS_HEADER = ["Tabel", "Kolom", "Reden", "Aantal"]


# -- Lessen: per principle what the cards say, what the figures show, what we will do differently --
# One source for the report's chapter, its Transitiemodel quotes and the dashboard's tab.

EVIDENCE_CHAPTER = {
    "welbevinden": "Meting maatschappelijk rendement",
    "kosten": "Meting maatschappelijk rendement",
    "casussen": "Samenwerkwijze",
    "doorlooptijd": "Samenwerkwijze",
    "belemmeringen": "Samenwerkwijze",
}
# the same figures on the dashboard: the tab that shows them (its text or one of its charts), read from
# TABS so a reference can only name a tab that has the figure
EVIDENCE_SHOWN_AS = {
    "welbevinden": "welbevinden",
    "kosten": "kosten",
    "casussen": "casussen",
    "doorlooptijd": "doorlooptijd",
    "belemmeringen": "belemmeringen",
}
EVIDENCE_TAB = {
    name: next(f"tab {t.title}" for t in TABS if shown == t.text or shown in t.figures)
    for name, shown in EVIDENCE_SHOWN_AS.items()
}
EVIDENCE_LABEL = {
    "welbevinden": "welbevinden",
    "kosten": "kosten",
    "casussen": "casussen",
    "doorlooptijd": "doorlooptijd",
    "belemmeringen": "belemmeringen",
}


def evidence_line(v: YearView, name: str, tabs: bool = False) -> str:
    """One figure a principle names as its ``bewijs``, briefly, with the chapter that explains it.
    Worded apart from the instrument chapters' sentences, so the report never says one thing twice."""
    k, min_n = v.kern, v.min_n
    where = f"(zie {(EVIDENCE_TAB if tabs else EVIDENCE_CHAPTER)[name]})"
    match name:
        case "welbevinden":
            w = k["welbevinden"]
            if w.get("verandering") is None:
                why = narrative.missing_text(w.get("n_paren") or 0, w.get("reden"), min_n)
                return f"Welbevinden na zes weken: {why} {where}."
            change = w["verandering"]
            direction = "hoger" if change > 0 else "lager" if change < 0 else "gelijk"
            amount = f"gemiddeld {fmt.getal(abs(change), 1)} punt {direction}" if change else "gemiddeld gelijk"
            return (
                f"Welbevinden na zes weken (schaal 1 tot 10): {amount}, "
                f"bij {fmt.stuks(w['n_paren'], 'bewoner', 'bewoners')} met een meting voor en na {where}."
            )
        case "kosten":
            c = k["kosten"]
            if c.get("besparing") is None:
                why = narrative.missing_text(c.get("n_casussen") or 0, c.get("reden"), min_n, "geen micro-analyses van kosten")
                return f"Maatschappelijke kosten per jaar: {why} {where}."
            now, nothing = c.get("besparing_huidig"), c["besparing"]
            joint = " maar " if now is not None and (now < 0) != (nothing < 0) else " en "
            compared = joint.join(x for x in (_saving(now, "nu"), _saving(nothing, "niets doen")) if x)
            return (
                f"Micro-analyses van {fmt.stuks(c['n_casussen'], 'casus', 'casussen')}: de oplossingen kosten per jaar "
                f"{compared} {where}."
            )
        case "casussen":
            n = k["casussen"]
            return (
                f"Casussen aangemeld: {fmt.geheel(n['totaal'])} (vorig jaar {fmt.geheel(n['vorig_jaar'])}), "
                f"waarvan {fmt.geheel(n['collectief'])} collectief {where}."
            )
        case "doorlooptijd":
            d = (k["casussen"].get("doorlooptijd_dagen") or {}).get("aanmelding_oplossing") or {}
            if d.get("mediaan") is None:
                return f"Dagen van aanmelding tot oplossing: {narrative.missing_text(d.get('n') or 0, d.get('reden'), min_n)} {where}."
            return (
                f"Dagen van aanmelding tot oplossing: de helft van de {fmt.stuks(d['n'], 'casus', 'casussen')} "
                f"binnen {fmt.geheel(d['mediaan'])} dagen {where}."
            )
        case "belemmeringen":
            b = v.belemmeringen.dropna()
            if b.empty or b.sum() == 0:
                return f"Belemmeringen bij de uitvoering: geen geregistreerd {where}."
            top = b.idxmax()
            hidden = (
                " (van de belemmeringen die we tonen; andere zijn verborgen om herleiding te voorkomen)"
                if v.belemmeringen.isna().any()
                else ""
            )
            return (
                f"Belemmering die het vaakst terugkwam bij de uitvoering: {figures.label(top).lower()}, "
                f"bij {fmt.stuks(b.max(), 'casus', 'casussen')}{hidden} {where}."
            )
    return ""


def _saving(amount: float | None, than: str) -> str:
    """'€ 64.885 meer dan nu' from a saving (positive: cheaper); both scenarios are named, as the costs chapter does."""
    if amount is None:
        return ""
    if round(amount) == 0:
        return f"evenveel als {than}"
    return f"{fmt.euro(abs(amount))} {'minder' if amount > 0 else 'meer'} dan {than}"


def quote_html(q) -> str:
    """A card's quote (``lessons.Quote``): its text, and who said it where and when, without a name."""
    who = "een andere deelnemer" if q.rol == "overig" else "een " + figures.ROL_LABELS.get(q.rol, q.rol).lower()
    return (
        f'<blockquote class="lg-citaat">“{html.escape(q.tekst)}”<br>'
        f"<small>— {html.escape(who)}, {html.escape(q.bijeenkomst)}, {fmt.datum(q.datum)}</small></blockquote>"
    )


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def lesson_html(v: YearView, p, tabs: bool = False) -> str:
    """The lesson of principle ``p`` (a ``config.Ontwerpprincipe``) as HTML: two columns (the cards and
    their quotes beside the figures of its ``bewijs``), then "Wat we anders gaan doen"."""
    nr = str(p.nr)
    lesson = v.lessen.lessen[nr]
    names = {str(q.nr): q.naam for q in v.config.ontwerpprincipes}
    head = f"<h4>{html.escape(nr)}. {html.escape(p.naam)}</h4>"
    if not lesson.n_kaarten:
        return (
            head
            + f"<p>Principe {html.escape(nr)} kwam dit jaar op geen enkele reflectiekaart terug: er is nog niets uit te leren.</p>"
        )

    said = []
    kaarten = fmt.stuks(lesson.n_kaarten, "kaart", "kaarten")
    if lesson.termen:
        words = _listed([f"{w} ({fmt.geheel(n)})" for w, n in lesson.termen])
        said.append(
            f"Op de {kaarten} bij principe {nr} kwamen deze woorden naar verhouding vaker voor dan op alle kaarten van het jaar (tussen haakjes: op hoeveel kaarten): {words}."
        )
    else:
        said.append(
            f"Op de {kaarten} bij principe {nr} kwam geen woord op minstens {v.min_n} kaarten naar verhouding vaker voor dan op alle kaarten van het jaar."
        )
    if lesson.samen_met:
        other, n = lesson.samen_met[0]
        said.append(
            f"De kaarten bij principe {nr} gingen het vaakst ook over principe {other}, “{names.get(other, other)}” "
            f"({fmt.stuks(n, 'kaart', 'kaarten')})."
        )
    quotes = "".join(quote_html(q) for q in lesson.citaten) or (
        f"<p>Geen van de kaarten bij principe {html.escape(nr)} mag (nog) geciteerd worden.</p>"
        if not v.lessen.transitiemodel.get(nr)
        else ""
    )
    left = "".join(f"<p>{html.escape(s)}</p>" for s in said) + quotes

    own, earlier = lessons_evidence(v)[nr]
    lines = [evidence_line(v, name, tabs) for name in own]
    lines += [
        f"Het cijfer over {EVIDENCE_LABEL[name]} hoort ook bij principe {nr}; het staat bij principe {first}."
        for name, first in earlier.items()
    ]
    if not lines:
        # said once per chapter, at the first principle (with cards) without figures; later ones leave it out
        without = [
            str(q.nr)
            for q in v.config.ontwerpprincipes
            if v.lessen.lessen[str(q.nr)].n_kaarten and not any(lessons_evidence(v)[str(q.nr)])
        ]
        if without and without[0] == nr:
            lines = ["Bij dit principe zijn (nog) geen cijfers afgesproken."]
    right = "".join(f"<p>{html.escape(s)}</p>" for s in lines)
    columns = (
        f'<div class="lg-twee"><div><h5>Wat de kaarten zeggen</h5>{left}</div>'
        + f"<div><h5>Wat de cijfers laten zien</h5>{right}</div></div>"
        if right
        else f"<div><h5>Wat de kaarten zeggen</h5>{left}</div>"
    )
    return head + columns + "<h5>Wat we anders gaan doen</h5>" + _suggestions_html(v, nr, lesson)


def _suggestions_html(v: YearView, nr: str, lesson) -> str:
    """Each group of suggestions as a suggestion: a consented card of that group in its own words, with how
    many cards suggest something like it; a suggestion from outside the groups says it is another one."""
    if not lesson.n_vervolg:
        return f"<p>Op de kaarten bij principe {html.escape(nr)} staat dit jaar geen suggestie voor het vervolg.</p>"
    total = fmt.stuks(lesson.n_vervolg, "suggestie", "suggesties")
    parts = []
    if lesson.groepen:
        parts.append(
            f"<p>De {total} voor het vervolg bij principe {html.escape(nr)}, gegroepeerd op de woorden die ze delen:</p>"
        )
        items = []
        for g in lesson.groepen:
            count = f"{fmt.stuks(g.n_kaarten, 'kaart stelt', 'kaarten stellen')} iets vergelijkbaars voor"
            shared = f"gedeelde woorden: {', '.join(g.termen)}"
            if g.voorbeeld:
                items.append(f"<li><p>{count} ({html.escape(shared)}), zoals:</p>{quote_html(g.voorbeeld)}</li>")
            elif not g.met_toestemming:
                items.append(f"<li><p>{count} ({html.escape(shared)}; geen van deze kaarten mag geciteerd worden).</p></li>")
            else:
                items.append(f"<li><p>{count} ({html.escape(shared)}).</p></li>")
        if lesson.n_overig:
            other = fmt.stuks(lesson.n_overig, "kaart heeft", "kaarten hebben")
            items.append(
                f"<li><p>{other} een andere suggestie"
                + (", bijvoorbeeld:</p>" + quote_html(lesson.voorbeeld) if lesson.voorbeeld else ".</p>")
                + "</li>"
            )
        parts.append('<ul class="lg-suggesties">' + "".join(items) + "</ul>")
        return "".join(parts)
    if lesson.n_vervolg == 1:
        parts.append(f"<p>Op de kaarten bij principe {html.escape(nr)} staat één suggestie voor het vervolg.</p>")
    elif lesson.n_vervolg < max(2, v.min_n):
        parts.append(
            f"<p>De {total} voor het vervolg bij principe {html.escape(nr)} zijn te weinig om samen te vatten: "
            f"een gedeeld woord tonen we pas als het op minstens {fmt.geheel(max(2, v.min_n))} kaarten staat.</p>"
        )
    else:
        parts.append(
            f"<p>De {total} voor het vervolg bij principe {html.escape(nr)} lopen uiteen: "
            f"geen woord kwam op minstens {fmt.geheel(max(2, v.min_n))} ervan terug.</p>"
        )
    if lesson.voorbeeld:
        parts.append("<p>Een voorbeeld:</p>" + quote_html(lesson.voorbeeld))
    elif not lesson.n_vervolg_toestemming:
        n = html.escape(nr)
        parts.append(
            f"<p>De kaart met deze suggestie bij principe {n} mag niet geciteerd worden.</p>"
            if lesson.n_vervolg == 1
            else f"<p>Geen van de kaarten met deze suggesties bij principe {n} mag geciteerd worden.</p>"
        )
    return "".join(parts)


def lessons_evidence(v: YearView) -> dict[str, tuple[list[str], dict[str, str]]]:
    return lessons.evidence(v.config)


# two columns side by side, one below the other on a narrow screen (the report's stylesheet says the same)
LESSEN_CSS = (
    "<style>.lg-twee { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }"
    " .lg-twee h4, .lg-twee h5 { margin-top: 0; }"
    " .lg-citaat { border-left: 4px solid #0072B2; padding: 0.2rem 0.8rem; margin: 0.5rem 0; }"
    " @media (max-width: 700px) { .lg-twee { grid-template-columns: 1fr; } }</style>"
)


def lessen_html(v: YearView, tabs: bool = False) -> str:
    """The whole Lessen chapter (the report's and the dashboard's tab): every principle's lesson,
    then the residents' own words. ``tabs``: the figures point at the dashboard's tabs, not the chapters."""
    # the report's notebook says this in the chapter's own introduction; the dashboard's tab has none
    intro = (
        "<p>Per ontwerpprincipe wat de kaarten zeggen, naast wat de cijfers laten zien, en wat we anders gaan doen. "
        "Citaten en voorbeelden komen alleen van kaarten met toestemming om te citeren.</p>"
        if tabs
        else ""
    )
    if v.n_kaarten:
        lessons_ = [lesson_html(v, p, tabs) for p in v.config.ontwerpprincipes]
    else:  # said once, not once per principle
        lessons_ = [
            "<p>Bij geen enkel ontwerpprincipe is dit jaar iets uit de kaarten te leren ("
            + (
                "er is geen bestand met reflectiekaarten"
                if "reflectiekaarten" not in v.dataset.accounting
                else "er zijn geen kaarten ingevuld"
            )
            + f"); de cijfers staan {'in de andere tabbladen' if tabs else 'in de hoofdstukken hierboven'}.</p>"
        ]
    parts = [LESSEN_CSS, intro, *lessons_]
    stemmen = v.lessen.stemmen
    if stemmen:
        parts.append("<h4>Stemmen van bewoners</h4>")
        parts.append("".join(f'<blockquote class="lg-citaat">“{html.escape(q)}”</blockquote>' for q in stemmen))
    return "".join(parts)
