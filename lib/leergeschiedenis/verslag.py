"""The chapters of the yearly learning history, shown in a notebook with one call each.

``Verslag`` only shows what ``publish.YearView`` lets through. With
``publiceren=True`` (papermill runs) charts are written as plain HTML with
plotly.js embedded once, so the exported page works offline; in JupyterLab the
same calls show interactive figures.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import plotly.offline
from IPython.display import HTML, Markdown, display

from . import content, figures, fmt, narrative
from .contract import ROLLEN
from .dataset import load
from .key_figures import write_kerncijfers
from .privacy import reason_text
from .publish import YearView

REPORT_CSS = """
<style>
body { max-width: 60rem; margin: 0 auto; }
.jp-RenderedHTMLCommon table.lg-kern, .jp-RenderedHTMLCommon table.lg-tabel { margin: 0.5rem 0 1.5rem 0; }
.jp-RenderedHTMLCommon table.lg-kern td, .jp-RenderedHTMLCommon table.lg-kern th,
.jp-RenderedHTMLCommon table.lg-tabel td, .jp-RenderedHTMLCommon table.lg-tabel th { padding: 0.3rem 0.7rem; text-align: left; }
.jp-RenderedHTMLCommon table.lg-kern td.getal, .jp-RenderedHTMLCommon table.lg-kern th.getal,
.jp-RenderedHTMLCommon table.lg-tabel td.getal, .jp-RenderedHTMLCommon table.lg-tabel th.getal { text-align: right; font-variant-numeric: tabular-nums; }
.lg-leeshulp { color: #444; font-style: italic; margin: 0.2rem 0 1.5rem 0; }
.lg-leeswijzer { background: #f3f6f9; border: 1px solid #c9d6e3; border-radius: 6px; padding: 0.6rem 1rem; margin: 0.5rem 0 1.5rem 0; }
.lg-leeswijzer ul { margin: 0.3rem 0 0 0; padding-left: 1.2rem; }
.lg-citaat { border-left: 4px solid #0072B2; padding: 0.2rem 0.8rem; margin: 0.5rem 0; }
.lg-twee { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.lg-twee h4, .lg-twee h5 { margin-top: 0; }
@media print {
  .jp-Cell, .plotly-graph-div, .lg-twee, table { break-inside: avoid; }
  h2 { break-before: page; }
  body { max-width: none; }
}
</style>
"""


class Verslag:
    def __init__(self, view: YearView, publiceren: bool = False):
        self.v = view
        self.publiceren = publiceren
        self._figures = 0
        self._empty_said: set[str] = set()

    @classmethod
    def open(cls, data_dir: str, jaar: int, publiceren: bool = False, kerncijfers_pad: str = "") -> Verslag:
        """The report of ``jaar``; with ``kerncijfers_pad`` its key figures are written there as JSON
        (what ``report.render`` publishes as kerncijfers.json: the same view as the chapters)."""
        verslag = cls(YearView(load(data_dir), jaar), publiceren)
        if kerncijfers_pad:
            write_kerncijfers(verslag.v.kern, kerncijfers_pad)
        if publiceren:
            display(HTML(REPORT_CSS + f'<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>'))
        return verslag

    # -- building blocks -----------------------------------------------------------------

    def _md(self, text: str) -> None:
        if text:
            display(Markdown(text))

    def _html(self, text: str) -> None:
        display(HTML(text))

    def _chart(self, name: str) -> None:
        """A registered chart (``content.FIGURES``) with its reading aid; a chart with nothing to show is
        left out, with only the sentence saying why (``content.empty_text``)."""
        self._figure(content.figure(name, self.v), name)

    def _figure(self, fig: go.Figure, aid: str) -> None:
        why = content.empty_text(aid, fig)
        if why is not None:
            if why not in self._empty_said:  # two empty charts for one reason: said once
                self._empty_said.add(why)
                self._md(why)
            return
        self._figures += 1
        if self.publiceren:
            body = fig.to_html(
                full_html=False,
                include_plotlyjs=False,
                div_id=f"figuur-{self._figures}",
                config={"displaylogo": False, "responsive": True},
            )
            self._html(body + f'<p class="lg-leeshulp">{html.escape(narrative.reading_aid(aid))}</p>')
        else:
            display(fig)
            self._md(f"*{narrative.reading_aid(aid)}*")

    def _table(self, rows: list[list[str]], header: list[str], numeric: set[int] = frozenset(), css: str = "lg-tabel") -> None:
        head = "".join(f'<th class="{"getal" if i in numeric else ""}">{html.escape(h)}</th>' for i, h in enumerate(header))
        body = "".join(
            "<tr>"
            + "".join(f'<td class="{"getal" if i in numeric else ""}">{html.escape(str(c))}</td>' for i, c in enumerate(r))
            + "</tr>"
            for r in rows
        )
        self._html(f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')

    # -- chapters --------------------------------------------------------------------------

    def titel(self) -> None:
        c = self.v.config
        place = f"{c.gemeente}" + (f", {', '.join(c.wijken)}" if c.wijken else "") if c.gemeente else ""
        self._md(f"# Leergeschiedenis {self.v.naam} {self.v.jaar}\n\n{place}")

    def samenvatting(self) -> None:
        c = self.v.config
        if c.visie:
            self._md(f"> {c.visie}")
        cards = content.scorecard(self.v)
        if cards:
            self.doelen(cards)
        elif c.doelen:
            self._md("**Doelen**\n\n" + "\n".join(f"- {d}" for d in c.doelen))
        self._md(" ".join(content.sentences("samenvatting", self.v)))
        self.kerncijfers_tabel()
        self.zo_lees_je_dit()

    def zo_lees_je_dit(self) -> None:
        """A small box for a reader who is no statistician: n, the micro-analysis sample, the 95% interval."""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in narrative.reading_guide(self.v))
        self._html(f'<div class="lg-leeswijzer"><strong>Zo lees je dit</strong><ul>{items}</ul></div>')

    def doelen(self, cards: list[content.GoalCard]) -> None:
        """The goals scorecard: per goal its indicators and one plain sentence."""
        self._md("**Doelen**")
        header = content.scorecard_header(self.v)
        for card in cards:
            if card.plain:
                self._md(f"*{card.doel}*: {narrative.GEEN_INDICATOR}.")
                continue
            self._md(f"*{card.doel}*")
            self._table(card.rows, header, numeric={1, 2, 3}, css="lg-tabel lg-doelen")
            self._md(card.zin)

    def kerncijfers_tabel(self) -> None:
        now, before, min_n = self.v.kern, self.v.kern_vorig_jaar, self.v.min_n
        y = self.v.jaar
        rows = [[k.title(now), k.text(before, min_n), k.text(now, min_n)] for k in content.KEY_FIGURES]
        self._table(rows, ["Kerncijfer", str(y - 1), str(y)], numeric={1, 2}, css="lg-kern")

    def transitiemodel(self) -> None:
        """Per group its principles, each with how often the cards named it and one quote; the figures that
        bear on a principle (its ``bewijs``) are in the Lessen chapter, so nothing is said twice."""
        v = self.v
        if not v.n_kaarten:
            self._md(narrative.no_cards_text(v))
        for groep, titel in narrative.GROEP_TITELS.items():
            principles = [p for p in v.config.ontwerpprincipes if p.groep == groep]
            if not principles:
                continue
            self._md(f"### {titel}")
            for p in principles:
                lines = [f"**{p.nr}. {p.naam}**", p.toelichting or "", narrative.principle_sentence(v, str(p.nr))]
                self._md("\n\n".join(line for line in lines if line))
                quote = v.lessen.transitiemodel.get(str(p.nr))
                if quote:
                    self._html(content.quote_html(quote))

    def samenwerkwijze(self) -> None:
        v = self.v
        self._md(narrative.cases_sentence(v))
        self._chart("casussen_per_jaar")
        self._md(narrative.agreement_sentence(v))
        self._chart("afspraak")
        self._chart("trechter")
        self._md(narrative.lead_time_sentence(v))
        self._chart("doorlooptijd")
        self._chart("levensdomeinen")
        self._chart("belemmeringen")
        self._buurten_en_regisseurs()
        share = v.binnen_bestaand_aanbod
        if share.n:
            if share.aandeel is None:
                reason = reason_text(v.reden("binnen_bestaand_aanbod"), v.min_n)
                self._md(f"Of de oplossing binnen het bestaande aanbod paste, tonen we niet: {reason}.")
            else:
                self._md(
                    f"Bij {fmt.procent(share.aandeel)} van de {fmt.stuks(share.n, 'casus', 'casussen')} waarvan het bekend is, "
                    "paste de oplossing binnen het bestaande aanbod."
                )

    def _buurten_en_regisseurs(self) -> None:
        """Cases per buurt when the cases have a wijk, per regisseur's organisation when they have a regisseur
        (both read from the gated view), and what 1 Gezin 1 Plan 1 Regisseur means when proeftuin.yml says so."""
        v = self.v
        per_wijk = v.casussen_per_wijk
        if len(per_wijk) > 1 and per_wijk.fillna(1).sum() > 0:
            self._md(f"De casussen kwamen uit {fmt.stuks(len(per_wijk), 'buurt', 'buurten')} van de proeftuin.")
            self._chart("casussen_per_wijk")
        per_regisseur = v.casussen_per_regisseur
        een_gezin = "1gezin1plan1regisseur" in v.config.werkwijzen
        if len(per_regisseur):
            self._md(narrative.regisseur_sentence(int(per_regisseur.fillna(0).sum()), een_gezin))
            self._chart("casussen_per_regisseur")
        elif een_gezin:  # the way of working is explained, also in a year without a regisseur registered
            self._md(narrative.regisseur_sentence(0, een_gezin))

    def leersessies(self) -> None:
        v = self.v
        self._md(narrative.sessions_sentence(v))
        for name in ("deelnemers", "rollen", "kaarten_per_rol", "thema_rol"):
            self._chart(name)
        coding = v.codering
        total = sum(coding.values())
        if total:
            self._md(
                f"Van de {fmt.stuks(total, 'kaart', 'kaarten')} {'is' if coding['handmatig'] == 1 else 'zijn er'} "
                f"{fmt.geheel(coding['handmatig'])} met de hand gecodeerd en "
                f"{fmt.geheel(coding['automatisch'])} automatisch, op trefwoorden uit proeftuin.yml; "
                f"{fmt.stuks(coding['geen'], 'kaart kreeg', 'kaarten kregen')} geen ontwerpprincipe."
            )
        terms = {r: t for r, t in v.termen_per_rol.items() if t}
        if terms:
            rows = [
                [figures.ROL_LABELS.get(r, r), ", ".join(w for w, _ in t[:8])]
                for r, t in sorted(terms.items(), key=lambda kv: ROLLEN.index(kv[0]) if kv[0] in ROLLEN else 99)
            ]
            self._md(f"Woorden die per rol het vaakst op de kaarten stonden (op minstens {v.min_n} kaarten):")
            self._table(rows, ["Rol", "Woorden"])

    def rendement(self) -> None:
        v = self.v
        self._md(narrative.welbevinden_sentence(v))
        self._chart("welbevinden")
        self._md(narrative.costs_sentence(v))
        if "kosten" in v.dataset.accounting:  # without a cost file the sentence says so; no empty charts
            self._md(narrative.scenarios_sentence(v))
            self._chart("kosten")
            self._md("#### De Effectenarena")
            self._md(narrative.effectenarena_sentence(v))
            self._chart("financiers")
            self._md(narrative.financier_sentence(v))
        if v.prijsnotities:
            self._md("Prijzen uit een ander jaar dan het verslagjaar:\n\n" + "\n".join(f"- {n}" for n in v.prijsnotities))

    def positieve_gezondheid(self) -> None:
        v = self.v
        self._md(narrative.spinnenweb_sentence(v))
        if not v.spinnenweb_gemeten:
            return
        self._chart("spinnenweb")
        for moment in v.spinnenweb_veranderingen:
            fig = content.spinnenweb_change(v, moment)
            if figures.empty_reason(fig) is None:  # spinnenweb_sentence says why a moment has no change
                self._figure(fig, "spinnenweb_verandering")

    def lessen(self) -> None:
        """Per principle what its cards say beside what its figures show, and what the proeftuin will do
        differently; then the residents' own words. Every quote of the report appears once."""
        self._html(content.lessen_html(self.v))

    def wijk(self) -> None:
        """De wijk: profile, budget, activities and the agreed lead times, each only when the proeftuin has
        it; without any of them the chapter is left out entirely (no heading)."""
        v = self.v
        profile = v.wijkprofiel
        parts = {
            "wijkprofiel": profile is not None and not profile.empty,
            "wijkbudget": v.wijkbudget.n_posten is not None or v.wijkbudget.vastgesteld is not None,
            "activiteiten": v.activiteiten.totaal is not None,
            "doorlooptijden": bool(v.binnen_termijn_per_kwartaal),
        }
        if not any(parts.values()):
            return
        names = {
            "wijkprofiel": "de wijk in cijfers",
            "wijkbudget": "het wijkbudget",
            "activiteiten": "de activiteiten",
            "doorlooptijden": "de afspraken over doorlooptijden",
        }
        shown = [names[p] for p, present in parts.items() if present]
        listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " en " + shown[-1]
        self._md(f"## De wijk\n\nWat er naast de casussen in de wijk gebeurde: {listed}.")
        if parts["wijkprofiel"]:
            self._md("### De wijk in cijfers")
            self._wijkprofiel(profile)
        if parts["wijkbudget"]:
            self._md("### Wijkbudget")
            self._md(narrative.budget_sentence(v))
            self._chart("wijkbudget")
        if parts["activiteiten"]:
            self._md("### Activiteiten")
            self._md(narrative.activities_sentence(v))
            if v.activiteiten.totaal:
                self._chart("activiteiten_per_week")
        if parts["doorlooptijden"]:
            self._md("### Afspraken over doorlooptijden")
            self._md(narrative.within_term_sentence(v))
            self._chart("binnen_termijn")

    def _wijkprofiel(self, profile: pd.DataFrame) -> None:
        y = self.v.jaar
        per_buurt = bool((profile["wijk"] != "").any())
        rows = [
            [
                str(r.kenmerk),
                *([str(r.wijk)] if per_buurt else []),
                _profile_value(r.vorig_jaar, r.eenheid),
                _profile_value(r.waarde, r.eenheid),
                str(r.bron),
            ]
            for r in profile.itertuples()
        ]
        header = ["Kenmerk", *(["Buurt"] if per_buurt else []), str(y - 1), str(y), "Bron"]
        first = 2 if per_buurt else 1
        self._table(rows, header, numeric={first, first + 1})

    def datakwaliteit(self) -> None:
        v = self.v
        accounting, reasons = content.quality_tables(v)
        self._table(accounting, content.ACCOUNTING_HEADER, numeric={1, 2, 3})
        if not reasons:
            self._md("Alle rijen zijn geaccepteerd.")
        else:
            self._md("Waarom rijen zijn geweigerd (de rijen zelf staan in `leergeschiedenis check`):")
            self._table(reasons, content.REASONS_HEADER, numeric={3})
        status = content.status_sentence(v)
        if status:
            self._md(status)
        left = v.kosten_weggelaten
        if left:
            self._md(
                "Weggelaten uit de kostencijfers, omdat een halve micro-analyse de besparing groter of kleiner zou maken:\n\n"
                + "\n".join(f"- {fmt.geheel(n)} {'casus' if n == 1 else 'casussen'}: {reden}" for reden, n in left.items())
            )
        self._md(
            f"Privacy: cijfers over minder dan {v.min_n} personen worden niet getoond; vertrouwelijke teksten "
            "(ik wil, ik kan, ik heb nodig, proeftuinoplossing) en nummers van casussen, deelnemers en kaarten "
            "komen nooit in dit verslag; citaten alleen met toestemming. Welke cijfers getoond en verborgen zijn, "
            "over hoeveel personen en waarom: de [privacyverantwoording](privacy.html)."
        )


def _profile_value(value, eenheid) -> str:
    """A wijkprofiel figure in its unit: '13.100', '18,5%', '€ 27.400', '4,2 per 1.000'."""
    if value is None or value != value:
        return "–"
    match str(eenheid):
        case "procent":
            return f"{fmt.getal(value, 1)}%"
        case "euro":
            return fmt.euro(value)
        case "per_1000":
            return f"{fmt.getal(value, 1)} per 1.000"
    return fmt.geheel(value) if float(value).is_integer() else fmt.getal(value, 1)
