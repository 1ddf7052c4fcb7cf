import dataclasses

import numpy as np
import pandas as pd

from leergeschiedenis.privacy import gate_crosstab, gate_dataclass, gate_frame, gate_value, suppressed_text
from leergeschiedenis.stats import PairedChange


def test_statistic_about_too_few_people_is_suppressed():
    assert gate_value(7.5, 4, 5) is None
    assert gate_value(7.5, 5, 5) == 7.5
    assert gate_value(7.5, None, 5) is None
    assert suppressed_text(5) == "minder dan 5 personen"


def test_dataclass_keeps_only_its_count():
    change = PairedChange(3, 4.0, 9.0, 5.0, 5.0)
    gated = gate_dataclass(change, 5)
    assert gated.n == 3
    assert all(v is None for k, v in dataclasses.asdict(gated).items() if k != "n")
    assert gate_dataclass(change, 3) == change


def test_gate_frame_masks_rows_with_small_n():
    frame = pd.DataFrame({"n": [2, 5, 9], "mediaan": [10.0, 12.0, 14.0], "q1": [1.0, 2.0, 3.0]})
    gated = gate_frame(frame, 5, ["mediaan", "q1"])
    assert gated["mediaan"].isna().tolist() == [True, False, False]
    assert gated["q1"].tolist()[1:] == [2.0, 3.0]
    assert gated["n"].tolist() == [2, 5, 9]  # the count itself stays


def test_crosstab_primary_and_secondary_suppression():
    counts = pd.DataFrame({"wonen": [12, 3, 0], "financien": [8, 9, 6], "werk": [7, 10, 5]}, index=["GGZ", "GGD", "Wonen"])
    gated = gate_crosstab(counts, 5)
    # Worked by hand: 3 is small (primary). Column 'wonen' would reveal it from its total,
    # so 12 goes; row GGZ then hides its smallest other (7), row GGD its smallest other (9);
    # columns 'financien' and 'werk' then each hide their smallest other (6, 5).
    assert gated.isna().to_dict("list") == {
        "wonen": [True, True, False],
        "financien": [False, True, True],
        "werk": [True, False, True],
    }
    assert gated.loc["GGZ", "financien"] == 8 and gated.loc["GGD", "werk"] == 10
    assert gated.loc["Wonen", "wonen"] == 0  # zero is not a small group


def test_crosstab_without_small_counts_is_unchanged():
    counts = pd.DataFrame({"a": [5, 0], "b": [6, 7]})
    assert gate_crosstab(counts, 5).equals(counts.astype("float64"))


def test_gated_values_are_nan_not_zero():
    gated = gate_frame(pd.DataFrame({"n": [1], "x": [0.0]}), 5, ["x"])
    assert np.isnan(gated.loc[0, "x"])
