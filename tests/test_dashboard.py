"""The dashboard's app without a browser: which proeftuin it opens with, and that it reads lazily."""

import functools
import re
import shutil
from pathlib import Path

import leergeschiedenis as lg
from leergeschiedenis import fmt
from leergeschiedenis.dashboard import ALLE, Dashboard, discover

SAMPLE = Path(__file__).parent.parent / "data" / "sample"


@functools.cache
def _ruwaard() -> lg.Dataset:
    return lg.load(SAMPLE / "ruwaard")


def _cases(year: int) -> str:
    """Ruwaard's cases in ``year`` as the cards write them: what the sample holds, not a number to keep in sync."""
    return fmt.geheel(lg.kerncijfers(_ruwaard(), year)["casussen"]["totaal"])


def _root_with_a_broken_proeftuin(tmp_path: Path) -> Path:
    root = tmp_path / "proeftuinen"
    for name in ("ruwaard", "deurne"):
        shutil.copytree(SAMPLE / name, root / name)
    shutil.copytree(SAMPLE.parent / "prijslijst", root / "prijslijst")
    (root / "deurne" / "casussen.csv").unlink()  # would stop load() with exit-2 trouble
    return root


def test_discover_reads_only_the_configurations(tmp_path):
    found = discover(_root_with_a_broken_proeftuin(tmp_path))
    assert sorted(found) == ["Proeftuin Deurne", "Proeftuin Ruwaard"]
    assert all("dataset" not in vars(p) for p in found.values())  # nothing loaded yet


def test_the_app_opens_on_the_proeftuin_with_most_registrations_and_reads_only_that_one(tmp_path):
    found = discover(_root_with_a_broken_proeftuin(tmp_path))
    dashboard = Dashboard(found)
    assert dashboard.proeftuin.value == "Proeftuin Ruwaard"
    # 2018's cases have no micro-analysis yet: the first view is 2017, whose cards show what was measured
    assert list(dashboard.jaar.options) == [2016, 2017, 2018] and dashboard.jaar.value == 2017
    assert "dataset" in vars(found["Proeftuin Ruwaard"]) and "dataset" not in vars(found["Proeftuin Deurne"])
    assert f"Casussen aangemeld | {_cases(2017)} | 2016: {_cases(2016)}" in _text(dashboard.kern.value)
    assert "Welbevinden (verandering) | 5,5 | van de 17 casussen" in _text(dashboard.kern.value)
    dashboard.jaar.value = 2018
    assert f"Casussen aangemeld | {_cases(2018)} | 2017: {_cases(2017)}" in _text(dashboard.kern.value)
    assert "Welbevinden (verandering) | nog niet gemeten | 2017: 5,5" in _text(dashboard.kern.value)


def _text(html: str) -> str:
    return " | ".join(part.strip() for part in re.split(r"<[^>]+>", html) if part.strip())


def test_a_proeftuin_that_cannot_be_read_says_so_instead_of_breaking_the_app(tmp_path):
    dashboard = Dashboard(discover(_root_with_a_broken_proeftuin(tmp_path)))
    dashboard.proeftuin.value = "Proeftuin Deurne"
    assert "De gegevens van Proeftuin Deurne konden niet worden gelezen" in dashboard.status.value
    assert "casussen.csv" not in dashboard.status.value and str(tmp_path) not in dashboard.status.value
    assert dashboard.tabs.layout.display == "none"  # Ruwaard's figures are not shown under Deurne's name
    dashboard.proeftuin.value = "Proeftuin Ruwaard"
    assert dashboard.tabs.layout.display is None and "Proeftuin Ruwaard 2017" in dashboard.status.value


def test_a_change_redraws_the_open_tab_now_and_the_others_when_they_are_opened(tmp_path):
    dashboard = Dashboard(discover(_root_with_a_broken_proeftuin(tmp_path)))
    assert "In 2017 werden" in dashboard.texts["casussen"].value  # every tab is filled at the start
    dashboard.jaar.value = 2016
    assert f"Casussen aangemeld | {_cases(2016)}" in _text(dashboard.kern.value)  # the open tab: at once
    # a closed tab waits, empty: nothing of 2017 is left to be seen under 2016 when it is clicked
    assert dashboard.texts["casussen"].value == "" and all(not c.widget.outputs for c in _tab_charts(dashboard, 1))
    dashboard.tabs.selected_index = 1
    assert f"In 2016 werden {_cases(2016)} casussen aangemeld" in dashboard.texts["casussen"].value
    assert "Proeftuin Ruwaard 2016" in dashboard.status.value  # not left on 'bezig'


