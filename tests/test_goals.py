"""Issue 14: the goals with indicators, the wijkbudget and the activities, worked out by hand.

The fixture is tests/data/analyse (its figures are worked out in test_key_figures.py and
test_rendement.py) plus tests/data/wijk: goals naming every indicator of the catalogue,
the maximum lead times (14, 14, 21 days), casussen_per_organisatie_per_maand 0,5, a
wijkbudget of EUR 1.000.000 for 2016-2017 and the three neighbourhood tables.
min_groepsgrootte is 3.
"""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

import leergeschiedenis as lg
from leergeschiedenis import indicators, wijk
from leergeschiedenis.config import INDICATOREN
from leergeschiedenis.key_figures import kerncijfers
from leergeschiedenis.publish import YearView

DATA = Path(__file__).parent / "data"
NEW_KEYS = ("wijkbudget", "activiteiten", "doelen")


@pytest.fixture(scope="module")
def ds(wijk_folder):
    d = lg.load(wijk_folder)
    assert not [p for p in d.errors if p.bestand != "kosten.csv"]  # only analyse's refused cost line (aantal -1)
    return d


def _indicators(k: dict) -> dict[str, dict]:
    return {i["code"]: i for g in k["doelen"] for i in g["indicatoren"]}


@pytest.fixture(scope="module")
def k2017(ds):
    return kerncijfers(ds, 2017)


@pytest.fixture(scope="module")
def i2017(k2017):
    return _indicators(k2017)


def test_the_fixture_names_every_indicator_of_the_catalogue(i2017):
    assert set(i2017) == set(INDICATOREN)


def test_goals_in_the_order_of_proeftuin_yml_with_a_plain_goal_empty(k2017):
    assert [g["doel"] for g in k2017["doelen"]] == [
        "Lagere maatschappelijke kosten",
        "Betere steunende systemen",
        "De Samenwerkwijze werkt",
        "Wijkbewoners ervaren een betere gezondheid",
        "Meer collectieve betrokkenheid van wijkbewoners",
    ]
    assert k2017["doelen"][1]["indicatoren"] == []


def _vals(i: dict) -> tuple:
    return (i["waarde"], i["vorig_jaar"], i["n"], i["gehaald"])


def test_cases(i2017):
    # 2017: B1..B5, of which B3 collectief; 2016: A1, A2 (both individueel)
    assert _vals(i2017["casussen_totaal"]) == (5.0, 2.0, 5, None)
    # streef 2, hoger: 1 < 2
    assert _vals(i2017["casussen_collectief"]) == (1.0, 0.0, 5, False)


def test_lead_time_median(i2017):
    # aanmelding -> oplossing: B1 9-1 -> 30-1 = 21, B2 6-2 -> 6-3 = 28, B3 20-1 -> 3-2 = 14: median 21 (n 3)
    # streef 21, lager: 21 <= 21 met. 2016: only A1 (21 days): n 1 < 3, hidden
    i = i2017["doorlooptijd_aanmelding_oplossing"]
    assert _vals(i) == (21.0, None, 3, True)
    assert i["reden_vorig_jaar"] == "te_weinig_personen"


def test_within_the_maximum_lead_time(i2017):
    # aanmelding_mdo (max 14): B1 7, B2 14, B3 7 within; B4 21 not; B5 no MDO, open since 10-4-2017,
    # 265 days on 31-12-2017 > 14: not within. 3 / 5 = 0.6; streef 0.6 met
    assert _vals(i2017["binnen_termijn_aanmelding_mdo"]) == (0.6, None, 5, True)
    # mdo_oplossing (max 14): B1 14, B2 14, B3 7 within; B4 open since 24-4 (251 days): not; B5 has no MDO: left out
    # 3 / 4 = 0.75
    assert _vals(i2017["binnen_termijn_mdo_oplossing"]) == (0.75, None, 4, None)
    # aanmelding_oplossing (max 21): B1 21, B3 14 within; B2 28 not; B4 (272 days) and B5 (265) open and past: 2 / 5
    assert _vals(i2017["binnen_termijn_aanmelding_oplossing"]) == (0.4, None, 5, None)


