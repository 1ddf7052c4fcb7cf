"""The problem report: every refused row and every notice, with where it was found."""

from __future__ import annotations

from dataclasses import asdict, dataclass
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

    def as_dict(self) -> dict:
        return asdict(self)


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
