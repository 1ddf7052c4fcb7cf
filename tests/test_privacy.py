import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from leergeschiedenis import privacy
from leergeschiedenis.privacy import (
    HERLEIDBAAR,
    TE_WEINIG,
    Figure,
    gate_crosstab,
    gate_dataclass,
    gate_frame,
    gate_value,
    jsonable,
    protect_published,
    reason_text,
    suppressed_text,
    too_small,
)
from leergeschiedenis.stats import PairedChange


def test_statistic_about_too_few_people_is_suppressed():
    assert gate_value(7.5, 4, 5) is None
    assert gate_value(7.5, 5, 5) == 7.5
    assert gate_value(7.5, None, 5) is None
    assert suppressed_text(5) == "minder dan 5 personen"


def test_too_small_with_odd_counts():
    assert too_small(1, 5) and too_small(0, 5) and too_small(None, 5)
    assert not too_small(5, 5) and not too_small(6, 5)
    assert too_small(4.5, 5)  # a decimal count (a weighted n) below the minimum
    assert not too_small(5.0, 5) and not too_small(5.5, 5)
    assert too_small(float("nan"), 5) and too_small(np.float64("nan"), 5)  # unknown is not enough
    assert gate_value(7.5, float("nan"), 5) is None and gate_value(7.5, 4.9, 5) is None


def test_reason_text_says_why():
    assert reason_text(TE_WEINIG, 5) == "minder dan 5 personen"
    assert reason_text(None, 3) == "minder dan 3 personen"
    assert reason_text(HERLEIDBAAR, 5) == "verborgen omdat anders een kleine groep te herleiden is"


def test_dataclass_keeps_only_its_count():
    change = PairedChange(3, 4.0, 9.0, 5.0, 5.0)
    gated = gate_dataclass(change, 5)
    assert gated.n == 3
    assert all(v is None for k, v in dataclasses.asdict(gated).items() if k != "n")
    assert gate_dataclass(change, 3) == change
    assert gate_dataclass(change, 4) == PairedChange(3, None, None, None, None)


def test_dataclass_with_another_count_field():
    @dataclasses.dataclass(frozen=True)
    class Score:
        personen: int
        n: float | None
        gemiddeld: float | None

    assert gate_dataclass(Score(2, 9.0, 7.0), 5, n_field="personen") == Score(2, None, None)
    assert gate_dataclass(Score(6, 1.0, 7.0), 5, n_field="personen") == Score(6, 1.0, 7.0)


def test_gate_frame_masks_rows_with_small_n():
    frame = pd.DataFrame({"n": [2, 5, 9], "mediaan": [10.0, 12.0, 14.0], "q1": [1.0, 2.0, 3.0]})
    gated = gate_frame(frame, 5, ["mediaan", "q1"])
    assert gated["mediaan"].isna().tolist() == [True, False, False]
    assert gated["q1"].tolist()[1:] == [2.0, 3.0]
    assert gated["n"].tolist() == [2, 5, 9]  # the count itself stays
    assert frame["mediaan"].tolist() == [10.0, 12.0, 14.0]  # the input is left alone


def test_gate_frame_with_unknown_n_and_another_count_column():
    frame = pd.DataFrame({"personen": [np.nan, 4.0, 6.0], "x": [1, 2, 3], "y": [7, 8, 9]})
    gated = gate_frame(frame, 5, ["x"], n_column="personen")
    assert gated["x"].isna().tolist() == [True, True, False]
    assert gated["x"].dtype == "float64" and gated.loc[2, "x"] == 3.0
    assert gated["y"].tolist() == [7, 8, 9]  # not a value column


def test_gated_values_are_nan_not_zero():
    gated = gate_frame(pd.DataFrame({"n": [1], "x": [0.0]}), 5, ["x"])
    assert np.isnan(gated.loc[0, "x"])


def test_jsonable():
    assert jsonable(None) is None
    assert jsonable(np.int64(7)) == 7 and type(jsonable(np.int64(7))) is int
    assert jsonable(np.float64("nan")) is None and jsonable(float("nan")) is None
    assert jsonable(np.float32(2.5)) == 2.5 and type(jsonable(np.float32(2.5))) is float
    assert type(jsonable(np.float64(1.5))) is float
    assert jsonable("GGZ") == "GGZ" and jsonable(3) == 3


# ---- group protection: figures that add up ------------------------------------------------------


def people(*numbers: int) -> frozenset:
    return frozenset(numbers)


def span(first: int, last: int) -> frozenset:
    return frozenset(range(first, last + 1))


