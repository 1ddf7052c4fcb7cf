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
    excel_error,
    is_blank,
    parse_bool,
    parse_column,
    parse_date,
    parse_enum,
    parse_integer,
    parse_list,
    parse_number,
    parse_text,
    parse_text_cell,
)
from leergeschiedenis.read import ExcelFout, FormuleZonderWaarde


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


# --- what a mutation run of cells.py showed untested (issue 11, item 4) --------------------

EVERY_PARSER = {
    "text": parse_text_cell,
    "number": parse_number,
    "money": lambda v: parse_number(v, money=True),
    "integer": parse_integer,
    "date": parse_date,
    "bool": parse_bool,
    "enum": lambda v: parse_enum(v, ("a",)),
    "list": lambda v: parse_list(v, ("a",)),
}


@pytest.mark.parametrize("parse", EVERY_PARSER.values(), ids=EVERY_PARSER)
@pytest.mark.parametrize("value", [ExcelFout("#DIV/0!"), "#N/B", " #deel/0! ", "#VALUE!"])
def test_every_parser_refuses_an_excel_error_value(parse, value):
    with pytest.raises(CellError, match=r"de cel bevat de Excel-foutwaarde #.*: een formule kon niet worden uitgerekend"):
        parse(value)


@pytest.mark.parametrize("parse", EVERY_PARSER.values(), ids=EVERY_PARSER)
def test_every_parser_refuses_an_uncomputed_formula(parse):
    with pytest.raises(CellError, match="de formule =B2\\*2 heeft geen berekende waarde"):
        parse(FormuleZonderWaarde("=B2*2"))
    with pytest.raises(CellError, match="de formule in deze cel heeft geen berekende waarde"):
        parse(FormuleZonderWaarde("="))


def test_excel_error_text_is_exact():
    assert excel_error("#N/B") == (
        "de cel bevat de Excel-foutwaarde #N/B: een formule kon niet worden uitgerekend; herstel de formule of vul de waarde zelf in"
    )
    assert excel_error("#N/B extra") is None
    assert excel_error(5) is None
    assert parse_text("#N/B") == "#N/B"  # a column that is only kept never refuses


@pytest.mark.parametrize("plain_text", [True, False])
def test_a_list_column_gives_every_row_its_own_list(plain_text):
    values, _ = parse_column(pd.Series(["a,b", "a,b", "a,b"], index=[2, 3, 4], dtype=object), parse_list, plain_text=plain_text)
    values[2].append("c")
    assert values[3] == ["a", "b"] and values[4] == ["a", "b"]
    assert values[3] is not values[4]


def test_a_text_column_reports_errors_per_row():
    values, errors = parse_column(
        pd.Series(["7,5", "x", None, "x"], index=[2, 3, 4, 5], dtype=object), parse_number, plain_text=True
    )
    assert values.tolist()[0] == 7.5 and values[3] is None and values[4] is None
    assert errors[2] is None and errors[4] is None
    assert errors[3] == errors[5] == "'x' is geen getal; schrijf bijvoorbeeld 7,5 of 7.5"
    assert values.index.tolist() == [2, 3, 4, 5]


def test_a_sheet_column_parses_unhashable_and_nan_cells():
    values, errors = parse_column(pd.Series([float("nan"), 3.0, 3, True], index=[2, 3, 4, 5], dtype=object), parse_text)
    assert values.tolist() == [None, "3", "3", "ja"]
    assert errors.isna().all()


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (True, "'WAAR' is geen getal"),
        (float("inf"), "'inf' is geen getal"),
        (dt.date(2016, 9, 5), "'05-09-2016' is geen getal"),
        ("1,2,3,4", "geen getal"),
    ],
)
def test_number_refuses_other_cell_types(value, hint):
    with pytest.raises(CellError, match=hint):
        parse_number(value)


def test_money_hint_and_euro_words():
    with pytest.raises(CellError) as e:
        parse_number(True, money=True)
    # a yes/no cell as the person sees it in Dutch Excel (issue 25), not as the 'ja' it is read as
    assert str(e.value) == "'WAAR' is geen bedrag; schrijf bijvoorbeeld 1234,56 of € 1.234,56"
    assert parse_number("Eur 1.250,5", money=True) == 1250.5
    assert parse_number("1.250 EURO", money=True) == 1250.0
    with pytest.raises(CellError, match="geen getal"):
        parse_number("€ 12")  # a euro sign is only for money


def test_integer_messages():
    with pytest.raises(CellError) as e:
        parse_integer("0,5")
    assert str(e.value) == "'0,5' is geen geheel getal; schrijf bijvoorbeeld 12"
    with pytest.raises(CellError) as e:
        parse_integer(2.0**53 + 2)
    assert str(e.value).startswith("'9007199254740994' ligt buiten het bereik")
    assert parse_integer(-(2**53)) == -(2**53)
    assert parse_integer(None) is None


