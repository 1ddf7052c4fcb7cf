"""Maatschappelijk rendement: welbevinden before and after, and annual societal cost per scenario.

The cohort of a year is the cases registered (aanmelddatum) in that year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .cells import cell_text
from .contract import FINANCIERS, SCENARIOS
from .names import clean_identifier, identifier_key, normalize_name
from .stats import PairedChange, paired_change

COMPARISONS = {"na_6_weken": ("voor", "na_6_weken"), "herhaling": ("voor", "herhaling")}


def cohort_ids(casussen: pd.DataFrame, year: int) -> set[str]:
    return set(casussen.loc[casussen["aanmelddatum"].dt.year == year, "casus_id"].astype(str))


def grades(metingen: pd.DataFrame, ids: set[str] | None = None) -> pd.DataFrame:
    """Welbevinden per case (rows) per meetmoment (columns)."""
    rows = metingen if ids is None else metingen[metingen["casus_id"].astype(str).isin(ids)]
    table = rows.pivot(index="casus_id", columns="meetmoment", values="welbevinden")
    return table.reindex(columns=["voor", "na_6_weken", "herhaling"])


def welbevinden_change(metingen: pd.DataFrame, ids: set[str] | None, after: str = "na_6_weken") -> PairedChange:
    """Paired change voor -> ``after`` over the cases measured at both.

    ``metingen``: the Dataset's metingen table; ``ids``: the cases to include (None: all);
    ``after``: ``na_6_weken`` or ``herhaling``.
    """
    if after not in COMPARISONS:
        raise ValueError(f"after={after!r} bestaat niet; kies uit: {', '.join(COMPARISONS)}")
    table = grades(metingen, ids)
    return paired_change(table["voor"], table[after])


@dataclass(frozen=True)
class PriceChoice:
    code: str
    jaar: int  # the price year used
    reden: str  # "" when it is the report year itself


def choose_prices(prijslijst: pd.DataFrame, year: int) -> tuple[pd.DataFrame, list[PriceChoice]]:
    """One price per code: the report year's, else the latest earlier year, else the earliest later year."""
    if prijslijst.empty:
        return prijslijst.set_index("code"), []
    ordered = prijslijst.assign(_jaar=prijslijst["jaar"].astype(int)).sort_values(["code", "_jaar"], kind="stable")
    exact = ordered[ordered["_jaar"] == year].groupby("code", sort=False, observed=True).head(1)
    earlier = ordered[ordered["_jaar"] < year].groupby("code", sort=False, observed=True).tail(1)
    later = ordered[ordered["_jaar"] > year].groupby("code", sort=False, observed=True).head(1)
    earlier = earlier[~earlier["code"].isin(exact["code"])]
    later = later[~later["code"].isin(exact["code"]) & ~later["code"].isin(earlier["code"])]
    notes = [
        PriceChoice(str(code), int(jaar), f"geen prijs voor {year}; prijs van {int(jaar)} gebruikt ({which})")
        for rows, which in ((earlier, "laatste eerdere jaar"), (later, "vroegste latere jaar"))
        for code, jaar in zip(rows["code"], rows["_jaar"], strict=True)
    ]
    chosen = pd.concat([exact, earlier, later]).sort_values("code", kind="stable").drop(columns="_jaar")
    return chosen.set_index("code"), sorted(notes, key=lambda n: n.code)


@dataclass
class CostResult:
    """Annual cost per case and scenario (and per financier), and what was left out and why."""

    per_case: pd.DataFrame  # index casus_id, columns the three scenarios, euros per year
    per_financier: pd.DataFrame  # index financier, columns the three scenarios, plus n (cases involved)
    left_out: dict[str, str] = field(default_factory=dict)  # casus_id -> Dutch reason
    price_notes: list[PriceChoice] = field(default_factory=list)  # only for codes the cost lines use
    financier_cases: dict[str, frozenset] = field(default_factory=dict)  # financier -> cases with a non-zero amount

    @property
    def n(self) -> int:
        return len(self.per_case)

    def totals(self) -> pd.Series:
        return self.per_case.sum().reindex(list(SCENARIOS), fill_value=0.0)

    def savings(self) -> dict[str, float]:
        t = self.totals()
        return {
            "niets_doen_min_proeftuinoplossing": float(t["niets_doen"] - t["proeftuinoplossing"]),
            "huidig_min_proeftuinoplossing": float(t["huidig"] - t["proeftuinoplossing"]),
        }

    def savings_per_financier(self) -> pd.Series:
        """Positive: the financier pays less with the proeftuinoplossing than when nothing is done."""
        f = self.per_financier
        return (f["niets_doen"] - f["proeftuinoplossing"]).rename("besparing")


