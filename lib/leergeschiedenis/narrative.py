"""Dutch sentences written from the published figures, so the prose never disagrees with the charts.

Every function takes a ``YearView`` (already through the privacy gate) and
returns Markdown. Numbers and dates are in Dutch notation (``fmt``).
"""

from __future__ import annotations

from . import fmt, goals, sessions
from .labels import (
    DOMEIN_LABELS,
    FINANCIER_LABELS,
    INDICATOR_LABELS,
    LEAD_TIME_LABELS,
    REDEN_LABELS,
    ROL_MEERVOUD,
    SOORT_LABELS,
)
from .privacy import HERLEIDBAAR, TE_WEINIG, reason_text
from .publish import YearView
from .sessions import LEERSESSIES
from .stats import PairedChange

GROEP_TITELS = {"willen": "We willen", "kunnen": "We kunnen", "nodig": "We hebben nodig"}


def _why(reason: str | None, min_n: int) -> str:
    """The end of 'we tonen het niet: ...', with the true reason."""
    if reason == HERLEIDBAAR:
        return "het is verborgen omdat anders een kleine groep te herleiden is"
    return f"het rust op {fmt.suppressed(min_n)}"


def missing_text(
    n: int | None, reason: str | None, min_n: int, unmeasured: str = "nog niet gemeten", no_file: str = "geen gegevens"
) -> str:
    """Why a figure is not there: no file for it, nothing measured yet, too few people, or hidden against
    differencing. Never 'minder dan N personen' when nothing was measured."""
    if reason == goals.GEEN_GEGEVENS:
        return no_file
    if not n:
        return unmeasured
    return reason_text(reason, min_n)


def figure_or_reason(value, n: int, reason: str | None, min_n: int, formatter) -> str:
    """A published figure in Dutch notation, or in words why it is missing."""
    return missing_text(n, reason, min_n) if value is None else formatter(value)


def cases_sentence(v: YearView) -> str:
    c = v.case_counts
    if c.totaal == 0:
        return f"In {v.jaar} werden geen casussen aangemeld."
    by = f" door {v.filters.organisatie}" if v.filters.organisatie else ""
    text = f"In {v.jaar} {'werd' if c.totaal == 1 else 'werden'} {fmt.stuks(c.totaal, 'casus', 'casussen')} aangemeld{by}"
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
        f"Van aanmelding tot afgesproken oplossing duurde het in de helft van de {fmt.stuks(row['n'], 'casus', 'casussen')} "
        f"hooguit {fmt.geheel(row['mediaan'])} dagen (mediaan; de middelste helft tussen {fmt.geheel(row['q1'])} "
        f"en {fmt.geheel(row['q3'])} dagen)."
    )


def agreement_sentence(v: YearView) -> str:
    """The agreement judged as agreed (a fraction over the months in play, a whole number in every
    month), and which organisations met it. Organisations are no residents: their counts are published."""
    a = v.agreement
    if a.empty or a["maanden"].max() == 0:
        return "Dit jaar zijn er geen maanden om de afspraak aan te toetsen."
    per_month = v.config.afspraken.casussen_per_organisatie_per_maand
    months = int(a["maanden"].iloc[0])
    noun = "casus" if per_month <= 1 else "casussen"  # '0,5 casus', '2 casussen'
    whole = float(per_month).is_integer()
    period = fmt.stuks(months, "maand", "maanden")
    text = f"De afspraak was {fmt.aantal(per_month)} {noun} per organisatie per maand"
    if whole:
        text += f": elke maand minstens {fmt.aantal(per_month)}. Over {period} "
    else:
        needed = per_month * months
        text += (
            f": een gemiddelde, dus getoetst over de {period} samen "
            f"(minstens {fmt.aantal(needed)} {'casus' if needed <= 1 else 'casussen'} per organisatie). Over die {period} "
        )
    met = a[a["gehaald"]]
    who = f"haalde {a.index[0]}" if len(a) == 1 else _who_met(len(met), len(a))
    text += who + " de afspraak" + ("" if len(met) or len(a) > 1 else " niet")

    def detail(org: str, named: bool = True) -> str:
        row = a.loc[org]
        count = (
            f"{fmt.geheel(row['maanden_gehaald'])} van de {period}" if whole else fmt.stuks(row["casussen"], "casus", "casussen")
        )
        return f"{org} ({count})" if named else count

    if len(a) == 1:
        return text + f" ({detail(a.index[0], named=False)})."
    text += "."
    missed = a[~a["gehaald"]]
    none = missed[missed["casussen"] == 0]
    some = missed[missed["casussen"] > 0]
    if len(met):
        text += " Gehaald: " + _listing([detail(o) for o in met.index]) + "."
    if len(some):
        text += " Niet gehaald: " + _listing([detail(o) for o in some.index]) + "."
    if len(none):
        text += f" Zonder casus in {v.jaar}: " + _listing(list(none.index)) + "."
    return text


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _who_met(met: int, total: int) -> str:
    """'3 van de 10 organisaties haalden', '1 van de 10 organisaties haalde', 'geen van de 10 organisaties haalde'."""
    if total == 1:
        return "haalde de organisatie"
    if met == 0:
        return f"haalde geen van de {fmt.geheel(total)} organisaties"
    if met == total:
        return f"haalden alle {fmt.geheel(total)} organisaties"
    return f"{'haalde' if met == 1 else 'haalden'} {fmt.geheel(met)} van de {fmt.geheel(total)} organisaties"


