"""Issue 25's property: for any input ``check`` accepts (exit 0 or 1), the figures use exactly what
was checked. Every accepted value has its contract type, each kept column has one name, and
``kerncijfers``, the report's chapters and the dashboard's tabs run without an exception.

Folders are generated messy: CSV or a workbook per table, required columns now and then missing,
a contract column given twice (hidden or not, the second spelled as the contract name, or
`(oud)`), unknown columns, and in workbooks cells of every type Excel stores (numbers with a
number format, dates, yes/no values, errors). Rendering a report with papermill per example would
take seconds each: the property calls the library functions the report notebook and the dashboard
call (``Verslag``'s chapters with ``display`` caught, ``view_figures``/``view_texts``), and one real
render of a fixed messy folder is in ``test_a_messy_folder_renders_a_report`` (slow).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leergeschiedenis as lg
from leergeschiedenis.contract import TABLES
from leergeschiedenis.errors import OnleesbareData

from .test_messy_input import proeftuin

YEAR = 2017
IDS = ["R-1", "R-2", "R-3", "r-1 ", "R\u200b-2"]
# per column kind: values that are fine (mostly drawn), messy ones, and cells only a workbook has
FINE = {
    "identifier": IDS,
    "text": ["GGZ", "ggd", "Welzijn", "Één"],
    "date": ["05-09-2017", "2017-09-06", "6/9/2017", dt.datetime(2017, 10, 1)],
    "number": ["5", "7,5", 6, 8.5],
    "money": ["€ 65,00", "12,50", 40],
    "integer": ["8", "3", 12],
    "bool": ["ja", "Nee", "", True],
    "list": ["wonen", "", "wonen, Financiën"],
}
MESSY = {
    "identifier": ["", "#N/B", "jan-19", "1,00E+05"],
    "text": ["", "#DEEL/0!"],
    "date": ["31-02-2017", "gisteren", "05-09-1850", ""],
    "number": ["abc", "12", "1.040", "-1", ""],
    "money": ["€ 2,125", "-5", "x"],
    "integer": ["3,5", "x", "100000000000000000000", "-2"],
    "bool": ["misschien"],
    "list": ["zorg"],
}
CELLS = [  # what Excel stores in a sheet: (value, number format)
    (dt.datetime(2019, 1, 1), "mmm-yy"),
    (dt.datetime(2017, 4, 3), "d-mmm"),
    (0.65, "0%"),
    (100000, "0.00E+00"),
    (7, "000"),
    (True, None),
    (False, None),
    (3.5, None),
    (12, None),
    (dt.datetime(2017, 9, 5), "dd-mm-yyyy"),
    (dt.datetime(2917, 1, 1), "dd-mm-yyyy"),
]
ENUM_FINE = {
    "soort": ["individueel", "Collectief"],
    "status": ["mdo", "afgerond", "Uitvoering"],
    "meetmoment": ["voor", "na 6 weken", "Herhaling"],
    "scenario": ["huidig", "niets_doen", "proeftuinoplossing"],
    "financier": ["gemeente_wmo", "zorgverzekeraar"],
    "rol": ["professional", "wijkbewoner"],
    "versie": ["mpg_v1", ""],
    "georganiseerd_door": ["wijkbewoners", "samen"],
    "eenheid": ["aantal", "procent"],
    "wijk": [""],
}
# per table: the columns drawn from (the contract's, in its order), with fixed values where they must match
TABLE_COLUMNS = {
    "casussen": [
        "casus_id",
        "soort",
        "organisatie",
        "aanmelddatum",
        "mdo_datum",
        "status",
        "levensdomeinen",
        "binnen_bestaand_aanbod",
        "ik_wil",
    ],
    "metingen": ["casus_id", "meetmoment", "datum", "welbevinden"],
    "prijslijst": ["code", "omschrijving", "eenheid", "prijs", "financier", "jaar"],
    "kosten": ["casus_id", "scenario", "voorziening", "aantal"],
    "bijeenkomsten": ["bijeenkomst", "datum", "soort", "deelnemers", "professionals"],
    "reflectiekaarten": ["kaart_id", "datum", "bijeenkomst", "rol", "geleerd", "themas"],
    "spinnenweb": ["deelnemer_id", "meetmoment", "datum", "lichaamsfuncties", "meedoen", "zingeving"],
}
FIXED = {
    ("prijslijst", "code"): ["BEG", "DAG"],
    ("kosten", "voorziening"): ["BEG", "DAG", "ONB"],
    ("prijslijst", "jaar"): ["2017", 2017],
    ("prijslijst", "eenheid"): ["uur"],
    ("bijeenkomsten", "bijeenkomst"): ["B1", "b1 ", "B2"],
    ("reflectiekaarten", "bijeenkomst"): ["B1", "B2", "B9"],
    ("bijeenkomsten", "soort"): ["tweewekelijkse_leersessie", "werkconferentie"],
    ("spinnenweb", "meetmoment"): ["0", "1", 0],
    ("spinnenweb", "deelnemer_id"): ["P1", "P2", "p1"],
    ("reflectiekaarten", "themas"): ["1", ""],
    ("reflectiekaarten", "kaart_id"): ["K1", "K2", "", "k1"],
}


def _kind(table: str, column: str) -> str:
    c = TABLES[table].column(column)
    return "identifier" if c.identifier else c.kind


@st.composite
def a_value(draw, table: str, column: str, workbook: bool):
    kind = _kind(table, column)
    if (table, column) in FIXED:
        fine = FIXED[(table, column)]
    elif kind == "enum":
        fine = ENUM_FINE.get(column, [""])
    else:
        fine = FINE[kind]
    roll = draw(st.integers(0, 9))
    if workbook and roll == 0:
        return draw(st.sampled_from(CELLS))
    if roll == 1:
        return (draw(st.sampled_from(MESSY.get(kind, ["anders", ""]))), None)
    return (draw(st.sampled_from(fine)), None)


VARIANTS = ["{name}", "{Name} (oud)", "{Name}", "{name}"]


@st.composite
def a_table(draw, table: str, workbook: bool):
    """(header, rows of (value, format), hidden column letters)."""
    required = {c.name for c in TABLES[table].columns if c.required}
    columns = [c for c in TABLE_COLUMNS[table] if (c in required and draw(st.integers(0, 14))) or draw(st.booleans())]
    header = [c if draw(st.integers(0, 3)) else c.replace("_", " ").title() for c in columns]
    sources = list(columns)
    hidden: set[int] = set()
    if columns and draw(st.integers(0, 2)) == 0:  # one column given twice, one of the two maybe hidden
        twice = draw(st.sampled_from(columns))
        at = draw(st.integers(0, len(header)))
        name = draw(st.sampled_from(VARIANTS)).format(name=twice, Name=twice.replace("_", " ").capitalize())
        header.insert(at, name)
        sources.insert(at, twice)
        if workbook and draw(st.booleans()):
            hidden.add(draw(st.sampled_from([at, sources.index(twice)])))
    if draw(st.integers(0, 3)) == 0:
        for extra in draw(st.sampled_from([["Opmerking"], ["Opmerking", "opmerking"]])):
            header.append(extra)
            sources.append(None)
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        rows.append([draw(a_value(table, s, workbook)) if s else (draw(st.sampled_from(["x", ""])), None) for s in sources])
    return header, rows, hidden


@st.composite
def a_folder(draw) -> dict[str, tuple[bool, tuple]]:
    tables = ["casussen"] + [t for t in TABLE_COLUMNS if t != "casussen" and draw(st.booleans())]
    if "kosten" in tables and "prijslijst" not in tables:
        tables.append("prijslijst")
    spec = {}
    for t in tables:
        workbook = draw(st.booleans())
        spec[t] = (workbook, draw(a_table(t, workbook)))
    return spec


def write(folder: Path, spec: dict) -> Path:
    proeftuin(folder, {})
    for table, (workbook, (header, rows, hidden)) in spec.items():
        if workbook:
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = table
            ws.append(header)
            for r, row in enumerate(rows, start=2):
                for c, (value, fmt) in enumerate(row, start=1):
                    cell = ws.cell(row=r, column=c, value=None if value == "" else value)
                    if fmt:
                        cell.number_format = fmt
            for i in hidden:
                ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].hidden = True
            wb.save(folder / f"{table}.xlsx")
        else:
            lines = [";".join(header)] + [";".join(_csv(v) for v, _ in row) for row in rows]
            (folder / f"{table}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _csv(value: object) -> str:
    text = value.strftime("%d-%m-%Y") if isinstance(value, dt.datetime) else str(value)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text


# --- what "has its contract type" means, per kind --------------------------------------------


def assert_contract_types(d: lg.Dataset) -> None:
    for name, frame in d.tables.items():
        assert not frame.columns.duplicated().any(), f"{name}: a column name twice"
        for c in TABLES[name].columns:
            values = frame[c.name]
            present = values.dropna()
            where = f"{name}.{c.name}"
            match c.kind:
                case "text":
                    assert values.dtype == "string", where
                    assert all(isinstance(v, str) for v in present), where
                case "date":
                    assert str(values.dtype).startswith("datetime64"), where
                    assert all(1900 <= v.year <= 2100 for v in present), where
                case "number" | "money":
                    assert values.dtype == "float64", where
                case "integer":
                    assert values.dtype == "Int64", where
                case "bool":
                    assert values.dtype == "boolean", where
                case "list":
                    assert all(isinstance(v, list) for v in values), where
                case "enum":
                    if c.allowed:
                        assert isinstance(values.dtype, pd.CategoricalDtype), where
                        assert list(values.cat.categories) == list(c.allowed), where
                    assert all(isinstance(v, str) for v in present), where
            if c.kind in ("number", "money", "integer") and len(present):
                if c.minimum is not None:
                    assert present.min() >= c.minimum, where
                if c.maximum is not None:
                    assert present.max() <= c.maximum, where
            if c.required and not c.from_row:
                assert values.notna().all(), where


def what_the_figures_do(d: lg.Dataset, monkeypatch) -> None:
    """kerncijfers, every chapter of the report (as the notebook calls them) and the dashboard's tabs."""
    from leergeschiedenis import verslag as verslag_module
    from leergeschiedenis.dashboard import _key_figures_html, view_figures, view_texts
    from leergeschiedenis.dataset import dataset_years
    from leergeschiedenis.key_figures import kerncijfers
    from leergeschiedenis.publish import YearView

    years = dataset_years(d) or [YEAR]
    for year in sorted({years[-1], YEAR}):
        kerncijfers(YearView(d, year, controleren=False))  # a fixture may have no dated row at all
    view = YearView(d, years[-1], controleren=False)
    shown: list[object] = []
    monkeypatch.setattr(verslag_module, "display", lambda *objects, **_: shown.extend(objects))
    report = verslag_module.Verslag(view, publiceren=False)
    for chapter in (
        "titel",
        "samenvatting",
        "transitiemodel",
        "samenwerkwijze",
        "leersessies",
        "rendement",
        "positieve_gezondheid",
        "lessen",
        "wijk",
        "datakwaliteit",
    ):
        getattr(report, chapter)()
    assert shown
    assert view_texts(view) and _key_figures_html(view)
    assert all(fig is not None for fig in view_figures(view).values())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=a_folder())
