"""Dutch sentences written from the published figures, so the prose never disagrees with the charts.

Every function takes a ``YearView`` (already through the privacy gate) and
returns Markdown. Numbers and dates are in Dutch notation (``fmt``).
"""

from __future__ import annotations

from . import fmt
from .figures import FINANCIER_LABELS
from .positive_health import DOMEIN_LABELS
from .publish import YearView

GROEP_TITELS = {"willen": "We willen", "kunnen": "We kunnen", "nodig": "We hebben nodig"}


def cases_sentence(v: YearView) -> str:
    c = v.case_counts
    if c.totaal == 0:
        return f"In {v.jaar} werden geen casussen aangemeld."
    text = f"In {v.jaar} werden {fmt.geheel(c.totaal)} casussen aangemeld"
    if c.vorig_jaar and c.groeifactor is not None:
        if c.groeifactor >= 1.5:
            text += f", {fmt.getal(c.groeifactor)} keer zoveel als in {v.jaar - 1} ({fmt.geheel(c.vorig_jaar)})"
        elif c.totaal >= c.vorig_jaar:
            text += f", {fmt.geheel(c.totaal - c.vorig_jaar)} meer dan in {v.jaar - 1} ({fmt.geheel(c.vorig_jaar)})"
        else:
            text += f", {fmt.geheel(c.vorig_jaar - c.totaal)} minder dan in {v.jaar - 1} ({fmt.geheel(c.vorig_jaar)})"
    else:
        text += f"; in {v.jaar - 1} waren er nog geen"
    text += "."
    if c.collectief:
        text += f" Daarvan {'was' if c.collectief == 1 else 'waren'} {fmt.geheel(c.collectief)} collectief."
    return text


def lead_time_sentence(v: YearView) -> str:
    row = v.lead_times.loc["aanmelding_oplossing"]
    if row["n"] == 0:
        return "Er zijn dit jaar nog geen proeftuinoplossingen afgesproken."
    if row["mediaan"] != row["mediaan"]:  # NaN: suppressed
        return f"De doorlooptijd tot een oplossing tonen we niet: die rust op {fmt.suppressed(v.min_n)}."
    return (
        f"Van aanmelding tot afgesproken oplossing duurde het in de helft van de {fmt.geheel(row['n'])} casussen "
        f"hooguit {fmt.geheel(row['mediaan'])} dagen (mediaan; de middelste helft tussen {fmt.geheel(row['q1'])} "
        f"en {fmt.geheel(row['q3'])} dagen)."
    )


def agreement_sentence(v: YearView) -> str:
    a = v.agreement
    if a.empty or a["maanden"].max() == 0:
        return "Dit jaar zijn er geen maanden om de afspraak aan te toetsen."
    per_month = v.config.afspraken.casussen_per_organisatie_per_maand
    all_months = a[a["maanden_gehaald"] == a["maanden"]]
    months = int(a["maanden"].iloc[0])
    return (
        f"De afspraak was {fmt.aantal(per_month)} casus per organisatie per maand. Over {months} "
        f"{'maand' if months == 1 else 'maanden'} haalden {len(all_months)} van de {len(a)} organisaties de afspraak "
        "elke maand; "
        f"gemiddeld haalde een organisatie de afspraak in {fmt.procent(a['aandeel_gehaald'].mean())} van de maanden."
    )


def welbevinden_sentence(v: YearView) -> str:
    change = v.welbevinden["na_6_weken"]
    if change.n == 0:
        return f"Voor de casussen van {v.jaar} zijn nog geen voor- en nametingen van welbevinden."
    if change.verandering is None:
        return f"Welbevinden is gemeten, maar de uitkomst tonen we niet: die rust op {fmt.suppressed(v.min_n)}."
    direction = "steeg" if change.verandering > 0 else "daalde"
    text = (
        f"Bij {fmt.geheel(change.n)} casussen met een voor- en nameting {direction} het welbevinden gemiddeld van "
        f"{fmt.getal(change.gemiddeld_voor)} naar {fmt.getal(change.gemiddeld_na)}: "
        f"{fmt.getal(abs(change.verandering))} punt {'erbij' if change.verandering > 0 else 'eraf'} op een schaal van 1 tot 10."
    )
    if change.ci_laag is not None:
        text += f" Het 95%-betrouwbaarheidsinterval van die verandering loopt van {fmt.getal(change.ci_laag)} tot {fmt.getal(change.ci_hoog)}."
    else:
        text += " Met minder dan tien paren beschrijven we alleen; een toets zegt dan weinig."
    return text


def costs_sentence(v: YearView) -> str:
    if v.kosten_n == 0:
        return f"Voor de casussen van {v.jaar} zijn geen volledige micro-analyses van kosten."
    if v.besparing is None:
        return f"De kosten tonen we niet: ze rusten op {fmt.suppressed(v.min_n)}."
    t = v.kosten_totaal
    saving = v.besparing["niets_doen_min_proeftuinoplossing"]
    text = (
        f"Voor {fmt.geheel(v.kosten_n)} casussen met een micro-analyse kost niets doen {fmt.euro(t['niets_doen'])} per jaar, "
        f"de proeftuinoplossing {fmt.euro(t['proeftuinoplossing'])}: "
        f"{'een besparing' if saving >= 0 else 'meerkosten'} van {fmt.euro(abs(saving))} per jaar."
    )
    if v.aandeel_goedkoper is not None:
        text += f" De proeftuinoplossing was goedkoper dan niets doen in {fmt.procent(v.aandeel_goedkoper)} van deze casussen."
    return text


