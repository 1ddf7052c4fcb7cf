"""The regional view (regio.html, the dashboard's "Alle proeftuinen") and the Samenwerkwijze's buurten and regisseurs."""

import json
import re
import shutil
from pathlib import Path

import pytest
from IPython.display import HTML, Markdown

import leergeschiedenis as lg
from leergeschiedenis import batch, content, dashboard, narrative, regio, verslag
from leergeschiedenis.dataset import dataset_years

DATA = Path(__file__).parent / "data"
BUURTEN = ["A", "B", "C", "D", "E"]


def _maas(folder: Path) -> None:
    """Five buurten, a regisseur per case, 2014-2015; no kosten, no metingen, no sessions."""
    folder.mkdir()
    (folder / "proeftuin.yml").write_text(
        "naam: Proeftuin Maas\nwijken: [A, B, C, D, E]\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: L}\n"
        "privacy: {min_groepsgrootte: 3}\nwerkwijzen: [1gezin1plan1regisseur]\n",
        encoding="utf-8",
    )
    rows = [(2014, "T", "A", "Trajekt")] * 4 + [(2015, "T", b, "Trajekt") for b in BUURTEN]
    rows += [(2015, "M", "A", "MEE")] * 3 + [(2015, "M", "B", "Levanto")]
    lines = [f"C{i};individueel;{o};01-03-{y};aangemeld;{w};{r}" for i, (y, o, w, r) in enumerate(rows)]
    (folder / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;status;wijk;regisseur\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )


def _analyse(folder: Path, naam: str, min_n: int) -> None:
    shutil.copytree(DATA / "analyse", folder)
    yml = folder / "proeftuin.yml"
    text = yml.read_text(encoding="utf-8").replace("naam: Proeftuin Rekenvoorbeeld", f"naam: {naam}")
    yml.write_text(text.replace("min_groepsgrootte: 3", f"min_groepsgrootte: {min_n}"), encoding="utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("regio")
    _maas(root / "maas")
    _analyse(root / "reken", "Proeftuin Rekenvoorbeeld", 3)
    _analyse(root / "klein", "Proeftuin Klein", 50)  # too few people for any figure about them
    return root


@pytest.fixture(scope="module")
def reeksen(root) -> dict[str, list[dict]]:
    datasets = {}
    for folder in sorted(root.iterdir()):
        d = lg.load(folder)
        datasets[d.config.naam] = (d, [y for y in dataset_years(d) if y <= 2017])  # the analyse fixture's cases: 2016-2017
    return regio.from_datasets(datasets)


def _row(reeksen, naam: str) -> dict[str, str]:
    return {
        dict(zip(regio.HEADER, r, strict=True))["Proeftuin"]: dict(zip(regio.HEADER, r, strict=True)) for r in regio.rows(reeksen)
    }[naam]


def test_each_proeftuin_shows_its_latest_year(reeksen):
    maas = _row(reeksen, "Proeftuin Maas")
    assert maas["Jaar"] == "2015" and maas["Casussen"] == "9"
    assert maas["Groei t.o.v. vorig jaar"] == "2,2 keer zoveel (2014: 4)"  # 9 after 4, as the report says it
    assert [k["jaar"] for k in reeksen["Proeftuin Maas"]] == [2014, 2015]


def test_a_proeftuin_without_an_instrument_says_so(reeksen):
    maas = _row(reeksen, "Proeftuin Maas")
    assert maas["Besparing per casus"] == "geen kostenbestand"
    assert maas["Welbevinden (verandering)"] == "geen metingenbestand"
    assert maas["Bijeenkomsten"] == "geen leersessies"
    notes = regio.differences(reeksen)
    assert any(n.startswith("Proeftuin Maas 2015:") and "geen kostenbestand" in n for n in notes)
    assert any(n.startswith("De jaren verschillen") and "Proeftuin Maas: 2014–2015" in n for n in notes)


def test_suppressed_figures_stay_suppressed_with_their_reason(reeksen):
    klein, reken = _row(reeksen, "Proeftuin Klein"), _row(reeksen, "Proeftuin Rekenvoorbeeld")
    k = reeksen["Proeftuin Klein"][-1]
    assert k["kosten"]["besparing"] is None and k["welbevinden"]["verandering"] is None
    assert klein["Besparing per casus"] == "minder dan 50 personen"
    assert klein["Welbevinden (verandering)"] == "minder dan 50 personen"
    # the same data under the lower limit do show figures: only the gate made the difference
    assert reken["Besparing per casus"].startswith("€") and reken["Welbevinden (verandering)"][0] in "+-0"
    assert any("minder dan 50 personen" in n for n in regio.differences(reeksen))  # the limits differ


def test_every_figure_comes_from_the_gated_key_figures(reeksen):
    k = reeksen["Proeftuin Rekenvoorbeeld"][-1]
    expected = regio.fmt.euro(k["kosten"]["besparing"] / k["kosten"]["n_casussen"])
    assert _row(reeksen, "Proeftuin Rekenvoorbeeld")["Besparing per casus"].startswith(expected)


def test_goals_met_counts_judged_targets():
    k = {"doelen": [{"indicatoren": [{"gehaald": True}, {"gehaald": False}, {"gehaald": None}]}, {"indicatoren": [{}]}]}
    assert regio.doelen(k) == (1, 2)
    assert regio.doelen_text(k) == "1 van 2"
    assert regio.doelen_text({"doelen": []}) == "geen streefwaarden"


def test_regio_page_beside_the_index(reeksen, tmp_path):
    for naam, ks in reeksen.items():
        for k in ks:
            folder = tmp_path / naam.replace(" ", "-").lower() / str(k["jaar"])
            folder.mkdir(parents=True)
            (folder / "kerncijfers.json").write_text(json.dumps(k), encoding="utf-8")
    index = batch.write_index(tmp_path).read_text(encoding="utf-8")
    assert 'href="regio.html"' in index
    page = (tmp_path / "regio.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "<script" not in page and "http" not in page  # self-contained: no CDN, no scripts
    assert page.count("<svg") == 3 and all(n in page for n in reeksen)
    assert "geen kostenbestand" in page and "minder dan 50 personen" in page
    assert re.search(r'aria-label="Proeftuin Maas: casussen per jaar, 2014 4, 2015 9"', page)


def test_empty_regio():
    assert "Nog geen proeftuinen" in regio.fragment({})


# -- the dashboard's "Alle proeftuinen" ------------------------------------------------------------


def test_dashboard_alle_proeftuinen_and_back(root):
    d = dashboard.Dashboard(dashboard.discover(root))
    first = d.proeftuin.value
    assert d.proeftuin.options[-1] == dashboard.ALLE_PROEFTUINEN
    d.proeftuin.value = dashboard.ALLE_PROEFTUINEN
    assert d.tabs.layout.display == "none" and d.filters.layout.display == "none"
    assert d.regio.layout.display is None
    assert "Proeftuin Maas" in d.regio.value and "geen kostenbestand" in d.regio.value
    assert "Alle proeftuinen" in d.status.value
    d.proeftuin.value = first
    assert d.regio.layout.display == "none" and d.tabs.layout.display is None and d.filters.layout.display is None
    assert first in d.status.value


# -- the Samenwerkwijze chapter: buurten and regisseurs ---------------------------------------------


def _shown(monkeypatch, call) -> list[str]:
    out: list[str] = []

    def display(obj, **_):
        out.append(obj.data if isinstance(obj, Markdown | HTML) else f"FIGUUR: {obj.layout.title.text}")

    monkeypatch.setattr(verslag, "display", display)
    call()
    return out


def test_samenwerkwijze_shows_buurten_and_regisseurs_when_the_columns_are_there(monkeypatch, root):
    v = lg.YearView(lg.load(root / "maas"), 2015)
    shown = _shown(monkeypatch, verslag.Verslag(v).samenwerkwijze)
    assert any(s.startswith("FIGUUR: Casussen per buurt") for s in shown)
    assert any(s.startswith("FIGUUR: Casussen per organisatie van de regisseur") for s in shown)
    assert any("1 Gezin 1 Plan 1 Regisseur" in s and "Bij 9 casussen" in s for s in shown)
    assert "De casussen kwamen uit 5 buurten van de proeftuin." in shown
    fig = content.figure("casussen_per_regisseur", v)
    assert dict(zip(fig.data[0].y, fig.data[0].x, strict=True)) == {"Trajekt": 5, "MEE": 3, "Levanto": 1}
    assert set(content.figure("casussen_per_wijk", v).data[0].y) == set(BUURTEN)


def test_1_gezin_1_plan_1_regisseur_is_explained_because_proeftuin_yml_says_so_not_because_of_a_column(
    monkeypatch, root, tmp_path
):
    folder = tmp_path / "maas"
    shutil.copytree(root / "maas", folder)
    yml = folder / "proeftuin.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("werkwijzen: [1gezin1plan1regisseur]\n", ""), encoding="utf-8")
    shown = _shown(monkeypatch, verslag.Verslag(lg.YearView(lg.load(folder), 2015)).samenwerkwijze)
    assert any(s.startswith("FIGUUR: Casussen per organisatie van de regisseur") for s in shown)  # the column: its chart
    assert any(s.startswith("Bij 9 casussen van dit jaar is de regisseur geregistreerd") for s in shown)
    assert not any("1 Gezin 1 Plan 1 Regisseur" in s for s in shown)  # no claim about the way of working
    # the way of working without a regisseur column: explained, no chart
    cases_file = folder / "casussen.csv"
    rows = [line.rsplit(";", 1)[0] for line in cases_file.read_text(encoding="utf-8").splitlines()]
    cases_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    yml.write_text(yml.read_text(encoding="utf-8") + "werkwijzen: [1gezin1plan1regisseur]\n", encoding="utf-8")
    shown = _shown(monkeypatch, verslag.Verslag(lg.YearView(lg.load(folder), 2015)).samenwerkwijze)
    assert narrative.EEN_GEZIN in shown
    assert not any(s.startswith("FIGUUR: Casussen per organisatie van de regisseur") for s in shown)


def test_samenwerkwijze_without_the_columns_is_unchanged(monkeypatch, root):
    shown = _shown(monkeypatch, verslag.Verslag(lg.YearView(lg.load(root / "reken"), 2017)).samenwerkwijze)
    assert not any("buurt" in s or "regisseur" in s.lower() for s in shown)


def test_buurten_are_gated_with_a_filter(root):
    v = lg.YearView(lg.load(root / "maas"), 2015, lg.Filters(organisatie="M"))
    # M: A 3, B 1 (< 3) hidden, then A too (it would give B away)
    assert v.casussen_per_wijk.isna().all()
    fig = content.figure("casussen_per_wijk", v)
    assert "verborgen" in (fig.layout.title.text or "") + str(fig.layout.annotations)


@pytest.mark.slow
def test_the_rendered_report_has_the_buurten_and_the_regisseurs(root, tmp_path):
    from leergeschiedenis.report import render

    page = render(root / "maas", 2015, tmp_path).html.read_text(encoding="utf-8")
    assert "Casussen per buurt" in page and "Casussen per organisatie van de regisseur" in page
    assert "1 Gezin 1 Plan 1 Regisseur" in page
    assert "Elke staaf is een buurt van de proeftuin" in page  # the reading aid


def test_attendance_is_the_recurring_learning_sessions_not_every_event(reeksen):
    """Issue 16: like with like. The fixture's 2017: tweewekelijkse leersessies of 15 and (uncounted)
    participants, and a werkconferentie of 30: the column says 15, not (15 + 30) / 2 = 22,5."""
    assert _row(reeksen, "Proeftuin Rekenvoorbeeld")["Deelnemers per leersessie"] == "15,0"
