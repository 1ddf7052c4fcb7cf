"""The .xlsx fixtures of tests/data/libreoffice, written by LibreOffice Calc itself.

How they are made (LibreOffice Calc 7.4, Debian: ``apt-get install libreoffice-calc``):

1. The sheets below are written as flat-ODS spreadsheets (``bronnen/**/*.fods``)
   with typed cells as LibreOffice stores them: ``office:value-type="date"``
   with a dd-mm-yyyy date style for dates, ``float`` for numbers,
   ``boolean`` with a boolean style for WAAR/ONWAAR, ``string`` for text, and
   one formula cell (``table:formula`` with its computed value). A
   text that looks like a date (``31-02-2017``) stays a text cell, as when a
   person types an impossible date.
2. ``soffice --headless --convert-to xlsx`` turns each .fods into the .xlsx
   beside its ``proeftuin.yml``: so every committed .xlsx is really written by
   LibreOffice (its docProps/app.xml names LibreOffice).

    python tests/data/libreoffice/make_fixtures.py                  # .fods from the data below, then .xlsx
    python tests/data/libreoffice/make_fixtures.py --alleen-omzetten  # .xlsx from the committed .fods only

The tests (tests/test_xlsx.py) need only the committed .xlsx, never LibreOffice;
they also write the same sheets with openpyxl (Excel-style cells) from ``WERKMAP``.

Keep the rows of ``werkmap`` where they are: the planted errors sit at known
spreadsheet rows (casussen 5 and 6, metingen 4 and 5), and tests/test_export.py
reads them too. New rows go at the end and should be accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
BRONNEN = HERE / "bronnen"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="Ndatum">
   <number:day number:style="long"/><number:text>-</number:text>
   <number:month number:style="long"/><number:text>-</number:text>
   <number:year number:style="long"/>
  </number:date-style>
  <number:date-style style:name="Ntijdstip">
   <number:day number:style="long"/><number:text>-</number:text>
   <number:month number:style="long"/><number:text>-</number:text>
   <number:year number:style="long"/><number:text> </number:text>
   <number:hours number:style="long"/><number:text>:</number:text>
   <number:minutes number:style="long"/>
  </number:date-style>
  <number:boolean-style style:name="Njanee"><number:boolean/></number:boolean-style>
  <style:style style:name="datum" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Ndatum"/>
  <style:style style:name="tijdstip" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Ntijdstip"/>
  <style:style style:name="janee" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Njanee"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""
TAIL = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


@dataclass(frozen=True)
class Formula:
    """A formula cell with the value LibreOffice computed (an .xlsx keeps both; readers see the value)."""

    formula: str  # OpenFormula, e.g. "of:=[.E4]+[.F4]+8"
    value: float


def cell(value) -> str:
    """One typed cell, as LibreOffice Calc stores what a person typed."""
    if isinstance(value, Formula):
        return (
            f'<table:table-cell table:formula="{escape(value.formula)}" office:value-type="float" '
            f'office:value="{value.value}"><text:p>{value.value:g}</text:p></table:table-cell>'
        )
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, bool):
        text = "WAAR" if value else "ONWAAR"
        return (
            f'<table:table-cell table:style-name="janee" office:value-type="boolean" '
            f'office:boolean-value="{str(value).lower()}"><text:p>{text}</text:p></table:table-cell>'
        )
    if isinstance(value, dt.datetime):
        return (
            f'<table:table-cell table:style-name="tijdstip" office:value-type="date" '
            f'office:date-value="{value.isoformat()}"><text:p>{value.strftime("%d-%m-%Y %H:%M")}</text:p></table:table-cell>'
        )
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell table:style-name="datum" office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.strftime('%d-%m-%Y')}</text:p></table:table-cell>"
        )
    if isinstance(value, (int, float)):
        shown = f"{value:g}".replace(".", ",")
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{shown}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def sheet(name: str, rows: list[list]) -> str:
    body = "".join("   <table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>\n" for row in rows)
    return f'  <table:table table:name="{escape(name)}">\n{body}  </table:table>\n'


def fods(sheets: dict[str, list[list]]) -> str:
    return HEAD + "".join(sheet(n, r) for n, r in sheets.items()) + TAIL


D = dt.date
T = dt.datetime

# One workbook, one sheet per table (plus a first sheet that is no table).
# Planted errors: casussen row 5 (31-02-2017 typed as text), row 6 (status 'klaar'),
# metingen row 4 (welbevinden 11), row 5 (casus L9 does not exist). Row 4 of casussen is blank.
WERKMAP: dict[str, list[list]] = {
    "Toelichting": [
        ["Registratie Proeftuin LibreOffice, gemaakt met LibreOffice Calc"],
        ["Elk blad heet naar een tabel van het datacontract."],
    ],
    "casussen": [
        [
            "Casus ID",
            "Soort",
            "Organisatie",
            "Aanmelddatum",
            "MDO-datum",
            "Status",
            "Levensdomeinen",
            "Binnen bestaand aanbod",
            "Toestemming citaat",
            "Afsluitdatum",
            "Betrokken organisaties",
            "Belemmeringen",
            "Opmerking",
        ],
        [
            "L1",
            "individueel",
            "GGZ",
            D(2016, 9, 5),
            D(2016, 9, 12),
            "afgerond",
            "wonen, financien",
            True,
            "ja",
            D(2017, 1, 16),
            "GGZ, Woonstichting Ruwaard",
            "regelgeving, financiering",
            "eerste casus",
        ],
        ["L2", "Collectief", "Wonen", D(2017, 2, 1), None, " MDO ", None, False],
        [None],  # a blank row: the rows below keep LibreOffice's numbering
        ["L3", "individueel", "GGZ", "31-02-2017", None, "aangemeld"],
        ["L4", "individueel", "GGD", D(2017, 3, 1), None, "klaar"],
        ["L5", "individueel", "GGD", D(2017, 3, 2), None, "aangemeld", "gezondheid", "nee"],
        [
            1017,
            "collectief",
            "Gemeente Oss",
            D(2017, 4, 3),
            "10-4-2017",
            "Uitvoering",
            "wonen,gezondheid",
            "j",
            "nee",
            None,
            None,
            "Capaciteit",
        ],
    ],
    "metingen": [
        ["Casus ID", "Meetmoment", "Datum", "Welbevinden"],
        ["L1", "voor", D(2016, 9, 5), 4],
        ["L1", "Na 6 weken", D(2016, 10, 17), 7.5],
        ["L5", "voor", D(2017, 3, 2), 11],
        ["L9", "voor", D(2017, 3, 2), 5],
        ["L2", "voor", D(2017, 2, 1), "6,5"],  # decimal comma typed as text
        [1017, "voor", D(2017, 4, 3), 8],  # a numeric casus_id, as in casussen
        [1017, "herhaling", T(2017, 6, 12, 9, 30), 8.25],  # a date cell with a time
    ],
    "bijeenkomsten": [
        ["Bijeenkomst", "Datum", "Soort", "Deelnemers", "Wijkbewoners", "Professionals"],
        ["Leersessie 1", D(2016, 9, 6), "tweewekelijkse leersessie", 15, 5, 10],
        ["Leersessie 2", D(2016, 9, 20), "Tweewekelijkse_leersessie", 12],
        # deelnemers is a formula: 12 + 20 + 8 others = 40
        ["Werkconferentie Ruwaard", D(2016, 11, 3), "werkconferentie", Formula("of:=[.E4]+[.F4]+8", 40), 12, 20],
        ["Effectenarena", D(2017, 1, 19), "Effectenarena", 9, 2, 7],
        ["Snelkookpan wonen", D(2017, 2, 14), "snelkookpansessie", None, 3, 4],
    ],
    "reflectiekaarten": [
        ["Datum", "Bijeenkomst", "Rol", "Geleerd", "Thema's", "Opgevallen", "Toestemming citaat"],
        [D(2016, 9, 6), "Leersessie 1", "wijkbewoner", "Dat er naar me geluisterd wordt", "1, 2", None, True],
        [D(2016, 9, 6), "Leersessie 1", "Professional", None, 2, "Korte lijnen"],
        [D(2016, 11, 3), "Werkconferentie Ruwaard", "manager", "Ruimte voor maatwerk", None, None, False],
        [D(2017, 1, 19), "Effectenarena", " Bestuurder ", "Wat kost niets doen?", "1,2", None, "ja"],
        [D(2017, 2, 14), "Snelkookpan wonen", "student", None, "2", "Snel resultaat"],
    ],
}

# A file named after a table whose sheet has another name: the first sheet is read.
LOSSE_CASUSSEN: dict[str, list[list]] = {
    "Blad1": [
        ["casus_id", "soort", "organisatie", "aanmelddatum", "afsluitdatum", "status"],
        ["S1", "individueel", "GGZ", D(2017, 10, 2), None, "aangemeld"],
        ["S2", "collectief", "Wonen", D(2017, 10, 9), D(2017, 10, 1), "afgerond"],  # closed before it was reported
        ["S1", "individueel", "GGD", D(2017, 11, 6), None, "aangemeld"],  # S1 again
        ["S3", "individueel", "GGD", D(2017, 11, 6), D(2018, 1, 8), "afgerond"],
    ],
    "Blad2": [["notities"], ["S9", "dit blad wordt niet gelezen"]],
}

# Item scores of Mijn Positieve Gezondheid (mpg_v1: 7 items per domain) for four of the six
# domains; mentaal_welbevinden and kwaliteit_van_leven have no columns at all.
ITEM_DOMEINEN = ("lichaamsfuncties", "zingeving", "meedoen", "dagelijks_functioneren")
ITEMS = [f"{d}_{i}" for d in ITEM_DOMEINEN for i in range(1, 8)]
_ = None  # an unanswered item


def spinnenweb_row(deelnemer, meetmoment, datum, groep, **items: list) -> list:
    """A row of the item columns above; a domain's list fills its items from 1, the rest stay empty."""
    cells = [deelnemer, meetmoment, datum, groep]
    for domain in ITEM_DOMEINEN:
        given = items.get(domain, [])
        cells += [*given, *[None] * (7 - len(given))]
    return cells


