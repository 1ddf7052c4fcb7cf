"""Which figures of a proeftuin-year may be published, judged for all published views together.

Every view a reader can get (the report, the dashboard with any organisation
filter, ``kerncijfers --organisatie``, last year's and this year's) draws its
figures about people from one decision made here, per dataset and year, on one
notion of a published group:

* ``declare`` lists every figure about people of the year, in every view and
  partition (overall, per organisation, per quarter of aanmelding, organisation x
  quarter), with the sums it makes known as sets of (variable, person): the
  welbevinden changes with their before and after grades, the cost totals and
  their financiers, the share within the existing offer, the shares within the
  maximum lead time, the lead-time medians and quartiles (order statistics), and
  which figures are totals of which parts. The spinnenweb (every measurement up
  to 31 December) adds its means per moment and its paired changes (their
  nulmeting and follow-up means), with the figures earlier years' reports
  published, fixed. A new chart or partition joins the protection by declaring
  its figures here;
* ``privacy.protect_published`` then hides, one rule for all, whatever single
  figure, total minus its shown parts, difference of two or sum/difference of
  three published sums (or nested pair of medians) would describe 1 .. min - 1
  people, the most detailed figure first;
* cross-tabulations of sensitive attributes by organisation are suppressed with
  their margins in mind (``gate_crosstab``), and an organisation's filtered
  counts are that table's row, so the filter shows nothing the table hides.

Organisations are compared like identifiers (case and spacing ignored), so two
spellings of one organisation are one group, in the filter and in the partition.
"""

from __future__ import annotations

import dataclasses
import weakref
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from . import cases, indicators, positive_health, rendement
from .contract import BELEMMERINGEN, DOMEINEN
from .dataset import Dataset
from .names import identifier_key
from .privacy import Figure, gate_crosstab, protect_published

ALLE = ""  # the view key of the unfiltered view


def organisation_key(name: object) -> str:
    """An organisation compared like an identifier (case, surrounding and invisible spacing ignored)."""
    return identifier_key(name)


WELBEVINDEN = tuple(f"welbevinden_{after}" for after in rendement.COMPARISONS)


