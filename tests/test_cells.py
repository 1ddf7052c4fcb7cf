import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from leergeschiedenis.cells import (
    CellError,
    _parse_any_column,
    blank_mask,
    cell_text,
    is_blank,
    parse_bool,
    parse_column,
    parse_date,
    parse_enum,
    parse_integer,
    parse_list,
    parse_number,
    parse_text_cell,
)
from leergeschiedenis.read import FormuleZonderWaarde


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7,5", 7.5), ("7.5", 7.5), (" 8 ", 8.0), ("-1", -1.0), ("0,25", 0.25), (",5", 0.5), (3, 3.0), (4.25, 4.25), ("", None)],
)
def test_number_accepts_decimal_comma_and_point(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["zeven", "7,5,1", "1.23,5", "1e3", "7 ,5x", "nan", "€ 5"])
def test_number_refuses_what_is_not_a_plain_number(text):
    with pytest.raises(CellError, match="geen getal"):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€ 1.234,56", 1234.56),
        ("€1.234", 1234.0),
        ("1.234.567,8", 1234567.8),
        ("1,234.50", 1234.5),
        ("75,50", 75.5),
        ("75.50", 75.5),
        ("0,125", 0.125),
        ("\u20ac\u00a012", 12.0),
        ("-€ 5,00", -5.0),
    ],
)
def test_money_accepts_euro_sign_and_thousands(text, expected):
    assert parse_number(text, money=True) == pytest.approx(expected)


def test_money_refuses_text():
    with pytest.raises(CellError, match="geen bedrag"):
        parse_number("gratis", money=True)


def test_integer_refuses_fraction_but_accepts_whole_decimal():
    assert parse_integer("2017") == 2017
    assert parse_integer(2017.0) == 2017
    with pytest.raises(CellError, match="geen geheel getal"):
        parse_integer("0,5")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05-09-2016", "2016-09-05"),
        ("5-9-2016", "2016-09-05"),
        ("05/09/2016", "2016-09-05"),
        ("2016-09-05", "2016-09-05"),
        ("2016-09-05 00:00:00", "2016-09-05"),
        (" 02/03/2017 ", "2017-03-02"),
        (dt.datetime(2016, 9, 5, 0, 0), "2016-09-05"),
        (dt.date(2016, 9, 5), "2016-09-05"),
    ],
)
def test_date_is_day_first(text, expected):
    assert parse_date(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("text", "why"), [("31-02-2017", "bestaat niet"), ("12/25/2017", "bestaat niet"), ("2017-13-01", "bestaat niet")]
)
def test_impossible_date_is_an_error_not_a_guess(text, why):
    with pytest.raises(CellError, match=why):
        parse_date(text)


@pytest.mark.parametrize("text", ["5 september 2016", "2016/09/05", "05-09-16", "gisteren", 42])
def test_date_refuses_other_formats_and_says_which_are_allowed(text):
    with pytest.raises(CellError, match="dd-mm-jjjj"):
        parse_date(text)


def test_date_refuses_years_out_of_range():
    with pytest.raises(CellError, match="1900 en 2100"):
        parse_date("01-01-0017")


@pytest.mark.parametrize("text", ["ja", "J", "yes", "1", "Waar", 1, True])
def test_yes(text):
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["nee", "N", "no", "0", "onwaar", 0, False])
def test_no(text):
    assert parse_bool(text) is False


def test_bool_refuses_maybe():
    with pytest.raises(CellError, match="ja of nee"):
        parse_bool("misschien")


def test_enum_matches_like_headers():
    assert parse_enum(" Na 6 weken", ("voor", "na_6_weken")) == "na_6_weken"
    assert parse_enum("Niets-doen", ("niets_doen",)) == "niets_doen"
    with pytest.raises(CellError, match="kies uit: voor, na_6_weken"):
        parse_enum("nulmeting", ("voor", "na_6_weken"))


def test_list_splits_on_comma_and_checks_each_item():
    assert parse_list("GGZ, Woonbedrijf ,") == ["GGZ", "Woonbedrijf"]
    assert parse_list("Wonen, financien, wonen", ("wonen", "financien")) == ["wonen", "financien"]
    assert parse_list(None, ("wonen",)) == []
    assert parse_list(3.0, ("1", "3")) == ["3"]
    with pytest.raises(CellError, match="'werk' is niet toegestaan"):
        parse_list("wonen, werk", ("wonen",))


def test_cell_text_shows_what_a_person_typed():
    assert cell_text(3.0) == "3"
    assert cell_text(dt.datetime(2016, 9, 5)) == "05-09-2016"
    assert cell_text(" x ") == "x"


def test_parse_column_returns_values_and_errors_aligned_and_lists_are_not_shared():
    values, errors = parse_column(pd.Series(["a,b", "a,b", None], index=[2, 3, 5]), parse_list)
    assert values.tolist() == [["a", "b"], ["a", "b"], []]
    values[2].append("c")
    assert values[3] == ["a", "b"]
    assert errors.isna().all()


cell_values = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.dates(),
)


@given(cell_values)
def test_no_cell_crashes_a_parser(value):
    for parse in (parse_number, parse_integer, parse_date, parse_bool, lambda v: parse_number(v, money=True)):
        try:
            parse(value)
        except CellError as e:
            assert str(e)
    assert isinstance(parse_list(value), list)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_dutch_money_round_trip(amount):
    """Whatever Dutch Excel shows as `€ 1.234,56` reads back as the same amount."""
    text = f"€ {amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    assert parse_number(text, money=True) == pytest.approx(float(amount))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dutch_date_round_trip(day):
    for text in (day.strftime("%d-%m-%Y"), f"{day.day}-{day.month}-{day.year}", day.strftime("%d/%m/%Y"), day.isoformat()):
        assert parse_date(text) == pd.Timestamp(day)


text_cells = st.one_of(st.none(), st.sampled_from(["", " ", "7,5", "7.5", "05-09-2016", "ja", "a,b", "x"]), st.text(max_size=8))
column_parsers = st.sampled_from([parse_number, parse_integer, parse_date, parse_bool, parse_list, parse_text_cell])


@given(st.lists(text_cells, max_size=30), column_parsers)
def test_a_text_column_parses_as_cell_by_cell(cells, parse):
    """The fast path for CSV columns (each distinct text once) gives exactly what parsing every cell gives."""
    column = pd.Series(cells, index=range(2, 2 + len(cells)), dtype=object)
    values, errors = parse_column(column, parse, plain_text=True)
    slow_values, slow_errors = _parse_any_column(column, parse)
    assert values.tolist() == slow_values.tolist()
    assert errors.tolist() == slow_errors.tolist()
    assert blank_mask(column).tolist() == [is_blank(c) for c in cells]


def test_a_sheet_column_keeps_an_uncomputed_formula_apart_from_the_same_text():
    column = pd.Series(["=A1", FormuleZonderWaarde("=A1"), "=A1"], index=[2, 3, 4], dtype=object)
    values, errors = parse_column(column, parse_text_cell)
    assert values.tolist() == ["=A1", None, "=A1"]
    assert errors[2] is None and errors[4] is None and "formule" in errors[3]
