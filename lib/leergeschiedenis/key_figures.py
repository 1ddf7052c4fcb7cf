"""The year's key figures as JSON, read from one gated ``YearView``: what ``leergeschiedenis
kerncijfers`` prints, what kerncijfers.json holds and what the dashboard's cards show.

With an organisation filter the figures are exactly those of the dashboard with
that filter; figures that do not depend on the organisation are listed under
``ongefilterd``. A null that hides a figure has a ``reden`` beside it:
``te_weinig_personen`` or ``herleidbaar`` (hidden so that no small group can be
computed by subtracting published figures).
"""

from __future__ import annotations

import copy
from pathlib import Path

from . import sessions
from .contract import DOMEINEN, ROLLEN
from .dataset import Dataset
from .privacy import jsonable, strict_dumps
from .publish import Filters, YearView
from .publish import view as publish_view
from .wijk import GEEN_GEGEVENS, NOG_NIET_GEMETEN

UNFILTERED = ("bijeenkomsten", "spinnenweb", "datakwaliteit", "wijkbudget", "activiteiten")
# indicators that are shares (0-1) get three decimals, the rest two
_SHARES = ("aandeel_", "binnen_termijn_", "afspraak_", "wijkbudget_besteed_vs_vastgesteld")


def _round(value, digits: int = 2):
    value = jsonable(value)
    return None if value is None else round(value, digits)


def kerncijfers(source: Dataset | YearView, jaar: int | None = None, organisatie: str | None = None) -> dict:
    """Key figures of ``jaar`` (a Dataset, a year and optionally an organisation, matched like an
    identifier) or of a ``YearView``."""
    if not isinstance(source, YearView):  # the one view of it: computed once, also for the dashboard and regio
        return copy.deepcopy(publish_view(source, int(jaar), Filters(organisatie=organisatie)).kern)
    view = source
    out = {
        "proeftuin": view.naam,
        "jaar": view.jaar,
        "min_groepsgrootte": view.min_n,
    }
    if view.filters.organisatie:
        out["organisatie"] = view.filters.organisatie
        out["ongefilterd"] = list(UNFILTERED)
    out |= {
        "casussen": _cases(view),
        "welbevinden": _welbevinden(view),
        "kosten": _costs(view),
        "reflectiekaarten": _cards(view),
        "bijeenkomsten": _sessions(view),
        "spinnenweb": _spinnenweb(view),
        "datakwaliteit": {name: a.as_dict() for name, a in view.dataset.accounting.items()},
        "wijkbudget": _wijkbudget(view),
        "activiteiten": _activiteiten(view),
        "doelen": _doelen(view),
    }
    return out


def write_kerncijfers(figures: dict, path: str | Path) -> Path:
    """kerncijfers.json as a report writes it (UTF-8, indented, one trailing newline)."""
    path = Path(path)
    path.write_text(strict_dumps(figures, indent=2) + "\n", encoding="utf-8")
    return path


def _cases(v: YearView) -> dict:
    c = v.case_counts
    share = v.binnen_bestaand_aanbod
    lead = v.lead_times
    return {
        "totaal": c.totaal,
        "individueel": c.individueel,
        "collectief": c.collectief,
        "vorig_jaar": c.vorig_jaar,
        "groeifactor": _round(c.groeifactor),
        "binnen_bestaand_aanbod": {
            "n": share.n,
            "aandeel": _round(share.aandeel, 3),
            **_reason(share.n and share.aandeel is None, v.reden("binnen_bestaand_aanbod"), share.n),
        },
        "doorlooptijd_dagen": {
            name: {
                "n": int(row["n"]),
                "mediaan": _round(row["mediaan"], 1),
                "q1": _round(row["q1"], 1),
                "q3": _round(row["q3"], 1),
                **_reason(row["n"] and row["mediaan"] != row["mediaan"], row["reden"], int(row["n"])),
            }
            for name, row in lead.iterrows()
        },
    }


def _reason(hidden, reason: str | None, n: int | None = None) -> dict:
    """The reason beside a null: hidden by the gate (``te_weinig_personen``, ``herleidbaar``), or, with
    ``n`` given as 0, nothing measured yet (``nog_niet_gemeten``): every null carries its reason."""
    if n == 0:
        return {"reden": NOG_NIET_GEMETEN}
    return {"reden": reason or "te_weinig_personen"} if hidden else {}


def _welbevinden(v: YearView) -> dict:
    result = {}
    for after, change in v.welbevinden.items():
        hidden = change.n and change.verandering is None
        result[after] = {
            "n_paren": change.n,
            "voor": _round(change.gemiddeld_voor),
            "na": _round(change.gemiddeld_na),
            "verandering": _round(change.verandering),
            "mediaan_verandering": _round(change.mediaan_verandering),
            "ci95": None if change.ci_laag is None else [_round(change.ci_laag), _round(change.ci_hoog)],
            "p_wilcoxon": _round(change.p_waarde, 6),
            "methode": change.methode,
            **_reason(hidden, v.welbevinden_reden(after), change.n),
        }
    first = result["na_6_weken"]
    if "metingen" not in v.dataset.accounting:
        first["reden"] = GEEN_GEGEVENS
    return {
        "n_paren": first["n_paren"],
        "voor": first["voor"],
        "na_6_weken": first["na"],
        "verandering": first["verandering"],
        **({"reden": first["reden"]} if "reden" in first else {}),
        "details": result,
    }


