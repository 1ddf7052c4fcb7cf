import numpy as np
import pandas as pd
import pytest

from leergeschiedenis.stats import bootstrap_mean_ci, holm, paired_change, wilcoxon_p


def test_ten_pairs_get_an_interval_and_a_test():
    before = pd.Series([3, 4, 2, 5, 3, 4, 2, 3, 4, 5], index=list("abcdefghij"), dtype=float)
    after = before + np.array([5, 6, 4, 7, 5, 6, 3, 6, 5, 7])
    c = paired_change(before, after)
    assert c.n == 10
    assert c.verandering == pytest.approx(5.4)
    assert c.mediaan_verandering == 5.5
    assert c.ci_laag < 5.4 < c.ci_hoog
    assert c.ci_laag > 4.5 and c.ci_hoog < 6.3
    # all ten differences positive, no ties at zero: exact two-sided p = 2 / 2**10
    assert c.p_waarde == pytest.approx(2 / 1024)


def test_interval_is_deterministic():
    values = np.array([1.0, 2.0, 4.0, 8.0, 3.0, 5.0, 7.0, 2.0, 1.0, 9.0])
    assert bootstrap_mean_ci(values) == bootstrap_mean_ci(values)


def test_only_people_measured_twice_count():
    before = pd.Series({"a": 5.0, "b": 6.0, "c": None})
    after = pd.Series({"a": 7.0, "c": 9.0, "d": 1.0})
    c = paired_change(before, after)
    assert (c.n, c.verandering) == (1, 2.0)


def test_wilcoxon_is_none_when_nothing_changed():
    assert wilcoxon_p(np.zeros(12)) is None


def test_holm_worked_example():
    # sorted 0.01, 0.03, 0.04 with m = 3: 0.03, 0.06, max(0.06, 0.04) = 0.06
    assert holm([0.01, 0.04, None, 0.03]) == pytest.approx([0.03, 0.06, None, 0.06])
    assert holm([0.6, 0.5]) == pytest.approx([1.0, 1.0])
    assert holm([]) == []


def test_exact_test_with_ties_worked_by_hand():
    from leergeschiedenis.stats import exact_signed_rank_p

    # |d| mid-ranks: 0.5 -> 1, the four 1's -> 3.5, the two 2's -> 6.5, 3 -> 8; total 36, centre 18.
    # Observed T+ = 36 - 3.5 = 32.5, so |T+ - 18| >= 14.5 means T+ <= 3.5 or T+ >= 32.5.
    # T+ <= 3.5 for 6 of the 256 sign flips (none, the 0.5, or one of the four 1's); by symmetry 6 more.
    diff = np.array([1.0, 1.0, 2.0, -1.0, 3.0, 2.0, 0.5, 1.0])
    assert exact_signed_rank_p(diff) == pytest.approx(12 / 256)
    assert wilcoxon_p(diff) == pytest.approx(12 / 256)


def test_large_samples_use_the_normal_approximation():
    from scipy import stats as sps

    from leergeschiedenis.stats import wilcoxon_test

    diff = np.tile([1.0, 2.0, -1.0, 3.0], 13)  # 52 pairs: beyond the exact limit of 50
    p, method = wilcoxon_test(diff)
    assert method == "normaal"
    assert p == pytest.approx(sps.wilcoxon(diff, method="approx", correction=True).pvalue)
    assert p != pytest.approx(sps.wilcoxon(diff, method="approx", correction=False).pvalue)
    # 40 pairs with ties: still exact
    assert wilcoxon_test(np.tile([1.0, 2.0, -1.0, 3.0], 10))[1] == "exact"
