"""The indicator catalogue of ``doelen`` (docs: DATA-CONTRACT "Goals with indicators"): the
raw figures that are not already computed elsewhere, as pure functions.

The figures about people here (within the maximum lead time, the spinnenweb of a year)
are raw: they are published only through the gated ``YearView`` (``goals.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .cases import LEAD_TIMES, agreement_met, of_year
from .sessions import LEERSESSIES

HOGER, LAGER = "hoger", "lager"

# the direction that is better, per indicator (spinnenweb_<domein> are all hoger)
LAGER_IS_BETER = ("doorlooptijd_aanmelding_oplossing", "kosten_per_casus", "wijkbudget_besteed_vs_vastgesteld")


def richting(code: str) -> str:
    return LAGER if code in LAGER_IS_BETER else HOGER


def gehaald(code: str, waarde: float | None, streef: float | None) -> bool | None:
    """hoger: value >= streef; lager: value <= streef; None without a value or a target."""
    if waarde is None or streef is None:
        return None
    return bool(waarde <= streef) if richting(code) == LAGER else bool(waarde >= streef)


@dataclass(frozen=True)
class WithinTerm:
    """Of the ``n`` cases judged, ``binnen`` took at most the maximum; ``ids``: the judged cases."""

    n: int
    binnen: int
    ids: frozenset

    @property
    def aandeel(self) -> float | None:
        return self.binnen / self.n if self.n else None


def within_term(casussen: pd.DataFrame, year: int, step: str, maximum: int | None) -> WithinTerm:
    """Y's cases whose ``step`` (aanmelding_mdo, mdo_oplossing, aanmelding_oplossing) took at most
    ``maximum`` days. A step still open (no end date) counts as not within when it was already
    longer than the maximum on 31 December of ``year``, and is left out when not yet; a step that
    has not started (no start date) is left out."""
    if maximum is None:
        raise ValueError(f"geen maximale doorlooptijd voor {step} in afspraken.maximale_doorlooptijd_dagen")
    start, end = LEAD_TIMES[step]
    cohort = of_year(casussen, year)
    cohort = cohort[cohort[start].notna()]
    days = (cohort[end] - cohort[start]).dt.days
    open_days = (pd.Timestamp(year, 12, 31) - cohort[start]).dt.days
    closed = cohort[end].notna()
    within = closed & (days <= maximum)
    judged = closed | (open_days > maximum)
    ids = frozenset(cohort.loc[judged, "casus_id"].astype(str))
    return WithinTerm(int(judged.sum()), int((within & judged).sum()), ids)


def organisations_meeting(agreement: pd.DataFrame, per_month: float) -> tuple[int, float | None]:
    """Of the organisations in play (the rows of ``cases.agreement``), the share that met the agreement.

    A whole-number agreement (1 a month) is met as the agreement figure counts it: in every month in
    play. A fractional one (0,5 a month) cannot be met in a single month, so it is judged over the
    months in play: total >= per_month x months (6 cases in 12 months, whichever months).
    Returns (n organisations, share)."""
    n = len(agreement)
    if not n or not int(agreement["maanden"].max()):
        return n, None
    return n, float(agreement_met(agreement, per_month).mean())


def spinnenweb_latest(spinnenweb: pd.DataFrame, year: int, domain: str) -> tuple[int, float | None, bool]:
    """Mean over the participants with a row dated in ``year`` of the ``domain`` score of each one's
    latest row in that year. Returns (n participants with that score, mean, versions mixed)."""
    rows = spinnenweb[spinnenweb["datum"].dt.year == year]
    if rows.empty:
        return 0, None, False
    latest = rows.sort_values(["datum", "meetmoment"], kind="stable").groupby("deelnemer_id", observed=True).tail(1)
    mixed = latest["versie"].astype("string").nunique() > 1
    scores = latest[domain].dropna()
    return len(scores), (float(scores.mean()) if len(scores) and not mixed else None), bool(mixed)


def participants_per_session(bijeenkomsten: pd.DataFrame, year: int) -> tuple[int, float | None]:
    """Mean ``deelnemers`` of the year's learning sessions that have it: (n sessions, mean)."""
    rows = bijeenkomsten[bijeenkomsten["datum"].dt.year == year]
    known = rows.loc[rows["soort"].astype("string").isin(LEERSESSIES), "deelnemers"].dropna()
    return len(known), (float(known.mean()) if len(known) else None)


def residents_share_sessions(bijeenkomsten: pd.DataFrame, year: int) -> tuple[int, float | None]:
    """sum ``wijkbewoners`` / sum ``deelnemers`` over the year's sessions (any kind) with both."""
    rows = bijeenkomsten[bijeenkomsten["datum"].dt.year == year]
    both = rows[rows["wijkbewoners"].notna() & rows["deelnemers"].notna()]
    total = int(both["deelnemers"].sum())
    return len(both), (int(both["wijkbewoners"].sum()) / total if total else None)


def within_term_per_quarter(casussen: pd.DataFrame, year: int, step: str, maximum: int | None) -> pd.DataFrame:
    """``within_term`` per quarter of aanmelding of ``year``: n judged, binnen, aandeel (raw: gate before publishing)."""
    start = of_year(casussen, year)
    rows = []
    for quarter in pd.period_range(f"{year}Q1", f"{year}Q4", freq="Q"):
        cases = start[start["aanmelddatum"].dt.to_period("Q") == quarter]
        r = within_term(cases, year, step, maximum)
        rows.append({"kwartaal": quarter, "n": r.n, "binnen": r.binnen, "aandeel": r.aandeel})
    out = pd.DataFrame(rows).set_index("kwartaal")
    out["aandeel"] = out["aandeel"].astype("float64")
    return out


def counts_by(casussen: pd.DataFrame, column: str) -> pd.Series:
    """Cases per value of ``column`` (wijk, regisseur), the first spelling of a value kept; no value: left out."""
    values = casussen[column].dropna().astype(str).str.strip()
    return values[values != ""].value_counts().sort_index().astype(int).rename("casussen")