def test_an_open_step_not_yet_past_the_maximum_is_left_out(ds):
    # 2016: A1 mdo 10-11 -> oplossing 24-11 = 14 days: within; A2 mdo 19-12, no oplossing: 12 days on 31-12-2016,
    # not yet past 14: left out. So n 1, within 1.
    r = indicators.within_term(ds.casussen, 2016, "mdo_oplossing", 14)
    assert (r.n, r.binnen, r.aandeel, set(r.ids)) == (1, 1, 1.0, {"A1"})
    # aanmelding_oplossing, max 21: A2 open since 5-12: 26 days on 31-12 > 21: not within
    r = indicators.within_term(ds.casussen, 2016, "aanmelding_oplossing", 21)
    assert (r.n, r.binnen) == (2, 1)
    # with a maximum of 30 A2 (26 days) is not yet past it: left out
    assert indicators.within_term(ds.casussen, 2016, "aanmelding_oplossing", 30).n == 1
    with pytest.raises(ValueError, match="maximale doorlooptijd"):
        indicators.within_term(ds.casussen, 2016, "aanmelding_mdo", None)


def test_agreement_judged_over_the_year(i2017):
    # 0.5 a month; 2017's months in play: January-April (the last case is 10-4-2017) = 4, so >= 2 cases.
    # GGZ 3 (B1, B2, B5) met; GGD 1, Wonen 1, Politie (a partner) 0 not: 1 / 4 = 0.25; streef 0.5 not met.
    # 2016: November-December = 2 months, so >= 1: GGZ (A1) and GGD (A2) met: 2 / 4 = 0.5
    assert _vals(i2017["afspraak_organisaties"]) == (0.25, 0.5, 4, False)


def test_fractional_agreement_is_not_judged_month_by_month():
    agreement = pd.DataFrame({"maanden": [4, 4], "casussen": [2, 1]})
    # 2 cases in 4 months meets 0.5 a month although two months had none
    assert indicators.organisations_meeting(agreement, 0.5) == (2, 0.5)
    assert indicators.organisations_meeting(agreement.iloc[:0], 0.5) == (0, None)
    # exactly the agreed number meets it, also where the product is not exact in floating point
    exact = pd.DataFrame({"maanden": [50, 50], "casussen": [7, 6]})  # 0.14 x 50 = 7
    assert indicators.organisations_meeting(exact, 0.14) == (2, 0.5)


def test_welbevinden(i2017):
    # pairs voor -> na_6_weken among 2017's cases: B1 3 -> 8, B2 4 -> 9, B3 2 -> 8: changes 5, 5, 6
    # mean change 16 / 3 = 5.33 (streef 1 met); mean na (8 + 9 + 8) / 3 = 8.33. 2016: A1 alone, hidden
    assert _vals(i2017["welbevinden_verandering"]) == (5.33, None, 3, True)
    assert _vals(i2017["welbevinden_na"]) == (8.33, None, 3, None)
    assert i2017["welbevinden_na"]["reden_vorig_jaar"] == "te_weinig_personen"


def test_costs_per_case(i2017):
    # 2017 prices: WV 75, SH 1000, HU 5000 (2015), BW 200 (2018). Cost cases B1, B2, B3 (B4's line refused, B5 no solution)
    # niets_doen: B1 5000 + 20*75 = 6500, B2 5*200 = 1000, B3 10*75 = 750 -> 8250
    # proeftuinoplossing: B1 1000 + 4*75 = 1300, B2 1000, B3 2*75 + 1000 = 1150 -> 3450; huidig 750 + 150 + 0 = 900
    assert _vals(i2017["besparing_per_casus"]) == (1600.0, None, 3, True)  # (8250 - 3450) / 3; streef 1500
    assert _vals(i2017["besparing_huidig_per_casus"]) == (-850.0, None, 3, None)  # (900 - 3450) / 3
    assert _vals(i2017["kosten_per_casus"]) == (1150.0, None, 3, False)  # 3450 / 3; lager, streef 1000
    assert i2017["kosten_per_casus"]["reden_vorig_jaar"] == "nog_niet_gemeten"  # 2016's cases have no cost lines


