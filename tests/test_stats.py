import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from leergeschiedenis.stats import (
    PairedChange,
    bootstrap_mean_ci,
    exact_signed_rank_p,
    holm,
    paired_change,
    rounded_differences,
    wilcoxon_test,
)


def test_ten_pairs_get_an_interval_and_a_test():
    before = pd.Series([3, 4, 2, 5, 3, 4, 2, 3, 4, 5], index=list("abcdefghij"), dtype=float)
    after = before + np.array([5, 6, 4, 7, 5, 6, 3, 6, 5, 7])
    c = paired_change(before, after)
    assert c.n == 10
    assert c.gemiddeld_voor == pytest.approx(3.5)
    assert c.gemiddeld_na == pytest.approx(8.9)
    assert c.verandering == pytest.approx(5.4)
    assert c.mediaan_verandering == 5.5
    assert c.ci_laag < 5.4 < c.ci_hoog
    assert c.ci_laag > 4.5 and c.ci_hoog < 6.3
    # all ten differences positive, no ties at zero: exact two-sided p = 2 / 2**10
    assert c.p_waarde == pytest.approx(2 / 1024)
    assert c.methode == "exact"
    assert c.p_holm is None  # filled in later, over all tests of a report
    assert c.as_dict() == dataclasses_dict(c)


def dataclasses_dict(c: PairedChange) -> dict:
    return {name: getattr(c, name) for name in PairedChange.__dataclass_fields__}


def test_nine_pairs_are_only_described():
    before = pd.Series([3.0, 4, 2, 5, 3, 4, 2, 3, 4], index=list("abcdefghi"))
    c = paired_change(before, before + 2)
    assert (c.n, c.verandering, c.mediaan_verandering) == (9, 2.0, 2.0)
    assert (c.ci_laag, c.ci_hoog, c.p_waarde, c.p_holm, c.methode) == (None, None, None, None, None)


def test_interval_is_deterministic_and_fixed():
    values = np.array([0.13, 1.71, 2.9, -0.4, 3.33, 1.05, 0.62, 2.48, -1.2, 0.97])
    # seeded percentile bootstrap with 9999 resamples: this exact interval, run after run
    assert bootstrap_mean_ci(values) == pytest.approx((0.29895, 2.006), abs=1e-12)
    assert bootstrap_mean_ci(values, seed=1) == pytest.approx((0.292, 2.0231), abs=1e-12)


def test_interval_of_one_value_or_equal_values_is_that_value():
    assert bootstrap_mean_ci(np.array([4.0])) == (4.0, 4.0)
    # np.mean of twelve 0.2's is 0.20000000000000004; the interval is the value itself, exactly
    assert bootstrap_mean_ci(np.full(12, 0.2)) == (0.2, 0.2)


def test_all_equal_differences():
    # twelve people each up 0.2 on paper; in floating point 6.3 - 6.1 and 8.3 - 8.1 differ in the last bits
    before = pd.Series([6.1, 8.1] * 6, index=range(12))
    after = pd.Series([6.3, 8.3] * 6, index=range(12))
    c = paired_change(before, after)
    assert (c.ci_laag, c.ci_hoog) == (0.2, 0.2)
    assert c.mediaan_verandering == 0.2
    # one shared mid-rank 6.5 for all twelve, all positive: only "all +" and "all -" are as extreme
    assert c.p_waarde == pytest.approx(2 / 2**12)
    assert c.methode == "exact"


def test_only_people_measured_twice_count():
    before = pd.Series({"a": 5.0, "b": 6.0, "c": None})
    after = pd.Series({"a": 7.0, "c": 9.0, "d": 1.0})
    c = paired_change(before, after)
    assert (c.n, c.gemiddeld_voor, c.gemiddeld_na, c.verandering) == (1, 5.0, 7.0, 2.0)


def test_nobody_measured_twice():
    c = paired_change(pd.Series({"a": 5.0}), pd.Series({"b": 6.0}))
    assert c == PairedChange(0, None, None, None, None)