def _before_after(before: float, after: float) -> tuple[str, str]:
    """Both means with as many decimals (up to three) as it takes to show that they differ."""
    for decimals in (1, 2, 3):
        a, b = fmt.getal(before, decimals), fmt.getal(after, decimals)
        if a != b or round(before - after, 9) == 0:
            break
    return a, b


def change_words(change: PairedChange) -> str:
    """The verb follows the 95% interval only: 'steeg' or 'daalde' when it lies wholly above or below 0."""
    a, b = _before_after(change.gemiddeld_voor, change.gemiddeld_na)
    size = fmt.getal(abs(change.verandering), 1)
    if round(change.verandering, 9) == 0:
        return f"bleef gelijk (gemiddeld {a} voor en na)"
    if a == b:
        return f"bleef vrijwel gelijk (gemiddeld {a})"
    if change.ci_laag is None:
        return f"was gemiddeld {a} voor en {b} na (een verschil van {size} punt)"
    interval = f"95%-interval van {fmt.getal(change.ci_laag, 1)} tot {fmt.getal(change.ci_hoog, 1)}"
    test = f"{fmt.p_waarde(change.p_waarde)}" if change.p_waarde is not None else ""
    if change.methode:
        test += f", Wilcoxon {'exact' if change.methode == 'exact' else 'normale benadering'}"
    if change.ci_laag > 0:
        verb = f"steeg van {a} naar {b}: {size} punt erbij"
    elif change.ci_hoog < 0:
        verb = f"daalde van {a} naar {b}: {size} punt eraf"
    else:
        verb = f"veranderde nauwelijks: van {a} naar {b}, en het interval omvat 0"
    return f"{verb} ({interval}{'; ' + test if test else ''})"


def _micro_cases(n: int) -> str:
    """What a welbevinden or cost figure rests on: '2 casussen met een micro-analyse'."""
    return fmt.stuks(n, "casus met een micro-analyse", "casussen met een micro-analyse")


def welbevinden_sentence(v: YearView) -> str:
    change = v.welbevinden["na_6_weken"]
    if "metingen" not in v.dataset.accounting:
        return "Deze proeftuin heeft geen bestand met metingen van welbevinden."
    if change.n == 0:
        return f"Voor de casussen van {v.jaar} zijn nog geen voor- en nametingen van welbevinden."
    if change.verandering is None:
        return (
            f"Welbevinden is gemeten bij {_micro_cases(change.n)}, maar de uitkomst tonen we niet: "
            f"{_why(v.welbevinden_reden('na_6_weken'), v.min_n)}."
        )
    text = (
        f"Het welbevinden van de {fmt.stuks(change.n, 'casus', 'casussen')} met een micro-analyse (een voor- en nameting) "
        f"{change_words(change)} op een schaal van 1 tot 10."
    )
    if change.ci_laag is None:
        text += " Met minder dan tien paren beschrijven we alleen; een toets zegt dan weinig."
    return text


SCENARIO_UITLEG = (
    "De huidige situatie is wat de hulp aan deze huishoudens per jaar kost zoals die zonder de proeftuin "
    "geregeld is, bij elke organisatie apart; niets doen is wat het kost als niemand ingrijpt en de problemen "
    "oplopen (een huisuitzetting, een opname); de proeftuinoplossing is wat de afgesproken oplossing kost."
)