def _tab_charts(dashboard, index: int) -> list:
    from leergeschiedenis.dashboard import TAB_CONTENT

    return [dashboard.charts[name] for name in TAB_CONTENT[index][1]]


def test_the_largest_proeftuin_unreadable_opens_the_next_and_a_bad_configuration_is_listed(tmp_path):
    root = _root_with_a_broken_proeftuin(tmp_path)
    (root / "ruwaard" / "casussen.csv").unlink()  # now both copied proeftuinen miss casussen
    shutil.copytree(SAMPLE / "deurne", root / "deurne2")
    (root / "deurne2" / "proeftuin.yml").write_text("naam: [kapot\n", encoding="utf-8")
    shutil.copytree(SAMPLE / "deurne", root / "deurne3")
    found = discover(root)
    assert sorted(found) == ["Proeftuin Deurne", "Proeftuin Deurne (deurne3)", "Proeftuin Ruwaard", "deurne2"]
    dashboard = Dashboard(found)  # Ruwaard and Deurne cannot be read, deurne2's configuration neither
    assert dashboard.proeftuin.value == "Proeftuin Deurne (deurne3)" and dashboard.tabs.layout.display is None
    dashboard.proeftuin.value = "deurne2"
    assert "De gegevens van deurne2 konden niet worden gelezen" in dashboard.status.value
    dashboard.rol.value = ALLE  # touching a filter keeps the message
    dashboard.organisatie.value = ALLE
    assert "konden niet worden gelezen" in dashboard.status.value


def test_a_view_that_fails_hides_the_tabs_instead_of_showing_another_year(tmp_path, monkeypatch):
    dashboard = Dashboard(discover(_root_with_a_broken_proeftuin(tmp_path)))
    real = Dashboard.view

    def failing(self):
        if self.jaar.value == 2018:
            raise RuntimeError("kapot")
        return real(self)

    monkeypatch.setattr(Dashboard, "view", failing)
    dashboard.jaar.value = 2018
    assert "kon niet worden bijgewerkt" in dashboard.status.value
    assert dashboard.tabs.layout.display == "none"
    dashboard.jaar.value = 2016
    assert dashboard.tabs.layout.display is None and "Proeftuin Ruwaard 2016" in dashboard.status.value
    dashboard.tabs.selected_index = 1
    assert "In 2016 werden" in dashboard.texts["casussen"].value


def test_an_organisation_filter_shows_what_kerncijfers_organisatie_prints(capsys):
    """One code path: the cards with a filter are the JSON of `kerncijfers --organisatie`, last year filtered too."""
    import json

    from leergeschiedenis.cli import main

    dashboard = Dashboard(discover(SAMPLE / "ruwaard"))
    dashboard.jaar.value = 2017
    dashboard.organisatie.value = "GGZ Oost Brabant"
    capsys.readouterr()
    assert main(["kerncijfers", str(SAMPLE / "ruwaard"), "--jaar", "2017", "--organisation", "ggz oost brabant"]) == 0
    now = json.loads(capsys.readouterr().out)
    assert now["organisatie"] == "GGZ Oost Brabant" and "bijeenkomsten" in now["ongefilterd"]
    assert main(["kerncijfers", str(SAMPLE / "ruwaard"), "--jaar", "2016", "--organisatie", "GGZ Oost Brabant"]) == 0
    before = json.loads(capsys.readouterr().out)
    text = _text(dashboard.kern.value)
    cases = f"Casussen aangemeld | {now['casussen']['totaal']} | 2016: {before['casussen']['totaal']}"
    assert cases in text
    assert now["welbevinden"]["verandering"] is None and now["welbevinden"]["reden"] == "te_weinig_personen"
    assert "Welbevinden (verandering) | minder dan 5 personen" in text
    cards = f"Reflectiekaarten | {now['reflectiekaarten']['totaal']} | 2016: {before['reflectiekaarten']['totaal']}"
    assert cards in text