def test_last_years_cost_indicator_uses_last_years_prices(tmp_path, wijk_folder):
    # A1 (2016) and B1 (2017) each: solution 1 hour WV, doing nothing 3, now 0: WV costs 70 in 2016 and 75 in 2017;
    # minimum 1 to see them
    folder = Path(shutil.copytree(wijk_folder, tmp_path / "p"))
    config = (folder / "proeftuin.yml").read_text(encoding="utf-8").replace("min_groepsgrootte: 3", "min_groepsgrootte: 1")
    (folder / "proeftuin.yml").write_text(config, encoding="utf-8")
    (folder / "kosten.csv").write_text(
        "casus_id;scenario;voorziening;aantal\nA1;proeftuinoplossing;WV;1\nA1;niets_doen;WV;3\nA1;huidig;WV;0\n"
        "B1;proeftuinoplossing;WV;1\nB1;niets_doen;WV;3\nB1;huidig;WV;0\n",
        encoding="utf-8",
    )
    i = _indicators(kerncijfers(lg.load(folder), 2017))
    assert (i["kosten_per_casus"]["waarde"], i["kosten_per_casus"]["vorig_jaar"]) == (75.0, 70.0)
    assert (i["besparing_per_casus"]["waarde"], i["besparing_per_casus"]["vorig_jaar"]) == (150.0, 140.0)  # 2 x 75, 2 x 70


def test_spinnenweb_latest_row_in_the_year(ds, i2017):
    # 2017: nulmeting 5-10-2017 of P1..P4: lichaamsfuncties 5, 4, 6, 3 -> 4.5 (n 4); dagelijks_functioneren: P4 has
    # none -> (5 + 4 + 6) / 3 = 5.0 (n 3)
    assert _vals(i2017["spinnenweb_lichaamsfuncties"]) == (4.5, None, 4, None)
    assert _vals(i2017["spinnenweb_dagelijks_functioneren"]) == (5.0, None, 3, None)
    for d in ("mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen"):
        assert _vals(i2017[f"spinnenweb_{d}"]) == (4.5, None, 4, None)
    # 2018: P1..P3 follow-up 5-4-2018: lichaamsfuncties 7, 6, 8 -> 7.0; meedoen 6, 6, 7 -> 6.33; last year 4.5
    i2018 = _indicators(kerncijfers(ds, 2018))
    assert _vals(i2018["spinnenweb_lichaamsfuncties"]) == (7.0, 4.5, 3, None)
    assert _vals(i2018["spinnenweb_meedoen"]) == (6.33, 4.5, 3, None)
    assert _vals(i2018["spinnenweb_mentaal_welbevinden"]) == (5.67, 4.5, 3, None)  # (6 + 5 + 6) / 3


def test_spinnenweb_latest_row_and_mixed_versions():
    frame = pd.DataFrame(
        {
            "deelnemer_id": ["P1", "P1", "P2"],
            "meetmoment": [0, 1, 0],
            "datum": pd.to_datetime(["2019-01-10", "2019-06-10", "2019-03-01"]),
            "versie": ["mpg_v1", "mpg_v1", "mpg_v1"],
            "meedoen": [2.0, 8.0, 5.0],
        }
    )
    # P1's latest row in 2019 is 10-6 (8), P2's 1-3 (5): (8 + 5) / 2 = 6.5
    assert indicators.spinnenweb_latest(frame, 2019, "meedoen") == (2, 6.5, False)
    frame.loc[2, "versie"] = "eenvoudig"
    assert indicators.spinnenweb_latest(frame, 2019, "meedoen") == (2, None, True)
    assert indicators.spinnenweb_latest(frame, 2020, "meedoen") == (0, None, False)


def test_sessions_and_cards(i2017):
    # learning sessions of 2017 with deelnemers: Sessie 1 (15); Sessie 3 has none; Sessie 2 is a werkconferentie.
    # 2016: Sessie 0 (10)
    assert _vals(i2017["deelnemers_per_bijeenkomst"]) == (15.0, 10.0, 1, None)
    # sessions of any kind with both: Sessie 1 3/15, Sessie 2 10/30: 13 / 45 = 0.289; 2016: none with both
    i = i2017["aandeel_wijkbewoners_bijeenkomsten"]
    assert _vals(i) == (0.289, None, 2, None) and i["reden_vorig_jaar"] == "nog_niet_gemeten"
    # cards K1..K5 dated 2017, K6 1-12-2016
    assert _vals(i2017["reflectiekaarten_totaal"]) == (5.0, 1.0, 5, None)


