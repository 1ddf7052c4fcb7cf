"""The data contract, declared once, as data (for people: docs/datacontract.md, written from it).

The reader, the validator, the documentation (``contract_markdown``) and the
sample generator all read these declarations, so a rule changes in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

CONTRACT_VERSION = "1"

Kind = Literal["text", "enum", "date", "number", "integer", "money", "list", "bool"]

BELEMMERINGEN = ("regelgeving", "financiering", "protocol", "capaciteit", "privacy", "overig")
FINANCIERS = (
    "gemeente_wmo",
    "gemeente_jeugd",
    "gemeente_participatie",
    "gemeente_overig",
    "zorgverzekeraar",
    "wlz",
    "woningcorporatie",
    "politie_justitie",
    "uwv",
    "werkgever",
    "inwoner",
    "overig",
)
ROLLEN = ("wijkbewoner", "professional", "manager", "bestuurder", "financier", "student", "overig")
MEETMOMENTEN = ("voor", "na_6_weken", "herhaling")
SCENARIOS = ("huidig", "niets_doen", "proeftuinoplossing")
SOORTEN_BIJEENKOMST = (
    "tweewekelijkse_leersessie",
    "periodieke_leersessie",
    "werkconferentie",
    "snelkookpansessie",
    "effectenarena",
    "dialoogsessie",
    "overig",
)
STATUSSEN = ("aangemeld", "mdo", "uitvoering", "afgerond", "gestopt")
DOMEINEN = (
    "lichaamsfuncties",
    "mentaal_welbevinden",
    "zingeving",
    "kwaliteit_van_leven",
    "meedoen",
    "dagelijks_functioneren",
)
# Items per domain of each version of Mijn Positieve Gezondheid; None: no items.
SPINNENWEB_VERSIES: dict[str, dict[str, int] | None] = {
    "mpg_v1": {d: 7 for d in DOMEINEN},
    "mpg_v2": {d: (8 if d in ("lichaamsfuncties", "kwaliteit_van_leven") else 7) for d in DOMEINEN},
    "eenvoudig": None,
}
STANDAARD_VERSIE = "mpg_v1"

JA = ("ja", "j", "yes", "y", "1", "waar", "true")
NEE = ("nee", "n", "no", "0", "onwaar", "false")


@dataclass(frozen=True)
class Column:
    """One column of a table. ``allowed_from`` names a config list that closes the values."""

    name: str
    kind: Kind
    required: bool = False
    description: str = ""
    allowed: tuple[str, ...] = ()
    allowed_from: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    confidential: bool = False
    default: object = None
    example: str = ""
    # an identifier is compared ignoring case and surrounding or invisible spaces
    identifier: bool = False
    # an empty cell is filled with ``<file>[-<sheet>]-r<row>``, an identifier that leads back to the row
    from_row: bool = False
    # an empty cell takes this proeftuin.yml setting (``default`` is a fixed value)
    default_from: str | None = None


@dataclass(frozen=True)
class DateOrder:
    """``later`` may not be before ``earlier`` when both are given."""

    later: str
    earlier: str


@dataclass(frozen=True)
class SumAtMost:
    """The parts, when given, may not add up to more than the total."""

    parts: tuple[str, ...]
    total: str


@dataclass(frozen=True)
class AtLeastOne:
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """``column`` must point at an accepted row of ``table`` (its ``target``)."""

    column: str
    table: str
    target: str


RowRule = DateOrder | SumAtMost | AtLeastOne


@dataclass(frozen=True)
class CaseStep:
    """A step of the stappenplan. A case reached it when ``date`` is filled (and its status is not one of
    ``not_with``): one count per step, the same in the funnel, the lead times, the agreements and
    kerncijfers. A status at or past the step (``statuses``) without the date is a notice per case in
    `check` and counted in Datakwaliteit, never a second way of counting."""

    name: str
    label: str
    date: str
    statuses: tuple[str, ...]
    not_with: tuple[str, ...] = ()

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: 'oplossing afgesproken', but 'MDO gehouden'."""
        return self.label if self.label[:2].isupper() else self.label[0].lower() + self.label[1:]

    def reached(self, casussen) -> pd.Series:
        status = casussen["status"].astype("string")
        return casussen[self.date].notna() & ~status.isin(self.not_with).fillna(False)

    def status_without_date(self, casussen) -> pd.Series:
        status = casussen["status"].astype("string")
        return status.isin(self.statuses).fillna(False) & casussen[self.date].isna()