def protect_groups(groups, min_n, partitions=(), breakdowns=(), pools=()):
    """The round-2 cases, declared for ``protect_published``: a pool is one variable; a breakdown's parts
    are variables of their own (a financier's costs), its total the sum of them and of the rest."""
    variable = {k: "x" for k in groups}
    for i, pool in enumerate(pools):
        variable.update(dict.fromkeys(pool, f"pool{i}"))
    for k in groups:
        if not any(k in pool for pool in pools) and not any(k == t or k in ps for t, ps in (*partitions, *breakdowns)):
            variable[k] = f"alone:{k}"
    rows = {k: frozenset((variable[k], p) for p in g) for k, g in groups.items()}
    depends = {}
    for total, parts in breakdowns:
        for part in parts:
            rows[part] = frozenset((part, p) for p in groups[part])
            depends[part] = total
        covered = frozenset().union(*(groups[p] for p in parts))
        rows[total] = frozenset().union(*(rows[p] for p in parts)) | frozenset((total, p) for p in groups[total] - covered)
    figures = [Figure(k, (rows[k],), niveau=0 if any(k == t for t, _ in (*partitions, *breakdowns)) else 1) for k in groups]
    return protect_published(figures, min_n, [*partitions, *breakdowns], depends)


def test_partition_with_a_small_remainder_hides_the_smallest_published_part():
    # overall 14 = A 6 + B 6 + C 2: overall minus A and B would give C's 2 people, so one more part
    # goes; A and B are equally large, the tie is broken by name: A. A + C hold 8 >= 5 together.
    groups = {"alle": span(1, 14), "A": span(1, 6), "B": span(7, 12), "C": people(13, 14)}
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])])
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": None, "C": TE_WEINIG}
    # listed the other way round, still A: ties go by name, not by position
    reasons = protect_groups(groups, 5, partitions=[("alle", ["C", "B", "A"])])
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": None, "C": TE_WEINIG}
    # a remainder of a single person counts too: 13 = 6 + 6 + 1
    groups = {"alle": span(1, 13), "A": span(1, 6), "B": span(7, 12), "C": people(13)}
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])])
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": None, "C": TE_WEINIG}
    # the smallest published part goes, not the first: here B (5) is smaller than A (7)
    groups = {"alle": span(1, 14), "A": span(1, 7), "B": span(8, 12), "C": people(13, 14)}
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])])
    assert reasons == {"alle": None, "A": None, "B": HERLEIDBAAR, "C": TE_WEINIG}


def test_partition_remainder_of_zero_or_enough_people_hides_nothing():
    groups = {"alle": span(1, 12), "A": span(1, 6), "B": span(7, 12)}
    assert protect_groups(groups, 5, partitions=[("alle", ["A", "B"])]) == dict.fromkeys(groups)
    # the hidden parts hold exactly the minimum together (2 + 3 = 5): nothing more is hidden
    groups = {"alle": span(1, 17), "A": span(1, 6), "B": span(7, 12), "C": people(13, 14), "D": span(15, 17)}
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C", "D"])])
    assert reasons == {"alle": None, "A": None, "B": None, "C": TE_WEINIG, "D": TE_WEINIG}


def test_breakdown_with_overlapping_parts_counts_people_once():
    # costs per financier: F2 and F3 (2 people each, sharing person 6) are hidden; together they are
    # about 3 people (5, 6, 7), not 4, so with a minimum of 4 one more financier goes: F1 (5 < 8).
    groups = {"T": span(1, 8), "F1": span(1, 5), "F2": people(5, 6), "F3": people(6, 7), "F4": span(1, 8)}
    reasons = protect_groups(groups, 4, breakdowns=[("T", ["F1", "F2", "F3", "F4"])])
    assert reasons == {"T": None, "F1": HERLEIDBAAR, "F2": TE_WEINIG, "F3": TE_WEINIG, "F4": None}


def test_a_hidden_total_hides_the_figures_shown_with_it():
    # overall = A 6 + B 2: A is hidden (secondary), and A's costs per financier go with it (``depends``),
    # or F1 + F2 would give A's total again.
    alle, a, b = (Figure(k, (_row("x", g),), n) for k, g, n in (("alle", range(8), 0), ("A", range(6), 1), ("B", (6, 7), 1)))
    f1, f2 = Figure("A/F1", (_row("F1", range(6)),), 2), Figure("A/F2", (_row("F2", range(5)),), 2)
    reasons = protect_published([alle, a, b, f1, f2], 5, [("alle", ["A", "B"])], {"A/F1": "A", "A/F2": "A"})
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": TE_WEINIG, "A/F1": HERLEIDBAAR, "A/F2": HERLEIDBAAR}


