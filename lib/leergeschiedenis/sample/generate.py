"""The deterministic synthetic sample: Proeftuin Ruwaard, Deurne and Maastricht, and an illustrative price list.

The proeftuinen's own facts are real (vision, goals, design principles, partners, buurten,
periods); every figure, case, card and measurement is invented.

Why synthetic: real case registrations are confidential, yet the notebooks,
the dashboard and the tests need data that looks and behaves like a
programme team's Excel exports. Everything here is invented; the shapes are
the ones the report is about (Ruwaard: ~30 cases in 2016, ~200 in 2017, 25 micro-analyses with
welbevinden up by more than 5 points and lower costs in every case, 13
spinnenweb participants of Ons Huis van de Wijk; five strategic goals with
indicators, a fixed wijkbudget from 2018, the activities of Ons Huis van de Wijk
growing towards ~300 visitors a week and a wijkprofiel: see ``wijkniveau``).

Deterministic: every table draws from its own ``random.Random`` seeded with a
fixed string, rows are written in a fixed order, nothing depends on the clock.

Two proeftuinen in two contract-valid dialects, so the reader is exercised:

* ``ruwaard/``: Dutch Excel (``;``, UTF-8 with BOM, decimal comma, ``dd-mm-jjjj``,
  headers and values as a team types them: ``Casus ID``, ``Na 6 weken``, ``€ 1.234,56``);
* ``deurne/``: ``,``, plain UTF-8, ISO dates, decimal point, the contract's own
  column names, no ``kaart_id`` column, no kosten, a column ``regisseur`` (one
  director per case), goals of which one has no indicator, and none of the
  neighbourhood tables (a proeftuin without a wijkbudget); its first two years of 2019-2022;
* ``maastricht/``: the same plain dialect with the contract's columns in order, 2014-2015
  (from March 2014), five buurten (``wijk``), one ``regisseur`` per case from its partners
  (1 Gezin 1 Plan 1 Regisseur), more collective cases, and only casussen, bijeenkomsten and
  reflectiekaarten ("geen harde cijfers, wel illustratieve registratie": no metingen, kosten
  or spinnenweb, a proeftuin that lacks instruments).

The shared price list lives beside the proeftuin folders' parent
(``data/prijslijst/``), where the loader looks for it; ``write_sample`` writes it
there when OUT_DIR is ``.../data/sample``, and otherwise into
``OUT_DIR/prijslijst/`` so any OUT_DIR is loadable on its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import labels
from ..contract import (
    BELEMMERINGEN,
    DOMEINEN,
    MEETMOMENTEN,
    ROLLEN,
    SCENARIOS,
    SPINNENWEB_VERSIES,
    TABLES,
)
from ..errors import OngeldigVoorbeeld
from ..names import normalize_name
from . import text as tx

Row = dict[str, object]

# ---------------------------------------------------------------------------
# Writing: one contract table as a CSV in a proeftuin's own dialect
# ---------------------------------------------------------------------------

# Enumeration values with accents or capitals a team would type.
WAARDEN_NL = {
    "financien": "Financiën",
    "mdo": "MDO",
    "mpg_v1": "mpg_v1",  # a code, typed as the questionnaire names it
    "mpg_v2": "mpg_v2",
}


@dataclass(frozen=True)
class Style:
    """A CSV dialect: what a team's Excel writes, and how the team types headers and values."""

    sep: str
    date_format: str
    decimal: str
    bom: bool
    dutch_headers: bool  # "Casus ID", "MDO-datum" instead of casus_id, mdo_datum
    dutch_values: bool  # "Na 6 weken", "Financiën", "Ja" instead of na_6_weken, financien, ja
    euro: bool  # money as "€ 1.234,56"

    def header(self, name: str) -> str:
        if not self.dutch_headers:
            return name
        return labels.kop(name)

    def enum(self, value: str) -> str:
        if not self.dutch_values:
            return value
        if value in WAARDEN_NL:
            return WAARDEN_NL[value]
        text = value.replace("_", " ")
        return text[0].upper() + text[1:]

    def number(self, value: float) -> str:
        if float(value).is_integer():
            return str(int(value))
        return f"{value:.2f}".rstrip("0").replace(".", self.decimal)

    def money(self, value: float) -> str:
        if not self.euro:
            return f"{value:.2f}".replace(".", self.decimal)
        whole, cents = f"{value:,.2f}".split(".")
        return f"€ {whole.replace(',', '.')},{cents}"

    def date(self, value: dt.date) -> str:
        return value.strftime(self.date_format)

    def bool(self, value: bool) -> str:
        text = "ja" if value else "nee"
        return text.capitalize() if self.dutch_values else text


DUTCH_EXCEL = Style(";", "%d-%m-%Y", ",", bom=True, dutch_headers=True, dutch_values=True, euro=True)
PLAIN = Style(",", "%Y-%m-%d", ".", bom=False, dutch_headers=False, dutch_values=False, euro=False)
# The shared price list: Dutch Excel, but the team picks codes (gemeente_wmo) from a drop-down list.
PRICE_LIST_STYLE = Style(";", "%d-%m-%Y", ",", bom=True, dutch_headers=False, dutch_values=False, euro=True)


def _kind(table: str, column: str) -> str:
    spec = TABLES[table]
    if column in spec.column_names:
        c = spec.column(column)
        if c.kind == "list" and not (c.allowed or c.allowed_from):
            return "free_list"  # free names are written as typed
        return c.kind
    if spec.items_of and re.fullmatch(rf"({'|'.join(spec.items_of)})_\d+", column):
        return "number"
    return "text"  # an extra column the team added


def _cell(value: object, kind: str, style: Style) -> str:
    if value is None or value == "" or value == []:
        return ""
    match kind:
        case "date":
            return style.date(value)  # type: ignore[arg-type]
        case "number" | "integer":
            return style.number(float(value))  # type: ignore[arg-type]
        case "money":
            return style.money(float(value))  # type: ignore[arg-type]
        case "bool":
            return style.bool(bool(value))
        case "enum":
            return style.enum(str(value))
        case "list":
            return ", ".join(style.enum(str(v)) for v in value)  # type: ignore[union-attr]
        case "free_list":
            return ", ".join(str(v) for v in value)  # type: ignore[union-attr]
    return str(value)


def check_headers(columns: Sequence[str], headers: Sequence[str]) -> None:
    """Every header a style writes must normalise back to its contract column, or the reader would not find it."""
    for column, header in zip(columns, headers, strict=True):
        if normalize_name(header) != column:
            raise OngeldigVoorbeeld(f"kop '{header}' staat niet voor kolom {column}: de lezer zou hem niet herkennen")


def write_table(path: Path, table: str, columns: Sequence[str], rows: Iterable[Row], style: Style) -> Path:
    """One contract table as CSV; the headers are checked to normalise back to the contract's names."""
    headers = [style.header(c) for c in columns]
    check_headers(columns, headers)
    kinds = [_kind(table, c) for c in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.sep, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(row.get(c), k, style) for c, k in zip(columns, kinds, strict=True)])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig" if style.bom else "utf-8"))
    return path


class FlowList(list):
    """A short YAML list written inline: ``wijken: [Ruwaard]``."""


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigDumper.add_representer(
    FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def write_config(path: Path, config: dict, comment: str) -> Path:
    text = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True, width=110)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((comment + text).encode("utf-8"))
    return path


# ---------------------------------------------------------------------------
# Small helpers for believable values
# ---------------------------------------------------------------------------


def _rng(*parts: object) -> random.Random:
    """One seeded generator per proeftuin and table: changing one table never shifts another."""
    return random.Random("leergeschiedenis-sample/" + "/".join(str(p) for p in parts))


def workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _lognormal_days(rng: random.Random, median: float, spread: float = 0.55) -> int:
    return max(0, round(rng.lognormvariate(math.log(max(median, 0.5)), spread)))