CASE_STEPS = (
    CaseStep("mdo_gehouden", "MDO gehouden", "mdo_datum", ("mdo", "uitvoering", "afgerond")),
    CaseStep("oplossing_afgesproken", "Oplossing afgesproken", "oplossing_datum", ("uitvoering", "afgerond")),
    # a stopped case has a closing date too: it ended, it was not completed
    CaseStep("afgerond", "Afgerond", "afsluitdatum", ("afgerond",), not_with=("gestopt",)),
)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    required: bool
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()
    rules: tuple[RowRule, ...] = ()
    references: tuple[Reference, ...] = ()
    # spinnenweb only: item columns ``<domain>_<n>`` are accepted besides the declared ones
    items_of: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name: str, kind: Kind, **kw) -> Column:
    return Column(name, kind, **kw)


CASUSSEN = Table(
    "casussen",
    "Eén casus die met de Samenwerkwijze is opgepakt (individueel of collectief).",
    required=True,
    columns=(
        _c("casus_id", "text", required=True, identifier=True, description="uniek in het bestand", example="R-2017-001"),
        _c("soort", "enum", required=True, allowed=("individueel", "collectief")),
        _c("organisatie", "text", required=True, description="de organisatie die de casus inbracht"),
        _c("aanmelddatum", "date", required=True),
        _c("mdo_datum", "date", description="niet vóór de aanmelddatum"),
        _c("oplossing_datum", "date", description="datum waarop de proeftuinoplossing is afgesproken; niet vóór de MDO-datum"),
        _c("afsluitdatum", "date", description="niet vóór de aanmelddatum"),
        _c("status", "enum", required=True, allowed=STATUSSEN),
        _c("levensdomeinen", "list", allowed_from="levensdomeinen", description="codes uit proeftuin.yml"),
        _c("betrokken_organisaties", "list", description="vrije namen"),
        _c("belemmeringen", "list", allowed=BELEMMERINGEN),
        _c("binnen_bestaand_aanbod", "bool", description="paste de oplossing binnen het bestaande aanbod?"),
        _c("ik_wil", "text", confidential=True),
        _c("ik_kan", "text", confidential=True),
        _c("ik_heb_nodig", "text", confidential=True),
        _c("proeftuinoplossing", "text", confidential=True),
        _c("wijk", "enum", allowed_from="wijken", description="de buurt van de casus, een van `wijken` uit proeftuin.yml"),
        _c("regisseur", "text", description="de organisatie van de ene regisseur van de casus"),
        _c("citaat", "text", description="alleen gepubliceerd met toestemming_citaat = ja"),
        _c("toestemming_citaat", "bool", default=False),
    ),
    unique=("casus_id",),
    rules=(
        DateOrder("mdo_datum", "aanmelddatum"),
        DateOrder("oplossing_datum", "mdo_datum"),
        DateOrder("afsluitdatum", "aanmelddatum"),
    ),
)

METINGEN = Table(
    "metingen",
    "Eén cijfer voor welbevinden van één casus op één meetmoment (micro-analyse).",
    required=False,
    columns=(
        _c("casus_id", "text", required=True, identifier=True, description="moet bestaan in casussen"),
        _c("meetmoment", "enum", required=True, allowed=MEETMOMENTEN),
        _c("datum", "date"),
        _c("welbevinden", "number", required=True, minimum=1, maximum=10, description="1 tot en met 10, decimalen toegestaan"),
    ),
    unique=("casus_id", "meetmoment"),
    references=(Reference("casus_id", "casussen", "casus_id"),),
)