def test_a_total_over_enough_people_stays_although_its_parts_are_too_small():
    # two financiers (people 1, 2 and 2, 3) too small; the total is about 6 people's costs, and
    # nothing shown can be subtracted from it: published (round 2 hid it: "total minus nothing")
    parts = [Figure("F1", (_row("F1", (1, 2)),), 1), Figure("F2", (_row("F2", (2, 3)),), 1)]
    total = Figure("T", (_row("F1", (1, 2)) | _row("F2", (2, 3)) | _row("rest", (4, 5, 6)),))
    assert protect_published([total, *parts], 5, [("T", ["F1", "F2"])]) == {"T": None, "F1": TE_WEINIG, "F2": TE_WEINIG}
    # with F1 over 5 people shown, T minus F1 leaves F2's and the rest's people 2, 3 and 6: F1 goes
    wide = Figure("F1", (_row("F1", range(1, 6)),), 1)
    total = Figure("T", (_row("F1", range(1, 6)) | _row("F2", (2, 3)) | _row("rest", (6,)),))
    assert protect_published([total, wide, parts[1]], 5, [("T", ["F1", "F2"])]) == {"T": None, "F1": HERLEIDBAAR, "F2": TE_WEINIG}


def test_pool_nested_groups_that_differ_by_a_few_hide_the_smaller():
    # a role group of 6 inside an organisation of 8: the difference is about 2 people
    groups = {"org": span(1, 8), "rol": span(1, 6)}
    assert protect_groups(groups, 5, pools=[["org", "rol"]]) == {"org": None, "rol": HERLEIDBAAR}
    assert protect_groups(groups, 5, pools=[["rol", "org"]]) == {"org": None, "rol": HERLEIDBAAR}
    # one person apart
    groups = {"org": span(1, 7), "rol": span(1, 6)}
    assert protect_groups(groups, 5, pools=[["org", "rol"]]) == {"org": None, "rol": HERLEIDBAAR}
    # exactly the minimum apart, the same people, or not nested: nothing to derive
    for rol in (span(1, 5), span(1, 10), span(6, 11)):
        groups = {"org": span(1, 10), "rol": rol}
        assert protect_groups(groups, 5, pools=[["org", "rol"]]) == {"org": None, "rol": None}
    # without the pool the two are judged alone
    groups = {"org": span(1, 8), "rol": span(1, 6)}
    assert protect_groups(groups, 5) == {"org": None, "rol": None}


def test_pool_against_what_a_partition_leaves():
    # overall 12 = A 6 + B 4 + C 2: B and C are too small, and overall minus A gives their 6 people
    # (7..12) together, which is allowed; a published role group of people 7..13 would then give
    # person 13 away.
    groups = {"alle": span(1, 12), "A": span(1, 6), "B": span(7, 10), "C": people(11, 12), "rol": span(7, 13)}
    pool = [["alle", "A", "B", "C", "rol"]]  # one quantity: the partition's rest is compared with the role group
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])], pools=pool)
    # the role group minus (overall minus A) is person 13: one of A (6) and the role group (7) goes, the smaller
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": TE_WEINIG, "C": TE_WEINIG, "rol": None}
    # a rest is compared only with groups of its own quantity
    other = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])], pools=[["rol"]])
    assert other["rol"] is None
    # ... and one inside the derivable rest: people 7..11, one short of it
    groups["rol"] = span(7, 11)
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])], pools=pool)
    assert reasons["rol"] == HERLEIDBAAR
    # far enough from it: people 1..12 (the rest plus 6) is the overall itself, which is published
    groups["rol"] = span(1, 12)
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])], pools=[["rol"]])
    assert reasons["rol"] is None


def test_every_partition_is_judged_after_a_hidden_total():
    # the first partition's total is too small (its part goes with it); the second still needs its
    # secondary suppression
    groups = {
        "klein": span(1, 3),
        "klein/x": span(1, 3),
        "alle": span(1, 14),
        "A": span(1, 6),
        "B": span(7, 12),
        "C": people(13, 14),
    }
    reasons = protect_groups(groups, 5, partitions=[("klein", ["klein/x"]), ("alle", ["A", "B", "C"])])
    assert reasons == {
        "klein": TE_WEINIG,
        "klein/x": TE_WEINIG,
        "alle": None,
        "A": HERLEIDBAAR,
        "B": None,
        "C": TE_WEINIG,
    }


def test_group_protection_runs_until_nothing_changes():
    # hiding A for the partition makes the pool of A's role groups matter only through what is left:
    # the second round hides R1 (inside the published R2, 1 apart) — suppression only grows.
    groups = {
        "alle": span(1, 14),
        "A": span(1, 6),
        "B": span(7, 12),
        "C": people(13, 14),
        "R1": span(1, 6),
        "R2": span(1, 7),
    }
    reasons = protect_groups(groups, 5, partitions=[("alle", ["A", "B", "C"])], pools=[["R2", "R1"]])
    assert reasons == {
        "alle": None,
        "A": HERLEIDBAAR,
        "B": None,
        "C": TE_WEINIG,
        "R1": HERLEIDBAAR,
        "R2": None,
    }


