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
from leergeschiedenis.contract import SCENARIOS


def _like(table: pd.DataFrame, rows: list[tuple]) -> pd.DataFrame:
    """Rows for the first columns of a loaded table, with its dtypes (category scenario and financier, Int64 jaar)."""
    columns = list(table.columns[: len(rows[0])])
    return pd.DataFrame(rows, columns=columns).astype(table.dtypes[columns].to_dict())


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


def test_grades_of_every_case_without_a_cohort(analyse):
    table = rendement.grades(analyse.metingen)
    assert table.index.tolist() == ["A1", "B1", "B2", "B3", "B4"]  # 2016's A1 too
    assert table.loc["A1", ["voor", "na_6_weken"]].tolist() == [4.0, 6.0]


def test_one_pair_and_no_pairs(analyse):
    one = rendement.welbevinden_change(analyse.metingen, {"A1"})
    assert (one.n, one.verandering, one.mediaan_verandering) == (1, 2.0, 2.0)
    none = rendement.welbevinden_change(analyse.metingen, {"B4"})
    assert none.n == 0 and none.verandering is None


def test_price_year_rule(analyse):
    prices, notes = rendement.choose_prices(analyse.prijslijst, 2017)
    assert prices["prijs"].to_dict() == {"BW": 200.0, "HU": 5000.0, "SH": 1000.0, "WV": 75.0}
    assert notes == [
        rendement.PriceChoice("BW", 2018, "geen prijs voor 2017; prijs van 2018 gebruikt (vroegste latere jaar)"),
        rendement.PriceChoice("HU", 2015, "geen prijs voor 2017; prijs van 2015 gebruikt (laatste eerdere jaar)"),
    ]
    prices_2016, _ = rendement.choose_prices(analyse.prijslijst, 2016)
    assert prices_2016.loc["WV", "prijs"] == 70


def test_price_year_rule_with_several_earlier_and_later_years(analyse):
    # For 2017: AA has 2016 and 2014 (listed out of order): the latest earlier year, 2016, price 20.
    # BB has 2016, 2017 and 2018: the report year itself, price 15, no note.
    # CC has 2019 and 2018 (out of order): the earliest later year, 2018, price 30.
    prijslijst = _like(
        analyse.prijslijst,
        [
            ("AA", "a", "uur", 20.0, "gemeente_wmo", 2016),
            ("AA", "a", "uur", 10.0, "gemeente_wmo", 2014),
            ("BB", "b", "uur", 14.0, "wlz", 2016),
            ("BB", "b", "uur", 15.0, "wlz", 2017),
            ("BB", "b", "uur", 16.0, "wlz", 2018),
            ("CC", "c", "uur", 40.0, "uwv", 2019),
            ("CC", "c", "uur", 30.0, "uwv", 2018),
        ],
    )
    prices, notes = rendement.choose_prices(prijslijst, 2017)
    assert prices.index.tolist() == ["AA", "BB", "CC"]  # one price per code
    assert prices["prijs"].tolist() == [20.0, 15.0, 30.0]
    assert prices["jaar"].tolist() == [2016, 2017, 2018]
    assert notes == [
        rendement.PriceChoice("AA", 2016, "geen prijs voor 2017; prijs van 2016 gebruikt (laatste eerdere jaar)"),
        rendement.PriceChoice("CC", 2018, "geen prijs voor 2017; prijs van 2018 gebruikt (vroegste latere jaar)"),
    ]


def test_an_empty_price_list(analyse):
    prices, notes = rendement.choose_prices(analyse.prijslijst.iloc[0:0], 2017)
    assert prices.empty and prices.index.name == "code" and "prijs" in prices.columns
    assert notes == []


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
    assert [(n.code, n.jaar) for n in result.price_notes] == [("BW", 2018), ("HU", 2015)]


def test_costs_count_only_the_cohort(analyse):
    # 2016's A1 gets cost lines too (huidig 1xWV = 75, niets_doen 2xWV = 150, proeftuinoplossing SH = 1000 at
    # 2017 prices) and 2016's A2 a refused line: neither may touch the 2017 figures.
    a1 = _like(
        analyse.kosten, [("A1", "huidig", "WV", 1.0), ("A1", "niets_doen", "WV", 2.0), ("A1", "proeftuinoplossing", "SH", 1.0)]
    )
    kosten = pd.concat([analyse.kosten, a1], ignore_index=True)
    ids = rendement.cohort_ids(analyse.casussen, 2017)
    result = rendement.costs(kosten, analyse.prijslijst, 2017, ids, {"B4", "A2"})
    assert result.per_case.index.tolist() == ["B1", "B2", "B3"]
    assert result.totals().to_dict() == {"huidig": 900.0, "niets_doen": 8250.0, "proeftuinoplossing": 3450.0}
    assert sorted(result.left_out) == ["B4", "B5"]
    # Without a cohort every case counts: A1 joins (900 + 75 = 975, 8250 + 150 = 8400, 3450 + 1000 = 4450),
    # A2 (refused, no accepted lines) is left out and named.
    everyone = rendement.costs(kosten, analyse.prijslijst, 2017, None, {"B4", "A2"})
    assert everyone.per_case.loc["A1"].to_dict() == {"huidig": 75.0, "niets_doen": 150.0, "proeftuinoplossing": 1000.0}
    assert everyone.totals().to_dict() == {"huidig": 975.0, "niets_doen": 8400.0, "proeftuinoplossing": 4450.0}
    assert sorted(everyone.left_out) == ["A2", "B4", "B5"]


