"""Learning sessions (bijeenkomsten): how many, of which kind, and who came."""

from __future__ import annotations

import pandas as pd

from .contract import SOORTEN_BIJEENKOMST

ROLE_COLUMNS = ("wijkbewoners", "professionals", "managers", "bestuurders")


def of_year(bijeenkomsten: pd.DataFrame, year: int) -> pd.DataFrame:
    return bijeenkomsten[bijeenkomsten["datum"].dt.year == year]


def per_kind(bijeenkomsten: pd.DataFrame) -> pd.Series:
    kinds = bijeenkomsten["soort"].astype("string").value_counts()
    return kinds.reindex(list(SOORTEN_BIJEENKOMST), fill_value=0).astype(int).rename("bijeenkomsten")


def attendance(bijeenkomsten: pd.DataFrame) -> pd.DataFrame:
    """Sessions in date order with their attendance, for the trend chart."""
    columns = ["bijeenkomst", "datum", "soort", "deelnemers", *ROLE_COLUMNS]
    return bijeenkomsten[columns].sort_values(["datum", "bijeenkomst"]).reset_index(drop=True)


def mean_attendance(bijeenkomsten: pd.DataFrame) -> float | None:
    """Mean deelnemers over the sessions that recorded it."""
    known = bijeenkomsten["deelnemers"].dropna()
    return float(known.mean()) if len(known) else None


def attendance_by_role(bijeenkomsten: pd.DataFrame) -> pd.Series:
    """Attendances per role summed over the sessions that recorded a breakdown."""
    return bijeenkomsten[list(ROLE_COLUMNS)].sum(min_count=0).astype(int).rename("aanwezigen")


def cards_per_session(bijeenkomsten: pd.DataFrame, reflectiekaarten: pd.DataFrame) -> pd.DataFrame:
    """Every session with its number of cards, also sessions without any."""
    cards = reflectiekaarten["bijeenkomst"].astype("string").value_counts()
    out = bijeenkomsten[["bijeenkomst", "datum", "soort", "deelnemers"]].copy()
    out["kaarten"] = out["bijeenkomst"].astype("string").map(cards).fillna(0).astype(int)
    return out.sort_values("datum").reset_index(drop=True)