def protect_cumulative(groups_by_year, min_n):
    """Years judged in order as their reports appear: each against the years published before, fixed."""
    published, out = [], {}
    for year in sorted(groups_by_year):
        earlier = [Figure(y, (_row("s", g),), fixed=True) for y, g in published]
        out[year] = protect_published([*earlier, Figure(year, (_row("s", groups_by_year[year]),))], min_n)[year]
        if out[year] is None:
            published.append((year, groups_by_year[year]))
    return out


def test_protect_cumulative_judges_years_in_order():
    by_year = {
        2018: span(1, 11),  # given in any order: judged after 2016 and 2017
        2016: span(1, 8),
        2015: people(1, 2),  # too few
        2017: span(1, 10),  # 2 newcomers: 2017 minus 2016 would describe them
        2019: span(3, 13),  # 2 joined and 2 left since 2018: 4 people differ
        2020: span(1, 18),
    }
    reasons = protect_cumulative(by_year, 5)
    assert reasons == {
        2015: TE_WEINIG,
        2016: None,  # never hidden afterwards: its report is already out
        2017: HERLEIDBAAR,
        2018: HERLEIDBAAR,  # 11 - 8 = 3 newcomers against 2016
        2019: None,  # against 2016 (the only published year): 1, 2 left and 9..13 joined, 7 people
        2020: None,
    }
    assert list(reasons) == sorted(by_year)


def test_protect_cumulative_counts_leavers_too():
    # two people dropped out since the published year before: the difference is about them
    reasons = protect_cumulative({2016: span(1, 8), 2017: span(3, 8)}, 5)
    assert reasons == {2016: None, 2017: HERLEIDBAAR}
    # the same people again, or enough new ones
    assert protect_cumulative({2016: span(1, 8), 2017: span(1, 8), 2018: span(1, 13)}, 5) == {
        2016: None,
        2017: None,
        2018: None,
    }
    # one newcomer against the last published year, even if the first is far enough away
    reasons = protect_cumulative({2016: span(1, 6), 2017: span(1, 12), 2018: span(1, 13)}, 5)
    assert reasons == {2016: None, 2017: None, 2018: HERLEIDBAAR}
    assert protect_cumulative({}, 5) == {}
    # exactly the minimum is enough, one fewer is not
    assert protect_cumulative({2016: span(1, 5), 2017: span(1, 4)}, 5) == {2016: None, 2017: TE_WEINIG}


# ---- cross-tabulations of a sensitive attribute -------------------------------------------------


def lp_bounds(values: np.ndarray, hidden: np.ndarray) -> dict[tuple[int, int], tuple[float, float]]:
    """Lowest and highest value of every hidden cell given the shown cells and the row and column
    totals: the hidden cells of each line add up to its total minus its shown cells (counts >= 0)."""
    cells = [tuple(int(i) for i in cell) for cell in np.argwhere(hidden)]
    if not cells:
        return {}
    constraints, sums = [], []
    for axis in (0, 1):
        for line in range(values.shape[axis]):
            members = [i for i, cell in enumerate(cells) if cell[axis] == line]
            if members:
                coefficients = np.zeros(len(cells))
                coefficients[members] = 1.0
                constraints.append(coefficients)
                sums.append(sum(values[cells[i]] for i in members))
    bounds = {}
    for i, cell in enumerate(cells):
        goal = np.zeros(len(cells))
        goal[i] = 1.0
        low = linprog(goal, A_eq=np.array(constraints), b_eq=sums, bounds=(0, None), method="highs")
        high = linprog(-goal, A_eq=np.array(constraints), b_eq=sums, bounds=(0, None), method="highs")
        assert low.status == 0 and high.status == 0
        bounds[cell] = (low.fun, -high.fun)
    return bounds


def pinned(values: np.ndarray, hidden: np.ndarray, min_n: int) -> list[tuple[int, int]]:
    """Hidden cells of 1 .. min_n - 1 whose value the published table determines."""
    return [c for c, (lo, hi) in lp_bounds(values, hidden).items() if 0 < values[c] < min_n and hi - lo < 0.5]


def hidden_line_sums_ok(values: np.ndarray, hidden: np.ndarray, min_n: int) -> bool:
    for axis in (0, 1):
        sums = np.where(hidden, values, 0).sum(axis=axis)
        whole = hidden.all(axis=axis)
        if any(0 < s < min_n and not w for s, w in zip(sums, whole, strict=True)):
            return False
    return True


