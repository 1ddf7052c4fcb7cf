"""Every JSON the package writes is valid for a strict parser: no NaN, no Infinity; a missing figure
is null with its ``reden`` (issue 24, item 4)."""

import contextlib
import json
import math
from pathlib import Path

import pytest

import leergeschiedenis as lg
from leergeschiedenis.cli import main
from leergeschiedenis.key_figures import kerncijfers, write_kerncijfers
from leergeschiedenis.privacy import jsonable, strict_dumps
from leergeschiedenis.publish import organisations

DATA = Path(__file__).parent / "data"
SAMPLE = Path(__file__).parent.parent / "data" / "sample"


def _refuse(constant: str):
    raise ValueError(f"{constant} is not JSON")


def strict_loads(text: str):
    return json.loads(text, parse_constant=_refuse)


def test_the_strict_parser_refuses_nan():
    with pytest.raises(ValueError, match="NaN"):
        strict_loads('{"a": NaN}')
    with pytest.raises(ValueError, match="Infinity"):
        strict_loads("[-Infinity]")
    assert strict_loads('{"a": null}') == {"a": None}


def test_strict_dumps_refuses_nan_and_jsonable_turns_it_into_null():
    with pytest.raises(ValueError):
        strict_dumps({"a": float("nan")})
    assert [jsonable(x) for x in (float("nan"), float("inf"), 1.5)] == [None, None, 1.5]


def _all_finite(node, path="") -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _all_finite(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _all_finite(v, f"{path}/{i}")
    elif isinstance(node, float):
        assert math.isfinite(node), path


@pytest.mark.parametrize("name", ["ruwaard", "deurne"])
def test_every_kerncijfers_of_the_sample_is_strict_json(name, tmp_path):
    dataset = lg.load(SAMPLE / name)
    years = sorted(set(dataset.casussen["aanmelddatum"].dt.year.dropna().astype(int)))
    for year in years:
        for org in [None, *organisations(dataset)]:
            figures = kerncijfers(dataset, year, org)
            text = strict_dumps(figures)  # raises on a NaN anywhere
            assert strict_loads(text) == figures
            _all_finite(figures)
            for moment in figures["spinnenweb"]["per_meetmoment"].values():
                for domain, reason in moment.get("reden_per_domein", {}).items():
                    assert reason in ("te_weinig_personen", "herleidbaar"), (year, org, domain, reason)
                    assert moment[domain] is None
    path = write_kerncijfers(kerncijfers(dataset, years[-1]), tmp_path / "kerncijfers.json")
    strict_loads(path.read_text(encoding="utf-8"))


def test_a_spinnenweb_moment_with_every_domain_shown_has_no_reden_per_domein(analyse):
    """The bare NaN of the issue: an empty reason was written as NaN; now it is left out."""
    moment = kerncijfers(analyse, 2018)["spinnenweb"]["per_meetmoment"]["0"]
    assert "reden_per_domein" not in moment or all(isinstance(r, str) for r in moment["reden_per_domein"].values())


@pytest.mark.parametrize(
    "argv",
    [
        ["kerncijfers", str(DATA / "analyse"), "--year", "2017"],
        ["kerncijfers", str(SAMPLE / "ruwaard"), "--year", "2018"],
        ["check", str(DATA / "geplant"), "--json"],
        ["check", str(SAMPLE / "ruwaard"), "--json"],
        ["check", str(DATA / "bestaat_niet"), "--json"],
        ["contract", "--frictionless", str(DATA / "analyse")],
    ],
)
def test_every_cli_json_output_is_strict(argv, capsys):
    with contextlib.suppress(lg.LeergeschiedenisError):  # an error exit still prints its JSON first (check --json)
        main(argv)
    strict_loads(capsys.readouterr().out)


def test_kerncijfers_per_organisation_on_the_cli_is_strict(capsys):
    dataset = lg.load(SAMPLE / "ruwaard")
    org = organisations(dataset)[0]
    main(["kerncijfers", str(SAMPLE / "ruwaard"), "--year", "2018", "--organisatie", org])
    assert strict_loads(capsys.readouterr().out)["organisatie"] == org
