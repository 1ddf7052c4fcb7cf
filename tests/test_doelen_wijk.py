"""Issue 14 (part B): the goals scorecard in the Samenvatting, the chapter "De wijk" and the
dashboard tab "Doelen & wijk", on tests/data/analyse plus tests/data/wijk (worked out by hand in
test_goals.py: min_groepsgrootte 3, a wijkbudget of EUR 1.000.000 for 2016-2017).
"""

import shutil
from pathlib import Path

import pytest
from IPython.display import HTML, Markdown

import leergeschiedenis as lg
from leergeschiedenis import content, dashboard, narrative, verslag
from leergeschiedenis.goals import GoalResult, IndicatorResult
from leergeschiedenis.publish import Filters, YearView

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def wijk_ds(wijk_folder):
    return lg.load(wijk_folder)


@pytest.fixture(scope="module")
def v2017(wijk_ds):
    return YearView(wijk_ds, 2017)


@pytest.fixture(scope="module")
def plain_ds(tmp_path_factory):
    """tests/data/analyse with two plain-text goals and none of the new tables."""
    folder = tmp_path_factory.mktemp("plain")
    shutil.copytree(DATA / "analyse", folder, dirs_exist_ok=True)
    with (folder / "proeftuin.yml").open("a", encoding="utf-8") as f:
        f.write("\ndoelen:\n  - Lagere maatschappelijke kosten\n  - Betere steunende systemen\n")
    return lg.load(folder)


def _shown(monkeypatch, call) -> list[str]:
    """What a Verslag chapter displays: Markdown and HTML as text, a chart as 'FIGUUR: <title>'."""
    out: list[str] = []

    def display(obj, **_):
        if isinstance(obj, Markdown | HTML):
            out.append(obj.data)
        else:
            out.append(f"FIGUUR: {obj.layout.title.text}")

    monkeypatch.setattr(verslag, "display", display)
    call()
    return out


# -- the scorecard ------------------------------------------------------------------------------


def test_scorecard_rows_of_a_goal(v2017):
    cards = {c.doel: c for c in content.scorecard(v2017)}
    assert list(cards) == [
        "Lagere maatschappelijke kosten",
        "Betere steunende systemen",
        "De Samenwerkwijze werkt",
        "Wijkbewoners ervaren een betere gezondheid",
        "Meer collectieve betrokkenheid van wijkbewoners",
    ]
    # besparing 1600 >= 1500 met; kosten 1150 > 1000 (lower is better) not met; no cost analyses in 2016
    assert cards["Lagere maatschappelijke kosten"].rows == [
        ["Besparing per casus (niets doen min oplossing)", "€\u00a01.600", "nog niet gemeten", "€\u00a01.500", "gehaald"],
        ["Besparing per casus (huidig min oplossing)", "€\u00a0-850", "nog niet gemeten", "–", "–"],
        ["Kosten van de oplossing per casus", "€\u00a01.150", "nog niet gemeten", "€\u00a01.000", "niet gehaald"],
    ]
    assert cards["Lagere maatschappelijke kosten"].zin == (
        "Dit doel haalde 1 van de 2 streefwaarden die dit jaar te toetsen waren "
        "(gehaald: besparing per casus (niets doen min oplossing); niet gehaald: kosten van de oplossing per casus)."
    )
    rows = {r[0]: r for r in cards["De Samenwerkwijze werkt"].rows}
    assert rows["Binnen de afgesproken tijd: aanmelding → MDO"] == [
        "Binnen de afgesproken tijd: aanmelding → MDO",
        "60%",
        "minder dan 3 personen",  # 2016: too few cases to show
        "60%",
        "gehaald",
    ]
    assert rows["Organisaties die de afspraak haalden"][1:] == ["25%", "50%", "50%", "niet gehaald"]


def test_scorecard_money_shares_and_a_missing_value_in_words(v2017):
    card = next(c for c in content.scorecard(v2017) if c.doel == "Meer collectieve betrokkenheid van wijkbewoners")
    rows = {r[0]: r[1:] for r in card.rows}
    # 2017: one line without a spent amount, so spent vs fixed is not yet measured; 2016: 950.000 / 1.000.000
    assert rows["Wijkbudget besteed van vastgesteld"] == ["nog niet gemeten", "95%", "100%", "–"]
    assert rows["Bezoekers per week (activiteiten)"] == ["20,0", "40,0", "25,0", "niet gehaald"]
    assert rows["Activiteiten door bewoners (of samen) georganiseerd"] == ["50%", "60%", "50%", "gehaald"]
    assert card.zin.endswith("; nog zonder cijfer: wijkbudget besteed van vastgesteld.")