EFFECTENARENA = (
    "De Effectenarena zet per financier naast elkaar wat de proeftuinoplossing hem kost of oplevert tegenover "
    "niets doen: wie investeert en wie er beter van wordt."
)


def reading_guide(v: YearView) -> list[str]:
    """'Zo lees je dit': what n means, how the micro-analysed cases relate to all cases, what a 95% interval
    says, and the minimum group size; the report's box and the dashboard's short version."""
    total = v.case_counts.totaal
    pairs, costs = v.welbevinden["na_6_weken"].n, v.kosten_n
    lines = [
        "n is het aantal casussen, deelnemers of bijeenkomsten waar een cijfer op rust: hoe kleiner n, "
        "hoe voorzichtiger je ermee moet zijn."
    ]
    has = {"welbevinden": "metingen" in v.dataset.accounting, "kosten": "kosten" in v.dataset.accounting}
    what = " en ".join(w for w, present in has.items() if present)
    if total and (pairs or costs) and what:
        of = f"van de {fmt.stuks(total, 'casus', 'casussen')}"
        if pairs == costs or not all(has.values()):
            measured = f"bij {fmt.geheel(pairs if has['welbevinden'] else costs)} {of}"
        else:
            measured = f"welbevinden bij {fmt.geheel(pairs)} en kosten bij {fmt.geheel(costs)} {of}"
        lines.append(
            f"{what.capitalize()} meten we niet bij elke casus, maar in een micro-analyse van een steekproef: in {v.jaar} "
            f"{measured}. Die uitkomsten gelden voor deze casussen; voor alle casussen zijn ze een aanwijzing, geen bewijs."
        )
    lines.append(
        "Een 95%-interval is de marge rond een gemiddelde: herhaal je de meting bij vergelijkbare casussen, dan ligt de "
        "echte verandering in 95 van de 100 keer binnen die marge. Ligt het hele interval boven 0, dan is een stijging "
        "geen toeval."
    )
    lines.append(
        f"Cijfers over minder dan {v.min_n} personen tonen we niet; waar een cijfer ontbreekt staat waarom: "
        "nog niet gemeten, geen bestand, te weinig personen of verborgen om herleiding te voorkomen."
    )
    return lines


def scenarios_sentence(v: YearView) -> str:
    """What the three scenarios mean, where there are cost figures to read."""
    return SCENARIO_UITLEG if v.kosten_totaal is not None else ""


def effectenarena_sentence(v: YearView) -> str:
    return EFFECTENARENA if "kosten" in v.dataset.accounting else ""


def costs_sentence(v: YearView) -> str:
    """The proeftuinoplossing against both other scenarios in one sentence: the current situation and doing nothing."""
    if "kosten" not in v.dataset.accounting:
        return "Deze proeftuin heeft geen kostenbestand: er zijn (nog) geen micro-analyses van kosten."
    if v.kosten_n == 0:
        return f"Voor de casussen van {v.jaar} zijn nog geen volledige micro-analyses van kosten."
    if v.besparing is None:
        return f"De kosten zijn berekend voor {_micro_cases(v.kosten_n)}, maar we tonen ze niet: {_why(v.kosten_reden, v.min_n)}."
    t = v.kosten_totaal
    solution, now, nothing = t["proeftuinoplossing"], t["huidig"], t["niets_doen"]
    text = (
        f"Voor de {fmt.stuks(v.kosten_n, 'casus', 'casussen')} met een micro-analyse kost de proeftuinoplossing "
        f"{fmt.euro(solution)} per jaar: {_compared(solution, now, 'nu', 'huidige situatie')}, "
        f"{'maar' if (solution > now) != (solution > nothing) else 'en'} "
        f"{_compared(solution, nothing, 'niets doen', '')}."
    )
    cheaper = v.aantal_goedkoper
    if cheaper is not None:
        n = v.kosten_n
        if cheaper == n:
            share = f"in alle {fmt.geheel(n)} casussen" if n > 2 else "in beide casussen" if n == 2 else "in deze casus"
        elif cheaper == 0:
            share = "in geen van de casussen"
        else:
            share = f"in {fmt.geheel(cheaper)} van de {fmt.geheel(n)} casussen"
        text += f" De proeftuinoplossing was goedkoper dan niets doen {share}."
    return text


