"""The content registry: every chart, tab and key figure declared once, and complete."""

import html

import pytest

from leergeschiedenis import content, narrative
from leergeschiedenis.publish import YearView


def test_every_registered_chart_has_a_reading_aid():
    assert set(content.FIGURES) <= set(narrative.READING_AIDS)


def test_every_tab_shows_registered_content():
    for tab in content.TABS:
        assert tab.text in content.TEXTS or tab.text in ("kern", "datakwaliteit", "lessen")
        assert set(tab.figures) <= set(content.FIGURES)


def test_a_chart_cannot_be_registered_twice():
    with pytest.raises(ValueError):
        content.register_figure("kosten")(lambda v: None)


def test_every_chart_draws_for_a_view(analyse):
    v = YearView(analyse, 2017)
    for name in content.FIGURES:
        fig = content.figure(name, v)
        assert fig.layout.title.text, name


def test_key_figures_say_why_they_are_missing(analyse):
    k = YearView(analyse, 2017).kern
    besparing = next(f for f in content.KEY_FIGURES if f.card == "Besparing per jaar")
    assert besparing.text(k, 3) == "€\u00a04.800"
    empty = YearView(analyse, 2030, controleren=False).kern  # no cases in 2030: nothing measured
    assert besparing.text(empty, 3) == "nog niet gemeten"
    hidden = {**k, "kosten": {**k["kosten"], "besparing": None, "reden": "herleidbaar"}}
    assert besparing.text(hidden, 3) == "verborgen omdat anders een kleine groep te herleiden is"
    assert [f.card for f in content.KEY_FIGURES if f.card] == [
        "Casussen aangemeld",
        "Welbevinden (verandering)",
        "Besparing per jaar",
        "Bijeenkomsten",
        "Reflectiekaarten",
    ]


def test_why_missing_distinguishes_no_file_unmeasured_too_few_and_hidden(analyse):
    """Four reasons, never 'minder dan N personen' when nothing was measured (issue 16)."""

    cards = {f.card: f for f in content.KEY_FIGURES if f.card}
    welbevinden, besparing = cards["Welbevinden (verandering)"], cards["Besparing per jaar"]
    # no cost file: the proeftuin has no micro-analyses at all, said on the first screen
    without = _without_costs(analyse)
    k = YearView(without, 2017).kern
    assert k["kosten"]["reden"] == "geen_gegevens"
    assert besparing.text(k, 3) == "geen kostenbestand"
    micro = next(f for f in content.KEY_FIGURES if f.label == "Micro-analyses van kosten")
    assert micro.text(k, 3) == "geen kostenbestand"
    assert besparing.about(k) == ""
    # 2016: 1 pair (A1), below the minimum of 3: too few, with the configured minimum and what it rests on
    k2016 = YearView(analyse, 2016).kern
    assert welbevinden.text(k2016, 3) == "minder dan 3 personen"
    assert welbevinden.about(k2016) == "van 1 casus met een micro-analyse (voor- en nameting)"
    # 2030: no pairs at all: not measured, and nothing to say what it rests on
    k2030 = YearView(analyse, 2030, controleren=False).kern
    assert welbevinden.text(k2030, 3) == "nog niet gemeten" and welbevinden.about(k2030) == ""
    # every null in kerncijfers carries its reason (DATA-CONTRACT), also when nothing was measured
    assert k2030["welbevinden"]["reden"] == "nog_niet_gemeten" and k2030["kosten"]["reden"] == "nog_niet_gemeten"
    assert k2030["bijeenkomsten"]["reden"] == "nog_niet_gemeten"
    # 2017: B1, B2, B3 paired; B4 has only a voor
    k2017 = YearView(analyse, 2017).kern
    assert welbevinden.about(k2017) == "van de 3 casussen met een micro-analyse (voor- en nameting)"
    # issue 16: costs both ways on the dashboard's card too, from the same kerncijfers as the report's table
    assert besparing.about(k2017) == (
        "van de 3 casussen met een micro-analyse, tegenover niets doen; €\u00a02.550 duurder dan nu"
    )


