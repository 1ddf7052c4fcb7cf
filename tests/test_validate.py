"""Every planted error in tests/data/geplant is found at its spreadsheet row and column,
with a Dutch message saying what is allowed; nothing else is refused."""

from pathlib import Path

import pandas as pd
import pytest

import leergeschiedenis as lg

DATA = Path(__file__).parent / "data"

# (bestand, rij, kolom, part of the message): worked out by reading the fixture files.
PLANTED = [
    ("casussen.csv", 5, "aanmelddatum", "'31-02-2017' bestaat niet als datum"),
    ("casussen.csv", 6, "casus_id", "C1 komt al voor in rij 2"),
    ("casussen.csv", 7, "soort", "'klein' is niet toegestaan; kies uit: individueel, collectief"),
    ("casussen.csv", 7, "status", "kies uit: aangemeld, mdo, uitvoering, afgerond, gestopt"),
    ("casussen.csv", 8, "mdo_datum", "mdo_datum ligt vóór aanmelddatum"),
    ("casussen.csv", 9, "oplossing_datum", "oplossing_datum ligt vóór mdo_datum"),
    ("casussen.csv", 10, "afsluitdatum", "afsluitdatum ligt vóór aanmelddatum"),
    ("casussen.csv", 11, "levensdomeinen", "'werk' is niet toegestaan; kies uit: wonen, financien, gezondheid"),
    ("casussen.csv", 12, "belemmeringen", "'gedoe' is niet toegestaan"),
    ("casussen.csv", 13, "binnen_bestaand_aanbod", "gebruik ja of nee"),
    ("casussen.csv", 14, "organisatie", "verplicht veld is leeg"),
    ("casussen.csv", 15, "aanmelddatum", "'12/25/2017' bestaat niet als datum"),
    ("metingen.csv", 4, "casus_id, meetmoment", "C1, voor komt al voor in rij 2"),
    ("metingen.csv", 5, "casus_id", "'C9' verwijst naar een geweigerde rij van casussen (rij 12)"),
    ("metingen.csv", 6, "welbevinden", "11 ligt buiten het bereik; toegestaan: van 1 tot en met 10"),
    ("metingen.csv", 7, "welbevinden", "'zeven' is geen getal"),
    ("metingen.csv", 8, "meetmoment", "kies uit: voor, na_6_weken, herhaling"),
    ("prijslijst.csv", 4, "code, jaar", "WV, 2017 komt al voor in rij 2"),
    ("prijslijst.csv", 5, "prijs", "-5 ligt buiten het bereik; toegestaan: 0 of meer"),
    ("prijslijst.csv", 6, "prijs", "'abc' is geen bedrag"),
    ("prijslijst.csv", 7, "financier", "'gemeente' is niet toegestaan; kies uit: gemeente_wmo"),
    ("prijslijst.csv", 8, "jaar", "'2017,5' is geen geheel getal"),
    ("kosten.csv", 4, "voorziening", "'HA' verwijst naar een geweigerde rij van prijslijst (rij 5)"),
    ("kosten.csv", 5, "aantal", "-1 ligt buiten het bereik"),
    ("kosten.csv", 6, "scenario", "'droom' is niet toegestaan"),
    ("kosten.csv", 7, "casus_id", "'C99' komt niet voor in casussen"),
    ("bijeenkomsten.csv", 3, "deelnemers", "= 12, meer dan deelnemers"),
    ("bijeenkomsten.csv", 4, "bijeenkomst", "Leersessie 1 komt al voor in rij 2"),
    ("bijeenkomsten.csv", 5, "deelnemers", "'12,5' is geen geheel getal"),
    ("reflectiekaarten.csv", 4, "bijeenkomst", "'Leersessie 2' verwijst naar een geweigerde rij van bijeenkomsten"),
    ("reflectiekaarten.csv", 5, "rol", "'burgemeester' is niet toegestaan"),
    ("reflectiekaarten.csv", 6, None, "vul minstens één van geleerd, opgevallen, vervolg, delen in"),
    ("reflectiekaarten.csv", 7, "themas", "'12' is niet toegestaan; kies uit: 1, 2"),
    ("reflectiekaarten.csv", 8, "kaart_id", "K1 komt al voor in rij 2"),
    ("spinnenweb.csv", 4, "deelnemer_id, meetmoment", "P1, 1 komt al voor in rij 3"),
    ("spinnenweb.csv", 5, None, "geen domeinscores en geen itemscores"),
    ("spinnenweb.csv", 6, "meetmoment", "'0,5' is geen geheel getal"),
    ("spinnenweb.csv", 7, "lichaamsfuncties", "11 ligt buiten het bereik; toegestaan: van 0 tot en met 10"),
]


