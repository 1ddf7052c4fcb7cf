"""`leergeschiedenis kerncijfers`: the promised keys, hand-worked values, the privacy gate."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import leergeschiedenis as lg
from leergeschiedenis.errors import JaarZonderGegevens
from leergeschiedenis.key_figures import kerncijfers

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def k2017(analyse):
    return kerncijfers(analyse, 2017)


def test_promised_keys(k2017):
    assert {
        "proeftuin",
        "jaar",
        "casussen",
        "welbevinden",
        "kosten",
        "reflectiekaarten",
        "bijeenkomsten",
        "spinnenweb",
        "datakwaliteit",
    } <= set(k2017)
    assert {"totaal", "individueel", "collectief", "vorig_jaar"} <= set(k2017["casussen"])
    assert {"n_paren", "voor", "na_6_weken", "verandering"} <= set(k2017["welbevinden"])
    assert {"n_casussen", "huidig", "niets_doen", "proeftuinoplossing", "besparing", "besparing_per_financier"} <= set(
        k2017["kosten"]
    )
    assert {"totaal", "per_rol", "per_ontwerpprincipe"} <= set(k2017["reflectiekaarten"])
    assert {"totaal", "gemiddeld_deelnemers"} <= set(k2017["bijeenkomsten"])
    assert set(k2017["spinnenweb"]) >= {"per_meetmoment"}


def test_values_worked_out_by_hand(k2017):
    assert k2017["proeftuin"] == "Proeftuin Rekenvoorbeeld" and k2017["jaar"] == 2017
    c = k2017["casussen"]
    assert (c["totaal"], c["individueel"], c["collectief"], c["vorig_jaar"]) == (5, 4, 1, 2)
    w = k2017["welbevinden"]
    assert (w["n_paren"], w["voor"], w["na_6_weken"], w["verandering"]) == (3, 3.0, 8.33, 5.33)
    k = k2017["kosten"]
    assert (k["n_casussen"], k["huidig"], k["niets_doen"], k["proeftuinoplossing"], k["besparing"]) == (
        3,
        900.0,
        8250.0,
        3450.0,
        4800.0,
    )
    r = k2017["reflectiekaarten"]
    assert r["totaal"] == 5 and r["per_rol"]["professional"] == 2 and r["per_ontwerpprincipe"] == {"1": 2, "2": 1, "3": 2}
    # the learning sessions alone: Sessie 1 (15); Sessie 3 has no count, Sessie 2 is a werkconferentie (30)
    assert k2017["bijeenkomsten"] == {
        "totaal": 3,
        "gemiddeld_deelnemers": 22.5,
        "gemiddeld_deelnemers_leersessie": 15.0,
        "soort_leersessie": "tweewekelijkse_leersessie",
    }
    assert k2017["spinnenweb"]["per_meetmoment"]["0"]["n"] == 4
    assert k2017["spinnenweb"]["per_meetmoment"]["0"]["lichaamsfuncties"] == 4.5
    assert k2017["datakwaliteit"]["kosten"] == {"gelezen": 17, "geaccepteerd": 16, "geweigerd": 1}


def test_privacy_gate_in_the_key_figures(k2017):
    # woningcorporatie rests on one case: suppressed; with one part hidden the total would give it
    # away, so of the two parts with the fewest cases (3 each) the first by name is suppressed too
    assert k2017["kosten"]["besparing_per_financier"] == {
        "gemeente_wmo": None,
        "zorgverzekeraar": 1800.0,
        "woningcorporatie": None,
    }
    assert k2017["kosten"]["reden_per_financier"] == {"gemeente_wmo": "herleidbaar", "woningcorporatie": "te_weinig_personen"}
    # voor -> herhaling has two pairs, fewer than min_groepsgrootte 3
    assert k2017["welbevinden"]["details"]["herhaling"]["n_paren"] == 2
    assert k2017["welbevinden"]["details"]["herhaling"]["verandering"] is None


def test_a_higher_minimum_suppresses_every_statistic(analyse):
    strict = lg.Dataset(
        **{
            **analyse.__dict__,
            "config": analyse.config.model_copy(
                update={"privacy": analyse.config.privacy.model_copy(update={"min_groepsgrootte": 10})}
            ),
        }
    )
    k = kerncijfers(strict, 2017)
    assert k["welbevinden"]["verandering"] is None and k["welbevinden"]["n_paren"] == 3
    assert k["kosten"]["besparing"] is None and k["kosten"]["n_casussen"] == 3
    assert all(v is None for d, v in k["spinnenweb"]["per_meetmoment"]["0"].items() if not d.startswith(("n", "reden")))
    assert set(k["spinnenweb"]["per_meetmoment"]["0"]["reden_per_domein"].values()) == {"te_weinig_personen"}
    assert k["casussen"]["doorlooptijd_dagen"]["aanmelding_mdo"]["mediaan"] is None
    # plain counts stay
    assert k["casussen"]["totaal"] == 5 and k["reflectiekaarten"]["totaal"] == 5


def test_no_identifier_or_confidential_text_in_the_key_figures(k2017):
    text = json.dumps(k2017, ensure_ascii=False)
    for marker in ("B1", "A1", "K1", "P1", "geheim"):
        assert marker not in text


def test_a_year_without_any_data_is_refused_like_the_command_line(analyse):
    with pytest.raises(JaarZonderGegevens) as e:
        kerncijfers(analyse, 2030)
    assert str(e.value) == ("Proeftuin Rekenvoorbeeld heeft geen gegevens over 2030: er zijn gegevens over 2016, 2017 en 2018.")
    assert e.value.exit_code == 2
    with pytest.raises(JaarZonderGegevens):
        lg.YearView(analyse, 2030)


def test_a_year_without_any_data_inside_a_comparison(analyse):
    """The year before a first year (``kern_vorig_jaar``) is built unchecked: zeros, each with its reason."""
    k = kerncijfers(lg.YearView(analyse, 2030, controleren=False))
    assert k["casussen"]["totaal"] == 0 and k["casussen"]["vorig_jaar"] == 0
    assert k["welbevinden"]["n_paren"] == 0 and k["welbevinden"]["verandering"] is None
    assert k["kosten"]["n_casussen"] == 0 and k["kosten"]["besparing_per_financier"] == {}
    assert k["reflectiekaarten"]["totaal"] == 0 and k["reflectiekaarten"]["aandeel_gecodeerd"] is None
    assert k["bijeenkomsten"] == {
        "totaal": 0,
        "gemiddeld_deelnemers": None,
        "gemiddeld_deelnemers_leersessie": None,
        "soort_leersessie": "tweewekelijkse_leersessie",
        "reden": "nog_niet_gemeten",
    }
    # the spinnenweb counts everything up to the report year
    assert list(k["spinnenweb"]["per_meetmoment"]) == ["0", "1"]


def test_only_the_required_table():
    k = kerncijfers(lg.load(DATA / "bom_komma"), 2016)
    assert k["casussen"]["totaal"] == 2
    assert k["kosten"]["n_casussen"] == 0 and k["spinnenweb"]["per_meetmoment"] == {}
    assert list(k["datakwaliteit"]) == ["casussen"]


def test_every_statistic_carries_its_n(k2017):
    moment = k2017["spinnenweb"]["per_meetmoment"]["0"]
    assert moment["n_per_domein"]["dagelijks_functioneren"] == 3
    assert k2017["kosten"]["n_per_financier"] == {"gemeente_wmo": 3, "zorgverzekeraar": 3, "woningcorporatie": 1}


def test_cli_prints_json():
    done = subprocess.run(
        [sys.executable, "-m", "leergeschiedenis.cli", "kerncijfers", str(DATA / "analyse"), "--year", "2017"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kosten"]["besparing"] == 4800.0