def test_an_unknown_organisation_is_a_dutch_error_listing_the_known_ones(capsys):
    from leergeschiedenis.cli import main

    assert main(["kerncijfers", str(SAMPLE / "ruwaard"), "--jaar", "2017", "--organisatie", "Bestaat Niet"]) == 2
    err = capsys.readouterr().err
    assert "Organisatie 'Bestaat Niet' komt niet voor" in err and "GGZ Oost Brabant" in err


def test_a_filter_applies_to_last_year_too_and_the_cards_say_what_they_rest_on(analyse):
    """Issue 16: with an organisation filter every 'vorig jaar' uses the same filter; what cannot be
    filtered (the sessions) says 'hele proeftuin'; welbevinden says how many micro-analysed cases it is about."""
    import re

    from leergeschiedenis import dashboard as dash
    from leergeschiedenis.publish import Filters, YearView

    v = YearView(analyse, 2017, Filters(organisatie="GGZ"))
    before = v.kern_vorig_jaar
    # GGZ: 2016 A1 (paired), 2017 B1, B2 (paired) and B5; the sessions are the proeftuin's (2016: Sessie 0)
    assert before["casussen"]["totaal"] == 1 and before["welbevinden"]["n_paren"] == 1
    assert v.kern["welbevinden"]["n_paren"] == 2 and before["bijeenkomsten"]["totaal"] == 1
    text = re.sub(r"<[^>]+>", "|", dash._key_figures_html(v))
    assert (
        "|Welbevinden (verandering)||minder dan 3 personen||van de 2 casussen met een micro-analyse (voor- en nameting)||2016: minder dan 3 personen|"
        in text
    )
    assert "|Bijeenkomsten||3||hele proeftuin||2016: 1|" in text
    assert "|Casussen aangemeld||3||2016: 1|" in text
    assert "Met een filter gelden de cijfers van dit jaar en van vorig jaar voor dezelfde selectie" in text


# -- issue 18: one chart sent with the page, the others when their tab opens; charts fit a phone ----


def _shown(chart) -> list[str]:
    """The titles of what a chart's Output widget holds (outputs captured outside a kernel land in .outputs)."""
    return [o.get("data", {}).get("text/plain", "") for o in chart.widget.outputs]


def test_only_the_first_tabs_charts_are_sent_with_the_page_the_others_are_prepared():
    from leergeschiedenis import content
    from leergeschiedenis.dashboard import TAB_CONTENT

    dashboard = Dashboard(discover(SAMPLE / "ruwaard"))
    first = set(TAB_CONTENT[0][1])
    later = {name for _, charts in TAB_CONTENT[1:] for name in charts}
    assert first == {"casussen_per_jaar"} and len(later) == sum(len(t.figures) for t in content.TABS) - 1
    assert set(dashboard._prepared) == later  # computed in the (preheated) kernel, not yet sent
    assert dashboard._stale == set(range(1, len(TAB_CONTENT)))
    for text, _ in TAB_CONTENT[1:]:  # every tab's text is there from the start
        assert dashboard.texts[text].value
    rendement = next(i for i, t in enumerate(content.TABS) if t.title == "Rendement")
    prepared = {name: dashboard._prepared[name] for name in TAB_CONTENT[rendement][1]}
    dashboard.tabs.selected_index = rendement
    assert not set(prepared) & set(dashboard._prepared)  # sent, and no longer kept
    assert rendement not in dashboard._stale
    dashboard.jaar.value = 2016
    assert dashboard._prepared == {}  # another year: nothing of 2017's figures is kept for later


