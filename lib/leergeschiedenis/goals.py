"""The goals of ``proeftuin.yml`` with their indicators, for one ``YearView``.

Every indicator about people (doorlooptijd, binnen_termijn, welbevinden, kosten,
spinnenweb) takes its value from the gated view, so a figure the gate hides is
None here too (with its ``reden``) and no target is judged on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import indicators, wijk
from .config import Doel
from .contract import DOMEINEN
from .privacy import TE_WEINIG, too_small

if TYPE_CHECKING:
    from .publish import YearView

GEEN_GEGEVENS, NOG_NIET_GEMETEN = wijk.GEEN_GEGEVENS, wijk.NOG_NIET_GEMETEN
VERSIES_GEMENGD = "versies_gemengd"

# indicators that do not depend on the organisation filter (judged on the unfiltered figure)
UNFILTERED = (
    "deelnemers_per_bijeenkomst",
    "aandeel_wijkbewoners_bijeenkomsten",
    "bezoekers_per_week",
    "aandeel_door_bewoners",
    "wijkbudget_besteed_vs_vastgesteld",
    "aandeel_collectief_preventief",
    *(f"spinnenweb_{d}" for d in DOMEINEN),
)


@dataclass(frozen=True)
class Value:
    waarde: float | None
    n: int | None
    reden: str | None = None


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    waarde: float | None
    vorig_jaar: float | None
    streef: float | None
    gehaald: bool | None
    n: int | None
    reden: str | None = None
    reden_vorig_jaar: str | None = None
    ongefilterd: bool = False


@dataclass(frozen=True)
class GoalResult:
    doel: str
    indicatoren: list[IndicatorResult]


def _present(v: YearView, table: str) -> bool:
    return table in v.dataset.accounting


def _value(value, n: int | None, reden: str | None = None) -> Value:
    if reden is not None or value is None:
        return Value(None, n, reden or NOG_NIET_GEMETEN)
    return Value(float(value), n)


def value(v: YearView, code: str) -> Value:
    """The value of indicator ``code`` for the view's year (with its n, or a reason for None)."""
    if code.startswith("spinnenweb_"):
        return _spinnenweb(v, code.removeprefix("spinnenweb_"))
    if code.startswith("binnen_termijn_"):
        return _within_term(v, code.removeprefix("binnen_termijn_"))
    return _COMPUTE[code](v)


def _cases(v: YearView, column: str) -> Value:
    c = v.case_counts
    return Value(float(getattr(c, column)), c.totaal)


def _lead_time(v: YearView) -> Value:
    n = int(v._lead_times_raw.loc["aanmelding_oplossing", "n"])
    median = v.lead_times.loc["aanmelding_oplossing", "mediaan"]
    if not n:
        return Value(None, 0, NOG_NIET_GEMETEN)
    reason = v.lead_times.loc["aanmelding_oplossing", "reden"] or (TE_WEINIG if median != median else None)
    return _value(None if median != median else median, n, reason)


def _within_term(v: YearView, step: str) -> Value:
    maximum = getattr(v.config.afspraken.maximale_doorlooptijd_dagen, step)
    result = indicators.within_term(v._casussen, v.jaar, step, maximum)
    if not result.n:
        return Value(None, 0, NOG_NIET_GEMETEN)
    reason = v.reden(f"binnen_termijn_{step}") or (TE_WEINIG if too_small(result.n, v.min_n) else None)
    return _value(result.aandeel, result.n, reason)


def _agreement(v: YearView) -> Value:
    n, share = indicators.organisations_meeting(v.agreement, v.config.afspraken.casussen_per_organisatie_per_maand)
    return _value(share, n)


def _welbevinden(v: YearView, field: str) -> Value:
    if not _present(v, "metingen"):
        return Value(None, None, GEEN_GEGEVENS)
    change = v.welbevinden["na_6_weken"]
    if not change.n:
        return Value(None, 0, NOG_NIET_GEMETEN)
    return _value(getattr(change, field), change.n, v.welbevinden_reden("na_6_weken"))


def _costs(v: YearView, what: str) -> Value:
    if not _present(v, "kosten"):
        return Value(None, None, GEEN_GEGEVENS)
    n = v.kosten_n
    if not n:
        return Value(None, 0, NOG_NIET_GEMETEN)
    if v.kosten_reden is not None or v.kosten_totaal is None:
        return Value(None, n, v.kosten_reden or TE_WEINIG)
    totals = v.kosten_totaal
    amount = {
        "besparing": totals["niets_doen"] - totals["proeftuinoplossing"],
        "besparing_huidig": totals["huidig"] - totals["proeftuinoplossing"],
        "kosten": totals["proeftuinoplossing"],
    }[what]
    return _value(amount / n, n)


