"""Issue 14: the neighbourhood tables, casussen wijk/regisseur and the new keys of proeftuin.yml,
read and refused like the rest of the contract."""

from pathlib import Path

import pytest

import leergeschiedenis as lg
from leergeschiedenis.config import load_config
from leergeschiedenis.errors import OnleesbareData

CONFIG = """naam: Proeftuin Buurten
wijken: [Caberg, Malberg]
ontwerpprincipes:
  - {nr: 1, groep: willen, naam: Leefwereld}
"""
CASUSSEN = "casus_id;soort;organisatie;aanmelddatum;status;wijk;regisseur\n"


def _folder(tmp_path: Path, files: dict[str, str], config: str = CONFIG) -> Path:
    (tmp_path / "proeftuin.yml").write_text(config, encoding="utf-8")
    files = {"casussen.csv": CASUSSEN + "C1;individueel;GGZ;01-02-2019;aangemeld;Caberg;GGZ\n", **files}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _errors(d, table: str) -> list:
    return [p for p in d.errors if p.bestand == f"{table}.csv"]


def test_case_wijk_must_be_one_of_the_wijken(tmp_path):
    d = lg.load(
        _folder(
            tmp_path,
            {
                "casussen.csv": CASUSSEN
                + "C1;individueel;GGZ;01-02-2019;aangemeld;malberg;Trajekt\nC2;individueel;GGZ;01-02-2019;aangemeld;Ruwaard;\n"
            },
        )
    )
    assert d.casussen["wijk"].tolist() == ["Malberg"]  # matched like an enumeration value
    assert d.casussen["regisseur"].tolist() == ["Trajekt"]
    (p,) = _errors(d, "casussen")
    assert (p.rij, p.kolom, p.waarde) == (3, "wijk", "Ruwaard")
    assert "kies uit: Caberg, Malberg" in p.melding
    assert d.accounting["casussen"].as_dict() == {"gelezen": 2, "geaccepteerd": 1, "geweigerd": 1}


def test_a_wijk_without_wijken_in_proeftuin_yml_says_what_to_do(tmp_path):
    config = CONFIG.replace("wijken: [Caberg, Malberg]\n", "")
    d = lg.load(_folder(tmp_path, {}, config))
    (p,) = _errors(d, "casussen")
    assert p.kolom == "wijk" and "vul de lijst in proeftuin.yml aan" in p.melding


def test_activiteiten_refuses_what_the_contract_does_not_allow(tmp_path):
    text = (
        "datum;activiteit;locatie;bezoekers;georganiseerd_door;vrijwilligers;wijk\n"
        "04-01-2016;Koken met Kids;Ons Huis van de Wijk;20;Wijkbewoners;3;Caberg\n"
        "05-01-2016;Taalcafé;;-2;samen;;\n"
        "06-01-2016;Wandelen;;5;gemeente;;\n"
        "07-01-2016;;;5;samen;;\n"
        "08-01-2016;Bingo;;5;samen;;Ruwaard\n"
    )
    d = lg.load(_folder(tmp_path, {"activiteiten.csv": text}))
    assert d.activiteiten["georganiseerd_door"].astype(str).tolist() == ["wijkbewoners"]
    found = {(p.rij, p.kolom) for p in _errors(d, "activiteiten")}
    assert found == {(3, "bezoekers"), (4, "georganiseerd_door"), (5, "activiteit"), (6, "wijk")}
    assert d.accounting["activiteiten"].as_dict() == {"gelezen": 5, "geaccepteerd": 1, "geweigerd": 4}
    melding = next(p.melding for p in _errors(d, "activiteiten") if p.kolom == "georganiseerd_door")
    assert "wijkbewoners, professionals, samen" in melding


