from leergeschiedenis import sessions


def test_sessions_of_2017(analyse):
    year = sessions.of_year(analyse.bijeenkomsten, 2017)
    assert len(year) == 3
    kinds = sessions.per_kind(year)
    assert (kinds["tweewekelijkse_leersessie"], kinds["werkconferentie"], kinds["effectenarena"]) == (2, 1, 0)
    # Sessie 3 recorded no attendance: (15 + 30) / 2
    assert sessions.mean_attendance(year) == 22.5
    assert sessions.attendance_by_role(year).to_dict() == {
        "wijkbewoners": 13,
        "professionals": 25,
        "managers": 5,
        "bestuurders": 2,
    }


def test_attendance_trend_in_date_order(analyse):
    trend = sessions.attendance(analyse.bijeenkomsten)
    assert trend["bijeenkomst"].tolist() == ["Sessie 0", "Sessie 1", "Sessie 2", "Sessie 3"]
    assert trend["deelnemers"].tolist()[:3] == [10, 15, 30]


def test_cards_per_session_includes_sessions_without_cards(analyse):
    table = sessions.cards_per_session(analyse.bijeenkomsten, analyse.reflectiekaarten)
    assert table.set_index("bijeenkomst")["kaarten"].to_dict() == {"Sessie 0": 1, "Sessie 1": 2, "Sessie 2": 3, "Sessie 3": 0}


def test_no_sessions_in_a_year(analyse):
    assert sessions.mean_attendance(sessions.of_year(analyse.bijeenkomsten, 2030)) is None
