"""The differencing attack: every published view of a proeftuin taken together.

An attacker reads every view a proeftuin publishes (the report and kerncijfers:
unfiltered; the dashboard and ``kerncijfers --organisatie``: per organisation;
every year) and adds and subtracts. The figures come from the gate's own
declaration (``gate.declare``: every figure with the people each of its sums is
about), but whether a figure is published is read from what the views show, and
the attack below is an independent, plain enumeration: every single derived
figure (a total minus its shown parts), every pair and every sum or difference
of three published sums, and every nested pair of medians. None may describe
1 .. min - 1 people. Group sizes, not rounded values, decide. The plain counts
of sensitive attributes per organisation are checked as before.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

import leergeschiedenis as lg
from leergeschiedenis import gate as gate_module
from leergeschiedenis import goals, lessons, privacy
from leergeschiedenis.contract import DOMEINEN
from leergeschiedenis.publish import Filters, YearView, organisations

MIN_N = 5
CONFIG = """naam: Proeftuin Aanval
levensdomeinen: [wonen, financien, gezondheid]
ontwerpprincipes:
  - {{nr: 1, groep: willen, naam: Leefwereld}}
doelen:
  - naam: Meedoen
    indicatoren: [spinnenweb_meedoen, binnen_termijn_aanmelding_oplossing, doorlooptijd_aanmelding_oplossing]
afspraken:
  maximale_doorlooptijd_dagen:
    aanmelding_oplossing: 28
privacy: {{min_groepsgrootte: {min_n}}}
"""


def write_proeftuin(
    folder: Path,
    orgs_per_year: dict[int, dict[str, int | list[int]]],
    spinnenweb_per_year: dict[int, int | tuple[int, int]],
    min_n: int = MIN_N,
) -> Path:
    """Cases per organisation per year (a number, or the quarter of aanmelding of each case), each with
    a lead time, welbevinden voor/na (and herhaling for every other case), three cost lines, a life
    domain; spinnenweb nulmetingen per year (a number, or (nulmetingen, of whom followed up)), cumulative."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "proeftuin.yml").write_text(CONFIG.format(min_n=min_n))
    cases = ["casus_id;soort;organisatie;aanmelddatum;mdo_datum;oplossing_datum;status;levensdomeinen;binnen_bestaand_aanbod"]
    grades = ["casus_id;meetmoment;welbevinden"]
    costs = ["casus_id;scenario;voorziening;aantal"]
    i = 0
    for year, orgs in orgs_per_year.items():
        for org, spec in orgs.items():
            quarters = [1] * spec if isinstance(spec, int) else spec
            for quarter in quarters:
                i += 1
                cid = f"C{i}"
                start = pd.Timestamp(year, 3 * quarter - 2, 1 + i % 20)
                mdo, solution = start + pd.Timedelta(days=3 + i % 9), start + pd.Timedelta(days=10 + (7 * i) % 41)
                domain = ["wonen", "financien", "gezondheid"][i % 3] if org != "Klein" else "wonen"
                status = "gestopt" if i % 4 == 0 else "afgerond"
                when = ";".join(d.strftime("%d-%m-%Y") for d in (start, mdo, solution))
                cases.append(f"{cid};individueel;{org};{when};{status};{domain};{'ja' if i % 2 else 'nee'}")
                grades += [f"{cid};voor;{3 + i % 4}", f"{cid};na_6_weken;{6 + i % 3},5"]
                if i % 2:
                    grades.append(f"{cid};herhaling;{7 + i % 2}")
                costs += [f"{cid};huidig;BEG;{10 + i}", f"{cid};niets_doen;BEG;{40 + i}", f"{cid};proeftuinoplossing;BEG;{5 + i}"]
                if i % 3 == 0:
                    costs += [f"{cid};niets_doen;OPN;{1 + i % 2}", f"{cid};huidig;OPN;1"]
    (folder / "casussen.csv").write_text("\n".join(cases) + "\n")
    (folder / "metingen.csv").write_text("\n".join(grades) + "\n")
    (folder / "kosten.csv").write_text("\n".join(costs) + "\n")
    (folder / "prijslijst.csv").write_text(
        "code;omschrijving;eenheid;prijs;financier;jaar\n"
        "BEG;Begeleiding;uur;60;gemeente_wmo;2017\n"
        "OPN;Opname;dag;400;zorgverzekeraar;2017\n"
    )
    rows = ["deelnemer_id;meetmoment;datum;" + ";".join(DOMEINEN)]
    p = 0
    for year, spec in spinnenweb_per_year.items():
        n, followed = (spec, spec) if isinstance(spec, int) else spec
        for k in range(n):
            p += 1
            rows.append(f"P{p};0;01-10-{year};" + ";".join(str((p + j) % 9 + 1) for j in range(6)))
            if k < followed:
                rows.append(f"P{p};1;01-12-{year};" + ";".join(str((p + j + 1) % 9 + 1) for j in range(6)))
    (folder / "spinnenweb.csv").write_text("\n".join(rows) + "\n")
    return folder