def _compared(amount: float, other: float, than: str, name: str) -> str:
    """'€ 64.885 per jaar meer dan nu (€ 67.272)', or 'evenveel als ...'."""
    difference = round(amount) - round(other)
    if difference == 0:
        return f"evenveel als {than} ({fmt.euro(other)})"
    word = "meer" if difference > 0 else "minder"
    return f"{fmt.euro(abs(difference))} {word} dan {than} ({name + ': ' if name else ''}{fmt.euro(other)})"


def financier_sentence(v: YearView) -> str:
    f = v.financiers.dropna(subset=["besparing"])
    if f.empty:
        return ""
    gain = [FINANCIER_LABELS.get(i, i) for i in f.index[f["besparing"] > 0]]
    pay = [FINANCIER_LABELS.get(i, i) for i in f.index[f["besparing"] < 0]]
    parts = []
    if gain:
        parts.append(f"Minder betalen: {_listing(gain)}.")
    if pay:
        parts.append(
            f"Meer betalen: {_listing(pay)}. Wie investeert is dus niet altijd wie er beter van wordt: "
            "de 'verkeerde zak' waar de Effectenarena over gaat."
        )
    return " ".join(parts)


KWARTALEN = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde"}


def soort_text(soort: str, n: int) -> str:
    one, more = SOORT_LABELS.get(soort, (soort, soort))
    return fmt.stuks(n, one, more)


def deelnemers_text(mean: float) -> str:
    """A number of participants: whole when it is ('12'), else with one decimal ('31,4')."""
    return fmt.geheel(mean) if round(mean, 1) == round(mean) else fmt.getal(mean, 1)


def sessions_sentence(v: YearView) -> str:
    """How many sessions of which kind, and the attendance of the recurring learning sessions compared
    like with like (first and last quarter, or first and last session, of the same kind); the mean per
    learning session is the key figure's."""
    s = v.year_sessions
    if s.empty:
        if "bijeenkomsten" not in v.dataset.accounting:
            return "Deze proeftuin heeft geen bestand met bijeenkomsten."
        return f"In {v.jaar} zijn geen bijeenkomsten geregistreerd."
    whole = (
        " (alle bijeenkomsten van de proeftuin: ze zijn niet per organisatie of rol geregistreerd)"
        if v.filters != type(v.filters)()
        else ""
    )
    kinds = s["soort"].astype("string").value_counts()
    learning = [k for k in LEERSESSIES if kinds.get(k, 0)]
    others = [k for k in kinds.index if k not in LEERSESSIES]
    listed = [soort_text(k, int(kinds[k])) for k in learning]
    n_other = int(sum(kinds[k] for k in others))
    if n_other:
        detail = _listing([soort_text(k, int(kinds[k])) for k in others])
        listed.append(f"{fmt.stuks(n_other, 'andere bijeenkomst', 'andere bijeenkomsten')} ({detail})" if learning else detail)
    text = (
        f"In {v.jaar} {'was er' if len(s) == 1 else 'waren er'} {fmt.stuks(len(s), 'bijeenkomst', 'bijeenkomsten')}{whole}: "
        f"{_listing(listed)}."
    )
    recurring = sessions.recurring_kind(v.dataset.bijeenkomsten)
    trend = sessions.learning_trend(s, recurring)
    if trend is not None:
        kind = SOORT_LABELS.get(trend.soort, (trend.soort, trend.soort))[1]
        a, b = deelnemers_text(trend.eerste), deelnemers_text(trend.laatste)
        verb = "groeide" if trend.laatste > trend.eerste else "daalde" if trend.laatste < trend.eerste else "bleef"
        if trend.eerste_kwartaal is None:
            span = f"van {fmt.geheel(trend.eerste)} deelnemers bij de eerste naar {fmt.geheel(trend.laatste)} bij de laatste"
            if verb == "bleef":
                span = f"gelijk: {fmt.geheel(trend.eerste)} deelnemers bij de eerste en bij de laatste"
        else:
            first = f"{KWARTALEN[trend.eerste_kwartaal]} kwartaal ({fmt.stuks(trend.n_eerste, 'sessie', 'sessies')})"
            last = f"{KWARTALEN[trend.laatste_kwartaal]} kwartaal ({fmt.stuks(trend.n_laatste, 'sessie', 'sessies')})"
            mean = "gemiddeld " if max(trend.n_eerste, trend.n_laatste) > 1 else ""
            span = f"van {mean}{a} deelnemers in het {first} naar {b} in het {last}"
            if verb == "bleef":
                span = f"gelijk: {mean}{a} deelnemers in het {first} en in het {last}"
        text += f" Bij de {kind} {verb} de opkomst {span}."
    n_learning, mean = sessions.kind_attendance(v.dataset.bijeenkomsten, v.jaar, recurring)
    if mean is not None:
        one, more = SOORT_LABELS.get(recurring, (recurring, recurring))
        text += (
            f" Over het jaar kwamen er gemiddeld {deelnemers_text(mean)} deelnemers per {one}"
            f" ({fmt.stuks(n_learning, one, more)} met een telling)."
        )
    cards = v.n_kaarten
    return text + f" Na afloop vulden {_card_writers(v)} {fmt.stuks(cards, 'reflectiekaart', 'reflectiekaarten')} in."


