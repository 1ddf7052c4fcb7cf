"""What may be published about one proeftuin-year: every table and figure after the privacy gate.

This is the edge of the library. The report and the dashboard only ever see a
``YearView``: no identifiers, no confidential free text, no statistic about
fewer people than ``min_groepsgrootte``, quotes only with consent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd

from . import cases, fmt, positive_health, reflections, rendement, sessions
from .contract import BELEMMERINGEN, ORDER
from .dataset import Dataset
from .kerncijfers import kerncijfers
from .privacy import gate_crosstab, gate_dataclass, gate_frame, protect_total
from .problems import RULES
from .stats import PairedChange


@dataclass(frozen=True)
class Filters:
    """Dashboard filters; the report uses none. Empty means: everything."""

    organisatie: str | None = None
    rol: str | None = None


@dataclass
class YearView:
    dataset: Dataset
    jaar: int
    filters: Filters = field(default_factory=Filters)

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

    @cached_property
    def _casussen(self) -> pd.DataFrame:
        c = self.dataset.casussen
        if self.filters.organisatie:
            c = c[c["organisatie"].astype("string") == self.filters.organisatie]
        return c

    @cached_property
    def _cards(self) -> pd.DataFrame:
        r = self.dataset.reflectiekaarten
        if self.filters.organisatie:
            r = r[r["organisatie"].astype("string") == self.filters.organisatie]
        if self.filters.rol:
            r = r[r["rol"].astype("string") == self.filters.rol]
        return r

    @cached_property
    def year_cases(self) -> pd.DataFrame:
        return cases.of_year(self._casussen, self.jaar)

    @cached_property
    def year_cards(self) -> pd.DataFrame:
        return self._cards[self._cards["datum"].dt.year == self.jaar]

    # -- key figures ------------------------------------------------------------------

    @cached_property
    def kern(self) -> dict:
        """kerncijfers after the gate (unfiltered: the published JSON)."""
        return kerncijfers(self.dataset, self.jaar)

    @cached_property
    def kern_vorig_jaar(self) -> dict:
        return kerncijfers(self.dataset, self.jaar - 1)

    # -- Samenwerkwijze -----------------------------------------------------------------

    @cached_property
    def case_counts(self) -> cases.YearCounts:
        return cases.counts(self._casussen, self.jaar)

    @cached_property
    def cases_per_year(self) -> pd.DataFrame:
        table = cases.per_year(self._casussen)
        return table[table.index <= self.jaar]

    @cached_property
    def per_organisation_month(self) -> pd.DataFrame:
        return cases.per_organisation_month(self._casussen, self.jaar, [] if self.filters.organisatie else self.config.partners)

    @cached_property
    def agreement(self) -> pd.DataFrame:
        per_month = self.config.afspraken.casussen_per_organisatie_per_maand
        partners = [] if self.filters.organisatie else self.config.partners
        return cases.agreement(self._casussen, self.jaar, per_month, partners)

    # -- the gate for filtered views ----------------------------------------------------

    @cached_property
    def _all(self) -> YearView:
        """The same year without filters: what a filtered figure could be subtracted from."""
        return self if self.filters == Filters() else replace(self, filters=Filters())

    def _hidden(self, n: int, n_all: int | None = None) -> bool:
        """Too few people; or, with a filter, too few outside it, because the published
        overall figure minus this one would describe those few."""
        if n < self.min_n:
            return True
        rest = (n_all if n_all is not None else n) - n
        return self._all is not self and 0 < rest < self.min_n

    def _gate_rows(self, frame: pd.DataFrame, overall: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        out = frame.copy()
        n_all = overall["n"].reindex(out.index)
        hidden = [i for i in out.index if self._hidden(int(out.loc[i, "n"]), int(n_all.get(i, out.loc[i, "n"])))]
        out[columns] = out[columns].astype("float64")
        out.loc[hidden, columns] = float("nan")
        return out

    @cached_property
    def _lead_times_raw(self) -> pd.DataFrame:
        return cases.lead_time_summary(self.year_cases)

    @cached_property
    def lead_times(self) -> pd.DataFrame:
        return self._gate_rows(self._lead_times_raw, self._all._lead_times_raw, ["mediaan", "q1", "q3"])

    @cached_property
    def _lead_time_trend_raw(self) -> pd.DataFrame:
        return cases.lead_time_trend(self._casussen[self._casussen["aanmelddatum"].dt.year <= self.jaar])

    @cached_property
    def lead_time_trend(self) -> pd.DataFrame:
        return self._gate_rows(self._lead_time_trend_raw, self._all._lead_time_trend_raw, ["mediaan"])

    @cached_property
    def funnel(self) -> pd.Series:
        return cases.funnel(self.year_cases)

    @cached_property
    def status(self) -> pd.Series:
        return cases.status_counts(self.year_cases)

    @cached_property
    def levensdomeinen(self) -> pd.Series:
        return cases.list_counts(self.year_cases, "levensdomeinen", self.config.levensdomeinen)

    @cached_property
    def belemmeringen(self) -> pd.Series:
        return cases.obstacle_counts(self.year_cases)

    @cached_property
    def levensdomeinen_per_organisatie(self) -> pd.DataFrame:
        """Sensitive cross-tabulation: small counts suppressed, with secondary suppression."""
        return gate_crosstab(
            cases.list_by_organisation(self.year_cases, "levensdomeinen", self.config.levensdomeinen), self.min_n
        )

    @cached_property
    def belemmeringen_per_organisatie(self) -> pd.DataFrame:
        return gate_crosstab(cases.list_by_organisation(self.year_cases, "belemmeringen", BELEMMERINGEN), self.min_n)

    @cached_property
    def gestopt_per_organisatie(self) -> pd.DataFrame:
        return gate_crosstab(cases.stopped_by_organisation(self.year_cases), self.min_n)

    @cached_property
    def _binnen_raw(self) -> cases.Share:
        return cases.within_existing_offer(self.year_cases)

    @cached_property
    def binnen_bestaand_aanbod(self) -> cases.Share:
        share = self._binnen_raw
        hidden = self._hidden(share.n, self._all._binnen_raw.n)
        return gate_dataclass(share, self.min_n) if not hidden else cases.Share(share.n, None, None)

    # -- Maatschappelijk rendement -----------------------------------------------------------

    @cached_property
    def _cohort(self) -> set[str]:
        return rendement.cohort_ids(self._casussen, self.jaar)

    @cached_property
    def _welbevinden_raw(self) -> dict[str, PairedChange]:
        return {
            after: rendement.welbevinden_change(self.dataset.metingen, self._cohort, after) for after in rendement.COMPARISONS
        }

    @cached_property
    def welbevinden(self) -> dict[str, PairedChange]:
        out = {}
        for after, change in self._welbevinden_raw.items():
            hidden = self._hidden(change.n, self._all._welbevinden_raw[after].n)
            out[after] = gate_dataclass(change, float("inf")) if hidden else change
        return out

    @cached_property
    def _costs(self) -> rendement.CostResult:
        refused = rendement.refused_case_ids(self.dataset.refused.get("kosten"))
        return rendement.costs(self.dataset.kosten, self.dataset.prijslijst, self.jaar, self._cohort, refused)

    @property
    def kosten_n(self) -> int:
        return self._costs.n

    @cached_property
    def _costs_hidden(self) -> bool:
        return self._hidden(self._costs.n, self._all._costs.n)

    @cached_property
    def kosten_totaal(self) -> pd.Series | None:
        """Sum per scenario, or None when it rests on too few cases."""
        return None if self._costs_hidden else self._costs.totals()

    @cached_property
    def kosten_gemiddeld(self) -> pd.Series | None:
        return None if self._costs_hidden else self._costs.per_case.mean()

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
    def financiers(self) -> pd.DataFrame:
        """Per financier: cost per scenario, savings and n; suppressed where n is too small."""
        per = self._costs.per_financier.copy()
        per["besparing"] = self._costs.savings_per_financier()
        columns = ["huidig", "niets_doen", "proeftuinoplossing", "besparing"]
        if self._costs_hidden:
            per[columns] = float("nan")
            return per
        gated = self._gate_rows(per, self._all._costs.per_financier, columns)
        kept = protect_total({f: None if pd.isna(v) else v for f, v in gated["besparing"].items()}, per["n"].to_dict())
        hidden = [f for f, v in kept.items() if v is None]
        gated.loc[hidden, ["huidig", "niets_doen", "proeftuinoplossing", "besparing"]] = float("nan")
        return gated

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
    def coded_cards(self) -> pd.DataFrame:
        return reflections.code_cards(self.year_cards, self.config)

    @cached_property
    def kaarten_per_rol(self) -> pd.Series:
        return reflections.counts_by(self.year_cards, "rol")

    @cached_property
    def themas(self) -> pd.Series:
        return reflections.theme_counts(self.year_cards, self.coded_cards, self.config)

    @cached_property
    def thema_per_rol(self) -> pd.DataFrame:
        return reflections.theme_by_role(self.year_cards, self.coded_cards, self.config)

    @cached_property
    def themas_per_maand(self) -> pd.DataFrame:
        return reflections.themes_by_month(self.year_cards, self.coded_cards, self.config)

    @cached_property
    def citaten(self) -> pd.DataFrame:
        """Consented reflection-card texts and consented case quotes; nothing else."""
        return reflections.quotable(self.year_cards, self.coded_cards)

    @cached_property
    def casus_citaten(self) -> list[str]:
        c = self.year_cases
        consent = c["toestemming_citaat"].fillna(False).astype(bool) & c["citaat"].notna()
        return [str(q) for q in c.loc[consent, "citaat"]]

    @cached_property
    def termen_per_rol(self) -> dict[str, list[tuple[str, int]]]:
        return reflections.top_terms(self.year_cards, min_cards=self.min_n)

    # -- Positieve gezondheid ------------------------------------------------------------

    @cached_property
    def spinnenweb(self) -> pd.DataFrame:
        return positive_health.up_to(self.dataset.spinnenweb, self.jaar)

    @cached_property
    def spinnenweb_per_moment(self) -> pd.DataFrame:
        return gate_frame(positive_health.per_moment(self.spinnenweb), self.min_n, ["gemiddelde", "sd"])

    @cached_property
    def spinnenweb_momenten(self) -> dict[int, str]:
        """Measurement moment -> 'Nulmeting (oktober 2017)' etc."""
        labels = {}
        for moment, group in self.spinnenweb.groupby("meetmoment"):
            name = "Nulmeting" if int(moment) == 0 else f"Vervolgmeting {int(moment)}"
            labels[int(moment)] = f"{name} ({fmt.maand(group['datum'].min())})"
        return labels

    @cached_property
    def spinnenweb_veranderingen(self) -> dict[int, dict[str, PairedChange]]:
        """Per later moment: paired change per domain from the nulmeting."""
        out = {}
        for moment in positive_health.moments(self.spinnenweb):
            if moment == 0:
                continue
            changes = positive_health.paired_changes(self.spinnenweb, 0, moment)
            out[moment] = {d: gate_dataclass(c, self.min_n) for d, c in changes.items()}
        return out

    @property
    def versie_notitie(self) -> str | None:
        return positive_health.version_note(self.spinnenweb)

    # -- Datakwaliteit -------------------------------------------------------------------

    @cached_property
    def datakwaliteit(self) -> pd.DataFrame:
        rows = [{"tabel": t, **self.dataset.accounting[t].as_dict()} for t in ORDER if t in self.dataset.accounting]
        return pd.DataFrame(rows, columns=["tabel", "gelezen", "geaccepteerd", "geweigerd"]).set_index("tabel")

    @cached_property
    def weigerredenen(self) -> pd.DataFrame:
        """Why rows were refused, per table and column, counted; no values from the data."""
        tables = {self.dataset.sources[t].bestand: t for t in self.dataset.sources}
        counter: Counter[tuple[str, str, str]] = Counter()
        for p in self.dataset.errors:
            counter[(tables.get(p.bestand, p.bestand), p.kolom or "(rij)", RULES.get(p.regel, p.regel))] += 1
        rows = [{"tabel": t, "kolom": k, "reden": r, "aantal": n} for (t, k, r), n in sorted(counter.items())]
        return pd.DataFrame(rows, columns=["tabel", "kolom", "reden", "aantal"])

    def without_filters(self) -> YearView:
        return replace(self, filters=Filters())