def _spinnenweb(v: YearView, domain: str) -> Value:
    if not _present(v, "spinnenweb"):
        return Value(None, None, GEEN_GEGEVENS)
    n, mean, mixed = indicators.spinnenweb_latest(v.dataset.spinnenweb, v.jaar, domain)
    if mixed:
        return Value(None, n, VERSIES_GEMENGD)
    if not n:
        return Value(None, 0, NOG_NIET_GEMETEN)
    reason = v.gate.spinnenweb.get(("laatste", v.jaar, domain))  # next to the moments' means (gate.py)
    return _value(mean, n, TE_WEINIG if too_small(n, v.min_n) else reason)


def _sessions(v: YearView, compute) -> Value:
    if not _present(v, "bijeenkomsten"):
        return Value(None, None, GEEN_GEGEVENS)
    n, result = compute(v.dataset.bijeenkomsten, v.jaar)
    return _value(result, n)


def _cards(v: YearView) -> Value:
    if not _present(v, "reflectiekaarten"):
        return Value(None, None, GEEN_GEGEVENS)
    return Value(float(v.n_kaarten), v.n_kaarten)


def _activities(v: YearView, field: str) -> Value:
    a = v.activiteiten
    return _value(getattr(a, field), a.totaal, a.redenen.get(field))


def _budget_share(v: YearView) -> Value:
    b = v.wijkbudget
    n = None if b.n_posten is None else b.n_posten - b.n_posten_zonder_besteed
    return _value(b.aandeel_collectief_preventief, n, b.redenen.get("aandeel_collectief_preventief"))


def _budget_spent(v: YearView) -> Value:
    b = v.wijkbudget
    share = b.besteed_vs_vastgesteld
    if share is not None:
        return Value(share, b.n_posten)
    if b.n_posten is None or b.vastgesteld is None:
        return Value(None, b.n_posten, GEEN_GEGEVENS)
    return Value(None, b.n_posten, NOG_NIET_GEMETEN)


_COMPUTE = {
    "casussen_totaal": lambda v: _cases(v, "totaal"),
    "casussen_collectief": lambda v: _cases(v, "collectief"),
    "doorlooptijd_aanmelding_oplossing": _lead_time,
    "afspraak_organisaties": _agreement,
    "welbevinden_verandering": lambda v: _welbevinden(v, "verandering"),
    "welbevinden_na": lambda v: _welbevinden(v, "gemiddeld_na"),
    "besparing_per_casus": lambda v: _costs(v, "besparing"),
    "besparing_huidig_per_casus": lambda v: _costs(v, "besparing_huidig"),
    "kosten_per_casus": lambda v: _costs(v, "kosten"),
    "deelnemers_per_bijeenkomst": lambda v: _sessions(v, indicators.participants_per_session),
    "aandeel_wijkbewoners_bijeenkomsten": lambda v: _sessions(v, indicators.residents_share_sessions),
    "reflectiekaarten_totaal": _cards,
    "bezoekers_per_week": lambda v: _activities(v, "bezoekers_per_week"),
    "aandeel_door_bewoners": lambda v: _activities(v, "aandeel_door_bewoners"),
    "wijkbudget_besteed_vs_vastgesteld": _budget_spent,
    "aandeel_collectief_preventief": _budget_share,
}


def indicator(v: YearView, code: str, streef: float | None = None) -> IndicatorResult:
    """One indicator: this year, last year (with last year's prices), n, target and whether it is met.
    Under an organisation filter an indicator that does not depend on it is marked ``ongefilterd``."""
    this, last = value(v, code), value(v.vorig_jaar, code)
    return IndicatorResult(
        code=code,
        waarde=this.waarde,
        vorig_jaar=last.waarde,
        streef=streef,
        gehaald=indicators.gehaald(code, this.waarde, streef),
        n=this.n,
        reden=this.reden,
        reden_vorig_jaar=last.reden,
        ongefilterd=bool(v.filters.organisatie) and code in UNFILTERED,
    )


def goals(v: YearView) -> list[GoalResult]:
    """Every goal of proeftuin.yml in its order; a plain-text goal has no indicators."""
    out = []
    for doel in v.config.doelen:
        if isinstance(doel, Doel):
            out.append(GoalResult(doel.naam, [indicator(v, i.code, i.streef) for i in doel.items]))
        else:
            out.append(GoalResult(str(doel), []))
    return out