def _years(dataset: lg.Dataset) -> list[int]:
    years = set(dataset.casussen["aanmelddatum"].dt.year.dropna().astype(int))
    return sorted(years | set(dataset.spinnenweb["datum"].dt.year.dropna().astype(int)))


def _views(dataset: lg.Dataset, year: int) -> dict[str, YearView]:
    views = {gate_module.ALLE: YearView(dataset, year)}
    for org in organisations(dataset):
        views[gate_module.organisation_key(org)] = YearView(dataset, year, Filters(organisatie=org))
    return views


def _is_shown(key, views: dict[str, YearView]) -> bool:
    """Whether the views publish figure ``key`` of the gate's declaration: read from the views themselves."""
    if key[0] == "spinnenweb":
        _, kind, moment, domain = key
        v = views[gate_module.ALLE]
        if kind == "laatste":
            return goals.value(v, f"spinnenweb_{domain}").waarde is not None
        if kind == "gemiddelde":
            t = v.spinnenweb_per_moment
            return bool(t.loc[(t["meetmoment"] == moment) & (t["domein"] == domain), "gemiddelde"].notna().any())
        return v.spinnenweb_veranderingen.get(moment, {}).get(domain, None) is not None and (
            v.spinnenweb_veranderingen[moment][domain].verandering is not None
        )
    stat, view, *part = key
    v = views.get(view)
    if v is None:
        return False
    if isinstance(stat, str) and stat.startswith("welbevinden_"):
        return v.welbevinden[stat.removeprefix("welbevinden_")].verandering is not None
    if stat == "kosten":
        return v.besparing is not None
    if isinstance(stat, tuple) and stat[0] == "financier":
        return stat[1] in v.financiers.index and bool(pd.notna(v.financiers.loc[stat[1], "besparing"]))
    if stat == "binnen_bestaand_aanbod":
        return v.binnen_bestaand_aanbod.aandeel is not None
    if isinstance(stat, str) and stat.startswith("binnen_termijn_"):
        if not part:
            return goals.value(v, stat).waarde is not None
        table = v.binnen_termijn_per_kwartaal[stat.removeprefix("binnen_termijn_")]
        return bool(pd.notna(table.loc[pd.Period(part[0]), "aandeel"]))
    if isinstance(stat, tuple) and stat[0] == "doorlooptijd":
        if not part:
            return bool(pd.notna(v.lead_times.loc[stat[1], "mediaan"]))
        trend = v.lead_time_trend
        q = pd.Period(part[0])
        return q in trend.index and bool(pd.notna(trend.loc[q, "mediaan"]))
    raise AssertionError(f"a declared figure the attacker test cannot read: {key}")


