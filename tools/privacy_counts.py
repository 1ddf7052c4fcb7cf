"""Count the published and hidden figures about people of the sample, by reason.

Every sample proeftuin x year x organisation view (and the unfiltered one): each figure the
gated ``YearView`` publishes about people, published or hidden with its reason. Used for the
before/after counts of issue 24 (``python tools/privacy_counts.py [DATA_DIR ...] [--detail]``).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pandas as pd

import leergeschiedenis as lg
from leergeschiedenis.publish import Filters, YearView, organisations

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def figures(view: YearView):
    """(figure, reason) for every figure about people in the view; reason None: published."""
    for after, change in view.welbevinden.items():
        if change.n:
            yield f"welbevinden/{after}", view.welbevinden_reden(after)
    if view.kosten_n:
        yield "kosten", view.kosten_reden
        for f, row in view.financiers.iterrows():
            if row["n"]:
                yield f"financier/{f}", row["reden"] if isinstance(row["reden"], str) else None
    share = view.binnen_bestaand_aanbod
    if share.n:
        yield (
            "binnen_bestaand_aanbod",
            None if share.aandeel is not None else (view.reden("binnen_bestaand_aanbod") or "te_weinig_personen"),
        )
    lead = view.lead_times
    for name, row in lead.iterrows():
        if row["n"]:
            yield f"doorlooptijd/{name}", None if pd.notna(row["mediaan"]) else _lead_reason(row)
    for quarter, row in view.lead_time_trend.iterrows():
        if row["n"] and quarter.year == view.jaar:
            yield (
                f"doorlooptijd_kwartaal/{quarter}",
                None if pd.notna(row["mediaan"]) else _lead_reason(row),
            )
    for step, table in view.binnen_termijn_per_kwartaal.items():
        for quarter, row in table.iterrows():
            if row["n"]:
                yield f"binnen_termijn_kwartaal/{step}/{quarter}", row["reden"] if isinstance(row["reden"], str) else None
    if not view.filters.organisatie:
        table = view.spinnenweb_per_moment
        for _, row in table.iterrows():
            if row["n"]:
                yield f"spinnenweb/{row['meetmoment']}/{row['domein']}", row["reden"] if isinstance(row["reden"], str) else None
        for goal in view.doelen:
            for i in goal.indicatoren:
                if i.code.startswith("spinnenweb_") and i.n:
                    yield f"doel_spinnenweb/{i.code}", i.reden if i.waarde is None else None
        for moment, changes in view.spinnenweb_veranderingen.items():
            for domain, change in changes.items():
                if change.n:
                    yield f"spinnenweb_verandering/{moment}/{domain}", view.spinnenweb_reden("verandering", moment, domain)


def _lead_reason(row: pd.Series) -> str:
    """Before issue 24 the lead-time tables had no ``reden``: hidden meant too few."""
    reason = row.get("reden")
    return reason if isinstance(reason, str) else "te_weinig_personen"


def count(folder: Path, detail: bool = False) -> Counter:
    dataset = lg.load(folder)
    years = sorted(set(dataset.casussen["aanmelddatum"].dt.year.dropna().astype(int)))
    total: Counter = Counter()
    for year in years:
        for org in [None, *organisations(dataset)]:
            view = YearView(dataset, year, Filters(organisatie=org))
            for name, reason in figures(view):
                total[reason or "gepubliceerd"] += 1
                total[(name.split("/")[0], reason or "gepubliceerd")] += 1
                if detail and reason:
                    print(f"  {folder.name} {year} {org or '(alle)'}: {name} {reason}")
    return total


def main(argv: list[str]) -> None:
    detail = "--detail" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")] or sorted(p for p in SAMPLE.iterdir() if p.is_dir())
    overall: Counter = Counter()
    for folder in folders:
        c = count(folder, detail)
        overall += c
        print(f"{folder.name}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=repr) if isinstance(k, str)))
    print("totaal: " + ", ".join(f"{k} {v}" for k, v in sorted(overall.items(), key=repr) if isinstance(k, str)))
    for (kind, reason), v in sorted((k, v) for k, v in overall.items() if not isinstance(k, str)):
        print(f"  per soort: {kind} {reason} {v}")


if __name__ == "__main__":
    main(sys.argv[1:])
