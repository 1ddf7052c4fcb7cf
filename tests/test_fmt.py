import datetime as dt

import pandas as pd
import pytest

from leergeschiedenis import fmt


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: fmt.getal(1234.5), "1.234,5"),
        (lambda: fmt.getal(6.6), "6,6"),
        (lambda: fmt.getal(5.333, 2), "5,33"),
        (lambda: fmt.geheel(198), "198"),
        (lambda: fmt.geheel(13000), "13.000"),
        (lambda: fmt.aantal(0.5), "0,5"),
        (lambda: fmt.aantal(1), "1"),
        (lambda: fmt.euro(12345.4), "€\u00a012.345"),
        (lambda: fmt.euro(-2000), "€\u00a0-2.000"),
        (lambda: fmt.procent(0.667), "67%"),
        (lambda: fmt.procent(0.667, 1), "66,7%"),
        (lambda: fmt.datum(dt.date(2016, 9, 5)), "5 september 2016"),
        (lambda: fmt.datum(pd.Timestamp("2017-03-01")), "1 maart 2017"),
        (lambda: fmt.maand(pd.Period("2017-10", "M")), "oktober 2017"),
        (lambda: fmt.kwartaal(pd.Period("2017Q2")), "2017 K2"),
        (lambda: fmt.getal(None, min_n=5), "minder dan 5 personen"),
        (lambda: fmt.euro(float("nan"), min_n=5), "minder dan 5 personen"),
        (lambda: fmt.getal(None), "–"),
    ],
)
def test_dutch_notation(call, expected):
    assert call() == expected