def published_rows(dataset: lg.Dataset) -> list[tuple[str, frozenset, bool]]:
    """Every published sum about people of every year and view: (label, coordinates, ordinal); and the
    totals minus their shown parts, as extra derived sums."""
    rows: list[tuple[str, frozenset, bool]] = []
    for year in _years(dataset):
        g = gate_module.year_gate(dataset, year)
        views = _views(dataset, year)
        declared = {f.key: f for f in [*g.declaration.figures, *g.spinnenweb_figures]}
        shown = {k for k in declared if _is_shown(k, views)}
        for k in sorted(shown, key=repr):
            rows += [(f"{year} {k}", r, declared[k].ordinal) for r in declared[k].rows if r]
        for total, parts in g.declaration.partitions:
            visible = [p for p in parts if p in shown]
            if total in shown and visible and not declared[total].ordinal:
                for i, r in enumerate(declared[total].rows):
                    rest = r - frozenset().union(*(declared[p].rows[i] for p in visible))
                    if rest and rest != r:
                        rows.append((f"{year} {total} minus its shown parts", rest, False))
    return rows


def _people(coefficients: Counter) -> int:
    return len({p for (_, p), c in coefficients.items() if c})


def attacks(dataset: lg.Dataset, min_n: int = MIN_N) -> list[str]:
    """Every combination of up to three published sums (and every nested pair of medians) that describes
    1 .. min_n - 1 people; and the small counts of sensitive attributes the filters would show."""
    rows = published_rows(dataset)
    found = [f"{label}: rests on {len(_persons(r))}" for label, r, _ in rows if 0 < len(_persons(r)) < min_n]
    additive = [(label, r) for label, r, ordinal in rows if not ordinal]
    for (la, a), (lb, b) in itertools.combinations([(label, r) for label, r, o in rows if o], 2):
        if (a < b or b < a) and {v for v, _ in a} == {v for v, _ in b} and 0 < len(_persons(a ^ b)) < min_n:
            found.append(f"median {la} vs {lb}: {len(_persons(a ^ b))} people")
    by_variable: dict = {}
    for label, r in additive:
        for v in {v for v, _ in r}:
            by_variable.setdefault(v, []).append((label, r))
    tried = set()
    for members in by_variable.values():
        for (la, a), (lb, b) in itertools.combinations(members, 2):
            if a & b and (la, lb) not in tried:
                tried.add((la, lb))
                diff = Counter(dict.fromkeys(a, 1))
                diff.subtract(dict.fromkeys(b, 1))
                n = _people(diff)
                if 0 < n < min_n:
                    found.append(f"{lb} - {la}: {n} people")
        for (la, a), (lb, b), (lc, c) in itertools.combinations(members, 3):
            if not (a & b or a & c or b & c):
                continue
            for sb, sc in ((-1, -1), (-1, 1), (1, -1)):
                total = Counter(dict.fromkeys(a, 1))
                total.update({x: sb for x in b})
                total.update({x: sc for x in c})
                n = _people(total)
                if 0 < n < min_n:
                    found.append(f"{la} {'+' if sb > 0 else '-'} {lb} {'+' if sc > 0 else '-'} {lc}: {n} people")
    return found + sensitive_attacks(dataset, min_n)


def _persons(coords) -> set:
    return {p for _, p in coords}