def test_key_figure_table_has_both_cost_comparisons_and_sessions_by_type(analyse):
    k = YearView(analyse, 2017).kern
    by_label = {f.label: f.text(k, 3) for f in content.KEY_FIGURES}
    # huidig 900 - oplossing 3.450 (see test_narrative): the solution costs 2.550 more than now
    assert by_label["Oplossing tegenover de huidige situatie, per jaar"] == "€\u00a02.550 duurder"
    assert by_label["Gemiddeld aantal deelnemers per leersessie"] == "15"  # a whole number stays whole
    sessies = next(f for f in content.KEY_FIGURES if f.label == "Gemiddeld aantal deelnemers per leersessie")
    assert sessies.title(k) == "Gemiddeld aantal deelnemers per tweewekelijkse leersessie"
    assert by_label["Gemiddeld aantal deelnemers (alle bijeenkomsten)"] == "22,5"


def test_cards_say_which_filter_they_do_not_follow():
    from leergeschiedenis.publish import Filters

    cards = {f.card: f for f in content.KEY_FIGURES if f.card}
    org, rol = Filters(organisatie="GGZ"), Filters(rol="manager")
    assert content.unfiltered_by(cards["Bijeenkomsten"], org) == ["organisatie"]
    assert content.unfiltered_by(cards["Casussen aangemeld"], org) == []
    assert content.unfiltered_by(cards["Casussen aangemeld"], rol) == ["rol"]
    assert content.unfiltered_by(cards["Reflectiekaarten"], rol) == []


def _without_costs(analyse):
    """The fixture as a proeftuin without a cost file: the table empty and not in the accounting."""
    import dataclasses

    tables = {**analyse.tables, "kosten": analyse.tables["kosten"].iloc[:0]}
    accounting = {t: a for t, a in analyse.accounting.items() if t != "kosten"}
    return dataclasses.replace(analyse, tables=tables, accounting=accounting)


def test_the_lessons_cost_line_says_both_ways():
    """Issue 16: the Lessen name the difference with now beside the saving against doing nothing."""
    from types import SimpleNamespace

    def line(now, nothing):
        kern = {"kosten": {"n_casussen": 17, "besparing": nothing, "besparing_huidig": now}}
        return content.evidence_line(SimpleNamespace(kern=kern, min_n=5), "kosten")

    assert "€\u00a064.885 meer dan nu maar €\u00a0209.418 minder dan niets doen" in line(-64885.2, 209417.8)
    assert "€\u00a01.000 minder dan nu en €\u00a05.000 minder dan niets doen" in line(1000, 5000)
    assert "evenveel als nu en €\u00a05.000 minder dan niets doen" in line(0.3, 5000)
    assert "€\u00a05.000 meer dan niets doen" in line(None, -5000)


def test_a_principle_is_named_as_given_never_lower_cased():
    """Issue 16 review: lower-casing broke 'Eén' into 'eén'; the name is quoted as proeftuin.yml gives it."""
    from pathlib import Path

    from leergeschiedenis.dataset import load

    v = YearView(load(Path(__file__).parent.parent / "data" / "sample" / "deurne"), 2020)
    p5 = next(p for p in v.config.ontwerpprincipes if p.nr == 5)
    assert "gingen het vaakst ook over principe 1, “Eén huishouden, één plan, één regisseur” (7 kaarten)." in content.lesson_html(
        v, p5
    )


def _shown(monkeypatch, view, chapter: str) -> list[str]:
    from leergeschiedenis import verslag

    shown: list[str] = []
    monkeypatch.setattr(verslag, "display", lambda obj, *a, **k: shown.append(getattr(obj, "data", repr(obj))))
    getattr(verslag.Verslag(view, publiceren=True), chapter)()
    return shown