def test_wijkbudget_post_unique_per_year_and_wijk(tmp_path):
    text = (
        "jaar;post;soort;begroot;besteed;wijk\n"
        "2019;Welzijn;collectief;1000;900;Caberg\n"
        "2019;Welzijn;collectief;2000;;Malberg\n"
        "2019;welzijn ;collectief;1000;;Caberg\n"
        "2019;Welzijn;collectief;1000;;Caberg\n"
        "2020;Welzijn;collectief;€ 1.234;-5;Caberg\n"
        "2020;Wmo;individueel;€ 1.234;;\n"
        "2020;Wmo;individueel;10;;\n"
    )
    d = lg.load(_folder(tmp_path, {"wijkbudget.csv": text}))
    errors = {(p.rij, p.kolom) for p in _errors(d, "wijkbudget")}
    # row 5 repeats row 2 (2019, Welzijn, Caberg); row 8 repeats row 7 (no wijk is a wijk of its own);
    # row 4 is another post ('welzijn ' is text, not an identifier); row 6: besteed below 0
    assert errors == {(5, "jaar, post, wijk"), (6, "besteed"), (8, "jaar, post, wijk")}
    assert "rij 2" in next(p.melding for p in _errors(d, "wijkbudget") if p.rij == 5)
    assert d.wijkbudget["begroot"].tolist() == [1000.0, 2000.0, 1000.0, 1234.0]  # € 1.234 is money
    assert d.accounting["wijkbudget"].as_dict() == {"gelezen": 7, "geaccepteerd": 4, "geweigerd": 3}


def test_wijkprofiel(tmp_path):
    text = (
        "jaar;kenmerk;waarde;eenheid;bron\n"
        "2019;Inwoners;13000;aantal;CBS\n"
        "2019;65 jaar en ouder;18,5;Procent;CBS\n"
        "2019;Inwoners;13100;aantal;CBS\n"
        "2019;Inkomen;32000;dollar;\n"
    )
    d = lg.load(_folder(tmp_path, {"wijkprofiel.csv": text}))
    assert {(p.rij, p.kolom) for p in _errors(d, "wijkprofiel")} == {
        (4, "jaar, kenmerk"),
        (5, "eenheid"),
    }  # the file has no wijk column
    assert d.wijkprofiel["eenheid"].astype(str).tolist() == ["aantal", "procent"]


def _config(tmp_path: Path, extra: str):
    path = tmp_path / "proeftuin.yml"
    path.write_text(CONFIG + extra, encoding="utf-8")
    return load_config(path)


def test_wijkbudget_and_maximum_lead_times_in_proeftuin_yml(tmp_path):
    config, problems = _config(
        tmp_path,
        "wijkbudget: {jaarbedrag: 2450000, basisjaar: 2016, looptijd: [2018, 2022]}\n"
        "afspraken: {maximale_doorlooptijd_dagen: {aanmelding_mdo: 14, aanmelding_oplossing: 28}}\n",
    )
    assert problems == []
    assert (config.wijkbudget.vastgesteld(2017), config.wijkbudget.vastgesteld(2018), config.wijkbudget.vastgesteld(2022)) == (
        None,
        2450000.0,
        2450000.0,
    )
    maxima = config.afspraken.maximale_doorlooptijd_dagen
    assert (maxima.aanmelding_mdo, maxima.mdo_oplossing, maxima.aanmelding_oplossing) == (14, None, 28)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "wijkbudget: {jaarbedrag: 2450000, looptijd: [2018, 2022], loptijd: [2018, 2023]}\n",
            "sleutel 'wijkbudget.loptijd' is onbekend; hier mag alleen: jaarbedrag, basisjaar, looptijd",
        ),
        (
            "afspraken: {maximale_doorlooptijd_dagen: {aanmelding_mdo: 14, mdo_oplosing: 14}}\n",
            "is onbekend; hier mag alleen: aanmelding_mdo, mdo_oplossing, aanmelding_oplossing",
        ),
        ("wijkbudget: {jaarbedrag: 2450000, looptijd: [2022, 2018]}\n", "ligt na het laatste"),
        ("wijkbudget: {jaarbedrag: 2.450.000, looptijd: [2018, 2022]}\n", "schrijf 2450000"),
        (
            "doelen:\n  - naam: Snel\n    indicatoren: [binnen_termijn_mdo_oplossing]\n"
            "afspraken: {maximale_doorlooptijd_dagen: {aanmelding_mdo: 14}}\n",
            "maximale_doorlooptijd_dagen.mdo_oplossing staat niet in proeftuin.yml",
        ),
    ],
)
def test_strict_new_keys(tmp_path, extra, message):
    with pytest.raises(OnleesbareData, match=r"proeftuin\.yml") as e:
        _config(tmp_path, extra)
    assert message in str(e.value)
