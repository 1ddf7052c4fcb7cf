"""What may be published about one proeftuin-year: every table and figure after the privacy gate.

This is the edge of the library. The report and the dashboard only ever see a
``YearView``: no identifiers, no confidential free text, no statistic about
fewer people than ``min_groepsgrootte``, quotes only with consent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import InitVar, dataclass, field, replace
from functools import cached_property

import pandas as pd

from . import cases, fmt, goals, indicators, lessons, positive_health, reflections, rendement, sessions, wijk
from .contract import ORDER
from .dataset import Dataset, first_registration, year_with_data
from .errors import OnbekendeOrganisatie
from .gate import ALLE, YearGate, organisation_key, year_gate
from .privacy import TE_WEINIG, gate_dataclass, gate_frame, too_small
from .problems import RULES
from .stats import PairedChange


def organisations(dataset: Dataset) -> list[str]:
    """The organisations a view can be filtered on: of the cases and of the reflection cards, one
    spelling each (the first one met), compared like identifiers."""
    names = [*dataset.casussen["organisatie"].dropna().astype(str), *dataset.reflectiekaarten["organisatie"].dropna().astype(str)]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(organisation_key(name), name.strip())
    return sorted(seen.values(), key=str.casefold)


def organisation_named(dataset: Dataset, name: str) -> str:
    """``name`` as the proeftuin spells it, matched like an identifier; a Dutch error listing the known ones."""
    known = organisations(dataset)
    match = next((o for o in known if organisation_key(o) == organisation_key(name)), None)
    if match is None:
        raise OnbekendeOrganisatie(
            f"Organisatie '{name}' komt niet voor in de casussen of reflectiekaarten van {dataset.naam}. "
            f"Bekende organisaties: {', '.join(known) or '(geen)'}."
        )
    return match


@dataclass(frozen=True)
class Filters:
    """Dashboard filters; the report uses none. Empty means: everything."""

    organisatie: str | None = None
    rol: str | None = None


@dataclass
class YearView:
    """Everything a report, the dashboard or kerncijfers may publish about one proeftuin-year.

    The frames with rows about people (cases with their confidential texts, cards,
    spinnenweb rows with pseudonyms) are private (``_year_cases`` ...); what is public
    is gated figures, plain counts and consented quotes. ``dataset`` is the input the
    view is made from, not something to publish from.
    """

    dataset: Dataset
    jaar: int
    filters: Filters = field(default_factory=Filters)
    # False: a year without data, or an organisation of no case or card, gives zeros (the year before, a
    # comparison); True (what the API gives): refused, like the command line (JaarZonderGegevens, OnbekendeOrganisatie)
    controleren: InitVar[bool] = True

    def __post_init__(self, controleren: bool) -> None:
        if controleren:
            self.jaar, self.filters = _checked(self.dataset, self.jaar, self.filters)

    @property
    def min_n(self) -> int:
        return self.dataset.config.privacy.min_groepsgrootte

    @property
    def config(self):
        return self.dataset.config

    @property
    def naam(self) -> str:
        return self.dataset.naam

    # -- inputs, filtered -------------------------------------------------------------

    @property
    def gate(self) -> YearGate:
        """The one decision about what may be published this year, shared by every view."""
        return year_gate(self.dataset, self.jaar)

    @property
    def view_key(self) -> str:
        return organisation_key(self.filters.organisatie) if self.filters.organisatie else ALLE

    def reden(self, stat) -> str | None:
        """Why a figure of this view is not shown (``te_weinig_personen``, ``herleidbaar``), or None."""
        return self.gate.reason(stat, self.view_key)

    @cached_property
    def _casussen(self) -> pd.DataFrame:
        c = self.dataset.casussen
        if self.filters.organisatie:
            c = c[c["organisatie"].map(organisation_key) == self.view_key]
        return c

    @cached_property
    def _cards(self) -> pd.DataFrame:
        r = self.dataset.reflectiekaarten
        if self.filters.organisatie:
            r = r[r["organisatie"].map(organisation_key, na_action="ignore") == self.view_key]
        if self.filters.rol:
            r = r[r["rol"].astype("string") == self.filters.rol]
        return r

    @cached_property
    def _year_cases(self) -> pd.DataFrame:
        return cases.of_year(self._casussen, self.jaar)

    @cached_property
    def _year_cards(self) -> pd.DataFrame:
        return self._cards[self._cards["datum"].dt.year == self.jaar]

    # -- plain counts derived from the private frames --------------------------------

    @property
    def n_kaarten(self) -> int:
        """Reflection cards dated in the year (with the filters)."""
        return len(self._year_cards)

    def n_casussen_met(self, column: str) -> int:
        """The year's cases with at least one value in a list column (levensdomeinen, belemmeringen)."""
        return int(self._year_cases[column].map(len).gt(0).sum())

    @property
    def codering(self) -> dict[str, int]:
        """How the year's cards were coded: handmatig, automatisch, geen."""
        bron = self._coded_cards["bron"].value_counts() if len(self._coded_cards) else pd.Series(dtype=int)
        manual, auto = int(bron.get("handmatig", 0)), int(bron.get("automatisch", 0))
        return {"handmatig": manual, "automatisch": auto, "geen": len(self._coded_cards) - manual - auto}

    @property
    def aandeel_gecodeerd(self) -> float | None:
        return reflections.share_coded(self._coded_cards)

    @property
    def spinnenweb_gemeten(self) -> bool:
        return not self._spinnenweb.empty

    @property
    def spinnenweb_deelnemers(self) -> dict[int, int]:
        """Participants per measurement moment up to the year (a plain count)."""
        return {int(m): int(n) for m, n in positive_health.participants_per_moment(self._spinnenweb).items()}

    @property
    def spinnenweb_versies(self) -> list[str]:
        return positive_health.versions(self._spinnenweb)

    # -- key figures ------------------------------------------------------------------

    @cached_property
    def kern(self) -> dict:
        """kerncijfers of this view (unfiltered: the published JSON)."""
        from .key_figures import kerncijfers

        return kerncijfers(self)

    @cached_property
    def vorig_jaar(self) -> YearView:
        """The year before, with the same filters (the one view of it, see ``view``); a first year's is empty."""
        return view(self.dataset, self.jaar - 1, self.filters, controleren=False)

    @cached_property
    def kern_vorig_jaar(self) -> dict:
        return self.vorig_jaar.kern

    # -- Samenwerkwijze -----------------------------------------------------------------

    @cached_property
    def case_counts(self) -> cases.YearCounts:
        return cases.counts(self._casussen, self.jaar)

    @cached_property
    def cases_per_year(self) -> pd.DataFrame:
        table = cases.per_year(self._casussen)
        return table[table.index <= self.jaar]

    @cached_property
    def _months_in_play(self) -> pd.PeriodIndex:
        """The year's months within the proeftuin's period (``periode`` in proeftuin.yml; without it, from the
        first dated registration of any kind): the same for every filter, so a filter never shortens the year."""
        periode = self.config.periode
        if periode is not None:
            return cases.months_in_play(self.jaar, periode.start, periode.einde)
        start = first_registration(self.dataset)
        return cases.months_in_play(self.jaar, start) if start else pd.PeriodIndex([], freq="M")

    @cached_property
    def per_organisation_month(self) -> pd.DataFrame:
        partners = [] if self.filters.organisatie else self.config.partners
        return cases.per_organisation_month(self._casussen, self.jaar, partners, self._months_in_play)

    @cached_property
    def agreement(self) -> pd.DataFrame:
        return cases.agreement_of(self.per_organisation_month, self.config.afspraken.casussen_per_organisatie_per_maand)

    # -- figures about people: what the gate lets through -----------------------------

    @cached_property
    def _lead_times_raw(self) -> pd.DataFrame:
        return cases.lead_time_summary(self._year_cases)

    @cached_property
    def lead_times(self) -> pd.DataFrame:
        """Medians and quartiles, with ``reden``: gated on their own n, and hidden like a mean when a nested
        published group (a quarter, the organisation, the year) differs from theirs by a few cases."""
        table = gate_frame(self._lead_times_raw, self.min_n, ["mediaan", "q1", "q3"])
        table["reden"] = [
            (TE_WEINIG if n and pd.isna(m) else None) or (self.reden(("doorlooptijd", name)) if n else None)
            for name, n, m in zip(table.index, table["n"], table["mediaan"], strict=True)
        ]
        table[["mediaan", "q1", "q3"]] = table[["mediaan", "q1", "q3"]].mask(table["reden"].notna())
        return table

    @cached_property
    def lead_time_trend(self) -> pd.DataFrame:
        """Median lead time per quarter of aanmelding up to this year; each quarter decided by its own year's gate
        (so every year's report shows a quarter the same way), ``reden`` beside a hidden one."""
        trend = cases.lead_time_trend(self._casussen[self._casussen["aanmelddatum"].dt.year <= self.jaar])
        table = gate_frame(trend, self.min_n, ["mediaan"])
        stat = ("doorlooptijd", "aanmelding_oplossing")
        table["reden"] = [
            TE_WEINIG if pd.isna(m) else year_gate(self.dataset, q.year).reason(stat, self.view_key, str(q))
            for q, m in zip(table.index, table["mediaan"], strict=True)
        ]
        table["mediaan"] = table["mediaan"].mask(table["reden"].notna())
        return table

    @cached_property
    def funnel(self) -> pd.Series:
        return cases.funnel(self._year_cases)

    @cached_property
    def status(self) -> pd.Series:
        """Cases per status; with a filter the stopped cases come from the gated table per organisation."""
        counts = cases.status_counts(self._year_cases).astype("float64")
        if self.filters.organisatie:
            counts["gestopt"] = self.gate.crosstab_row("gestopt", self.view_key)["gestopt"]
        return counts

    def _sensitive_counts(self, name: str, counts: pd.Series) -> pd.Series:
        """Overall: the published totals. Filtered: the organisation's row of the gated cross-table,
        so the filter never shows a count the table hides (NaN: hidden)."""
        if not self.filters.organisatie:
            return counts
        return self.gate.crosstab_row(name, self.view_key).reindex(counts.index).rename(counts.name)

    @cached_property
    def levensdomeinen(self) -> pd.Series:
        counts = cases.list_counts(self._year_cases, "levensdomeinen", self.config.levensdomeinen)
        return self._sensitive_counts("levensdomeinen", counts)

    @cached_property
    def belemmeringen(self) -> pd.Series:
        return self._sensitive_counts("belemmeringen", cases.obstacle_counts(self._year_cases))

    @cached_property
    def binnen_bestaand_aanbod(self) -> cases.Share:
        share = cases.within_existing_offer(self._year_cases)
        return share if self.reden("binnen_bestaand_aanbod") is None else cases.Share(share.n, None, None)

    # -- Maatschappelijk rendement -----------------------------------------------------------

    @cached_property
    def _cohort(self) -> set[str]:
        return rendement.cohort_ids(self._casussen, self.jaar)

    @cached_property
    def welbevinden(self) -> dict[str, PairedChange]:
        out = {}
        for after in rendement.COMPARISONS:
            change = rendement.welbevinden_change(self.dataset.metingen, self._cohort, after)
            hidden = change.n and self.reden(f"welbevinden_{after}") is not None
            out[after] = gate_dataclass(change, float("inf")) if hidden else change
        return out

    def welbevinden_reden(self, after: str = "na_6_weken") -> str | None:
        return self.reden(f"welbevinden_{after}") if self.welbevinden[after].n else None

    @property
    def welbevinden_redenen(self) -> dict[str, str | None]:
        return {after: self.welbevinden_reden(after) for after in rendement.COMPARISONS}

    @cached_property
    def _costs(self) -> rendement.CostResult:
        if not self.filters.organisatie:  # the year's whole cohort, as the gate judged it
            return self.gate.cohort_costs
        refused = rendement.refused_case_ids(self.dataset.refused.get("kosten"))
        return rendement.costs(self.dataset.kosten, self.dataset.prijslijst, self.jaar, self._cohort, refused)

    @property
    def kosten_n(self) -> int:
        return self._costs.n

    @property
    def kosten_reden(self) -> str | None:
        return self.reden("kosten") if self._costs.n else None

    @cached_property
    def _costs_hidden(self) -> bool:
        """No cost figures without cases (nothing measured) or when the gate hides them."""
        return self._costs.n == 0 or self.kosten_reden is not None

    @cached_property
    def kosten_totaal(self) -> pd.Series | None:
        """Sum per scenario, or None when it rests on too few cases."""
        return None if self._costs_hidden else self._costs.totals()

    @cached_property
    def besparing(self) -> dict[str, float] | None:
        return None if self._costs_hidden else self._costs.savings()

    @cached_property
    def aandeel_goedkoper(self) -> float | None:
        """Share of micro-analysed cases whose proeftuinoplossing costs less than doing nothing."""
        if self._costs_hidden:
            return None
        per_case = self._costs.per_case
        return float((per_case["proeftuinoplossing"] < per_case["niets_doen"]).mean())

    @cached_property
    def aantal_goedkoper(self) -> int | None:
        """How many micro-analysed cases had a proeftuinoplossing cheaper than doing nothing (a count
        under the same gate as the totals: shown only when the cost figures are)."""
        if self._costs_hidden:
            return None
        per_case = self._costs.per_case
        return int((per_case["proeftuinoplossing"] < per_case["niets_doen"]).sum())

    @cached_property
    def financiers(self) -> pd.DataFrame:
        """Per financier: cost per scenario, savings and n; NaN where the gate hides it (``reden`` says why)."""
        per = self._costs.per_financier.copy()
        per["besparing"] = self._costs.savings_per_financier()
        columns = ["huidig", "niets_doen", "proeftuinoplossing", "besparing"]
        per[columns] = per[columns].astype("float64")
        per["reden"] = [self.reden(("financier", f)) or (TE_WEINIG if self._costs_hidden else None) for f in per.index]
        per.loc[per["reden"].notna(), columns] = float("nan")
        return per

    @cached_property
    def prijsnotities(self) -> list[str]:
        return [f"{n.code}: {n.reden}" for n in self._costs.price_notes]

    @cached_property
    def kosten_weggelaten(self) -> dict[str, int]:
        """Why cases were left out of the cost figures, counted (the ids stay in `leergeschiedenis check`)."""
        return dict(Counter(self._costs.left_out.values()))

    # -- Leersessies & reflectiekaarten ---------------------------------------------------

    @cached_property
    def year_sessions(self) -> pd.DataFrame:
        return sessions.of_year(self.dataset.bijeenkomsten, self.jaar)

    @cached_property
    def _coded_cards(self) -> pd.DataFrame:
        return reflections.code_cards(self._year_cards, self.config)

    @cached_property
    def kaarten_per_rol(self) -> pd.Series:
        return reflections.counts_by(self._year_cards, "rol")

    @cached_property
    def themas(self) -> pd.Series:
        return reflections.theme_counts(self._year_cards, self._coded_cards, self.config)

    @cached_property
    def thema_per_rol(self) -> pd.DataFrame:
        return reflections.theme_by_role(self._year_cards, self._coded_cards, self.config)

    @cached_property
    def citaten(self) -> pd.DataFrame:
        """Consented reflection-card texts and consented case quotes; nothing else."""
        return reflections.quotable(self._year_cards, self._coded_cards)

    @cached_property
    def casus_citaten(self) -> list[str]:
        c = self._year_cases
        consent = c["toestemming_citaat"].fillna(False).astype(bool) & c["citaat"].notna()
        return [str(q) for q in c.loc[consent, "citaat"]]

    @cached_property
    def lessen(self) -> lessons.LessonPlan:
        """Per principle what its cards say and suggest, and every quote of a report, each text once
        (counts of cards, words on at least ``min_n`` cards, consented texts only); with a filter, no word
        count or suggestion group that differs from the unfiltered view's by a few cards."""
        plan = lessons.plan(self._year_cards, self._coded_cards, self.config, self.min_n, self.casus_citaten)
        f = self.filters
        if not (f.organisatie or f.rol):
            return plan
        wider = [Filters()] + ([Filters(organisatie=f.organisatie), Filters(rol=f.rol)] if f.organisatie and f.rol else [])
        return lessons.without_small_differences(plan, [view(self.dataset, self.jaar, w).lessen for w in wider], self.min_n)

    @cached_property
    def termen_per_rol(self) -> dict[str, list[tuple[str, int]]]:
        return reflections.top_terms(self._year_cards, min_cards=self.min_n)

    # -- Positieve gezondheid ------------------------------------------------------------

    @cached_property
    def _spinnenweb(self) -> pd.DataFrame:
        return positive_health.up_to(self.dataset.spinnenweb, self.jaar)

    @cached_property
    def spinnenweb_per_moment(self) -> pd.DataFrame:
        """Means per moment and domain; hidden (NaN, with ``reden``) when too few or when the difference
        with an earlier year's published figure would describe a few newcomers."""
        table = positive_health.per_moment(self._spinnenweb)
        table["reden"] = [
            self.gate.spinnenweb.get(("gemiddelde", int(m), d), TE_WEINIG)
            for m, d in zip(table["meetmoment"], table["domein"], strict=True)
        ]
        table[["gemiddelde", "sd"]] = table[["gemiddelde", "sd"]].astype("float64").mask(table["reden"].notna())
        return table

    @cached_property
    def spinnenweb_momenten(self) -> dict[int, str]:
        """Measurement moment -> 'Nulmeting (oktober 2017)' etc."""
        labels = {}
        for moment, group in self._spinnenweb.groupby("meetmoment"):
            name = "Nulmeting" if int(moment) == 0 else f"Vervolgmeting {int(moment)}"
            labels[int(moment)] = f"{name} ({fmt.maand(group['datum'].min())})"
        return labels

    @cached_property
    def spinnenweb_veranderingen(self) -> dict[int, dict[str, PairedChange]]:
        """Per later moment: paired change per domain from the nulmeting."""
        out = {}
        for moment in positive_health.moments(self._spinnenweb):
            if moment == 0:
                continue
            changes = positive_health.paired_changes(self._spinnenweb, 0, moment)
            out[moment] = {
                d: c if self.spinnenweb_reden("verandering", moment, d) is None else gate_dataclass(c, float("inf"))
                for d, c in changes.items()
            }
        return out

    def spinnenweb_reden(self, kind: str, moment: int, domain: str) -> str | None:
        return self.gate.spinnenweb.get((kind, int(moment), domain), TE_WEINIG)

    def spinnenweb_verandering_reden(self, moment: int) -> str | None:
        """Why the change to ``moment`` is hidden (judged on its first measured domain)."""
        measured = [d for d, c in self.spinnenweb_veranderingen.get(moment, {}).items() if c.n]
        return self.spinnenweb_reden("verandering", moment, measured[0]) if measured else None

    @property
    def versie_notitie(self) -> str | None:
        return positive_health.version_note(self._spinnenweb)

    # -- De wijk and the goals (budget lines and activities are not about people) -------

    def _table(self, name: str) -> pd.DataFrame | None:
        """A neighbourhood table, None when the proeftuin has no file for it."""
        return self.dataset.tables[name] if name in self.dataset.accounting else None

    @cached_property
    def wijkbudget(self) -> wijk.Budget:
        return wijk.budget(self._table("wijkbudget"), self.config.wijkbudget, self.jaar)

    @cached_property
    def wijkbudget_per_jaar(self) -> pd.DataFrame:
        """Fixed amount, budgeted and spent per year up to this one (the trend since the first year)."""
        return wijk.budget_per_year(self._table("wijkbudget"), self.config.wijkbudget, up_to=self.jaar)

    @cached_property
    def activiteiten(self) -> wijk.Activities:
        return wijk.activities(self._table("activiteiten"), self.jaar)

    @cached_property
    def activiteiten_per_week(self) -> pd.DataFrame | None:
        """Visitors and activities per ISO week with an activity in the year (None without the table)."""
        table = self._table("activiteiten")
        return None if table is None else wijk.visitors_per_week(table, self.jaar)

    @cached_property
    def wijkbudget_per_buurt(self) -> dict[str, wijk.Budget]:
        """Per buurt when the lines name one (the fixed amount is for the whole, so per buurt it is None)."""
        table = self._table("wijkbudget")
        parts = {} if table is None else wijk.by_buurt(table, self.config.wijken)
        return {w: wijk.budget(rows, None, self.jaar) for w, rows in parts.items()}

    @cached_property
    def activiteiten_per_buurt(self) -> dict[str, wijk.Activities]:
        table = self._table("activiteiten")
        parts = {} if table is None else wijk.by_buurt(table, self.config.wijken)
        return {w: wijk.activities(rows, self.jaar) for w, rows in parts.items()}

    @cached_property
    def wijkprofiel(self) -> pd.DataFrame | None:
        table = self._table("wijkprofiel")
        return None if table is None else wijk.profile(table, self.jaar)

    @cached_property
    def binnen_termijn_per_kwartaal(self) -> dict[str, pd.DataFrame]:
        """Per configured step: the share within the maximum lead time per quarter of aanmelding, a quarter
        hidden (NaN, with ``reden``) when it is about too few cases or when the gate finds it (or its year)
        gives a small group away next to another published group (an organisation, another quarter)."""
        out = {}
        for step, maximum in self.config.afspraken.maximale_doorlooptijd_dagen:
            if maximum is None:
                continue
            table = indicators.within_term_per_quarter(self._casussen, self.jaar, step, maximum)
            stat = f"binnen_termijn_{step}"
            table["reden"] = [
                (TE_WEINIG if too_small(n, self.min_n) else self.gate.reason(stat, self.view_key, str(q))) if n else None
                for q, n in zip(table.index, table["n"], strict=True)
            ]
            table[["binnen", "aandeel"]] = table[["binnen", "aandeel"]].astype("float64").mask(table["reden"].notna())
            out[step] = table
        return out

    @cached_property
    def casussen_per_wijk(self) -> pd.Series:
        """The year's cases per buurt; with a filter the organisation's row of the gated cross-table."""
        return self._sensitive_counts(
            "wijk", indicators.counts_by(self._year_cases, "wijk").reindex(self.config.wijken, fill_value=0)
        )

    @cached_property
    def casussen_per_regisseur(self) -> pd.Series:
        """The year's cases per organisation of the regisseur (plain counts overall, gated with a filter)."""
        counts = indicators.counts_by(cases.of_year(self.dataset.casussen, self.jaar), "regisseur")
        if self.filters.organisatie:
            counts = indicators.counts_by(self._year_cases, "regisseur").reindex(counts.index, fill_value=0)
        return self._sensitive_counts("regisseur", counts)

    @cached_property
    def doelen(self) -> list[goals.GoalResult]:
        """Every goal with its indicators: this year, last year, n, target, met (gated for people)."""
        return goals.goals(self)

    # -- Datakwaliteit -------------------------------------------------------------------

    @cached_property
    def datakwaliteit(self) -> pd.DataFrame:
        rows = [{"tabel": t, **self.dataset.accounting[t].as_dict()} for t in ORDER if t in self.dataset.accounting]
        return pd.DataFrame(rows, columns=["tabel", "gelezen", "geaccepteerd", "geweigerd"]).set_index("tabel")

    @cached_property
    def status_zonder_datum(self) -> pd.Series:
        """Per step: this year's cases whose status says they reached it while its date is empty (counted in
        Datakwaliteit; the step counts them only with the date). Counts of cases, as the funnel shows them."""
        return cases.status_without_date(self._year_cases).sum().astype(int)

    @cached_property
    def weigerredenen(self) -> pd.DataFrame:
        """Why rows were refused, per table and column, counted; no values from the data."""
        tables = {self.dataset.sources[t].bestand: t for t in self.dataset.sources}
        counter: Counter[tuple[str, str, str]] = Counter()
        for p in self.dataset.errors:
            counter[(tables.get(p.bestand, p.bestand), p.kolom or "(rij)", RULES.get(p.regel, p.regel))] += 1
        rows = [{"tabel": t, "kolom": k, "reden": r, "aantal": n} for (t, k, r), n in sorted(counter.items())]
        return pd.DataFrame(rows, columns=["tabel", "kolom", "reden", "aantal"])


def _checked(dataset: Dataset, jaar: int, filters: Filters) -> tuple[int, Filters]:
    """What the public entry points refuse (a year without data, an unknown organisation), one check for
    YearView and view; a known organisation spelled as the proeftuin spells it."""
    jaar = year_with_data(dataset, jaar)
    if filters.organisatie:
        filters = replace(filters, organisatie=organisation_named(dataset, filters.organisatie))
    return jaar, filters


def view(dataset: Dataset, jaar: int, filters: Filters | None = None, controleren: bool = True) -> YearView:
    """The view of ``dataset``, ``jaar`` and ``filters``, made once: what it computes (every table and
    figure, its kerncijfers) is computed once, however many tabs, years (each view's ``vorig_jaar``)
    and the comparison of all proeftuinen ask for it. Kept with the dataset's privacy decisions for
    the year (``gate.year_gate``); a dataset is never changed after it is loaded."""
    filters = filters or Filters()
    if controleren:
        jaar, filters = _checked(dataset, jaar, filters)
    views = year_gate(dataset, int(jaar)).views
    if filters not in views:
        views[filters] = YearView(dataset, int(jaar), filters, controleren=False)
    return views[filters]