@pytest.fixture(scope="module")
def planted():
    return lg.load(DATA / "geplant")


def test_every_planted_error_is_found_where_it_was_planted(planted):
    errors = [(p.bestand, p.rij, p.kolom, p.melding) for p in planted.errors]
    for bestand, rij, kolom, part in PLANTED:
        hits = [e for e in errors if e[:3] == (bestand, rij, kolom) and part in e[3]]
        assert hits, f"not found: {bestand} rij {rij} kolom {kolom}: {part}"


def test_nothing_but_the_planted_errors_is_reported(planted):
    found = sorted((p.bestand, p.rij, p.kolom) for p in planted.errors)
    assert found == sorted((b, r, k) for b, r, k, _ in PLANTED)


# gelezen, geaccepteerd, geweigerd per table of tests/data/geplant, counted by hand
PLANTED_ACCOUNTING = {
    "prijslijst": (7, 2, 5),
    "casussen": (14, 3, 11),
    "metingen": (8, 3, 5),
    "kosten": (6, 2, 4),
    "bijeenkomsten": (5, 2, 3),
    "reflectiekaarten": (7, 2, 5),
    "spinnenweb": (6, 2, 4),
}


def test_row_accounting(planted):
    got = {t: (a.gelezen, a.geaccepteerd, a.geweigerd) for t, a in planted.accounting.items()}
    assert got == PLANTED_ACCOUNTING
    for table, a in planted.accounting.items():
        assert len(planted.tables[table]) == a.geaccepteerd
        assert len(planted.refused[table]) == a.geweigerd


def test_every_refused_row_has_an_error_and_its_reasons(planted):
    for table, refused in planted.refused.items():
        rows_with_error = {p.rij for p in planted.errors if p.bestand == planted.sources[table].bestand}
        assert set(refused.index) == rows_with_error
        assert refused["redenen"].str.len().gt(0).all()


def test_refused_rows_are_kept_as_they_were_read(planted):
    row = planted.refused["casussen"].loc[5]
    assert row["Casus ID"] == "C3"
    assert row["Aanmelddatum"] == "31-02-2017"


def test_accepted_rows_are_typed(planted):
    c = planted.casussen
    assert c.index.tolist() == [2, 3, 16]
    assert str(c["soort"].dtype) == "category"
    assert c.loc[3, "soort"] == "collectief"
    assert c.loc[3, "organisatie"] == "Wonen"
    assert c.loc[3, "aanmelddatum"] == pd.Timestamp("2017-02-01")
    assert c.loc[16, "aanmelddatum"] == pd.Timestamp("2017-03-02")
    assert c.loc[2, "levensdomeinen"] == ["wonen", "financien"]
    assert c.loc[2, "betrokken_organisaties"] == ["GGZ", "Woonbedrijf"]
    assert c.loc[3, "levensdomeinen"] == []
    assert bool(c.loc[2, "binnen_bestaand_aanbod"]) is True
    assert bool(c.loc[3, "toestemming_citaat"]) is False  # default no
    assert c.loc[2, "Notitie"] == "eerste casus"  # unknown columns are kept
    m = planted.metingen
    assert m["welbevinden"].dtype == "float64"
    assert m["welbevinden"].tolist() == [4.5, 8.0, 7.5]
    assert m["meetmoment"].tolist() == ["voor", "na_6_weken", "voor"]


def test_prices_and_counts(planted):
    p = planted.prijslijst
    assert p["prijs"].tolist() == [75.5, 1234.56]
    assert p["jaar"].tolist() == [2017, 2016]
    k = planted.kosten
    assert k["scenario"].tolist() == ["huidig", "niets_doen"]
    b = planted.bijeenkomsten
    assert b["soort"].tolist() == ["tweewekelijkse_leersessie", "effectenarena"]
    assert b.loc[2, "deelnemers"] == 15


def test_reflectiekaarten_defaults(planted):
    r = planted.reflectiekaarten
    assert r["kaart_id"].tolist() == ["K1", "reflectiekaarten-r3"]
    assert r["themas"].tolist() == [["1"], []]
    assert r["rol"].tolist() == ["wijkbewoner", "professional"]
    # reflectiekaarten_citeerbaar is false by default in proeftuin.yml
    assert r["toestemming_citaat"].tolist() == [True, False]