def _interpolate(day: dt.date, anchors: Sequence[tuple[dt.date, float]]) -> float:
    """Linear in time between anchor dates, flat outside them."""
    if day <= anchors[0][0]:
        return anchors[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(anchors):
        if day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days
    return anchors[-1][1]


def _half(value: float) -> float:
    """Grades are given in halves, the way people answer 'een 6,5'."""
    return round(value * 2) / 2


_CHOICE = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_SLOT = re.compile(r"\{(\w+)\}")


def fill(text: str, rng: random.Random, slots: dict[str, str]) -> str:
    """Expand ``{a|b}`` alternatives and ``{name}`` slots of a text-bank sentence."""
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    text = _SLOT.sub(lambda m: slots[m.group(1)], text)
    return re.sub(r"\s+([.,;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _weighted(rng: random.Random, options: Sequence[tuple[object, float]]):
    return rng.choices([o for o, _ in options], weights=[w for _, w in options], k=1)[0]


# ---------------------------------------------------------------------------
# The Maatschappelijke Prijslijst (illustrative)
# ---------------------------------------------------------------------------

NZA = "NZa-tarief {jaar} (indicatief)"
KOSTENHANDLEIDING = "Kostenhandleiding Zorginstituut Nederland (indicatief)"
KENGETALLEN = "Kostenkengetallen CBS/Significant (indicatief)"
WMO = "Wmo-tarief regio {jaar} (indicatief)"
JEUGD = "Jeugdhulptarief regio {jaar} (indicatief)"
PARTICIPATIEWET = "Normbedragen Participatiewet {jaar} (indicatief)"
HUISUITZETTING = "Onderzoek kosten huisuitzettingen Aedes/Significant (indicatief)"
WODC = "Kostenkengetallen WODC (indicatief)"
AANNAME = "aanname"

# code, omschrijving, eenheid, price at 2017 level, financier, bron, yearly price change
VOORZIENINGEN: tuple[tuple[str, str, str, float, str, str, float], ...] = (
    ("WVP", "Wijkverpleging", "uur", 76.20, "zorgverzekeraar", NZA, 0.021),
    ("HAC", "Huisartsconsult", "keer", 9.80, "zorgverzekeraar", NZA, 0.018),
    ("SEH", "Bezoek spoedeisende hulp", "keer", 268, "zorgverzekeraar", KOSTENHANDLEIDING, 0.02),
    ("GGZB", "Generalistische basis-GGZ", "traject", 880, "zorgverzekeraar", NZA, 0.015),
    ("GGZS", "Specialistische GGZ-behandeling", "uur", 118, "zorgverzekeraar", NZA, 0.017),
    ("CRI", "Crisisopname GGZ", "dag", 465, "zorgverzekeraar", KOSTENHANDLEIDING, 0.02),
    ("VZA", "Ambulante verslavingszorg", "uur", 106, "zorgverzekeraar", NZA, 0.017),
    ("VZK", "Klinische verslavingszorg", "dag", 385, "zorgverzekeraar", KOSTENHANDLEIDING, 0.02),
    ("VPH", "Verpleeghuiszorg (Wlz)", "dag", 218, "wlz", NZA, 0.022),
    ("BW", "Beschermd wonen", "dag", 128, "gemeente_wmo", WMO, 0.015),
    ("MO", "Maatschappelijke opvang", "dag", 86, "gemeente_wmo", KENGETALLEN, 0.015),
    ("BG", "Individuele begeleiding (Wmo)", "uur", 58, "gemeente_wmo", WMO, 0.015),
    ("DB", "Dagbesteding", "dag", 54, "gemeente_wmo", WMO, 0.015),
    ("HH", "Huishoudelijke hulp", "uur", 24.50, "gemeente_wmo", WMO, 0.02),
    ("WT", "Inzet sociaal wijkteam", "uur", 68, "gemeente_overig", AANNAME, 0.0),
    ("SHV", "Schuldhulpverlening", "traject", 2350, "gemeente_overig", KENGETALLEN, 0.02),
    ("BB", "Budgetbeheer", "maand", 95, "gemeente_overig", AANNAME, 0.0),
    ("UPW", "Uitkering Participatiewet, inclusief uitvoering", "maand", 1090, "gemeente_participatie", PARTICIPATIEWET, 0.012),
    ("RIT", "Re-integratietraject", "traject", 3200, "gemeente_participatie", KENGETALLEN, 0.02),
    ("JHA", "Ambulante jeugdhulp", "uur", 86, "gemeente_jeugd", JEUGD, 0.016),
    ("JHV", "Jeugdhulp met verblijf", "dag", 215, "gemeente_jeugd", JEUGD, 0.02),
    ("HUI", "Huisuitzetting, inclusief leegstand en incasso", "keer", 7100, "woningcorporatie", HUISUITZETTING, 0.02),
    ("INC", "Incassotraject huurachterstand", "keer", 480, "woningcorporatie", AANNAME, 0.0),
    ("POL", "Politie-inzet", "uur", 68, "politie_justitie", WODC, 0.018),
    ("RCL", "Reclasseringstoezicht", "maand", 520, "politie_justitie", WODC, 0.018),
    ("DET", "Detentie", "dag", 255, "politie_justitie", WODC, 0.018),
    ("VZU", "Ziekteverzuim werknemer", "dag", 245, "werkgever", AANNAME, 0.0),
    ("MZ", "Mantelzorg (schaduwprijs)", "uur", 14.50, "inwoner", KOSTENHANDLEIDING, 0.0),
    ("VRW", "Coördinatie vrijwillige inzet (maatje)", "uur", 32, "overig", AANNAME, 0.0),
)
PRIJSJAREN = (2016, 2017, 2018)
PRIJSLIJST_KOLOMMEN = TABLES["prijslijst"].column_names


def _price(base: float, change: float, year: int) -> float:
    value = base * (1 + change) ** (year - 2017)
    if value >= 1000:
        return round(value / 5) * 5
    if value >= 100:
        return float(round(value))
    return round(value, 2)


def _illustratief(omschrijving: str) -> str:
    """Say in the description itself that the amount is illustrative: 'Verpleeghuiszorg (Wlz, illustratief bedrag)'."""
    if omschrijving.endswith(")"):
        return omschrijving[:-1] + ", illustratief bedrag)"
    return omschrijving + " (illustratief bedrag)"


def price_list() -> list[Row]:
    """The illustrative Maatschappelijke Prijslijst: every provision for 2016, 2017 and 2018."""
    rows = []
    for jaar in PRIJSJAREN:
        for code, omschrijving, eenheid, prijs, financier, bron, change in VOORZIENINGEN:
            rows.append(
                {
                    "code": code,
                    "omschrijving": _illustratief(omschrijving),
                    "eenheid": eenheid,
                    "prijs": _price(prijs, change, jaar),
                    "financier": financier,
                    "jaar": jaar,
                    "bron": bron.format(jaar=jaar),
                }
            )
    return rows


def prices(year: int) -> dict[str, tuple[float, str]]:
    """code -> (prijs, financier) of one price year."""
    return {r["code"]: (r["prijs"], r["financier"]) for r in price_list() if r["jaar"] == year}  # type: ignore[misc]


def write_price_list(path: Path) -> Path:
    """Write ``prijslijst.csv`` (Dutch Excel dialect). Amounts are illustrative, not real tariffs."""
    return write_table(path, "prijslijst", PRIJSLIJST_KOLOMMEN, price_list(), PRICE_LIST_STYLE)


# ---------------------------------------------------------------------------
# One proeftuin's plan: who brings cases, how many, how fast
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Organisatie:
    naam: str
    gewicht: float  # share of the cases it brings in
    domeinen: tuple[str, ...]  # life domains its cases tend to be about


@dataclass(frozen=True)
class Jaarplan:
    jaar: int
    casussen: int
    eerste_maand: int
    laatste_maand: int
    groei: float  # the last month has (1 + groei) times the weight of the first


@dataclass(frozen=True)
class Plan:
    key: str
    config: dict
    style: Style
    slots: dict[str, str]
    organisaties: tuple[Organisatie, ...]
    ook_betrokken: tuple[str, ...]  # organisations that join a case but bring none in
    domein_betrokken: dict[str, tuple[str, ...]]  # life domain -> organisations that typically join
    jaren: tuple[Jaarplan, ...]
    casus_id: Callable[[int, int], str]
    export: dt.date  # the day the team exported its registrations
    # (date, median days aanmelding -> MDO, median days MDO -> oplossing, share of oplossingen agreed at the MDO)
    doorlooptijden: tuple[tuple[dt.date, float, float, float], ...]
    collectief: float
    belemmering_kans: tuple[tuple[dt.date, float], ...]
    binnen_aanbod_kans: tuple[tuple[dt.date, float], ...]
    domein_bank: dict[str, str] = field(default_factory=dict)  # config domain -> text-bank domain
    thema_principe: dict[str, int] = field(default_factory=dict)  # text-bank theme -> ontwerpprincipe nr
    thema_gewicht: dict[int, dict[str, float]] = field(default_factory=dict)  # year -> theme -> weight

    @property
    def levensdomeinen(self) -> list[str]:
        return list(self.config["levensdomeinen"])


DOMEIN_GEWICHT = {
    "financien": 22,
    "wonen": 18,
    "gezondheid": 20,
    "sociaal_netwerk": 16,
    "werk_en_dagbesteding": 12,
    "opvoeding": 9,
    "veiligheid": 7,
    "zingeving": 5,
}


def _bank_domain(plan: Plan, domain: str) -> str:
    return plan.domein_bank.get(domain, domain)


def _domains(rng: random.Random, plan: Plan, org: Organisatie, first: str | None) -> list[str]:
    """Life domains of a case: the first is the main one (and drives its texts and costs)."""
    weights = [(d, DOMEIN_GEWICHT.get(_bank_domain(plan, d), 6)) for d in plan.levensdomeinen]
    if first is None:
        first = rng.choice(org.domeinen) if org.domeinen and rng.random() < 0.6 else _weighted(rng, weights)
    chosen = [first]
    extra = _weighted(rng, [(0, 25), (1, 40), (2, 25), (3, 10)])
    while len(chosen) < 1 + extra:
        d = _weighted(rng, weights)
        if d not in chosen:
            chosen.append(d)
    return chosen


def casussen(plan: Plan) -> list[Row]:
    """Cases per year from the plan's organisations, with dates that follow the contract's order rules."""
    rng = _rng(plan.key, "casussen")
    drafts = []
    for jp in plan.jaren:
        months = range(jp.eerste_maand, jp.laatste_maand + 1)
        span = max(1, jp.laatste_maand - jp.eerste_maand)
        month_weights = [(m, 1 + jp.groei * (m - jp.eerste_maand) / span) for m in months]
        org_weights = [(o, o.gewicht) for o in plan.organisaties]
        for _ in range(jp.casussen):
            month = _weighted(rng, month_weights)
            org = _weighted(rng, org_weights)
            last_day = (dt.date(jp.jaar + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            day = workday(dt.date(jp.jaar, month, rng.randint(1, last_day)))
            if day.year != jp.jaar or day > plan.export:  # a weekend at the end of December
                day = workday(dt.date(jp.jaar, month, 1))
            drafts.append((day, org.naam, org))
    drafts.sort(key=lambda d: (d[0], d[1]))
    rows: list[Row] = []
    per_year: dict[int, int] = {}
    for day, _, org in drafts:
        per_year[day.year] = per_year.get(day.year, 0) + 1
        rows.append(_case(rng, plan, plan.casus_id(day.year, per_year[day.year]), day, org))
    return rows


def _case(rng: random.Random, plan: Plan, casus_id: str, aanmeld: dt.date, org: Organisatie) -> Row:
    collectief = rng.random() < plan.collectief
    verhaal_collectief = rng.choice(tx.VERHALEN_COLLECTIEF) if collectief else None
    domains = _domains(rng, plan, org, verhaal_collectief[0] if verhaal_collectief else None)
    med_mdo = _interpolate(aanmeld, [(d, m) for d, m, _, _ in plan.doorlooptijden]) * (1.5 if collectief else 1)
    med_opl = _interpolate(aanmeld, [(d, o) for d, _, o, _ in plan.doorlooptijden]) * (1.5 if collectief else 1)
    same_day = _interpolate(aanmeld, [(d, s) for d, _, _, s in plan.doorlooptijden])
    mdo = workday(aanmeld + dt.timedelta(days=max(1, _lognormal_days(rng, med_mdo))))
    opl = mdo if rng.random() < same_day else workday(mdo + dt.timedelta(days=max(1, _lognormal_days(rng, med_opl))))
    afsluit: dt.date | None = workday(opl + dt.timedelta(days=max(14, _lognormal_days(rng, 75, 0.5))))
    status = "afgerond"
    stop = rng.random()
    if stop < 0.03:  # stopped before an MDO: the resident withdrew or moved
        mdo = opl = None
        afsluit = workday(aanmeld + dt.timedelta(days=rng.randint(5, 30)))
        status = "gestopt"
    elif stop < 0.07:  # stopped after the MDO, no proeftuinoplossing agreed
        opl = None
        afsluit = workday(mdo + dt.timedelta(days=rng.randint(7, 60)))
        status = "gestopt"
    # What the registration shows on the export date.
    if status == "gestopt":
        if afsluit > plan.export:  # not stopped yet on the export date
            afsluit = None
            if mdo is not None and mdo <= plan.export:
                status = "mdo"
            else:
                status, mdo = "aangemeld", None
    else:
        if mdo > plan.export:
            status, mdo, opl, afsluit = "aangemeld", None, None, None
        elif opl > plan.export:
            status, opl, afsluit = "mdo", None, None
        elif afsluit > plan.export:
            status, afsluit = "uitvoering", None
    # Registration is done by busy people: now and then a date is not filled in.
    if status == "afgerond" and rng.random() < 0.02:
        afsluit = None
    if opl is not None and status in ("uitvoering", "afgerond") and rng.random() < 0.02:
        opl = None

    started = status in ("mdo", "uitvoering", "afgerond", "gestopt")
    solved = status in ("uitvoering", "afgerond")
    belemmeringen: list[str] = []
    if started and rng.random() < _interpolate(aanmeld, plan.belemmering_kans):
        weights = [("regelgeving", 3), ("financiering", 3), ("protocol", 2), ("capaciteit", 2), ("privacy", 2), ("overig", 1)]
        assert {b for b, _ in weights} == set(BELEMMERINGEN)
        belemmeringen.append(_weighted(rng, weights))
        if rng.random() < 0.35:
            second = _weighted(rng, weights)
            if second not in belemmeringen:
                belemmeringen.append(second)
    binnen = None
    if solved and rng.random() < 0.95:
        binnen = rng.random() < _interpolate(aanmeld, plan.binnen_aanbod_kans)

    main = _bank_domain(plan, domains[0])
    slots = plan.slots
    if verhaal_collectief:
        ik_wil, ik_kan, nodig, oplossing = (fill(t, rng, slots) for t in verhaal_collectief[1:])
    else:
        ik_wil, nodig, oplossing = (fill(t, rng, slots) for t in rng.choice(tx.VERHALEN[main]))
        if len(domains) > 1 and rng.random() < 0.3:  # a second wish, and what that needs
            wil2, nodig2, _ = rng.choice(tx.VERHALEN[_bank_domain(plan, domains[1])])
            ik_wil += " " + fill(wil2, rng, slots).replace("Ik wil ", "En ik wil ", 1)
            nodig += " " + fill(nodig2, rng, slots)
        ik_kan = fill(rng.choice(tx.IK_KAN), rng, slots)
        if rng.random() < 0.25:
            second = fill(rng.choice(tx.IK_KAN), rng, slots)
            ik_kan += "" if second == ik_kan else " " + second
    citaat, toestemming = None, None
    if solved and rng.random() < 0.15:
        # the draw keeps the cases' own random stream as it was; the words come from a stream of their own,
        # from a larger bank, so more voices never shift a case's dates, domains or costs
        bank = tx.CITATEN_COLLECTIEF if collectief else tx.CITATEN
        rng.choice(bank)
        voices = bank if collectief else [*tx.CITATEN, *tx.CITATEN_MEER]
        citaat = fill(_rng(plan.key, "citaat", casus_id).choice(voices), rng, slots)
        toestemming = _weighted(rng, [(True, 6), (False, 3), (None, 1)])
    elif rng.random() < 0.3:
        toestemming = False  # some teams fill in "nee" by default

    betrokken = [org.naam]
    for d in domains:
        for naam in plan.domein_betrokken.get(d, ()):
            if naam not in betrokken and rng.random() < 0.55:
                betrokken.append(naam)
    for _ in range(rng.randint(0, 2)):
        naam = rng.choice([o.naam for o in plan.organisaties] + list(plan.ook_betrokken))
        if naam not in betrokken:
            betrokken.append(naam)

    return {
        "casus_id": casus_id,
        "soort": "collectief" if collectief else "individueel",
        "organisatie": org.naam,
        "aanmelddatum": aanmeld,
        "mdo_datum": mdo,
        "oplossing_datum": opl,
        "afsluitdatum": afsluit,
        "status": status,
        "levensdomeinen": domains,
        "betrokken_organisaties": betrokken if started else betrokken[:1],
        "belemmeringen": belemmeringen,
        "binnen_bestaand_aanbod": binnen,
        "ik_wil": ik_wil if rng.random() < 0.96 else None,
        "ik_kan": ik_kan if started or rng.random() < 0.4 else None,
        "ik_heb_nodig": nodig if started and rng.random() < 0.92 else None,
        "proeftuinoplossing": oplossing if solved and rng.random() < 0.95 else None,
        "citaat": citaat,
        "toestemming_citaat": toestemming,
    }


# ---------------------------------------------------------------------------
# Micro-analyses: welbevinden and costs per scenario
# ---------------------------------------------------------------------------


def micro_sample(rng: random.Random, rows: list[Row], per_year: dict[int, int]) -> list[Row]:
    """A random sample of finished individual cases per year, as the team drew it."""
    chosen = []
    for year, n in per_year.items():
        pool = [
            r
            for r in rows
            if r["aanmelddatum"].year == year  # type: ignore[union-attr]
            and r["status"] == "afgerond"
            and r["soort"] == "individueel"
            and r["oplossing_datum"] is not None
        ]
        chosen += rng.sample(pool, n)
    return sorted(chosen, key=lambda r: str(r["casus_id"]))


def metingen(
    plan: Plan,
    sample: list[Row],
    voor: tuple[float, float],
    big: tuple[float, float],
    small: tuple[float, float],
    n_small: int,
) -> list[Row]:
    """voor / na_6_weken / herhaling welbevinden (1-10, halves): most cases gain ``big``, a few only ``small``."""
    rng = _rng(plan.key, "metingen")
    small_ids = set(rng.sample([str(r["casus_id"]) for r in sample], n_small))
    rows: list[Row] = []
    for case in sample:
        start = case["mdo_datum"] or case["aanmelddatum"]
        before = _half(rng.uniform(*voor))
        lo, hi = small if case["casus_id"] in small_ids else big
        na = min(10.0, _half(before + rng.uniform(lo, hi)))
        dates = {
            "voor": start,
            "na_6_weken": workday(start + dt.timedelta(days=42 + rng.randint(-3, 10))),  # type: ignore[operator]
            "herhaling": workday(start + dt.timedelta(days=rng.randint(200, 330))),  # type: ignore[operator]
        }
        values = {"voor": before, "na_6_weken": na, "herhaling": min(10.0, max(1.0, _half(na - rng.uniform(-0.5, 1.5))))}
        for moment in MEETMOMENTEN:
            if dates[moment] > plan.export or (moment == "herhaling" and rng.random() < 0.25):  # type: ignore[operator]
                continue  # not measured (yet), or the resident could not be reached
            rows.append(
                {"casus_id": case["casus_id"], "meetmoment": moment, "datum": dates[moment], "welbevinden": values[moment]}
            )
    return rows


# Cost templates per archetype: scenario -> (code, least, most, step). Ranges are set so that,
# at 2017 prices, the most expensive proeftuinoplossing is below the cheapest niets_doen.
ARCHETYPEN: dict[str, dict[str, tuple[tuple[str, float, float, float], ...]]] = {
    "schulden": {
        "huidig": (("WT", 8, 16, 0.5), ("HAC", 4, 8, 1), ("INC", 1, 1, 1)),
        "niets_doen": (
            ("HUI", 1, 1, 1),
            ("MO", 60, 120, 1),
            ("SHV", 1, 1, 1),
            ("POL", 4, 10, 0.5),
            ("HAC", 8, 14, 1),
            ("GGZB", 1, 1, 1),
        ),
        "proeftuinoplossing": (("SHV", 1, 1, 1), ("BB", 12, 12, 1), ("WT", 16, 30, 0.5), ("BG", 16, 30, 0.5), ("HAC", 3, 6, 1)),
    },
    "wonen": {
        "huidig": (("WT", 6, 12, 0.5), ("INC", 1, 1, 1), ("POL", 2, 6, 0.5), ("HAC", 4, 8, 1)),
        "niets_doen": (("HUI", 1, 1, 1), ("MO", 30, 90, 1), ("POL", 8, 16, 0.5), ("GGZB", 0, 1, 1), ("HAC", 6, 10, 1)),
        "proeftuinoplossing": (("WT", 12, 24, 0.5), ("BG", 20, 40, 0.5), ("INC", 1, 1, 1), ("DB", 0, 40, 1)),
    },
    "ggz": {
        "huidig": (("GGZS", 20, 40, 0.5), ("HAC", 8, 12, 1), ("SEH", 1, 2, 1), ("WT", 4, 8, 0.5)),
        "niets_doen": (("CRI", 10, 25, 1), ("GGZS", 40, 70, 0.5), ("POL", 4, 12, 0.5), ("SEH", 2, 4, 1), ("MZ", 150, 350, 10)),
        "proeftuinoplossing": (
            ("GGZB", 1, 1, 1),
            ("GGZS", 10, 20, 0.5),
            ("DB", 50, 90, 1),
            ("BG", 16, 30, 0.5),
            ("WT", 8, 16, 0.5),
        ),
    },
    "eenzaamheid": {
        "huidig": (("HAC", 10, 18, 1), ("WVP", 30, 60, 0.5), ("HH", 40, 80, 1)),
        "niets_doen": (("HAC", 16, 26, 1), ("WVP", 100, 180, 0.5), ("SEH", 2, 4, 1), ("VPH", 20, 60, 1), ("MZ", 100, 200, 10)),
        "proeftuinoplossing": (("VRW", 30, 60, 1), ("DB", 50, 90, 1), ("WVP", 20, 40, 0.5), ("HAC", 4, 8, 1), ("WT", 6, 12, 0.5)),
    },
    "werk": {
        "huidig": (("UPW", 12, 12, 1), ("WT", 6, 12, 0.5), ("HAC", 2, 6, 1)),
        "niets_doen": (("UPW", 12, 12, 1), ("GGZB", 1, 1, 1), ("HAC", 6, 10, 1), ("SHV", 0, 1, 1), ("WT", 6, 12, 0.5)),
        "proeftuinoplossing": (("RIT", 1, 1, 1), ("UPW", 3, 6, 1), ("WT", 10, 20, 0.5), ("DB", 0, 10, 1)),
    },
    "gezin": {
        "huidig": (("JHA", 30, 60, 0.5), ("WT", 10, 20, 0.5), ("HAC", 2, 6, 1)),
        "niets_doen": (("JHV", 60, 150, 1), ("JHA", 30, 60, 0.5), ("POL", 4, 8, 0.5), ("VZU", 10, 20, 1)),
        "proeftuinoplossing": (("JHA", 40, 80, 0.5), ("WT", 20, 40, 0.5), ("BG", 20, 40, 0.5), ("HH", 40, 80, 1)),
    },
    "overlast": {
        "huidig": (("POL", 20, 40, 0.5), ("WT", 8, 16, 0.5), ("INC", 0, 1, 1)),
        "niets_doen": (("POL", 40, 80, 0.5), ("DET", 14, 30, 1), ("RCL", 6, 12, 1), ("VZK", 10, 20, 1), ("HUI", 0, 1, 1)),
        "proeftuinoplossing": (
            ("VZA", 20, 40, 0.5),
            ("BG", 30, 50, 0.5),
            ("WT", 16, 24, 0.5),
            ("POL", 4, 10, 0.5),
            ("DB", 20, 50, 1),
        ),
    },
}
ARCHETYPE_VAN_DOMEIN = {
    "financien": "schulden",
    "wonen": "wonen",
    "gezondheid": "ggz",
    "sociaal_netwerk": "eenzaamheid",
    "zingeving": "eenzaamheid",
    "werk_en_dagbesteding": "werk",
    "opvoeding": "gezin",
    "veiligheid": "overlast",
}


def kosten(plan: Plan, sample: list[Row]) -> list[Row]:
    """Cost lines per case x scenario x provision, drawn from the case's archetype."""
    rng = _rng(plan.key, "kosten")
    assert tuple(ARCHETYPEN["schulden"]) == SCENARIOS
    rows: list[Row] = []
    for case in sample:
        archetype = ARCHETYPEN[ARCHETYPE_VAN_DOMEIN[_bank_domain(plan, case["levensdomeinen"][0])]]  # type: ignore[index]
        for scenario in SCENARIOS:
            for code, least, most, step in archetype[scenario]:
                aantal = least + step * rng.randint(0, round((most - least) / step))
                if aantal == 0:
                    continue
                toelichting = tx.TOELICHTING.get(code) if scenario != "huidig" and rng.random() < 0.5 else None
                rows.append(
                    {
                        "casus_id": case["casus_id"],
                        "scenario": scenario,
                        "voorziening": code,
                        "aantal": aantal,
                        "toelichting": toelichting,
                    }
                )
    return rows


def annual_costs(lines: list[Row], year: int) -> dict[tuple[str, str], float]:
    """(casus_id, scenario) -> euros per year, priced at ``year``; the generator's own check."""
    table = prices(year)
    out: dict[tuple[str, str], float] = {}
    for line in lines:
        key = (str(line["casus_id"]), str(line["scenario"]))
        out[key] = out.get(key, 0.0) + float(line["aantal"]) * table[str(line["voorziening"])][0]  # type: ignore[arg-type]
    return out


def costs_per_financier(lines: list[Row], year: int) -> dict[tuple[str, str], float]:
    table = prices(year)
    out: dict[tuple[str, str], float] = {}
    for line in lines:
        prijs, financier = table[str(line["voorziening"])]
        key = (financier, str(line["scenario"]))
        out[key] = out.get(key, 0.0) + float(line["aantal"]) * prijs  # type: ignore[arg-type]
    return out


# ---------------------------------------------------------------------------
# Learning sessions and reflection cards
# ---------------------------------------------------------------------------

ROLE_SHARES = {  # soort -> share of wijkbewoners, professionals, managers, bestuurders
    "tweewekelijkse_leersessie": (0.17, 0.6, 0.13, 0.03),
    "periodieke_leersessie": (0.1, 0.45, 0.3, 0.08),
    "werkconferentie": (0.2, 0.5, 0.15, 0.08),
    "effectenarena": (0.05, 0.3, 0.35, 0.18),
    "dialoogsessie": (0.2, 0.2, 0.2, 0.32),
    "snelkookpansessie": (0.1, 0.7, 0.15, 0.0),
    "overig": (0.3, 0.4, 0.1, 0.05),
}
ROLE_COLUMNS = ("wijkbewoners", "professionals", "managers", "bestuurders")


@dataclass(frozen=True)
class Sessie:
    naam: str
    datum: dt.date
    soort: str
    deelnemers: int | None
    uitsplitsing: bool = True


def bijeenkomsten(plan: Plan, sessies: list[Sessie]) -> list[Row]:
    """Sessions with attendance and, where the team counted, the breakdown by role (sum <= deelnemers)."""
    rng = _rng(plan.key, "bijeenkomsten")
    rows: list[Row] = []
    for s in sessies:
        row: Row = {"bijeenkomst": s.naam, "datum": s.datum, "soort": s.soort, "deelnemers": s.deelnemers}
        if s.deelnemers is not None and s.uitsplitsing:
            shares = list(ROLE_SHARES[s.soort])
            if s.soort == "tweewekelijkse_leersessie":  # more residents join as the proeftuin matures
                shares[0] += 0.08 * (s.datum.year - 2016 + s.datum.month / 12) / 3
            counts = [max(0, math.floor(s.deelnemers * sh + rng.uniform(-1.5, 1.5))) for sh in shares]
            while sum(counts) > s.deelnemers:
                counts[counts.index(max(counts))] -= 1
            row.update(dict(zip(ROLE_COLUMNS, counts, strict=True)))
        rows.append(row)
    return rows


def _pick_entry(rng: random.Random, plan: Plan, bank: list, role: str, year: int, soort: str, used: set[str]):
    letter = tx.ROLE_LETTERS[role]
    weights = plan.thema_gewicht.get(year) or plan.thema_gewicht[max(plan.thema_gewicht)]
    boost = {"effectenarena": {"rendement": 3, "ontschotten": 2}, "dialoogsessie": {"bestuur": 2.5}}.get(soort, {})
    options = []
    for entry in bank:
        text, roles, themes = entry[:3]
        only = entry[3] if len(entry) > 3 else None
        if only not in (None, plan.key) or (roles != "*" and letter not in roles) or text in used:
            continue
        w = sum(weights.get(t, 1.0) * boost.get(t, 1.0) for t in themes) / len(themes) if themes else weights.get("", 1.0)
        options.append((entry, w * (3 if only else 1)))  # a proeftuin's own words come up more than the general bank
    return _weighted(rng, options) if options else None


def _card_sentence(rng: random.Random, plan: Plan, text: str, field_name: str) -> str:
    sentence = fill(text, rng, plan.slots)
    if rng.random() < 0.08 and field_name != "vervolg":
        # once a tail such as 'Petje af.' was added here; it made quotes read as made up. The draw stays,
        # so every other card keeps its words.
        rng.randrange(6)
    if rng.random() < 0.07 and sentence[:3].isascii() and not sentence[:3].isupper():
        sentence = sentence[0].lower() + sentence[1:].rstrip(".")  # typed quickly, as on a real card
    return sentence


def _manual_themes(rng: random.Random, principes: list[int]) -> list[str]:
    """A human coder names the one or two principles a card is mostly about."""
    chosen = rng.sample(principes, min(len(principes), rng.choice((1, 2, 2))))
    return [str(p) for p in sorted(chosen)]


def reflectiekaarten(
    plan: Plan,
    sessies: list[Row],
    organisaties_per_rol: dict[str, Sequence[tuple[str, float]]],
    kaart_id: Callable[[int, int], str] | None,
) -> list[Row]:
    """Cards filled in after the sessions, by every role, coded by hand now and then.

    Who wrote a card, when, for which organisation, with which consent and whether it was coded by hand
    come from one random stream; the texts come from a stream of their own (``kaartteksten``), so a
    larger or different text bank changes what the cards say, never how many there are or who wrote them."""
    rng = _rng(plan.key, "reflectiekaarten")
    text_rng = _rng(plan.key, "kaartteksten")
    banks = {"geleerd": tx.GELEERD, "opgevallen": tx.OPGEVALLEN, "vervolg": tx.VERVOLG, "delen": tx.DELEN}
    presence = {"geleerd": 0.9, "opgevallen": 0.72, "vervolg": 0.55, "delen": 0.38}
    rows: list[Row] = []
    per_year: dict[int, int] = {}
    for s in sessies:
        n = s["deelnemers"]
        n_cards = round(n * rng.uniform(0.3, 0.55)) if n else 5  # type: ignore[operator]
        counted = [s.get(c) for c in ROLE_COLUMNS]
        if all(c is not None for c in counted) and sum(counted):  # type: ignore[arg-type]
            role_weights = list(zip(ROLLEN[:4], counted, strict=True))
            rest = max(0, n - sum(counted))  # type: ignore[operator]
        else:
            role_weights = list(zip(ROLLEN[:4], ROLE_SHARES[str(s["soort"])], strict=True))
            rest = 0.08
        extra_weight = max(rest, 0.5)
        financier = 0.6 if s["soort"] == "effectenarena" else 0.15
        role_weights += [("financier", extra_weight * financier), ("student", extra_weight * 0.3), ("overig", extra_weight * 0.2)]
        year = s["datum"].year  # type: ignore[union-attr]
        in_session: set[str] = set()  # people at one table rarely write the very same sentence
        for _ in range(n_cards):
            role = _weighted(rng, role_weights)
            fields = [f for f in banks if rng.random() < presence[f]] or ["geleerd"]
            used: set[str] = set()
            themes: list[str] = []
            card: Row = {}
            for f in banks:
                if f not in fields:
                    continue
                entry = _pick_entry(text_rng, plan, banks[f], role, year, str(s["soort"]), used | in_session)
                entry = entry or _pick_entry(text_rng, plan, banks[f], role, year, str(s["soort"]), used)
                if entry is None:
                    continue
                used.add(entry[0])
                in_session.add(entry[0])
                themes += entry[2]
                card[f] = _card_sentence(text_rng, plan, entry[0], f)
            if not card:
                continue
            per_year[year] = per_year.get(year, 0) + 1
            datum = s["datum"] if rng.random() < 0.88 else workday(s["datum"] + dt.timedelta(days=rng.randint(1, 3)))  # type: ignore[operator]
            principes = sorted({plan.thema_principe[t] for t in themes if t in plan.thema_principe})
            orgs = organisaties_per_rol.get(role)
            toestemming = _weighted(rng, [(True, 3), (False, 1), (None, 6)])
            by_hand = rng.random() < 0.15  # drawn for every card: the stream does not depend on the texts
            rows.append(
                {
                    "kaart_id": kaart_id(year, per_year[year]) if kaart_id else None,
                    "datum": datum,
                    "bijeenkomst": s["bijeenkomst"],
                    "rol": role,
                    "organisatie": _weighted(rng, orgs) if orgs else None,
                    **card,
                    "themas": _manual_themes(text_rng, principes) if principes and by_hand else [],
                    "toestemming_citaat": toestemming,
                }
            )
    return rows


# ---------------------------------------------------------------------------
# Positieve gezondheid (spinnenweb)
# ---------------------------------------------------------------------------

DOMEIN_NIVEAU = {  # typical nulmeting level per domain in a group that seeks support
    "lichaamsfuncties": 4.9,
    "mentaal_welbevinden": 5.0,
    "zingeving": 5.8,
    "kwaliteit_van_leven": 5.2,
    "meedoen": 4.6,
    "dagelijks_functioneren": 5.6,
}


@dataclass(frozen=True)
class Meetronde:
    meetmoment: int
    van: dt.date
    tot: dt.date
    winst: float  # mean improvement over the nulmeting, in points
    afwezig: tuple[int, ...] = ()  # participant numbers not measured this round


def spinnenweb(
    plan: Plan, deelnemers: Sequence[str], groep: str, rondes: Sequence[Meetronde], versie: str, missing_items: float = 0.0
) -> tuple[list[str], list[Row]]:
    """Per participant a latent level per domain, improving round by round; items or domain grades."""
    rng = _rng(plan.key, "spinnenweb")
    items = SPINNENWEB_VERSIES[versie]
    level = {p: {d: min(8.5, max(1.5, rng.gauss(DOMEIN_NIVEAU[d], 1.3))) for d in DOMEINEN} for p in deelnemers}
    respons = {p: rng.uniform(0.3, 1.4) for p in deelnemers}  # how much each participant gains
    columns = ["deelnemer_id", "meetmoment", "datum", "groep", "versie"]
    columns += [f"{d}_{i}" for d in DOMEINEN for i in range(1, items[d] + 1)] if items else list(DOMEINEN)
    rows: list[Row] = []
    half_missing_done = False
    for ronde in rondes:
        span = (ronde.tot - ronde.van).days
        for number, p in enumerate(deelnemers, start=1):
            if number in ronde.afwezig:
                continue
            row: Row = {
                "deelnemer_id": p,
                "meetmoment": ronde.meetmoment,
                "datum": workday(ronde.van + dt.timedelta(days=rng.randint(0, span))),
                "groep": groep,
                "versie": versie,
            }
            for d in DOMEINEN:
                mean = min(9.5, level[p][d] + ronde.winst * respons[p] + rng.gauss(0, 0.4))
                if items is None:
                    row[d] = min(10.0, max(0.0, _half(mean + rng.gauss(0, 0.3))))
                    continue
                for i in range(1, items[d] + 1):
                    score = min(10, max(0, round(mean + rng.gauss(0, 1.1))))
                    row[f"{d}_{i}"] = None if rng.random() < missing_items else score
            if items and not half_missing_done and ronde.meetmoment == 1 and number == 4:
                for i in range(1, 5):  # skipped a page: this domain has too few answers to score
                    row[f"zingeving_{i}"] = None
                half_missing_done = True
            rows.append(row)
    return columns, rows


# ---------------------------------------------------------------------------
# Proeftuin Ruwaard
# ---------------------------------------------------------------------------

# The nine design principles of Ruwaard's 2017 learning history, in its order. The transition
# model groups them willen / kunnen / nodig; the learning history gives no grouping, so the sample
# takes the first three as willen (the attitude), the next three as kunnen (the way of working)
# and the last three as nodig (what the system must provide).
RUWAARD_PRINCIPES = [
    {
        "nr": 1,
        "groep": "willen",
        "naam": "Ons door de leefwereld laten leiden",
        "trefwoorden": FlowList(["leefwereld", "wat de bewoner wil", "keukentafel", "eigen regie", "luisteren"]),
        "bewijs": FlowList(["welbevinden"]),
        "toelichting": "We beginnen bij wat de wijkbewoner wil en kan, niet bij ons aanbod.",
    },
    {
        "nr": 2,
        "groep": "willen",
        "naam": "Doen wat nodig is",
        "trefwoorden": FlowList(["doen wat nodig is", "alsof er geen regels zijn", "regels", "maatwerk"]),
        "bewijs": FlowList(["belemmeringen", "doorlooptijd"]),
        "toelichting": "Eerst de oplossing, dan de vraag of en welke regel in de weg zit.",
    },
    {
        "nr": 3,
        "groep": "willen",
        "naam": "Vertrouwen op elkaars intenties en expertise/deskundigheid",
        "trefwoorden": FlowList(["vertrouwen", "ruimte", "loslaten", "durven", "deskundigheid"]),
        "toelichting": "Professionals vertrouwen elkaars bedoelingen en vakmanschap; managers laten los.",
    },
    {
        "nr": 4,
        "groep": "kunnen",
        "naam": "Samen verantwoordelijk zijn voor eigenaarschap",
        "trefwoorden": FlowList(
            ["samen verantwoordelijk", "eigenaarschap", "naar elkaar omkijken", "ons huis van de wijk", "buurtbewoners"]
        ),
        "bewijs": FlowList(["casussen"]),
        "toelichting": "Bewoners, professionals en organisaties dragen samen zorg voor de wijk en voor elke casus.",
    },
    {
        "nr": 5,
        "groep": "kunnen",
        "naam": "Vanuit maatschappelijk compleet perspectief ontwikkelen",
        "trefwoorden": FlowList(["positieve gezondheid", "hele leven", "spinnenweb", "veerkracht", "wat wel kan", "één plan"]),
        "toelichting": "We kijken naar het hele leven en alle levensdomeinen, niet naar één probleem of één loket.",
    },
    {
        "nr": 6,
        "groep": "kunnen",
        "naam": "Experimenteren en actieleren in de praktijk",
        "trefwoorden": FlowList(["leren", "reflecteren", "leersessie", "van elkaar", "experiment", "uitproberen"]),
        "toelichting": "Leren gebeurt al doende, in de casussen en de leersessies, over de grenzen van organisaties heen.",
    },
    {
        "nr": 7,
        "groep": "nodig",
        "naam": "Het maatschappelijk rendement volgen",
        "trefwoorden": FlowList(["maatschappelijk rendement", "kosten", "effectenarena", "welbevinden", "verkeerde zak"]),
        "bewijs": FlowList(["welbevinden", "kosten"]),
        "toelichting": "We volgen welbevinden en kosten, en maken zichtbaar wie investeert en wie baat heeft.",
    },
    {
        "nr": 8,
        "groep": "nodig",
        "naam": "Mensen die handelen vanuit de gezamenlijke visie",
        "trefwoorden": FlowList(["bestuurders", "gezamenlijke visie", "mandaat", "doorzettingsmacht"]),
        "toelichting": "Bestuurders, managers en professionals handelen vanuit de visie van de proeftuin en maken het mogelijk.",
    },
    {
        "nr": 9,
        "groep": "nodig",
        "naam": "Systemen die steunen",
        "trefwoorden": FlowList(["ontschotten", "budget", "schotten", "één pot", "systemen"]),
        "bewijs": FlowList(["belemmeringen"]),
        "toelichting": "Financiering, registratie en regels steunen de oplossing; geld volgt de oplossing, niet het loket.",
    },
]

RUWAARD_PARTNERS = [
    "GGZ Oost Brabant",
    "GGD Hart voor Brabant",
    "BrabantWonen",
    "Gemeente Oss",
    "ONS welzijn",
    "Novadic-Kentron",
    "Reclassering Nederland",
    "Politie Oss",
    "Huisartsen Ruwaard",
    "Zorgverzekeraar VGZ",
]

RUWAARD_CONFIG = {
    "naam": "Proeftuin Ruwaard",
    "gemeente": "Oss",
    "wijken": FlowList(["Ruwaard"]),
    "inwoners": 13000,
    "visie": "Ruwaard is een vitale wijk waar wijkbewoners tegen lagere kosten een betere (positieve) gezondheid ervaren.",
    # Ruwaard's five strategic goals, each with the indicators of the catalogue that show progress towards it.
    "doelen": [
        {
            "naam": "Lagere maatschappelijke kosten",
            "indicatoren": FlowList([{"code": "besparing_per_casus", "streef": 10000}, "kosten_per_casus"]),
        },
        {
            "naam": "Betere, meer integrale zorg, welzijn en wonen",
            "indicatoren": FlowList(
                [{"code": "binnen_termijn_aanmelding_oplossing", "streef": 0.8}, "doorlooptijd_aanmelding_oplossing"]
            ),
        },
        {
            "naam": "Betere gezondheid en ervaren kwaliteit van leven van individuele wijkbewoners",
            "indicatoren": FlowList(
                [{"code": "welbevinden_verandering", "streef": 2}, "spinnenweb_kwaliteit_van_leven", "spinnenweb_meedoen"]
            ),
        },
        {
            "naam": "Meer collectieve betrokkenheid en verantwoordelijkheid van wijkbewoners",
            "indicatoren": FlowList(
                [
                    "casussen_collectief",
                    {"code": "bezoekers_per_week", "streef": 250},
                    {"code": "aandeel_door_bewoners", "streef": 0.5},
                ]
            ),
        },
        {
            "naam": "Betere steunende systemen (die het bovenstaande bevorderen)",
            "indicatoren": FlowList(
                [
                    {"code": "wijkbudget_besteed_vs_vastgesteld", "streef": 1},
                    {"code": "aandeel_collectief_preventief", "streef": 0.3},
                ]
            ),
        },
    ],
    "partners": RUWAARD_PARTNERS,
    "levensdomeinen": FlowList(
        ["wonen", "financien", "werk_en_dagbesteding", "gezondheid", "sociaal_netwerk", "opvoeding", "veiligheid", "zingeving"]
    ),
    "afspraken": {
        "casussen_per_organisatie_per_maand": 1,
        "maximale_doorlooptijd_dagen": {"aanmelding_mdo": 14, "mdo_oplossing": 14, "aanmelding_oplossing": 28},
    },
    # One fixed, unpartitioned budget for Wmo and welzijn from 2018, for five years, based on what 2016 cost.
    "wijkbudget": {"jaarbedrag": 2450000, "basisjaar": 2016, "looptijd": FlowList([2018, 2022])},
    "ontwerpprincipes": RUWAARD_PRINCIPES,
    "reflectiekaarten_citeerbaar": False,
    "privacy": {"min_groepsgrootte": 5},
}

RUWAARD = Plan(
    key="ruwaard",
    config=RUWAARD_CONFIG,
    style=DUTCH_EXCEL,
    slots={
        "wijk": "de Ruwaard",
        "welzijn": "ONS welzijn",
        "corporatie": "BrabantWonen",
        "ontmoetingsplek": "Ons Huis van de Wijk",
    },
    organisaties=(
        Organisatie("GGZ Oost Brabant", 1.5, ("gezondheid", "sociaal_netwerk")),
        Organisatie("GGD Hart voor Brabant", 0.8, ("gezondheid", "opvoeding")),
        Organisatie("BrabantWonen", 1.3, ("wonen", "financien")),
        Organisatie("Gemeente Oss", 1.5, ("financien", "werk_en_dagbesteding")),
        Organisatie("ONS welzijn", 1.6, ("sociaal_netwerk", "zingeving", "financien")),
        Organisatie("Novadic-Kentron", 0.8, ("gezondheid", "veiligheid")),
        Organisatie("Reclassering Nederland", 0.6, ("veiligheid", "werk_en_dagbesteding")),
        Organisatie("Politie Oss", 0.8, ("veiligheid", "wonen")),
        Organisatie("Huisartsen Ruwaard", 1.0, ("gezondheid", "sociaal_netwerk")),
    ),
    ook_betrokken=("Zorgverzekeraar VGZ", "UWV", "Basisschool in de wijk", "Thuiszorg", "Vrijwilligerscentrale"),
    domein_betrokken={
        "financien": ("Schuldhulpverlening Gemeente Oss", "ONS welzijn"),
        "wonen": ("BrabantWonen",),
        "werk_en_dagbesteding": ("Gemeente Oss", "UWV"),
        "gezondheid": ("Huisartsen Ruwaard", "GGZ Oost Brabant"),
        "sociaal_netwerk": ("ONS welzijn",),
        "opvoeding": ("GGD Hart voor Brabant", "Basisschool in de wijk"),
        "veiligheid": ("Politie Oss",),
        "zingeving": ("ONS welzijn",),
    },
    jaren=(
        Jaarplan(2016, 30, 4, 12, 2.0),
        Jaarplan(2017, 204, 1, 12, 1.2),
        Jaarplan(2018, 236, 1, 12, 0.3),
    ),
    casus_id=lambda year, n: f"R-{year}-{n:03d}",
    export=dt.date(2019, 1, 14),
    doorlooptijden=(
        (dt.date(2016, 4, 1), 26, 16, 0.05),
        (dt.date(2017, 1, 1), 17, 10, 0.15),
        (dt.date(2017, 12, 31), 9, 5, 0.3),
        (dt.date(2018, 12, 31), 6, 3, 0.45),
    ),
    collectief=0.07,
    belemmering_kans=((dt.date(2016, 4, 1), 0.75), (dt.date(2018, 12, 31), 0.35)),
    binnen_aanbod_kans=((dt.date(2016, 4, 1), 0.5), (dt.date(2018, 12, 31), 0.72)),
    thema_principe={
        "leefwereld": 1,
        "regels": 2,
        "vertrouwen": 3,
        "samen_wijk": 4,
        "positief": 5,
        "eenplan": 5,
        "leren": 6,
        "rendement": 7,
        "bestuur": 8,
        "ontschotten": 9,
        "preventief": 5,
    },
    thema_gewicht={
        2016: {"leefwereld": 3, "regels": 3, "vertrouwen": 2, "leren": 2, "positief": 1.5, "samen_wijk": 1, "ontschotten": 1,
               "bestuur": 1, "rendement": 0.7, "eenplan": 0.5, "": 1.5},
        2017: {"leefwereld": 2, "regels": 2, "vertrouwen": 2, "leren": 2, "positief": 1.5, "samen_wijk": 1.5, "ontschotten": 1.5,
               "bestuur": 1.5, "rendement": 2, "eenplan": 0.5, "": 1.2},
        2018: {"leefwereld": 1.5, "regels": 1, "vertrouwen": 1.5, "leren": 2, "positief": 2, "samen_wijk": 2.5, "ontschotten": 2,
               "bestuur": 2, "rendement": 2, "eenplan": 0.5, "": 1.0},
    },
)  # fmt: skip


def _ruwaard_sessies() -> list[Sessie]:
    """About 14 sessions a year; leersessies grow from ~15 people early 2017 to 30+ at its end."""
    rng = _rng("ruwaard", "sessies")
    sessies: list[Sessie] = []
    nummer = 0

    def leersessie(day: dt.date, deelnemers: int | None, uitsplitsing: bool = True) -> None:
        nonlocal nummer
        nummer += 1
        sessies.append(Sessie(f"Leersessie {nummer}", day, "tweewekelijkse_leersessie", deelnemers, uitsplitsing))

    sessies.append(Sessie("Startconferentie Proeftuin Ruwaard", dt.date(2016, 3, 17), "werkconferentie", 48, False))
    for i, (m, d) in enumerate([(4, 14), (5, 12), (6, 9), (9, 8), (10, 6), (11, 3), (12, 8)]):
        size = None if i == 2 else 9 + i + rng.randint(-1, 2)  # June 2016: nobody counted
        leersessie(dt.date(2016, m, d), size, uitsplitsing=i >= 4)
    sessies.append(Sessie("Snelkookpansessie wonen en schulden", dt.date(2016, 6, 23), "snelkookpansessie", 14))
    sessies.append(Sessie("Dialoogsessie bestuurders 2016", dt.date(2016, 11, 24), "dialoogsessie", 13))

    for m, d in [(1, 12), (2, 9), (3, 9), (4, 13), (5, 11), (6, 8), (9, 14), (10, 12), (11, 9), (12, 7)]:
        trend = 15 + 17 * (m - 1) / 11
        leersessie(dt.date(2017, m, d), round(trend + rng.uniform(-2, 2.5)), uitsplitsing=(m, d) != (5, 11))
    sessies.append(Sessie("Werkconferentie voorjaar 2017", dt.date(2017, 3, 23), "werkconferentie", 62))
    sessies.append(Sessie("Effectenarena schulden en wonen", dt.date(2017, 6, 22), "effectenarena", 27))
    sessies.append(Sessie("Werkconferentie najaar 2017", dt.date(2017, 10, 26), "werkconferentie", 74))
    sessies.append(Sessie("Dialoogsessie bestuurders 2017", dt.date(2017, 12, 14), "dialoogsessie", 18))

    for m, d in [(1, 11), (2, 8), (3, 8), (4, 12), (5, 17), (6, 14), (9, 13), (10, 11), (12, 6)]:
        leersessie(dt.date(2018, m, d), 30 + rng.randint(0, 9))
    sessies.append(Sessie("Periodieke leersessie managers voorjaar 2018", dt.date(2018, 3, 29), "periodieke_leersessie", 21))
    sessies.append(Sessie("Periodieke leersessie managers najaar 2018", dt.date(2018, 10, 25), "periodieke_leersessie", 24))
    sessies.append(Sessie("Werkconferentie 2018", dt.date(2018, 5, 31), "werkconferentie", 81))
    sessies.append(Sessie("Effectenarena jeugd en gezin", dt.date(2018, 9, 27), "effectenarena", 33))
    sessies.append(Sessie("Dialoogsessie bestuurders 2018", dt.date(2018, 11, 22), "dialoogsessie", 17))
    return sorted(sessies, key=lambda s: (s.datum, s.naam))


RUWAARD_KAART_ORGANISATIES: dict[str, Sequence[tuple[str, float]]] = {
    "professional": [
        ("GGZ Oost Brabant", 3),
        ("GGD Hart voor Brabant", 1.5),
        ("BrabantWonen", 2),
        ("Gemeente Oss", 3),
        ("ONS welzijn", 3),
        ("Novadic-Kentron", 1.5),
        ("Reclassering Nederland", 1),
        ("Politie Oss", 1.5),
        ("Huisartsen Ruwaard", 1),
    ],
    "manager": [
        ("GGZ Oost Brabant", 2),
        ("BrabantWonen", 2),
        ("Gemeente Oss", 3),
        ("ONS welzijn", 2),
        ("Novadic-Kentron", 1),
        ("GGD Hart voor Brabant", 1),
        ("Politie Oss", 1),
    ],
    "bestuurder": [
        ("Gemeente Oss", 3),
        ("BrabantWonen", 1),
        ("GGZ Oost Brabant", 1),
        ("ONS welzijn", 1),
        ("Zorgverzekeraar VGZ", 1),
    ],
    "financier": [("Zorgverzekeraar VGZ", 3), ("Gemeente Oss", 2)],
    "student": [("Avans Hogeschool", 2), ("ROC De Leijgraaf", 1)],
    "overig": [("Provincie Noord-Brabant", 1), ("Huisartsenpraktijk buiten de wijk", 1)],
}

CASUS_KOLOMMEN = TABLES["casussen"].column_names
METING_KOLOMMEN = TABLES["metingen"].column_names
KOSTEN_KOLOMMEN = TABLES["kosten"].column_names
BIJEENKOMST_KOLOMMEN = TABLES["bijeenkomsten"].column_names
KAART_KOLOMMEN = TABLES["reflectiekaarten"].column_names


def _check_rendement(metingen_rows: list[Row], kosten_rows: list[Row], n: int) -> None:
    """The sample must show what the module docstring promises, or the generator refuses to write it."""
    grades: dict[str, dict[str, float]] = {}
    for m in metingen_rows:
        grades.setdefault(str(m["casus_id"]), {})[str(m["meetmoment"])] = float(m["welbevinden"])  # type: ignore[arg-type]
    changes = [g["na_6_weken"] - g["voor"] for g in grades.values() if "voor" in g and "na_6_weken" in g]
    if len(changes) != n or sum(changes) / n <= 5:
        raise OngeldigVoorbeeld(f"welbevinden na 6 weken stijgt niet met meer dan 5 punten in {n} micro-analyses: {changes}")
    annual = annual_costs(kosten_rows, 2017)
    for casus in grades:
        if annual[(casus, "proeftuinoplossing")] >= annual[(casus, "niets_doen")]:
            raise OngeldigVoorbeeld(f"casus {casus}: de proeftuinoplossing kost niet minder dan niets doen")
        if annual[(casus, "huidig")] >= annual[(casus, "niets_doen")]:  # doing nothing escalates
            raise OngeldigVoorbeeld(f"casus {casus}: de huidige aanpak kost niet minder dan niets doen")
    per_financier = costs_per_financier(kosten_rows, 2017)
    if not any(
        per_financier.get((f, "proeftuinoplossing"), 0) > per_financier.get((f, "niets_doen"), 0) for f, _ in per_financier
    ):
        raise OngeldigVoorbeeld("geen financier betaalt meer met de proeftuinoplossing (de 'verkeerde zak' ontbreekt)")


def write_ruwaard(folder: Path) -> list[Path]:
    plan = RUWAARD
    style = plan.style
    written = [write_config(folder / "proeftuin.yml", plan.config, config_comment(plan))]
    cases = casussen(plan)
    written.append(write_table(folder / "casussen.csv", "casussen", CASUS_KOLOMMEN, cases, style))

    sample = micro_sample(_rng(plan.key, "steekproef"), cases, {2016: 8, 2017: 17})
    meting_rows = metingen(plan, sample, voor=(1.5, 4.0), big=(5.0, 6.6), small=(1.5, 3.5), n_small=3)
    kosten_rows = kosten(plan, sample)
    _check_rendement(meting_rows, kosten_rows, len(sample))
    written.append(write_table(folder / "metingen.csv", "metingen", METING_KOLOMMEN, meting_rows, style))
    written.append(write_table(folder / "kosten.csv", "kosten", KOSTEN_KOLOMMEN, kosten_rows, style))

    sessies = bijeenkomsten(plan, _ruwaard_sessies())
    written.append(write_table(folder / "bijeenkomsten.csv", "bijeenkomsten", BIJEENKOMST_KOLOMMEN, sessies, style))
    kaarten = reflectiekaarten(plan, sessies, RUWAARD_KAART_ORGANISATIES, lambda year, n: f"K-{year}-{n:03d}")
    written.append(write_table(folder / "reflectiekaarten.csv", "reflectiekaarten", KAART_KOLOMMEN, kaarten, style))

    columns, rows = spinnenweb(
        plan,
        [f"P{i:02d}" for i in range(1, 14)],
        "Ons Huis van de Wijk",
        [
            Meetronde(0, dt.date(2017, 10, 2), dt.date(2017, 10, 27), 0.0),
            Meetronde(1, dt.date(2018, 4, 3), dt.date(2018, 4, 27), 0.7, afwezig=(7,)),
            Meetronde(2, dt.date(2018, 12, 3), dt.date(2018, 12, 19), 1.2, afwezig=(12,)),
        ],
        versie="mpg_v1",
        missing_items=0.02,
    )
    written.append(write_table(folder / "spinnenweb.csv", "spinnenweb", columns, rows, style))

    from . import wijkniveau as wn  # the neighbourhood level (issue 14); it builds on this module's helpers

    written.append(write_table(folder / "activiteiten.csv", "activiteiten", wn.ACTIVITEIT_KOLOMMEN, wn.activiteiten(), style))
    written.append(write_table(folder / "wijkbudget.csv", "wijkbudget", wn.WIJKBUDGET_KOLOMMEN, wn.wijkbudget(), style))
    written.append(write_table(folder / "wijkprofiel.csv", "wijkprofiel", wn.WIJKPROFIEL_KOLOMMEN, wn.wijkprofiel(), style))
    return written


# ---------------------------------------------------------------------------
# Proeftuin Deurne
# ---------------------------------------------------------------------------

DEURNE_PRINCIPES = [
    {
        "nr": 1,
        "groep": "willen",
        "naam": "Eén huishouden, één plan, één regisseur",
        "trefwoorden": FlowList(["één plan", "regisseur", "huishouden"]),
    },
    {
        "nr": 2,
        "groep": "willen",
        "naam": "De inwoner aan het stuur",
        "trefwoorden": FlowList(["leefwereld", "eigen regie", "keukentafel", "naar elkaar omkijken"]),
    },
    {
        "nr": 3,
        "groep": "kunnen",
        "naam": "Ruimte voor de professional",
        "trefwoorden": FlowList(["vertrouwen", "ruimte", "maatwerk", "regels"]),
    },
    {
        "nr": 4,
        "groep": "kunnen",
        "naam": "Leren over de grenzen van organisaties heen",
        "trefwoorden": FlowList(["leren", "van elkaar", "reflecteren"]),
    },
    {
        "nr": 5,
        "groep": "nodig",
        "naam": "Het geld volgt de oplossing",
        "trefwoorden": FlowList(["budget", "ontschotten", "kosten"]),
    },
    {
        "nr": 6,
        "groep": "nodig",
        "naam": "Bestuurders maken het mogelijk",
        "trefwoorden": FlowList(["bestuurders", "mandaat", "doorzettingsmacht"]),
    },
]

DEURNE_CONFIG = {
    "naam": "Proeftuin Deurne",
    "gemeente": "Deurne",
    "wijken": FlowList(["Deurne-centrum", "Zeilberg", "Liessel"]),
    "inwoners": 14500,
    "visie": "In Deurne doen inwoners mee naar vermogen, met één plan per huishouden en professionals die de ruimte krijgen.",
    # Deurne's five goals; the fourth has no indicator in the catalogue (yet), so it stays plain text.
    "doelen": [
        {
            "naam": "Vergroten van participatie en waar mogelijk meer regie van inwoners",
            "indicatoren": FlowList(["spinnenweb_meedoen", "aandeel_wijkbewoners_bijeenkomsten"]),
        },
        {
            "naam": "Verhogen van welbevinden bij de inwoners",
            "indicatoren": FlowList([{"code": "welbevinden_verandering", "streef": 1}, "spinnenweb_mentaal_welbevinden"]),
        },
        {
            "naam": "Stimuleren van integrale persoonsgerichte zorg en ondersteuning",
            "indicatoren": FlowList([{"code": "doorlooptijd_aanmelding_oplossing", "streef": 21}]),
        },
        "Positievere invulling van de beroepen in zorg en ondersteuning",
        {
            "naam": "Beter gebruikmaken van de mogelijkheden en deskundigheid van zorg en ondersteuning; "
            "met dezelfde middelen meer doen",
            "indicatoren": FlowList(["casussen_totaal", {"code": "afspraak_organisaties", "streef": 0.5}]),
        },
    ],
    # The partners as named in the proeftuin's description; casuistry was joined by huisartsen,
    # onderwijs, verslavingszorg, CZ and Veilig Thuis (in the sample: organisations that join cases).
    "partners": [
        "Gemeente Deurne / Zorg in Deurne",
        "Regionaal Autisme Centrum",
        "Bergopwaarts",
        "Stichting MEE",
        "Zorgboog",
        "SMO",
        "Senzer",
        "GRIP Ergotherapie",
        "Care Extra",
        "GR Peelgemeenten",
        "Leger des Heils",
        "GGD Brabant-Zuidoost",
        "Participatieraad",
        "Politie",
        "De Kock en de Bie",
        "Stichting Sociale Gezondheid Deurne",
    ],
    "levensdomeinen": FlowList(
        ["wonen", "financien", "werk_en_inkomen", "gezondheid", "sociaal_netwerk", "opvoeding_en_onderwijs", "veiligheid"]
    ),
    "afspraken": {"casussen_per_organisatie_per_maand": 0.5},
    "ontwerpprincipes": DEURNE_PRINCIPES,
    "reflectiekaarten_citeerbaar": False,
    "privacy": {"min_groepsgrootte": 5},
}

DEURNE = Plan(
    key="deurne",
    config=DEURNE_CONFIG,
    style=PLAIN,
    slots={
        "wijk": "Deurne",
        "welzijn": "Welzijn Deurne",
        "corporatie": "de woningcorporatie",
        "ontmoetingsplek": "het dorpshuis",
    },
    organisaties=(
        Organisatie("Gemeente Deurne", 1.5, ("financien", "werk_en_inkomen")),
        Organisatie("Senzer", 0.8, ("werk_en_inkomen", "financien")),
        Organisatie("Bergopwaarts", 1.0, ("wonen",)),
        Organisatie("Stichting MEE", 1.0, ("gezondheid",)),
        Organisatie("SMO", 1.3, ("sociaal_netwerk",)),
        Organisatie("Regionaal Autisme Centrum", 0.9, ("opvoeding_en_onderwijs",)),
        Organisatie("Huisartsen Deurne", 0.7, ("gezondheid",)),
        Organisatie("Politie", 0.5, ("veiligheid",)),
    ),
    ook_betrokken=("Zorgboog", "Novadic-Kentron", "GGD Brabant-Zuidoost", "Onderwijs", "CZ", "Veilig Thuis"),
    domein_betrokken={
        "financien": ("Gemeente Deurne",),
        "wonen": ("Bergopwaarts",),
        "werk_en_inkomen": ("Senzer",),
        "gezondheid": ("Huisartsen Deurne", "Zorgboog"),
        "opvoeding_en_onderwijs": ("Regionaal Autisme Centrum", "Onderwijs"),
        "veiligheid": ("Politie", "Veilig Thuis"),
    },
    jaren=(Jaarplan(2019, 18, 6, 12, 0.8), Jaarplan(2020, 36, 1, 11, 0.4)),
    casus_id=lambda year, n: f"DN-{year}-{n:02d}",
    export=dt.date(2020, 12, 18),
    doorlooptijden=((dt.date(2019, 6, 1), 14, 6, 0.2), (dt.date(2020, 11, 30), 8, 3, 0.4)),
    collectief=0.05,
    belemmering_kans=((dt.date(2019, 6, 1), 0.6), (dt.date(2020, 11, 30), 0.45)),
    binnen_aanbod_kans=((dt.date(2019, 6, 1), 0.6), (dt.date(2020, 11, 30), 0.7)),
    domein_bank={"werk_en_inkomen": "werk_en_dagbesteding", "opvoeding_en_onderwijs": "opvoeding"},
    thema_principe={
        "eenplan": 1,
        "leefwereld": 2,
        "positief": 2,
        "samen_wijk": 2,
        "vertrouwen": 3,
        "regels": 3,
        "leren": 4,
        "ontschotten": 5,
        "rendement": 5,
        "bestuur": 6,
    },
    thema_gewicht={
        2019: {"eenplan": 3, "leefwereld": 2, "regels": 1.5, "vertrouwen": 1.5, "leren": 1.5, "ontschotten": 1.5, "bestuur": 1.5,
               "rendement": 1, "positief": 1, "samen_wijk": 1.5, "": 1.2},
        2020: {"eenplan": 3, "leefwereld": 1.5, "regels": 1, "vertrouwen": 2, "leren": 2, "ontschotten": 2, "bestuur": 2,
               "rendement": 1.5, "positief": 1, "samen_wijk": 1.5, "": 1.0},
    },
)  # fmt: skip

DEURNE_KAART_ORGANISATIES: dict[str, Sequence[tuple[str, float]]] = {
    "professional": [
        ("Gemeente Deurne", 3),
        ("Senzer", 1.5),
        ("Bergopwaarts", 1.5),
        ("Stichting MEE", 1.5),
        ("SMO", 2.5),
        ("Regionaal Autisme Centrum", 1.5),
        ("Zorgboog", 1),
    ],
    "manager": [("Gemeente Deurne", 2), ("SMO", 1), ("Bergopwaarts", 1), ("Regionaal Autisme Centrum", 1)],
    "bestuurder": [("Gemeente Deurne", 2), ("Bergopwaarts", 1), ("Stichting MEE", 1)],
    "financier": [("CZ", 1), ("Gemeente Deurne", 1)],
    "student": [("Fontys Hogescholen", 1), ("ROC Ter AA", 1)],
}

# Deurne keeps its own column order and adds a column of its own.
DEURNE_CASUS_KOLOMMEN = (
    "casus_id",
    "aanmelddatum",
    "organisatie",
    "soort",
    "status",
    "mdo_datum",
    "oplossing_datum",
    "afsluitdatum",
    "levensdomeinen",
    "belemmeringen",
    "binnen_bestaand_aanbod",
    "betrokken_organisaties",
    "regisseur",
    "ik_wil",
    "ik_kan",
    "ik_heb_nodig",
    "proeftuinoplossing",
    "citaat",
    "toestemming_citaat",
)


def _deurne_sessies() -> list[Sessie]:
    return [
        Sessie("Kick-off Proeftuin Deurne", dt.date(2019, 5, 23), "werkconferentie", 46, False),
        Sessie("Leertafel 1", dt.date(2019, 6, 20), "periodieke_leersessie", 12),
        Sessie("Leertafel 2", dt.date(2019, 9, 12), "periodieke_leersessie", 14),
        Sessie("Dialoog met inwoners Zeilberg", dt.date(2019, 10, 17), "dialoogsessie", 22),
        Sessie("Leertafel 3", dt.date(2019, 11, 21), "periodieke_leersessie", 15, False),
        Sessie("Leertafel 4", dt.date(2020, 1, 23), "periodieke_leersessie", 17),
        Sessie("Leertafel 5", dt.date(2020, 3, 19), "periodieke_leersessie", 19),
        Sessie("Peelconferentie 2020", dt.date(2020, 4, 9), "werkconferentie", 58),
        Sessie("Leertafel 6", dt.date(2020, 5, 21), "periodieke_leersessie", 21),
        Sessie("Effectenarena één plan per huishouden", dt.date(2020, 6, 18), "effectenarena", 26),
        Sessie("Leertafel 7", dt.date(2020, 9, 17), "periodieke_leersessie", 24),
        Sessie("Bestuurlijke dialoog Peelgemeenten", dt.date(2020, 10, 8), "dialoogsessie", 16),
        Sessie("Leertafel 8", dt.date(2020, 11, 19), "periodieke_leersessie", 26),
    ]


def write_deurne(folder: Path) -> list[Path]:
    plan = DEURNE
    style = plan.style
    written = [write_config(folder / "proeftuin.yml", plan.config, config_comment(plan))]
    cases = casussen(plan)
    rng = _rng(plan.key, "regisseur")
    for case in cases:
        if case["status"] != "aangemeld":
            case["regisseur"] = rng.choice(case["betrokken_organisaties"])  # type: ignore[arg-type]
    written.append(write_table(folder / "casussen.csv", "casussen", DEURNE_CASUS_KOLOMMEN, cases, style))

    sample = micro_sample(_rng(plan.key, "steekproef"), cases, {2019: 5, 2020: 5})
    meting_rows = metingen(plan, sample, voor=(3.0, 5.5), big=(1.5, 3.5), small=(0.0, 1.0), n_small=2)
    written.append(write_table(folder / "metingen.csv", "metingen", METING_KOLOMMEN, meting_rows, style))

    sessies = bijeenkomsten(plan, _deurne_sessies())
    written.append(write_table(folder / "bijeenkomsten.csv", "bijeenkomsten", BIJEENKOMST_KOLOMMEN, sessies, style))
    kaarten = reflectiekaarten(plan, sessies, DEURNE_KAART_ORGANISATIES, None)
    columns = [c for c in KAART_KOLOMMEN if c != "kaart_id"]  # Deurne lets the loader number the cards
    written.append(write_table(folder / "reflectiekaarten.csv", "reflectiekaarten", columns, kaarten, style))

    columns, rows = spinnenweb(
        plan,
        [f"D{i:02d}" for i in range(1, 17)],
        "Samen aan tafel Zeilberg",
        [
            Meetronde(0, dt.date(2019, 11, 5), dt.date(2019, 11, 30), 0.0),
            Meetronde(1, dt.date(2020, 6, 3), dt.date(2020, 6, 28), 0.8, afwezig=(5, 11)),
        ],
        versie="eenvoudig",
    )
    written.append(write_table(folder / "spinnenweb.csv", "spinnenweb", columns, rows, style))
    return written


# ---------------------------------------------------------------------------
# Proeftuin Maastricht
# ---------------------------------------------------------------------------

MAASTRICHT_PARTNERS = [
    "Levanto Groep",
    "Mosae Zorggroep",
    "Trajekt",
    "MTB",
    "Leger des Heils",
    "Mondriaan",
    "Envida",
    "Koraalgroep",
    "MEE",
    "SGL",
    "RADAR",
    "XONAR",
    "Gemeente Maastricht",
]

# Five buurten, together about 14.000 inhabitants (the names are illustrative).
MAASTRICHT_BUURTEN = ["Malberg", "Caberg", "Pottenberg", "Malpertuis", "Belfort"]

MAASTRICHT_PRINCIPES = [
    {
        "nr": 1,
        "groep": "willen",
        "naam": "1 Gezin 1 Plan 1 Regisseur",
        "trefwoorden": FlowList(["regisseur", "één plan", "1 gezin", "versnippering"]),
        "bewijs": FlowList(["casussen"]),
        "toelichting": "Eén plan met het hele gezin, één regisseur van één van de partners die het overzicht houdt.",
    },
    {
        "nr": 2,
        "groep": "willen",
        "naam": "Aan de keukentafel beginnen bij wat het gezin wil",
        "trefwoorden": FlowList(["keukentafel", "leefwereld", "eigen regie", "wat de bewoner wil"]),
        "toelichting": "Het keukentafelgesprek gaat over eigen verantwoordelijkheid, eigen kracht en eigen netwerk.",
    },
    {
        "nr": 3,
        "groep": "kunnen",
        "naam": "Een klein team generalisten in de buurt",
        "trefwoorden": FlowList(["generalist", "klein team", "vertrouwen", "ruimte", "zelfredzaam"]),
        "bewijs": FlowList(["doorlooptijd"]),
        "toelichting": "Generalisten zijn aanwezig in de buurten en ondersteunen kort, gericht op zelfredzaamheid.",
    },
    {
        "nr": 4,
        "groep": "kunnen",
        "naam": "Proactief en preventief, escalatie voorkomen",
        "trefwoorden": FlowList(["preventief", "escalatie", "sneller", "eerder"]),
        "bewijs": FlowList(["doorlooptijd"]),
        "toelichting": "Eerder erbij zijn, sneller handelen en zo zwaardere zorg voorkomen.",
    },
    {
        "nr": 5,
        "groep": "nodig",
        "naam": "Collectieve buurtkracht en basisvoorzieningen",
        "trefwoorden": FlowList(["buurtkracht", "collectief", "basisvoorziening", "naar elkaar omkijken"]),
        "bewijs": FlowList(["casussen"]),
        "toelichting": "Wat collectief in de buurt kan, gaat voor wat individueel moet.",
    },
    {
        "nr": 6,
        "groep": "nodig",
        "naam": "Samenwerken over de grenzen van organisaties heen",
        "trefwoorden": FlowList(["samenwerking", "leren", "ontschotten", "harde cijfers", "meer tijd"]),
        "bewijs": FlowList(["belemmeringen"]),
        "toelichting": "Veertien partners leren samen; de samenwerking en de registratie moeten nog beter.",
    },
]

MAASTRICHT_CONFIG = {
    "naam": "Proeftuin Maastricht",
    "gemeente": "Maastricht",
    "wijken": FlowList(MAASTRICHT_BUURTEN),
    "inwoners": 14000,
    "visie": "Een team van generalisten in de buurt ondersteunt inwoners waar en zoals nodig, kort en gericht op "
    "zelfredzaamheid: 1 Gezin 1 Plan 1 Regisseur.",
    # Maastricht's aims; its evaluation had "geen harde cijfers, wel illustratieve registratie", so
    # only case and session counts serve as indicators (no welbevinden, kosten or spinnenweb).
    "doelen": [
        "Eigen verantwoordelijkheid van inwoners",
        {
            "naam": "Ondersteuning waar en zoals nodig, kort en gericht op zelfredzaamheid",
            "indicatoren": FlowList([{"code": "doorlooptijd_aanmelding_oplossing", "streef": 21}]),
        },
        {
            "naam": "Minder versnippering van aanbieders",
            "indicatoren": FlowList(["casussen_totaal", {"code": "binnen_termijn_aanmelding_mdo", "streef": 0.8}]),
        },
        {
            "naam": "Besparing door eigen kracht, eigen netwerk en collectieve basisvoorzieningen",
            "indicatoren": FlowList(["casussen_collectief"]),
        },
    ],
    "partners": MAASTRICHT_PARTNERS,
    "werkwijzen": FlowList(["1gezin1plan1regisseur"]),  # what the report explains beside the regisseurs' chart
    "levensdomeinen": FlowList(
        ["wonen", "financien", "werk_en_dagbesteding", "gezondheid", "sociaal_netwerk", "opvoeding", "veiligheid", "zingeving"]
    ),
    "afspraken": {"casussen_per_organisatie_per_maand": 0.5, "maximale_doorlooptijd_dagen": {"aanmelding_mdo": 14}},
    "ontwerpprincipes": MAASTRICHT_PRINCIPES,
    "reflectiekaarten_citeerbaar": False,
    "privacy": {"min_groepsgrootte": 5},
}

MAASTRICHT = Plan(
    key="maastricht",
    config=MAASTRICHT_CONFIG,
    style=PLAIN,
    slots={
        "wijk": "de buurt",
        "welzijn": "Trajekt",
        "corporatie": "de woningcorporatie",
        "ontmoetingsplek": "het buurtcentrum",
    },
    organisaties=(
        Organisatie("Gemeente Maastricht", 1.4, ("financien", "werk_en_dagbesteding")),
        Organisatie("Trajekt", 1.5, ("sociaal_netwerk", "opvoeding")),
        Organisatie("Levanto Groep", 0.9, ("wonen", "gezondheid")),
        Organisatie("Mosae Zorggroep", 0.6, ("gezondheid",)),
        Organisatie("MTB", 0.5, ("werk_en_dagbesteding",)),
        Organisatie("Leger des Heils", 0.7, ("wonen", "financien")),
        Organisatie("Mondriaan", 0.8, ("gezondheid",)),
        Organisatie("Envida", 0.6, ("gezondheid",)),
        Organisatie("Koraalgroep", 0.4, ("opvoeding",)),
        Organisatie("MEE", 0.7, ("sociaal_netwerk",)),
        Organisatie("SGL", 0.3, ("wonen",)),
        Organisatie("RADAR", 0.4, ("opvoeding",)),
        Organisatie("XONAR", 0.4, ("veiligheid", "opvoeding")),
    ),
    ook_betrokken=("Huisarts", "Basisschool", "Woningcorporatie", "Wijkagent"),
    domein_betrokken={
        "financien": ("Gemeente Maastricht",),
        "wonen": ("Levanto Groep", "Woningcorporatie"),
        "werk_en_dagbesteding": ("MTB",),
        "gezondheid": ("Envida", "Huisarts"),
        "opvoeding": ("Trajekt", "Basisschool"),
        "veiligheid": ("XONAR", "Wijkagent"),
    },
    jaren=(Jaarplan(2014, 70, 3, 12, 0.8), Jaarplan(2015, 110, 1, 12, 0.3)),
    casus_id=lambda year, n: f"M-{year}-{n:03d}",
    export=dt.date(2015, 12, 18),
    doorlooptijden=((dt.date(2014, 3, 1), 12, 10, 0.3), (dt.date(2015, 12, 31), 7, 5, 0.5)),
    collectief=0.22,
    belemmering_kans=((dt.date(2014, 3, 1), 0.7), (dt.date(2015, 12, 31), 0.5)),
    binnen_aanbod_kans=((dt.date(2014, 3, 1), 0.45), (dt.date(2015, 12, 31), 0.6)),
    thema_principe={
        "eenplan": 1,
        "leefwereld": 2,
        "vertrouwen": 3,
        "regels": 3,
        "preventief": 4,
        "positief": 4,
        "samen_wijk": 5,
        "leren": 6,
        "ontschotten": 6,
        "bestuur": 6,
        "rendement": 6,
    },
    thema_gewicht={
        2014: {"eenplan": 3, "leefwereld": 2, "vertrouwen": 2, "preventief": 2, "samen_wijk": 1.5, "leren": 2, "regels": 1,
               "ontschotten": 1, "bestuur": 1, "rendement": 1, "positief": 0.5, "": 1.0},
        2015: {"eenplan": 3, "leefwereld": 1.5, "vertrouwen": 2, "preventief": 3, "samen_wijk": 2.5, "leren": 2, "regels": 1,
               "ontschotten": 2, "bestuur": 1, "rendement": 2, "positief": 0.5, "": 1.0},
    },
)  # fmt: skip

MAASTRICHT_KAART_ORGANISATIES: dict[str, Sequence[tuple[str, float]]] = {
    "professional": [
        ("Trajekt", 3),
        ("Gemeente Maastricht", 2),
        ("Levanto Groep", 1.5),
        ("Mondriaan", 1),
        ("MEE", 1),
        ("Envida", 1),
    ],
    "manager": [("Trajekt", 1), ("Gemeente Maastricht", 1), ("Mosae Zorggroep", 1), ("Leger des Heils", 1)],
    "bestuurder": [("Gemeente Maastricht", 2), ("Levanto Groep", 1), ("Mondriaan", 1)],
    "financier": [("Gemeente Maastricht", 1)],
    "student": [("Zuyd Hogeschool", 1)],
}


def _maastricht_sessies() -> list[Sessie]:
    return [
        Sessie("Start generalistenteam", dt.date(2014, 3, 6), "werkconferentie", 38, False),
        Sessie("Teamleersessie april 2014", dt.date(2014, 4, 17), "tweewekelijkse_leersessie", 9),
        Sessie("Teamleersessie juni 2014", dt.date(2014, 6, 12), "tweewekelijkse_leersessie", 10),
        Sessie("Buurtgesprek Malberg", dt.date(2014, 9, 25), "dialoogsessie", 31),
        Sessie("Partneroverleg najaar 2014", dt.date(2014, 11, 13), "periodieke_leersessie", 16),
        Sessie("Teamleersessie januari 2015", dt.date(2015, 1, 22), "tweewekelijkse_leersessie", 11),
        Sessie("Teamleersessie april 2015", dt.date(2015, 4, 16), "tweewekelijkse_leersessie", 12),
        Sessie("Buurtgesprek Caberg en Pottenberg", dt.date(2015, 5, 28), "dialoogsessie", 34),
        Sessie("Partneroverleg voorjaar 2015", dt.date(2015, 6, 11), "periodieke_leersessie", 18),
        Sessie("Teamleersessie september 2015", dt.date(2015, 9, 17), "tweewekelijkse_leersessie", 12),
        Sessie("Evaluatieconferentie twee jaar proeftuin", dt.date(2015, 11, 26), "werkconferentie", 52),
    ]


def write_maastricht(folder: Path) -> list[Path]:
    """Cases with a buurt and a regisseur from the partners, sessions and cards: no micro-analyses."""
    plan = MAASTRICHT
    style = plan.style
    written = [write_config(folder / "proeftuin.yml", plan.config, config_comment(plan))]
    cases = casussen(plan)
    rng = _rng(plan.key, "regisseur")
    buurt_gewicht = [(b, w) for b, w in zip(MAASTRICHT_BUURTEN, (3, 2.5, 1.5, 1.5, 1.5), strict=True)]
    for case in cases:
        case["wijk"] = _weighted(rng, buurt_gewicht)
        partners = [o for o in case["betrokken_organisaties"] if o in MAASTRICHT_PARTNERS]  # type: ignore[union-attr]
        case["regisseur"] = rng.choice(partners) if partners else case["organisatie"]
    written.append(write_table(folder / "casussen.csv", "casussen", CASUS_KOLOMMEN, cases, style))
    sessies = bijeenkomsten(plan, _maastricht_sessies())
    written.append(write_table(folder / "bijeenkomsten.csv", "bijeenkomsten", BIJEENKOMST_KOLOMMEN, sessies, style))
    kaarten = reflectiekaarten(plan, sessies, MAASTRICHT_KAART_ORGANISATIES, lambda year, n: f"MK-{year}-{n:03d}")
    written.append(write_table(folder / "reflectiekaarten.csv", "reflectiekaarten", KAART_KOLOMMEN, kaarten, style))
    return written


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


ECHTE_PROEFTUINEN = ("ruwaard", "deurne", "maastricht")  # the seeds' own proeftuinen (issue 15)


def config_comment(plan: Plan) -> str:
    return f"# {plan.config['naam']}: SYNTHETISCHE voorbeeldgegevens, gemaakt met `leergeschiedenis sample`.\n" + (
        "# Visie, doelen, ontwerpprincipes en partners volgen de echte proeftuin; alle cijfers, casussen,\n"
        "# kaarten en metingen (en waar nodig buurtnamen) zijn verzonnen. Pas dit bestand niet met de hand aan.\n"
        if plan.key in ECHTE_PROEFTUINEN
        else "# Alle casussen, kaarten en metingen zijn verzonnen; pas dit bestand niet met de hand aan.\n"
    )


def price_list_dir(out_dir: Path) -> Path:
    """``data/sample`` -> ``data/prijslijst`` (the repository's shared list); any other OUT_DIR keeps its own."""
    out_dir = Path(out_dir)
    if out_dir.resolve().name == "sample" and out_dir.resolve().parent.name == "data":
        return out_dir.resolve().parent / "prijslijst"
    return out_dir / "prijslijst"
