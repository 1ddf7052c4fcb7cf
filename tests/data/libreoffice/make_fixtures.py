"""Recreate the LibreOffice-written .xlsx fixtures from their flat-ODS sources.

    python tests/data/libreoffice/make_fixtures.py        # writes the .fods sources
    soffice --headless --convert-to xlsx --outdir DIR FILE.fods   # done by this script when soffice is there

The .fods files hold typed cells (real dates, real numbers, booleans) as a
programme team's LibreOffice would store them; LibreOffice Calc itself converts
them to .xlsx, so the committed .xlsx files are really written by LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="Ndatum">
   <number:day number:style="long"/><number:text>-</number:text>
   <number:month number:style="long"/><number:text>-</number:text>
   <number:year number:style="long"/>
  </number:date-style>
  <style:style style:name="datum" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Ndatum"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""
TAIL = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


def cell(value) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, bool):
        text = "WAAR" if value else "ONWAAR"
        return f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(value).lower()}"><text:p>{text}</text:p></table:table-cell>'
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell table:style-name="datum" office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.strftime('%d-%m-%Y')}</text:p></table:table-cell>"
        )
    if isinstance(value, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def sheet(name: str, rows: list[list]) -> str:
    body = "".join("   <table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>\n" for row in rows)
    return f'  <table:table table:name="{name}">\n{body}  </table:table>\n'


def fods(sheets: dict[str, list[list]]) -> str:
    return HEAD + "".join(sheet(n, r) for n, r in sheets.items()) + TAIL


D = dt.date
WERKMAP = {
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
        ],
        ["L1", "individueel", "GGZ", D(2016, 9, 5), D(2016, 9, 12), "afgerond", "wonen, financien", True, "ja"],
        ["L2", "Collectief", "Wonen", D(2017, 2, 1), None, "mdo", None, False, None],
        [None],  # a blank row: the rows below keep LibreOffice's numbering
        ["L3", "individueel", "GGZ", "31-02-2017", None, "aangemeld", None, None, None],
        ["L4", "individueel", "GGD", D(2017, 3, 1), None, "klaar", None, None, None],
        ["L5", "individueel", "GGD", D(2017, 3, 2), None, "aangemeld", "gezondheid", None, None],
    ],
    "metingen": [
        ["Casus ID", "Meetmoment", "Datum", "Welbevinden"],
        ["L1", "voor", D(2016, 9, 5), 4],
        ["L1", "Na 6 weken", D(2016, 10, 17), 7.5],
        ["L5", "voor", D(2017, 3, 2), 11],
        ["L9", "voor", D(2017, 3, 2), 5],
    ],
    "bijeenkomsten": [
        ["Bijeenkomst", "Datum", "Soort", "Deelnemers"],
        ["Leersessie 1", D(2016, 9, 6), "tweewekelijkse leersessie", 15],
    ],
    "reflectiekaarten": [
        ["Datum", "Bijeenkomst", "Rol", "Geleerd", "Thema's"],
        [D(2016, 9, 6), "Leersessie 1", "wijkbewoner", "Dat er naar me geluisterd wordt", "1, 2"],
    ],
}
LOSSE_CASUSSEN = {
    "Blad1": [
        ["casus_id", "soort", "organisatie", "aanmelddatum", "status"],
        ["S1", "individueel", "GGZ", D(2017, 10, 2), "aangemeld"],
    ]
}
ITEMS = [f"meedoen_{i}" for i in range(1, 8)] + [f"zingeving_{i}" for i in range(1, 8)]
LOSSE_SPINNENWEB = {
    "spinnenweb": [
        ["deelnemer_id", "meetmoment", "datum", "groep", *ITEMS],
        # meedoen: 4 of 7 answered (mean 6); zingeving: 3 of 7 (fewer than half: missing)
        ["P1", 0, D(2017, 10, 5), "Ons Huis van de Wijk", 4, 6, 8, 6, None, None, None, 5, 5, 5, None, None, None, None],
        # all 7 meedoen items: mean (1+2+3+4+5+6+7)/7 = 4; zingeving 7 x 9 = 9
        ["P2", 0, D(2017, 10, 5), "Ons Huis van de Wijk", 1, 2, 3, 4, 5, 6, 7, 9, 9, 9, 9, 9, 9, 9],
    ]
}
CONFIG = """naam: Proeftuin LibreOffice
levensdomeinen: [wonen, financien, gezondheid]
ontwerpprincipes:
  - {nr: 1, groep: willen, naam: Leefwereld, trefwoorden: [leefwereld]}
  - {nr: 2, groep: kunnen, naam: Samen leren, trefwoorden: [leren]}
"""

FILES = {
    HERE / "werkmap" / "gegevens.fods": WERKMAP,
    HERE / "losse_bestanden" / "casussen.fods": LOSSE_CASUSSEN,
    HERE / "losse_bestanden" / "spinnenweb.fods": LOSSE_SPINNENWEB,
}


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for path, sheets in FILES.items():
        path.parent.mkdir(exist_ok=True)
        (path.parent / "proeftuin.yml").write_text(CONFIG)
        source = HERE / "bronnen" / path.parent.name / path.name
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(fods(sheets), encoding="utf-8")
        if soffice:
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--convert-to",
                        "xlsx",
                        "--outdir",
                        str(path.parent),
                        str(source),
                    ],
                    check=True,
                    capture_output=True,
                )
        else:
            print(f"soffice ontbreekt: alleen {source} geschreven")


if __name__ == "__main__":
    main()
