"""The neighbourhood level: the wijkbudget per year, the activities and the wijkprofiel.

Budget lines, visitor counts and neighbourhood figures are not about identifiable
people: they are published without small-group suppression. Every function is pure:
tables in, figures out. A figure that cannot be computed is None with a reason
(``geen_gegevens``: no table or no fixed amount; ``nog_niet_gemeten``: no rows in the
year, or a line without a spent amount yet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .contract import SOORTEN_BUDGET

GEEN_GEGEVENS = "geen_gegevens"
NOG_NIET_GEMETEN = "nog_niet_gemeten"
COLLECTIEF_PREVENTIEF = ("collectief", "preventief")
DOOR_BEWONERS = ("wijkbewoners", "samen")


def of_year(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of ``year``: by ``jaar`` when the table has it, else by ``datum``."""
    if "jaar" in table.columns:
        return table[table["jaar"].astype("Int64") == year]
    return table[table["datum"].dt.year == year]


@dataclass(frozen=True)
class Budget:
    """The wijkbudget of one year; ``redenen`` says why each None is None."""

    jaar: int
    vastgesteld: float | None
    begroot: float | None
    besteed: float | None
    n_posten: int | None
    n_posten_zonder_besteed: int | None
    binnen_budget: bool | None
    aandeel_collectief_preventief: float | None
    besteed_per_soort: dict[str, float | None]
    redenen: dict[str, str] = field(default_factory=dict)

    @property
    def besteed_vs_vastgesteld(self) -> float | None:
        """Spent / fixed amount; None outside the looptijd or while a line has no spent amount."""
        if self.vastgesteld is None or self.besteed is None or self.n_posten_zonder_besteed or not self.vastgesteld:
            return None
        return self.besteed / self.vastgesteld


def vastgesteld(wijkbudget_config, year: int) -> float | None:
    """The fixed amount of ``year``: ``jaarbedrag`` when the year lies within ``looptijd`` (inclusive)."""
    return None if wijkbudget_config is None else wijkbudget_config.vastgesteld(year)


def budget(lines: pd.DataFrame | None, wijkbudget_config, year: int) -> Budget:
    """The budget figures of ``year``. ``lines``: the wijkbudget table, None when absent;
    ``wijkbudget_config``: proeftuin.yml's ``wijkbudget`` (None when not given)."""
    fixed = vastgesteld(wijkbudget_config, year)
    redenen: dict[str, str] = {}
    if fixed is None:
        redenen["vastgesteld"] = GEEN_GEGEVENS
    if lines is None:
        names = ("begroot", "besteed", "n_posten", "n_posten_zonder_besteed", "binnen_budget", "aandeel_collectief_preventief")
        redenen |= dict.fromkeys(names, GEEN_GEGEVENS)
        return Budget(year, fixed, None, None, None, None, None, None, dict.fromkeys(SOORTEN_BUDGET), redenen)
    rows = of_year(lines, year)
    known = rows[rows["besteed"].notna()]
    n_open = len(rows) - len(known)
    begroot = float(rows["begroot"].sum()) if len(rows) else None
    besteed = float(known["besteed"].sum()) if len(known) else None
    soort = known["soort"].astype("string")
    per_soort = {s: (float(known.loc[soort == s, "besteed"].sum()) if len(known) else None) for s in SOORTEN_BUDGET}
    share = None
    if besteed:
        share = float(known.loc[soort.isin(COLLECTIEF_PREVENTIEF), "besteed"].sum()) / besteed
    within = None if (fixed is None or n_open or besteed is None) else bool(besteed <= fixed)
    if begroot is None:
        redenen["begroot"] = NOG_NIET_GEMETEN
    if besteed is None:
        redenen["besteed"] = NOG_NIET_GEMETEN
    if share is None:
        redenen["aandeel_collectief_preventief"] = NOG_NIET_GEMETEN
    if within is None:
        redenen["binnen_budget"] = redenen.get("vastgesteld") or NOG_NIET_GEMETEN
    return Budget(year, fixed, begroot, besteed, len(rows), n_open, within, share, per_soort, redenen)


def budget_years(lines: pd.DataFrame | None, wijkbudget_config) -> list[int]:
    """Every year with budget lines or within the looptijd, for the trend since the first year."""
    found = set() if lines is None else {int(y) for y in lines["jaar"].dropna()}
    if wijkbudget_config is not None:
        found |= set(range(wijkbudget_config.looptijd[0], wijkbudget_config.looptijd[1] + 1))
    return sorted(found)