def _card_writers(v: YearView) -> str:
    """Who wrote the cards counted: everyone, or the filter's organisation and/or role."""
    who = ROL_MEERVOUD.get(v.filters.rol, "deelnemers") if v.filters.rol else "deelnemers"
    return who + (f" van {v.filters.organisatie}" if v.filters.organisatie else "")


def spinnenweb_sentence(v: YearView) -> str:
    if not v.spinnenweb_gemeten:
        return f"Tot en met {v.jaar} zijn er geen metingen van positieve gezondheid."
    labels = v.spinnenweb_momenten
    text = "Gemeten: " + ", ".join(labels.values()) + "."
    for moment, changes in v.spinnenweb_veranderingen.items():
        until = labels[moment].split(" (")[0].lower()
        shown = {d: c for d, c in changes.items() if c.verandering is not None}
        if not shown:
            measured = [d for d, c in changes.items() if c.n]
            if not measured:
                text += f" Tot de {until} zijn nog geen deelnemers twee keer gemeten."
                continue
            reason = _why(v.spinnenweb_reden("verandering", moment, measured[0]), v.min_n)
            text += f" De verandering tot de {until} tonen we niet: {reason}."
            continue
        best = max(shown, key=lambda d: (abs(shown[d].verandering), d))
        c = shown[best]
        direction = "omhoog" if c.verandering > 0 else "omlaag" if c.verandering < 0 else "niet"
        text += (
            f" Van nulmeting tot {until} ({fmt.stuks(max(x.n for x in shown.values()), 'deelnemer', 'deelnemers')}) "
            f"veranderde {DOMEIN_LABELS[best].lower()} het meest: {fmt.getal(abs(c.verandering))} punt {direction}."
        )
    if v.versie_notitie:
        text += " " + v.versie_notitie
    return text


def reading_aid(name: str) -> str:
    """One line under each chart: how to read it."""
    return READING_AIDS[name]


