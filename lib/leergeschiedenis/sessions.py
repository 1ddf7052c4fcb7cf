"""Learning sessions (bijeenkomsten): how many, of which kind, and who came."""

from __future__ import annotations

from dataclasses import dataclass

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


LEERSESSIES = ("tweewekelijkse_leersessie", "periodieke_leersessie")


@dataclass(frozen=True)
class Trend:
    """The attendance of one recurring kind of learning session over a year, compared like with like:
    the mean of its first quarter against the mean of its last (or, when all its sessions fall in one
    quarter, its first session against its last)."""

    soort: str
    n: int  # sessions of this kind with a count
    eerste: float
    laatste: float
    eerste_kwartaal: int | None  # 1-4; None when first and last session are compared
    laatste_kwartaal: int | None
    n_eerste: int
    n_laatste: int


def recurring_kind(bijeenkomsten: pd.DataFrame) -> str | None:
    """The proeftuin's recurring kind of learning session: the kind of ``LEERSESSIES`` with the most
    sessions with a count (ties by the order of the contract). Pass all years' sessions, so every year
    and its comparison with last year are about the same kind; None without any."""
    rows = bijeenkomsten.dropna(subset=["deelnemers"])
    kinds = rows["soort"].astype("string")
    counts = {k: int((kinds == k).sum()) for k in LEERSESSIES}
    if not any(counts.values()):
        return None
    return max(LEERSESSIES, key=lambda k: (counts[k], -LEERSESSIES.index(k)))


def kind_attendance(bijeenkomsten: pd.DataFrame, year: int, kind: str | None) -> tuple[int, float | None]:
    """(sessions with a count, mean ``deelnemers``) of the sessions of ``kind`` in ``year``."""
    if kind is None:
        return 0, None
    rows = of_year(bijeenkomsten, year)
    known = rows.loc[rows["soort"].astype("string") == kind, "deelnemers"].dropna()
    return len(known), (float(known.mean()) if len(known) else None)


def learning_trend(bijeenkomsten: pd.DataFrame, kind: str | None = None) -> Trend | None:
    """The trend of the recurring learning sessions (``kind``, else ``recurring_kind`` of these sessions),
    or None with fewer than two such sessions."""
    rows = bijeenkomsten.dropna(subset=["deelnemers"])
    kinds = rows["soort"].astype("string")
    kind = kind or recurring_kind(bijeenkomsten)
    if kind is None:
        return None
    own = rows[kinds == kind].sort_values("datum")
    if len(own) < 2:
        return None
    quarters = own["datum"].dt.quarter
    first, last = int(quarters.min()), int(quarters.max())
    if first == last:
        a, b = own["deelnemers"].iloc[0], own["deelnemers"].iloc[-1]
        return Trend(kind, len(own), float(a), float(b), None, None, 1, 1)
    a, b = own.loc[quarters == first, "deelnemers"], own.loc[quarters == last, "deelnemers"]
    return Trend(kind, len(own), float(a.mean()), float(b.mean()), first, last, len(a), len(b))
