"""`leergeschiedenis sample OUT_DIR --schaal N`: N = 1 is the ordinary sample, larger N a whole programme."""

import re
from pathlib import Path

import pytest

import leergeschiedenis as lg
from leergeschiedenis.cli import main
from leergeschiedenis.contract import ORDER
from leergeschiedenis.dataset import proeftuin_folders
from leergeschiedenis.sample import write_sample
from leergeschiedenis.sample.schaal import folder_name, grootte, opzet, write_proeftuin

ROOT = Path(__file__).parent.parent
COMMITTED = ROOT / "data"
EXTRA = ("proeftuin-0001-", "proeftuin-0002-")

# the neighbourhood tables of issue 14: Ruwaard has them, Deurne and the generated proeftuinen do not
WIJKTABELLEN = ("activiteiten", "wijkbudget", "wijkprofiel")
SAMPLE_TABLES = [t for t in ORDER if t not in WIJKTABELLEN]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _rows(path: Path) -> int:
    """Data rows of a generated CSV (no field of the generator spans lines)."""
    return path.read_bytes().count(b"\n") - 1


@pytest.fixture(scope="module")
def schaal3(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("schaal") / "programma"
    assert main(["sample", str(out), "--schaal", "3"]) == 0
    return out


@pytest.fixture(scope="module")
def loaded(schaal3) -> dict[str, lg.Dataset]:
    return {f.name: lg.load(f) for f in proeftuin_folders(schaal3)}


# --- N = 1 is the ordinary sample --------------------------------------------


def test_schaal_1_is_the_committed_sample_byte_for_byte(tmp_path, capsys):
    assert main(["sample", str(tmp_path / "uit"), "--schaal", "1"]) == 0
    fresh = _files(tmp_path / "uit")
    committed = {f"prijslijst/{k}": v for k, v in _files(COMMITTED / "prijslijst").items()}
    committed |= _files(COMMITTED / "sample")
    assert sorted(fresh) == sorted(committed)
    for name, content in committed.items():
        assert fresh[name] == content, name
    assert f"{len(committed)} bestanden" in capsys.readouterr().out


def test_schaal_below_1_is_refused(tmp_path, capsys):
    assert main(["sample", str(tmp_path / "uit"), "--schaal", "0"]) == 2
    assert "--schaal" in capsys.readouterr().err
    assert not (tmp_path / "uit").exists()


# --- N = 3: two generated proeftuinen beside Ruwaard, Deurne and Maastricht ---------------


def test_schaal_3_writes_the_sample_plus_two_proeftuinen_and_one_price_list(schaal3):
    folders = {p.name for p in schaal3.iterdir()}
    assert folders == {folder_name(1), folder_name(2), "deurne", "maastricht", "prijslijst", "ruwaard"}
    assert folder_name(1).startswith(EXTRA[0]) and folder_name(2).startswith(EXTRA[1])
    assert [p.name for p in (schaal3 / "prijslijst").iterdir()] == ["prijslijst.csv"]
    for folder in (folder_name(1), folder_name(2)):
        names = {p.name for p in (schaal3 / folder).iterdir()}
        assert names == {"proeftuin.yml"} | {f"{t}.csv" for t in SAMPLE_TABLES if t != "prijslijst"}


def test_schaal_3_is_deterministic_and_proeftuin_i_does_not_depend_on_n(schaal3, tmp_path):
    write_sample(tmp_path / "nogmaals", schaal=3)
    assert _files(tmp_path / "nogmaals") == _files(schaal3)
    write_proeftuin(tmp_path / "los", 2)
    assert _files(tmp_path / "los" / folder_name(2)) == _files(schaal3 / folder_name(2))


def test_the_ordinary_sample_is_untouched_inside_a_larger_scale(schaal3):
    for sub in ("ruwaard", "deurne", "maastricht"):
        assert _files(schaal3 / sub) == _files(COMMITTED / "sample" / sub)


def test_every_proeftuin_loads_with_nothing_refused(loaded):
    assert len(loaded) == 5
    for name, d in loaded.items():
        assert d.n_refused == 0, name
        assert d.errors == [], name
        expected = set(SAMPLE_TABLES) - ({"kosten"} if name == "deurne" else set())
        if name == "maastricht":  # cases, sessions and cards only: no micro-analyses, no spinnenweb
            expected = {"prijslijst", "casussen", "bijeenkomsten", "reflectiekaarten"}
        assert set(d.accounting) == expected | (set(WIJKTABELLEN) if name == "ruwaard" else set()), name
        # Deurne-style teams add a column of their own; a status past a date left empty is a notice per case
        assert {p.kolom for p in d.problems if p.regel not in ("te_weinig_items", "status_datum")} <= {"regisseur"}, name
        assert d.sources["prijslijst"].path.parent.name == "prijslijst"


@pytest.mark.parametrize("prefix", EXTRA)
def test_check_accepts_every_generated_proeftuin(schaal3, prefix, capsys):
    folder = next(schaal3.glob(prefix + "*"))
    assert main(["check", str(folder)]) == 0
    assert "geweigerd" in capsys.readouterr().out


def test_the_two_styles_alternate_and_the_spinnenweb_level_varies(schaal3):
    first, second = (next(schaal3.glob(p + "*")) for p in EXTRA)
    assert (first / "casussen.csv").read_bytes().startswith(b"\xef\xbb\xbfCasus ID;")
    assert re.search(rb";\d\d-\d\d-20\d\d;", (first / "casussen.csv").read_bytes())
    assert (second / "casussen.csv").read_bytes().startswith(b"casus_id,")
    assert re.search(rb",20\d\d-\d\d-\d\d,", (second / "casussen.csv").read_bytes())
    assert b"kaart_id" not in (second / "reflectiekaarten.csv").read_bytes()[:200]
    assert opzet(2).items and not opzet(1).items
    assert b"meedoen_7" in (second / "spinnenweb.csv").read_bytes()[:2000]
    assert b"Meedoen;" in (first / "spinnenweb.csv").read_bytes()[:500]


def test_counts_scale_with_the_size_of_each_proeftuin(loaded):
    for name, d in loaded.items():
        if not name.startswith(EXTRA):
            continue
        o = opzet(int(name.split("-")[1]))
        cases, web = len(d.casussen), len(d.spinnenweb)
        assert cases == sum(jp.casussen for jp in o.plan.jaren)
        assert 0.7 * 150 * o.grootte <= cases <= 1.3 * 150 * o.grootte + 15
        assert d.spinnenweb["deelnemer_id"].nunique() == o.deelnemers
        assert 0.6 * 680 * o.grootte <= o.deelnemers <= 1.4 * 680 * o.grootte + 12
        assert o.deelnemers <= web <= 5 * o.deelnemers
        assert len(d.metingen) >= 3 and len(d.kosten) >= 10
        assert len(d.bijeenkomsten) >= 5 and len(d.reflectiekaarten) >= 50
    sizes = [grootte(i) for i in range(1, 41)]
    assert min(sizes) < 0.4 and max(sizes) > 2.5  # some small, some large
    assert 1.2 <= sum(sizes) / len(sizes) <= 1.55  # lognormal mean e^(0.8^2/2) = 1.38


def test_generated_proeftuinen_keep_the_sample_realism(loaded):
    for name, d in loaded.items():
        if not name.startswith(EXTRA):
            continue
        assert d.config.gemeente and d.config.naam.startswith("Proeftuin ") and len(d.config.partners) >= 4
        assert len(d.config.ontwerpprincipes) == 9
        # micro-analyses: welbevinden up and every proeftuinoplossing cheaper than doing nothing
        grades = d.metingen.pivot(index="casus_id", columns="meetmoment", values="welbevinden")
        assert (grades["na_6_weken"] - grades["voor"]).mean() > 1
        prices = d.prijslijst[d.prijslijst["jaar"] == 2017][["code", "prijs"]]
        lines = d.kosten.merge(prices, left_on="voorziening", right_on="code", validate="many_to_one")
        lines["bedrag"] = lines["aantal"] * lines["prijs"]
        lines["scenario"] = lines["scenario"].astype(str)
        per_case = lines.pivot_table(index="casus_id", columns="scenario", values="bedrag", aggfunc="sum", fill_value=0)
        assert set(per_case.index) == set(grades.index)
        assert (per_case["proeftuinoplossing"] < per_case["niets_doen"]).all()
        # spinnenweb: pseudonyms, groups no smaller than the privacy threshold, improvement over time
        s = d.spinnenweb
        assert s["deelnemer_id"].str.fullmatch(r"[A-Z]+-P\d{4}").all()
        nul = s[s["meetmoment"] == 0].groupby("groep")["deelnemer_id"].nunique()
        assert (nul >= d.config.privacy.min_groepsgrootte).all()
        means = s.groupby("meetmoment")["meedoen"].mean()
        assert means.iloc[-1] > means.iloc[0]
        years = set(d.casussen["aanmelddatum"].dt.year)
        assert set(s["datum"].dt.year) <= years and set(d.bijeenkomsten["datum"].dt.year) <= years
        assert set(d.reflectiekaarten["bijeenkomst"]) <= set(d.bijeenkomsten["bijeenkomst"])


def test_names_and_folders_are_unique_across_a_national_programme():
    folders = [folder_name(i) for i in range(1, 2001)]
    assert len(set(folders)) == len(folders)
    assert all(re.fullmatch(r"proeftuin-\d{4}-[a-z0-9-]+", f) for f in folders)
    names = [opzet(i).plan.config["naam"] for i in range(1, 201)]
    assert len(set(names)) == len(names)


# --- N = 20, extrapolated to a national programme of 500 --------------------


@pytest.mark.slow
def test_schaal_20_extrapolates_to_1e5_cases_and_1e6_spinnenweb_rows_at_500(tmp_path):
    import time

    start = time.perf_counter()
    write_sample(tmp_path, schaal=20)
    assert time.perf_counter() - start < 30
    folders = [f for f in proeftuin_folders(tmp_path) if f.name.startswith("proeftuin-")]
    assert len(folders) == 19
    cases = [_rows(f / "casussen.csv") for f in folders]
    web = [_rows(f / "spinnenweb.csv") for f in folders]
    for f, n_cases, n_web in zip(folders, cases, web, strict=True):
        d = lg.load(f)
        assert d.n_refused == 0 and d.errors == [], f.name
        assert (len(d.casussen), len(d.spinnenweb)) == (n_cases, n_web)
    base_cases = _rows(tmp_path / "ruwaard" / "casussen.csv") + _rows(tmp_path / "deurne" / "casussen.csv")
    base_web = _rows(tmp_path / "ruwaard" / "spinnenweb.csv") + _rows(tmp_path / "deurne" / "spinnenweb.csv")
    at_500_cases = base_cases + 499 * sum(cases) / len(cases)
    at_500_web = base_web + 499 * sum(web) / len(web)
    assert 0.6e5 <= at_500_cases <= 1.6e5, at_500_cases
    assert 0.6e6 <= at_500_web <= 1.6e6, at_500_web
    assert min(cases) < 80 and max(cases) > 300  # small and large proeftuinen