def test_crosstab_without_small_counts_is_unchanged():
    counts = pd.DataFrame({"a": [5, 0], "b": [6, 7]})
    assert gate_crosstab(counts, 5).equals(counts.astype("float64"))
    assert gate_crosstab(pd.DataFrame(), 5).empty


def test_crosstab_hides_a_count_of_one():
    # One person in r1·a. Its column partner is the 9, its row partner the 8; but r2·a = 9 then stands
    # alone in row r2 (9 of 16 shown as 7), and column a gives r1·a = 10 - 9 = 1. Hiding the 12 leaves
    # r3·a alone in row r3, so r2's 7 goes too; then with t = r1·a: r2·a = 10 - t, r1·b = 9 - t,
    # r2·b = 6 + t, for any t from 0 to 9. Only r3·b = 10 stays.
    # The audit widens where a pin comes from (the line with the fewest hidden cells first), so the
    # 2 x 2 block of r1 and r2 suffices: with t = r1·a, r1·b = 9 - t, r2·a = 10 - t, r2·b = 6 + t for any
    # t from 0 to 9, and row r3 stays shown whole (12 and 10).
    counts = pd.DataFrame({"a": [1, 9, 12], "b": [8, 7, 10]}, index=["r1", "r2", "r3"])
    gated = gate_crosstab(counts, 5)
    assert gated.isna().to_numpy().tolist() == [[True, True], [True, True], [False, False]]
    hidden = gated.isna().to_numpy()
    assert lp_bounds(counts.to_numpy(float), hidden)[(0, 0)] == pytest.approx((0.0, 9.0))
    assert hidden_line_sums_ok(counts.to_numpy(float), hidden, 5)
    assert gated.where(~gated.isna(), counts).equals(counts.astype("float64"))  # shown cells unchanged
    # the boundary: min_n - 1 is hidden, min_n is not
    assert np.isnan(gate_crosstab(pd.DataFrame({"a": [4, 9], "b": [9, 9]}), 5).loc[0, "a"])
    assert gate_crosstab(pd.DataFrame({"a": [5, 9], "b": [9, 9]}), 5).notna().all().all()


def test_crosstab_hidden_cell_alone_in_its_column():
    # GGZ·wonen = 2 is small; column wonen has no other non-zero count. Hiding a zero beside it is not
    # enough: rows GGD and Wonen show 9 and 7 of their totals 9 and 7, so their hidden wonen cells are 0,
    # and the column total 2 then gives GGZ·wonen = 2. Once GGD·werk (9) is hidden too, with x = GGZ·wonen:
    # GGZ·werk = 8 - x, GGD·werk = 7 + x, GGD·wonen = 2 - x, so x can be anything from 0 to 2.
    counts = pd.DataFrame({"wonen": [2, 0, 0], "werk": [6, 9, 7]}, index=["GGZ", "GGD", "Wonen"])
    values = counts.to_numpy(float)
    before_audit = np.array([[True, True], [True, False], [True, False]])
    assert hidden_line_sums_ok(values, before_audit, 5)  # the sum rule alone does not see it
    assert pinned(values, before_audit, 5) == [(0, 0)]
    gated = gate_crosstab(counts, 5)
    assert gated.isna().to_dict("list") == {"wonen": [True, True, True], "werk": [True, True, False]}
    assert gated.loc["Wonen", "werk"] == 7
    assert lp_bounds(values, gated.isna().to_numpy())[(0, 0)] == pytest.approx((0.0, 2.0))


def test_crosstab_hidden_cell_bridging_two_hidden_blocks():
    # Two blocks of small counts (2's, min 3), each line's hidden cells summing to 4 or 5, joined by r2·c3 = 1.
    # Rows r1 + r2 hide 4 + 5 = 9, columns c1 + c2 hide 4 + 4 = 8 of the same block plus the bridge,
    # so the bridge is 9 - 8 = 1 exactly. Hiding column c3 whole (its 10s in r1 too) breaks that: the
    # bridge then trades with r1·c3 inside rows r1 and r2, so it can be anything from 0 to 5.
    v = np.full((4, 4), 10)
    v[0:2, 0:2] = 2
    v[2:4, 2:4] = 2
    v[1, 2] = 1
    counts = pd.DataFrame(v, index=["r1", "r2", "r3", "r4"], columns=["c1", "c2", "c3", "c4"])
    values = counts.to_numpy(float)
    primary = (values > 0) & (values < 3)
    assert hidden_line_sums_ok(values, primary, 3)
    assert pinned(values, primary, 3) == [(1, 2)]
    gated = gate_crosstab(counts, 3)
    # (now the third column is hidden whole instead of the rest of row r2: the same ten cells' worth)
    assert gated.isna().to_numpy().tolist() == [
        [True, True, True, False],
        [True, True, True, False],
        [False, False, True, True],
        [False, False, True, True],
    ]
    assert lp_bounds(values, gated.isna().to_numpy())[(1, 2)] == pytest.approx((0.0, 5.0))