def test_activities_and_the_iso_week_rule(ds, k2017, i2017):
    # 2016: 1-1 (Fri) and 3-1 (Sun) are ISO 2015-W53, 4-1 and 6-1 are 2016-W01, 14-12 2016-W50: 3 weeks.
    # visitors 40 + 10 + 20 + 15 + 35 = 120 -> 40.0 a week; by residents or together: 1-1, 4-1, 14-12 = 3 / 5
    k2016 = kerncijfers(ds, 2016)
    assert k2016["activiteiten"] == {"totaal": 5, "bezoekers": 120, "bezoekers_per_week": 40.0, "aandeel_door_bewoners": 0.6}
    # 2015: 28-12-2015 (2015-W53, the week split by New Year counts in both years): 20 visitors in 1 week
    # (2015 has only neighbourhood activities, no dated case, session or card: not a report year, so unchecked)
    assert kerncijfers(YearView(ds, 2015, controleren=False))["activiteiten"]["bezoekers_per_week"] == 20.0
    # 2017: 1-1-2017 (Sun) is 2016-W52, 2-1-2017 2017-W01: (10 + 30) / 2 weeks = 20.0; 1 of 2 by residents
    assert k2017["activiteiten"] == {"totaal": 2, "bezoekers": 40, "bezoekers_per_week": 20.0, "aandeel_door_bewoners": 0.5}
    assert _vals(i2017["bezoekers_per_week"]) == (20.0, 40.0, 2, False)  # streef 25
    assert _vals(i2017["aandeel_door_bewoners"]) == (0.5, 0.6, 2, True)  # streef 0.5
    assert wijk.iso_weeks(pd.Series(pd.to_datetime(["2016-01-01", "2016-01-03", "2016-01-04"]))) == {(2015, 53), (2016, 1)}


def test_no_activities_in_the_year(ds):
    a = kerncijfers(ds, 2018)["activiteiten"]
    assert (a["totaal"], a["bezoekers"], a["bezoekers_per_week"], a["aandeel_door_bewoners"]) == (0, 0, None, None)
    assert a["redenen"] == {"bezoekers_per_week": "nog_niet_gemeten", "aandeel_door_bewoners": "nog_niet_gemeten"}


def test_wijkbudget_per_year(ds, k2017):
    # 2016: begroot 600000 + 250000 + 100000 = 950000; besteed 610000.50 + 240000 + 99999.50 = 950000 <= 1000000.
    # collectief + preventief (240000 + 99999.50) / 950000 = 0.358
    assert kerncijfers(ds, 2016)["wijkbudget"] == {
        "vastgesteld": 1000000.0,
        "begroot": 950000.0,
        "besteed": 950000.0,
        "n_posten_zonder_besteed": 0,
        "binnen_budget": True,
        "aandeel_collectief_preventief": 0.358,
        "besteed_per_soort": {"individueel": 610000.5, "collectief": 240000.0, "preventief": 99999.5},
    }
    # 2017: begroot 620000 + 300000 + 150000 = 1070000; Welzijn has no besteed yet: besteed 700000 + 200000 = 900000,
    # binnen_budget null while a line is open; share over the lines with besteed 200000 / 900000 = 0.222
    assert k2017["wijkbudget"] == {
        "vastgesteld": 1000000.0,
        "begroot": 1070000.0,
        "besteed": 900000.0,
        "n_posten_zonder_besteed": 1,
        "binnen_budget": None,
        "aandeel_collectief_preventief": 0.222,
        "besteed_per_soort": {"individueel": 700000.0, "collectief": 0.0, "preventief": 200000.0},
        "redenen": {"binnen_budget": "nog_niet_gemeten"},
    }
    # 2018 lies outside the looptijd [2016, 2017]: no fixed amount, so no judgement
    b = kerncijfers(ds, 2018)["wijkbudget"]
    assert (b["vastgesteld"], b["besteed"], b["binnen_budget"]) == (None, 500000.0, None)
    assert b["redenen"] == {"vastgesteld": "geen_gegevens", "binnen_budget": "geen_gegevens"}