def sensitive_attacks(dataset: lg.Dataset, min_n: int) -> list[str]:
    """The filtered counts of sensitive attributes: never a small count, never one by subtraction."""
    c = dataset.casussen
    sensitive: dict = {}
    for year in _years(dataset):
        for key, v in _views(dataset, year).items():
            key = key or "*"
            ids = c[
                (c["aanmelddatum"].dt.year == year)
                & ((c["organisatie"].map(gate_module.organisation_key) == key) if key != "*" else True)
            ]
            if len(ids) == 0:
                continue  # an organisation without cases this year: its zeros follow from the published case count
            for name, counts in (("levensdomeinen", v.levensdomeinen), ("belemmeringen", v.belemmeringen)):
                for category, n in counts.items():
                    sensitive.setdefault((year, name, category), {})[key] = None if pd.isna(n) else int(n)
            sensitive.setdefault((year, "gestopt", "gestopt"), {})[key] = (
                None if pd.isna(v.status["gestopt"]) else int(v.status["gestopt"])
            )
    found = []
    for (year, name, category), per_view in sensitive.items():
        overall = per_view.get("*")
        shown = {v: n for v, n in per_view.items() if v != "*" and n is not None}
        if any(0 < n < min_n for n in shown.values()):
            found.append(f"{name}/{category} {year}: a small count is shown")
        hidden = [v for v, n in per_view.items() if v != "*" and n is None]
        if overall is not None and hidden:
            rest = overall - sum(shown.values())
            # (shown zeros only: the rest is the published overall count, in two or more hidden rows)
            if 0 < rest < min_n and len(hidden) < len(per_view) - 1 and any(shown.values()):
                found.append(f"{name}/{category} {year}: the hidden organisations together hold {rest}")
            if len(hidden) == 1 and rest and len(per_view) > 2:  # with one organisation its row is the total
                found.append(f"{name}/{category} {year}: one hidden organisation, {rest} by subtraction")
    return found


@pytest.fixture(scope="module")
def aanval(tmp_path_factory) -> lg.Dataset:
    """The three attacks of the issue: organisations of 6, 6 and 2 (Klein's welbevinden and costs by
    subtraction), spinnenweb nulmetingen of 6 then 2 more (the newcomers by subtraction), and Klein's
    life domains in the filter although the cross-table hides them."""
    folder = tmp_path_factory.mktemp("aanval") / "p"
    return lg.load(write_proeftuin(folder, {2017: {"Groot": 6, "Midden": 6, "Klein": 2}}, {2017: 6, 2018: 2, 2019: 6}))


@pytest.fixture(scope="module")
def issue24(tmp_path_factory) -> lg.Dataset:
    """The three attacks of issue 24: Groot's 6 cases are the first quarter's 5 plus one (its share within
    the lead time and its median lead time against the quarter's), and a spinnenweb of 6 nulmetingen of
    whom 5 are followed up (the nulmeting mean, the follow-up mean and the paired change)."""
    folder = tmp_path_factory.mktemp("issue24") / "p"
    orgs = {"Groot": [1, 1, 1, 1, 1, 2], "Midden": [2, 2, 2, 3, 3, 3], "Ander": [4, 4, 4, 4, 4, 4]}
    return lg.load(write_proeftuin(folder, {2017: orgs}, {2017: (6, 5)}))


def test_no_published_combination_describes_a_small_group(aanval, issue24):
    assert attacks(aanval) == []
    assert attacks(issue24) == []


def test_the_three_attacks_of_the_issue_are_stopped(issue24):
    overall, groot = YearView(issue24, 2017), YearView(issue24, 2017, Filters(organisatie="Groot"))
    q1 = overall.binnen_termijn_per_kwartaal["aanmelding_oplossing"].loc[pd.Period("2017Q1")]
    share_groot = goals.value(groot, "binnen_termijn_aanmelding_oplossing")
    assert q1["n"] == 5 and share_groot.n == 6
    assert pd.isna(q1["aandeel"]) or share_groot.waarde is None  # one of the two goes ...
    assert q1["reden"] == "herleidbaar"  # ... the more detailed one: the quarter
    median_q1 = overall.lead_time_trend.loc[pd.Period("2017Q1")]
    assert median_q1["n"] == 5 and pd.isna(median_q1["mediaan"]) and median_q1["reden"] == "herleidbaar"
    assert pd.notna(groot.lead_times.loc["aanmelding_oplossing", "mediaan"])
    sw = overall.spinnenweb_per_moment
    nulmeting = sw[sw["meetmoment"] == 0]
    change = overall.spinnenweb_veranderingen[1]
    for domain in DOMEINEN:
        mean_shown = nulmeting.loc[nulmeting["domein"] == domain, "gemiddelde"].notna().item()
        assert not (mean_shown and change[domain].verandering is not None), domain
        assert change[domain].n == 5 and overall.spinnenweb_reden("verandering", 1, domain) == "herleidbaar"


