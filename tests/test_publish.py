"""YearView: what may be published, including what a filter could give away by subtraction."""

from pathlib import Path

import pandas as pd
import pytest

import leergeschiedenis as lg
from leergeschiedenis.errors import JaarZonderGegevens, OnbekendeKolom, OnbekendeOrganisatie
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
    # medians of nested groups that differ by one case give that case away too (issue 24): A's go,
    # the year's stays
    assert a.lead_times.loc["aanmelding_mdo", "n"] == 5
    assert pd.isna(a.lead_times.loc["aanmelding_mdo", "mediaan"]) and a.lead_times.loc["aanmelding_mdo", "reden"] == "herleidbaar"
    assert YearView(verschil, 2017).lead_times.loc["aanmelding_mdo", "mediaan"] == 7
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


def test_the_one_view_of_each_selection_gives_what_a_fresh_view_gives():
    # publish.view keeps every view of a dataset (and the dashboard, regio and kerncijfers use it); walking
    # selections in one dataset, each view must equal a view computed cold from an untouched copy
    import copy

    import plotly.io as pio

    from leergeschiedenis import content
    from leergeschiedenis.publish import view

    d = lg.load(Path(__file__).parent.parent / "data" / "sample" / "ruwaard")
    walk = [(2018, Filters()), (2017, Filters(organisatie="GGZ Oost Brabant")), (2018, Filters(rol="professional"))]
    walk += [(2017, Filters()), (2018, Filters(organisatie="GGZ Oost Brabant")), (2018, Filters())]
    for jaar, filters in walk:
        kept, fresh = view(d, jaar, filters), YearView(copy.copy(d), jaar, filters)
        assert view(d, jaar, filters) is kept and kept.vorig_jaar is view(d, jaar - 1, filters)
        assert kept.kern == fresh.kern and kept.kern_vorig_jaar == fresh.kern_vorig_jaar
        for name in ("levensdomeinen", "kosten", "financiers", "thema_rol"):
            assert pio.to_json(content.figure(name, kept)) == pio.to_json(content.figure(name, fresh))
    assert lg.kerncijfers(d, 2017) == view(d, 2017).kern and lg.kerncijfers(d, 2017) is not view(d, 2017).kern


def test_a_filtered_cross_table_is_judged_without_the_other_decisions_of_the_year():
    # the first organisation filter of a year on the Casussen tab needs the life-domain table only: the
    # other cross-tables and the welbevinden and cost decisions wait until a view asks for them
    d = lg.load(Path(__file__).parent.parent / "data" / "sample" / "deurne")
    v = YearView(d, 2019, Filters(organisatie="SMO"))
    assert v.levensdomeinen.notna().any()
    assert set(v.gate._tables) == {"levensdomeinen"} and "_judged" not in vars(v.gate)
    v.reden("kosten")
    assert "_judged" in vars(v.gate) and YearView(d, 2019).gate is v.gate


def test_an_unknown_organisation_is_refused_as_on_the_command_line(verschil):
    said = (
        "Organisatie 'GGD' komt niet voor in de casussen of reflectiekaarten van Proeftuin Verschil. Bekende organisaties: A, B."
    )
    with pytest.raises(OnbekendeOrganisatie) as view:
        YearView(verschil, 2017, Filters(organisatie="GGD"))
    with pytest.raises(OnbekendeOrganisatie) as figures:
        lg.kerncijfers(verschil, 2017, organisatie="GGD")
    assert str(view.value) == str(figures.value) == said
    # a known one is spelled as the proeftuin spells it, as `kerncijfers --organisatie` does
    assert YearView(verschil, 2017, Filters(organisatie=" a\u200b")).filters.organisatie == "A"
    assert lg.kerncijfers(verschil, 2017, organisatie="b")["organisatie"] == "B"


def test_the_year_before_the_first_is_compared_with_zeros(verschil):
    """2016 has no data: the public entry points refuse it, the comparison inside a view does not."""
    with pytest.raises(JaarZonderGegevens, match=r"er zijn gegevens over 2017\.$"):
        YearView(verschil, 2016)
    v = YearView(verschil, 2017, Filters(organisatie="A"))
    assert v.vorig_jaar.jaar == 2016 and v.kern_vorig_jaar["casussen"]["totaal"] == 0
    assert v.kern["casussen"]["totaal"] == 5


def test_an_unknown_column_names_the_nearest_and_is_still_a_key_error(verschil):
    with pytest.raises(OnbekendeKolom) as e:
        verschil.casussen["aanmeld_datum"]
    assert isinstance(e.value, KeyError) and e.value.exit_code == 2
    assert str(e.value).startswith(
        "De tabel casussen heeft geen kolom 'aanmeld_datum'. Bedoel je 'aanmelddatum'? Kolommen: casus_id, soort, organisatie,"
    )
    with pytest.raises(KeyError):  # what callers that catch KeyError rely on
        verschil.metingen["score"]
    assert "Bedoel je" not in _message(verschil.metingen, "xyzzy")
    # a selection or a copy is a plain DataFrame again, and a list of columns is pandas' own KeyError
    assert type(verschil.casussen[["casus_id"]]) is pd.DataFrame
    with pytest.raises(KeyError) as plain:
        verschil.casussen[["casus_id", "aanmeld_datum"]]
    assert not isinstance(plain.value, OnbekendeKolom)


def _message(table, column: str) -> str:
    try:
        table[column]
    except KeyError as e:
        return str(e)
    raise AssertionError(f"{column} is a column")