def test_budget_indicators(ds, i2017):
    # 2017: a line without besteed: null; 2016: 950000 / 1000000 = 0.95 (lager, streef 1)
    i = i2017["wijkbudget_besteed_vs_vastgesteld"]
    assert _vals(i) == (None, 0.95, 3, None) and i["reden"] == "nog_niet_gemeten"
    i2016 = _indicators(kerncijfers(ds, 2016))["wijkbudget_besteed_vs_vastgesteld"]
    assert _vals(i2016) == (0.95, None, 3, True) and i2016["reden_vorig_jaar"] == "geen_gegevens"  # 2015: outside
    assert _indicators(kerncijfers(ds, 2018))["wijkbudget_besteed_vs_vastgesteld"]["reden"] == "geen_gegevens"
    assert _vals(i2017["aandeel_collectief_preventief"]) == (0.222, 0.358, 2, None)


def test_budget_per_year_for_the_trend(ds):
    table = lg.YearView(ds, 2017).wijkbudget_per_jaar
    assert table.index.tolist() == [2016, 2017]
    assert table["aandeel_collectief_preventief"].round(3).tolist() == [0.358, 0.222]


def test_budget_without_a_fixed_amount_in_proeftuin_yml(ds):
    b = wijk.budget(ds.wijkbudget, None, 2016)
    assert (b.vastgesteld, b.besteed, b.binnen_budget, b.besteed_vs_vastgesteld) == (None, 950000.0, None, None)
    assert b.redenen["vastgesteld"] == "geen_gegevens"


def test_wijkprofiel_with_last_year_beside_it(ds):
    profile = lg.YearView(ds, 2017).wijkprofiel.set_index("kenmerk")
    assert profile.loc["Inwoners", ["waarde", "vorig_jaar"]].tolist() == [13100.0, 13000.0]
    assert profile.loc["65 jaar en ouder", "waarde"] == 18.5 and pd.isna(profile.loc["65 jaar en ouder", "vorig_jaar"])


def test_organisation_filter_marks_unfiltered_indicators_and_gates_the_rest(ds):
    i = _indicators(kerncijfers(ds, 2017, organisatie="GGZ"))
    # budget, activities, sessions and spinnenweb do not depend on the organisation: the same figure, marked
    for code in ("bezoekers_per_week", "aandeel_door_bewoners", "aandeel_collectief_preventief", "spinnenweb_meedoen"):
        assert i[code]["ongefilterd"] is True
    assert _vals(i["aandeel_door_bewoners"]) == (0.5, 0.6, 2, True)
    # GGZ's cases: B1, B2, B5. Within term aanmelding_mdo judged over 3 cases, but overall (5) minus GGZ (3) would
    # leave 2: hidden as herleidbaar, and then no target is judged
    t = i["binnen_termijn_aanmelding_mdo"]
    assert (t["waarde"], t["gehaald"], t["reden"]) == (None, None, "herleidbaar")
    assert i["kosten_per_casus"]["reden"] == "te_weinig_personen" and i["kosten_per_casus"]["gehaald"] is None
    assert "ongefilterd" not in i["casussen_totaal"] and i["casussen_totaal"]["waarde"] == 3.0


def test_every_null_carries_a_reason(ds):
    allowed = {"geen_gegevens", "nog_niet_gemeten", "te_weinig_personen", "herleidbaar", "versies_gemengd"}
    for year in (2015, 2016, 2017, 2018):
        for i in _indicators(kerncijfers(YearView(ds, year, controleren=False))).values():
            if i["waarde"] is None:
                assert i["reden"] in allowed, (year, i)
            if i["vorig_jaar"] is None:
                assert i["reden_vorig_jaar"] in allowed, (year, i)


def test_a_proeftuin_without_the_new_tables_gives_the_same_key_figures(analyse):
    # kerncijfers of tests/data/analyse written by the code before issue 14
    before = json.loads((DATA / "wijk" / "kerncijfers_zonder_wijk.json").read_text(encoding="utf-8"))
    for key, year, org in ((2016, 2016, None), (2017, 2017, None), (2018, 2018, None), ("2017_GGZ", 2017, "GGZ")):
        now = json.loads(json.dumps(kerncijfers(analyse, year, organisatie=org)))
        new = {k: now.pop(k) for k in NEW_KEYS}
        now["bijeenkomsten"].pop("gemiddeld_deelnemers_leersessie")  # added by issue 16, as is a reden
        now["bijeenkomsten"].pop("soort_leersessie")
        now = _without_unmeasured(now)  # beside every null that means 'nothing measured yet'
        if org:
            assert now.pop("ongefilterd") == [*before[str(key)].pop("ongefilterd"), "wijkbudget", "activiteiten"]
        assert now == before[str(key)]
        assert new["wijkbudget"]["reden"] == "geen_gegevens" and new["wijkbudget"]["besteed"] is None
        assert new["activiteiten"]["reden"] == "geen_gegevens" and new["activiteiten"]["totaal"] is None
        assert new["doelen"] == []  # analyse has no goals