def test_overall_figures_are_still_published(aanval, issue24):
    v = YearView(aanval, 2017)
    assert v.welbevinden["na_6_weken"].verandering is not None and v.welbevinden["na_6_weken"].n == 14
    assert v.besparing is not None
    # 2018 adds 2 newcomers to 2017's 6: hidden; 2019 adds 6 more: published again
    reasons = {y: YearView(aanval, y).spinnenweb_per_moment["reden"].iloc[0] for y in (2017, 2018, 2019)}
    assert reasons == {2017: None, 2018: "herleidbaar", 2019: None}
    w = YearView(issue24, 2017)
    assert goals.value(w, "binnen_termijn_aanmelding_oplossing").waarde is not None
    assert pd.notna(w.lead_times.loc["aanmelding_oplossing", "mediaan"])


def test_the_reasons_say_which_rule_hid_a_figure(aanval):
    klein = YearView(aanval, 2017, Filters(organisatie="klein"))
    assert klein.reden("welbevinden_na_6_weken") == "te_weinig_personen"
    shown = [o for o in ("groot", "midden") if YearView(aanval, 2017, Filters(organisatie=o)).reden("kosten") is None]
    hidden = [o for o in ("groot", "midden") if YearView(aanval, 2017, Filters(organisatie=o)).reden("kosten") == "herleidbaar"]
    assert len(shown) == 1 and len(hidden) == 1  # one of the two goes with Klein, so 2 + 6 are hidden together


def _protection_off(monkeypatch) -> None:
    def primary_only(figures, min_n, *args, **kwargs):
        return {f.key: None if len(f.people) >= min_n else privacy.TE_WEINIG for f in figures if not f.fixed}

    monkeypatch.setattr(gate_module, "protect_published", primary_only)
    monkeypatch.setattr(gate_module, "gate_crosstab", lambda table, min_n: table.astype("float64"))


def test_without_group_protection_the_attacks_succeed(aanval, issue24, monkeypatch):
    """The attacker test can fail: switch the group protection off and it finds the attacks of both issues."""
    _protection_off(monkeypatch)
    found = attacks(lg.load(aanval.folder))
    assert any("('kosten', '') minus its shown parts" in f and "rests on 2" in f for f in found)
    assert any("'spinnenweb', 'gemiddelde', 0" in f and "2 people" in f for f in found)
    assert any("levensdomeinen/wonen" in f for f in found)
    found = attacks(lg.load(issue24.folder))
    # organisation x quarter: Groot's share over 6 minus the first quarter's over 5
    assert any("('binnen_termijn_aanmelding_oplossing', 'groot')" in f and "'2017Q1')" in f and ": 1 people" in f for f in found)
    # medians: Groot's median lead time over 6 against the first quarter's over 5
    assert any(f.startswith("median") and "'groot')" in f and "'2017Q1')" in f and ": 1 people" in f for f in found)
    # spinnenweb: the nulmeting mean over 6 minus the paired change's nulmeting over 5
    assert any("'gemiddelde', 0," in f and "'verandering', 1," in f and ": 1 people" in f for f in found)
    # and a goal's spinnenweb indicator (each one's latest score) minus the follow-up mean: the same person
    assert any("'laatste', 2017, 'meedoen'" in f and "'gemiddelde', 1, 'meedoen'" in f and ": 1 people" in f for f in found)


def test_the_sample_has_no_attack():
    dataset = lg.load(Path(__file__).parent.parent / "data" / "sample" / "deurne")
    assert attacks(dataset, dataset.config.privacy.min_groepsgrootte) == []


