"""proeftuin.yml: the configuration of one proeftuin, checked by pydantic.

Strict where a mistake would weaken privacy or change figures in silence: a key given twice,
an unknown key inside ``privacy`` or inside a goal or indicator, and a number written with a
thousands point are errors; every message is Dutch and names the line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .contract import DOMEINEN
from .errors import OnleesbareData
from .names import code_name
from .problems import Problem

STANDAARD_LEVENSDOMEINEN = [
    "wonen",
    "financien",
    "werk_en_dagbesteding",
    "gezondheid",
    "sociaal_netwerk",
    "opvoeding",
    "veiligheid",
    "zingeving",
]


class _Model(BaseModel):
    # Unknown keys are kept so they can be reported, never silently dropped.
    model_config = ConfigDict(extra="allow")


class Ontwerpprincipe(_Model):
    nr: int = Field(ge=1)
    groep: Literal["willen", "kunnen", "nodig"]
    naam: str
    trefwoorden: list[str] = []
    toelichting: str | None = None
    # which instruments' figures bear on this principle in the report (default: by groep)
    bewijs: list[Literal["welbevinden", "casussen", "doorlooptijd", "kosten", "belemmeringen"]] = []


class _Strict(BaseModel):
    # a misspelt key here would silently fall back to a default: refused
    model_config = ConfigDict(extra="forbid")


class MaximaleDoorlooptijd(_Strict):
    """The stappenplan's maximum lead times in days, per step (each optional)."""

    aanmelding_mdo: int | None = Field(default=None, ge=0)
    mdo_oplossing: int | None = Field(default=None, ge=0)
    aanmelding_oplossing: int | None = Field(default=None, ge=0)


class Afspraken(_Model):
    casussen_per_organisatie_per_maand: float = Field(default=1, ge=0)
    maximale_doorlooptijd_dagen: MaximaleDoorlooptijd = MaximaleDoorlooptijd()


class Wijkbudget(_Strict):
    """The fixed yearly neighbourhood budget and the years of the agreement (inclusive)."""

    jaarbedrag: float = Field(ge=0)
    basisjaar: int | None = None
    looptijd: tuple[int, int]

    @field_validator("looptijd")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        if v[0] > v[1]:
            raise ValueError(f"het eerste jaar van de looptijd ({v[0]}) ligt na het laatste ({v[1]})")
        return v

    def vastgesteld(self, year: int) -> float | None:
        """The fixed amount of ``year``: the jaarbedrag within the looptijd, else None."""
        return float(self.jaarbedrag) if self.looptijd[0] <= year <= self.looptijd[1] else None


class Periode(_Strict):
    """When the proeftuin runs: an agreement per month is judged over every calendar month of a year
    within it, not only the months in which a case happened to come in."""

    start: dt.date
    einde: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.einde is not None and self.einde < self.start:
            raise ValueError(f"het einde van de periode ({self.einde}) ligt voor de start ({self.start})")
        return self


# ways of working a proeftuin can say it follows; the report explains each where its figures are
WERKWIJZEN = ("1gezin1plan1regisseur",)


class Privacy(_Strict):
    min_groepsgrootte: int = Field(default=5, ge=1)


INDICATOREN = (
    "casussen_totaal",
    "casussen_collectief",
    "doorlooptijd_aanmelding_oplossing",
    "binnen_termijn_aanmelding_mdo",
    "binnen_termijn_mdo_oplossing",
    "binnen_termijn_aanmelding_oplossing",
    "afspraak_organisaties",
    "welbevinden_verandering",
    "welbevinden_na",
    "besparing_per_casus",
    "besparing_huidig_per_casus",
    "kosten_per_casus",
    *(f"spinnenweb_{d}" for d in DOMEINEN),
    "deelnemers_per_bijeenkomst",
    "aandeel_wijkbewoners_bijeenkomsten",
    "reflectiekaarten_totaal",
    "bezoekers_per_week",
    "aandeel_door_bewoners",
    "wijkbudget_besteed_vs_vastgesteld",
    "aandeel_collectief_preventief",
)


def _known_indicator(code: str) -> str:
    if code not in INDICATOREN:
        raise ValueError(f"indicator '{code}' bestaat niet; kies uit: {', '.join(INDICATOREN)}")
    return code


class Indicator(_Strict):
    code: str
    streef: float | None = None

    _code = field_validator("code")(classmethod(lambda cls, v: _known_indicator(v)))


class Doel(_Strict):
    """A goal with the indicators that show progress towards it."""

    naam: str
    indicatoren: list[Indicator | str] = []

    _codes = field_validator("indicatoren")(
        classmethod(lambda cls, v: [_known_indicator(i) if isinstance(i, str) else i for i in v])
    )

    def __str__(self) -> str:
        return self.naam

    @property
    def items(self) -> list[Indicator]:
        """The indicators, each with its code and target (a bare code has no target)."""
        return [Indicator(code=i) if isinstance(i, str) else i for i in self.indicatoren]

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.items]


