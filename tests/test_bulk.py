"""Issue 19: every proeftuin under a root validated at once (``bulk.load_all``, ``check --alle``).

The bulk path must say exactly what ``load`` says per folder: a property test builds roots of
messy proeftuinen (several sharing a column layout, so they are judged together) and compares
accounting, problems, tables and refused rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leergeschiedenis as lg
from leergeschiedenis.bulk import load_all
from leergeschiedenis.cli import main
from leergeschiedenis.contract import TABLES
from leergeschiedenis.errors import OnleesbareData

from .test_messy_input import CASE_ROWS, CASES, CONFIG, proeftuin

CLEAN = {"casussen.csv": CASES + CASE_ROWS}
REFUSED = {
    "casussen.csv": CASES + CASE_ROWS + "R-2017-003;individueel;GGZ;31-02-2017;mdo\nr-2017-001 ;individueel;GGD;07-09-2017;mdo\n"
}


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setenv("LEERGESCHIEDENIS_CACHE", "uit")


def hand_made_root(root: Path) -> Path:
    proeftuin(root / "a-schoon", CLEAN)
    proeftuin(root / "b-geweigerd", REFUSED)
    proeftuin(root / "c-onleesbaar", {"casussen.csv": b"\x89PNG\r\n\x1a\n" + bytes(40)})
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_all_gives_a_line_per_proeftuin_and_the_worst_exit_code(tmp_path, capsys):
    root = hand_made_root(tmp_path / "regio")
    code, out, _ = run(capsys, "check", str(root), "--alle")
    assert code == 2  # the unreadable one; the others are still checked
    lines = out.splitlines()
    assert lines[0] == "a-schoon      2 rijen gelezen, 0 geweigerd; 0 fouten, 0 meldingen"
    assert lines[1] == "b-geweigerd   4 rijen gelezen, 2 geweigerd; 2 fouten, 0 meldingen"
    assert lines[2].startswith("c-onleesbaar  ONLEESBAAR: casussen.csv is geen CSV-bestand maar een afbeelding (PNG)")
    assert "3 proeftuinen: 1 zonder geweigerde rijen, 1 met geweigerde rijen, 1 onleesbaar." in out


def test_check_all_exit_code_is_one_with_refused_rows_and_zero_when_clean(tmp_path, capsys):
    proeftuin(tmp_path / "r1" / "a", CLEAN)
    proeftuin(tmp_path / "r1" / "b", REFUSED)
    assert run(capsys, "check", str(tmp_path / "r1"), "--all")[0] == 1
    proeftuin(tmp_path / "r0" / "a", CLEAN)
    proeftuin(tmp_path / "r0" / "b", CLEAN)
    assert run(capsys, "check", str(tmp_path / "r0"), "--alle")[0] == 0


def test_check_all_json_has_each_proeftuin_as_check_json_has_it(tmp_path, capsys):
    root = hand_made_root(tmp_path / "regio")
    code, out, _ = run(capsys, "check", str(root), "--alle", "--json")
    assert code == 2
    got = json.loads(out)["proeftuinen"]
    assert list(got) == ["a-schoon", "b-geweigerd", "c-onleesbaar"]
    for name in ("a-schoon", "b-geweigerd"):
        assert run(capsys, "check", str(root / name), "--json")[1] == json.dumps(got[name], ensure_ascii=False, indent=2) + "\n"
    assert got["b-geweigerd"]["tabellen"]["casussen"] == {"gelezen": 4, "geaccepteerd": 2, "geweigerd": 2}
    assert [(p["rij"], p["kolom"]) for p in got["b-geweigerd"]["problemen"]] == [(4, "aanmelddatum"), (5, "casus_id")]
    assert got["b-geweigerd"]["problemen"][1]["melding"] == "r-2017-001 komt al voor in rij 2; alleen die eerste rij telt"
    assert got["c-onleesbaar"]["tabellen"] == {} and got["c-onleesbaar"]["problemen"] == []
    assert "afbeelding (PNG)" in got["c-onleesbaar"]["onleesbaar"]


def test_check_all_refuses_what_it_cannot_do(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path / "nergens"), "--alle")
    assert code == 2 and "bestaat niet" in err
    (tmp_path / "leeg").mkdir()
    code, _, err = run(capsys, "check", str(tmp_path / "leeg"), "--alle")
    assert code == 2 and "geen proeftuinmap" in err
    proeftuin(tmp_path / "r" / "a", CLEAN)
    code, _, err = run(capsys, "check", str(tmp_path / "r"), "--alle", "--export", str(tmp_path / "x.xlsx"))
    assert code == 2 and "--export" in err


def test_the_sample_in_one_run_equals_each_folder(capsys):
    root = Path(__file__).resolve().parents[1] / "data" / "sample"
    assert_same(root)


# --- the property: bulk equals per folder ----------------------------------------------------

# per column: values that are fine (mostly drawn) and messy ones (now and then)
IDS = (["R-1", "R-2", "R-3", "r-1 ", "R\u200b-2"], ["", "#N/B"])
DATES = (["05-09-2017", "2017-09-06", "6/9/2017", " 07-09-2017 12:00"], ["31-02-2017", "05-09-1850", "gisteren"])
OPTIONAL_DATES = (["05-09-2017", "2017-09-07", ""], ["01-01-2017", "31-02-2017", "gisteren"])
HEADS = {
    "casussen": [
        ("casus_id", IDS),
        ("soort", (["individueel", "Collectief"], ["anders", ""])),
        ("organisatie", (["GGZ", "ggd"], [""])),
        ("aanmelddatum", DATES),
        ("mdo_datum", OPTIONAL_DATES),
        ("status", (["mdo", "afgesloten"], ["open?", ""])),
        ("levensdomeinen", (["wonen", "", "wonen, Financiën"], ["zorg", "werk_en_dagbesteding, zorg"])),
        ("binnen_bestaand_aanbod", (["ja", "Nee", ""], ["misschien"])),
        ("ik_wil", (["tekst", 'met "aanhalingstekens"', "regel\nonder regel", "a;b", "", "  "], ["#DEEL/0!"])),
    ],
    "bijeenkomsten": [
        ("bijeenkomst", (["B1", "b1", "B2", "B3"], [""])),
        ("datum", DATES),
        ("soort", (["leersessie", "werkconferentie"], ["feest", ""])),
        ("deelnemers", (["8", "12", ""], ["1.040", "3,5", "-1"])),
        ("professionals", (["8", "3", ""], ["1.040", "x"])),
    ],
    "reflectiekaarten": [
        ("kaart_id", (["K1", "k1", "K2", "", "K3"], ["#N/B"])),
        ("datum", DATES),
        ("bijeenkomst", (["B1", "b1 ", "B2"], ["B9", ""])),
        ("rol", (["professional", "bewoner"], ["kat", ""])),
        ("geleerd", (["tekst", "regel\nonder regel"], ["", "  "])),
        ("themas", (["1", ""], ["1, 2", "9"])),
    ],
}
PRINCIPLE = "  - {nr: 1, groep: willen, naam: Leefwereld, trefwoorden: [leefwereld]}\n"
CONFIGS = [
    CONFIG,  # and one with other levensdomeinen and principles: their lists are parsed per proeftuin
    CONFIG.replace("[wonen, financien, werk_en_dagbesteding]", "[wonen, zorg]").replace(
        PRINCIPLE, PRINCIPLE + "  - {nr: 2, groep: kunnen, naam: Vertrouwen, trefwoorden: [vertrouwen]}\n"
    ),
]


def _cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text


def a_value(fine: list[str], messy: list[str]):
    """Mostly a fine value, so rows are accepted and references and uniqueness have work to do."""
    if not messy:
        return st.sampled_from(fine)
    return st.integers(0, 5).flatmap(lambda n: st.sampled_from(messy if n == 0 else fine))


@st.composite
def a_table(draw, name: str) -> str:
    columns = HEADS[name]
    required = {c.name for c in TABLES[name].columns if c.required}
    # a required column missing now and then (every row refused), an optional one often
    keep = [c for c in columns if (c[0] in required and draw(st.integers(0, 9))) or draw(st.booleans())]
    if draw(st.booleans()):
        keep = [*keep, ("opmerking", (["x", ""], []))]  # an unknown column, kept with a notice
    header = ";".join(name_ if draw(st.integers(0, 4)) else name_.replace("_", " ").title() for name_, _ in keep)
    rows = [header]
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.integers(0, 9)) == 0:
            rows.append("")  # a blank row: row numbers count it
            continue
        cells = [_cell(draw(a_value(*values))) for _, values in keep]
        if draw(st.integers(0, 14)) == 0:
            cells.append("over")  # a cell right of the header
        rows.append(";".join(cells))
    return "\n".join(rows) + "\n"


@st.composite
def a_root_spec(draw) -> list[tuple[dict[str, str], str]]:
    # each table in a few versions shared by several proeftuinen (those are judged together), and
    # each proeftuin with its own set of tables (a reference to a table it lacks is not checked)
    pools = {name: [draw(a_table(name)) for _ in range(draw(st.integers(1, 2)))] for name in HEADS}
    tuinen = []
    for _ in range(draw(st.integers(2, 6))):
        files = {f"{name}.csv": draw(st.sampled_from(pools[name])) for name in HEADS if name == "casussen" or draw(st.booleans())}
        tuinen.append((files, draw(st.sampled_from(CONFIGS))))
    return tuinen


def assert_same(root: Path) -> None:
    bulk = load_all(root)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "proeftuin.yml").is_file()):
        got = bulk[folder.name]
        try:
            expected = lg.load(folder)
        except OnleesbareData as e:
            assert isinstance(got, OnleesbareData) and str(got) == str(e)
            continue
        assert not isinstance(got, OnleesbareData), got
        assert json.dumps(got.as_check_json()) == json.dumps(expected.as_check_json())
        assert [p.regel for p in got.problems] == [p.regel for p in expected.problems]
        for name, table in expected.tables.items():
            pd.testing.assert_frame_equal(got.tables[name], table, obj=f"{folder.name}: {name}")
        for name, table in expected.refused.items():
            pd.testing.assert_frame_equal(got.refused[name], table, obj=f"{folder.name}: geweigerd {name}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=a_root_spec())
def test_bulk_equals_per_folder_on_messy_roots(tmp_path_factory, spec):
    root = tmp_path_factory.mktemp("regio")
    for i, (files, config) in enumerate(spec):
        proeftuin(root / f"p{i}", files, config)
    assert_same(root)


def test_each_proeftuin_keeps_its_own_settings_when_judged_together(tmp_path):
    """Three proeftuinen with the same files judged together: the one whose proeftuin.yml makes
    cards citable by default gets that, and a wijk allowed in one is refused in the other."""
    bijeenkomsten = "bijeenkomst;datum;soort\nLeersessie maart;05-03-2017;overig\n"
    cards = (
        "kaart_id;datum;bijeenkomst;rol;geleerd;toestemming_citaat\n"
        "K1;05-03-2017;Leersessie maart;professional;iets;\n"
        "K2;05-03-2017;leersessie maart ;professional;iets;nee\n"
    )
    cases = CASES.replace("status", "status;wijk") + "R-2017-001;individueel;GGZ;05-09-2017;mdo;Noord\n"
    files = {"casussen.csv": cases, "bijeenkomsten.csv": bijeenkomsten, "reflectiekaarten.csv": cards}
    root = tmp_path / "regio"
    proeftuin(root / "a", files)
    proeftuin(root / "b", files, CONFIG + "reflectiekaarten_citeerbaar: true\nwijken: [Noord, Zuid]\n")
    proeftuin(root / "c", files)
    assert_same(root)
    got = load_all(root)
    assert got["a"].reflectiekaarten["toestemming_citaat"].tolist() == [False, False]
    assert got["b"].reflectiekaarten["toestemming_citaat"].tolist() == [True, False]
    assert got["b"].accounting["casussen"].geweigerd == 0
    assert got["a"].accounting["casussen"].geweigerd == 1