KOSTEN = Table(
    "kosten",
    "Eén kostenregel: casus x scenario x voorziening (micro-analyse).",
    required=False,
    columns=(
        _c("casus_id", "text", required=True, identifier=True, description="moet bestaan in casussen"),
        _c("scenario", "enum", required=True, allowed=SCENARIOS),
        _c("voorziening", "text", required=True, description="een code uit de prijslijst"),
        _c("aantal", "number", required=True, minimum=0, description="eenheden van de prijslijst per jaar"),
        _c("toelichting", "text"),
    ),
    references=(
        Reference("casus_id", "casussen", "casus_id"),
        Reference("voorziening", "prijslijst", "code"),
    ),
)

PRIJSLIJST = Table(
    "prijslijst",
    "Eén geprijsde voorziening uit de Maatschappelijke Prijslijst, per prijsjaar.",
    required=False,
    columns=(
        _c("code", "text", required=True, description="uniek per jaar"),
        _c("omschrijving", "text", required=True),
        _c("eenheid", "text", required=True, description="bijvoorbeeld uur, dag, maand, jaar, keer"),
        _c("prijs", "money", required=True, minimum=0, description="in euro, 0 of meer"),
        _c("financier", "enum", required=True, allowed=FINANCIERS),
        _c("jaar", "integer", required=True, minimum=1900, maximum=2100, description="prijspeil"),
        _c("bron", "text", description="waar de prijs vandaan komt, of 'aanname'"),
    ),
    unique=("code", "jaar"),
)

REFLECTIEKAARTEN = Table(
    "reflectiekaarten",
    "Eén reflectiekaart, ingevuld na een bijeenkomst.",
    required=False,
    columns=(
        _c(
            "kaart_id",
            "text",
            identifier=True,
            from_row=True,
            description="uniek; wordt gemaakt uit bestand en rij als het ontbreekt",
        ),
        _c("datum", "date", required=True),
        _c("bijeenkomst", "text", required=True, identifier=True, description="naam van de bijeenkomst"),
        _c("rol", "enum", required=True, allowed=ROLLEN),
        _c("organisatie", "text"),
        _c("geleerd", "text", description="wat heb ik geleerd"),
        _c("opgevallen", "text", description="wat viel me op"),
        _c("vervolg", "text", description="suggestie voor het vervolg"),
        _c("delen", "text", description="wat wil ik delen"),
        _c("themas", "list", allowed_from="ontwerpprincipes", description="nummers van ontwerpprincipes; handmatige codering"),
        _c(
            "toestemming_citaat",
            "bool",
            default_from="reflectiekaarten_citeerbaar",
            description="standaard: reflectiekaarten_citeerbaar uit proeftuin.yml",
        ),
    ),
    unique=("kaart_id",),
    rules=(AtLeastOne(("geleerd", "opgevallen", "vervolg", "delen")),),
    references=(Reference("bijeenkomst", "bijeenkomsten", "bijeenkomst"),),
)

BIJEENKOMSTEN = Table(
    "bijeenkomsten",
    "Eén leersessie, werkconferentie of andere bijeenkomst.",
    required=False,
    columns=(
        _c("bijeenkomst", "text", required=True, identifier=True, description="uniek"),
        _c("datum", "date", required=True),
        _c("soort", "enum", required=True, allowed=SOORTEN_BIJEENKOMST),
        _c("deelnemers", "integer", minimum=0),
        _c("wijkbewoners", "integer", minimum=0),
        _c("professionals", "integer", minimum=0),
        _c("managers", "integer", minimum=0),
        _c("bestuurders", "integer", minimum=0),
    ),
    unique=("bijeenkomst",),
    rules=(SumAtMost(("wijkbewoners", "professionals", "managers", "bestuurders"), "deelnemers"),),
)

