"""The neighbourhood level of the sample (issue 14): Ruwaard's wijkbudget, activities and wijkprofiel.

All figures are invented, in the spirit of the seeds:

* ``wijkbudget``: from 2018 one fixed, unpartitioned yearly amount for Wmo and
  welzijn (``wijkbudget.jaarbedrag`` in ``proeftuin.yml``, 2.450.000 euro for
  2018-2022), based on what 2016 cost. The table holds 2016 (the basisjaar) and
  2017 as realised under the old, partitioned budgets and the first budget year
  2018, with the shift from individual provisions towards collective and
  preventive ones (about 19% -> 23% -> 31% of what was spent).
* ``activiteiten``: what happens at Ons Huis van de Wijk from its opening in
  March 2016, growing from a coffee morning and a consultation hour to some
  fourteen activities and about 300 visitors a week in 2018, more and more of
  them organised by residents (alone or together with professionals).
* ``wijkprofiel``: key figures of the neighbourhood for 2016-2018, with their
  unit and source (marked illustrative: the numbers are not CBS's or GGD's).

Deterministic like the rest: the activities draw from their own seeded generator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..contract import TABLES
from . import generate as gen

Row = gen.Row

ACTIVITEIT_KOLOMMEN = tuple(c for c in TABLES["activiteiten"].column_names if c != "wijk")  # Ruwaard is one buurt
WIJKBUDGET_KOLOMMEN = tuple(c for c in TABLES["wijkbudget"].column_names if c != "wijk")
WIJKPROFIEL_KOLOMMEN = tuple(c for c in TABLES["wijkprofiel"].column_names if c != "wijk")

# ---------------------------------------------------------------------------
# wijkbudget
# ---------------------------------------------------------------------------

WMO_AANBIEDERS = "Zorgaanbieders Wmo regio Oss"
# post, soort, financier, aanbieder, {jaar: (begroot, besteed)}
RUWAARD_BUDGETPOSTEN: tuple[tuple[str, str, str, str, dict[int, tuple[float, float]]], ...] = (
    ("Wmo begeleiding", "individueel", "gemeente_wmo", WMO_AANBIEDERS,
     {2016: (930000, 948212.60), 2017: (900000, 905640.30), 2018: (760000, 741385.50)}),
    ("Huishoudelijke hulp", "individueel", "gemeente_wmo", "Thuiszorg Oss",
     {2016: (760000, 774905.15), 2017: (735000, 728315.90), 2018: (620000, 611940.25)}),
    ("Dagbesteding", "individueel", "gemeente_wmo", WMO_AANBIEDERS,
     {2016: (270000, 262480.00), 2017: (255000, 249870.00), 2018: (210000, 198760.00)}),
    ("Ruimte voor proeftuinoplossingen", "individueel", "gemeente_overig", "Proeftuin Ruwaard",
     {2018: (100000, 82415.40)}),
    ("Welzijn en opbouwwerk", "collectief", "gemeente_overig", "ONS welzijn",
     {2016: (250000, 249310.00), 2017: (275000, 281460.00), 2018: (335000, 338120.00)}),
    ("Huis van de Wijk", "collectief", "gemeente_overig", "ONS welzijn",
     {2016: (70000, 68925.40), 2017: (110000, 117380.55), 2018: (165000, 171264.80)}),
    ("Buurtsportcoach", "preventief", "gemeente_overig", "Sportbedrijf Oss",
     {2016: (60000, 60000.00), 2017: (75000, 75000.00), 2018: (95000, 95000.00)}),
    ("Mantelzorgondersteuning", "preventief", "gemeente_wmo", "ONS welzijn",
     {2016: (75000, 73645.00), 2017: (78000, 76915.00), 2018: (85000, 81930.00)}),
    ("Vroegsignalering schulden", "preventief", "gemeente_overig", "Schuldhulpverlening Gemeente Oss",
     {2018: (70000, 64487.35)}),
)  # fmt: skip


def wijkbudget(posten=RUWAARD_BUDGETPOSTEN) -> list[Row]:
    """One row per budget line and year, years in order."""
    jaren = sorted({j for *_, per_jaar in posten for j in per_jaar})
    return [
        {"jaar": jaar, "post": post, "soort": soort, "financier": financier, "aanbieder": aanbieder,
         "begroot": per_jaar[jaar][0], "besteed": per_jaar[jaar][1]}
        for jaar in jaren
        for post, soort, financier, aanbieder, per_jaar in posten
        if jaar in per_jaar
    ]  # fmt: skip


# ---------------------------------------------------------------------------
# activiteiten
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Activiteit:
    """A recurring activity: from ``start`` every ``om_de`` weeks on the same weekday."""

    naam: str
    start: dt.date
    om_de: int  # weeks
    bezoekers: tuple[float, float]  # typical visitors at the start and at the end of 2018
    vrijwilligers: tuple[int, int]
    door: str  # georganiseerd_door
    door_vanaf: tuple[dt.date, str] | None = None  # residents take over from a date on


HUIS_VAN_DE_WIJK = "Ons Huis van de Wijk"
EIND = dt.date(2018, 12, 31)
RUWAARD_ACTIVITEITEN = (
    Activiteit("Inloop met koffie", dt.date(2016, 3, 7), 1, (24, 64), (1, 4), "professionals",
               (dt.date(2017, 1, 1), "samen")),
    Activiteit("Spreekuur sociaal wijkteam", dt.date(2016, 3, 8), 1, (9, 25), (0, 0), "professionals"),
    Activiteit("Koken met Kids", dt.date(2016, 9, 7), 1, (12, 28), (2, 3), "samen"),
    Activiteit("Buurtmaaltijd", dt.date(2016, 10, 6), 2, (32, 81), (3, 7), "samen",
               (dt.date(2017, 9, 1), "wijkbewoners")),
    Activiteit("Taalcafé", dt.date(2017, 1, 10), 1, (11, 31), (2, 4), "wijkbewoners"),
    Activiteit("Beweegochtend 55+", dt.date(2017, 2, 3), 1, (14, 39), (0, 1), "professionals"),
    Activiteit("Repaircafé", dt.date(2017, 4, 1), 4, (24, 59), (4, 8), "wijkbewoners"),
    Activiteit("Administratiespreekuur", dt.date(2017, 5, 4), 1, (8, 21), (2, 3), "samen"),
    Activiteit("Huiswerkklas", dt.date(2017, 9, 6), 1, (12, 27), (2, 4), "samen"),
    Activiteit("Positieve Gezondheid in de wijk", dt.date(2017, 10, 2), 1, (15, 18), (0, 1), "professionals"),
    Activiteit("Breicafé", dt.date(2017, 10, 5), 1, (9, 21), (1, 2), "wijkbewoners"),
    Activiteit("Jongereninloop", dt.date(2018, 1, 5), 1, (16, 39), (1, 3), "samen"),
    Activiteit("Buurtbingo", dt.date(2018, 2, 3), 4, (51, 84), (3, 5), "wijkbewoners"),
    Activiteit("Wandelgroep", dt.date(2018, 3, 7), 1, (8, 24), (1, 2), "wijkbewoners"),
)  # fmt: skip


def _dicht(day: dt.date) -> bool:
    """Closed between Christmas and New Year."""
    return (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)


def activiteiten(key: str = "ruwaard", reeks: tuple[Activiteit, ...] = RUWAARD_ACTIVITEITEN) -> list[Row]:
    """Every occurrence of every recurring activity up to the end of 2018, in date order.

    Fewer in the summer holidays (weeks 29-33), none around Christmas, now and
    then one cancelled; visitors grow linearly from the start to the end level.
    """
    rng = gen._rng(key, "activiteiten")
    rows: list[Row] = []
    for a in reeks:
        day = a.start
        while day <= EIND:
            zomer = 29 <= day.isocalendar()[1] <= 33
            if not _dicht(day) and rng.random() >= (0.6 if zomer else 0.04):
                typisch = gen._interpolate(day, [(a.start, a.bezoekers[0]), (EIND, a.bezoekers[1])])
                door = a.door
                if a.door_vanaf and day >= a.door_vanaf[0]:
                    door = a.door_vanaf[1]
                rows.append(
                    {
                        "datum": day,
                        "activiteit": a.naam,
                        "locatie": HUIS_VAN_DE_WIJK,
                        "bezoekers": max(2, round(typisch * rng.uniform(0.75, 1.25))),
                        "georganiseerd_door": door,
                        "vrijwilligers": rng.randint(*a.vrijwilligers),
                    }
                )
            day += dt.timedelta(weeks=a.om_de)
    rows.sort(key=lambda r: (r["datum"], r["activiteit"]))  # type: ignore[arg-type, return-value]
    return rows


# ---------------------------------------------------------------------------
# wijkprofiel
# ---------------------------------------------------------------------------

CBS = "CBS Kerncijfers wijken en buurten {jaar} (illustratief)"
GGD = "GGD Gezondheidsmonitor Volwassenen en Ouderen {jaar} (illustratief)"
# kenmerk, eenheid, bron, {jaar: waarde}
RUWAARD_PROFIEL: tuple[tuple[str, str, str, dict[int, float]], ...] = (
    ("Inwoners", "aantal", CBS, {2016: 12930, 2017: 13010, 2018: 13085}),
    ("65 jaar en ouder", "procent", CBS, {2016: 21.8, 2017: 22.4, 2018: 23.1}),
    ("Eenpersoonshuishoudens", "procent", CBS, {2016: 41.2, 2017: 41.9, 2018: 42.5}),
    ("Huishoudens met een laag inkomen", "procent", CBS, {2016: 12.6, 2017: 12.1, 2018: 11.8}),
    ("Bijstandsuitkeringen", "per_1000", CBS, {2016: 68, 2017: 66, 2018: 63}),
    ("Gemiddeld inkomen per inwoner", "euro", CBS, {2016: 23400, 2017: 24100, 2018: 24900}),
    ("Huurwoningen van een woningcorporatie", "procent", CBS, {2016: 48, 2017: 47, 2018: 47}),
    ("Ervaren gezondheid goed of zeer goed", "procent", GGD, {2016: 71.5}),
    ("Ernstig eenzaam", "procent", GGD, {2016: 12.9}),
)


def wijkprofiel(kenmerken=RUWAARD_PROFIEL) -> list[Row]:
    """One row per key figure and year, years in order."""
    jaren = sorted({j for *_, per_jaar in kenmerken for j in per_jaar})
    return [
        {"jaar": jaar, "kenmerk": kenmerk, "waarde": per_jaar[jaar], "eenheid": eenheid, "bron": bron.format(jaar=jaar)}
        for jaar in jaren
        for kenmerk, eenheid, bron, per_jaar in kenmerken
        if jaar in per_jaar
    ]