def test_date_messages_and_bounds():
    assert parse_date(dt.date(1900, 1, 1)) == pd.Timestamp("1900-01-01")
    assert parse_date(dt.datetime(2100, 12, 31, 23, 59)) == pd.Timestamp("2100-12-31")
    assert parse_date("31-12-2100") == pd.Timestamp("2100-12-31")
    assert parse_date("01-01-1900") == pd.Timestamp("1900-01-01")
    with pytest.raises(CellError) as e:
        parse_date("01-01-2101")
    assert str(e.value) == "'01-01-2101': het jaar moet tussen 1900 en 2100 liggen"
    with pytest.raises(CellError) as e:
        parse_date(dt.datetime(1899, 12, 31))
    assert str(e.value) == "'31-12-1899': het jaar moet tussen 1900 en 2100 liggen"
    with pytest.raises(CellError) as e:
        parse_date(42)
    assert str(e.value) == "'42' is geen datum; gebruik dd-mm-jjjj (bijvoorbeeld 05-09-2016), dd/mm/jjjj of jjjj-mm-dd"
    with pytest.raises(CellError) as e:
        parse_date("31-02-2017")
    assert str(e.value) == "'31-02-2017' bestaat niet als datum (dag eerst: dd-mm-jjjj)"
    with pytest.raises(CellError):
        parse_date("05-09/2016")  # one separator style per date
    assert parse_date(" ") is None


def test_bool_and_enum_messages():
    with pytest.raises(CellError) as e:
        parse_bool("misschien")
    assert str(e.value) == "'misschien' is geen ja/nee; gebruik ja of nee"
    assert parse_bool(None) is None
    assert parse_enum(None, ("a",)) is None
    assert parse_enum("Werk en dagbesteding", ("wonen", "werk_en_dagbesteding")) == "werk_en_dagbesteding"
    with pytest.raises(CellError) as e:
        parse_enum("x", ("a", "b"))
    assert str(e.value) == "'x' is niet toegestaan; kies uit: a, b"
    with pytest.raises(CellError) as e:
        parse_list("x, y", ("a",))
    assert str(e.value) == "'x', 'y' zijn niet toegestaan; kies uit: a"
    assert parse_list("a, A", ("a",)) == ["a"]


def test_blank_and_text():
    assert is_blank(None) and is_blank(float("nan")) and is_blank("  ") and not is_blank(0) and not is_blank("x")
    assert cell_text(True) == "ja" and cell_text(False) == "nee"
    assert cell_text(3.5) == "3.5"
    assert cell_text(dt.datetime(2016, 9, 5, 10, 30)) == "2016-09-05 10:30:00"
    assert cell_text(dt.date(2016, 9, 5)) == "05-09-2016"
    assert parse_text(None) is None and parse_text(" x ") == "x"
    assert parse_text_cell(" ") is None


@pytest.mark.parametrize(
    "shown",
    [
        "#N/A",
        "#N/B",
        "#DIV/0!",
        "#DEEL/0!",
        "#VALUE!",
        "#WAARDE!",
        "#REF!",
        "#VERW!",
        "#NAME?",
        "#NAAM?",
        "#NUM!",
        "#GETAL!",
        "#NULL!",
        "#LEEG!",
        "#SPILL!",
        "#OVERLOOP!",
        "#CALC!",
        "#BEREKENEN!",
        "#GETTING_DATA",
        "#GEGEVENS_OPHALEN",
        "#FIELD!",
        "#VELD!",
        "#BLOCKED!",
        "#GEBLOKKEERD!",
        "#CONNECT!",
        "#VERBINDING!",
        "#BUSY!",
        "#BEZET!",
        "#UNKNOWN!",
        "#ONBEKEND!",
    ],
)
def test_every_excel_error_value_in_english_and_dutch_is_refused(shown):
    """As Excel stores them and as Dutch Excel writes them to a CSV."""
    with pytest.raises(CellError, match="Excel-foutwaarde"):
        parse_number(shown.lower())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1.040",
            "'1.040' is dubbelzinnig: de punt kan een duizendtal scheiden of decimalen; schrijf 1040 (zonder scheidingsteken) of 1,04 (met decimale komma)",
        ),
        (
            "+3,500",
            "'+3,500' is dubbelzinnig: de komma kan een duizendtal scheiden of decimalen; schrijf 3500 (zonder scheidingsteken) of 3,5 (met decimale komma)",
        ),
        (
            "-2,125",
            "'-2,125' is dubbelzinnig: de komma kan een duizendtal scheiden of decimalen; schrijf -2125 (zonder scheidingsteken) of -2,1250 (met decimale komma)",
        ),
    ],
)
def test_the_ambiguity_message_exactly(text, message):
    with pytest.raises(CellError) as e:
        parse_number(text)
    assert str(e.value) == message


def test_the_formula_message_exactly():
    with pytest.raises(CellError) as e:
        parse_number(FormuleZonderWaarde("="))
    assert str(e.value).startswith("de formule in deze cel heeft geen berekende waarde (het bestand is door een programma")
    assert excel_error(FormuleZonderWaarde("=A1")).endswith("open en sla op in Excel, dan rekent Excel de formule uit")


def test_exact_messages_of_the_remaining_branches():
    with pytest.raises(CellError) as e:
        parse_date(FormuleZonderWaarde("=A"))
    assert str(e.value).startswith("de formule =A heeft geen berekende waarde")
    with pytest.raises(CellError) as e:
        parse_date("gisteren")
    assert str(e.value) == "'gisteren' is geen datum; gebruik dd-mm-jjjj (bijvoorbeeld 05-09-2016), dd/mm/jjjj of jjjj-mm-dd"
    with pytest.raises(CellError) as e:
        parse_list("wonen, werk", ("wonen",))
    assert str(e.value) == "'werk' is niet toegestaan; kies uit: wonen"


def test_a_sheet_column_with_an_unhashable_cell():
    values, errors = _parse_any_column(pd.Series([["a"], ["a"]], index=[2, 3], dtype=object), parse_text)
    assert values.tolist() == ["['a']", "['a']"] and errors.isna().all()