def budget_per_year(lines: pd.DataFrame | None, wijkbudget_config, up_to: int | None = None) -> pd.DataFrame:
    """Per year: fixed amount, budgeted, spent and the share collective + preventive (for the chart)."""
    rows = []
    for year in budget_years(lines, wijkbudget_config):
        if up_to is not None and year > up_to:
            continue
        b = budget(lines, wijkbudget_config, year)
        rows.append(
            {
                "jaar": year,
                "vastgesteld": b.vastgesteld,
                "begroot": b.begroot,
                "besteed": b.besteed,
                "n_posten_zonder_besteed": b.n_posten_zonder_besteed,
                "aandeel_collectief_preventief": b.aandeel_collectief_preventief,
            }
        )
    columns = ["jaar", "vastgesteld", "begroot", "besteed", "n_posten_zonder_besteed", "aandeel_collectief_preventief"]
    return pd.DataFrame(rows, columns=columns).set_index("jaar")


def by_buurt(table: pd.DataFrame, wijken: list[str]) -> dict[str, pd.DataFrame]:
    """The rows per buurt (in the order of ``wijken``) when the table has a ``wijk`` column with values, else {}."""
    if "wijk" not in table.columns or table["wijk"].isna().all():
        return {}
    return {w: table[table["wijk"] == w] for w in wijken}


# -- activities ----------------------------------------------------------------------


def iso_weeks(dates: pd.Series) -> set[tuple[int, int]]:
    """The distinct ISO (year, week) pairs among ``dates``: 1 January 2016 is in 2015-W53."""
    iso = dates.dropna().dt.isocalendar()
    return set(zip(iso["year"].astype(int), iso["week"].astype(int), strict=True))


@dataclass(frozen=True)
class Activities:
    jaar: int
    totaal: int | None
    bezoekers: int | None
    bezoekers_per_week: float | None
    n_weken: int | None
    aandeel_door_bewoners: float | None
    redenen: dict[str, str] = field(default_factory=dict)


def activities(table: pd.DataFrame | None, year: int) -> Activities:
    """Count, visitors, visitors per ISO week with an activity, and the share organised by residents or together."""
    if table is None:
        names = ("totaal", "bezoekers", "bezoekers_per_week", "aandeel_door_bewoners")
        return Activities(year, None, None, None, None, None, dict.fromkeys(names, GEEN_GEGEVENS))
    rows = of_year(table, year)
    if rows.empty:
        redenen = dict.fromkeys(("bezoekers_per_week", "aandeel_door_bewoners"), NOG_NIET_GEMETEN)
        return Activities(year, 0, 0, None, 0, None, redenen)
    visitors = int(rows["bezoekers"].sum())
    weeks = len(iso_weeks(rows["datum"]))
    by_residents = rows["georganiseerd_door"].astype("string").isin(DOOR_BEWONERS)
    return Activities(year, len(rows), visitors, visitors / weeks, weeks, float(by_residents.mean()))


def visitors_per_week(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per ISO week with an activity in ``year``: visitors and activities (for the chart over the year)."""
    rows = of_year(table, year)
    iso = rows["datum"].dt.isocalendar()
    out = rows.assign(iso_jaar=iso["year"].astype(int), week=iso["week"].astype(int))
    grouped = out.groupby(["iso_jaar", "week"])
    return pd.DataFrame({"bezoekers": grouped["bezoekers"].sum().astype(int), "activiteiten": grouped.size()})


def per_month(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per month of ``year``: activities, visitors and the share organised by residents or together."""
    rows = of_year(table, year)
    month = rows["datum"].dt.to_period("M").rename("maand")
    by_residents = rows["georganiseerd_door"].astype("string").isin(DOOR_BEWONERS)
    grouped = rows.assign(_bewoners=by_residents).groupby(month)
    return pd.DataFrame(
        {
            "activiteiten": grouped.size(),
            "bezoekers": grouped["bezoekers"].sum().astype(int),
            "aandeel_door_bewoners": grouped["_bewoners"].mean(),
        }
    )


# -- wijkprofiel ---------------------------------------------------------------------


def profile(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The wijkprofiel of ``year`` with last year's value beside it (per kenmerk and wijk)."""
    keys = ["kenmerk", "wijk"]
    this = of_year(table, year).assign(wijk=lambda t: t["wijk"].fillna(""))
    last = of_year(table, year - 1).assign(wijk=lambda t: t["wijk"].fillna(""))
    last = last[[*keys, "waarde"]].rename(columns={"waarde": "vorig_jaar"})
    out = this[[*keys, "waarde", "eenheid", "bron"]].merge(last, on=keys, how="left")
    return out.reset_index(drop=True)