GROEP = "Ons Huis van de Wijk"
LOSSE_SPINNENWEB: dict[str, list[list]] = {
    "Uitleg": [["Positieve Gezondheid, itemscores 0-10"]],
    "Spinnenweb": [
        ["Deelnemer ID", "Meetmoment", "Datum", "Groep", *ITEMS],
        # lichaamsfuncties 7/7: 47/7; zingeving 3/7 (fewer than half): missing; meedoen 4/7: 24/4 = 6;
        # dagelijks_functioneren 0/7: missing
        spinnenweb_row(
            "P1", 0, D(2017, 10, 5), GROEP, lichaamsfuncties=[6, 7, 8, 7, 6, 5, 8], zingeving=[5, 5, 5], meedoen=[4, 6, 8, 6]
        ),
        # lichaamsfuncties 51/7; zingeving four zeros: 0; meedoen 4/7 with decimals: 33/4 = 8.25;
        # dagelijks_functioneren 7 x 6 = 6
        spinnenweb_row(
            "P1",
            1,
            D(2018, 4, 5),
            GROEP,
            lichaamsfuncties=[7, 7, 8, 8, 7, 6, 8],
            zingeving=[0, 0, 0, 0],
            meedoen=[7.5, 8, _, 9, _, 8.5],
            dagelijks_functioneren=[6] * 7,
        ),
        # meedoen_2 = 11: an item is 0 to 10, the row is refused
        spinnenweb_row("P2", 0, D(2017, 10, 5), GROEP, meedoen=[5, 11, 5, 5, 5, 5, 5]),
        # only two zingeving items: no domain has half its items, the row is refused
        spinnenweb_row("P3", 0, "12-10-2017", GROEP, zingeving=[8, 9]),
        # the date typed as text; lichaamsfuncties 7 x 10 = 10; dagelijks_functioneren 4/7: 18/4 = 4.5
        spinnenweb_row("P4", 0, "12-10-2017", None, lichaamsfuncties=[10] * 7, dagelijks_functioneren=[3, 4, 5, 6]),
    ],
}

