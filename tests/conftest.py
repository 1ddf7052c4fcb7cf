from pathlib import Path

import pytest

import leergeschiedenis as lg

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def analyse():
    """tests/data/analyse: a small proeftuin whose figures are worked out by hand (min_groepsgrootte 3)."""
    return lg.load(DATA / "analyse")
