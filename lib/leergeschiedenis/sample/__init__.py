"""The synthetic sample data: ``leergeschiedenis sample OUT_DIR [--schaal N]``.

* ``generate``: the table generators, the two designed proeftuinen (Ruwaard,
  Deurne) and the illustrative price list, each written as a team's CSV;
* ``wijkniveau``: Ruwaard's neighbourhood level (wijkbudget, activiteiten, wijkprofiel);
* ``schaal``: ``--schaal N``, N - 1 more proeftuinen built from the same generators;
* ``text``: the Dutch text banks (stories, quotes, reflection cards, places).

Everything is deterministic: the same call writes the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from .generate import price_list_dir, write_deurne, write_maastricht, write_price_list, write_ruwaard
from .schaal import write_schaal

__all__ = ["price_list_dir", "write_price_list", "write_sample"]


def write_sample(out_dir: Path, prijslijst_dir: Path | None = None, schaal: int = 1) -> list[Path]:
    """Write ``OUT_DIR/ruwaard/``, ``OUT_DIR/deurne/`` and the shared price list; returns the files written.

    The price list goes to ``prijslijst_dir`` when given, else to
    ``price_list_dir(OUT_DIR)``: ``data/prijslijst/`` for the repository's
    ``data/sample``, ``OUT_DIR/prijslijst/`` otherwise. Either way the loader
    finds it from the proeftuin folders (it looks up to three levels up).

    ``schaal`` > 1 adds ``schaal - 1`` generated proeftuinen of a regional or
    national programme, ``OUT_DIR/proeftuin-0001-<wijk>/`` and on (see
    ``sample.schaal``); ``schaal`` 1 writes exactly the ordinary sample.
    """
    if schaal < 1:
        raise ValueError("schaal moet minstens 1 zijn")
    out_dir = Path(out_dir)
    written = write_ruwaard(out_dir / "ruwaard") + write_deurne(out_dir / "deurne") + write_maastricht(out_dir / "maastricht")
    target = Path(prijslijst_dir) if prijslijst_dir is not None else price_list_dir(out_dir)
    written.append(write_price_list(target / "prijslijst.csv"))
    written += write_schaal(out_dir, schaal)
    return written