def test_crosstab_worked_by_hand():
    counts = pd.DataFrame({"wonen": [12, 3, 0], "financien": [8, 9, 6], "werk": [7, 10, 5]}, index=["GGZ", "GGD", "Wonen"])
    gated = gate_crosstab(counts, 5)
    # 3 is small (primary). Column wonen would give it from its total, so 12 goes; row GGD hides its
    # smallest other (9). The audit then widens through the lines with the fewest hidden cells, ending in
    # a cycle of six hidden cells (two per row, two per column): with t = GGD·wonen, every hidden cell
    # moves with t, so t can be anything from 0 to 8 and the 3 is not pinned.
    assert gated.isna().to_dict("list") == {
        "wonen": [True, True, False],
        "financien": [False, True, True],
        "werk": [True, False, True],
    }
    assert gated.loc["GGZ", "financien"] == 8 and gated.loc["GGD", "werk"] == 10
    assert lp_bounds(counts.to_numpy(float), gated.isna().to_numpy())[(1, 0)] == pytest.approx((0.0, 8.0))


def hidden_mask(rows: list[list[int]], min_n: int) -> list[list[bool]]:
    return gate_crosstab(pd.DataFrame(rows), min_n).isna().to_numpy().tolist()


def test_crosstab_columns_need_their_hidden_sum_too():
    # column 0 hides 1 + 2 = 3 < 5: its total minus the shown 9 would give 3 people, so its 9 goes too;
    # rows 0 and 1 each hide their first smallest partner (the 9 in column 1)
    assert hidden_mask([[1, 9, 9], [2, 9, 9], [9, 9, 9]], 5) == [
        [True, True, False],
        [True, True, False],
        [True, False, False],
    ]
    # 2 + 3 = 5 is enough: column 0 keeps its 9
    assert hidden_mask([[2, 9, 9], [3, 9, 9], [9, 9, 9]], 5) == [
        [True, True, False],
        [True, True, False],
        [False, False, False],
    ]


def test_crosstab_counts_of_one_take_their_nonzero_partners():
    # min 3: each 1 is alone in its column; column 1 takes the 11, column 2 the 7, and then every line
    # hides 12 or 8; with t = cell (0, 2): (0, 1) = 12 - t, (1, 2) = 8 - t, (1, 1) = t: nothing is pinned
    assert hidden_mask([[10, 11, 1], [5, 1, 7]], 3) == [[False, True, True], [False, True, True]]


def test_crosstab_a_hidden_count_of_exactly_the_minimum_may_be_known():
    # min 3: the 2 takes the 10 below it and the first 3 beside it; column 0 then pins that 3 (it is
    # alone there), which is allowed (3 people), but row 0 then pins the 2 (5 - 3), so the other 3 goes,
    # and its column needs the 5: with t = the 2, the block moves as t, 5 - t, 12 - t, 3 + t.
    # (now: the 2 x 2 block of the 3, the 2, the 6 and the 10, plus the 5 its column needs)
    rows = [[3, 2, 3], [6, 10, 5]]
    assert hidden_mask(rows, 3) == [[True, True, False], [True, True, True]]
    assert lp_bounds(np.array(rows, dtype=float), np.array(hidden_mask(rows, 3)))[(0, 1)] == pytest.approx((0.0, 5.0))


def test_crosstab_a_count_known_to_be_one_or_two_is_not_pinned():
    # min 3: the two 1's in column 2 (a whole column hidden: 2 is its total anyway); row 0 takes the 3,
    # row 1 has only zeros to add. With t = cell (1, 2): (1, 0) = 1 - t, (0, 0) = 2 + t, (0, 2) = 2 - t,
    # so (0, 2) is 1 or 2 and (1, 2) is 0 or 1: not a single value, nothing more is hidden.
    rows = [[3, 4, 1], [0, 0, 1]]
    assert hidden_mask(rows, 3) == [[True, False, True], [True, True, True]]
    bounds = lp_bounds(np.array(rows, dtype=float), np.array(hidden_mask(rows, 3)))
    assert bounds[(0, 2)] == pytest.approx((1.0, 2.0)) and bounds[(1, 2)] == pytest.approx((0.0, 1.0))


