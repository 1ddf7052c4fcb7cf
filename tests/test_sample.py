"""The synthetic sample: reproducible byte for byte, accepted by the contract, and showing what sample.py's docstring promises."""

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

import leergeschiedenis as lg
from leergeschiedenis import cases, reflections
from leergeschiedenis.config import INDICATOREN
from leergeschiedenis.contract import DOMEINEN, FINANCIERS, ORDER
from leergeschiedenis.key_figures import kerncijfers
from leergeschiedenis.sample import price_list_dir, write_price_list, write_sample

ROOT = Path(__file__).parent.parent
COMMITTED = ROOT / "data"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A fresh sample in <tmp>/data/sample, with its price list in <tmp>/data/prijslijst, as in the repository."""
    data = tmp_path_factory.mktemp("gen") / "data"
    write_sample(data / "sample")
    return data


@pytest.fixture(scope="module")
def ruwaard(generated):
    return lg.load(generated / "sample" / "ruwaard")


@pytest.fixture(scope="module")
def deurne(generated):
    return lg.load(generated / "sample" / "deurne")


@pytest.fixture(scope="module")
def maastricht(generated):
    return lg.load(generated / "sample" / "maastricht")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- reproducible ----------------------------------------------------------


@pytest.mark.parametrize("sub", ["sample", "prijslijst"])
def test_regenerating_gives_the_committed_files_byte_for_byte(generated, sub):
    committed = _files(COMMITTED / sub)
    assert committed, f"data/{sub} is missing: run `leergeschiedenis sample data/sample`"
    fresh = _files(generated / sub)
    assert sorted(fresh) == sorted(committed)
    for name in committed:
        assert fresh[name] == committed[name], f"data/{sub}/{name} differs from a fresh run: regenerate and commit"


def test_write_price_list_alone_writes_the_same_file(generated, tmp_path):
    path = write_price_list(tmp_path / "prijslijst.csv")
    assert path.read_bytes() == (generated / "prijslijst" / "prijslijst.csv").read_bytes()


def test_price_list_goes_beside_data_sample_and_inside_any_other_out_dir(tmp_path):
    assert price_list_dir(tmp_path / "data" / "sample") == (tmp_path / "data" / "prijslijst").resolve()
    assert price_list_dir(tmp_path / "elders") == tmp_path / "elders" / "prijslijst"


def test_any_out_dir_is_loadable_on_its_own(tmp_path):
    written = write_sample(tmp_path / "x")
    assert (tmp_path / "x" / "prijslijst" / "prijslijst.csv") in written
    d = lg.load(tmp_path / "x" / "ruwaard")
    assert d.sources["prijslijst"].path == tmp_path / "x" / "prijslijst" / "prijslijst.csv"
    assert d.n_refused == 0


# --- accepted by the contract ----------------------------------------------


def test_ruwaard_every_row_accepted_without_any_error(ruwaard):
    assert ruwaard.n_refused == 0
    assert ruwaard.errors == []
    # no unknown or doubled columns either; a domain with too few items answered is a notice (the contract's)
    assert not [p for p in ruwaard.problems if p.kolom and p.regel not in ("te_weinig_items", "status_datum")]
    _status_notices_are_the_planted_missing_dates(ruwaard)
    assert set(ruwaard.accounting) == set(ORDER)  # every table of the contract


def test_deurne_every_row_accepted_without_notices_about_columns(deurne):
    assert deurne.n_refused == 0
    assert deurne.errors == []
    # its own column regisseur is a contract column since issue 14
    assert [p.kolom for p in deurne.problems if p.kolom and p.regel != "status_datum"] == []
    _status_notices_are_the_planted_missing_dates(deurne)
    assert "kosten" not in deurne.accounting
    assert not {"activiteiten", "wijkbudget", "wijkprofiel"} & set(deurne.accounting)  # a proeftuin without them


def test_the_two_proeftuinen_use_different_dialects(generated):
    r = (generated / "sample" / "ruwaard" / "casussen.csv").read_bytes()
    d = (generated / "sample" / "deurne" / "casussen.csv").read_bytes()
    assert r.startswith(b"\xef\xbb\xbfCasus ID;") and b";Afgerond;" in r
    assert d.startswith(b"casus_id,") and b",afgerond," in d
    assert b"Na 6 weken;" in (generated / "sample" / "ruwaard" / "metingen.csv").read_bytes()
    assert b"2019-" in d and b"-2017;" in r
    assert "€ " in (generated / "prijslijst" / "prijslijst.csv").read_text(encoding="utf-8-sig")


# --- Ruwaard shows what sample.py promises ---------------------------------


def test_ruwaard_grows_from_about_30_to_about_200_cases(ruwaard):
    per_year = ruwaard.casussen["aanmelddatum"].dt.year.value_counts()
    assert 25 <= per_year[2016] <= 35
    assert 180 <= per_year[2017] <= 220
    assert 2018 in per_year
    assert ruwaard.casussen["organisatie"].nunique() == 9


def test_ruwaard_lead_times_get_shorter(ruwaard):
    medians = [
        cases.lead_time_summary(cases.of_year(ruwaard.casussen, y)).loc["aanmelding_oplossing", "mediaan"]
        for y in (2016, 2017, 2018)
    ]
    assert medians[0] > medians[1] > medians[2]


def test_ruwaard_cases_have_texts_quotes_with_and_without_consent(ruwaard):
    c = ruwaard.casussen
    assert c["ik_wil"].notna().mean() > 0.9
    quoted = c[c["citaat"].notna()]
    consent = quoted["toestemming_citaat"].fillna(False).astype(bool)
    assert consent.sum() >= 5 and (~consent).sum() >= 3
    assert c["soort"].astype(str).eq("collectief").sum() >= 10
    assert set(c["status"].astype(str)) >= {"afgerond", "gestopt", "uitvoering"}


def _grades(d) -> pd.DataFrame:
    return d.metingen.pivot(index="casus_id", columns="meetmoment", values="welbevinden")


def test_ruwaard_25_micro_analyses_with_welbevinden_up_by_more_than_5(ruwaard):
    grades = _grades(ruwaard)
    assert len(grades) == 25
    ids = set(grades.index)
    years = ruwaard.casussen.set_index("casus_id").loc[sorted(ids), "aanmelddatum"].dt.year
    assert set(years) == {2016, 2017}
    change = (grades["na_6_weken"] - grades["voor"]).mean()
    assert change > 5


def _annual_costs(d, year: int) -> pd.DataFrame:
    prices = d.prijslijst[d.prijslijst["jaar"] == year][["code", "prijs", "financier"]]
    lines = d.kosten.merge(prices, left_on="voorziening", right_on="code", how="left", validate="many_to_one")
    assert lines["prijs"].notna().all()
    lines["bedrag"] = lines["aantal"] * lines["prijs"]
    lines["scenario"] = lines["scenario"].astype(str)
    lines["financier"] = lines["financier"].astype(str)
    return lines


def test_ruwaard_proeftuinoplossing_costs_less_than_doing_nothing_in_all_25(ruwaard):
    lines = _annual_costs(ruwaard, 2017)
    per_case = lines.pivot_table(index="casus_id", columns="scenario", values="bedrag", aggfunc="sum", fill_value=0)
    assert set(per_case.index) == set(_grades(ruwaard).index)
    assert len(per_case) == 25
    assert (per_case["proeftuinoplossing"] < per_case["niets_doen"]).all()
    assert (per_case["huidig"] < per_case["niets_doen"]).all()


def test_ruwaard_some_financier_pays_more_for_the_proeftuinoplossing(ruwaard):
    lines = _annual_costs(ruwaard, 2017)
    per_financier = lines.pivot_table(index="financier", columns="scenario", values="bedrag", aggfunc="sum", fill_value=0)
    assert len(per_financier) >= 6
    assert set(per_financier.index) <= set(FINANCIERS)
    assert (per_financier["proeftuinoplossing"] > per_financier["niets_doen"]).any()
    assert (per_financier["proeftuinoplossing"] < per_financier["niets_doen"]).any()


def test_ruwaard_sessions_about_14_a_year_and_attendance_grows(ruwaard):
    b = ruwaard.bijeenkomsten
    per_year = b["datum"].dt.year.value_counts()
    assert all(10 <= per_year[y] <= 16 for y in (2016, 2017, 2018))
    leersessies = b[b["soort"].astype(str) == "tweewekelijkse_leersessie"].sort_values("datum")
    in_2017 = leersessies[leersessies["datum"].dt.year == 2017]["deelnemers"].dropna()
    assert in_2017.iloc[0] <= 18 and in_2017.iloc[-1] >= 30
    parts = b[["wijkbewoners", "professionals", "managers", "bestuurders"]]
    counted = parts.notna().all(axis=1)
    assert (parts[counted].sum(axis=1) <= b.loc[counted, "deelnemers"]).all()


def test_ruwaard_cards_from_every_role_coded_by_hand_and_by_keyword(ruwaard):
    k = ruwaard.reflectiekaarten
    roles = set(k["rol"].astype(str))
    assert {"wijkbewoner", "professional", "manager", "bestuurder"} <= roles and len(roles) >= 6
    assert set(k["bijeenkomst"]) <= set(ruwaard.bijeenkomsten["bijeenkomst"])
    coded = reflections.code_cards(k, ruwaard.config)
    counts = coded["bron"].value_counts()
    assert counts["handmatig"] >= 20 and counts["automatisch"] > counts["handmatig"] and counts["geen"] > 0
    assert k["toestemming_citaat"].sum() >= 20
    assert k["kaart_id"].is_unique


@pytest.mark.parametrize("name", ["ruwaard", "deurne", "maastricht"])
def test_every_keyword_of_every_principle_occurs_in_the_cards(name, request):
    d = request.getfixturevalue(name)
    found: dict[str, set[str]] = {}
    for _, card in d.reflectiekaarten.iterrows():
        for nr, words in reflections.automatic_themes(reflections.card_text(card), d.config).items():
            found.setdefault(nr, set()).update(words)
    for p in d.config.ontwerpprincipes:
        assert set(p.trefwoorden) <= found.get(str(p.nr), set()), (p.nr, set(p.trefwoorden) - found.get(str(p.nr), set()))


def test_ruwaard_principles_three_per_group():
    import yaml

    config = yaml.safe_load((COMMITTED / "sample" / "ruwaard" / "proeftuin.yml").read_text(encoding="utf-8"))
    groups = pd.Series([p["groep"] for p in config["ontwerpprincipes"]]).value_counts().to_dict()
    assert groups == {"willen": 3, "kunnen": 3, "nodig": 3}
    assert all(3 <= len(p["trefwoorden"]) <= 6 for p in config["ontwerpprincipes"])


def test_ruwaard_spinnenweb_13_participants_items_and_improvement(ruwaard):
    s = ruwaard.spinnenweb
    per_moment = s.groupby("meetmoment")["deelnemer_id"].nunique().to_dict()
    assert per_moment[0] == 13 and set(per_moment) == {0, 1, 2}
    first = s[s["meetmoment"] == 0]
    assert first["datum"].dt.strftime("%Y-%m").eq("2017-10").all()
    assert set(s.loc[s["meetmoment"] == 1, "datum"].dt.strftime("%Y-%m")) == {"2018-04"}
    assert set(s.loc[s["meetmoment"] == 2, "datum"].dt.strftime("%Y-%m")) == {"2018-12"}
    assert set(s["versie"].astype(str)) == {"mpg_v1"}
    assert set(s["groep"]) == {"Ons Huis van de Wijk"}
    assert s[list(DOMEINEN)].isna().sum().sum() >= 1  # a domain with too few answered items stays empty
    means = s.groupby("meetmoment")[list(DOMEINEN)].mean().mean(axis=1)
    assert means[0] < means[1] < means[2]


# --- Deurne ----------------------------------------------------------------


def test_deurne_small_later_and_in_its_own_style(deurne):
    c = deurne.casussen
    assert len(c) < 60
    assert set(c["aanmelddatum"].dt.year) == {2019, 2020}  # the first two years of 2019-2022
    assert set(deurne.config.levensdomeinen) >= {"werk_en_inkomen", "opvoeding_en_onderwijs"}
    assert len(deurne.config.doelen) == 5
    assert c["regisseur"].notna().any()
    assert len(_grades(deurne)) >= 5
    assert deurne.reflectiekaarten["kaart_id"].str.startswith("reflectiekaarten-r").all()
    s = deurne.spinnenweb
    assert set(s["versie"].astype(str)) == {"eenvoudig"}
    assert s.groupby("meetmoment")["deelnemer_id"].nunique()[0] >= 10
    assert {"wijkbewoner", "professional", "manager", "bestuurder"} <= set(deurne.reflectiekaarten["rol"].astype(str))


# --- the neighbourhood level (issue 14) ------------------------------------

RUWAARD_DOELEN = [
    "Lagere maatschappelijke kosten",
    "Betere, meer integrale zorg, welzijn en wonen",
    "Betere gezondheid en ervaren kwaliteit van leven van individuele wijkbewoners",
    "Meer collectieve betrokkenheid en verantwoordelijkheid van wijkbewoners",
    "Betere steunende systemen (die het bovenstaande bevorderen)",
]
DEURNE_DOELEN = [
    "Vergroten van participatie en waar mogelijk meer regie van inwoners",
    "Verhogen van welbevinden bij de inwoners",
    "Stimuleren van integrale persoonsgerichte zorg en ondersteuning",
    "Positievere invulling van de beroepen in zorg en ondersteuning",
    "Beter gebruikmaken van de mogelijkheden en deskundigheid van zorg en ondersteuning; met dezelfde middelen meer doen",
]
REDENEN = {"geen_gegevens", "nog_niet_gemeten", "te_weinig_personen", "herleidbaar"}


def _codes(doel) -> list[str]:
    return [] if isinstance(doel, str) else doel.codes


@pytest.fixture(scope="module")
def ruwaard_2018(ruwaard):
    return kerncijfers(ruwaard, 2018)


def test_ruwaard_five_goals_each_with_indicators_of_the_catalogue(ruwaard):
    doelen = ruwaard.config.doelen
    assert [str(d) for d in doelen] == RUWAARD_DOELEN
    for doel in doelen:
        assert _codes(doel), doel
        assert set(_codes(doel)) <= set(INDICATOREN), doel
    assert any(i.streef is not None for d in doelen for i in d.items)
    maxima = ruwaard.config.afspraken.maximale_doorlooptijd_dagen
    assert (maxima.aanmelding_mdo, maxima.mdo_oplossing, maxima.aanmelding_oplossing) == (14, 14, 28)


def test_deurne_five_goals_one_plain_and_no_wijkbudget(deurne):
    doelen = deurne.config.doelen
    assert [str(d) for d in doelen] == DEURNE_DOELEN
    assert [bool(_codes(d)) for d in doelen] == [True, True, True, False, True]
    assert {c for d in doelen for c in _codes(d)} <= set(INDICATOREN)
    assert deurne.config.wijkbudget is None
    k = kerncijfers(deurne, 2020)
    assert k["wijkbudget"]["vastgesteld"] is None and k["wijkbudget"]["reden"] == "geen_gegevens"
    assert [g["doel"] for g in k["doelen"]] == DEURNE_DOELEN and k["doelen"][3]["indicatoren"] == []


def test_ruwaard_wijkbudget_fixed_from_2018_based_on_2016(ruwaard, ruwaard_2018):
    wb = ruwaard.config.wijkbudget
    assert (wb.jaarbedrag, wb.basisjaar, tuple(wb.looptijd)) == (2450000, 2016, (2018, 2022))
    b = ruwaard.wijkbudget
    assert set(b["jaar"]) == {2016, 2017, 2018}
    assert b["besteed"].notna().all() and set(b["soort"].astype(str)) == {"individueel", "collectief", "preventief"}
    # the fixed amount lies close to what the basisjaar cost
    assert abs(b.loc[b["jaar"] == 2016, "besteed"].sum() - wb.jaarbedrag) < 0.02 * wb.jaarbedrag
    k = ruwaard_2018["wijkbudget"]
    assert k["vastgesteld"] == wb.jaarbedrag
    assert k["binnen_budget"] is True and k["besteed"] <= k["vastgesteld"] and k["n_posten_zonder_besteed"] == 0
    assert k["besteed"] == pytest.approx(sum(k["besteed_per_soort"].values()))
    # the shift towards collective and preventive provisions, year on year
    shares = [kerncijfers(ruwaard, y)["wijkbudget"]["aandeel_collectief_preventief"] for y in (2016, 2017)]
    shares.append(k["aandeel_collectief_preventief"])
    assert shares == sorted(shares) and shares[0] < 0.2 and shares[-1] > 0.3
    assert kerncijfers(ruwaard, 2016)["wijkbudget"]["vastgesteld"] is None  # the basisjaar lies before the looptijd


def test_ruwaard_activities_grow_towards_300_visitors_a_week(ruwaard, ruwaard_2018):
    a = ruwaard.activiteiten
    assert set(a["locatie"]) == {"Ons Huis van de Wijk"}
    assert set(a["datum"].dt.year) == {2016, 2017, 2018}
    assert set(a["georganiseerd_door"].astype(str)) == {"wijkbewoners", "professionals", "samen"}
    assert (a["vrijwilligers"] >= 0).all() and a["vrijwilligers"].sum() > 0
    per_week = [kerncijfers(ruwaard, y)["activiteiten"]["bezoekers_per_week"] for y in (2016, 2017)]
    per_week.append(ruwaard_2018["activiteiten"]["bezoekers_per_week"])
    assert per_week == sorted(per_week)
    assert 250 <= per_week[-1] <= 350
    assert ruwaard_2018["activiteiten"]["aandeel_door_bewoners"] >= 0.5


def test_ruwaard_wijkprofiel_2016_to_2018_with_unit_and_source(ruwaard):
    w = ruwaard.wijkprofiel
    assert set(w["jaar"]) == {2016, 2017, 2018}
    assert w["eenheid"].notna().all() and w["bron"].notna().all()
    assert w["bron"].str.endswith("(illustratief)").all()  # invented figures, whatever source they are modelled on
    per_jaar = w.groupby("jaar")["kenmerk"].apply(set)
    for kenmerk in ("Inwoners", "65 jaar en ouder", "Eenpersoonshuishoudens"):
        assert all(kenmerk in kenmerken for kenmerken in per_jaar), kenmerk
    inwoners = w.loc[w["kenmerk"] == "Inwoners", "waarde"]
    assert inwoners.between(12500, 13500).all()
    assert set(w.loc[w["eenheid"].astype(str) == "procent", "waarde"].between(0, 100)) == {True}


def test_ruwaard_kerncijfers_list_every_goal_and_indicator_with_a_reason_for_each_null(ruwaard, ruwaard_2018):
    doelen = ruwaard_2018["doelen"]
    assert [g["doel"] for g in doelen] == RUWAARD_DOELEN
    assert [[i["code"] for i in g["indicatoren"]] for g in doelen] == [_codes(d) for d in ruwaard.config.doelen]
    judged = []
    for g in doelen:
        for i in g["indicatoren"]:
            if i["waarde"] is None:
                assert i["reden"] in REDENEN, i
            else:
                judged.append(i["code"])
    # the neighbourhood indicators all have a value in 2018 (the micro-analyses are of 2016 and 2017)
    assert {"bezoekers_per_week", "aandeel_door_bewoners", "wijkbudget_besteed_vs_vastgesteld",
            "aandeel_collectief_preventief", "binnen_termijn_aanmelding_oplossing"} <= set(judged)  # fmt: skip


def test_ruwaard_cases_leave_wijk_and_regisseur_empty(ruwaard):
    # Ruwaard is one buurt: the casussen table is the one of before issue 14, its new columns empty
    assert ruwaard.casussen["wijk"].isna().all() and ruwaard.casussen["regisseur"].isna().all()


# --- the price list --------------------------------------------------------


def test_price_list_is_illustrative_and_covers_three_years(ruwaard):
    p = ruwaard.prijslijst
    assert set(p["jaar"]) == {2016, 2017, 2018}
    per_year = p.groupby("jaar")["code"].nunique()
    assert (per_year >= 20).all() and per_year.nunique() == 1
    assert p["omschrijving"].str.contains("illustratief").all()
    bron = p["bron"].astype(str)
    assert (bron.eq("aanname") | bron.str.endswith("(indicatief)")).all()
    assert bron.eq("aanname").any() and not bron.eq("aanname").all()
    assert p["financier"].astype(str).nunique() >= 8


# --- the generator refuses to write what it does not promise ----------------


def test_a_header_the_reader_would_not_find_is_refused_with_an_error(tmp_path):
    from leergeschiedenis.errors import LeergeschiedenisError, OngeldigVoorbeeld
    from leergeschiedenis.sample.generate import PLAIN, Style, check_headers, write_table

    class OwnHeaders(Style):
        def header(self, name: str) -> str:
            return "Casusnummer"

    check_headers(["casus_id", "mdo_datum"], ["Casus ID", "MDO-datum"])
    with pytest.raises(OngeldigVoorbeeld, match="Casusnummer") as caught:
        check_headers(["casus_id"], ["Casusnummer"])
    assert isinstance(caught.value, LeergeschiedenisError)
    weird = OwnHeaders(**{f.name: getattr(PLAIN, f.name) for f in dataclasses.fields(PLAIN)})
    with pytest.raises(OngeldigVoorbeeld):
        write_table(tmp_path / "c.csv", "casussen", ["casus_id"], [], weird)
    assert not (tmp_path / "c.csv").exists()


# --- the seeds' own proeftuinen (issue 15) ------------------------------------

RUWAARD_2017 = [
    "Ons door de leefwereld laten leiden",
    "Doen wat nodig is",
    "Vertrouwen op elkaars intenties en expertise/deskundigheid",
    "Samen verantwoordelijk zijn voor eigenaarschap",
    "Vanuit maatschappelijk compleet perspectief ontwikkelen",
    "Experimenteren en actieleren in de praktijk",
    "Het maatschappelijk rendement volgen",
    "Mensen die handelen vanuit de gezamenlijke visie",
    "Systemen die steunen",
]


def test_ruwaard_has_the_nine_principles_of_its_2017_learning_history_in_order(ruwaard):
    principes = ruwaard.config.ontwerpprincipes
    assert [p.naam for p in principes] == RUWAARD_2017
    assert [p.nr for p in principes] == list(range(1, 10))
    assert [p.groep for p in principes] == ["willen"] * 3 + ["kunnen"] * 3 + ["nodig"] * 3
    assert any(p.bewijs for p in principes)


def test_deurne_names_its_partners_as_its_description_does(deurne):
    assert {"Bergopwaarts", "Stichting MEE", "Zorgboog", "SMO", "Senzer", "GR Peelgemeenten"} <= set(deurne.config.partners)
    assert set(deurne.casussen["organisatie"]) - {"Huisartsen Deurne"} <= {p.split(" / ")[0] for p in deurne.config.partners}


def test_deurne_data_lies_in_its_period_2019_2022(deurne):
    years = set(deurne.casussen["aanmelddatum"].dt.year) | set(deurne.bijeenkomsten["datum"].dt.year)
    assert years == {2019, 2020}  # its first two years


def test_maastricht_every_row_accepted_and_only_cases_sessions_and_cards(maastricht):
    assert maastricht.n_refused == 0 and maastricht.errors == []
    assert set(maastricht.accounting) == {"prijslijst", "casussen", "bijeenkomsten", "reflectiekaarten"}
    assert [p.kolom for p in maastricht.problems if p.kolom and p.regel != "status_datum"] == []
    _status_notices_are_the_planted_missing_dates(maastricht)


def _status_notices_are_the_planted_missing_dates(d) -> None:
    """The generator leaves a date out now and then, as busy people do (status afgerond or uitvoering
    without its oplossing or afsluitdatum): one notice for each such case, on its row."""
    from leergeschiedenis import cases

    missing = cases.status_without_date(d.casussen).any(axis=1)
    notices = [p for p in d.problems if p.regel == "status_datum"]
    assert missing.sum() > 0 and len(notices) == missing.sum()
    assert {p.melding.split(" maar ")[0] for p in notices} <= {"status 'afgerond'", "status 'uitvoering'"}


def test_maastricht_2014_2015_from_march_in_five_buurten(maastricht):
    c = maastricht.casussen
    assert set(c["aanmelddatum"].dt.year) == {2014, 2015}
    assert c["aanmelddatum"].min() >= pd.Timestamp("2014-03-01")
    assert len(maastricht.config.wijken) == 5
    assert set(c["wijk"]) == set(maastricht.config.wijken)


def test_maastricht_every_case_has_one_regisseur_from_its_14_partners(maastricht):
    partners = set(maastricht.config.partners)
    assert len(partners) == 13  # the evaluation counts 14 partners and names these 13
    assert "Gemeente Maastricht" in partners and "Levanto Groep" in partners
    c = maastricht.casussen
    assert c["regisseur"].notna().all()
    assert set(c["regisseur"]) <= partners
    assert c["organisatie"].isin(partners).all()


def test_maastricht_has_more_collective_cases_than_the_others(maastricht, ruwaard, deurne):
    def share(d):
        return (d.casussen["soort"] == "collectief").mean()

    assert share(maastricht) > 2 * max(share(ruwaard), share(deurne))


def test_maastricht_cards_carry_its_evaluations_gains_and_tensions(maastricht):
    text = " ".join(reflections.card_text(card) for _, card in maastricht.reflectiekaarten.iterrows())
    for phrase in (
        "klein team",
        "1 Gezin 1 Plan 1 Regisseur werkt",
        "preventief",
        "meer tijd dan verwacht",
        "geen harde cijfers, wel illustratieve registratie",
        "samenwerking",
        "basisvoorzieningen",
    ):
        assert phrase.lower() in text.lower(), phrase


def test_card_texts_have_no_made_up_tails(ruwaard, deurne, maastricht):
    """Issue 16 review: tails such as 'Petje af.' or 'Dank!' after a card's sentence made quotes read as fake."""
    tails = ("Mooi om te zien.", "Dat vond ik bijzonder.", "Dank!", "Ga zo door.", "Leerzaam.", "Petje af.")
    for data in (ruwaard, deurne, maastricht):
        cards = data.tables["reflectiekaarten"]
        texts = pd.concat([cards[f] for f in ("geleerd", "opgevallen", "delen") if f in cards]).dropna().astype(str)
        assert len(texts) > 100
        assert not texts.str.strip().str.endswith(tails).any()
