"""YearView: what may be published, including what a filter could give away by subtraction."""

from pathlib import Path

import pytest

import leergeschiedenis as lg
from leergeschiedenis.publish import Filters, YearView

CONFIG = (
    "naam: Proeftuin Verschil\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: Leefwereld}\nprivacy: {min_groepsgrootte: 3}\n"
)


@pytest.fixture(scope="module")
def verschil(tmp_path_factory) -> lg.Dataset:
    """Organisation A has 5 measured cases, B has 1: B's figures could be recomputed from 'all' minus 'A'."""
    folder: Path = tmp_path_factory.mktemp("verschil")
    (folder / "proeftuin.yml").write_text(CONFIG)
    cases = ["casus_id,soort,organisatie,aanmelddatum,mdo_datum,oplossing_datum,status,binnen_bestaand_aanbod"]
    grades = ["casus_id,meetmoment,welbevinden"]
    for i, org in enumerate("AAAAAB"):
        cases.append(f"C{i},individueel,{org},2017-0{i + 1}-01,2017-0{i + 1}-08,2017-0{i + 1}-15,afgerond,ja")
        grades += [f"C{i},voor,3", f"C{i},na_6_weken,{5 + i}"]
    (folder / "casussen.csv").write_text("\n".join(cases) + "\n")
    (folder / "metingen.csv").write_text("\n".join(grades) + "\n")
    return lg.load(folder)


def test_overall_figures_are_published(verschil):
    v = YearView(verschil, 2017)
    assert v.welbevinden["na_6_weken"].n == 6
    assert v.welbevinden["na_6_weken"].verandering == pytest.approx((2 + 3 + 4 + 5 + 6 + 7) / 6)
    assert v.lead_times.loc["aanmelding_mdo", "mediaan"] == 7
    assert v.binnen_bestaand_aanbod.aandeel == 1.0


def test_a_filter_that_leaves_too_few_outside_it_is_suppressed(verschil):
    a = YearView(verschil, 2017, Filters(organisatie="A"))
    # 5 cases in A (enough), but only 1 outside A: all minus A would describe that one resident
    assert a.welbevinden["na_6_weken"].n == 5
    assert a.welbevinden["na_6_weken"].verandering is None
    assert a.reden("welbevinden_na_6_weken") == "herleidbaar"
    # medians do not add up, so subtracting them gives nothing: gated on their own n only
    assert a.lead_times.loc["aanmelding_mdo", "mediaan"] == 7
    assert a.binnen_bestaand_aanbod.aandeel is None


def test_a_small_filtered_group_is_suppressed(verschil):
    b = YearView(verschil, 2017, Filters(organisatie="B"))
    assert b.welbevinden["na_6_weken"].n == 1 and b.welbevinden["na_6_weken"].verandering is None


def test_filter_with_enough_on_both_sides_is_published(analyse):
    # analyse has min_groepsgrootte 3; with only 3 pairs in total no split can be published
    ggz = YearView(analyse, 2017, Filters(organisatie="GGZ"))
    assert ggz.welbevinden["na_6_weken"].verandering is None
    assert YearView(analyse, 2017).welbevinden["na_6_weken"].verandering is not None


def test_a_filtered_organisation_is_judged_over_the_same_months(verschil):
    """B's first case is in June; without a periode in proeftuin.yml the proeftuin runs from its first
    registration (January) through December, months without a case included: B met the agreement of
    1 a month in 1 of 12 months, not 1 of 1, also with the filter."""
    overall = YearView(verschil, 2017).agreement
    b = YearView(verschil, 2017, Filters(organisatie="b")).agreement
    assert overall.loc["B", "maanden"] == b.loc["B", "maanden"] == 12
    assert b.loc["B", "maanden_gehaald"] == 1
    assert overall.loc["A", "maanden_gehaald"] == 5  # January-May; June to December without a case of A


def test_the_periode_of_proeftuin_yml_sets_the_months_an_agreement_is_judged_over(tmp_path):
    """Deurne 2020's case: the last case in November did not shorten the year to 11 months. With a
    periode (here March to June 2017) only its months count, December of a finished year too."""
    (tmp_path / "proeftuin.yml").write_text(CONFIG + "periode: {start: 2017-03-15, einde: 2017-06-30}\n")
    rows = ["casus_id,soort,organisatie,aanmelddatum,status"] + [f"C{m},individueel,A,2017-0{m}-01,aangemeld" for m in (3, 4, 5)]
    (tmp_path / "casussen.csv").write_text("\n".join(rows) + "\n")
    a = YearView(lg.load(tmp_path), 2017).agreement
    assert (a.loc["A", "maanden"], a.loc["A", "maanden_gehaald"], bool(a.loc["A", "gehaald"])) == (4, 3, False)
    (tmp_path / "proeftuin.yml").write_text(CONFIG)  # without: from the first case (March) through December
    a = YearView(lg.load(tmp_path), 2017).agreement
    assert (a.loc["A", "maanden"], a.loc["A", "maanden_gehaald"]) == (10, 3)


def test_organisations_are_matched_like_identifiers(verschil):
    plain = YearView(verschil, 2017, Filters(organisatie="A"))
    spaced = YearView(verschil, 2017, Filters(organisatie=" a\u200b"))
    assert plain.case_counts.totaal == spaced.case_counts.totaal == 5
