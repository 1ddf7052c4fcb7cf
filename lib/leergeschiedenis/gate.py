"""Which figures of a proeftuin-year may be published, judged for all published views together.

Every view a reader can get (the report, the dashboard with any organisation
filter, ``kerncijfers --organisatie``, last year's and this year's) draws its
figures about people from one decision made here, per dataset and year:

* figures that add up (welbevinden means, costs, cost per financier, the share
  within the existing offer) get group protection over the organisation
  partition (``privacy.protect_groups``): overall minus the shown organisations
  never leaves fewer than the minimum, and no two nested groups differ by a few;
* figures that accumulate over the years (the spinnenweb: every measurement up
  to 31 December of the year) are published only when they differ from every
  earlier published year by 0 or at least the minimum (``protect_cumulative``);
* cross-tabulations of sensitive attributes by organisation are suppressed with
  their margins in mind (``gate_crosstab``), and an organisation's filtered
  counts are that table's row, so the filter shows nothing the table hides;
* medians, quartiles and p-values are gated on their own n.

Organisations are compared like identifiers (case and spacing ignored), so two
spellings of one organisation are one group, in the filter and in the partition.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from . import cases, indicators, positive_health, rendement
from .contract import BELEMMERINGEN, DOMEINEN
from .dataset import Dataset
from .names import identifier_key
from .privacy import gate_crosstab, protect_cumulative, protect_groups

ALLE = ""  # the view key of the unfiltered view


def organisation_key(name: object) -> str:
    """An organisation compared like an identifier (case, surrounding and invisible spacing ignored)."""
    return identifier_key(name)


WELBEVINDEN = tuple(f"welbevinden_{after}" for after in rendement.COMPARISONS)


@dataclass
class YearGate:
    """The decisions for one dataset and year; ``reason(stat, view)`` is None when published.

    Each part is decided when a view first needs it (a filtered chart of life domains needs its
    cross-table, not the welbevinden and cost decisions), once per dataset and year."""

    dataset: Dataset
    year: int
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    views: dict = field(default_factory=dict, repr=False)  # Filters -> the YearView of this year (publish.view)

    @cached_property
    def reasons(self) -> dict[tuple, str | None]:
        return _decide(self)

    @cached_property
    def cohort_costs(self) -> rendement.CostResult:
        """The costs of the year's whole cohort: judged here, and the figures of every view without an
        organisation filter (computed once)."""
        d = self.dataset
        ids = set(cases.of_year(d.casussen, self.year)["casus_id"].astype(str))
        return rendement.costs(d.kosten, d.prijslijst, self.year, ids, rendement.refused_case_ids(d.refused.get("kosten")))

    @cached_property
    def spinnenweb(self) -> dict[tuple, str | None]:
        """(kind, moment, domain) -> reason"""
        return _spinnenweb(self.dataset.spinnenweb, self.year, self.dataset.config.privacy.min_groepsgrootte)

    @cached_property
    def _keyed_cohort(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        cohort = cases.of_year(self.dataset.casussen, self.year)
        return cohort, cohort.assign(organisatie=cohort["organisatie"].map(organisation_key))

    def crosstab(self, name: str) -> pd.DataFrame:
        """A gated cross-table by organisation key (``CROSSTABS``)."""
        if name not in self._tables:
            cohort, keyed = self._keyed_cohort
            counts = CROSSTABS[name](cohort, keyed, self.dataset)
            self._tables[name] = gate_crosstab(counts, self.dataset.config.privacy.min_groepsgrootte)
        return self._tables[name]

    def reason(self, stat, view: str = ALLE) -> str | None:
        return self.reasons.get((stat, view))

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


def _decide(gate: YearGate) -> dict[tuple, str | None]:
    dataset, year = gate.dataset, gate.year
    min_n = dataset.config.privacy.min_groepsgrootte
    cohort = cases.of_year(dataset.casussen, year)
    org_of = dict(zip(cohort["casus_id"].astype(str), cohort["organisatie"].map(organisation_key), strict=True))
    views = [ALLE, *sorted(set(org_of.values()))]

    def by_view(ids) -> dict[str, frozenset]:
        ids = [str(i) for i in ids]
        out = {ALLE: frozenset(ids)}
        for org in views[1:]:
            out[org] = frozenset(i for i in ids if org_of.get(i) == org)
        return out

    groups: dict[tuple, frozenset] = {}
    grades = rendement.grades(dataset.metingen, set(org_of))
    for stat, (before, after) in zip(WELBEVINDEN, rendement.COMPARISONS.values(), strict=True):
        pairs = grades.index[grades[before].notna() & grades[after].notna()]
        groups.update({(stat, v): g for v, g in by_view(pairs).items()})
    result = gate.cohort_costs  # the cases of set(org_of)
    groups.update({("kosten", v): g for v, g in by_view(result.per_case.index).items()})
    financiers = list(result.financier_cases)
    for f, ids in result.financier_cases.items():
        groups.update({(("financier", f), v): g for v, g in by_view(ids).items()})
    answered = cohort.loc[cohort["binnen_bestaand_aanbod"].notna(), "casus_id"]
    groups.update({("binnen_bestaand_aanbod", v): g for v, g in by_view(answered).items()})

    terms = []
    for step, maximum in dataset.config.afspraken.maximale_doorlooptijd_dagen:
        if maximum is not None:
            judged = indicators.within_term(dataset.casussen, year, step, maximum).ids
            groups.update({(f"binnen_termijn_{step}", v): g for v, g in by_view(judged).items()})
            terms.append(f"binnen_termijn_{step}")

    stats = [*WELBEVINDEN, "kosten", *(("financier", f) for f in financiers), "binnen_bestaand_aanbod", *terms]
    partitions = [((s, ALLE), [(s, v) for v in views[1:]]) for s in stats]
    breakdowns = [(("kosten", v), [(("financier", f), v) for f in financiers]) for v in views]
    pools = [[(s, v) for s in WELBEVINDEN for v in views]]
    pools += [[(s, v) for v in views] for s in stats if s not in WELBEVINDEN]
    return protect_groups(groups, min_n, partitions, breakdowns, pools)


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


def _spinnenweb(spinnenweb: pd.DataFrame, year: int, min_n: int) -> dict[tuple, str | None]:
    """Per (kind, moment, domain): the reason for year ``year``, judged against every earlier year."""
    if spinnenweb.empty:
        return {}
    first = int(spinnenweb["datum"].dt.year.min())
    groups: dict[tuple, dict[int, frozenset]] = {}
    for y in range(first, year + 1):
        data = positive_health.up_to(spinnenweb, y)
        for moment in positive_health.moments(data):
            rows = data[data["meetmoment"] == moment]
            for domain in DOMEINEN:
                ids = frozenset(rows.loc[rows[domain].notna(), "deelnemer_id"].astype(str))
                groups.setdefault(("gemiddelde", moment, domain), {})[y] = ids
            if moment == 0:
                continue
            for domain, ids in positive_health.paired_ids(data, 0, moment).items():
                groups.setdefault(("verandering", moment, domain), {})[y] = ids
    return {key: protect_cumulative(by_year, min_n).get(year) for key, by_year in groups.items()}