READING_AIDS = {
    "casussen_per_wijk": "Elke staaf is een buurt van de proeftuin: hoeveel casussen er dit jaar uit die buurt kwamen.",
    "casussen_per_regisseur": "Elke staaf is een organisatie: bij hoeveel casussen de ene regisseur van het gezin daar werkte.",
    "casussen_per_jaar": "Elke staaf is een jaar; blauw zijn individuele, oranje collectieve casussen.",
    "afspraak": "Elk vak is een organisatie in een maand, met het aantal casussen dat zij die maand aanmeldde; een 0 is een maand zonder casus.",
    "doorlooptijd": "Elk punt is de mediaan van een kwartaal: de helft van de casussen was sneller. Lager is beter.",
    "trechter": "Hoeveel casussen elke stap bereikten, van aanmelding tot afronding.",
    "levensdomeinen": "Een casus kan meer levensdomeinen raken; daarom tellen de staven op tot meer dan het aantal casussen.",
    "belemmeringen": "Welke soorten belemmeringen professionals tegenkwamen bij het uitvoeren van de oplossing.",
    "welbevinden": "Dezelfde casussen voor en na: hoe hoger de rechterstaaf, hoe meer het welbevinden steeg.",
    "kosten": "De jaarlijkse maatschappelijke kosten van dezelfde casussen in drie scenario's.",
    "financiers": "Rechts (groen) betaalt een financier minder dan bij niets doen, links (oranje) investeert hij.",
    "deelnemers": "Elk punt is een bijeenkomst. De lijn verbindt de terugkerende leersessies en laat zien of de opkomst groeide; een ruit is een andere bijeenkomst (werkconferentie, dialoogsessie, effectenarena), met de soort erbij.",
    "rollen": "Wie er kwamen, opgeteld over de bijeenkomsten met een telling per rol.",
    "kaarten_per_rol": "Hoeveel reflectiekaarten elke groep invulde.",
    "thema_rol": "Hoe donkerder het vak, hoe vaker die groep over dat ontwerpprincipe schreef.",
    "spinnenweb": "Elke lijn is een meetmoment; hoe verder naar buiten, hoe beter de deelnemers het domein ervaren.",
    "spinnenweb_verandering": "Verandering per domein bij dezelfde deelnemers; rechts van nul is vooruitgang.",
    "wijkbudget": "Per jaar het vastgestelde wijkbudget (blauw) naast wat er werd besteed (oranje); een jaar zonder blauwe staaf valt buiten de looptijd.",
    "activiteiten_per_week": "Elk punt is een week met activiteiten: hoeveel bezoekers er die week samen kwamen.",
    "binnen_termijn": "Per kwartaal van aanmelding: welk deel van de casussen binnen de afgesproken tijd bleef. Hoger is beter.",
}


MIN_BASIS_PROCENT = 20  # no percentage on fewer cards than this: '2 van de 5' says it better than '40%'


def _share(part: int, base: int) -> str:
    """' (15%)' after a count on a base large enough for a percentage to mean something, else ''."""
    return f" ({fmt.procent(part / base)})" if base >= MIN_BASIS_PROCENT else ""


def no_cards_text(v: YearView) -> str:
    """Why there are no cards this year, said once per chapter (not once per principle)."""
    if "reflectiekaarten" not in v.dataset.accounting:
        return "Deze proeftuin heeft geen bestand met reflectiekaarten."
    return f"Er zijn in {v.jaar} geen reflectiekaarten ingevuld."


def principle_sentence(v: YearView, nr: str) -> str:
    """How often a principle came up on the cards, and in which role's cards relatively most."""
    total = v.n_kaarten
    if not total:
        return ""  # said once for the chapter: no_cards_text
    n = int(v.themas.get(nr, 0))
    text = f"Op {fmt.geheel(n)} van de {fmt.geheel(total)} reflectiekaarten{_share(n, total)} kwam principe {nr} terug"
    per_role = v.kaarten_per_rol
    table = v.thema_per_rol
    # a role is named only with at least min_n cards on the principle, and a share above the overall share
    shares = {
        role: table.loc[nr, role] / per_role[role]
        for role in table.columns
        if nr in table.index
        and per_role.get(role, 0) >= v.min_n
        and table.loc[nr, role] >= v.min_n
        and table.loc[nr, role] * total > n * per_role[role]
    }
    if shares:
        role = max(shares, key=lambda r: (shares[r], r))
        count, base = int(table.loc[nr, role]), int(per_role[role])
        text += f"; naar verhouding het vaakst op kaarten van {ROL_MEERVOUD.get(role, role)} ({fmt.geheel(count)} van hun {fmt.geheel(base)} kaarten{_share(count, base).replace(' (', ', ').rstrip(')')})"
    return text + "."


# -- the goals scorecard and De wijk ----------------------------------------------------------

EURO_INDICATOREN = ("besparing_per_casus", "besparing_huidig_per_casus", "kosten_per_casus")
GEHEEL_INDICATOREN = ("casussen_totaal", "casussen_collectief", "reflectiekaarten_totaal", "doorlooptijd_aanmelding_oplossing")
PROCENT_INDICATOREN = (
    "binnen_termijn_aanmelding_mdo",
    "binnen_termijn_mdo_oplossing",
    "binnen_termijn_aanmelding_oplossing",
    "afspraak_organisaties",
    "aandeel_wijkbewoners_bijeenkomsten",
    "aandeel_door_bewoners",
    "wijkbudget_besteed_vs_vastgesteld",
    "aandeel_collectief_preventief",
)
GEEN_INDICATOR = "nog geen indicator gekozen"