@dataclass
class YearGate:
    """The decisions for one dataset and year; ``reason(stat, view)`` is None when published."""

    dataset: Dataset
    year: int
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    views: dict = field(default_factory=dict, repr=False)  # Filters -> the YearView of this year (publish.view)

    @cached_property
    def _judged(self) -> _Judged:
        """The year's decisions, made when a view first needs one (a filtered cross-table does not)."""
        return _decide(self.dataset, self.year)

    @property
    def reasons(self) -> dict[tuple, str | None]:
        return self._judged.reasons

    @property
    def spinnenweb(self) -> dict[tuple, str | None]:
        """(kind, moment, domain) -> reason"""
        return self._judged.spinnenweb

    @property
    def declaration(self) -> Declaration:
        return self._judged.declaration

    @property
    def spinnenweb_figures(self) -> list[Figure]:
        return self._judged.spinnenweb_figures

    @property
    def why(self) -> dict[tuple, tuple]:
        """herleidbaar figure -> the figures of its combination"""
        return self._judged.why

    @cached_property
    def cohort_costs(self) -> rendement.CostResult:
        """The costs of the year's whole cohort: the figures of every view without an organisation filter
        (computed once)."""
        d = self.dataset
        ids = set(cases.of_year(d.casussen, self.year)["casus_id"].astype(str))
        return rendement.costs(d.kosten, d.prijslijst, self.year, ids, rendement.refused_case_ids(d.refused.get("kosten")))

    @cached_property
    def _keyed_cohort(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        cohort = cases.of_year(self.dataset.casussen, self.year)
        return cohort, cohort.assign(organisatie=cohort["organisatie"].map(organisation_key))

    def crosstab(self, name: str) -> pd.DataFrame:
        """A gated cross-table by organisation key (``CROSSTABS``), made when a view first needs it."""
        if name not in self._tables:
            cohort, keyed = self._keyed_cohort
            counts = CROSSTABS[name](cohort, keyed, self.dataset)
            self._tables[name] = gate_crosstab(counts, self.dataset.config.privacy.min_groepsgrootte)
        return self._tables[name]

    @property
    def crosstabs(self) -> dict[str, pd.DataFrame]:
        """Every gated cross-table (the privacy verantwoording lists them all)."""
        return {name: self.crosstab(name) for name in CROSSTABS}

    def reason(self, stat, view: str = ALLE, part: str | None = None) -> str | None:
        """Why ``stat`` of ``view`` (of its ``part``: a quarter) is hidden, or None."""
        return self.reasons.get((stat, view) if part is None else (stat, view, part))

    def crosstab_row(self, name: str, view: str) -> pd.Series:
        table = self.crosstab(name)
        if view in table.index:
            return table.loc[view]
        return pd.Series(0.0, index=table.columns)


_GATES: dict[int, tuple[weakref.ref, dict[int, YearGate]]] = {}


def year_gate(dataset: Dataset, year: int) -> YearGate:
    """Computed once per dataset and year, whichever view asks first (report, dashboard, kerncijfers)."""
    key = id(dataset)
    ref, per_year = _GATES.get(key, (None, None))
    if ref is None or ref() is not dataset:
        per_year = {}
        _GATES[key] = (weakref.ref(dataset, lambda _, gates=_GATES: gates.pop(key, None)), per_year)
    if year not in per_year:
        per_year[year] = YearGate(dataset, year)
    return per_year[year]


@dataclass
class Declaration:
    """Every figure about people a year publishes in any view, with the people it rests on (data, not code:
    a new chart or partition joins the protection by adding its figures and partitions here)."""

    figures: list[Figure] = field(default_factory=list)
    partitions: list[tuple[tuple, list[tuple]]] = field(default_factory=list)
    depends: dict[tuple, tuple] = field(default_factory=dict)  # figure -> the figure it is shown with

    def add(self, key, rows, niveau: int = 0, ordinal: bool = False) -> None:
        rows = tuple(frozenset(r) for r in rows)
        if any(rows):
            self.figures.append(Figure(key, rows, niveau, ordinal))

    def partition(self, total, parts) -> None:
        self.partitions.append((total, list(parts)))


def _coords(variable, ids) -> frozenset:
    return frozenset((variable, str(i)) for i in ids)


def declare(dataset: Dataset, year: int) -> Declaration:
    """The published groups of ``year``: every figure about people keyed (stat, view) or (stat, view, part)."""
    d = Declaration()
    cohort = cases.of_year(dataset.casussen, year)
    org_of = dict(zip(cohort["casus_id"].astype(str), cohort["organisatie"].map(organisation_key), strict=True))
    orgs = sorted(set(org_of.values()))

    def per_view(stat, variable_ids, ordinal=False, extra_niveau=0, one_row=False):
        """``variable_ids``: [(variable, ids)], one row each (``one_row``: together one sum); the stat
        overall and per organisation, the organisations a partition of the whole."""
        for view in [ALLE, *orgs]:
            rows = [_coords(v, [i for i in ids if view == ALLE or org_of.get(str(i)) == view]) for v, ids in variable_ids]
            rows = [frozenset().union(*rows)] if one_row else rows
            d.add((stat, view), rows, (0 if view == ALLE else 1) + extra_niveau, ordinal)
        if not ordinal:
            d.partition((stat, ALLE), [(stat, o) for o in orgs])

    grades = rendement.grades(dataset.metingen, set(org_of))
    for stat, (before, after) in zip(WELBEVINDEN, rendement.COMPARISONS.values(), strict=True):
        pairs = grades.index[grades[before].notna() & grades[after].notna()]
        per_view(stat, [(("welbevinden", before), pairs), (("welbevinden", after), pairs)])
    result = rendement.costs(
        dataset.kosten, dataset.prijslijst, year, set(org_of), rendement.refused_case_ids(dataset.refused.get("kosten"))
    )
    financiers = list(result.financier_cases)
    in_costs = set(result.per_case.index.astype(str))
    cost_rows = [(("kosten", f), [i for i in ids if i in in_costs]) for f, ids in result.financier_cases.items()]
    unfinanced = in_costs - set().union(*(set(ids) for ids in result.financier_cases.values()))
    per_view("kosten", [*cost_rows, (("kosten", None), unfinanced)], one_row=True)  # a total: every financier's costs
    for f, ids in result.financier_cases.items():
        per_view(("financier", f), [(("kosten", f), ids)], extra_niveau=1)
    for view in [ALLE, *orgs]:
        d.partition(("kosten", view), [(("financier", f), view) for f in financiers])
        d.depends.update({(("financier", f), view): ("kosten", view) for f in financiers})
    answered = cohort.loc[cohort["binnen_bestaand_aanbod"].notna(), "casus_id"]
    per_view("binnen_bestaand_aanbod", [("binnen_bestaand_aanbod", answered)])

    quarters = pd.period_range(f"{year}Q1", f"{year}Q4", freq="Q")
    quarter_of = dict(zip(cohort["casus_id"].astype(str), cohort["aanmelddatum"].dt.to_period("Q"), strict=True))
    for step, maximum in dataset.config.afspraken.maximale_doorlooptijd_dagen:
        if maximum is None:
            continue
        stat = f"binnen_termijn_{step}"
        judged = indicators.within_term(dataset.casussen, year, step, maximum).ids
        per_view(stat, [(stat, judged)])
        _per_quarter(d, stat, judged, [ALLE, *orgs], org_of, quarter_of, quarters)

    times = cases.lead_times(cohort).assign(casus_id=cohort["casus_id"].astype(str))
    for name in cases.LEAD_TIMES:
        measured = times.loc[times[name].notna(), "casus_id"]
        per_view(("doorlooptijd", name), [(("doorlooptijd", name), measured)], ordinal=True)
    trend = "aanmelding_oplossing"
    measured = times.loc[times[trend].notna(), "casus_id"]
    _per_quarter(d, ("doorlooptijd", trend), measured, [ALLE, *orgs], org_of, quarter_of, quarters, ordinal=True)
    return d


def _per_quarter(d, stat, ids, views, org_of, quarter_of, quarters, ordinal=False) -> None:
    """A figure per quarter of aanmelding in every view: the quarters partition the view's year, and a
    quarter's organisations partition the quarter."""
    for view in views:
        for q in quarters:
            part = [i for i in ids if quarter_of.get(str(i)) == q and (view == ALLE or org_of.get(str(i)) == view)]
            d.add((stat, view, str(q)), [_coords(stat, part)], 1 if view == ALLE else 2, ordinal)
            if not ordinal:  # a quarter is shown with its year: four quarters add up to the year
                d.depends[(stat, view, str(q))] = (stat, view)
        if not ordinal:
            d.partition((stat, view), [(stat, view, str(q)) for q in quarters])
    if not ordinal:
        for q in quarters:
            d.partition((stat, ALLE, str(q)), [(stat, v, str(q)) for v in views if v != ALLE])


@dataclass(frozen=True)
class _Judged:
    reasons: dict[tuple, str | None]
    spinnenweb: dict[tuple, str | None]
    declaration: Declaration
    spinnenweb_figures: list[Figure]
    why: dict[tuple, tuple]


def _decide(dataset: Dataset, year: int) -> _Judged:
    min_n = dataset.config.privacy.min_groepsgrootte
    d = declare(dataset, year)
    sw_figures, sw_fixed = _spinnenweb_figures(dataset, year)
    why: dict = {}
    reasons = protect_published([*d.figures, *sw_figures, *sw_fixed], min_n, d.partitions, d.depends, why)
    spinnenweb = {key[1:]: reasons.pop(key) for key in [f.key for f in sw_figures]}
    return _Judged(reasons, spinnenweb, d, sw_figures, why)


# the cross-tables of a sensitive attribute by organisation: (cohort, cohort keyed by organisation, dataset) -> counts
CROSSTABS = {
    "levensdomeinen": lambda cohort, keyed, d: cases.list_by_organisation(keyed, "levensdomeinen", d.config.levensdomeinen),
    "belemmeringen": lambda cohort, keyed, d: cases.list_by_organisation(keyed, "belemmeringen", BELEMMERINGEN),
    "gestopt": lambda cohort, keyed, d: cases.stopped_by_organisation(keyed),
    "wijk": lambda cohort, keyed, d: _by_organisation(keyed, "wijk", d.config.wijken),
    "regisseur": lambda cohort, keyed, d: _by_organisation(keyed, "regisseur", indicators.counts_by(cohort, "regisseur").index),
}


def _by_organisation(keyed: pd.DataFrame, column: str, categories) -> pd.DataFrame:
    """Cases per organisation (rows, keyed) and value of ``column`` (columns)."""
    values = keyed[column].astype("string").str.strip()
    table = pd.crosstab(keyed["organisatie"], values)
    return table.reindex(columns=list(categories), fill_value=0)


def _indicator_codes(dataset: Dataset) -> set[str]:
    return {i.code for doel in dataset.config.doelen if not isinstance(doel, str) for i in getattr(doel, "items", ())}


def _spinnenweb_figures(dataset: Dataset, year: int) -> tuple[list[Figure], list[Figure]]:
    """The spinnenweb of ``year`` (every measurement up to 31 December): a mean per moment and domain, and
    a paired change from the nulmeting (its before and after means known); with the figures earlier
    years' reports published, fixed: they cannot be taken back, so this year's are compared with them."""
    spinnenweb = dataset.spinnenweb
    if spinnenweb.empty:
        return [], []
    figures = []
    data = positive_health.up_to(spinnenweb, year)
    for moment in positive_health.moments(data):
        rows = data[data["meetmoment"] == moment]
        for domain in DOMEINEN:
            ids = rows.loc[rows[domain].notna(), "deelnemer_id"].astype(str)
            figures.append(Figure(("spinnenweb", "gemiddelde", moment, domain), (_coords(("sw", moment, domain), ids),), 1))
        if moment == 0:
            continue
        for domain, ids in positive_health.paired_ids(data, 0, moment).items():
            change_rows = (_coords(("sw", 0, domain), ids), _coords(("sw", moment, domain), ids))
            figures.append(Figure(("spinnenweb", "verandering", moment, domain), change_rows, 1))
    goal_domains = [d for d in DOMEINEN if f"spinnenweb_{d}" in _indicator_codes(dataset)]
    if goal_domains:  # a goal's indicator: each participant's latest score of the year (indicators.spinnenweb_latest)
        rows = spinnenweb[spinnenweb["datum"].dt.year == year]
        latest = rows.sort_values(["datum", "meetmoment"], kind="stable").groupby("deelnemer_id", observed=True).tail(1)
        for domain in goal_domains:
            scored = latest[latest[domain].notna()]
            coords = frozenset(
                (("sw", int(m), domain), str(p)) for m, p in zip(scored["meetmoment"], scored["deelnemer_id"], strict=True)
            )
            figures.append(Figure(("spinnenweb", "laatste", year, domain), (coords,), 2))  # a goal before the chart
    fixed = []
    first = int(spinnenweb["datum"].dt.year.min())
    for earlier in range(first, year):
        gate = year_gate(dataset, earlier)
        for f in gate.spinnenweb_figures:
            if gate.spinnenweb.get(f.key[1:]) is None and f.rows and any(f.rows):
                fixed.append(dataclasses.replace(f, key=(earlier, *f.key), fixed=True))
    return figures, fixed
