"""Paired before/after statistics shared by welbevinden and the spinnenweb.

Small groups are the rule in a proeftuin, so below ``MIN_PAIRS_FOR_TESTS`` pairs
we only describe (n, means, median) and claim nothing about significance.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

MIN_PAIRS_FOR_TESTS = 10
BOOTSTRAP_RESAMPLES = 9999
SEED = 20160905  # fixed, so the same data always gives the same interval


@dataclass(frozen=True)
class PairedChange:
    """Change after - before over the people measured at both moments."""

    n: int
    gemiddeld_voor: float | None
    gemiddeld_na: float | None
    verandering: float | None  # mean of the differences
    mediaan_verandering: float | None
    ci_laag: float | None = None  # 95% bootstrap interval of the mean difference
    ci_hoog: float | None = None
    p_waarde: float | None = None  # Wilcoxon signed-rank, two-sided
    p_holm: float | None = None
    methode: str | None = None  # how p_waarde was computed: "exact" or "normaal"

    def as_dict(self) -> dict:
        return asdict(self)


def paired_change(before: pd.Series, after: pd.Series) -> PairedChange:
    """``before`` and ``after`` are indexed by person; only people with both count."""
    pairs = pd.concat({"voor": before, "na": after}, axis=1, join="inner").dropna()
    n = len(pairs)
    if n == 0:
        return PairedChange(0, None, None, None, None)
    diff = rounded_differences((pairs["na"] - pairs["voor"]).to_numpy(dtype=float))
    result = dict(
        n=n,
        gemiddeld_voor=float(pairs["voor"].mean()),
        gemiddeld_na=float(pairs["na"].mean()),
        verandering=float(diff.mean()),
        mediaan_verandering=float(np.median(diff)),
    )
    if n >= MIN_PAIRS_FOR_TESTS:
        result["ci_laag"], result["ci_hoog"] = bootstrap_mean_ci(diff)
        result["p_waarde"], result["methode"] = wilcoxon_test(diff)
    return PairedChange(**result)


def bootstrap_mean_ci(values: np.ndarray, seed: int = SEED) -> tuple[float, float]:
    """95% percentile bootstrap interval of the mean, seeded so a report is reproducible."""
    if np.all(values == values[0]):
        return float(values[0]), float(values[0])
    from scipy import stats as sps  # scipy.stats takes 0,3 s to import: only when a test runs

    res = sps.bootstrap(
        (values,),
        np.mean,
        n_resamples=BOOTSTRAP_RESAMPLES,
        confidence_level=0.95,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


EXACT_UP_TO = 50  # pairs; above this the normal approximation (with tie and continuity correction)
DECIMALS = 9  # differences are rounded to this many decimals before ranking (see ``rounded_differences``)


def rounded_differences(diff) -> np.ndarray:
    """Differences with floating-point noise removed, so 6,3 - 6,1 and 8,3 - 8,1 tie and 7,1 - 7,1 is zero.

    Grades have at most a few decimals and spinnenweb domain scores are means of
    items, so nothing real lives below the ninth decimal.
    """
    return np.round(np.asarray(diff, dtype=float), DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


def wilcoxon_test(diff) -> tuple[float | None, str | None]:
    """Two-sided Wilcoxon signed-rank p (zeros dropped, mid-ranks for ties) and its method.

    ``exact``: the permutation distribution of the signed-rank sum over all sign
    flips, computed by counting (so it is exact with ties, up to ``EXACT_UP_TO``
    pairs); ``normaal``: the normal approximation with tie and continuity
    correction beyond that. ``(None, None)`` when every difference is zero.
    """
    d = rounded_differences(diff)
    nonzero = d[d != 0]
    if len(nonzero) == 0:
        return None, None
    if len(nonzero) <= EXACT_UP_TO:
        return exact_signed_rank_p(nonzero), "exact"
    from scipy import stats as sps  # scipy.stats takes 0,3 s to import: only when a test runs

    result = sps.wilcoxon(nonzero, alternative="two-sided", method="approx", correction=True)
    return float(result.pvalue), "normaal"


def exact_signed_rank_p(diff: np.ndarray) -> float:
    """Exact two-sided p of the signed-rank sum T+ with mid-ranks.

    Mid-ranks are multiples of 1/2, so doubled they are whole numbers and the
    number of sign flips giving each doubled T+ is counted by dynamic
    programming (a subset-sum count) instead of enumerating 2**n flips.
    p = P(|T+ - E T+| >= |t+ - E T+|) under random signs.
    """
    d = rounded_differences(diff)
    d = d[d != 0]
    from scipy import stats as sps  # scipy.stats takes 0,3 s to import: only when a test runs

    doubled = np.rint(2 * sps.rankdata(np.abs(d))).astype(np.int64)
    total = int(doubled.sum())
    ways = np.zeros(total + 1, dtype=np.float64)  # counts up to 2**50 are exact in float64
    ways[0] = 1.0
    reach = 0
    for r in doubled:
        r = int(r)
        ways[r : reach + r + 1] += ways[: reach + 1].copy()
        reach += r
    observed = int(doubled[d > 0].sum())
    distance = abs(2 * observed - total)  # |T+ - total/2|, doubled twice: stays whole
    t = np.arange(total + 1)
    extreme = np.abs(2 * t - total) >= distance
    return float(ways[extreme].sum() / ways.sum())  # whole counts below 2**53: exact, never above 1


def holm(p_values: list[float | None]) -> list[float | None]:
    """Holm-Bonferroni adjusted p-values; None stays None and does not count as a test."""
    tested = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    m = len(tested)
    adjusted: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(tested):
        running = max(running, min(1.0, (m - rank) * p))
        adjusted[i] = running
    return adjusted
