"""Issue 19: the contract as a Frictionless Data Package (``leergeschiedenis contract --frictionless``).

The sample validates with ``frictionless`` against the descriptor made for its folder, and a
messy file is refused by both ``frictionless`` and ``leergeschiedenis check`` on the same rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Package

import leergeschiedenis as lg
from leergeschiedenis.cli import main
from leergeschiedenis.contract import ORDER, TABLES
from leergeschiedenis.tableschema import package

from .test_messy_input import CONFIG, proeftuin

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def frictionless_errors(descriptor: dict, folder: Path) -> list[tuple[str, int | None, str | None, str]]:
    report = Package(descriptor, basepath=str(folder)).validate()
    return [
        (task.name, getattr(e, "row_number", None), getattr(e, "field_name", None), e.type)
        for task in report.tasks
        for e in task.errors
    ]


def test_the_contract_descriptor_names_every_table_with_its_keys_and_constraints():
    d = package()
    assert d["profile"] == "tabular-data-package"
    assert [r["name"] for r in d["resources"]] == list(ORDER)
    casussen = next(r for r in d["resources"] if r["name"] == "casussen")["schema"]
    fields = {f["name"]: f for f in casussen["fields"]}
    assert [f["name"] for f in casussen["fields"]] == [c.name for c in TABLES["casussen"].columns]
    assert casussen["primaryKey"] == ["casus_id"]
    assert fields["casus_id"]["constraints"] == {"required": True, "unique": True}
    assert fields["aanmelddatum"]["type"] == "date" and fields["aanmelddatum"]["format"] == "%d-%m-%Y"
    assert fields["aanmelddatum"]["constraints"] == {"minimum": "01-01-1900", "maximum": "31-12-2100", "required": True}
    assert fields["binnen_bestaand_aanbod"]["type"] == "boolean" and "Ja" in fields["binnen_bestaand_aanbod"]["trueValues"]
    metingen = next(r for r in d["resources"] if r["name"] == "metingen")["schema"]
    welbevinden = next(f for f in metingen["fields"] if f["name"] == "welbevinden")
    assert welbevinden["decimalChar"] == "," and welbevinden["constraints"]["minimum"] == 1
    assert metingen["foreignKeys"] == [{"fields": "casus_id", "reference": {"resource": "casussen", "fields": "casus_id"}}]
    # and frictionless takes it as a valid descriptor
    report = Package.validate_descriptor(d)
    assert report.valid, report.flatten(["message"])


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ruwaard", "deurne", "maastricht"])
def test_the_sample_is_valid_for_frictionless(name):
    assert frictionless_errors(package(SAMPLE / name), SAMPLE / name) == []


MESSY = (
    "casus_id;soort;organisatie;aanmelddatum;status\n"
    "R-2017-001;individueel;GGZ;05-09-2017;mdo\n"
    "R-2017-002;individueel;GGD;31-02-2017;mdo\n"  # no such date
    "R-2017-003;anders;GGD;06-09-2017;mdo\n"  # not an allowed soort
    "R-2017-001;individueel;GGD;07-09-2017;mdo\n"  # the same casus twice
    "R-2017-005;individueel;;08-09-2017;mdo\n"  # required cell empty
    "R-2017-006;individueel;GGD;08-09-1850;mdo\n"  # a year outside 1900-2100
)


def test_a_messy_file_is_refused_by_both_on_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERGESCHIEDENIS_CACHE", "uit")
    folder = proeftuin(tmp_path / "rommel", {"casussen.csv": MESSY}, CONFIG)
    ours = lg.load(folder)
    assert sorted({p.rij for p in ours.errors}) == [3, 4, 5, 6, 7]
    theirs = frictionless_errors(package(folder), folder)
    assert sorted({row for _, row, _, _ in theirs}) == [3, 4, 5, 6, 7]
    assert {(row, kind) for _, row, _, kind in theirs} >= {
        (3, "type-error"),
        (4, "constraint-error"),
        (6, "constraint-error"),
        (7, "constraint-error"),
    }


def test_contract_frictionless_on_the_command_line(capsys, tmp_path):
    assert main(["contract", "--frictionless"]) == 0
    assert json.loads(capsys.readouterr().out) == package()
    assert main(["contract", str(SAMPLE / "deurne"), "--frictionless"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert [r["path"] for r in d["resources"]] == [f"{n}.csv" for n in ORDER if (SAMPLE / "deurne" / f"{n}.csv").is_file()]
    datum = next(f for f in d["resources"][0]["schema"]["fields"] if f["title"] == "aanmelddatum")
    assert datum["name"] == "aanmelddatum" and datum["format"] == "%Y-%m-%d"  # Deurne writes ISO dates
    assert main(["contract", str(tmp_path / "nergens"), "--frictionless"]) == 2
    assert main(["contract", str(SAMPLE / "deurne")]) == 2