def test_a_chart_takes_the_width_of_its_box_and_a_swipe_does_not_zoom():
    from leergeschiedenis import figures
    from leergeschiedenis.dashboard import PLOTLY_CONFIG, fitted

    spec = {
        "data": [{"type": "heatmap", "y": ["1. Ons door de leefwereld laten leiden", "2. Kort"], "x": ["a"]}],
        "layout": {
            "width": figures.WIDTH,
            "height": 400,
            "margin": {"l": 60, "r": 20, "t": 80, "b": 60},
            "title": {
                "text": "Maatschappelijke kosten per jaar, per scenario<br><sup>som over n = 17 casussen met een micro-analyse, in euro per jaar</sup>"
            },
            "legend": {"orientation": "h", "y": -0.2},
            "annotations": [{"text": "Te weinig metingen om te tonen (na 6 weken: nog niet gemeten)", "xref": "paper"}],
        },
    }
    layout = fitted(spec)["layout"]
    assert "width" not in layout and layout["autosize"] is True
    assert layout["dragmode"] is False and layout["xaxis"]["fixedrange"] and layout["yaxis"]["fixedrange"]
    assert not PLOTLY_CONFIG["scrollZoom"] and not PLOTLY_CONFIG["displayModeBar"]
    # plotly does not wrap: the title, its subtitle and a note come in lines a phone can show
    assert layout["title"]["text"] == (
        "Maatschappelijke kosten per jaar,<br>per scenario<br><sup>som over n = 17 casussen met een micro-analyse,</sup>"
        "<br><sup>in euro per jaar</sup>"
    )
    assert layout["margin"]["t"] == 30 + 26 * 4 and layout["annotations"][0]["text"].count("<br>") == 1
    # the page wraps the title again for its box's width (a laptop's: one line) from the title as written
    # and the top margin before it grew
    assert layout["meta"] == {
        "lg_titel": "Maatschappelijke kosten per jaar, per scenario<br><sup>som over n = 17 casussen met een "
        "micro-analyse, in euro per jaar</sup>",
        "lg_marge_t": 80,
    }
    # not plotly's title automargin: it hangs a title of several lines from its first line's baseline, cut off
    assert "automargin" not in layout["title"]
    # the legend sits at the foot, with room; the long category wrapped as a tick text, the data unchanged
    assert layout["legend"]["yref"] == "container" and layout["margin"]["b"] == 100
    assert layout["yaxis"]["ticktext"] == ["1. Ons door de leefwereld<br>laten leiden", "2. Kort"]
    assert spec["data"][0]["y"][0] == "1. Ons door de leefwereld laten leiden"
    assert layout["height"] == 400 + (134 - 80) + (100 - 60) + 13


def test_every_role_column_is_named_values_clear_of_intervals_and_the_webs_numbers_between_two_domains():
    from leergeschiedenis.dashboard import fitted

    roles = ["Bestuurder", "Manager", "Professional", "Student", "Wijkbewoner", "Financier", "Overig"]
    months = [f"maand {i}" for i in range(1, 13)]
    role_map = fitted({"data": [{"type": "heatmap", "x": roles, "y": ["a"], "z": [[1] * 7]}], "layout": {}})["layout"]
    assert role_map["xaxis"]["tickvals"] == roles and role_map["xaxis"]["ticktext"] == roles
    month_map = fitted({"data": [{"type": "heatmap", "x": months, "y": ["a"], "z": [[1] * 12]}], "layout": {}})["layout"]
    assert "tickvals" not in month_map["xaxis"]  # twelve months: plotly may leave some out on a phone
    with_interval = {"type": "bar", "x": [1.5], "y": ["Meedoen"], "text": ["1,5"], "error_x": {"array": [0.4]}}
    without = {"type": "bar", "x": [2], "y": ["Zingeving"], "text": ["2"]}
    bars = fitted({"data": [with_interval, without], "layout": {}})["data"]
    assert (bars[0]["textposition"], bars[0]["insidetextanchor"]) == ("inside", "start")
    assert "textposition" not in bars[1]
    web = fitted({"data": [{"type": "scatterpolar", "r": [5, 6], "theta": ["Meedoen", "Zingeving"]}], "layout": {}})
    assert web["layout"]["polar"]["radialaxis"]["angle"] == 90


def test_a_preheated_kernel_has_the_comparison_ready_so_choosing_it_computes_nothing(monkeypatch):
    from leergeschiedenis import dashboard as module
    from leergeschiedenis.dashboard import ALLE_PROEFTUINEN

    found = discover(SAMPLE)
    ready = Dashboard(found, vergelijking_vooraf=True)
    assert ready._regio_html == module.regio_html(found)

    def not_again(_):
        raise AssertionError("computed while the manager waits")

    monkeypatch.setattr(module, "regio_html", not_again)
    ready.proeftuin.value = ALLE_PROEFTUINEN
    assert ready.regio.value == ready._regio_html and ready.regio.layout.display is None
    lazy = Dashboard(found)  # a kernel of its own for each page (--kernels 0): the first page is not delayed
    assert lazy._regio_html is None
    lazy.proeftuin.value = ALLE_PROEFTUINEN  # computed now: here that fails, as the stub says
    assert "kon niet worden bijgewerkt" in lazy.status.value