SPINNENWEB = Table(
    "spinnenweb",
    "Eén meting Positieve Gezondheid van één deelnemer op één meetmoment.",
    required=False,
    columns=(
        _c("deelnemer_id", "text", required=True, identifier=True, description="een pseudoniem, nooit een naam"),
        _c("meetmoment", "integer", required=True, minimum=0, description="0 = nulmeting, 1 = eerste vervolgmeting, ..."),
        _c("datum", "date", required=True),
        _c("groep", "text"),
        _c("versie", "enum", allowed=tuple(SPINNENWEB_VERSIES), default=STANDAARD_VERSIE),
        *(_c(d, "number", minimum=0, maximum=10) for d in DOMEINEN),
    ),
    unique=("deelnemer_id", "meetmoment"),
    items_of=DOMEINEN,
    notes=(
        "Of de zes domeinscores, of itemscores (kolommen <domein>_<n>, 0-10); "
        "een domeinscore is dan het gemiddelde van de beantwoorde items.",
        "Met minder dan de helft van de items van een domein beantwoord ontbreekt dat domein "
        "(een melding noemt deelnemer, meetmoment en domein).",
        "Een domeinscore naast zijn items moet op 0,05 na gelijk zijn aan hun gemiddelde; anders wordt de rij geweigerd.",
    ),
)

GEORGANISEERD_DOOR = ("wijkbewoners", "professionals", "samen")
SOORTEN_BUDGET = ("individueel", "collectief", "preventief")
EENHEDEN_PROFIEL = ("aantal", "procent", "euro", "per_1000")
_WIJK_NOTE = "Een proeftuin met meer buurten mag een kolom `wijk` toevoegen (een van `wijken`); de cijfers komen dan per buurt en in totaal."


def _wijk() -> Column:
    return _c("wijk", "enum", allowed_from="wijken", description="een van `wijken` uit proeftuin.yml")


ACTIVITEITEN = Table(
    "activiteiten",
    "Eén activiteit in de wijk (bijvoorbeeld in Ons Huis van de Wijk) met haar bezoekers.",
    required=False,
    columns=(
        _c("datum", "date", required=True),
        _c("activiteit", "text", required=True, description="bijvoorbeeld Koken met Kids"),
        _c("locatie", "text", description="bijvoorbeeld Ons Huis van de Wijk"),
        _c("bezoekers", "integer", required=True, minimum=0),
        _c("georganiseerd_door", "enum", required=True, allowed=GEORGANISEERD_DOOR),
        _c("vrijwilligers", "integer", minimum=0),
        _wijk(),
    ),
    notes=(_WIJK_NOTE,),
)

WIJKBUDGET = Table(
    "wijkbudget",
    "Eén post van het wijkbudget in één jaar.",
    required=False,
    columns=(
        _c("jaar", "integer", required=True, minimum=1900, maximum=2100),
        _c(
            "post",
            "text",
            required=True,
            description="de begrotingspost, bijvoorbeeld Wmo begeleiding, Welzijn, Huis van de Wijk",
        ),
        _c("soort", "enum", required=True, allowed=SOORTEN_BUDGET),
        _c("financier", "enum", allowed=FINANCIERS),
        _c("aanbieder", "text"),
        _c("begroot", "money", required=True, minimum=0, description="in euro, 0 of meer"),
        _c("besteed", "money", minimum=0, description="in euro, 0 of meer; leeg zolang het nog niet bekend is"),
        _wijk(),
    ),
    unique=("jaar", "post", "wijk"),
    notes=(_WIJK_NOTE, "Geen kleine-groepenregel: begrotingsposten gaan niet over personen."),
)