def test_no_change_is_a_positive_zero():
    # 0.3 - (0.1 + 0.2) is -5.6e-17; rounded it is zero, and not "-0,0" in a report
    before = pd.Series({"a": 0.1 + 0.2})
    after = pd.Series({"a": 0.3})
    c = paired_change(before, after)
    assert c.verandering == 0.0 and math.copysign(1.0, c.verandering) == 1.0
    assert math.copysign(1.0, rounded_differences([0.3 - (0.1 + 0.2)])[0]) == 1.0


def test_wilcoxon_is_none_when_nothing_changed():
    assert wilcoxon_test(np.zeros(12)) == (None, None)
    # differences that are zero only up to floating-point noise (means of items) are zero too
    assert wilcoxon_test(np.full(12, (0.1 + 0.2) - 0.3)) == (None, None)


def test_floating_point_noise_does_not_change_p():
    # The example: one person from 6,3 to 6,1, one from 8,1 to 8,3, one from 7 to 8.
    d = np.array([6.1, 8.3, 8.0]) - np.array([6.3, 8.1, 7.0])
    assert d[0] != -d[1]  # -0.20000000000000018 and 0.20000000000000107
    # Rounded: |d| = 0.2, 0.2, 1 -> mid-ranks 1.5, 1.5, 3 (doubled 3, 3, 6; total 12, centre 6).
    # Observed doubled T+ = 3 + 6 = 9, |9 - 6| = 3, so extreme means doubled T+ <= 3 or >= 9.
    # Subset sums of {3, 3, 6}: 0, 3, 3, 6, 6, 9, 9, 12 -> 6 of 8 extreme: p = 0.75.
    # (Unrounded the ranks would be 1 (negative), 2, 3: T+ = 5, T+ <= 1 or >= 5 for 4 of 8: p = 0.5.)
    assert wilcoxon_test(d) == (pytest.approx(0.75), "exact")
    # A zero hidden by noise: 0.1 + 0.2 - 0.3 is 5.6e-17, dropped once rounded. Left are two
    # positive differences with ranks 1, 2: T+ = 3 is the maximum, extreme for 2 of 4 flips: p = 0.5
    # (with the noise kept as a third positive difference it would be 2 of 8).
    assert wilcoxon_test([(0.1 + 0.2) - 0.3, 1.0, 2.0]) == (pytest.approx(0.5), "exact")


def test_exact_test_without_ties_worked_by_hand():
    # ranks 1..5, the largest (the last) negative: T+ = 1 + 2 + 3 + 4 = 10, total 15, centre 7.5.
    # |T+ - 7.5| >= 2.5 means T+ <= 5 or T+ >= 10. Subsets of {1..5} with sum <= 5:
    # {}, {1}, {2}, {3}, {4}, {5}, {1,2}, {1,3}, {1,4}, {2,3}: 10, and by symmetry 10 with sum >= 10.
    assert wilcoxon_test(np.array([1.0, 2.0, 3.0, 4.0, -5.0])) == (pytest.approx(20 / 32), "exact")
    # only the smallest negative: T+ = 14, so T+ <= 1 or >= 14: {}, {1}, {2,3,4,5}, all: p = 4/32
    assert wilcoxon_test(np.array([-1.0, 2.0, 3.0, 4.0, 5.0])) == (pytest.approx(4 / 32), "exact")
    # all negative: T+ = 0, the last sign flip of the enumeration: only {} and all are as extreme
    assert exact_signed_rank_p(np.array([-0.5, -1.5, -2.5, -3.5])) == pytest.approx(2 / 16)
    assert exact_signed_rank_p(np.array([-1.0, 2.0, 3.0, 4.0, 5.0])) == pytest.approx(
        sps.wilcoxon([-1.0, 2.0, 3.0, 4.0, 5.0], method="exact").pvalue
    )