def financier_sentence(v: YearView) -> str:
    f = v.financiers.dropna(subset=["besparing"])
    if f.empty:
        return ""
    gain = [FINANCIER_LABELS.get(i, i) for i in f.index[f["besparing"] > 0]]
    pay = [FINANCIER_LABELS.get(i, i) for i in f.index[f["besparing"] < 0]]
    parts = []
    if gain:
        parts.append(f"Minder betalen: {', '.join(gain)}.")
    if pay:
        parts.append(
            f"Meer betalen: {', '.join(pay)}. Wie investeert is dus niet altijd wie er beter van wordt: "
            "de 'verkeerde zak' waar de Effectenarena over gaat."
        )
    return " ".join(parts)


def sessions_sentence(v: YearView) -> str:
    s = v.year_sessions
    if s.empty:
        return f"In {v.jaar} zijn geen bijeenkomsten geregistreerd."
    text = f"In {v.jaar} waren er {fmt.geheel(len(s))} bijeenkomsten"
    known = s.dropna(subset=["deelnemers"]).sort_values("datum")
    if len(known) >= 2:
        text += (
            f", met {fmt.geheel(known['deelnemers'].iloc[0])} deelnemers bij de eerste en "
            f"{fmt.geheel(known['deelnemers'].iloc[-1])} bij de laatste"
        )
    cards = len(v.year_cards)
    return text + f". Na afloop vulden deelnemers {fmt.geheel(cards)} reflectiekaarten in."


def spinnenweb_sentence(v: YearView) -> str:
    if v.spinnenweb.empty:
        return f"Tot en met {v.jaar} zijn er geen metingen van positieve gezondheid."
    labels = v.spinnenweb_momenten
    text = "Gemeten: " + ", ".join(labels.values()) + "."
    for moment, changes in v.spinnenweb_veranderingen.items():
        shown = {d: c for d, c in changes.items() if c.verandering is not None}
        if not shown:
            text += f" De verandering tot de {labels[moment].split(' (')[0].lower()} tonen we niet ({fmt.suppressed(v.min_n)})."
            continue
        best = max(shown, key=lambda d: shown[d].verandering)
        text += (
            f" Van nulmeting tot {labels[moment].split(' (')[0].lower()} ({fmt.geheel(max(c.n for c in shown.values()))} deelnemers) "
            f"veranderde {DOMEIN_LABELS[best].lower()} het meest: {fmt.getal(shown[best].verandering)} punt."
        )
    if v.versie_notitie:
        text += " " + v.versie_notitie
    return text


def reading_aid(name: str) -> str:
    """One line under each chart: how to read it."""
    return READING_AIDS[name]


READING_AIDS = {
    "casussen_per_jaar": "Elke staaf is een jaar; blauw zijn individuele, oranje collectieve casussen.",
    "afspraak": "Elk vak is een organisatie in een maand; een 0 betekent dat de afspraak die maand niet is gehaald.",
    "doorlooptijd": "Elk punt is de mediaan van een kwartaal: de helft van de casussen was sneller. Lager is beter.",
    "trechter": "Hoeveel casussen elke stap bereikten, van aanmelding tot afronding.",
    "levensdomeinen": "Een casus kan meer levensdomeinen raken; daarom tellen de staven op tot meer dan het aantal casussen.",
    "belemmeringen": "Welke soorten belemmeringen professionals tegenkwamen bij het uitvoeren van de oplossing.",
    "welbevinden": "Dezelfde casussen voor en na: hoe hoger de rechterstaaf, hoe meer het welbevinden steeg.",
    "kosten": "De jaarlijkse maatschappelijke kosten van dezelfde casussen in drie scenario's.",
    "financiers": "Rechts (groen) betaalt een financier minder dan bij niets doen, links (oranje) investeert hij.",
    "deelnemers": "Elk punt is een bijeenkomst; de lijn laat zien of de opkomst groeide.",
    "rollen": "Wie er kwamen, opgeteld over de bijeenkomsten met een telling per rol.",
    "kaarten_per_rol": "Hoeveel reflectiekaarten elke groep invulde.",
    "thema_rol": "Hoe donkerder het vak, hoe vaker die groep over dat ontwerpprincipe schreef.",
    "spinnenweb": "Elke lijn is een meetmoment; hoe verder naar buiten, hoe beter de deelnemers het domein ervaren.",
    "spinnenweb_verandering": "Verandering per domein bij dezelfde deelnemers; rechts van nul is vooruitgang.",
}


def principle_sentence(v: YearView, nr: str) -> str:
    """How often a principle came up on the cards, and in which role's cards relatively most."""
    total = len(v.year_cards)
    if not total:
        return "Er zijn dit jaar geen reflectiekaarten ingevuld."
    n = int(v.themas.get(nr, 0))
    text = f"Op {fmt.geheel(n)} van de {fmt.geheel(total)} reflectiekaarten ({fmt.procent(n / total)}) kwam dit principe terug"
    per_role = v.kaarten_per_rol
    table = v.thema_per_rol
    shares = {
        role: table.loc[nr, role] / per_role[role]
        for role in table.columns
        if nr in table.index and per_role.get(role, 0) >= v.min_n and table.loc[nr, role] > 0
    }
    if shares:
        role = max(shares, key=lambda r: (shares[r], r))
        text += f"; naar verhouding het vaakst op kaarten van {ROL_MEERVOUD.get(role, role)} ({fmt.procent(shares[role])} van hun kaarten)"
    return text + "."


ROL_MEERVOUD = {
    "wijkbewoner": "wijkbewoners",
    "professional": "professionals",
    "manager": "managers",
    "bestuurder": "bestuurders",
    "financier": "financiers",
    "student": "studenten",
    "overig": "anderen",
}
