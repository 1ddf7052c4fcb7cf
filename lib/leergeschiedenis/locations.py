"""Where the dashboard finds its data when none is given: a module with no imports of weight, so
`leergeschiedenis dashboard` (the process that starts and stops Voila) stays small."""

from __future__ import annotations

from pathlib import Path

DATA_ENV = "LEERGESCHIEDENIS_DATA"
# set by `leergeschiedenis dashboard` for a pool of preheated kernels: work a page would wait for is done first
PREHEAT_ENV = "LEERGESCHIEDENIS_VOORVERWARMD"
_CHECKOUT = Path(__file__).resolve().parents[2]
# The synthetic sample is in the source checkout (data/sample), not in the package: installed
# with `pip install .` there is no default and a data root must be given.
SAMPLE: Path | None = _CHECKOUT / "data" / "sample" if (_CHECKOUT / "pyproject.toml").is_file() else None
NO_SAMPLE = (
    "Geef de map met proeftuinmappen: de voorbeeldgegevens horen bij de broncode en niet bij het "
    "geïnstalleerde pakket ('leergeschiedenis sample MAP' schrijft ze in MAP)."
)
