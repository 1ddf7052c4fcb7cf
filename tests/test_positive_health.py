import pandas as pd
import pytest

from leergeschiedenis import positive_health as ph


def test_report_year_counts_measurements_up_to_31_december(analyse):
    assert ph.moments(ph.up_to(analyse.spinnenweb, 2017)) == [0]
    assert ph.moments(ph.up_to(analyse.spinnenweb, 2018)) == [0, 1]


def test_per_moment_n_mean_and_spread(analyse):
    stats = ph.per_moment(analyse.spinnenweb).set_index(["meetmoment", "domein"])
    # nulmeting lichaamsfuncties 5, 4, 6, 3
    assert stats.loc[(0, "lichaamsfuncties"), "n"] == 4
    assert stats.loc[(0, "lichaamsfuncties"), "gemiddelde"] == 4.5
    assert stats.loc[(0, "lichaamsfuncties"), "sd"] == pytest.approx(pd.Series([5, 4, 6, 3]).std())
    # P4 has no dagelijks_functioneren: 5, 4, 6
    assert stats.loc[(0, "dagelijks_functioneren"), ["n", "gemiddelde"]].tolist() == [3, 5.0]
    assert stats.loc[(1, "meedoen"), "gemiddelde"] == pytest.approx((6 + 6 + 7) / 3)
    assert ph.participants_per_moment(analyse.spinnenweb).to_dict() == {0: 4, 1: 3}


def test_paired_change_per_domain(analyse):
    changes = ph.paired_changes(analyse.spinnenweb, 0, 1)
    assert changes["lichaamsfuncties"].n == 3
    assert changes["lichaamsfuncties"].verandering == 2.0  # 5->7, 4->6, 6->8
    assert changes["zingeving"].verandering == pytest.approx((1 + 0 + 1) / 3)
    assert changes["meedoen"].p_holm is None  # fewer than 10 pairs: no test


def _twelve(versie_b="mpg_v1"):
    rows = []
    for i in range(12):
        base = {d: 4.0 for d in ph.DOMEINEN}
        rows.append({"deelnemer_id": f"P{i}", "meetmoment": 0, "datum": pd.Timestamp("2017-10-01"), "versie": "mpg_v1", **base})
        later = {d: 4.0 + (i % 3 + 1 if d == "meedoen" else (1 if i % 2 else -1)) for d in ph.DOMEINEN}
        rows.append(
            {
                "deelnemer_id": f"P{i}",
                "meetmoment": 1,
                "datum": pd.Timestamp("2018-04-01"),
                "versie": versie_b if i < 6 else "mpg_v1",
                **later,
            }
        )
    return pd.DataFrame(rows)


def test_holm_adjusts_across_the_six_domains():
    changes = ph.paired_changes(_twelve(), 0, 1)
    meedoen = changes["meedoen"]
    assert meedoen.n == 12 and meedoen.p_waarde < 0.01
    raw = [c.p_waarde for c in changes.values()]
    # meedoen has the smallest p: Holm multiplies it by the six domains tested
    assert meedoen.p_holm == pytest.approx(min(1.0, 6 * min(raw)))
    assert all(c.p_holm >= c.p_waarde for c in changes.values())


def test_versions_are_never_pooled_silently():
    data = _twelve(versie_b="eenvoudig")
    assert ph.version_note(data) == (
        "Let op: hier zijn scores van verschillende versies van de vragenlijst samengenomen (eenvoudig, mpg_v1)."
    )
    # a participant measured with two versions does not count as a pair
    assert ph.paired_changes(data, 0, 1)["meedoen"].n == 6
    assert ph.version_note(_twelve()) is None