def test_a_plain_goal_beside_goals_with_indicators_says_no_indicator_yet(monkeypatch, v2017):
    plain = [c for c in content.scorecard(v2017) if c.plain]
    assert [c.doel for c in plain] == ["Betere steunende systemen"]
    shown = _shown(monkeypatch, verslag.Verslag(v2017).samenvatting)
    assert "*Betere steunende systemen*: nog geen indicator gekozen." in shown
    assert sum("lg-doelen" in s for s in shown) == 4  # one table per goal with indicators


def test_plain_goals_only_are_listed_as_before(monkeypatch, plain_ds):
    v = YearView(plain_ds, 2017)
    assert content.scorecard(v) == []
    shown = _shown(monkeypatch, verslag.Verslag(v).samenvatting)
    assert "**Doelen**\n\n- Lagere maatschappelijke kosten\n- Betere steunende systemen" in shown
    assert not any(narrative.GEEN_INDICATOR in s or "lg-doelen" in s for s in shown)


def _goal(*indicators: IndicatorResult) -> GoalResult:
    return GoalResult("Doel", list(indicators))


def _i(code: str, streef, gehaald, waarde=1.0) -> IndicatorResult:
    return IndicatorResult(code, waarde, None, streef, gehaald, 10)


def test_goal_sentences():
    assert narrative.goal_sentence(_goal()) == ""
    assert narrative.goal_sentence(_goal(_i("casussen_totaal", None, None))) == (
        "Voor dit doel is nog geen streefwaarde afgesproken; de cijfers laten zien waar het nu staat."
    )
    assert narrative.goal_sentence(_goal(_i("casussen_totaal", 5, False))) == (
        "De enige streefwaarde die dit jaar te toetsen was, is niet gehaald (casussen aangemeld)."
    )
    assert narrative.goal_sentence(_goal(_i("casussen_totaal", 5, False), _i("reflectiekaarten_totaal", 5, False))) == (
        "Dit doel haalde geen van de 2 streefwaarden die dit jaar te toetsen waren "
        "(niet gehaald: casussen aangemeld, reflectiekaarten)."
    )
    assert narrative.goal_sentence(_goal(_i("welbevinden_na", 7, None, None))) == (
        "Geen van de streefwaarden van dit doel was dit jaar te toetsen: welbevinden na 6 weken nog zonder cijfer."
    )


def test_indicator_values_in_dutch_notation():
    assert narrative.indicator_text("aandeel_door_bewoners", 0.567, None, 3) == "57%"
    assert narrative.indicator_text("besparing_per_casus", 12318.4, None, 3) == "€\u00a012.318"
    assert narrative.indicator_text("bezoekers_per_week", 265.66, None, 3) == "265,7"
    assert narrative.indicator_text("bezoekers_per_week", None, "geen_gegevens", 3) == "geen gegevens"
    assert narrative.indicator_text("welbevinden_na", None, "te_weinig_personen", 3) == "minder dan 3 personen"
    assert narrative.indicator_text("welbevinden_na", None, "herleidbaar", 3).startswith("verborgen")
    assert narrative.indicator_label("spinnenweb_meedoen") == "Spinnenweb: meedoen"


# -- De wijk ------------------------------------------------------------------------------------