def indicator_label(code: str) -> str:
    if code.startswith("spinnenweb_"):
        return f"Spinnenweb: {DOMEIN_LABELS[code.removeprefix('spinnenweb_')].lower()}"
    return INDICATOR_LABELS.get(code, code)


def indicator_number(code: str, value) -> str:
    """An indicator's value (or target) in Dutch notation: shares as %, money as €."""
    if code in EURO_INDICATOREN:
        return fmt.euro(value)
    if code in PROCENT_INDICATOREN:
        return fmt.procent(value)
    if code in GEHEEL_INDICATOREN:
        return fmt.geheel(value)
    return fmt.getal(value, 1)


def reden_text(reden: str | None, min_n: int) -> str:
    """Why a figure is missing, in words (every reden of the contract)."""
    if reden in REDEN_LABELS:
        return REDEN_LABELS[reden]
    return reason_text(reden or TE_WEINIG, min_n)


def indicator_text(code: str, value, reden: str | None, min_n: int) -> str:
    """The value in Dutch notation, or in words why it is not there."""
    return reden_text(reden, min_n) if value is None else indicator_number(code, value)


def gehaald_text(gehaald: bool | None) -> str:
    return "–" if gehaald is None else ("gehaald" if gehaald else "niet gehaald")


def _names(results) -> str:
    labels = [indicator_label(i.code) for i in results]
    return ", ".join(label[0].lower() + label[1:] for label in labels)


def goal_sentence(goal: goals.GoalResult) -> str:
    """One plain sentence on a goal: how many of its targets were met this year, and which."""
    if not goal.indicatoren:
        return ""
    with_target = [i for i in goal.indicatoren if i.streef is not None]
    if not with_target:
        return "Voor dit doel is nog geen streefwaarde afgesproken; de cijfers laten zien waar het nu staat."
    judged = [i for i in with_target if i.gehaald is not None]
    if not judged:
        return "Geen van de streefwaarden van dit doel was dit jaar te toetsen: " + _names(with_target) + " nog zonder cijfer."
    met = [i for i in judged if i.gehaald]
    missed = [i for i in judged if not i.gehaald]
    if len(judged) == 1:
        text = f"De enige streefwaarde die dit jaar te toetsen was, is {'gehaald' if met else 'niet gehaald'} ({_names(judged)})"
    else:
        count = "geen" if not met else fmt.geheel(len(met))
        details = [f"{label}: {_names(part)}" for label, part in (("gehaald", met), ("niet gehaald", missed)) if part]
        text = f"Dit doel haalde {count} van de {fmt.geheel(len(judged))} streefwaarden die dit jaar te toetsen waren ({'; '.join(details)})"
    open_ = [i for i in with_target if i.gehaald is None]
    if open_:
        text += f"; nog zonder cijfer: {_names(open_)}"
    return text + "."


def has_indicators(v: YearView) -> bool:
    return any(g.indicatoren for g in v.doelen)


def budget_sentence(v: YearView) -> str:
    """The year's fixed amount against what was spent, and the shift to collective and preventive."""
    b = v.wijkbudget
    if b.n_posten is None and b.vastgesteld is None:
        return ""
    y = v.jaar
    if b.vastgesteld is None:
        text = f"Voor {y} is geen wijkbudget vastgesteld"
    else:
        text = f"Het vastgestelde wijkbudget voor {y} was {fmt.euro(b.vastgesteld)}"
    if b.besteed is None:
        text += "; er is nog geen besteding geregistreerd."
    else:
        text += f"; besteed is {fmt.euro(b.besteed)}"
        if b.binnen_budget is not None:
            text += ", binnen het budget" if b.binnen_budget else ", meer dan het budget"
        if b.n_posten_zonder_besteed:
            text += f" (van {fmt.stuks(b.n_posten_zonder_besteed, 'post', 'posten')} is de besteding nog niet bekend)"
        text += "."
    share = b.aandeel_collectief_preventief
    if share is not None:
        text += f" Van de bestedingen ging {fmt.procent(share)} naar collectieve en preventieve ondersteuning"
        earlier = v.wijkbudget_per_jaar["aandeel_collectief_preventief"].dropna()
        earlier = earlier[earlier.index < y]
        if not earlier.empty:
            # against the year before, as the goals' table compares; an older year only when that one has no
            # share, and then the sentence says why
            then, before = int(earlier.index[-1]), float(earlier.iloc[-1])
            why = "" if then == y - 1 else ", het laatste jaar met een bekende besteding"
            if round(share, 2) == round(before, 2):
                text += f", evenveel als in {then}{why}"
            else:
                text += f", {'meer' if share > before else 'minder'} dan in {then} ({fmt.procent(before)}{why})"
        text += "."
    return text