def test_exact_test_with_ties_worked_by_hand():
    # |d| mid-ranks: 0.5 -> 1, the four 1's -> 3.5, the two 2's -> 6.5, 3 -> 8; total 36, centre 18.
    # Observed T+ = 36 - 3.5 = 32.5, so |T+ - 18| >= 14.5 means T+ <= 3.5 or T+ >= 32.5.
    # T+ <= 3.5 for 6 of the 256 sign flips (none, the 0.5, or one of the four 1's); by symmetry 6 more.
    diff = np.array([1.0, 1.0, 2.0, -1.0, 3.0, 2.0, 0.5, 1.0])
    assert exact_signed_rank_p(diff) == pytest.approx(12 / 256)
    assert wilcoxon_test(diff) == (pytest.approx(12 / 256), "exact")
    # zeros are dropped before ranking, also when exact_signed_rank_p is called directly
    assert exact_signed_rank_p(np.append(diff, [0.0, 0.0])) == pytest.approx(12 / 256)


def test_large_samples_use_the_normal_approximation():
    diff = np.tile([1.0, 2.0, -1.0, 3.0], 13)  # 52 pairs: beyond the exact limit of 50
    p, method = wilcoxon_test(diff)
    assert method == "normaal"
    assert p == pytest.approx(sps.wilcoxon(diff, method="approx", correction=True).pvalue)
    assert p != pytest.approx(sps.wilcoxon(diff, method="approx", correction=False).pvalue)
    # 50 pairs with ties: still exact; 51 is the first normal one; zeros do not count
    fifty = np.tile([1.0, 2.0, -1.0, 3.0, 2.0], 10)
    assert wilcoxon_test(fifty)[1] == "exact"
    assert wilcoxon_test(np.append(fifty, 1.0))[1] == "normaal"
    assert wilcoxon_test(np.append(fifty, [0.0, 0.0]))[1] == "exact"


one_decimal = st.integers(10, 100).map(lambda k: k / 10)  # grades 1,0 .. 10,0
item_means = st.lists(st.integers(1, 5), min_size=3, max_size=3).map(lambda items: float(np.mean(items)))


def _assert_as_scipy(before: list[float], after: list[float]) -> None:
    raw = np.array(after) - np.array(before)
    p, method = wilcoxon_test(raw)
    d = rounded_differences(raw)
    nonzero = d[d != 0]
    if len(nonzero) == 0:
        assert (p, method) == (None, None)
        return
    assert method == "exact"
    if len(nonzero) == 1:
        assert p == 1.0  # one difference: both signs are as extreme
        return
    expected = sps.wilcoxon(nonzero, method=sps.PermutationMethod(n_resamples=np.inf)).pvalue
    assert p == pytest.approx(expected, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(one_decimal, one_decimal), min_size=1, max_size=10))
def test_exact_p_equals_scipy_permutation_for_one_decimal_grades(pairs):
    before, after = zip(*pairs, strict=True)
    _assert_as_scipy(list(before), list(after))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(item_means, item_means), min_size=1, max_size=10))
def test_exact_p_equals_scipy_permutation_for_spinnenweb_means(pairs):
    before, after = zip(*pairs, strict=True)
    _assert_as_scipy(list(before), list(after))


def test_exact_p_equals_scipy_permutation_for_twelve_tied_pairs():
    # twelve one-decimal grades with ties hidden by floating-point noise (beyond the sizes hypothesis tries)
    before = [6.1, 8.1, 7.1, 5.5, 6.3, 7.0, 8.8, 6.1, 5.9, 7.4, 6.6, 7.7]
    after = [6.3, 8.3, 7.1, 5.9, 6.1, 7.4, 9.2, 6.9, 6.1, 7.0, 7.0, 8.1]
    _assert_as_scipy(before, after)


def test_holm_worked_example():
    # sorted 0.01, 0.03, 0.04 with m = 3: 0.03, 0.06, max(0.06, 0.04) = 0.06
    assert holm([0.01, 0.04, None, 0.03]) == pytest.approx([0.03, 0.06, None, 0.06])
    assert holm([0.6, 0.5]) == pytest.approx([1.0, 1.0])
    assert holm([]) == []
    assert holm([None]) == [None]


def test_holm_caps_at_one():
    # sorted 0.01, 0.6, 0.7 with m = 3: 0.03, 2 * 0.6 = 1.2 -> capped at 1, then max(1, 0.7) = 1
    assert holm([0.6, 0.7, 0.01]) == pytest.approx([1.0, 1.0, 0.03])
    # a single test is not adjusted
    assert holm([0.2]) == pytest.approx([0.2])
