"""The problem report: every refused row and every notice, with where it was found."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Ernst = Literal["fout", "melding"]


@dataclass(frozen=True)
class Problem:
    """One finding. ``rij`` is the spreadsheet row (header = 1); a ``fout`` refuses its row."""

    bestand: str
    blad: str | None
    rij: int | None
    kolom: str | None
    waarde: str | None
    melding: str
    ernst: Ernst = "fout"
    # which rule was broken, without the value: safe to publish (see RULES)
    regel: str = field(default="", compare=False)

    def as_dict(self) -> dict:
        """The seven keys of ``leergeschiedenis check --json``."""
        return {k: getattr(self, k) for k in ("bestand", "blad", "rij", "kolom", "waarde", "melding", "ernst")}


# A Dutch description of each rule, without any value from the data, for published reports.
RULES = {
    "tekst": "ongeldige tekst",
    "datum": "geen geldige datum",
    "getal": "geen geldig getal",
    "bedrag": "geen geldig bedrag",
    "geheel_getal": "geen geheel getal",
    "janee": "geen ja of nee",
    "keuze": "waarde niet toegestaan",
    "lijst": "waarde in de lijst niet toegestaan",
    "verplicht": "verplicht veld leeg",
    "kolom_ontbreekt": "verplichte kolom ontbreekt",
    "bereik": "waarde buiten het bereik",
    "volgorde": "datums in de verkeerde volgorde",
    "som": "delen samen meer dan het totaal",
    "minstens_een": "geen enkele tekst ingevuld",
    "verwijzing": "verwijst naar een onbekende of geweigerde rij",
    "dubbel": "dubbele rij",
    "cellen": "meer cellen dan kolommen",
    "items": "itemscores niet volgens de versie",
    "scores": "geen bruikbare scores",
    "kolom": "kolom",
    "kolomnaam": "kolom waarschijnlijk verkeerd genoemd",
    "codering": "tekst in een andere codering",
    "niet_gelezen": "bestand of blad niet gelezen",
    "te_weinig_items": "domein ontbreekt: te weinig items beantwoord",
    "sleutel": "sleutel in proeftuin.yml",
    "bestand": "bestand",
    "status_datum": "status verder dan de ingevulde datums",
}


@dataclass(frozen=True)
class Accounting:
    """Rows read = rows accepted + rows refused, per table, always."""

    gelezen: int
    geaccepteerd: int
    geweigerd: int

    def __post_init__(self) -> None:
        if self.gelezen != self.geaccepteerd + self.geweigerd:
            raise AssertionError(f"rijen kloppen niet: {self}")

    def as_dict(self) -> dict:
        return asdict(self)
