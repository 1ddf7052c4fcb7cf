"""names: one function per normalisation rule."""

import math

import pytest

from leergeschiedenis.names import (
    clean_identifier,
    code_name,
    fold,
    fold_name,
    identifier_key,
    is_blank,
    name_words,
    normalize_name,
    slug,
)


def test_fold_removes_accents_and_case():
    assert fold("Één Wijk-team") == "een wijk-team"
    assert fold(2017) == "2017"


@pytest.mark.parametrize(
    ("header", "folded"),
    [
        ("Afsluitdatum (dd-mm-jjjj)", "afsluitdatum"),
        ("Meet-moment", "meetmoment"),
        ("Prijs [€]", "prijs"),
        ("Financiën", "financien"),
    ],
)
def test_fold_name_is_the_header_and_enum_rule(header, folded):
    assert fold_name(header) == folded


def test_name_words_keep_the_order_and_drop_brackets():
    assert name_words("Datum MDO (dd-mm)") == ("datum", "mdo")
    assert name_words("") == ()


def test_code_name_joins_the_words():
    assert code_name("Werk en dagbesteding") == "werk_en_dagbesteding"
    assert code_name(" Financiën (geld) ") == "financien"
    assert code_name("!") == ""


def test_normalize_name_keeps_what_it_does_not_know():
    assert normalize_name("Casus ID") == "casus_id"
    assert normalize_name("Opmerking (intern)") == "opmerking_(intern)"
    assert normalize_name("'s-Hertogenbosch") == "s_hertogenbosch"


@pytest.mark.parametrize(
    ("name", "slugged"),
    [
        ("Proeftuin Ruwaard", "proeftuin-ruwaard"),
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("St. Anna", "st-anna"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("Noord / Zuid (2017)", "noord-zuid-2017"),  # never a path separator in a folder name
        ("  ", ""),
    ],
)
def test_slug_is_letters_digits_and_hyphens(name, slugged):
    assert slug(name) == slugged


def test_identifier_rule_ignores_only_what_nobody_sees():
    assert clean_identifier("\ufeff R-1\u200b\u00a0") == "R-1"
    assert identifier_key(" r-2017-001\u2060") == identifier_key("R-2017-001") == "r-2017-001"
    assert identifier_key("R-2017-001") != identifier_key("R-2017-0001")
    assert identifier_key("ONS-welzijn") != identifier_key("ONS welzijn")


def test_is_blank():
    assert is_blank(None) and is_blank(math.nan) and is_blank(" \t") and is_blank("")
    assert not is_blank(0) and not is_blank("x") and not is_blank(False)