def test_plain_goals_are_listed_with_empty_indicators(tmp_path):
    # the sample's Ruwaard with its goals written as plain text, the way they were before issue 14
    sample = Path(__file__).parent.parent / "data"
    shutil.copytree(sample / "sample" / "ruwaard", tmp_path / "sample" / "ruwaard")
    shutil.copytree(sample / "prijslijst", tmp_path / "prijslijst")
    yml = tmp_path / "sample" / "ruwaard" / "proeftuin.yml"
    config = yaml.safe_load(yml.read_text(encoding="utf-8"))
    config["doelen"] = [g["naam"] for g in config["doelen"]]
    yml.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    d = lg.load(tmp_path / "sample" / "ruwaard")
    assert all(isinstance(g, str) for g in d.config.doelen) and len(d.config.doelen) == 5
    goals = kerncijfers(d, 2018)["doelen"]
    assert [g["doel"] for g in goals] == [str(g) for g in d.config.doelen]
    assert all(g["indicatoren"] == [] for g in goals)


def test_within_term_per_quarter_hides_what_would_give_a_quarter_away(ds):
    table = lg.YearView(ds, 2017).binnen_termijn_per_kwartaal["aanmelding_mdo"]
    # Q1: B1, B2, B3 (n 3); Q2: B4, B5 (n 2 < 3: hidden); the year's 5 minus Q1's 3 would give Q2: Q1 hidden too
    assert table["n"].tolist() == [3, 2, 0, 0]
    assert table["reden"].tolist()[:2] == ["herleidbaar", "te_weinig_personen"]
    assert table["aandeel"].isna().all()


def test_within_term_per_quarter_shown_with_a_minimum_of_one(tmp_path, wijk_folder):
    folder = Path(shutil.copytree(wijk_folder, tmp_path / "p"))
    config = (folder / "proeftuin.yml").read_text(encoding="utf-8").replace("min_groepsgrootte: 3", "min_groepsgrootte: 1")
    (folder / "proeftuin.yml").write_text(config, encoding="utf-8")
    table = lg.YearView(lg.load(folder), 2017).binnen_termijn_per_kwartaal["aanmelding_mdo"]
    # Q1: B1 7, B2 14, B3 7 days: 3 / 3; Q2: B4 21 days, B5 open past 14: 0 / 2
    assert table["aandeel"].tolist()[:2] == [1.0, 0.0] and table["reden"].isna().all()


