"""Every chart of the learning history, one function each, one shared look.

Functions take tables that already passed the privacy gate: a suppressed value
is NaN and is simply not drawn (no bar, point or hover text). Titles, axes and
hover texts are Dutch; every chart says how many people or cases it rests on.
Colours: the Okabe-Ito palette, readable with every common colour-vision deficiency.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import fmt
from .contract import CASE_STEPS
from .labels import (
    DOMEIN_LABELS,
    FINANCIER_LABELS,
    LEAD_TIME_LABELS,
    LEVENSDOMEIN_LABELS,
    MEETMOMENT_LABELS,
    SCENARIO_LABELS,
    SOORT_LABELS,
)
from .labels import ROL_LABELS as ROL_LABELS  # figures.ROL_LABELS in the dashboard and the report
from .privacy import HERLEIDBAAR, reason_text
from .sessions import LEERSESSIES

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
BLUE, ORANGE, GREEN, PINK, SKY, RED = OKABE_ITO[:6]
SEQUENTIAL = [[0.0, "#f7fbff"], [0.5, "#6baed6"], [1.0, "#08306b"]]
WIDTH, HEIGHT = 760, 400


def label(text: str) -> str:
    """'levensdomein_code' -> 'Levensdomein code' for codes without a fixed label ('financien' -> 'Financiën')."""
    return LEVENSDOMEIN_LABELS.get(str(text)) or str(text).replace("_", " ").capitalize()


def _slim_white() -> go.layout.Template:
    """plotly_white's look without its defaults for trace types and scales we never draw:
    the full template is 7 kB in every figure of a report that is mailed around."""
    white = pio.templates["plotly_white"].layout
    keep = (
        "font",
        "hovermode",
        "hoverlabel",
        "paper_bgcolor",
        "plot_bgcolor",
        "polar",
        "xaxis",
        "yaxis",
        "title",
        "autotypenumbers",
    )
    return go.layout.Template(layout={k: white[k] for k in keep})


SLIM_WHITE = _slim_white()


def _layout(
    fig: go.Figure, title: str, subtitle: str, x: str | None = None, y: str | None = None, height: int = HEIGHT
) -> go.Figure:
    fig.update_layout(
        title={"text": f"{title}<br><sup>{subtitle}</sup>", "x": 0.0, "xanchor": "left"},
        width=WIDTH,
        height=height,
        template=SLIM_WHITE,
        font={"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 13},
        colorway=OKABE_ITO,
        margin={"l": 60, "r": 20, "t": 80, "b": 60},
        legend={"orientation": "h", "y": -0.2},
        separators=",.",
        hoverlabel={"namelength": -1},
    )
    if x is not None:
        fig.update_xaxes(title_text=x)
    if y is not None:
        fig.update_yaxes(title_text=y)
    return fig


def huisstijl(fig: go.Figure, titel: str, ondertitel: str = "", x: str | None = None, y: str | None = None) -> go.Figure:
    """A chart of your own in the report's house style: Dutch number notation, the accessible
    Okabe-Ito colours, the report's fonts and size. ``titel`` and ``ondertitel`` are the heading and
    the line below it (what the chart rests on); ``x`` and ``y`` name the axes."""
    return _layout(fig, titel, ondertitel, x, y)


def empty(title: str, why: str) -> go.Figure:
    """A chart with nothing to show says so, instead of leaving a blank."""
    fig = go.Figure()
    fig.add_annotation(text=why, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(meta={"leeg": why})
    return _layout(fig, title, "niets te tonen", height=260)


def empty_reason(fig: go.Figure) -> str | None:
    """Why a chart made by ``empty`` has nothing to show; None for a chart that shows something."""
    meta = fig.layout.meta
    return meta.get("leeg") if isinstance(meta, dict) else None


def cases_per_year(per_year: pd.DataFrame) -> go.Figure:
    if per_year.empty:
        return empty("Casussen per jaar", "Er zijn nog geen casussen.")
    years = [str(y) for y in per_year.index]
    fig = go.Figure()
    for column, colour, name in (("individueel", BLUE, "Individueel"), ("collectief", ORANGE, "Collectief")):
        fig.add_bar(
            x=years, y=per_year[column], name=name, marker_color=colour, hovertemplate=f"{name}: %{{y}}<extra>%{{x}}</extra>"
        )
    fig.update_layout(barmode="stack")
    return _layout(
        fig,
        "Casussen per jaar",
        f"n = {int(per_year['totaal'].sum())} casussen, naar jaar van aanmelding",
        "Jaar",
        "Aantal casussen",
    )


def agreement_heatmap(table: pd.DataFrame, per_month: float) -> go.Figure:
    if table.empty or table.shape[1] == 0:
        return empty("Casussen per organisatie per maand", "Geen casussen in dit jaar.")
    months = [fmt.maand(m) for m in table.columns]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=months,
            y=list(table.index),
            colorscale=SEQUENTIAL,
            text=table.to_numpy(),
            texttemplate="%{text}",
            hovertemplate="%{y}, %{x}: %{z} casussen<extra></extra>",
            colorbar={"title": "casussen"},
        )
    )
    n = int(table.to_numpy().sum())
    return _layout(
        fig,
        "Casussen per organisatie per maand",
        f"afspraak: {fmt.aantal(per_month)} {'casus' if per_month <= 1 else 'casussen'} per organisatie per maand"
        + ("" if float(per_month).is_integer() else ", getoetst over alle maanden samen")
        + f" · n = {n} casussen",
        "Maand",
        "Organisatie",
        height=max(HEIGHT, 40 * len(table) + 140),
    )


def lead_time_trend(trend: pd.DataFrame, name: str, min_n: int) -> go.Figure:
    """Median days per quarter; quarters with fewer than ``min_n`` cases are not drawn."""
    title = f"Doorlooptijd {LEAD_TIME_LABELS[name]} per kwartaal"
    shown = trend.dropna(subset=["mediaan"])
    if shown.empty:
        if trend.empty or not int(trend["n"].sum()):
            return empty(title, "Nog niet gemeten: nog geen afgeronde stappen.")
        return empty(title, f"Te weinig afgeronde stappen om te tonen ({fmt.suppressed(min_n)} per kwartaal).")
    x = [fmt.kwartaal(p) for p in shown.index]
    fig = go.Figure(
        go.Scatter(
            x=x,
            y=shown["mediaan"],
            mode="lines+markers",
            line_color=BLUE,
            customdata=shown["n"],
            hovertemplate="%{x}: mediaan %{y} dagen (n = %{customdata})<extra></extra>",
            name="mediaan",
        )
    )
    hidden = len(trend) - len(shown)
    note = f" · {fmt.stuks(hidden, 'kwartaal', 'kwartalen')} met {fmt.suppressed(min_n)} niet getoond" if hidden else ""
    return _layout(
        fig, title, f"mediaan in dagen · n = {int(shown['n'].sum())} casussen{note}", "Kwartaal van aanmelding", "Dagen (mediaan)"
    )


def funnel(stages: pd.Series) -> go.Figure:
    labels = {"aangemeld": "Aangemeld", **{s.name: s.label for s in CASE_STEPS}}
    if not stages.fillna(0).any():
        return empty("Hoe ver kwamen de casussen?", "Geen casussen in dit jaar.")
    fig = go.Figure(
        go.Funnel(y=[labels[s] for s in stages.index], x=stages.to_numpy(), marker_color=BLUE, textinfo="value+percent initial")
    )
    return _layout(fig, "Hoe ver kwamen de casussen?", f"n = {int(stages.iloc[0])} casussen", None, None)


def count_bars(
    counts: pd.Series,
    title: str,
    axis: str,
    labels: dict[str, str] | None = None,
    what: str = "casussen",
    subtitle: str | None = None,
) -> go.Figure:
    """Horizontal bars for counts per category (life domains, obstacles, roles, kinds).

    A NaN count was hidden by the privacy gate: it gets no bar, and the subtitle says how many."""
    hidden = int(counts.isna().sum())
    counts = counts.dropna()
    note = f"; {hidden} {'categorie' if hidden == 1 else 'categorieën'} verborgen (kleine aantallen)" if hidden else ""
    if counts.sum() == 0:
        return empty(title, f"Geen {what} om te tonen{note}.")
    counts = counts.sort_values()
    names = [(labels or {}).get(str(k), label(k)) for k in counts.index]
    fig = go.Figure(
        go.Bar(
            x=counts.to_numpy(),
            y=names,
            orientation="h",
            marker_color=BLUE,
            hovertemplate=f"%{{y}}: %{{x}} {what}<extra></extra>",
        )
    )
    if counts.max() <= 10:
        fig.update_xaxes(dtick=1)
    return _layout(
        fig,
        title,
        (subtitle or f"n = {int(counts.sum())} {what}") + note,
        f"Aantal {what}",
        axis,
        height=max(300, 32 * len(counts) + 140),
    )


def welbevinden(changes: dict, min_n: int, reasons: dict | None = None) -> go.Figure:
    """Mean grade before and after, per comparison, over the cases measured at both."""
    title = "Welbevinden voor en na de proeftuinoplossing"
    shown = {after: c for after, c in changes.items() if c.verandering is not None}
    reasons = reasons or {}
    notes = [
        f"{MEETMOMENT_LABELS[after].lower()}: {reason_text(reasons.get(after), min_n) if c.n else 'nog niet gemeten'}"
        for after, c in changes.items()
        if after not in shown
    ]
    if not shown:
        if not any(c.n for c in changes.values()):
            return empty(title, "Nog niet gemeten: geen casussen met een voor- en nameting.")
        return empty(title, "Niet getoond (" + "; ".join(notes) + ").")
    groups = [f"voor → {MEETMOMENT_LABELS[a].lower()}<br>(n = {c.n} casussen)" for a, c in shown.items()]
    fig = go.Figure()
    for name, colour, values in (
        ("Voor", SKY, [c.gemiddeld_voor for c in shown.values()]),
        ("Na", BLUE, [c.gemiddeld_na for c in shown.values()]),
    ):
        fig.add_bar(
            name=name,
            x=groups,
            y=values,
            marker_color=colour,
            text=[fmt.getal(v) for v in values],
            textposition="outside",
            hovertemplate=f"{name}: gemiddeld %{{text}}<extra></extra>",
        )
    fig.update_yaxes(range=[0, 10.5])
    fig.update_layout(barmode="group")
    sub = "gemiddeld cijfer (1-10) van dezelfde casussen op beide momenten" + ("<br>" + "; ".join(notes) if notes else "")
    return _layout(fig, title, sub, "Vergelijking", "Welbevinden (1-10)")


def costs_by_scenario(totals: pd.Series | None, n: int, min_n: int, reason: str | None = None) -> go.Figure:
    title = "Maatschappelijke kosten per jaar, per scenario"
    if totals is None:
        if reason == "geen_gegevens":
            return empty(title, "Deze proeftuin heeft geen kostenbestand.")
        if not n:
            return empty(title, "Nog geen volledige micro-analyses van kosten.")
        return empty(title, f"Niet getoond: {reason_text(reason, min_n)}.")
    names = [SCENARIO_LABELS[s] for s in totals.index]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=totals.to_numpy(),
            marker_color=[SKY, RED, GREEN],
            text=[fmt.euro(v) for v in totals],
            textposition="outside",
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(tickformat=",.0f", tickprefix="€\u00a0")
    return _layout(
        fig, title, f"som over n = {n} casussen met een micro-analyse, in euro per jaar", "Scenario", "Kosten per jaar"
    )


def savings_per_financier(savings: pd.Series, n: pd.Series, min_n: int, reasons: pd.Series | None = None) -> go.Figure:
    """Who gains (positive) and who invests (negative): the Effectenarena view."""
    title = "Effectenarena: wie betaalt en wie wint? Besparing per financier"
    shown = savings.dropna()
    derivable = reasons is not None and (reasons == HERLEIDBAAR).any()
    why = fmt.suppressed(min_n) + (" of te herleiden uit andere cijfers" if derivable else "")
    if shown.empty:
        if not len(savings) or not int(n.sum()):
            return empty(title, "Nog geen micro-analyses van kosten.")
        return empty(title, f"Te weinig micro-analyses per financier om te tonen ({why}).")
    shown = shown.sort_values()
    names = [FINANCIER_LABELS.get(f, label(f)) for f in shown.index]
    colours = [GREEN if v >= 0 else ORANGE for v in shown]
    fig = go.Figure(
        go.Bar(
            x=shown.to_numpy(),
            y=names,
            orientation="h",
            marker_color=colours,
            text=[fmt.euro(v) for v in shown],
            customdata=[int(n[f]) for f in shown.index],
            hovertemplate="%{y}: %{text} (n = %{customdata} casussen)<extra></extra>",
        )
    )
    hidden = len(savings) - len(shown)
    note = f" · {hidden} {'financier' if hidden == 1 else 'financiers'} niet getoond: {why}" if hidden else ""
    sub = "niets doen min proeftuinoplossing, euro per jaar; groen: betaalt minder, oranje: investeert" + note.replace(
        " · ", "<br>"
    )
    fig.update_xaxes(tickformat=",.0f", tickprefix="€\u00a0")
    return _layout(fig, title, sub, "Besparing per jaar", None, height=max(300, 40 * len(shown) + 160))


def attendance_trend(sessions: pd.DataFrame) -> go.Figure:
    """The recurring learning sessions as a line per kind; every other event (werkconferentie, dialoogsessie,
    effectenarena ...) a separate marker named on the chart itself, so nobody reads a conference as growth."""
    title = "Deelnemers per bijeenkomst"
    known = sessions.dropna(subset=["deelnemers"]).sort_values("datum")
    if known.empty:
        return empty(title, "Geen aantallen deelnemers geregistreerd.")
    kinds = known["soort"].astype("string")
    fig = go.Figure()
    for kind, colour in zip(LEERSESSIES, (BLUE, GREEN), strict=True):
        rows = known[kinds == kind]
        if rows.empty:
            continue
        fig.add_scatter(
            x=rows["datum"],
            y=rows["deelnemers"].astype(float),
            mode="lines+markers",
            name=SOORT_LABELS[kind][1].capitalize(),
            line_color=colour,
            customdata=rows["bijeenkomst"],
            hovertemplate="%{customdata}<br>%{x|%d-%m-%Y}: %{y} deelnemers<extra></extra>",
        )
    others = known[~kinds.isin(LEERSESSIES)]
    if not others.empty:
        fig.add_scatter(
            x=others["datum"],
            y=others["deelnemers"].astype(float),
            mode="markers+text",
            name="Andere bijeenkomsten",
            marker={"color": ORANGE, "symbol": "diamond", "size": 10},
            text=[SOORT_LABELS.get(str(k), (str(k),))[0] for k in others["soort"]],
            textposition="top center",
            textfont={"size": 11},
            customdata=others["bijeenkomst"],
            hovertemplate="%{customdata}<br>%{x|%d-%m-%Y}: %{y} deelnemers<extra></extra>",
        )
    fig.update_xaxes(tickformat="%d-%m-%Y")
    fig.update_yaxes(rangemode="tozero")
    n_learning = int(kinds.isin(LEERSESSIES).sum())
    sub = (
        f"n = {fmt.stuks(len(known), 'bijeenkomst', 'bijeenkomsten')} met een telling: "
        f"{fmt.stuks(n_learning, 'leersessie', 'leersessies')} (lijn), {fmt.geheel(len(others))} andere (ruit, met de soort erbij)"
    )
    fig.update_layout(showlegend=True)
    return _layout(fig, title, sub, "Datum", "Deelnemers")


def attendance_by_role(by_role: pd.Series) -> go.Figure:
    labels = {
        "wijkbewoners": "Wijkbewoners",
        "professionals": "Professionals",
        "managers": "Managers",
        "bestuurders": "Bestuurders",
    }
    return count_bars(by_role, "Aanwezigen naar rol", "Rol", labels, what="aanwezigen")


def theme_heatmap(
    table: pd.DataFrame, principle_names: dict[str, str], title: str, x_labels: dict[str, str] | None = None
) -> go.Figure:
    if table.empty or table.to_numpy().sum() == 0:
        return empty(title, "Geen gecodeerde reflectiekaarten.")
    y = [f"{nr}. {principle_names.get(nr, nr)}" for nr in table.index]
    x = [(x_labels or {}).get(str(c), label(c)) for c in table.columns]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=x,
            y=y,
            colorscale=SEQUENTIAL,
            text=table.to_numpy(),
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}: %{z} kaarten<extra></extra>",
            colorbar={"title": "kaarten"},
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(
        fig, title, "aantal reflectiekaarten per ontwerpprincipe", None, None, height=max(HEIGHT, 36 * len(table) + 160)
    )


def radar(per_moment: pd.DataFrame, moment_labels: dict[int, str], min_n: int) -> go.Figure:
    """Spinnenweb: mean score per domain, one line per measurement moment (gated means only)."""
    title = "Positieve gezondheid: het spinnenweb"
    fig = go.Figure()
    domains = list(DOMEIN_LABELS)
    theta = [DOMEIN_LABELS[d] for d in domains] + [DOMEIN_LABELS[domains[0]]]
    for i, (moment, rows) in enumerate(per_moment.groupby("meetmoment", sort=True)):
        rows = rows.set_index("domein").reindex(domains)
        if rows["gemiddelde"].isna().all():
            continue
        r = [*rows["gemiddelde"].tolist(), rows["gemiddelde"].iloc[0]]
        n = int(rows["n"].max())
        fig.add_trace(
            go.Scatterpolar(
                r=r,
                theta=theta,
                name=f"{moment_labels.get(int(moment), moment)} (n = {n})",
                line_color=OKABE_ITO[i % len(OKABE_ITO)],
                hovertemplate="%{theta}: %{r:.1f}<extra>" + f"{moment_labels.get(int(moment), moment)}, n = {n}" + "</extra>",
            )
        )
    if not fig.data:
        if per_moment.empty or not int(per_moment["n"].sum()):
            return empty(title, "Nog niet gemeten.")
        derivable = "reden" in per_moment and (per_moment["reden"] == HERLEIDBAAR).any()
        why = reason_text(HERLEIDBAAR, min_n) if derivable else fmt.suppressed(min_n)
        return empty(title, f"Te weinig deelnemers om te tonen ({why}).")
    fig.update_layout(polar={"radialaxis": {"range": [0, 10], "dtick": 2}}, showlegend=True)
    return _layout(fig, title, "gemiddelde score per domein (0-10), per meetmoment", height=480)


def domain_change(changes: dict, title: str, min_n: int, reason: str | None = None) -> go.Figure:
    """Mean paired change per domain with its 95% interval when there are enough pairs."""
    shown = {d: c for d, c in changes.items() if c.verandering is not None}
    if not shown:
        if not any(c.n for c in changes.values()):
            return empty(title, "Nog niet gemeten: nog geen deelnemers op beide momenten.")
        return empty(title, f"Niet getoond: {reason_text(reason, min_n)} op beide momenten.")
    names = [DOMEIN_LABELS[d] for d in shown]
    values = [c.verandering for c in shown.values()]
    has_ci = all(c.ci_laag is not None for c in shown.values())
    error = (
        {
            "type": "data",
            "symmetric": False,
            "array": [c.ci_hoog - c.verandering for c in shown.values()],
            "arrayminus": [c.verandering - c.ci_laag for c in shown.values()],
        }
        if has_ci
        else None
    )
    n = max(c.n for c in shown.values())
    fig = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            marker_color=[GREEN if v >= 0 else ORANGE for v in values],
            error_x=error,
            text=[fmt.getal(v) for v in values],
            hovertemplate="%{y}: %{text}<extra>" + f"n = {n}" + "</extra>",
        )
    )
    sub = f"gemiddelde verandering van dezelfde deelnemers · n = {n}" + (" · met 95%-interval" if has_ci else "")
    return _layout(fig, title, sub, "Verandering in punten (0-10)", None, height=360)


def budget_per_year(per_year: pd.DataFrame) -> go.Figure:
    """The fixed wijkbudget against what was spent, per year (not about people: nothing is hidden)."""
    if per_year.empty:
        return empty("Wijkbudget per jaar", "Er is geen wijkbudget geregistreerd.")
    years = [str(y) for y in per_year.index]
    fig = go.Figure()
    for column, colour, name in (("vastgesteld", BLUE, "Vastgesteld"), ("besteed", ORANGE, "Besteed")):
        texts = [fmt.euro(x) for x in per_year[column]]
        fig.add_bar(
            x=years,
            y=per_year[column],
            name=name,
            marker_color=colour,
            customdata=texts,
            hovertemplate=f"{name}: %{{customdata}}<extra>%{{x}}</extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(tickprefix="€\u00a0", tickformat=",.0f")
    open_lines = int(per_year["n_posten_zonder_besteed"].fillna(0).sum())
    sub = f"{years[0]}–{years[-1]}" if len(years) > 1 else years[0]
    if open_lines:
        sub += f"; {fmt.stuks(open_lines, 'post', 'posten')} nog zonder besteed bedrag"
    return _layout(fig, "Wijkbudget: vastgesteld en besteed", sub, "Jaar", "Bedrag")


def visitors_per_week(per_week: pd.DataFrame | None, year: int) -> go.Figure:
    """Visitors per ISO week with an activity over the year."""
    if per_week is None or per_week.empty:
        return empty("Bezoekers per week", f"In {year} zijn er geen activiteiten geregistreerd.")
    weeks = [f"{y}-W{w:02d}" for y, w in per_week.index]
    fig = go.Figure()
    fig.add_scatter(
        x=weeks,
        y=per_week["bezoekers"],
        mode="lines+markers",
        line_color=BLUE,
        name="Bezoekers",
        customdata=per_week["activiteiten"],
        hovertemplate="%{y} bezoekers bij %{customdata} activiteit(en)<extra>week %{x}</extra>",
    )
    fig.update_xaxes(type="category", nticks=13)
    sub = (
        f"{fmt.stuks(int(per_week['activiteiten'].sum()), 'activiteit', 'activiteiten')}, "
        f"{fmt.stuks(int(per_week['bezoekers'].sum()), 'bezoeker', 'bezoekers')} in {fmt.stuks(len(per_week), 'week', 'weken')} (ISO-weken)"
    )
    fig.update_layout(showlegend=False)
    return _layout(fig, f"Bezoekers per week in {year}", sub, "Week", "Bezoekers")


def within_term_per_quarter(per_step: dict[str, pd.DataFrame], maxima: dict[str, int], min_n: int) -> go.Figure:
    """Per agreed maximum: the share of cases within it per quarter of aanmelding; a hidden quarter is not drawn."""
    if not per_step:
        return empty("Binnen de afgesproken doorlooptijd", "Er zijn geen maximale doorlooptijden afgesproken.")
    fig = go.Figure()
    n_total, hidden, hidden_quarters = 0, set(), set()
    for colour, (step, table) in zip(OKABE_ITO, per_step.items(), strict=False):
        quarters = [fmt.kwartaal(q) for q in table.index]
        name = f"{LEAD_TIME_LABELS[step]} (max. {fmt.stuks(maxima[step], 'dag', 'dagen')})"
        fig.add_bar(
            x=quarters,
            y=table["aandeel"],
            name=name,
            marker_color=colour,
            customdata=table["n"],
            hovertemplate=f"{name}: %{{y:.0%}} van %{{customdata}} casussen<extra>%{{x}}</extra>",
        )
        n_total = max(n_total, int(table["n"].sum()))
        hidden |= {str(r) for r in table["reden"].dropna()}
        hidden_quarters |= {str(q) for q, r in table["reden"].items() if isinstance(r, str)}
    fig.update_layout(barmode="group")
    fig.update_yaxes(tickformat=".0%", range=[0, 1])
    sub = f"n = {fmt.stuks(n_total, 'casus', 'casussen')}"
    quarters = fmt.stuks(len(hidden_quarters), "kwartaal", "kwartalen")
    if hidden == {HERLEIDBAAR}:
        sub += f"; {quarters} niet getoond: anders is een kleine groep te herleiden"
    elif HERLEIDBAAR in hidden:
        sub += f"; {quarters} niet getoond: {fmt.suppressed(min_n)} of te herleiden"
    elif hidden:
        sub += f"; {quarters} niet getoond: {fmt.suppressed(min_n)}"
    return _layout(fig, "Binnen de afgesproken doorlooptijd", sub, "Kwartaal van aanmelding", "Aandeel casussen")