def activities_sentence(v: YearView) -> str:
    a = v.activiteiten
    if a.totaal is None:
        return ""
    if not a.totaal:
        return f"In {v.jaar} zijn er geen activiteiten geregistreerd."
    text = (
        f"In {v.jaar} {'was' if a.totaal == 1 else 'waren'} er {fmt.stuks(a.totaal, 'activiteit', 'activiteiten')} "
        f"met samen {fmt.stuks(a.bezoekers, 'bezoeker', 'bezoekers')}: gemiddeld {fmt.getal(a.bezoekers_per_week, 1)} "
        f"per week met een activiteit ({fmt.stuks(a.n_weken, 'week', 'weken')})."
    )
    if a.aandeel_door_bewoners is not None:
        text += (
            f" Van de activiteiten werd {fmt.procent(a.aandeel_door_bewoners)} door wijkbewoners of samen met hen georganiseerd."
        )
    return text


def within_term_sentence(v: YearView) -> str:
    """Per agreed maximum lead time: the share of the year's cases within it (gated like any figure about people)."""
    parts = []
    for step, maximum in v.config.afspraken.maximale_doorlooptijd_dagen:
        if maximum is None:
            continue
        value = goals.value(v, f"binnen_termijn_{step}")
        agreed = f"{LEAD_TIME_LABELS[step]} binnen {fmt.stuks(maximum, 'dag', 'dagen')}"
        if value.waarde is None:
            parts.append(f"{agreed}: {reden_text(value.reden, v.min_n)}")
        else:
            parts.append(f"{agreed}: {fmt.procent(value.waarde)} van {fmt.stuks(value.n, 'casus', 'casussen')}")
    if not parts:
        return ""
    return (
        f"Afgesproken maximale doorlooptijden, en hoe vaak die in {v.jaar} werden gehaald: " + "; ".join(parts) + ". "
        f"Een casus waarvan die stap nog niet af is, telt als niet gehaald zodra de termijn op 31 december {v.jaar} "
        "al voorbij was, en telt anders (nog) niet mee; daarom rust elke afspraak op een ander aantal casussen."
    )


EEN_GEZIN = (
    "Deze proeftuin werkt volgens 1 Gezin 1 Plan 1 Regisseur: met één gezin of huishouden maken de betrokken "
    "professionals samen één plan, en één regisseur, van een van de partnerorganisaties, houdt namens allen de regie "
    "over dat plan. Zo heeft het gezin één vast aanspreekpunt in plaats van een hulpverlener per organisatie, "
    "en raakt de hulp minder versnipperd. Het gesprek begint aan de keukentafel en de steun is kort en gericht op "
    "eigen kracht en het eigen netwerk."
)


def regisseur_sentence(n: int, een_gezin: bool) -> str:
    """The cases with a regisseur, with what 1 Gezin 1 Plan 1 Regisseur means only when proeftuin.yml says
    the proeftuin works that way (``werkwijzen``): a filled column is no claim about the way of working."""
    if not n:
        return EEN_GEZIN if een_gezin else ""
    counted = f"Bij {fmt.stuks(n, 'casus', 'casussen')} van dit jaar is de regisseur geregistreerd; de grafiek toont uit welke organisaties zij kwamen."
    return f"{EEN_GEZIN} {counted}" if een_gezin else counted


def status_without_date_sentence(counts, labels: dict[str, str]) -> str:
    """Datakwaliteit: where a case's status and its dates disagree, said once, with the rule that decides."""
    parts = [f"{labels[step]}: {fmt.geheel(n)}" for step, n in counts.items() if n]
    if not parts:
        return ""
    return (
        "Bij sommige casussen staat de status verder dan de ingevulde datums ("
        + ", ".join(parts)
        + "). Een stap telt overal pas mee als zijn datum is ingevuld; leergeschiedenis check noemt de casussen."
    )
