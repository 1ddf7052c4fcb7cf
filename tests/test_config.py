from pathlib import Path

import pytest

from leergeschiedenis.config import load_config
from leergeschiedenis.errors import OnleesbareData

MINIMAL = "naam: Proeftuin X\nontwerpprincipes:\n  - {nr: 1, groep: willen, naam: Leefwereld}\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "proeftuin.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_for_what_the_team_left_out(tmp_path):
    config, problems = load_config(write(tmp_path, MINIMAL))
    assert config.naam == "Proeftuin X"
    assert config.privacy.min_groepsgrootte == 5
    assert config.reflectiekaarten_citeerbaar is False
    assert config.afspraken.casussen_per_organisatie_per_maand == 1
    assert "wonen" in config.levensdomeinen
    assert config.principe_nummers == ["1"]
    assert problems == []


def test_unknown_keys_are_reported_at_every_level(tmp_path):
    text = (
        MINIMAL.replace("naam: Leefwereld}", "naam: Leefwereld, kleur: rood}")
        + "logo: x.png\nafspraken: {casussen_per_organisatie_per_maand: 2, geheim: ja}\n"
    )
    config, problems = load_config(write(tmp_path, text))
    assert config.afspraken.casussen_per_organisatie_per_maand == 2
    # issue 12: an unknown key inside privacy is an error now (test_config_yml_strict)
    assert sorted(p.kolom for p in problems) == ["afspraken.geheim", "logo", "ontwerpprincipes[0].kleur"]
    assert all(p.ernst == "melding" and p.bestand == "proeftuin.yml" for p in problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ontwerpprincipes: []\n", "de verplichte sleutel 'naam' ontbreekt"),
        ("naam: X\n", "de verplichte sleutel 'ontwerpprincipes' ontbreekt"),
        ("naam: X\nontwerpprincipes: []\n", "sleutel 'ontwerpprincipes' mag niet leeg zijn"),
        (MINIMAL.replace("willen", "dromen"), "sleutel 'ontwerpprincipes.0.groep' moet willen, kunnen of nodig zijn"),
        (MINIMAL + "privacy: {min_groepsgrootte: nul}\n", "sleutel 'privacy.min_groepsgrootte' moet een geheel getal zijn"),
        (MINIMAL + "  - {nr: 1, groep: nodig, naam: Dubbel}\n", "ontwerpprincipe-nummers komen dubbel voor: [1]"),
        ("naam: [onafgesloten\n", "proeftuin.yml is geen geldige YAML"),
        ("- een lijst\n", "proeftuin.yml moet sleutels bevatten"),
    ],
)
def test_invalid_config_names_the_key(tmp_path, text, message):
    with pytest.raises(OnleesbareData) as e:
        load_config(write(tmp_path, text))
    assert message in str(e.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(OnleesbareData, match=r"proeftuin\.yml ontbreekt"):
        load_config(tmp_path / "proeftuin.yml")