class Config(_Model):
    naam: str
    gemeente: str | None = None
    wijken: list[str] = []
    inwoners: int | None = None
    visie: str | None = None
    doelen: list[str | Doel] = []
    partners: list[str] = []
    levensdomeinen: list[str] = Field(default_factory=lambda: list(STANDAARD_LEVENSDOMEINEN))
    afspraken: Afspraken = Afspraken()
    wijkbudget: Wijkbudget | None = None
    ontwerpprincipes: list[Ontwerpprincipe] = Field(min_length=1)
    reflectiekaarten_citeerbaar: bool = False
    privacy: Privacy = Privacy()
    periode: Periode | None = None
    werkwijzen: list[Literal[WERKWIJZEN]] = []

    @field_validator("levensdomeinen")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        """Matched like enumeration cells: `Financiën` is financien."""
        return list(dict.fromkeys(code_name(d) for d in v if code_name(d)))

    @field_validator("ontwerpprincipes")
    @classmethod
    def _unique_numbers(cls, v: list[Ontwerpprincipe]) -> list[Ontwerpprincipe]:
        nrs = [p.nr for p in v]
        dubbel = sorted({n for n in nrs if nrs.count(n) > 1})
        if dubbel:
            raise ValueError(f"ontwerpprincipe-nummers komen dubbel voor: {dubbel}")
        return v

    @model_validator(mode="after")
    def _maxima_for_chosen_terms(self) -> Config:
        """Choosing binnen_termijn_<stap> without its maximum lead time is an error."""
        maxima = self.afspraken.maximale_doorlooptijd_dagen
        for doel in self.doelen:
            for code in doel.codes if isinstance(doel, Doel) else []:
                step = code.removeprefix("binnen_termijn_")
                if step != code and getattr(maxima, step) is None:
                    raise ValueError(
                        f"doel '{doel.naam}' kiest indicator '{code}', maar afspraken.maximale_doorlooptijd_dagen.{step} "
                        "staat niet in proeftuin.yml; vul die maximale doorlooptijd (in dagen) in"
                    )
        return self

    @property
    def principe_nummers(self) -> list[str]:
        return [str(p.nr) for p in self.ontwerpprincipes]

    def allowed_values(self, source: str) -> tuple[str, ...]:
        """The values a config list closes for a contract column (``Column.allowed_from``)."""
        if source == "levensdomeinen":
            return tuple(self.levensdomeinen)
        if source == "ontwerpprincipes":
            return tuple(self.principe_nummers)
        if source == "wijken":
            return tuple(self.wijken)
        raise KeyError(source)

    def default_value(self, setting: str) -> object:
        """The setting that fills a contract column's empty cells (``Column.default_from``)."""
        if setting not in type(self).model_fields:
            raise KeyError(setting)
        return getattr(self, setting)


_PYDANTIC_DUTCH = {
    "missing": "verplichte sleutel ontbreekt",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst [eerste jaar, laatste jaar] zijn",
    "too_long": "heeft te veel waarden",
    "literal_error": "moet willen, kunnen of nodig zijn",
    "greater_than_equal": "is te klein",
    "too_short": "mag niet leeg zijn",
    "model_type": "moet een blok met sleutels zijn",
    "dict_type": "moet een blok met sleutels zijn",
}


_PYDANTIC_DUTCH.update(
    {
        "float_type": "moet een getal zijn",
        "extra_forbidden": "is onbekend",
        "string_too_short": "mag niet leeg zijn",
    }
)


def _loc(loc: tuple) -> tuple:
    """The keys and positions of a pydantic location, without the names of union members."""
    return tuple(
        p for p in loc if isinstance(p, int) or p not in ("str", "Doel", "Indicator", "float", "int", "none", "Wijkbudget")
    )


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+")


