import json
import subprocess
import sys
from pathlib import Path

import pytest

from leergeschiedenis.cli import build_parser, main

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def test_check_json_has_exactly_the_promised_shape(capsys):
    assert main(["check", str(DATA / "geplant"), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"tabellen", "problemen"}
    assert out["tabellen"]["casussen"] == {"gelezen": 14, "geaccepteerd": 3, "geweigerd": 11}
    for p in out["problemen"]:
        assert set(p) == {"bestand", "blad", "rij", "kolom", "waarde", "melding", "ernst"}
        assert p["ernst"] in ("fout", "melding")
    first = next(p for p in out["problemen"] if p["bestand"] == "casussen.csv" and p["rij"] == 5)
    assert first == {
        "bestand": "casussen.csv",
        "blad": None,
        "rij": 5,
        "kolom": "aanmelddatum",
        "waarde": "31-02-2017",
        "melding": "'31-02-2017' bestaat niet als datum (dag eerst: dd-mm-jjjj)",
        "ernst": "fout",
    }


def test_check_text_is_grouped_per_file(capsys):
    assert main(["check", str(DATA / "geplant")]) == 1
    out = capsys.readouterr().out
    # the second notice: row 3 says status mdo with an empty MDO date (the step counts by its date)
    assert "casussen.csv: 12 fouten, 2 meldingen" in out
    assert "melding rij 3, kolom mdo_datum           status 'mdo' maar mdo_datum is leeg" in out
    assert "rij 5, kolom aanmelddatum" in out
    assert out.rstrip().endswith("37 rijen geweigerd.")


def test_check_exit_0_when_nothing_refused(capsys):
    assert main(["check", str(DATA / "bom_komma")]) == 0
    assert "Geen problemen gevonden." in capsys.readouterr().out


@pytest.mark.parametrize("folder", ["dubbel_csv_xlsx", "geen_casussen", "ongeldige_config", "bestaat_niet"])
def test_check_exit_2_with_one_dutch_line(capsys, folder):
    assert main(["check", str(DATA / folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and err.count("\n") == 1


def test_console_script_runs_as_a_whole_process():
    done = subprocess.run(
        [sys.executable, "-m", "leergeschiedenis.cli", "check", str(DATA / "geplant"), "--json"], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["tabellen"]["metingen"]["geweigerd"] == 5
    assert done.stderr == ""


def test_every_command_has_dutch_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():
        assert parser.description or sub._name_parser_map[name].format_help()
        assert any(c.dest == name and c.help for c in sub._choices_actions), name
        assert f"leergeschiedenis {name}" in readme, f"README does not mention `leergeschiedenis {name}`"


def test_exit_codes_come_from_the_error_types():
    """The command line maps an error to its exit code by type: every error says what it exits with."""
    import inspect

    from leergeschiedenis import errors

    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.LeergeschiedenisError)]
    assert len({c.reason for c in classes}) == len(classes)  # stable, distinct reason codes
    assert {c.__name__: c.exit_code for c in classes if c.exit_code == 2} == {
        "OnleesbareData": 2,
        "OnbekendeOrganisatie": 2,
        "ClusterOnbereikbaar": 2,
        "OngeldigExportpad": 2,
        "OnveiligAdres": 2,
        "PoortBezet": 2,
        "GeenBrowser": 2,
        "OngeldigVoorbeeld": 2,
        "BestandBestaatAl": 2,
        "SchrijvenMislukt": 2,
        "OngeldigeOpdracht": 2,
        "JaarZonderGegevens": 2,
        "OnbekendeKolom": 2,
    }
    assert errors.VerslagMislukt.exit_code == 1


def test_a_report_for_a_year_without_data_is_refused(capsys, tmp_path):
    out = tmp_path / "verslagen"
    assert main(["report", str(Path(__file__).parent / "data" / "analyse"), "--jaar", "2026", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == ("Fout: Proeftuin Rekenvoorbeeld heeft geen gegevens over 2026: er zijn gegevens over 2016, 2017 en 2018.\n")
    assert not out.exists()  # no empty report, no index listing it


def test_kerncijfers_of_a_year_without_data_is_refused(capsys):
    assert main(["kerncijfers", str(Path(__file__).parent / "data" / "analyse"), "--jaar", "2027"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Fout: Proeftuin Rekenvoorbeeld heeft geen gegevens over 2027: ")


def test_tab_completion_lists_the_tables():
    import leergeschiedenis as lg

    d = lg.load(Path(__file__).parent / "data" / "analyse")
    assert {"casussen", "metingen", "spinnenweb", "refused", "summary"} <= set(dir(d))
