"""Coding and counting the reflection cards of tests/data/analyse (2017: K1-K5)."""

from leergeschiedenis import reflections


def _year(analyse, year=2017):
    cards = analyse.reflectiekaarten
    return cards[cards["datum"].dt.year == year]


def test_dutch_normalisation():
    assert reflections.words("Één Wijk-team, 2017!") == ["een", "wijk", "team", "2017"]
    assert reflections.stems("bewoners leren") == reflections.stems("bewoner leer")


def test_coding_manual_wins_and_automatic_says_why(analyse):
    cards = _year(analyse)
    coded = reflections.code_cards(cards, analyse.config)
    by_id = coded.set_index(cards["kaart_id"])
    assert by_id.loc["K1"].tolist() == [["1"], "automatisch", "1: leefwereld"]
    assert by_id.loc["K2"].tolist() == [["2", "3"], "automatisch", "2: leren; 3: regels"]
    # K3 says "leren" (principle 2) but was coded 3 by hand: the manual coding wins
    assert by_id.loc["K3"].tolist() == [["3"], "handmatig", "handmatig gecodeerd"]
    # a multi-word keyword matches as a phrase
    assert by_id.loc["K4"].tolist() == [["1"], "automatisch", "1: wat de bewoner wil"]
    assert by_id.loc["K5"].tolist() == [[], "geen", "geen trefwoord gevonden"]
    assert reflections.share_coded(coded) == 0.8


def test_phrase_needs_its_words_in_order(analyse):
    assert reflections.automatic_themes("de bewoner wil wat", analyse.config) == {}
    assert reflections.automatic_themes("Er was ruimte om af te wijken", analyse.config) == {"3": ["ruimte om af te wijken"]}


def test_theme_tables(analyse):
    cards = _year(analyse)
    coded = reflections.code_cards(cards, analyse.config)
    assert reflections.theme_counts(cards, coded, analyse.config).to_dict() == {"1": 2, "2": 1, "3": 2}
    by_role = reflections.theme_by_role(cards, coded, analyse.config)
    assert by_role.loc["1", "bestuurder"] == 1 and by_role.loc["3", "manager"] == 1 and by_role.loc["3", "professional"] == 1
    co = reflections.theme_cooccurrence(coded, analyse.config)
    assert co.loc["2", "3"] == co.loc["3", "2"] == 1
    assert co.loc["1", "1"] == 2 and co.loc["1", "2"] == 0
    months = reflections.themes_by_month(cards, coded, analyse.config)
    assert months.loc[months.index[0]].tolist() == [1, 1, 1]  # January: K1 (1), K2 (2, 3)
    assert months.loc[months.index[1]].tolist() == [1, 0, 1]  # February: K4 (1), K3 (3)


def test_counts_by_role_and_session(analyse):
    cards = _year(analyse)
    assert reflections.counts_by(cards, "rol").to_dict() == {"professional": 2, "wijkbewoner": 1, "manager": 1, "bestuurder": 1}
    assert reflections.counts_by(cards, "bijeenkomst").to_dict() == {"Sessie 2": 3, "Sessie 1": 2}


def test_top_terms_skip_stop_words_and_rare_words(analyse):
    cards = analyse.reflectiekaarten
    terms = reflections.top_terms(cards, min_cards=2)
    # 'leren' is on K2 and K6 (both professionals); 'van', 'de' are stop words
    assert terms["professional"] == [("leren", 2)]
    assert terms["wijkbewoner"] == []
    assert reflections.top_terms(cards, min_cards=1)["wijkbewoner"][:2] == [("echt", 1), ("keken", 1)]


def test_quotable_cards_need_consent_and_carry_no_identifier(analyse):
    cards = _year(analyse)
    coded = reflections.code_cards(cards, analyse.config)
    quotes = reflections.quotable(cards, coded)
    assert quotes["geleerd"].tolist() == ["Wat de bewoner wil staat voorop"]
    assert "kaart_id" not in quotes.columns and "organisatie" not in quotes.columns