WIJKPROFIEL = Table(
    "wijkprofiel",
    "Eén kerncijfer over de wijk in één jaar (het wijkprofiel).",
    required=False,
    columns=(
        _c("jaar", "integer", required=True, minimum=1900, maximum=2100),
        _c("kenmerk", "text", required=True, description="bijvoorbeeld Inwoners, 65 jaar en ouder, Eenpersoonshuishoudens"),
        _c("waarde", "number", required=True),
        _c("eenheid", "enum", allowed=EENHEDEN_PROFIEL),
        _c("bron", "text", description="bijvoorbeeld CBS Kerncijfers wijken en buurten 2017"),
        _wijk(),
    ),
    unique=("jaar", "kenmerk", "wijk"),
    notes=(_WIJK_NOTE,),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        CASUSSEN,
        METINGEN,
        KOSTEN,
        PRIJSLIJST,
        REFLECTIEKAARTEN,
        BIJEENKOMSTEN,
        SPINNENWEB,
        ACTIVITEITEN,
        WIJKBUDGET,
        WIJKPROFIEL,
    )
}
# Tables are validated in this order, so references point at accepted rows.
ORDER = (
    "prijslijst",
    "casussen",
    "metingen",
    "kosten",
    "bijeenkomsten",
    "reflectiekaarten",
    "spinnenweb",
    "activiteiten",
    "wijkbudget",
    "wijkprofiel",
)

KIND_DUTCH = {
    "text": "tekst",
    "enum": "keuzelijst",
    "date": "datum",
    "number": "getal",
    "integer": "geheel getal",
    "money": "bedrag",
    "list": "lijst (gescheiden door komma's)",
    "bool": "ja/nee",
}


# What goes in and what comes out, for the inputs teams really hand in: declared here once, shown in
# docs/datacontract.md (``contract_markdown``) and referred to from docs/invoer.md.
INVOER_EN_UITKOMST: tuple[tuple[str, str], ...] = (
    ("`1.040`, `12.500`, `2,125` in een getal", "geweigerd als dubbelzinnig: schrijf `1040` of `1,04`"),
    ("`1.234,56`, `1,234.56`, `1.234.567`, `0.125`, `7,5`, `7.5`", "gelezen zoals geschreven"),
    ("`€ 1.234` / `€ 2,125` / `€ 1.234,56` in een bedrag", "1234 / geweigerd als dubbelzinnig / 1234,56"),
    ("`100000000000000000000` in een geheel getal", "geweigerd (buiten het bereik), nooit een crash"),
    (
        "`r-2017-001 `, `R-2017-001` met een zero-width space, NBSP of BOM",
        "dezelfde identificatie als `R-2017-001`: een dubbele rij, en een geldige verwijzing",
    ),
    (
        "koppen `Aanmeld datum`, `Meet-moment`, `Lichaamsfuncties1`, `Afsluitdatum (dd-mm-jjjj)`, `Prijs (€)`",
        "de kolommen van het contract",
    ),
    (
        "`Datum MDO`, `Datum oplossing`, `Afsluitdatm` zonder `mdo_datum`/...",
        "fout die de bedoelde kolom noemt (de rijen geweigerd)",
    ),
    (
        "een kop twee keer (`Status` en `status`, of `Welbevinden (oud)` en `Welbevinden`)",
        "de eerste zichtbare kolom wordt gecontroleerd en gebruikt, de andere bewaard als `kolom_<n>`; een melding zegt welke",
    ),
    ("een verborgen kolom in Excel", "gelezen, met een melding; nooit gekozen boven een zichtbare kolom met dezelfde naam"),
    (
        "een datum, `WAAR`, `65%`, `1,00E+05` of `007` (opmaak 000) in een identificatie- of tekstkolom",
        "geweigerd: Excel heeft het omgezet; de melding zegt wat in de cel staat en hoe het als tekst te bewaren",
    ),
    ("`jan-19`, `3-apr`, `1,00E+05` als identificatie in een CSV", "geweigerd: zo toont Excel een omgezette waarde"),
    (
        "`2019-01` in metingen terwijl Excel het in casussen tot een datum maakte; `007` naast `7`",
        "de verwijzing wordt geweigerd met de reden: de rij die bedoeld is, en dat Excel één kant omzette",
    ),
    ("een getal met opmaak `0%` (in de cel 65%)", "in meldingen: `65% (opgeslagen als 0,65)`; een ja/nee-cel heet `WAAR`"),
    (
        "een verplichte tabel alleen als `.ods`, `.xls`, `.numbers` of naast een vergrendelingsbestand `~$...`",
        "exit 2, met het bestand dat er wel staat en hoe het op te slaan als .xlsx of .csv",
    ),
    (
        'een los `"` dat hele rijen opslokt',
        "exit 2 met de regel van het openende aanhalingsteken; echte meerregelige cellen blijven geldig",
    ),
    ("een UTF-8-bestand met een regel geplakt uit Windows-1252", "die rij geweigerd (codering), de rest gelezen als UTF-8"),
    ("'CSV (Macintosh)' (alleen CR-regeleinden)", "gelezen als Mac Roman, met een melding"),
    ("`05-09-2016 10:30`", "5 september 2016"),
    ("een echte datumcel in 2917", "geweigerd zoals de tekst `05-09-2917`"),
    ("`metingen 2016.csv`, een instructieblad, een leeg blad", "niet gelezen, met de reden in een melding"),
    ("bladen `Casussen` en `Casussen 2017`, of `Metingen (2)`", "samen gelezen, elke rij met haar blad en rijnummer"),
    ("een blad met alleen een kopregel", "geen bron: botst niet met een CSV en verbergt de gedeelde prijslijst niet"),
    (
        "`proeftuin.yml`: `privacy:` twee keer, `min_groepsgroote`, een onbekende sleutel in een doel",
        "exit 2 met de regel",
    ),
    ("`proeftuin.yml`: `inwoners: 13.000`, een tab, Windows-1252", "exit 2 met de regel (schrijf `13000`, spaties, UTF-8)"),
    ("spinnenweb: minder dan de helft van de items van een domein", "domein ontbreekt, met een melding"),
    ("spinnenweb: domeinscore naast items, meer dan 0,05 van hun gemiddelde", "rij geweigerd"),
    (
        "`check --json` (ook `--alle --json`) bij elke exitcode",
        "geldige JSON; bij exit 2 met `fout: {reden, melding}`, en de Nederlandse regel op stderr",
    ),
)