CONFIG = """naam: Proeftuin LibreOffice
gemeente: Oss
levensdomeinen: [wonen, financien, gezondheid]
ontwerpprincipes:
  - nr: 1
    groep: willen
    naam: Ons door de leefwereld laten leiden
    trefwoorden: [leefwereld]
  - nr: 2
    groep: kunnen
    naam: Samen leren
    trefwoorden: [leren]
privacy:
  min_groepsgrootte: 5
"""

# .xlsx (beside its proeftuin.yml) -> its sheets; the .fods lives under bronnen/<folder>/
FILES: dict[Path, dict[str, list[list]]] = {
    HERE / "werkmap" / "gegevens.xlsx": WERKMAP,
    HERE / "losse_bestanden" / "casussen.xlsx": LOSSE_CASUSSEN,
    HERE / "losse_bestanden" / "spinnenweb.xlsx": LOSSE_SPINNENWEB,
}


def source_of(xlsx: Path) -> Path:
    return BRONNEN / xlsx.parent.name / xlsx.with_suffix(".fods").name


def write_sources() -> None:
    for xlsx, sheets in FILES.items():
        xlsx.parent.mkdir(exist_ok=True)
        (xlsx.parent / "proeftuin.yml").write_text(CONFIG, encoding="utf-8")
        source = source_of(xlsx)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(fods(sheets), encoding="utf-8")


def convert(soffice: str) -> None:
    """LibreOffice Calc, headless, with a throw-away user profile, writes each .xlsx."""
    for xlsx in FILES:
        source = source_of(xlsx)
        with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML",
                    "--outdir",
                    out,
                    str(source),
                ],
                check=True,
                capture_output=True,
            )
            written = Path(out) / xlsx.name
            with zipfile.ZipFile(written) as z:
                app = z.read("docProps/app.xml").decode("utf-8")
            if "<Application>LibreOffice" not in app:
                raise SystemExit(f"{written} is niet door LibreOffice geschreven")
            shutil.copyfile(written, xlsx)
        print(f"{source.relative_to(HERE)} -> {xlsx.relative_to(HERE)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alleen-omzetten", action="store_true", help="only convert the committed .fods to .xlsx")
    args = parser.parse_args(argv)
    if not args.alleen_omzetten:
        write_sources()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice ontbreekt (apt-get install libreoffice-calc): alleen de .fods-bronnen zijn geschreven")
    convert(soffice)


if __name__ == "__main__":
    main()
