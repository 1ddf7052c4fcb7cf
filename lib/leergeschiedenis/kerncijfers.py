"""The year's key figures, after the privacy gate: what ``leergeschiedenis kerncijfers`` prints
and what the report's summary and kerncijfers.json are made of."""

from __future__ import annotations

from . import cases, positive_health, reflections, rendement, sessions
from .contract import DOMEINEN, ROLLEN
from .dataset import Dataset
from .privacy import gate_value, jsonable, protect_total, too_small


def _round(value, digits: int = 2):
    value = jsonable(value)
    return None if value is None else round(value, digits)


def kerncijfers(dataset: Dataset, year: int) -> dict:
    min_n = dataset.config.privacy.min_groepsgrootte
    t = dataset.tables
    return {
        "proeftuin": dataset.naam,
        "jaar": year,
        "min_groepsgrootte": min_n,
        "casussen": _cases(t["casussen"], year, min_n),
        "welbevinden": _welbevinden(dataset, year, min_n),
        "kosten": _costs(dataset, year, min_n),
        "reflectiekaarten": _cards(dataset, year),
        "bijeenkomsten": _sessions(t["bijeenkomsten"], year),
        "spinnenweb": _spinnenweb(t["spinnenweb"], year, min_n),
        "datakwaliteit": {name: a.as_dict() for name, a in dataset.accounting.items()},
    }


def _cases(casussen, year: int, min_n: int) -> dict:
    c = cases.counts(casussen, year)
    this = cases.of_year(casussen, year)
    share = cases.within_existing_offer(this)
    lead = cases.lead_time_summary(this)
    return {
        "totaal": c.totaal,
        "individueel": c.individueel,
        "collectief": c.collectief,
        "vorig_jaar": c.vorig_jaar,
        "groeifactor": _round(c.groeifactor),
        "binnen_bestaand_aanbod": {"n": share.n, "aandeel": _round(gate_value(share.aandeel, share.n, min_n), 3)},
        "doorlooptijd_dagen": {
            name: {
                "n": int(row["n"]),
                "mediaan": _round(gate_value(row["mediaan"], row["n"], min_n), 1),
                "q1": _round(gate_value(row["q1"], row["n"], min_n), 1),
                "q3": _round(gate_value(row["q3"], row["n"], min_n), 1),
            }
            for name, row in lead.iterrows()
        },
    }


def _welbevinden(dataset: Dataset, year: int, min_n: int) -> dict:
    ids = rendement.cohort_ids(dataset.casussen, year)
    result = {}
    for after in ("na_6_weken", "herhaling"):
        change = rendement.welbevinden_change(dataset.metingen, ids, after)
        small = too_small(change.n, min_n)
        result[after] = {
            "n_paren": change.n,
            "voor": None if small else _round(change.gemiddeld_voor),
            "na": None if small else _round(change.gemiddeld_na),
            "verandering": None if small else _round(change.verandering),
            "mediaan_verandering": None if small else _round(change.mediaan_verandering),
            "ci95": None if small or change.ci_laag is None else [_round(change.ci_laag), _round(change.ci_hoog)],
            "p_wilcoxon": None if small else _round(change.p_waarde, 4),
        }
    first = result["na_6_weken"]
    return {
        "n_paren": first["n_paren"],
        "voor": first["voor"],
        "na_6_weken": first["na"],
        "verandering": first["verandering"],
        "details": result,
    }


def _costs(dataset: Dataset, year: int, min_n: int) -> dict:
    ids = rendement.cohort_ids(dataset.casussen, year)
    refused = rendement.refused_case_ids(dataset.refused.get("kosten"))
    result = rendement.costs(dataset.kosten, dataset.prijslijst, year, ids, refused)
    small = too_small(result.n, min_n)
    totals = result.totals()
    savings = result.savings()
    per_fin = result.savings_per_financier()
    ns = result.per_financier["n"].to_dict()
    per_fin_gated = protect_total(
        {str(f): None if small else _round(gate_value(v, int(ns[f]), min_n)) for f, v in per_fin.items()}, ns
    )
    return {
        "n_casussen": result.n,
        "huidig": None if small else _round(totals["huidig"]),
        "niets_doen": None if small else _round(totals["niets_doen"]),
        "proeftuinoplossing": None if small else _round(totals["proeftuinoplossing"]),
        "besparing": None if small else _round(savings["niets_doen_min_proeftuinoplossing"]),
        "besparing_huidig": None if small else _round(savings["huidig_min_proeftuinoplossing"]),
        "besparing_per_financier": per_fin_gated,
        "n_per_financier": {str(f): int(n) for f, n in ns.items()},
        "n_weggelaten": len(result.left_out),
        "prijsjaar": year,
        "prijzen_uit_ander_jaar": len(result.price_notes),
    }


def _cards(dataset: Dataset, year: int) -> dict:
    cards = dataset.reflectiekaarten
    this = cards[cards["datum"].dt.year == year]
    coded = reflections.code_cards(this, dataset.config)
    per_role = reflections.counts_by(this, "rol")
    themes = reflections.theme_counts(this, coded, dataset.config)
    return {
        "totaal": len(this),
        "per_rol": {r: int(per_role.get(r, 0)) for r in ROLLEN},
        "per_ontwerpprincipe": {nr: int(n) for nr, n in themes.items()},
        "aandeel_gecodeerd": _round(reflections.share_coded(coded), 3),
    }


def _sessions(bijeenkomsten, year: int) -> dict:
    this = sessions.of_year(bijeenkomsten, year)
    return {"totaal": len(this), "gemiddeld_deelnemers": _round(sessions.mean_attendance(this), 1)}


def _spinnenweb(spinnenweb, year: int, min_n: int) -> dict:
    data = positive_health.up_to(spinnenweb, year)
    stats = positive_health.per_moment(data)
    participants = positive_health.participants_per_moment(data)
    per_moment = {}
    for moment in positive_health.moments(data):
        rows = stats[stats["meetmoment"] == moment].set_index("domein")
        entry = {"n": int(participants[moment])}
        for domain in DOMEINEN:
            entry[domain] = _round(gate_value(rows.loc[domain, "gemiddelde"], rows.loc[domain, "n"], min_n))
        entry["n_per_domein"] = {d: int(rows.loc[d, "n"]) for d in DOMEINEN}
        per_moment[str(moment)] = entry
    return {"per_meetmoment": per_moment, "versies": positive_health.versions(data)}