def test_unknown_column_and_config_key_are_notices(planted):
    notices = {(p.bestand, p.kolom) for p in planted.problems if p.ernst == "melding"}
    assert ("casussen.csv", "Notitie") in notices
    assert ("proeftuin.yml", "kleur") in notices


def test_reference_only_to_accepted_rows(planted):
    # C9 exists in casussen.csv (row 12) but is refused, so its meting is refused too
    assert "C9" in set(planted.refused["casussen"]["Casus ID"])
    assert "C9" not in set(planted.metingen["casus_id"])


def write(folder: Path, **tables: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "proeftuin.yml").write_text((DATA / "geplant" / "proeftuin.yml").read_text().replace("kleur: blauw\n", ""))
    tables.setdefault("casussen", "casus_id;soort;organisatie;aanmelddatum;status\nC1;individueel;GGZ;01-01-2017;aangemeld\n")
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


ITEM_HEADER = "deelnemer_id;meetmoment;datum;versie;" + ";".join(f"meedoen_{i}" for i in range(1, 9)) + ";lichaamsfuncties_8\n"


def test_spinnenweb_items_make_domain_scores(tmp_path):
    rows = [
        # 4 of 7 answered: mean of 4, 6, 8, 6 = 6
        "P1;0;01-10-2017;mpg_v1;4;6;8;6;;;;;",
        # 3 of 7 answered: fewer than half, so missing -> the row has no domain at all
        "P2;0;01-10-2017;mpg_v1;4;6;8;;;;;;",
        # mpg_v2: meedoen has 7 items, lichaamsfuncties 8 (item 8 exists)
        "P3;0;01-10-2017;mpg_v2;5;5;5;5;;;;;9",
        # mpg_v1 has no lichaamsfuncties_8
        "P4;0;01-10-2017;mpg_v1;5;5;5;5;;;;;9",
        # meedoen has no item 8 in any version
        "P5;0;01-10-2017;mpg_v2;5;5;5;5;;;;5;",
        # eenvoudig has no items
        "P6;0;01-10-2017;eenvoudig;5;5;5;5;;;;;",
        # an item outside 0-10
        "P7;0;01-10-2017;;11;5;5;5;;;;;",
    ]
    d = lg.load(write(tmp_path / "p", spinnenweb=ITEM_HEADER + "\n".join(rows) + "\n"))
    s = d.spinnenweb
    assert s.loc[2, "meedoen"] == pytest.approx(6.0)
    assert s.loc[2, "versie"] == "mpg_v1"
    assert s.loc[4, "meedoen"] == pytest.approx(5.0)
    # 1 of 8 lichaamsfuncties items answered: fewer than half
    assert pd.isna(s.loc[4, "lichaamsfuncties"])
    errors = {(p.rij, p.kolom): p.melding for p in d.errors}
    assert "te weinig items beantwoord" in errors[(3, None)]
    assert "items 1 tot en met 7" in errors[(5, "lichaamsfuncties_8")]
    assert "items 1 tot en met 7" in errors[(6, "meedoen_8")]
    assert "eenvoudig" in errors[(7, "meedoen_1")]
    assert "0 tot en met 10" in errors[(8, "meedoen_1")]
    assert d.accounting["spinnenweb"].as_dict() == {"gelezen": 7, "geaccepteerd": 2, "geweigerd": 5}


def test_missing_required_column_refuses_every_row_with_a_clear_message(tmp_path):
    d = lg.load(
        write(
            tmp_path / "p",
            casussen="casus_id;soort;aanmelddatum;status\nC1;individueel;01-01-2017;mdo\nC2;individueel;01-01-2017;mdo\n",
        )
    )
    assert d.accounting["casussen"].geweigerd == 2
    assert {(p.rij, p.kolom, p.melding) for p in d.errors} == {
        (2, "organisatie", "verplichte kolom 'organisatie' ontbreekt in het bestand"),
        (3, "organisatie", "verplichte kolom 'organisatie' ontbreekt in het bestand"),
    }


def test_reflectiekaarten_consent_default_comes_from_config(tmp_path):
    folder = write(
        tmp_path / "p",
        reflectiekaarten="datum;bijeenkomst;rol;geleerd;toestemming_citaat\n01-01-2017;S;manager;x;\n01-01-2017;S;manager;y;nee\n",
    )
    config = folder / "proeftuin.yml"
    config.write_text(config.read_text() + "reflectiekaarten_citeerbaar: true\n")
    r = lg.load(folder).reflectiekaarten
    assert r["toestemming_citaat"].tolist() == [True, False]
    # without a bijeenkomsten table the session name is not checked
    assert r["bijeenkomst"].tolist() == ["S", "S"]


