"""proeftuin.yml: the configuration of one proeftuin, checked by pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import OnleesbareData
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


class Afspraken(_Model):
    casussen_per_organisatie_per_maand: float = Field(default=1, ge=0)


class Privacy(_Model):
    min_groepsgrootte: int = Field(default=5, ge=1)


class Config(_Model):
    naam: str
    gemeente: str | None = None
    wijken: list[str] = []
    inwoners: int | None = None
    visie: str | None = None
    doelen: list[str] = []
    partners: list[str] = []
    levensdomeinen: list[str] = Field(default_factory=lambda: list(STANDAARD_LEVENSDOMEINEN))
    afspraken: Afspraken = Afspraken()
    ontwerpprincipes: list[Ontwerpprincipe] = Field(min_length=1)
    reflectiekaarten_citeerbaar: bool = False
    privacy: Privacy = Privacy()

    @field_validator("ontwerpprincipes")
    @classmethod
    def _unique_numbers(cls, v: list[Ontwerpprincipe]) -> list[Ontwerpprincipe]:
        nrs = [p.nr for p in v]
        dubbel = sorted({n for n in nrs if nrs.count(n) > 1})
        if dubbel:
            raise ValueError(f"ontwerpprincipe-nummers komen dubbel voor: {dubbel}")
        return v

    @property
    def principe_nummers(self) -> list[str]:
        return [str(p.nr) for p in self.ontwerpprincipes]

    def allowed_values(self, source: str) -> tuple[str, ...]:
        """The values a config list closes for a contract column (``Column.allowed_from``)."""
        if source == "levensdomeinen":
            return tuple(self.levensdomeinen)
        if source == "ontwerpprincipes":
            return tuple(self.principe_nummers)
        raise KeyError(source)


_PYDANTIC_DUTCH = {
    "missing": "verplichte sleutel ontbreekt",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "literal_error": "moet willen, kunnen of nodig zijn",
    "greater_than_equal": "is te klein",
    "too_short": "mag niet leeg zijn",
    "model_type": "moet een blok met sleutels zijn",
    "dict_type": "moet een blok met sleutels zijn",
}


def _loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def load_config(path: Path) -> tuple[Config, list[Problem]]:
    """Read proeftuin.yml; unreadable or invalid config stops everything (exit 2)."""
    if not path.is_file():
        raise OnleesbareData(f"{path.name} ontbreekt in {path.parent}: maak het aan (zie DATA-CONTRACT.md).")
    try:
        # libyaml's loader when present: the same safe subset of YAML, ten times faster
        raw = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise OnleesbareData(f"{path.name} is geen geldige YAML: {str(e).splitlines()[0]}") from None
    if not isinstance(raw, dict):
        raise OnleesbareData(f"{path.name} moet sleutels bevatten (naam, ontwerpprincipes, ...).")
    try:
        config = Config.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = _loc(first["loc"])
        why = _PYDANTIC_DUTCH.get(first["type"], first["msg"])
        if first["type"] == "value_error":
            why = str(first.get("ctx", {}).get("error", first["msg"]))
        if first["type"] == "missing":
            raise OnleesbareData(f"{path.name}: de verplichte sleutel '{where}' ontbreekt; vul die aan.") from None
        raise OnleesbareData(f"{path.name}: sleutel '{where}' {why}.") from None
    return config, _unknown_keys(config, path.name)


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