def test_an_empty_chart_is_left_out_with_only_the_right_reason(monkeypatch, analyse):
    """Issue 16 review: no empty chart, no reading aid; the one sentence with the right reason."""
    from pathlib import Path

    from leergeschiedenis.dataset import load

    sample = Path(__file__).parent.parent / "data" / "sample"
    # Maastricht has no file of welbevinden measurements: the sentence says so, once, and no chart follows
    shown = _shown(monkeypatch, YearView(load(sample / "maastricht"), 2015), "rendement")
    text = "\n".join(shown)
    assert text.count("Deze proeftuin heeft geen bestand met metingen van welbevinden.") == 1
    assert "Nog niet gemeten" not in text and "plotly" not in text and "hoe hoger de rechterstaaf" not in text
    # Ruwaard 2018: a file, but no pairs yet
    shown = _shown(monkeypatch, YearView(load(sample / "ruwaard"), 2018), "rendement")
    text = "\n".join(shown)
    assert "Voor de casussen van 2018 zijn nog geen voor- en nametingen van welbevinden." in text
    assert "Nog niet gemeten" not in text and "Dezelfde casussen voor en na" not in text
    # the fixture's 2018 has no cases: the charts without a narrative sentence say why instead
    shown = _shown(monkeypatch, YearView(analyse, 2018), "samenwerkwijze")
    assert shown.count("Geen casussen om te tonen.") == 1 and shown.count("Geen casussen in dit jaar.") == 1
    # only the charts over earlier years are drawn (cases per year, lead time per quarter), each with its aid
    assert sum("plotly" in s for s in shown) == sum("lg-leeshulp" in s for s in shown) == 2
    assert "Hoeveel casussen elke stap bereikten" not in "".join(shown)
    # the registry's one source: the same text for the dashboard, "" when the narrative already said it
    assert content.empty_text("levensdomeinen", content.figure("levensdomeinen", YearView(analyse, 2018))) == (
        "Geen casussen om te tonen."
    )
    assert content.empty_text("welbevinden", content.figure("welbevinden", YearView(analyse, 2018))) == ""
    assert content.empty_text("welbevinden", content.figure("welbevinden", YearView(analyse, 2017))) is None


def test_each_group_of_suggestions_reads_as_a_suggestion():
    """Issue 16 review: a group is a consented suggestion of its own with its count, not a bare word;
    an example from outside the groups says it is another suggestion; no consent is said, not hidden."""
    from types import SimpleNamespace

    import pandas as pd

    from leergeschiedenis.lessons import Lesson, Quote, SuggestionGroup

    def q(text):
        return Quote(text, "professional", "Leersessie 3", pd.Timestamp("2018-03-08"), "vervolg", "2")

    v = SimpleNamespace(min_n=5)
    groups = [
        SuggestionGroup(("gesprek", "bewoner"), 5, voorbeeld=q("Vaker het gesprek met de bewoner voeren."), met_toestemming=True),
        SuggestionGroup(("regels",), 3, met_toestemming=False),
    ]
    lesson = Lesson("2", 12, [], [], 10, groups, 2, None)
    text = html.unescape(content._suggestions_html(v, "2", lesson))
    assert "“Vaker het gesprek met de bewoner voeren.”" in text
    assert "5 kaarten stellen iets vergelijkbaars voor (gedeelde woorden: gesprek, bewoner), zoals:" in text
    assert (
        "3 kaarten stellen iets vergelijkbaars voor (gedeelde woorden: regels; geen van deze kaarten mag geciteerd worden)."
        in text
    )
    assert "2 kaarten hebben een andere suggestie." in text
    # no group with a text of its own: the example from outside the groups is labelled as another suggestion
    lesson = Lesson("2", 12, [], [], 10, groups[1:], 7, q("Een budget voor de wijk."), n_vervolg_toestemming=1)
    text = html.unescape(content._suggestions_html(v, "2", lesson))
    assert "7 kaarten hebben een andere suggestie, bijvoorbeeld:" in text and "“Een budget voor de wijk.”" in text
    # cards with suggestions, none with consent: said so
    lesson = Lesson("2", 12, [], [], 3, [], 3, None, n_vervolg_toestemming=0)
    assert "Geen van de kaarten met deze suggesties bij principe 2 mag geciteerd worden." in content._suggestions_html(
        v, "2", lesson
    )


def test_lessen_say_once_that_a_principle_has_no_figures_and_that_quotes_need_consent():
    """Issue 16 review: Deurne's six principles without figures repeated one line six times; the example
    label repeated nine. Said once: at the first such principle, and in the chapter's introduction."""
    from pathlib import Path

    from leergeschiedenis.dataset import load

    v = YearView(load(Path(__file__).parent.parent / "data" / "sample" / "deurne"), 2020)
    assert not any(any(content.lessons_evidence(v)[str(p.nr)]) for p in v.config.ontwerpprincipes)
    chapter = content.lessen_html(v)
    assert chapter.count("Bij dit principe zijn (nog) geen cijfers afgesproken.") == 1
    assert chapter.count("Wat de cijfers laten zien") == 1 and "geen cijfers gekoppeld" not in chapter
    assert "toestemming om te citeren" not in chapter  # the report's notebook introduces the chapter
    assert content.lessen_html(v, tabs=True).count("toestemming om te citeren") == 1  # the dashboard's tab
