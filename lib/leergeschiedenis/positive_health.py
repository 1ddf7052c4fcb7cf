"""Positieve gezondheid (spinnenweb): scores per measurement moment and paired change per domain.

For report year Y every measurement dated on or before 31 December Y counts.
Versions of the questionnaire are pooled only with a note saying so.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from .contract import DOMEINEN
from .stats import PairedChange, holm, paired_change


def up_to(spinnenweb: pd.DataFrame, year: int) -> pd.DataFrame:
    return spinnenweb[spinnenweb["datum"] <= pd.Timestamp(year, 12, 31)]


def versions(spinnenweb: pd.DataFrame) -> list[str]:
    return sorted(spinnenweb["versie"].astype("string").dropna().unique())


def version_note(spinnenweb: pd.DataFrame) -> str | None:
    """Dutch sentence for the report whenever versions are pooled."""
    found = versions(spinnenweb)
    if len(found) <= 1:
        return None
    return f"Let op: hier zijn scores van verschillende versies van de vragenlijst samengenomen ({', '.join(found)})."


def per_moment(spinnenweb: pd.DataFrame) -> pd.DataFrame:
    """One row per (meetmoment, domain): n participants with a score, mean and standard deviation."""
    rows = []
    for moment, group in spinnenweb.groupby("meetmoment", sort=True):
        for domain in DOMEINEN:
            scores = group[domain].dropna()
            rows.append(
                {
                    "meetmoment": int(moment),
                    "domein": domain,
                    "n": len(scores),
                    "gemiddelde": scores.mean() if len(scores) else float("nan"),
                    "sd": scores.std(ddof=1) if len(scores) > 1 else float("nan"),
                    "datum_van": group["datum"].min(),
                    "datum_tot": group["datum"].max(),
                }
            )
    return pd.DataFrame(rows, columns=["meetmoment", "domein", "n", "gemiddelde", "sd", "datum_van", "datum_tot"])


def participants_per_moment(spinnenweb: pd.DataFrame) -> pd.Series:
    return spinnenweb.groupby("meetmoment")["deelnemer_id"].nunique().rename("n")


def _same_version_pairs(spinnenweb: pd.DataFrame, start: int, end: int):
    a = spinnenweb[spinnenweb["meetmoment"] == start].set_index("deelnemer_id")
    b = spinnenweb[spinnenweb["meetmoment"] == end].set_index("deelnemer_id")
    same_version = a["versie"].astype("string").reindex(b.index) == b["versie"].astype("string")
    both = same_version[same_version.fillna(False)].index
    return a.loc[a.index.intersection(both)], b.loc[both]


def paired_ids(spinnenweb: pd.DataFrame, start: int = 0, end: int = 1) -> dict[str, frozenset]:
    """Per domain, the participants a paired change from ``start`` to ``end`` is about."""
    a, b = _same_version_pairs(spinnenweb, start, end)
    out = {}
    for d in DOMEINEN:
        both = a[d].dropna().index.intersection(b[d].dropna().index)
        out[d] = frozenset(str(i) for i in both)
    return out


def paired_changes(spinnenweb: pd.DataFrame, start: int = 0, end: int = 1) -> dict[str, PairedChange]:
    """Per domain, change from moment ``start`` to ``end`` over participants measured at both
    with the same version; p-values Holm-adjusted across the six domains."""
    a, b = _same_version_pairs(spinnenweb, start, end)
    changes = {d: paired_change(a[d], b[d]) for d in DOMEINEN}
    adjusted = holm([c.p_waarde for c in changes.values()])
    return {d: replace(c, p_holm=p) for (d, c), p in zip(changes.items(), adjusted, strict=True)}


def moments(spinnenweb: pd.DataFrame) -> list[int]:
    return sorted(int(m) for m in spinnenweb["meetmoment"].dropna().unique())
