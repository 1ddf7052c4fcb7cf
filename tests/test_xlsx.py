"""Workbooks really written by LibreOffice Calc (tests/data/libreoffice, made by make_fixtures.py)
and by openpyxl, as Excel writes them: real date cells, numbers, booleans, one sheet per table."""

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import leergeschiedenis as lg

LO = Path(__file__).parent / "data" / "libreoffice"


@pytest.fixture(scope="module")
def werkmap():
    return lg.load(LO / "werkmap")


def test_one_workbook_with_a_sheet_per_table(werkmap):
    assert {t: (s.bestand, s.sheet) for t, s in werkmap.sources.items()} == {
        "casussen": ("gegevens.xlsx", "casussen"),
        "metingen": ("gegevens.xlsx", "metingen"),
        "bijeenkomsten": ("gegevens.xlsx", "bijeenkomsten"),
        "reflectiekaarten": ("gegevens.xlsx", "reflectiekaarten"),
    }
    assert {t: (a.gelezen, a.geaccepteerd, a.geweigerd) for t, a in werkmap.accounting.items()} == {
        "casussen": (5, 3, 2),
        "metingen": (4, 2, 2),
        "bijeenkomsten": (1, 1, 0),
        "reflectiekaarten": (1, 1, 0),
    }


def test_planted_errors_at_libreoffices_row_numbers(werkmap):
    # row 4 of casussen is blank in LibreOffice, so L3 is row 5
    found = {(p.blad, p.rij, p.kolom): p.melding for p in werkmap.errors}
    assert set(found) == {
        ("casussen", 5, "aanmelddatum"),
        ("casussen", 6, "status"),
        ("metingen", 4, "welbevinden"),
        ("metingen", 5, "casus_id"),
    }
    assert "'31-02-2017' bestaat niet als datum" in found[("casussen", 5, "aanmelddatum")]
    assert "kies uit: aangemeld, mdo, uitvoering, afgerond, gestopt" in found[("casussen", 6, "status")]
    assert found[("metingen", 4, "welbevinden")] == "11 ligt buiten het bereik; toegestaan: van 1 tot en met 10"
    assert "'L9' komt niet voor in casussen" in found[("metingen", 5, "casus_id")]
    assert all(p.bestand == "gegevens.xlsx" for p in werkmap.errors)


def test_real_date_number_and_boolean_cells_are_typed(werkmap):
    c = werkmap.casussen
    assert c.index.tolist() == [2, 3, 7]
    assert c.loc[2, "aanmelddatum"] == pd.Timestamp("2016-09-05")
    assert c.loc[2, "mdo_datum"] == pd.Timestamp("2016-09-12")
    assert str(c["aanmelddatum"].dtype).startswith("datetime64")
    assert c.loc[2, "levensdomeinen"] == ["wonen", "financien"]
    assert (bool(c.loc[2, "binnen_bestaand_aanbod"]), bool(c.loc[3, "binnen_bestaand_aanbod"])) == (True, False)
    assert c.loc[3, "soort"] == "collectief"
    m = werkmap.metingen
    assert m["welbevinden"].tolist() == [4.0, 7.5] and m["welbevinden"].dtype == "float64"
    assert m["meetmoment"].tolist() == ["voor", "na_6_weken"]
    r = werkmap.reflectiekaarten
    assert r["themas"].tolist() == [["1", "2"]]
    assert r["kaart_id"].tolist() == ["gegevens-reflectiekaarten-r2"]


def test_file_named_after_a_table_reads_its_first_sheet():
    d = lg.load(LO / "losse_bestanden")
    assert (d.sources["casussen"].bestand, d.sources["casussen"].sheet) == ("casussen.xlsx", "Blad1")
    assert d.casussen["aanmelddatum"].tolist() == [pd.Timestamp("2017-10-02")]


def test_spinnenweb_items_from_libreoffice():
    s = lg.load(LO / "losse_bestanden").spinnenweb.set_index("deelnemer_id")
    assert s.loc["P1", "meedoen"] == pytest.approx((4 + 6 + 8 + 6) / 4)
    assert pd.isna(s.loc["P1", "zingeving"])  # 3 of 7 items: fewer than half
    assert s.loc["P2", "meedoen"] == pytest.approx(4.0)
    assert s.loc["P2", "zingeving"] == pytest.approx(9.0)
    assert pd.isna(s.loc["P2", "lichaamsfuncties"])


def test_excel_style_workbook_written_by_openpyxl(tmp_path):
    (tmp_path / "proeftuin.yml").write_text((LO / "werkmap" / "proeftuin.yml").read_text())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "casussen"
    ws.append(["Casus ID", "Soort", "Organisatie", "Aanmelddatum", "Status", "Binnen bestaand aanbod"])
    ws.append(["E1", "individueel", "GGZ", dt.datetime(2017, 1, 9), "afgerond", True])
    ws.append(["E2", "individueel", "GGZ", dt.date(2017, 2, 6), "mdo", "nee"])
    ws["D2"].number_format = "dd-mm-yyyy"
    metingen = wb.create_sheet("metingen")
    metingen.append(["casus_id", "meetmoment", "welbevinden"])
    metingen.append(["E1", "voor", 3.5])
    metingen.append(["E1", "na_6_weken", "#N/A"])
    wb.create_sheet("notities").append(["vrije tekst"])
    wb.save(tmp_path / "Registratie 2017.xlsx")
    d = lg.load(tmp_path)
    assert d.casussen["aanmelddatum"].tolist() == [pd.Timestamp("2017-01-09"), pd.Timestamp("2017-02-06")]
    assert d.casussen["binnen_bestaand_aanbod"].tolist() == [True, False]
    assert d.metingen["welbevinden"].tolist() == [3.5]
    [error] = d.errors
    assert (error.bestand, error.blad, error.rij, error.kolom, error.waarde) == (
        "Registratie 2017.xlsx",
        "metingen",
        3,
        "welbevinden",
        "#N/A",
    )