def test_what_check_accepts_is_what_the_figures_use(tmp_path_factory, monkeypatch, spec):
    monkeypatch.setenv("LEERGESCHIEDENIS_CACHE", "uit")
    folder = write(tmp_path_factory.mktemp("rommel"), spec)
    try:
        d = lg.load(folder)
    except OnleesbareData:
        return  # exit 2: nothing is accepted, nothing is used
    for name, a in d.accounting.items():
        assert a.gelezen == a.geaccepteerd + a.geweigerd, name
        assert len(d.tables[name]) == a.geaccepteerd and len(d.refused[name]) == a.geweigerd, name
    assert_contract_types(d)
    what_the_figures_do(d, monkeypatch)


def test_the_generator_makes_what_the_property_needs():
    """The generator draws duplicated and hidden columns, and cells of every type, not only clean ones
    (a property over clean folders only would prove little)."""
    from hypothesis import find

    find(a_folder(), lambda s: any(w and spec[2] for w, spec in s.values()))  # a hidden column
    find(a_folder(), lambda s: any(len(set(h)) < len(h) or any("(oud)" in x for x in h) for _, (h, _, _) in s.values()))
    find(a_folder(), lambda s: any(fmt for w, (_, rows, _) in s.values() if w for row in rows for _, fmt in row))


@pytest.mark.slow
def test_a_messy_folder_renders_a_report(tmp_path, capsys):
    """One real papermill render of a folder with the round's messiness: a hidden old column, an id
    Excel made a date, a percentage, WAAR, duplicated and unknown columns."""
    from leergeschiedenis.cli import main

    from .test_messy_input_round3 import hidden_old_column, id_as_date

    folder = hidden_old_column(tmp_path / "p")
    other = id_as_date(tmp_path / "q")
    (folder / "casussen.csv").unlink()
    (other / "casussen.xlsx").rename(folder / "casussen.xlsx")
    code = main(["report", str(folder), "--jaar", "2019", "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and code == 0, err
    html = next((tmp_path / "out").rglob("leergeschiedenis-2019.html")).read_text(encoding="utf-8")
    assert "Datakwaliteit" in html