def refused_case_ids(refused_kosten: pd.DataFrame | None) -> set[str]:
    """casus_id of every refused cost line, read from the row as the team typed it."""
    if refused_kosten is None or refused_kosten.empty:
        return set()
    column = next((c for c in refused_kosten.columns if normalize_name(c) == "casus_id"), None)
    if column is None:
        return set()
    return {i for v in refused_kosten[column].dropna() if (i := clean_identifier(cell_text(v)))}


def costs(
    kosten: pd.DataFrame,
    prijslijst: pd.DataFrame,
    year: int,
    ids: set[str] | None = None,
    refused_ids: set[str] = frozenset(),
) -> CostResult:
    """Annual cost = sum of aantal x prijs, priced at ``year``.

    A case with any refused cost line, or without lines for all three
    scenarios, is left out of every cost figure: half a case must never make
    the savings look bigger or smaller.
    """
    lines = kosten if ids is None else kosten[kosten["casus_id"].astype(str).isin(ids)]
    # a refused line keeps the id as typed (`r-2017-001 `): compare it like an identifier
    known = {identifier_key(i): i for i in (ids if ids is not None else kosten["casus_id"].astype(str))}
    refused_ids = {known.get(identifier_key(r), r) for r in refused_ids}
    prices, notes = choose_prices(prijslijst, year)
    left_out: dict[str, str] = {}
    cohort = set(lines["casus_id"].astype(str)) | ({i for i in refused_ids if ids is None or i in ids})
    for casus in sorted(cohort):
        if casus in refused_ids:
            left_out[casus] = "minstens één kostenregel geweigerd"
    lines = lines[~lines["casus_id"].astype(str).isin(left_out)]
    scenarios_per_case = lines.groupby("casus_id", observed=True)["scenario"].agg(lambda s: set(s.astype(str)))
    for casus, present in scenarios_per_case.items():
        missing = [s for s in SCENARIOS if s not in present]
        if missing:
            left_out[str(casus)] = f"geen kostenregels voor scenario {', '.join(missing)}"
    lines = lines[~lines["casus_id"].astype(str).isin(left_out)].copy()
    lines["prijs"] = lines["voorziening"].map(prices["prijs"]).astype("float64")
    lines["financier"] = lines["voorziening"].map(prices["financier"].astype(str))
    lines["bedrag"] = lines["aantal"] * lines["prijs"]
    lines["scenario"] = lines["scenario"].astype(str)
    per_case = lines.pivot_table(index="casus_id", columns="scenario", values="bedrag", aggfunc="sum", fill_value=0.0)
    per_case = per_case.reindex(columns=list(SCENARIOS), fill_value=0.0).astype("float64")
    per_case.index = per_case.index.astype(str)
    per_fin = lines.pivot_table(index="financier", columns="scenario", values="bedrag", aggfunc="sum", fill_value=0.0)
    per_fin = per_fin.reindex(columns=list(SCENARIOS), fill_value=0.0).astype("float64")
    involved = lines[lines["bedrag"] != 0].groupby("financier")["casus_id"].unique()
    per_fin["n"] = involved.map(len).reindex(per_fin.index, fill_value=0).astype(int)
    order = [f for f in FINANCIERS if f in per_fin.index]
    used = set(lines["voorziening"].astype(str))
    return CostResult(
        per_case=per_case,
        per_financier=per_fin.loc[order],
        left_out=left_out,
        price_notes=[n for n in notes if n.code in used],
        financier_cases={str(f): frozenset(str(i) for i in involved.get(f, [])) for f in order},
    )