def _costs(v: YearView) -> dict:
    totals, savings = v.kosten_totaal, v.besparing
    fin = v.financiers
    return {
        "n_casussen": v.kosten_n,
        "huidig": None if totals is None else _round(totals["huidig"]),
        "niets_doen": None if totals is None else _round(totals["niets_doen"]),
        "proeftuinoplossing": None if totals is None else _round(totals["proeftuinoplossing"]),
        "besparing": None if savings is None else _round(savings["niets_doen_min_proeftuinoplossing"]),
        "besparing_huidig": None if savings is None else _round(savings["huidig_min_proeftuinoplossing"]),
        **_reason(v.kosten_reden is not None, v.kosten_reden, v.kosten_n),
        **({} if "kosten" in v.dataset.accounting else {"reden": GEEN_GEGEVENS}),
        "besparing_per_financier": {str(f): _round(b) for f, b in fin["besparing"].items()},
        "n_per_financier": {str(f): int(n) for f, n in fin["n"].items()},
        "reden_per_financier": {str(f): r for f, r in fin["reden"].items() if isinstance(r, str)},
        "n_weggelaten": sum(v.kosten_weggelaten.values()),
        "prijsjaar": v.jaar,
        "prijzen_uit_ander_jaar": len(v.prijsnotities),
    }


def _cards(v: YearView) -> dict:
    per_role = v.kaarten_per_rol
    return {
        "totaal": v.n_kaarten,
        "per_rol": {r: int(per_role.get(r, 0)) for r in ROLLEN},
        "per_ontwerpprincipe": {nr: int(n) for nr, n in v.themas.items()},
        "aandeel_gecodeerd": _round(v.aandeel_gecodeerd, 3),
    }


def _sessions(v: YearView) -> dict:
    this = v.year_sessions
    kind = sessions.recurring_kind(v.dataset.bijeenkomsten)  # over all years: last year's is the same kind
    _, learning = sessions.kind_attendance(v.dataset.bijeenkomsten, v.jaar, kind)
    out = {
        "totaal": len(this),
        "gemiddeld_deelnemers": _round(sessions.mean_attendance(this), 1),
        "gemiddeld_deelnemers_leersessie": _round(learning, 1),
        "soort_leersessie": kind,
    }
    reason = GEEN_GEGEVENS if "bijeenkomsten" not in v.dataset.accounting else NOG_NIET_GEMETEN
    return out | ({"reden": reason} if out["gemiddeld_deelnemers"] is None else {})


def _spinnenweb(v: YearView) -> dict:
    stats = v.spinnenweb_per_moment
    participants = v.spinnenweb_deelnemers
    per_moment = {}
    for moment in participants:
        rows = stats[stats["meetmoment"] == moment].set_index("domein")
        entry = {"n": int(participants[moment])}
        for domain in DOMEINEN:
            entry[domain] = _round(rows.loc[domain, "gemiddelde"])
        entry["n_per_domein"] = {d: int(rows.loc[d, "n"]) for d in DOMEINEN}
        reasons = {d: rows.loc[d, "reden"] for d in DOMEINEN if rows.loc[d, "n"] and isinstance(rows.loc[d, "reden"], str)}
        if reasons:
            entry["reden_per_domein"] = reasons
        per_moment[str(moment)] = entry
    return {"per_meetmoment": per_moment, "versies": v.spinnenweb_versies}


def _with_reasons(values: dict, redenen: dict[str, str]) -> dict:
    """``redenen``: why each null is null; ``reden`` too when every figure is null for one reason."""
    nulls = {k: redenen.get(k, "nog_niet_gemeten") for k, val in values.items() if val is None}
    out = dict(values)
    if nulls:
        out["redenen"] = nulls
        if len(nulls) == len(values) and len(set(nulls.values())) == 1:
            out["reden"] = next(iter(nulls.values()))
    return out


def _wijkbudget(v: YearView) -> dict:
    b = v.wijkbudget
    values = {
        "vastgesteld": _round(b.vastgesteld),
        "begroot": _round(b.begroot),
        "besteed": _round(b.besteed),
        "n_posten_zonder_besteed": b.n_posten_zonder_besteed,
        "binnen_budget": b.binnen_budget,
        "aandeel_collectief_preventief": _round(b.aandeel_collectief_preventief, 3),
    }
    out = _with_reasons(values, b.redenen)
    per_soort = {s: _round(x) for s, x in b.besteed_per_soort.items()}
    reasons = out.pop("redenen", None)
    reason = out.pop("reden", None)
    out["besteed_per_soort"] = per_soort
    if reasons:
        out["redenen"] = reasons
    if reason:
        out["reden"] = reason
    return out


def _activiteiten(v: YearView) -> dict:
    a = v.activiteiten
    values = {
        "totaal": a.totaal,
        "bezoekers": a.bezoekers,
        "bezoekers_per_week": _round(a.bezoekers_per_week, 1),
        "aandeel_door_bewoners": _round(a.aandeel_door_bewoners, 3),
    }
    return _with_reasons(values, a.redenen)


_COUNTS = ("casussen_totaal", "casussen_collectief", "reflectiekaarten_totaal")


def _indicator_value(code: str, value):
    if code in _COUNTS and value is not None:
        return int(value)
    return _round(value, 3 if code.startswith(_SHARES) else 2)


def _doelen(v: YearView) -> list[dict]:
    out = []
    for goal in v.doelen:
        items = []
        for i in goal.indicatoren:
            item = {
                "code": i.code,
                "waarde": _indicator_value(i.code, i.waarde),
                "vorig_jaar": _indicator_value(i.code, i.vorig_jaar),
                "streef": i.streef,
                "gehaald": i.gehaald,
                "n": i.n,
            }
            if i.waarde is None:
                item["reden"] = i.reden
            if i.vorig_jaar is None:
                item["reden_vorig_jaar"] = i.reden_vorig_jaar
            if i.ongefilterd:
                item["ongefilterd"] = True
            items.append(item)
        out.append({"doel": goal.doel, "indicatoren": items})
    return out