def contract_markdown() -> str:
    """The contract as Markdown, for the README and ``leergeschiedenis contract``."""
    lines = []
    for t in TABLES.values():
        lines.append(f"### {t.name}{' (verplicht)' if t.required else ''}\n\n{t.description}\n")
        lines.append("| kolom | soort | regel |\n|---|---|---|")
        for c in t.columns:
            rule = c.description
            if c.allowed:
                rule = (rule + "; " if rule else "") + ", ".join(f"`{a}`" for a in c.allowed)
            if c.minimum is not None or c.maximum is not None:
                rng = f"van {c.minimum:g}" if c.minimum is not None else ""
                rng += f" tot en met {c.maximum:g}" if c.maximum is not None else ""
                rule = (rule + "; " if rule else "") + rng.strip()
            if c.identifier:
                rule = (rule + "; " if rule else "") + "identificatie: hoofdletters en (onzichtbare) spaties tellen niet"
            if c.confidential:
                rule = (rule + "; " if rule else "") + "**vertrouwelijk**: nooit gepubliceerd"
            lines.append(f"| {c.name}{'*' if c.required else ''} | {KIND_DUTCH[c.kind]} | {rule} |")
        extra = list(t.notes)
        if t.unique:
            extra.append(f"Uniek: ({', '.join(t.unique)}); de eerste rij telt, elke latere wordt geweigerd.")
        extra += [_rule_dutch(r) for r in t.rules]
        extra += [
            f"`{r.column}` moet verwijzen naar een geaccepteerde rij van `{r.table}` (kolom `{r.target}`)." for r in t.references
        ]
        if t.name == "casussen":
            extra += [_step_dutch(step) for step in CASE_STEPS]
        if extra:
            lines.append("")
            lines += [f"- {e}" for e in extra]
        lines.append("")
    lines += ["## Invoer en uitkomst", "", "| invoer | uitkomst |", "|---|---|"]
    lines += [f"| {invoer} | {uitkomst} |" for invoer, uitkomst in INVOER_EN_UITKOMST]
    lines.append("")
    return HEADER_MARKDOWN + "\n".join(lines)