def _lines(node: yaml.Node, path: tuple = (), lines: dict | None = None) -> dict[tuple, int]:
    """The line of every key and list item (for messages), refusing a key given twice and a
    number written with a thousands point, judged on the text as written."""
    lines = {} if lines is None else lines
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key, value in node.value:
            name = key.value
            line = key.start_mark.line + 1
            if name in seen:
                raise _YamlProblem(
                    line,
                    f"de sleutel '{'.'.join(map(str, (*path, name)))}' staat er twee keer (ook in regel {seen[name]}); "
                    "houd er één over, anders is niet te zeggen welke geldt",
                )
            seen[name] = line
            lines[(*path, name)] = line
            _lines(value, (*path, name), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _lines(item, (*path, i), lines)
    elif isinstance(node, yaml.ScalarNode) and not node.style and _THOUSANDS.fullmatch(node.value):
        raise _YamlProblem(
            node.start_mark.line + 1,
            f"'{'.'.join(map(str, path))}: {node.value}' heeft een punt als duizendtalscheiding{_as_yaml_reads(node.value)}; "
            f"schrijf {node.value.replace('.', '')}",
        )
    return lines


def _as_yaml_reads(text: str) -> str:
    try:
        return f" (YAML zou dat lezen als {float(text):g})"
    except ValueError:
        return ""


def _line_of(lines: dict[tuple, int], loc: tuple) -> int | None:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _yaml_error(name: str, e: yaml.YAMLError, text: str) -> str:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    where = f"{name}, regel {line}" if line else name
    source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if "\t" in source_line or "'\\t'" in str(e):
        return f"{where}: er staat een tab-teken; YAML springt alleen in met spaties: vervang de tab door spaties."
    return (
        f"{name} is geen geldige YAML{f' (regel {line}, kolom {mark.column + 1})' if line else ''}: controleer de "
        "inspringing (spaties), de dubbele punt na elke sleutel en de aanhalingstekens."
    )


def load_config(path: Path) -> tuple[Config, list[Problem]]:
    """Read proeftuin.yml; unreadable or invalid config stops everything (exit 2)."""
    if not path.is_file():
        raise OnleesbareData(
            f"{path.name} ontbreekt in {path.parent}: maak het aan; `leergeschiedenis contract` (docs/datacontract.md) "
            "zegt wat erin staat en `leergeschiedenis sample MAP` schrijft voorbeelden."
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise OnleesbareData(
            f"{path.name}, regel {line}: het bestand is niet als UTF-8 opgeslagen (waarschijnlijk Windows-1252, "
            "'ANSI'); sla het op als UTF-8, bijvoorbeeld in Kladblok met 'Opslaan als' en codering UTF-8."
        ) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when present: the same safe subset, faster
    try:
        node = yaml.compose(text, Loader=loader)
        lines = _lines(node) if node is not None else {}
        raw = yaml.load(text, Loader=loader)
    except _YamlProblem as e:
        raise OnleesbareData(f"{path.name}, regel {e.line}: {e}.") from None
    except yaml.YAMLError as e:
        raise OnleesbareData(_yaml_error(path.name, e, text)) from None
    if not isinstance(raw, dict):
        raise OnleesbareData(f"{path.name} moet sleutels bevatten (naam, ontwerpprincipes, ...).")
    try:
        config = Config.model_validate(raw)
    except ValidationError as e:
        errors = e.errors()
        # a misspelt key is the error that explains the others (a goal is then also 'no text')
        # and of a goal that is not plain text, the deepest error says more than 'moet tekst zijn'
        first = min(errors, key=lambda x: (x["type"] != "extra_forbidden", -len(x["loc"])))
        loc = _loc(first["loc"])
        where = ".".join(str(p) for p in loc)
        why = _PYDANTIC_DUTCH.get(first["type"], first["msg"])
        if first["type"] == "value_error":
            why = str(first.get("ctx", {}).get("error", first["msg"]))
        if first["type"] == "missing" and len(loc) == 1:
            raise OnleesbareData(f"{path.name}: de verplichte sleutel '{where}' ontbreekt; vul die aan.") from None
        if first["type"] == "extra_forbidden":
            allowed = _allowed_keys(loc[:-1])
            why += f"; hier mag alleen: {', '.join(allowed)}" if allowed else ""
        if not loc:  # a rule across keys (a chosen indicator without its maximum lead time)
            raise OnleesbareData(f"{path.name}: {why}.") from None
        line = _line_of(lines, loc)
        at = f", regel {line}" if line else ""
        raise OnleesbareData(f"{path.name}{at}: sleutel '{where}' {why}.") from None
    return config, _unknown_keys(config, path.name)


def _allowed_keys(parent: tuple) -> list[str]:
    if parent == ("privacy",):
        return list(Privacy.model_fields)
    if parent == ("wijkbudget",):
        return list(Wijkbudget.model_fields)
    if parent == ("afspraken", "maximale_doorlooptijd_dagen"):
        return list(MaximaleDoorlooptijd.model_fields)
    if len(parent) == 2 and parent[0] == "doelen":
        return list(Doel.model_fields)
    if len(parent) == 4 and parent[0] == "doelen":
        return list(Indicator.model_fields)
    return []


def _unknown_keys(model: BaseModel, bestand: str, prefix: str = "") -> list[Problem]:
    problems = []
    for key in model.model_extra or {}:
        problems.append(
            Problem(
                bestand,
                None,
                None,
                f"{prefix}{key}",
                None,
                f"onbekende sleutel '{prefix}{key}' wordt genegeerd",
                "melding",
                "sleutel",
            )
        )
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                sub = f"{prefix}{name}[{i}]." if isinstance(value, list) else f"{prefix}{name}."
                problems.extend(_unknown_keys(item, bestand, sub))
    return problems
