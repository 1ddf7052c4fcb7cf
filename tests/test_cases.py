"""Expected figures worked out by hand from tests/data/analyse/casussen.csv (2017: B1-B5)."""

import datetime as dt
import math

import pandas as pd

from leergeschiedenis import cases


def test_counts_and_growth(analyse):
    c = cases.counts(analyse.casussen, 2017)
    assert (c.totaal, c.individueel, c.collectief, c.vorig_jaar) == (5, 4, 1, 2)
    assert c.groeifactor == 2.5
    assert c.verschil == 3
    first = cases.counts(analyse.casussen, 2016)
    assert first.vorig_jaar == 0 and first.groeifactor is None


def test_a_year_without_cases(analyse):
    c = cases.counts(analyse.casussen, 2019)
    assert (c.totaal, c.vorig_jaar, c.groeifactor) == (0, 0, None)
    assert cases.lead_time_summary(cases.of_year(analyse.casussen, 2019))["n"].tolist() == [0, 0, 0]
    assert cases.within_existing_offer(cases.of_year(analyse.casussen, 2019)).aandeel is None


def test_per_year_table(analyse):
    table = cases.per_year(analyse.casussen)
    assert table["totaal"].to_dict() == {2016: 2, 2017: 5}


# tests/data/analyse's periode: 3 November 2016 to 30 April 2017
PERIODE_2017 = cases.months_in_play(2017, dt.date(2016, 11, 3), dt.date(2017, 4, 30))


def test_the_months_in_play_are_the_calendar_months_within_the_period_that_have_ended():
    months = cases.months_in_play
    assert [str(m) for m in PERIODE_2017] == ["2017-01", "2017-02", "2017-03", "2017-04"]
    assert [str(m) for m in months(2016, dt.date(2016, 11, 3), dt.date(2017, 4, 30))] == ["2016-11", "2016-12"]
    assert len(months(2020, dt.date(2019, 5, 23))) == 12  # December counts, also without a case in it
    assert [str(m) for m in months(2019, dt.date(2019, 5, 23))] == [f"2019-{m:02d}" for m in range(5, 13)]
    # a year in progress: only the months that have ended
    assert [str(m) for m in months(2026, dt.date(2019, 5, 23), today=dt.date(2026, 3, 15))] == ["2026-01", "2026-02"]
    assert len(months(2026, dt.date(2026, 3, 1), today=dt.date(2026, 3, 15))) == 0
    assert len(months(2018, dt.date(2019, 5, 23))) == 0  # before the start


def test_cases_per_organisation_per_month_runs_over_the_months_in_play(analyse):
    table = cases.per_organisation_month(analyse.casussen, 2017, ["GGZ", "GGD", "Wonen", "Politie"], PERIODE_2017)
    assert [str(m) for m in table.columns] == ["2017-01", "2017-02", "2017-03", "2017-04"]
    assert table.loc["GGZ"].tolist() == [1, 1, 0, 1]
    assert table.loc["GGD"].tolist() == [1, 0, 0, 0]
    assert table.loc["Politie"].tolist() == [0, 0, 0, 0]  # a partner without cases still counts


def test_agreement_one_case_per_organisation_per_month(analyse):
    a = cases.agreement(analyse.casussen, 2017, 1, ["Politie"], PERIODE_2017)
    assert a.loc["GGZ", "maanden_gehaald"] == 3
    assert a.loc["GGZ", "aandeel_gehaald"] == 0.75
    assert a.loc["Wonen", "maanden_gehaald"] == 1
    assert a.loc["Politie", "casussen"] == 0


def test_lead_times_median_and_quartiles(analyse):
    s = cases.lead_time_summary(cases.of_year(analyse.casussen, 2017))
    # aanmelding -> MDO: 7, 14, 7, 21 days
    assert s.loc["aanmelding_mdo"].tolist() == [4, 10.5, 7.0, 15.75]
    # MDO -> oplossing: 14, 14, 7
    assert s.loc["mdo_oplossing", "mediaan"] == 14
    # aanmelding -> oplossing: 21, 28, 14
    assert s.loc["aanmelding_oplossing", "mediaan"] == 21


def test_lead_time_trend_per_quarter(analyse):
    trend = cases.lead_time_trend(analyse.casussen, "aanmelding_mdo")
    assert trend["n"].to_dict() == {pd.Period("2016Q4"): 2, pd.Period("2017Q1"): 3, pd.Period("2017Q2"): 1}
    assert trend.loc[pd.Period("2017Q1"), "mediaan"] == 7  # 7, 14, 7


def test_status_and_funnel(analyse):
    year = cases.of_year(analyse.casussen, 2017)
    assert cases.status_counts(year).to_dict() == {"aangemeld": 0, "mdo": 1, "uitvoering": 1, "afgerond": 2, "gestopt": 1}
    assert cases.funnel(year).to_dict() == {"aangemeld": 5, "mdo_gehouden": 4, "oplossing_afgesproken": 3, "afgerond": 2}


def test_life_domains_and_obstacles(analyse):
    year = cases.of_year(analyse.casussen, 2017)
    assert cases.list_counts(year, "levensdomeinen", analyse.config.levensdomeinen).to_dict() == {
        "wonen": 2,
        "financien": 1,
        "gezondheid": 2,
    }
    obstacles = cases.obstacle_counts(year)
    assert obstacles[["regelgeving", "financiering", "protocol", "privacy"]].tolist() == [2, 1, 1, 0]
    by_org = cases.list_by_organisation(year, "levensdomeinen", analyse.config.levensdomeinen)
    assert by_org.loc["GGZ"].tolist() == [1, 1, 0]


def test_share_within_existing_offer(analyse):
    share = cases.within_existing_offer(cases.of_year(analyse.casussen, 2017))
    assert (share.n, share.ja) == (3, 2)
    assert math.isclose(share.aandeel, 2 / 3)


def test_stopped_by_organisation(analyse):
    table = cases.stopped_by_organisation(cases.of_year(analyse.casussen, 2017))
    assert table.loc["GGZ", "gestopt"] == 1
    assert table["gestopt"].sum() == 1


def test_each_step_counts_by_its_date_and_a_status_past_it_is_a_notice_not_a_count():
    day = pd.Timestamp("2017-01-02")
    frame = pd.DataFrame(
        {
            "status": ["afgerond", "uitvoering", "mdo", "aangemeld", "gestopt", "afgerond"],
            "mdo_datum": [pd.NaT, pd.NaT, day, pd.NaT, day, day],
            "oplossing_datum": [pd.NaT, pd.NaT, pd.NaT, pd.NaT, day, day],
            "afsluitdatum": [pd.NaT, pd.NaT, pd.NaT, pd.NaT, day, day],
        }
    )
    # MDO: the 3 with an MDO date; oplossing: the 2 with its date; afgerond: the last (the stopped case ended, not completed)
    assert cases.funnel(frame).tolist() == [6, 3, 2, 1]
    notices = cases.status_without_date(frame)
    # the first case says afgerond without any date: a notice at each step; the second says uitvoering without dates
    assert notices["mdo_gehouden"].tolist() == [True, True, False, False, False, False]
    assert notices["oplossing_afgesproken"].tolist() == [True, True, False, False, False, False]
    assert notices["afgerond"].tolist() == [True, False, False, False, False, False]