HEADER_MARKDOWN = """# Datacontract

Gemaakt met `leergeschiedenis contract` uit `lib/leergeschiedenis/contract.py`; niet met de hand bewerken.
Verplichte kolommen hebben een `*`.

## Waar de gegevens staan

Eén map per proeftuin met `proeftuin.yml` en per tabel een `.csv` of `.xlsx` met de naam van de tabel.
Andere formaten (`.ods`, `.xls`, `.xlsm`, `.xlsb`, `.numbers`) worden niet gelezen: ontbreekt daardoor een
verplichte tabel, dan noemt de foutmelding het bestand dat er wel staat en hoe het op te slaan als `.xlsx`.
In een werkmap is een blad een tabel door zijn naam, anders door een kopregel met de verplichte kolommen
van die tabel (een instructieblad ervoor mag). Meer bladen met de kopregel van één tabel worden samen
gelezen; elke rij houdt haar blad en rijnummer. Een blad met alleen een kopregel (een leeg sjabloon) telt
niet mee. Dezelfde tabel met rijen in een `.csv` en in een `.xlsx` is een fout. Elk bestand en blad dat
niet gelezen wordt (`metingen 2016.csv`, een instructieblad) staat met de reden in de uitvoer van `check`.

## Hoe cellen gelezen worden

- CSV met `;` of `,`, in UTF-8 (met of zonder BOM) of Windows-1252; een bestand met alleen CR-regeleinden
  ('CSV (Macintosh)') wordt als Mac Roman gelezen, met een melding. Een bestand heeft één codering: een
  regel van een UTF-8-bestand die geen UTF-8 is, weigert zijn rij.
- Een cel tussen aanhalingstekens mag over meer regels lopen; een aanhalingsteken dat hele rijen
  opslokt (een regel in de cel met evenveel scheidingstekens als de kopregel) maakt het bestand
  onleesbaar, met de regel waar het opent.
- Kolomkoppen en keuzewaarden: accenten, hoofdletters, tekst tussen haakjes en alles wat geen letter of
  cijfer is tellen niet (`Casus ID` = `casus_id`, `Aanmeld datum` = `aanmelddatum`,
  `Afsluitdatum (dd-mm-jjjj)` = `afsluitdatum`, `Lichaamsfuncties1` = `lichaamsfuncties_1`). Een onbekende
  kolom die waarschijnlijk een ontbrekende kolom van het contract is (dezelfde woorden in een andere
  volgorde, zoals `Datum MDO`, of hooguit twee letters anders) is een fout die de bedoelde kolom noemt.
  Staan er twee kolommen met dezelfde kop (ook `Welbevinden (oud)` naast `Welbevinden`), dan wordt de eerste
  zichtbare gecontroleerd en gebruikt; een in Excel verborgen kolom nooit boven een zichtbare. De andere blijft
  bewaard als `kolom_<n>`, niet gecontroleerd, en een melding zegt welke gebruikt is.
- Wat Excel omzette: een datum, een tijd, `WAAR`/`ONWAAR` of een getal dat anders getoond wordt dan het
  is opgeslagen (`65%`, `1,00E+05`, `007` met opmaak `000`) in een tekstkolom wordt geweigerd, met wat in de
  cel staat en hoe het als tekst te bewaren is (een apostrof ervoor, of de celopmaak Tekst). In een
  identificatie of sleutel (`casus_id`, `code`, `voorziening`, ...) ook een getal met decimalen of met
  meer dan 15 cijfers, en in een CSV een waarde zoals Excel een omgezette waarde toont (`jan-19`, `3-apr`).
  Een verwijzing die niet klopt omdat één kant is omgezet (`2019-01` naast de datumcel 1-1-2019, `007` naast
  `7`) zegt dat. Meldingen tonen wat de cel laat zien naast wat is opgeslagen: `65% (opgeslagen als 0,65)`.
- Datums altijd dag eerst (`05-09-2016`, `5-9-2016`, `05/09/2016`) of `2016-09-05`; een tijd erachter
  (`05-09-2016 10:30`) telt niet; een jaar buiten 1900-2100 is een fout, ook in een echte datumcel.
- Getallen: `7,5` en `7.5` zijn 7,5; `1.234,56`, `1,234.56` en `1.234.567` zijn duidelijk; één punt of
  komma met precies drie cijfers erachter (`1.040`, `12.500`, `2,125`) is dubbelzinnig en wordt
  geweigerd: schrijf `1040` of `1,04`. In bedragen is `€ 1.234` wel duizend tweehonderdvierendertig euro
  (`€ 2,125` blijft dubbelzinnig). `0.125` is duidelijk. Een te groot geheel getal is een fout.
- Identificaties (`casus_id`, `deelnemer_id`, `kaart_id`, `bijeenkomst`) worden vergeleken zonder op
  hoofdletters en (onzichtbare) spaties te letten: `r-2017-001 ` is dezelfde casus als `R-2017-001`.
- Lijsten gescheiden door komma's; ja/nee ook als `j`/`n`, `1`/`0`, `waar`/`onwaar`.

## proeftuin.yml

Verplicht: `naam` en `ontwerpprincipes`. Een sleutel die er twee keer staat, een onbekende sleutel in
`privacy` of in een doel of indicator van `doelen`, en een getal met een duizendtalpunt
(`inwoners: 13.000`: schrijf `13000`) zijn fouten. `levensdomeinen` worden vergeleken als keuzewaarden
(`Financiën` = `financien`, `Werk en dagbesteding` = `werk_en_dagbesteding`). Meldingen noemen de regel,
ook bij een tab-teken of een bestand in Windows-1252 (sla het op als UTF-8).

`wijkbudget: {jaarbedrag, basisjaar, looptijd: [eerste jaar, laatste jaar]}` is het vaste jaarbedrag van het
wijkbudget; een onbekende sleutel erin is een fout. `afspraken.maximale_doorlooptijd_dagen` (`aanmelding_mdo`,
`mdo_oplossing`, `aanmelding_oplossing`, elk optioneel) zijn de maximale doorlooptijden van het stappenplan;
een onbekende sleutel erin is een fout, en een doel dat `binnen_termijn_<stap>` kiest zonder die maximale
doorlooptijd ook. `wijk` in casussen en de wijktabellen moet een van `wijken` zijn.

## Tabellen

"""


def _step_dutch(step: CaseStep) -> str:
    but = f" en de status niet {' of '.join(f'`{x}`' for x in step.not_with)} is" if step.not_with else ""
    statuses = " of ".join(f"`{x}`" for x in step.statuses)
    return (
        f"Stap *{step.label}*: telt (in de trechter, de doorlooptijden, de afspraken en `kerncijfers`) als "
        f"`{step.date}` is ingevuld{but}. Status {statuses} zonder `{step.date}` is een melding bij die casus "
        "(en telt in Datakwaliteit), geen tweede manier van tellen."
    )


def _rule_dutch(rule: RowRule) -> str:
    match rule:
        case DateOrder(later, earlier):
            return f"`{later}` ligt niet vóór `{earlier}` (als beide zijn ingevuld)."
        case SumAtMost(parts, total):
            return f"{' + '.join(f'`{p}`' for p in parts)} is niet meer dan `{total}` (als beide zijn ingevuld)."
        case AtLeastOne(columns):
            return f"Minstens één van {', '.join(f'`{c}`' for c in columns)} is ingevuld."
    raise ValueError(rule)