def test_crosstab_audit_prefers_a_nonzero_partner_to_a_zero():
    # min 3: the 2 has only zeros in its row and column, so zeros are hidden around it; row 0 then
    # pins the hidden zero above it (7 shown of 7), so the audit hides the 7, not the zero beside it.
    # With t = the 2: (0, 1) = 2 - t, (0, 0) = 5 + t, (1, 0) = 2 - t.
    assert hidden_mask([[7, 0, 0], [0, 2, 0]], 3) == [[True, True, False], [True, True, True]]


def test_crosstab_one_cell_and_margins_that_give_everything_away():
    # a single organisation and domain: the margins are the count; the cell is hidden all the same
    assert gate_crosstab(pd.DataFrame({"wonen": [2]}, index=["GGZ"]), 5).isna().to_numpy().tolist() == [[True]]
    # row 1 and column 1 add up to 0, so the margins alone say cell (0, 0) = 3: all hidden, nothing to add
    assert hidden_mask([[3, 0], [0, 0]], 5) == [[True, True], [True, True]]


@st.composite
def count_tables(draw):
    rows, cols = draw(st.integers(2, 5)), draw(st.integers(2, 5))
    min_n = draw(st.integers(3, 5))
    cells = draw(st.lists(st.integers(0, 12), min_size=rows * cols, max_size=rows * cols))
    return np.array(cells, dtype=float).reshape(rows, cols), min_n


@settings(max_examples=40, deadline=None)
@given(count_tables())
def test_crosstab_protects_every_small_count(table):
    values, min_n = table
    counts = pd.DataFrame(
        values, index=[f"org{i}" for i in range(values.shape[0])], columns=[f"d{j}" for j in range(values.shape[1])]
    )
    gated = gate_crosstab(counts, min_n)
    hidden = gated.isna().to_numpy()
    assert (gated.to_numpy()[~hidden] == values[~hidden]).all()  # shown cells are the true counts
    assert hidden[(values > 0) & (values < min_n)].all()  # primary suppression
    assert hidden_line_sums_ok(values, hidden, min_n)  # no margin minus shown cells gives 1 .. min - 1
    # No small count is pinned by the table, unless the margins alone pin it (a column total of 1 with
    # the other rows' totals 0, say): no choice of hidden cells can help then.
    found = pinned(values, hidden, min_n)
    if found:
        assert set(found) <= set(pinned(values, np.ones_like(hidden), min_n))


@st.composite
def tables_with_hidden_cells(draw):
    rows, cols = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    cells = draw(st.lists(st.integers(0, 6), min_size=rows * cols, max_size=rows * cols))
    hidden = draw(st.lists(st.booleans(), min_size=rows * cols, max_size=rows * cols))
    return np.array(cells, dtype=float).reshape(rows, cols), np.array(hidden).reshape(rows, cols)


@settings(max_examples=150, deadline=None)
@given(tables_with_hidden_cells())
def test_the_audit_pins_exactly_the_cells_linear_programming_pins(table):
    # the audit walks the cycles of hidden cells instead of solving two linear programs per cell
    # (thousands per table, seconds per dashboard filter): the same cells, for any table and any hidden set
    values, hidden = table
    by_lp = {c for c, (lo, hi) in lp_bounds(values, hidden).items() if values[c] > 0 and hi - lo < 0.5}
    by_cycles = {(int(r), int(c)) for r, c in np.argwhere(hidden) if values[r, c] > 0 and privacy._pinned(values, hidden, r, c)}
    assert by_cycles == by_lp


def test_the_audit_by_hand():
    # hidden: the 2 and the 3 in row 0, the 4 below the 2. Row 0 gives 2 + 3 = 5, column 0 gives 2 + 4 = 6,
    # column 1 gives the 3 alone: pinned, so the 2 is too (5 - 3). The 4 below the 2 then is 6 - 2.
    values = np.array([[2.0, 3.0], [4.0, 9.0]])
    hidden = np.array([[True, True], [True, False]])
    assert [privacy._pinned(values, hidden, r, c) for r, c in [(0, 0), (0, 1), (1, 0)]] == [True, True, True]
    # with the 9 hidden too, t = the 2 moves all four: 2 + t, 3 - t, 4 - t, 9 + t, nothing is pinned
    hidden[1, 1] = True
    assert not any(privacy._pinned(values, hidden, r, c) for r in (0, 1) for c in (0, 1))
    # a hidden zero can only go up: with the 9 shown and the 3 replaced by a hidden 0 beside a hidden 2,
    # row 0 says 2 + 0 = 2 and the 0 cannot go below 0, so nothing moves the 2 (column 1 pins the 0)
    values = np.array([[2.0, 0.0], [4.0, 9.0]])
    hidden = np.array([[True, True], [True, False]])
    assert privacy._pinned(values, hidden, 0, 0)