def test_partial_cases_are_left_out_and_named(analyse):
    result = _costs(analyse)
    assert result.left_out == {
        "B4": "minstens één kostenregel geweigerd",
        "B5": "geen kostenregels voor scenario proeftuinoplossing",
    }
    only_huidig = _like(analyse.kosten, [("B1", "huidig", "WV", 1.0)])
    alone = rendement.costs(only_huidig, analyse.prijslijst, 2017, {"B1"})
    assert alone.left_out == {"B1": "geen kostenregels voor scenario niets_doen, proeftuinoplossing"}


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
    assert result.savings_per_financier().name == "besparing"
    assert per["n"].dtype.kind == "i"  # a count of cases: kerncijfers' JSON says 3, not 3.0


def test_zero_amount_lines_do_not_count_a_case_for_its_financier(analyse):
    # Prices 2017: WV 75 (zorgverzekeraar), SH 1000 (gemeente_wmo), PO 500 (politie_justitie).
    # C1: huidig 2xWV = 150; niets_doen 0xPO + 4xWV = 300; proeftuinoplossing SH = 1000
    # C2: huidig 0xWV = 0;   niets_doen 4xWV = 300;        proeftuinoplossing 0xSH = 0
    # zorgverzekeraar: huidig 150 + 0, niets_doen 300 + 300, n 2 (both have a WV line above 0)
    # gemeente_wmo: proeftuinoplossing 1000 + 0, n 1 (C2's SH line is 0)
    # politie_justitie: only C1's zero line: a row of zeros, n 0
    prijslijst = pd.concat(
        [analyse.prijslijst, _like(analyse.prijslijst, [("PO", "Politie-inzet", "uur", 500.0, "politie_justitie", 2017)])],
        ignore_index=True,
    )
    kosten = _like(
        analyse.kosten,
        [
            ("C1", "huidig", "WV", 2.0),
            ("C1", "niets_doen", "PO", 0.0),
            ("C1", "niets_doen", "WV", 4.0),
            ("C1", "proeftuinoplossing", "SH", 1.0),
            ("C2", "huidig", "WV", 0.0),
            ("C2", "niets_doen", "WV", 4.0),
            ("C2", "proeftuinoplossing", "SH", 0.0),
        ],
    )
    result = rendement.costs(kosten, prijslijst, 2017, {"C1", "C2"})
    assert result.per_case.to_dict("index") == {
        "C1": {"huidig": 150.0, "niets_doen": 300.0, "proeftuinoplossing": 1000.0},
        "C2": {"huidig": 0.0, "niets_doen": 300.0, "proeftuinoplossing": 0.0},
    }
    assert result.per_financier.to_dict("index") == {
        "gemeente_wmo": {"huidig": 0.0, "niets_doen": 0.0, "proeftuinoplossing": 1000.0, "n": 1},
        "zorgverzekeraar": {"huidig": 150.0, "niets_doen": 600.0, "proeftuinoplossing": 0.0, "n": 2},
        "politie_justitie": {"huidig": 0.0, "niets_doen": 0.0, "proeftuinoplossing": 0.0, "n": 0},
    }
    assert result.per_financier.index.tolist() == ["gemeente_wmo", "zorgverzekeraar", "politie_justitie"]  # contract order


def test_all_cost_lines_refused(analyse):
    kosten = analyse.kosten.iloc[0:0]
    result = rendement.costs(kosten, analyse.prijslijst, 2017, {"B1"}, {"B1"})
    assert result.n == 0
    assert result.left_out == {"B1": "minstens één kostenregel geweigerd"}
    assert result.totals().tolist() == [0.0, 0.0, 0.0]
    assert result.per_case.columns.tolist() == list(SCENARIOS) and result.per_case.empty
    assert result.per_financier.columns.tolist() == [*SCENARIOS, "n"] and result.per_financier.empty


def test_refused_case_ids_read_the_row_as_typed():
    refused = pd.DataFrame({"Casus ID": [" B4 ", None], "redenen": ["x", "y"]})
    assert rendement.refused_case_ids(refused) == {"B4"}
    assert rendement.refused_case_ids(None) == set()
    assert rendement.refused_case_ids(pd.DataFrame({"Casus ID": ["  ", "B5"]})) == {"B5"}  # a blank id names no case
    assert rendement.refused_case_ids(pd.DataFrame({"redenen": ["x"]})) == set()  # no casus_id column at all


def test_price_notes_name_only_the_codes_the_cost_lines_use(analyse):
    """prijzen_uit_ander_jaar counts the codes actually priced: a code from another year that no cost
    line of the cohort uses is not a note (here: only B1 stays, which uses WV, HU and SH, not BW)."""
    ids = {"B1"}
    result = rendement.costs(analyse.kosten, analyse.prijslijst, 2017, ids, set())
    used = set(analyse.kosten.loc[analyse.kosten["casus_id"].astype(str) == "B1", "voorziening"].astype(str))
    assert "BW" not in used
    assert [n.code for n in result.price_notes] == ["HU"]
    assert result.financier_cases["woningcorporatie"] == frozenset({"B1"})


def test_a_refused_line_typed_in_another_case_leaves_its_case_out(analyse):
    """A refused cost line keeps the id as typed: ` b1\u200b` is case B1, so B1 is out of every cost figure."""
    ids = rendement.cohort_ids(analyse.casussen, 2017)
    result = rendement.costs(analyse.kosten, analyse.prijslijst, 2017, ids, {" b1\u200b"})
    assert "B1" in result.left_out and "B1" not in result.per_case.index
    assert result.n == 2


def test_a_wrong_comparison_lists_the_allowed_ones(analyse):
    with pytest.raises(ValueError, match="kies uit: na_6_weken, herhaling"):
        rendement.welbevinden_change(analyse.metingen, None, after="na 6 weken")
