"""Charts draw only what passed the privacy gate, and say what they rest on."""

import json

import pytest

from leergeschiedenis import figures
from leergeschiedenis.publish import YearView


@pytest.fixture(scope="module")
def view(analyse):
    return YearView(analyse, 2017)


def _strict(analyse, min_n):
    config = analyse.config.model_copy(update={"privacy": analyse.config.privacy.model_copy(update={"min_groepsgrootte": min_n})})
    return YearView(analyse.__class__(**{**analyse.__dict__, "config": config}), 2017)


def test_suppressed_financiers_get_no_bar_and_no_hover(view):
    f = view.financiers
    fig = figures.savings_per_financier(f["besparing"], f["n"], view.min_n, f["reden"])
    assert list(fig.data[0].y) == ["Zorgverzekeraar"]
    text = json.dumps(fig.to_plotly_json(), default=str)
    assert "Woningcorporatie" not in text and "5000" not in text
    # woningcorporatie: too few; gemeente_wmo: hidden so the total cannot give woningcorporatie away
    assert "2 financiers niet getoond: minder dan 3 personen of te herleiden uit andere cijfers" in fig.layout.title.text


def test_too_few_people_means_an_empty_chart_that_says_so(analyse):
    strict = _strict(analyse, 5)
    fig = figures.radar(strict.spinnenweb_per_moment, strict.spinnenweb_momenten, 5)
    assert not fig.data
    assert "minder dan 5 personen" in fig.layout.annotations[0].text
    welbevinden = figures.welbevinden(strict.welbevinden, 5)
    assert not welbevinden.data
    costs = figures.costs_by_scenario(strict.kosten_totaal, strict.kosten_n, 5)
    assert not costs.data


def test_welbevinden_bars_show_n(view):
    fig = figures.welbevinden(view.welbevinden, view.min_n)
    assert [t.name for t in fig.data] == ["Voor", "Na"]
    assert list(fig.data[0].x) == ["voor → na 6 weken<br>(n = 3 casussen)"]  # herhaling has 2 pairs: not drawn
    assert "na 6-12 maanden: minder dan 3 personen" in fig.layout.title.text


def test_lead_time_trend_leaves_out_small_quarters(view):
    fig = figures.lead_time_trend(view.lead_time_trend, "aanmelding_oplossing", view.min_n)
    # aanmelding -> oplossing: 2016 K4 has 1 case, 2017 K1 has 3
    assert list(fig.data[0].x) == ["2017 K1"]


def test_every_chart_has_a_dutch_title_and_axis_labels(view):
    charts = [
        figures.cases_per_year(view.cases_per_year),
        figures.agreement_heatmap(view.per_organisation_month, 1),
        figures.count_bars(view.levensdomeinen, "Levensdomeinen van de casussen", "Levensdomein"),
        figures.costs_by_scenario(view.kosten_totaal, view.kosten_n, view.min_n),
        figures.attendance_trend(view.year_sessions),
    ]
    for fig in charts:
        assert fig.layout.title.text and "n = " in fig.layout.title.text
        assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
        assert fig.layout.separators == ",."


def test_attendance_marks_other_events_on_the_chart(analyse):
    """Issue 16: a conference is no learning session; its kind shows on the chart, not only on hover."""
    from leergeschiedenis import content
    from leergeschiedenis.publish import YearView

    fig = content.figure("deelnemers", YearView(analyse, 2017))
    # Sessie 1 (leersessie, 15) on the line; Sessie 2 (werkconferentie, 30) a labelled diamond; Sessie 3 has no count
    line, other = fig.data
    assert line.name == "Tweewekelijkse leersessies" and line.mode == "lines+markers" and list(line.y) == [15.0]
    assert other.mode == "markers+text" and list(other.y) == [30.0] and list(other.text) == ["werkconferentie"]
    assert "n = 2 bijeenkomsten met een telling: 1 leersessie (lijn), 1 andere" in fig.layout.title.text


def test_mentions_say_mentions_in_cases_and_labels_keep_diacritics(analyse):
    from leergeschiedenis import content
    from leergeschiedenis.publish import YearView

    fig = content.figure("levensdomeinen", YearView(analyse, 2017))
    # B1 wonen; B2 financien; B3 gezondheid; B4 wonen, gezondheid; B5 none: 5 mentions in 4 cases
    assert "5 vermeldingen in 4 casussen" in fig.layout.title.text and "n = " not in fig.layout.title.text
    assert "Financiën" in list(fig.data[0].y)


def test_empty_charts_say_why(analyse):
    """Issue 16: no file, nothing measured and too few people are different reasons."""

    from leergeschiedenis import content

    without = _without_costs(analyse)
    costs = content.figure("kosten", YearView(without, 2017))
    assert costs.layout.annotations[0].text == "Deze proeftuin heeft geen kostenbestand."
    later = YearView(analyse, 2030, controleren=False)  # no cases: nothing measured, never 'minder dan 3 personen'
    assert content.figure("kosten", later).layout.annotations[0].text == "Nog geen volledige micro-analyses van kosten."
    assert content.figure("welbevinden", later).layout.annotations[0].text == (
        "Nog niet gemeten: geen casussen met een voor- en nameting."
    )
    assert content.figure("financiers", later).layout.annotations[0].text == "Nog geen micro-analyses van kosten."
    import pandas as pd

    nothing = figures.lead_time_trend(pd.DataFrame({"n": [], "mediaan": []}), "aanmelding_oplossing", 3)
    assert nothing.layout.annotations[0].text == "Nog niet gemeten: nog geen afgeronde stappen."
    few = figures.lead_time_trend(pd.DataFrame({"n": [2], "mediaan": [float("nan")]}), "aanmelding_oplossing", 3)
    assert few.layout.annotations[0].text == "Te weinig afgeronde stappen om te tonen (minder dan 3 personen per kwartaal)."


def _without_costs(analyse):
    """The fixture as a proeftuin without a cost file: the table empty and not in the accounting."""
    import dataclasses

    tables = {**analyse.tables, "kosten": analyse.tables["kosten"].iloc[:0]}
    accounting = {t: a for t, a in analyse.accounting.items() if t != "kosten"}
    return dataclasses.replace(analyse, tables=tables, accounting=accounting)
