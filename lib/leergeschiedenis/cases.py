"""Samenwerkwijze: what the cases of a year show. A case belongs to the year of its aanmelddatum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .contract import BELEMMERINGEN, CASE_STEPS, STATUSSEN
from .names import normalize_name

LEAD_TIMES = {
    "aanmelding_mdo": ("aanmelddatum", "mdo_datum"),
    "mdo_oplossing": ("mdo_datum", "oplossing_datum"),
    "aanmelding_oplossing": ("aanmelddatum", "oplossing_datum"),
}


def of_year(casussen: pd.DataFrame, year: int) -> pd.DataFrame:
    return casussen[casussen["aanmelddatum"].dt.year == year]


def years(casussen: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in casussen["aanmelddatum"].dt.year.dropna().unique())


@dataclass(frozen=True)
class YearCounts:
    jaar: int
    totaal: int
    individueel: int
    collectief: int
    vorig_jaar: int
    groeifactor: float | None  # totaal / vorig_jaar; None when there was no previous year

    @property
    def verschil(self) -> int:
        return self.totaal - self.vorig_jaar


def counts(casussen: pd.DataFrame, year: int) -> YearCounts:
    this = of_year(casussen, year)
    previous = len(of_year(casussen, year - 1))
    soort = this["soort"].astype("string").value_counts()
    return YearCounts(
        jaar=year,
        totaal=len(this),
        individueel=int(soort.get("individueel", 0)),
        collectief=int(soort.get("collectief", 0)),
        vorig_jaar=previous,
        groeifactor=len(this) / previous if previous else None,
    )


def per_year(casussen: pd.DataFrame) -> pd.DataFrame:
    """Cases per year, individual/collective, and growth against the year before."""
    rows = [counts(casussen, y).__dict__ for y in years(casussen)]
    return pd.DataFrame(rows, columns=["jaar", "totaal", "individueel", "collectief", "vorig_jaar", "groeifactor"]).set_index(
        "jaar"
    )


def months_in_play(year: int, start: dt.date, end: dt.date | None = None, today: dt.date | None = None) -> pd.PeriodIndex:
    """The calendar months of ``year`` within the proeftuin's period (``start`` to ``end``) that have ended
    by ``today``: an agreement per month is judged over all of them, also a month in which no case came in."""
    today = today or dt.date.today()
    first = max(pd.Period(f"{year}-01", "M"), pd.Period(start, "M"))
    last = min(pd.Period(f"{year}-12", "M"), pd.Period(today, "M") - 1)
    if end is not None:
        last = min(last, pd.Period(end, "M"))
    return pd.period_range(first, last, freq="M") if first <= last else pd.PeriodIndex([], freq="M")


def organisations(casussen: pd.DataFrame, partners: list[str] = ()) -> list[str]:
    """Organisations that brought in a case, plus configured partners that never did (matched loosely)."""
    seen = {normalize_name(o): o for o in casussen["organisatie"].dropna().unique()}
    for partner in partners:
        seen.setdefault(normalize_name(partner), partner)
    return sorted(seen.values(), key=str.lower)


def per_organisation_month(casussen: pd.DataFrame, year: int, partners: list[str], months: pd.PeriodIndex) -> pd.DataFrame:
    """Cases per organisation (rows) per month (columns) of ``months`` (``months_in_play``), zeros included."""
    orgs = organisations(casussen, partners)
    canonical = {normalize_name(o): o for o in orgs}
    this = of_year(casussen, year)
    org = this["organisatie"].map(lambda o: canonical[normalize_name(o)])
    month = this["aanmelddatum"].dt.to_period("M")
    table = pd.crosstab(org, month)
    return table.reindex(index=orgs, columns=months, fill_value=0).rename_axis(index="organisatie", columns="maand")


def agreement(casussen: pd.DataFrame, year: int, per_month: float, partners: list[str], months: pd.PeriodIndex) -> pd.DataFrame:
    """Per organisation: months in play, months the agreement was met, cases, the cases the period asks
    (``nodig``: per_month x months) and whether it was met (``gehaald``).

    A whole-number agreement (1 a month) is met as agreed: in every month in play. A fractional one
    (0,5 a month) is an average that no single month can show, so it is judged over the months in play:
    11 cases in 12 months meet 0,5 a month (6 asked), whichever months they came in."""
    return agreement_of(per_organisation_month(casussen, year, partners, months), per_month)


def agreement_of(table: pd.DataFrame, per_month: float) -> pd.DataFrame:
    """``agreement`` from the table ``per_organisation_month`` made already."""
    met = table >= per_month
    out = pd.DataFrame(
        {
            "maanden": table.shape[1],
            "maanden_gehaald": met.sum(axis=1).astype(int),
            "casussen": table.sum(axis=1).astype(int),
        }
    )
    out["aandeel_gehaald"] = out["maanden_gehaald"] / out["maanden"] if table.shape[1] else float("nan")
    out["nodig"] = per_month * table.shape[1]
    out["gehaald"] = agreement_met(out, per_month)
    return out


def agreement_met(agreement: pd.DataFrame, per_month: float) -> pd.Series:
    """Per row of ``agreement`` (maanden, maanden_gehaald, casussen): met over the period, as agreed."""
    if float(per_month).is_integer():
        met = agreement["maanden_gehaald"] >= agreement["maanden"]
    else:
        # rounded: 0.14 x 50 months is 7.000000000000001 in floating point, and 7 cases meet it
        met = agreement["casussen"] >= (per_month * agreement["maanden"]).round(9)
    return (met & (agreement["maanden"] > 0)).astype(bool)


def lead_times(casussen: pd.DataFrame) -> pd.DataFrame:
    """Days between the steps of each case; NaN where a step has no date yet."""
    out = pd.DataFrame(index=casussen.index)
    for name, (start, end) in LEAD_TIMES.items():
        out[name] = (casussen[end] - casussen[start]).dt.days.astype("float64")
    out["kwartaal"] = casussen["aanmelddatum"].dt.to_period("Q")
    return out


def lead_time_summary(casussen: pd.DataFrame) -> pd.DataFrame:
    """Per lead time: n cases, median and quartiles in days (a statistic about people: gate on n)."""
    times = lead_times(casussen)
    rows = []
    for name in LEAD_TIMES:
        days = times[name].dropna()
        rows.append(
            {
                "doorlooptijd": name,
                "n": len(days),
                "mediaan": days.median() if len(days) else float("nan"),
                "q1": days.quantile(0.25) if len(days) else float("nan"),
                "q3": days.quantile(0.75) if len(days) else float("nan"),
            }
        )
    return pd.DataFrame(rows).set_index("doorlooptijd")


def lead_time_trend(casussen: pd.DataFrame, name: str = "aanmelding_oplossing") -> pd.DataFrame:
    """Median lead time per quarter of aanmelding, with n per quarter."""
    times = lead_times(casussen).dropna(subset=[name])
    grouped = times.groupby("kwartaal", observed=True)[name]
    return pd.DataFrame({"n": grouped.size(), "mediaan": grouped.median()}).rename_axis("kwartaal")


def status_counts(casussen: pd.DataFrame) -> pd.Series:
    return casussen["status"].astype("string").value_counts().reindex(list(STATUSSEN), fill_value=0).rename("casussen")


def reached(casussen: pd.DataFrame) -> pd.DataFrame:
    """Per case and step (``contract.CASE_STEPS``): reached, by its date. One definition for every count."""
    return pd.DataFrame({s.name: s.reached(casussen) for s in CASE_STEPS}, index=casussen.index)


def status_without_date(casussen: pd.DataFrame) -> pd.DataFrame:
    """Per case and step: the status says the step was reached, its date is not filled (a notice, not a count)."""
    return pd.DataFrame({s.name: s.status_without_date(casussen) for s in CASE_STEPS}, index=casussen.index)


def funnel(casussen: pd.DataFrame) -> pd.Series:
    """How many cases reached each step, by its date (``reached``): the counts the lead times rest on."""
    steps = reached(casussen).sum().astype(int)
    return pd.Series({"aangemeld": len(casussen), **steps.to_dict()}, name="casussen")


def list_counts(casussen: pd.DataFrame, column: str, categories: list[str] | tuple[str, ...]) -> pd.Series:
    """How many cases mention each value of a list column (a case can mention several)."""
    values = casussen[column].explode().dropna()
    return values.value_counts().reindex(list(categories), fill_value=0).astype(int).rename("casussen")


def list_by_organisation(casussen: pd.DataFrame, column: str, categories) -> pd.DataFrame:
    """Cross-tabulation of a sensitive list attribute by organisation: gate with privacy.gate_crosstab."""
    exploded = casussen[["organisatie", column]].explode(column).dropna()
    table = pd.crosstab(exploded["organisatie"], exploded[column])
    return table.reindex(columns=list(categories), fill_value=0)


def obstacle_counts(casussen: pd.DataFrame) -> pd.Series:
    return list_counts(casussen, "belemmeringen", BELEMMERINGEN)


def stopped_by_organisation(casussen: pd.DataFrame) -> pd.DataFrame:
    """Stopped cases per organisation (sensitive: gate with privacy.gate_crosstab)."""
    stopped = casussen["status"].astype("string") == "gestopt"
    return (
        pd.crosstab(casussen["organisatie"], stopped)
        .reindex(columns=[False, True], fill_value=0)
        .set_axis(["niet_gestopt", "gestopt"], axis=1)
    )


@dataclass(frozen=True)
class Share:
    """A share of cases (a statistic about people): ``aandeel`` of ``n`` cases with an answer."""

    n: int
    ja: int
    aandeel: float | None


def within_existing_offer(casussen: pd.DataFrame) -> Share:
    answered = casussen["binnen_bestaand_aanbod"].dropna()
    n = len(answered)
    ja = int(answered.astype(bool).sum())
    return Share(n=n, ja=ja, aandeel=ja / n if n else None)
