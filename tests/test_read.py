"""CSV dialects and encodings, file discovery, and the errors that stop everything."""

import string
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leergeschiedenis as lg
from leergeschiedenis.names import normalize_name
from leergeschiedenis.read import decode_text, detect_separator

DATA = Path(__file__).parent / "data"
CONFIG = (DATA / "cp1252_puntkomma" / "proeftuin.yml").read_text()


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Casus ID", "casus_id"),
        (" MDO-datum ", "mdo_datum"),
        ("Thema's", "themas"),
        ("Ik heb nodig", "ik_heb_nodig"),
        ("Financiën", "financien"),
        ("Kaart.ID", "kaartid"),
    ],
)
def test_header_normalisation(header, name):
    assert normalize_name(header) == name


def test_windows_1252_semicolon_csv():
    d = lg.load(DATA / "cp1252_puntkomma")
    c = d.casussen
    assert c["organisatie"].tolist() == ["Zorgcoöperatie Één", "Café De Brug"]
    assert c.loc[2, "citaat"] == "Ik kreeg € 50 terug, geweldig"
    assert c.loc[2, "levensdomeinen"] == ["financien"]
    assert d.n_refused == 0


def test_utf8_bom_comma_csv():
    d = lg.load(DATA / "bom_komma")
    assert list(d.casussen.columns[:2]) == ["casus_id", "soort"]  # the BOM is not part of the first header
    assert d.casussen["aanmelddatum"].tolist() == [pd.Timestamp("2016-09-05"), pd.Timestamp("2016-09-06")]
    assert d.casussen.loc[2, "betrokken_organisaties"] == ["GGZ", "Woonbedrijf"]


def test_quoted_newline_blank_line_and_extra_cell_keep_spreadsheet_rows():
    d = lg.load(DATA / "multiline")
    assert d.casussen.loc[2, "citaat"] == "regel een\nregel twee"
    assert [(p.rij, p.kolom) for p in d.errors] == [(4, "aanmelddatum"), (5, None)]
    assert d.errors[1].waarde == "extra cel"
    assert d.accounting["casussen"].as_dict() == {"gelezen": 3, "geaccepteerd": 1, "geweigerd": 2}


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("dubbel_csv_xlsx", "Tabel 'casussen' staat er meer dan eens (casussen.csv en casussen.xlsx"),
        ("geen_casussen", "Het verplichte bestand 'casussen' (.csv of .xlsx) ontbreekt"),
        ("ongeldige_config", "proeftuin.yml: de verplichte sleutel 'naam' ontbreekt"),
        ("bestaat_niet", "De map"),
    ],
)
def test_unreadable_data_stops_with_one_dutch_message(folder, message):
    with pytest.raises(lg.OnleesbareData) as e:
        lg.load(DATA / folder)
    assert message in str(e.value)


def test_kosten_without_any_price_list_is_unreadable(tmp_path):
    (tmp_path / "proeftuin.yml").write_text(CONFIG)
    (tmp_path / "casussen.csv").write_text("casus_id,soort,organisatie,aanmelddatum,status\n")
    (tmp_path / "kosten.csv").write_text("casus_id,scenario,voorziening,aantal\n")
    with pytest.raises(lg.OnleesbareData, match="geen 'prijslijst'"):
        lg.load(tmp_path)


def test_shared_price_list_is_found_above_the_proeftuin_folder(tmp_path):
    folder = tmp_path / "sample" / "p"
    folder.mkdir(parents=True)
    (folder / "proeftuin.yml").write_text(CONFIG)
    (folder / "casussen.csv").write_text("casus_id,soort,organisatie,aanmelddatum,status\nC1,individueel,GGZ,2017-01-01,mdo\n")
    (folder / "kosten.csv").write_text("casus_id,scenario,voorziening,aantal\nC1,huidig,WV,2\n")
    (tmp_path / "prijslijst").mkdir()
    (tmp_path / "prijslijst" / "prijslijst.csv").write_text(
        "code,omschrijving,eenheid,prijs,financier,jaar\nWV,Wijkverpleging,uur,75.5,zorgverzekeraar,2017\n"
    )
    d = lg.load(folder)
    assert d.sources["prijslijst"].path == tmp_path / "prijslijst" / "prijslijst.csv"
    assert d.kosten["voorziening"].tolist() == ["WV"]


def test_other_files_are_reported_not_read(tmp_path):
    (tmp_path / "proeftuin.yml").write_text(CONFIG)
    (tmp_path / "casussen.csv").write_text("casus_id,soort,organisatie,aanmelddatum,status\n")
    (tmp_path / "oud.xls").write_bytes(b"x")
    (tmp_path / "notities.csv").write_text("a\n1\n")
    (tmp_path / "~$casussen.xlsx").write_bytes(b"lock")
    notices = {(p.bestand, p.melding) for p in lg.load(tmp_path).problems}
    assert ("oud.xls", "dit bestandstype wordt niet gelezen: sla het op als .xlsx of .csv") in notices
    assert ("notities.csv", "CSV-bestand hoort bij geen enkele tabel en wordt niet gelezen") in notices
    assert not any(b.startswith("~$") for b, _ in notices)


def test_separator_detection():
    assert detect_separator("a;b;c\n1,5;2;3") == ";"
    assert detect_separator("a,b,c\n1;2;3") == ","


def test_decoding_falls_back_to_windows_1252_and_refuses_binary():
    assert decode_text("é".encode("cp1252"), "x.csv") == "é"
    assert decode_text(b"\xef\xbb\xbfa", "x.csv") == "a"
    with pytest.raises(lg.OnleesbareData, match="geen leesbare tekst"):
        decode_text(b"\x81\x8d\x8f\x90\x9d", "x.csv")


cell = st.one_of(
    st.just(""),
    st.text(alphabet=string.printable + 'éë€;,"\n', max_size=12),
    st.sampled_from(["C1", "05-09-2016", "ja", "7,5", "voor", "individueel"]),
)
HEADER = "casus_id;soort;organisatie;aanmelddatum;status;levensdomeinen;binnen_bestaand_aanbod;extra"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=10), max_size=8))
def test_random_cells_never_crash_and_rows_always_add_up(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("p")
    (folder / "proeftuin.yml").write_text(CONFIG)
    text = HEADER + "\n" + "\n".join(";".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows) + "\n"
    (folder / "casussen.csv").write_text(text, encoding="utf-8")
    d = lg.load(folder)
    a = d.accounting["casussen"]
    assert a.gelezen == a.geaccepteerd + a.geweigerd
    assert len(d.casussen) == a.geaccepteerd
    assert set(d.refused["casussen"].index) == {p.rij for p in d.errors}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_give_accounting_or_a_clear_error(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("p")
    (folder / "proeftuin.yml").write_text(CONFIG)
    (folder / f"casussen{suffix}").write_bytes(data)
    try:
        d = lg.load(folder)
    except lg.OnleesbareData as e:
        assert "casussen" in str(e)
        return
    a = d.accounting["casussen"]
    assert a.gelezen == a.geaccepteerd + a.geweigerd