def test_empty_rows_are_skipped_silently_but_keep_their_row_numbers(tmp_path):
    d = lg.load(
        write(
            tmp_path / "p", casussen="casus_id;soort;organisatie;aanmelddatum;status\n;;;;\n\nC1;individueel;GGZ;01-01-2017;x\n"
        )
    )
    assert d.accounting["casussen"].gelezen == 1
    assert [(p.rij, p.kolom) for p in d.errors] == [(4, "status")]


def test_every_error_names_its_rule_without_the_value(planted):
    from leergeschiedenis.problems import RULES

    for p in planted.errors:
        assert p.regel in RULES, p
    rules = {(p.bestand, p.rij, p.kolom): p.regel for p in planted.errors}
    assert rules[("casussen.csv", 5, "aanmelddatum")] == "datum"
    assert rules[("casussen.csv", 6, "casus_id")] == "dubbel"
    assert rules[("casussen.csv", 8, "mdo_datum")] == "volgorde"
    assert rules[("metingen.csv", 5, "casus_id")] == "verwijzing"
    assert rules[("metingen.csv", 6, "welbevinden")] == "bereik"
    assert rules[("bijeenkomsten.csv", 3, "deelnemers")] == "som"
    assert rules[("reflectiekaarten.csv", 6, None)] == "minstens_een"
    assert "regel" not in planted.errors[0].as_dict()


def test_a_reference_to_a_refused_row_says_so(tmp_path):
    """Not 'komt niet voor': the case is there, but its row was refused."""
    (tmp_path / "proeftuin.yml").write_text(
        "naam: Proeftuin Verwijzing\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: Leefwereld}\n"
    )
    (tmp_path / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;status\nC1;individueel;GGZ;05-09-2017;mdo\nC2;individueel;GGZ;31-02-2017;mdo\n"
    )
    (tmp_path / "metingen.csv").write_text("casus_id;meetmoment;welbevinden\nc2 ;voor;4\nC3;voor;5\n")
    d = lg.load(tmp_path)
    messages = {p.rij: p.melding for p in d.errors if p.bestand == "metingen.csv"}
    assert messages[2] == "'c2' verwijst naar een geweigerde rij van casussen (rij 3); herstel eerst die rij"
    assert messages[3].startswith("'C3' komt niet voor in casussen")


def test_a_status_past_a_step_without_its_date_is_a_notice_per_case_and_counted_in_datakwaliteit(tmp_path):
    from leergeschiedenis import content

    (tmp_path / "proeftuin.yml").write_text(
        "naam: Proeftuin Stappen\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: L}\n", encoding="utf-8"
    )
    (tmp_path / "casussen.csv").write_text(
        "casus_id;soort;organisatie;aanmelddatum;mdo_datum;oplossing_datum;afsluitdatum;status\n"
        "C1;individueel;GGZ;02-01-2017;09-01-2017;16-01-2017;30-01-2017;afgerond\n"  # every date: no notice
        "C2;individueel;GGZ;03-01-2017;10-01-2017;;;afgerond\n"  # afgerond without oplossing and afsluiting
        "C3;individueel;GGZ;04-01-2017;;;;uitvoering\n",  # uitvoering without mdo and oplossing
        encoding="utf-8",
    )
    d = lg.load(tmp_path)
    assert d.accounting["casussen"].geaccepteerd == 3  # a notice refuses nothing
    notices = [p for p in d.problems if p.regel == "status_datum"]
    assert [(p.rij, p.kolom, p.waarde, p.ernst) for p in notices] == [
        (3, "oplossing_datum", "afgerond", "melding"),
        (4, "mdo_datum", "uitvoering", "melding"),
    ]
    assert "oplossing_datum en afsluitdatum zijn leeg" in notices[0].melding
    v = lg.YearView(d, 2017)
    assert v.funnel.to_dict() == {"aangemeld": 3, "mdo_gehouden": 2, "oplossing_afgesproken": 1, "afgerond": 1}
    assert v.status_zonder_datum.to_dict() == {"mdo_gehouden": 1, "oplossing_afgesproken": 2, "afgerond": 1}
    assert content.status_sentence(v) == (
        "Bij sommige casussen staat de status verder dan de ingevulde datums (MDO gehouden: 1, oplossing afgesproken: 2, "
        "afgerond: 1). Een stap telt overal pas mee als zijn datum is ingevuld; leergeschiedenis check noemt de casussen."
    )
