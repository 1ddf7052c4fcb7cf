"""The Dutch sentences of the report, from the hand-worked fixture tests/data/analyse (min_groepsgrootte 3)."""

import dataclasses

import pytest

from leergeschiedenis import narrative
from leergeschiedenis.publish import YearView


@pytest.fixture(scope="module")
def view(analyse):
    return YearView(analyse, 2017)


def test_cases_sentence(view):
    assert (
        narrative.cases_sentence(view)
        == "In 2017 werden 5 casussen aangemeld, 2,5 keer zoveel als in 2016 (2). Daarvan was 1 collectief."
    )


def test_first_year_and_empty_year(analyse):
    assert narrative.cases_sentence(YearView(analyse, 2016)) == "In 2016 werden 2 casussen aangemeld; in 2015 waren er nog geen."
    assert narrative.cases_sentence(YearView(analyse, 2020)) == "In 2020 werden geen casussen aangemeld."


def test_welbevinden_sentence(view):
    # 3 pairs: no interval, so no verb that claims a rise
    assert narrative.welbevinden_sentence(view) == (
        "Bij 3 casussen met een voor- en nameting was gemiddeld 3,0 voor en 8,3 na (een verschil van 5,3 punt) "
        "op een schaal van 1 tot 10. Met minder dan tien paren beschrijven we alleen; een toets zegt dan weinig."
    )


def test_costs_sentence(view):
    assert narrative.costs_sentence(view) == (
        "Voor 3 casussen met een micro-analyse kost niets doen € 8.250 per jaar, de proeftuinoplossing € 3.450: "
        "een besparing van € 4.800 per jaar. De proeftuinoplossing was goedkoper dan niets doen in 33% van deze casussen."
    )


def test_suppressed_statistics_read_as_such(analyse):
    strict = YearView(
        analyse.__class__(
            **{
                **analyse.__dict__,
                "config": analyse.config.model_copy(
                    update={"privacy": analyse.config.privacy.model_copy(update={"min_groepsgrootte": 4})}
                ),
            }
        ),
        2017,
    )
    assert (
        narrative.welbevinden_sentence(strict)
        == "Welbevinden is gemeten, maar de uitkomst tonen we niet: het rust op minder dan 4 personen."
    )
    assert narrative.costs_sentence(strict) == "De kosten tonen we niet: het rust op minder dan 4 personen."
    assert "tonen we niet" in narrative.lead_time_sentence(strict)


def test_lead_time_and_sessions(view):
    assert narrative.lead_time_sentence(view) == (
        "Van aanmelding tot afgesproken oplossing duurde het in de helft van de 3 casussen hooguit 21 dagen "
        "(mediaan; de middelste helft tussen 18 en 24 dagen)."
    )
    assert narrative.sessions_sentence(view) == (
        "In 2017 waren er 3 bijeenkomsten, met 15 deelnemers bij de eerste en 30 bij de laatste. "
        "Na afloop vulden deelnemers 5 reflectiekaarten in."
    )


def test_financiers_name_the_wrong_pocket(view):
    # gemeente_wmo and zorgverzekeraar rest on 3 cases each; woningcorporatie (1 case) is hidden, so one of
    # the two must go too (else the total minus the shown ones gives it): the first by name, gemeente_wmo
    assert narrative.financier_sentence(view) == "Minder betalen: Zorgverzekeraar."


def test_principle_sentence(view):
    # principle 3 is on K2 (professional) and K3 (manager); professionals wrote 2 cards, managers 1 (< 3: not compared)
    assert narrative.principle_sentence(view, "3") == ("Op 2 van de 5 reflectiekaarten (40%) kwam dit principe terug.")


def test_a_half_case_agreement_is_written_as_agreed(analyse):
    """Deurne agreed on 0,5 case per organisation per month; whole-number rounding made it '0'."""
    afspraken = analyse.config.afspraken.model_copy(update={"casussen_per_organisatie_per_maand": 0.5})
    half = dataclasses.replace(analyse, config=analyse.config.model_copy(update={"afspraken": afspraken}))
    sentence = narrative.agreement_sentence(YearView(half, 2017))
    assert sentence.startswith("De afspraak was 0,5 casus per organisatie per maand. Over ")
    assert " organisaties de afspraak elke maand; " in sentence