def test_de_wijk_chapter(monkeypatch, v2017):
    shown = _shown(monkeypatch, verslag.Verslag(v2017).wijk)
    assert shown[0].startswith("## De wijk\n\n")
    headings = [s for s in shown if s.startswith("### ")]
    assert headings == ["### De wijk in cijfers", "### Wijkbudget", "### Activiteiten", "### Afspraken over doorlooptijden"]
    profile = next(s for s in shown if "<table" in s)
    assert '<th class="getal">2016</th><th class="getal">2017</th>' in profile
    assert '<td class="">Inwoners</td><td class="getal">13.000</td><td class="getal">13.100</td>' in profile
    assert '<td class="">65 jaar en ouder</td><td class="getal">–</td><td class="getal">18,5%</td>' in profile
    # 2017: 700.000 + 200.000 spent (one line open); preventive 200.000 / 900.000 = 22%; 2016: 339.999,50 / 950.000 = 36%
    assert (
        "Het vastgestelde wijkbudget voor 2017 was €\u00a01.000.000; besteed is €\u00a0900.000 (van 1 post is de besteding nog "
        "niet bekend). Van de bestedingen ging 22% naar collectieve en preventieve ondersteuning, minder dan in 2016 (36%)."
    ) in shown
    assert (
        "In 2017 waren er 2 activiteiten met samen 40 bezoekers: gemiddeld 20,0 per week met een activiteit (2 weken). "
        "Van de activiteiten werd 50% door wijkbewoners of samen met hen georganiseerd."
    ) in shown
    figures = [s for s in shown if s.startswith("FIGUUR")]
    assert [f.split("<br>")[0] for f in figures] == [
        "FIGUUR: Wijkbudget: vastgesteld en besteed",
        "FIGUUR: Bezoekers per week in 2017",
        "FIGUUR: Binnen de afgesproken doorlooptijd",
    ]
    assert any(
        s.startswith("Afgesproken maximale doorlooptijden")
        and "aanmelding → MDO binnen 14 dagen: 60% van 5 casussen" in s
        and s.endswith(
            "telt als niet gehaald zodra de termijn op 31 december 2017 al voorbij was, en telt anders (nog) niet mee; daarom rust elke afspraak op een ander aantal casussen."
        )
        for s in shown
    )


def test_no_de_wijk_chapter_without_its_data(monkeypatch, analyse, plain_ds):
    for ds in (analyse, plain_ds):
        assert _shown(monkeypatch, verslag.Verslag(YearView(ds, 2017)).wijk) == []


def test_new_charts_are_registered_with_a_reading_aid(v2017):
    for name in ("wijkbudget", "activiteiten_per_week", "binnen_termijn"):
        assert name in content.FIGURES and narrative.reading_aid(name)


# -- the dashboard's tab ------------------------------------------------------------------------


def test_dashboard_tab_text_with_and_without_filter(wijk_ds, v2017):
    assert "Doelen & wijk" in dashboard.TABS
    text = dashboard.view_texts(v2017, ["doelen_wijk"])["doelen_wijk"]
    assert "<table class='lg-doelen' tabindex='0'>" in text and "nog geen indicator gekozen" in text
    assert "niet per organisatie geregistreerd" not in text
    filtered = YearView(wijk_ds, 2017, Filters(organisatie="GGZ"))
    text = dashboard.view_texts(filtered, ["doelen_wijk"])["doelen_wijk"]
    assert "niet per organisatie geregistreerd" in text
    assert "Bezoekers per week (activiteiten) (alle organisaties)" in text
    # under a filter each quarter is judged by the gate like any published group (issue 24), and the chart says why
    fig = content.figure("binnen_termijn", filtered)
    assert "n = 3 casussen; 2 kwartalen niet getoond: minder dan 3 personen" in fig.layout.title.text


def test_dashboard_tab_without_the_new_tables(plain_ds):
    text = dashboard.view_texts(YearView(plain_ds, 2017), ["doelen_wijk"])["doelen_wijk"]
    assert "<li>Lagere maatschappelijke kosten</li><li>Betere steunende systemen</li>" in text
    assert dashboard.NO_WIJK in text and "nog geen indicator gekozen" not in text


def test_the_share_spent_on_prevention_is_compared_with_the_year_before_as_the_goals_table_is():
    """Issue 26: Ruwaard 2018 said 'meer dan in 2016' while its table compares with 2017."""
    import numpy as np

    from leergeschiedenis import fmt, narrative

    d = lg.load(Path(__file__).parent.parent / "data" / "sample" / "ruwaard")
    v = YearView(d, 2018)
    shares = v.wijkbudget_per_jaar["aandeel_collectief_preventief"]
    assert f"dan in 2017 ({fmt.procent(shares[2017])})." in narrative.budget_sentence(v)
    # without a known share in 2017: the latest year that has one, and the sentence says why
    per_year = v.wijkbudget_per_jaar.copy()
    per_year.loc[2017, "aandeel_collectief_preventief"] = np.nan
    v.__dict__["wijkbudget_per_jaar"] = per_year
    assert f"dan in 2016 ({fmt.procent(shares[2016])}, het laatste jaar met een bekende besteding)." in narrative.budget_sentence(
        v
    )
