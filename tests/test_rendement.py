"""Welbevinden and costs of tests/data/analyse, worked out by hand.

Prices for 2017: WV 75 (zorgverzekeraar), SH 1000 (gemeente_wmo), HU 5000 (only 2015:
latest earlier year, woningcorporatie), BW 200 (only 2018: earliest later year, gemeente_wmo).
B1: huidig 10xWV = 750; niets_doen HU + 20xWV = 6500; proeftuinoplossing SH + 4xWV = 1300
B2: huidig 2xWV = 150;  niets_doen 5xBW = 1000;        proeftuinoplossing SH = 1000
B3: huidig 0;           niets_doen 10xWV = 750;        proeftuinoplossing 2xWV + SH = 1150
B4: a refused cost line (aantal -1): left out.  B5: no proeftuinoplossing lines: left out.
"""

import pandas as pd
import pytest

from leergeschiedenis import rendement


def test_welbevinden_pairs_of_the_cohort(analyse):
    ids = rendement.cohort_ids(analyse.casussen, 2017)
    change = rendement.welbevinden_change(analyse.metingen, ids, "na_6_weken")
    # B1 3->8, B2 4->9, B3 2->8; B4 has no after
    assert change.n == 3
    assert change.gemiddeld_voor == pytest.approx(3.0)
    assert change.gemiddeld_na == pytest.approx(25 / 3)
    assert change.verandering == pytest.approx(16 / 3)
    assert change.mediaan_verandering == 5
    assert change.ci_laag is None and change.p_waarde is None  # fewer than 10 pairs: describe only
    repeat = rendement.welbevinden_change(analyse.metingen, ids, "herhaling")
    assert repeat.n == 2 and repeat.verandering == pytest.approx((4 + 7) / 2)


def test_one_pair_and_no_pairs(analyse):
    one = rendement.welbevinden_change(analyse.metingen, {"A1"})
    assert (one.n, one.verandering, one.mediaan_verandering) == (1, 2.0, 2.0)
    none = rendement.welbevinden_change(analyse.metingen, {"B4"})
    assert none.n == 0 and none.verandering is None


def test_price_year_rule(analyse):
    prices, notes = rendement.choose_prices(analyse.prijslijst, 2017)
    assert prices["prijs"].to_dict() == {"BW": 200.0, "HU": 5000.0, "SH": 1000.0, "WV": 75.0}
    assert [(n.code, n.jaar) for n in notes] == [("BW", 2018), ("HU", 2015)]
    assert "vroegste latere jaar" in notes[0].reden and "laatste eerdere jaar" in notes[1].reden
    prices_2016, _ = rendement.choose_prices(analyse.prijslijst, 2016)
    assert prices_2016.loc["WV", "prijs"] == 70


def _costs(analyse, year=2017):
    ids = rendement.cohort_ids(analyse.casussen, year)
    refused = rendement.refused_case_ids(analyse.refused["kosten"])
    return rendement.costs(analyse.kosten, analyse.prijslijst, year, ids, refused)


def test_cost_per_case_and_scenario(analyse):
    result = _costs(analyse)
    assert result.per_case.to_dict("index") == {
        "B1": {"huidig": 750.0, "niets_doen": 6500.0, "proeftuinoplossing": 1300.0},
        "B2": {"huidig": 150.0, "niets_doen": 1000.0, "proeftuinoplossing": 1000.0},
        "B3": {"huidig": 0.0, "niets_doen": 750.0, "proeftuinoplossing": 1150.0},
    }
    assert result.totals().to_dict() == {"huidig": 900.0, "niets_doen": 8250.0, "proeftuinoplossing": 3450.0}
    assert result.savings() == {"niets_doen_min_proeftuinoplossing": 4800.0, "huidig_min_proeftuinoplossing": -2550.0}


def test_partial_cases_are_left_out_and_named(analyse):
    result = _costs(analyse)
    assert result.left_out == {
        "B4": "minstens één kostenregel geweigerd",
        "B5": "geen kostenregels voor scenario proeftuinoplossing",
    }


def test_who_pays_and_who_gains(analyse):
    result = _costs(analyse)
    per = result.per_financier
    assert per.loc["zorgverzekeraar", ["huidig", "niets_doen", "proeftuinoplossing"]].tolist() == [900.0, 2250.0, 450.0]
    assert per.loc["gemeente_wmo", ["niets_doen", "proeftuinoplossing"]].tolist() == [1000.0, 3000.0]
    assert per["n"].to_dict() == {"gemeente_wmo": 3, "zorgverzekeraar": 3, "woningcorporatie": 1}
    # the "wrong pocket": the municipality invests, the insurer and the housing corporation gain
    assert result.savings_per_financier().to_dict() == {
        "gemeente_wmo": -2000.0,
        "zorgverzekeraar": 1800.0,
        "woningcorporatie": 5000.0,
    }


def test_all_cost_lines_refused(analyse):
    kosten = analyse.kosten.iloc[0:0]
    result = rendement.costs(kosten, analyse.prijslijst, 2017, {"B1"}, {"B1"})
    assert result.n == 0
    assert result.left_out == {"B1": "minstens één kostenregel geweigerd"}
    assert result.totals().tolist() == [0.0, 0.0, 0.0]


def test_refused_case_ids_read_the_row_as_typed():
    refused = pd.DataFrame({"Casus ID": [" B4 ", None], "redenen": ["x", "y"]})
    assert rendement.refused_case_ids(refused) == {"B4"}
    assert rendement.refused_case_ids(None) == set()