def test_a_rest_inside_another_total_grows_instead_of_hiding_that_total():
    # overall 1..12 = A 1..7 + B 8..10 + C 11..12: B and C are hidden (too few) and their rest 8..12 holds
    # 5, which is allowed. But 6..12 is the total of a second partition of the same quantity (say a buurt
    # with one organisation D): 6..12 minus the rest 8..12 gives people 6 and 7. A total is never hidden for
    # that, so the rest grows: A goes too, the rest becomes everyone, and nothing is derivable any more.
    groups = {"alle": span(1, 12), "A": span(1, 7), "B": span(8, 10), "C": people(11, 12), "buurt": span(6, 12), "D": span(6, 12)}
    partitions = [("alle", ["A", "B", "C"]), ("buurt", ["D"])]
    reasons = protect_groups(groups, 5, partitions=partitions, pools=[list(groups)])
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": TE_WEINIG, "C": TE_WEINIG, "buurt": None, "D": None}


def test_crosstab_keeps_looking_past_a_line_with_nothing_left_to_hide():
    # GGZ·wonen = 2 and the zero beside it: every cell ends up hidden (the column total 2 is published
    # anyway), and the 2 is not pinned: it can be anything from 0 to 2.
    counts = pd.DataFrame({"wonen": [2, 0], "werk": [6, 8]}, index=["GGZ", "GGD"])
    gated = gate_crosstab(counts, 5)
    assert gated.isna().all().all()
    assert lp_bounds(counts.to_numpy(float), gated.isna().to_numpy())[(0, 0)] == pytest.approx((0.0, 2.0))
    # one small count among thirty organisations costs four hidden cells, not a whole column
    rows = [[2, 9]] + [[7 + i % 6, 8 + i % 5] for i in range(29)]
    assert sum(map(sum, hidden_mask(rows, 5))) == 4


def _row(variable, people):
    return frozenset((variable, p) for p in people)


def test_protect_published_hides_the_more_detailed_of_two_nested_groups():
    from leergeschiedenis.privacy import Figure, protect_published

    org = Figure("org", (_row("x", range(6)),), niveau=1)
    quarter = Figure("kwartaal", (_row("x", range(5)),), niveau=2)
    year = Figure("jaar", (_row("x", range(20)),), niveau=0)
    assert protect_published([org, quarter, year], 5) == {"org": None, "kwartaal": HERLEIDBAAR, "jaar": None}
    # a difference of 5 is enough
    wide = Figure("org", (_row("x", range(10)),), niveau=1)
    assert protect_published([wide, quarter, year], 5) == {"org": None, "kwartaal": None, "jaar": None}


def test_protect_published_finds_the_spinnenweb_triple():
    """Nulmeting mean over 6, follow-up mean over 5, the paired change of those 5 (its nulmeting and
    follow-up means): the sixth person's nulmeting by three figures; the smaller figure goes."""
    from leergeschiedenis.privacy import Figure, protect_published

    nul = Figure("nul", (_row(0, "abcdef"),))
    vervolg = Figure("vervolg", (_row(1, "abcde"),))
    change = Figure("verandering", (_row(0, "abcde"), _row(1, "abcde")))
    reasons = protect_published([nul, vervolg, change], 5)
    assert reasons["nul"] is None and HERLEIDBAAR in (reasons["vervolg"], reasons["verandering"])


def test_protect_published_partition_and_fixed_figures():
    from leergeschiedenis.privacy import Figure, protect_published

    total = Figure("alle", (_row("x", range(14)),))
    parts = [Figure(k, (_row("x", r),), niveau=1) for k, r in (("A", range(6)), ("B", range(6, 12)), ("C", range(12, 14)))]
    reasons = protect_published([total, *parts], 5, partitions=[("alle", ["A", "B", "C"])])
    # C rests on 2; all minus A minus B gives C, so one of A and B (the first by name: equal sizes) goes too
    assert reasons == {"alle": None, "A": HERLEIDBAAR, "B": None, "C": TE_WEINIG}
    earlier = Figure("2017", (_row("s", range(6)),), fixed=True)
    later = Figure("2018", (_row("s", range(8)),))
    assert protect_published([earlier, later], 5) == {"2018": HERLEIDBAAR}  # the earlier report is out


def test_protect_published_treats_nested_medians_like_means():
    from leergeschiedenis.privacy import Figure, protect_published

    org = Figure("org", (_row("d", range(6)),), niveau=1, ordinal=True)
    quarter = Figure("kwartaal", (_row("d", range(5)),), niveau=1, ordinal=True)
    other = Figure("ander", (_row("d", range(3, 9)),), niveau=1, ordinal=True)  # not nested: medians do not subtract
    assert protect_published([org, quarter, other], 5) == {"org": None, "kwartaal": HERLEIDBAAR, "ander": None}
