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


def test_learning_trend_compares_like_with_like():
    """Issue 16: the first and last quarter of the recurring learning sessions, conferences left out."""
    import pandas as pd

    from leergeschiedenis.sessions import Trend, learning_trend

    rows = pd.DataFrame(
        {
            "datum": pd.to_datetime(
                ["2017-01-12", "2017-02-09", "2017-03-23", "2017-06-01", "2017-10-12", "2017-11-09", "2017-12-14"]
            ),
            "soort": [
                "tweewekelijkse_leersessie",
                "tweewekelijkse_leersessie",
                "werkconferentie",
                "periodieke_leersessie",
                "tweewekelijkse_leersessie",
                "tweewekelijkse_leersessie",
                "dialoogsessie",
            ],
            "deelnemers": [16, 17, 62, 21, 28, 31, 18],
        }
    )
    # the most frequent learning kind (tweewekelijks, 4): Q1 (16 + 17) / 2 = 16,5, Q4 (28 + 31) / 2 = 29,5
    assert learning_trend(rows) == Trend("tweewekelijkse_leersessie", 4, 16.5, 29.5, 1, 4, 2, 2)
    # all in one quarter: first against last session
    one = rows.iloc[[0, 1]]
    assert learning_trend(one) == Trend("tweewekelijkse_leersessie", 2, 16.0, 17.0, None, None, 1, 1)
    # a single learning session has no trend
    assert learning_trend(rows.iloc[[0, 2]]) is None


def test_the_recurring_kind_is_one_kind_over_all_years():
    """Issue 16 review: the year's mean and last year's are about the same kind of learning session."""
    import pandas as pd

    from leergeschiedenis import sessions

    s = pd.DataFrame(
        {
            "datum": pd.to_datetime(["2017-01-05", "2017-02-05", "2018-01-05", "2018-02-05", "2018-03-05", "2018-04-05"]),
            "soort": ["tweewekelijkse_leersessie"] * 2 + ["periodieke_leersessie"] * 3 + ["tweewekelijkse_leersessie"],
            "deelnemers": [10, 13, 40, 40, 40, 12],
        }
    )
    # 3 biweekly sessions with a count (both years) against 3 periodic: a tie goes to the contract's first kind
    assert sessions.recurring_kind(s) == "tweewekelijkse_leersessie"
    assert sessions.kind_attendance(s, 2018, "tweewekelijkse_leersessie") == (1, 12.0)
    assert sessions.kind_attendance(s, 2017, "tweewekelijkse_leersessie") == (2, 11.5)
    assert sessions.kind_attendance(s, 2018, None) == (0, None)
    assert sessions.learning_trend(s[s["datum"].dt.year == 2018], "tweewekelijkse_leersessie") is None  # one session
    assert sessions.recurring_kind(s.iloc[:0]) is None
