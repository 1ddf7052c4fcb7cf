"""The content registry: every chart, tab and key figure declared once, and complete."""

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
    assert besparing.text(k, 3) == "€ 4.800"
    empty = YearView(analyse, 2030).kern  # no cases in 2030: nothing measured
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