def test_cases_per_buurt_and_per_regisseur(tmp_path):
    (tmp_path / "proeftuin.yml").write_text(
        "naam: Buurten\nwijken: [Caberg, Malberg]\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: L}\n"
        "privacy: {min_groepsgrootte: 3}\n",
        encoding="utf-8",
    )
    rows = [("A", "Caberg", "Trajekt")] * 3 + [("A", "Malberg", "Trajekt"), ("B", "Caberg", "GGZ")]
    rows += [("B", "Malberg", "GGZ"), ("B", "Malberg", "Trajekt")]
    lines = [f"C{i};individueel;{o};01-03-2019;aangemeld;{w};{r}" for i, (o, w, r) in enumerate(rows)]
    (tmp_path / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;status;wijk;regisseur\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    d = lg.load(tmp_path)
    v = lg.YearView(d, 2019)
    # plain counts overall, like the overall counts per category elsewhere: Caberg 3 + 1, Malberg 1 + 2
    assert v.casussen_per_wijk.to_dict() == {"Caberg": 4, "Malberg": 3}
    assert v.casussen_per_regisseur.to_dict() == {"GGZ": 2, "Trajekt": 5}
    # organisation A: Caberg 3, Malberg 1 (hidden, < 3), then Caberg too (3 of A's 4 cases would give Malberg away)
    a = lg.YearView(d, 2019, lg.Filters(organisatie="A"))
    assert a.casussen_per_wijk.isna().all()


def test_counts_are_whole_numbers_in_the_json(k2017):
    i = _indicators(json.loads(json.dumps(k2017)))
    assert isinstance(i["casussen_totaal"]["waarde"], int) and isinstance(i["reflectiekaarten_totaal"]["vorig_jaar"], int)


def test_budget_and_activities_per_buurt(tmp_path):
    (tmp_path / "proeftuin.yml").write_text(
        "naam: Buurten\nwijken: [Caberg, Malberg]\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: L}\n"
        "wijkbudget: {jaarbedrag: 1000, looptijd: [2019, 2019]}\n",
        encoding="utf-8",
    )
    (tmp_path / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;status\nC1;individueel;A;01-03-2019;aangemeld\n", encoding="utf-8"
    )
    (tmp_path / "wijkbudget.csv").write_text(
        "jaar;post;soort;begroot;besteed;wijk\n2019;Welzijn;collectief;300;200;Caberg\n"
        "2019;Welzijn;collectief;500;400;Malberg\n2019;Wmo;individueel;100;100;Malberg\n",
        encoding="utf-8",
    )
    (tmp_path / "activiteiten.csv").write_text(
        "datum;activiteit;bezoekers;georganiseerd_door;wijk\n07-01-2019;Koken;10;samen;Caberg\n"
        "08-01-2019;Koken;20;professionals;Malberg\n15-01-2019;Taal;30;wijkbewoners;Malberg\n",
        encoding="utf-8",
    )
    v = lg.YearView(lg.load(tmp_path), 2019)
    # total: besteed 200 + 400 + 100 = 700 <= 1000; per buurt no fixed amount (it is for the whole)
    assert (v.wijkbudget.besteed, v.wijkbudget.binnen_budget) == (700.0, True)
    caberg, malberg = v.wijkbudget_per_buurt["Caberg"], v.wijkbudget_per_buurt["Malberg"]
    assert (caberg.besteed, caberg.vastgesteld, malberg.besteed) == (200.0, None, 500.0)
    assert malberg.aandeel_collectief_preventief == 0.8  # 400 / 500
    # Malberg: 8-1 and 15-1 are ISO weeks 2 and 3: (20 + 30) / 2 = 25 a week; Caberg 10 in one week
    assert v.activiteiten_per_buurt["Malberg"].bezoekers_per_week == 25.0
    assert v.activiteiten_per_buurt["Caberg"].bezoekers_per_week == 10.0
    # in total 7-1 and 8-1 are one week (2019-W02): (10 + 20 + 30) / 2 weeks = 30
    assert v.activiteiten.bezoekers_per_week == 30.0


def test_activities_per_iso_week_and_per_month(ds):
    weeks = wijk.visitors_per_week(ds.activiteiten, 2016)
    # 1-1 and 3-1-2016 in 2015-W53 (40 + 10), 4-1 and 6-1 in 2016-W01 (20 + 15), 14-12 in 2016-W50 (35)
    assert weeks["bezoekers"].to_dict() == {(2015, 53): 50, (2016, 1): 35, (2016, 50): 35}
    months = wijk.per_month(ds.activiteiten, 2016)
    # January: 4 activities, 85 visitors, 2 of 4 by residents or together; December: 1, 35, 1 of 1
    assert months["activiteiten"].tolist() == [4, 1] and months["bezoekers"].tolist() == [85, 35]
    assert months["aandeel_door_bewoners"].tolist() == [0.5, 1.0]


def test_a_whole_number_agreement_is_met_in_every_month():
    # 1 a month over 4 months: 5 cases in 3 months (one month empty) does not meet it; 4 in 4 months does
    agreement = pd.DataFrame({"maanden": [4, 4], "maanden_gehaald": [3, 4], "casussen": [5, 4]})
    assert indicators.organisations_meeting(agreement, 1) == (2, 0.5)


def _without_unmeasured(value):
    """``value`` without the ``reden: nog_niet_gemeten`` that issue 16 put beside every null of nothing measured."""
    if isinstance(value, dict):
        return {k: _without_unmeasured(v) for k, v in value.items() if not (k == "reden" and v == "nog_niet_gemeten")}
    if isinstance(value, list):
        return [_without_unmeasured(v) for v in value]
    return value
