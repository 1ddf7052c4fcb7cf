"""The privacyverantwoording (issue 24, item 5): what is published with its n, what is hidden and why,
never a hidden value, never a confidential text or identifier."""

import re

import pandas as pd
import pytest

import leergeschiedenis as lg
from leergeschiedenis import goals
from leergeschiedenis.cli import main
from leergeschiedenis.publish import Filters, YearView
from leergeschiedenis.verantwoording import entries, page, text

from .conftest import MARKERS_SECRET
from .test_attacks import write_proeftuin


@pytest.fixture(scope="module")
def issue24(tmp_path_factory) -> lg.Dataset:
    folder = tmp_path_factory.mktemp("verantwoording") / "p"
    orgs = {"Groot": [1, 1, 1, 1, 1, 2], "Midden": [2, 2, 2, 3, 3, 3], "Ander": [4, 4, 4, 4, 4, 4]}
    return lg.load(write_proeftuin(folder, {2017: orgs}, {2017: (6, 5)}))


def test_every_figure_is_listed_with_its_n_and_the_hidden_ones_with_their_reason(issue24):
    rows = entries(issue24, 2017)
    q1 = [e for e in rows if e.onderwerp == "Binnen de afgesproken tijd: aanmelding → oplossing, 2017 kwartaal 1"]
    overall_q1 = next(e for e in q1 if e.weergave == "hele proeftuin")
    assert overall_q1.n == 5 and overall_q1.reden == "herleidbaar"
    # the figure it would be subtracted from: Groot's year (6 = these 5 and one more)
    assert "Binnen de afgesproken tijd: aanmelding → oplossing (Groot)" in overall_q1.beschermt
    groot = next(e for e in rows if e.onderwerp == "Binnen de afgesproken tijd: aanmelding → oplossing" and e.weergave == "Groot")
    assert groot.n == 6 and groot.reden is None
    change = next(
        e for e in rows if e.onderwerp == "Positieve gezondheid, Meedoen: verandering van nulmeting tot vervolgmeting 1"
    )
    assert change.n == 5 and change.reden == "herleidbaar"
    assert change.beschermt == ("Positieve gezondheid, Meedoen: gemiddelde bij de nulmeting (hele proeftuin)",)
    # the listing agrees with what the views show
    overall = YearView(issue24, 2017)
    assert overall.binnen_termijn_per_kwartaal["aanmelding_oplossing"].loc[pd.Period("2017Q1"), "reden"] == "herleidbaar"
    assert goals.value(YearView(issue24, 2017, Filters(organisatie="Groot")), "binnen_termijn_aanmelding_oplossing").n == 6


def test_the_page_names_the_threshold_and_never_a_hidden_value(issue24):
    html = page(issue24, 2017)
    assert "min_groepsgrootte" in html and "minder dan 5 personen" in html
    assert 'href="leergeschiedenis-2017.html"' in html
    # counts only: no share, mean, median or amount (a decimal, a percentage, a euro) anywhere on the page
    words = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"\d[,.]\d|%|€", words)
    # every count on the page is an n of a listed figure, a year, a quarter, a moment, the threshold or a cell count
    counts = {int(x) for x in re.findall(r"(?<![\w.,-])\d+(?![\w.,-])", words)}
    assert {6, 5, 18} <= counts


def test_no_confidential_text_or_identifier_on_the_page(lek):
    dataset = lg.load(lek)
    for year in (2017, 2018):
        out = page(dataset, year) + text(dataset, year)
        for marker in MARKERS_SECRET.values():
            assert marker not in out


def test_the_cli_prints_it(capsys, issue24):
    assert main(["privacy", str(issue24.folder), "--jaar", "2017"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Privacyverantwoording Proeftuin Aanval, 2017")
    assert "proeftuin.yml onder privacy: min_groepsgrootte" in out
    assert "anders te herleiden met: Positieve gezondheid" in out