quarters = st.lists(st.integers(min_value=1, max_value=4), min_size=0, max_size=12)


@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # shrinking a failure would take minutes; the example is printed as is
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@example(min_n=5, orgs=[[1]], later=[], spinnenweb=[(0, 0)])
@example(min_n=5, orgs=[[1] * 5, [2] * 4, [1]], later=[[3] * 6], spinnenweb=[(5, 5), (1, 0)])
@example(min_n=5, orgs=[[1] * 6, [2] * 6, [3] * 2], later=[], spinnenweb=[(6, 6), (2, 2), (6, 6)])
@example(min_n=5, orgs=[[1, 1, 1, 1, 1, 2], [2] * 6, [4] * 6], later=[], spinnenweb=[(6, 5)])
@example(min_n=3, orgs=[[1, 1, 2], [2, 2, 3]], later=[], spinnenweb=[(3, 2), (1, 1)])
@example(min_n=10, orgs=[[1] * 9 + [2], [2] * 10], later=[], spinnenweb=[(10, 9)])
@given(
    min_n=st.sampled_from([3, 5, 10]),
    orgs=st.lists(quarters, min_size=1, max_size=4),
    later=st.lists(quarters, min_size=0, max_size=3),
    spinnenweb=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), min_size=1, max_size=3),
)
def test_generated_proeftuinen_with_groups_around_the_threshold(tmp_path_factory, min_n, orgs, later, spinnenweb):
    names = ["Alfa", "Beta", "Gamma", "Delta"]
    per_year = {2017: {names[i]: q for i, q in enumerate(orgs) if q}, 2018: {names[i]: q for i, q in enumerate(later) if q}}
    per_year = {y: o for y, o in per_year.items() if o}
    if not per_year:
        return
    folder = tmp_path_factory.mktemp("gen") / "p"
    sw = {2017 + i: (n, min(n, f)) for i, (n, f) in enumerate(spinnenweb)}
    dataset = lg.load(write_proeftuin(folder, per_year, sw, min_n))
    assert attacks(dataset, min_n) == []


def lesson_attacks(dataset: lg.Dataset, year: int, min_n: int) -> list[str]:
    """The Lessen under a role or organisation filter against the unfiltered Lessen: a word's count or a
    suggestion group that differs by 1 .. min - 1 cards tells what those few other cards say."""
    roles = sorted(dataset.reflectiekaarten["rol"].astype(str).unique())
    views = {"*": YearView(dataset, year)}
    views |= {f"rol {r}": YearView(dataset, year, Filters(rol=r)) for r in roles}
    views |= {f"organisatie {o}": YearView(dataset, year, Filters(organisatie=o)) for o in organisations(dataset)}
    overall = views.pop("*").lessen.lessen
    found = []
    for name, v in views.items():
        for nr, lesson in v.lessen.lessen.items():
            around = dict(overall[nr].termen)
            found += [f"{name} {nr} {t}: {around[t] - n}" for t, n in lesson.termen if 0 < around.get(t, n) - n < min_n]
            for g in lesson.groepen:
                for w in overall[nr].groepen:
                    if set(g.leden) < set(w.leden) and len(set(w.leden) - set(g.leden)) < min_n:
                        found.append(f"{name} {nr} group {g.termen}: {len(set(w.leden) - set(g.leden))}")
    return found


def test_the_lessen_under_a_filter_give_no_few_cards_away(monkeypatch):
    deurne = Path(__file__).parent.parent / "data" / "sample" / "deurne"
    assert lesson_attacks(lg.load(deurne), 2020, 5) == []
    monkeypatch.setattr(lessons, "without_small_differences", lambda plan, references, min_cards: plan)
    found = lesson_attacks(lg.load(deurne), 2020, 5)
    assert any(f.startswith("rol professional 1 systeem: 1") for f in found), found
