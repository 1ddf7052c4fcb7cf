"""Everything the dashboard publishes, for every selection of a data root: to prove that a speed-up
changes no figure.

    .venv/bin/python bench/dashboard_dump.py OUT.json [DATA_ROOT]        # write
    .venv/bin/python bench/dashboard_dump.py --compare A.json B.json     # the selections that differ

Per proeftuin x year x organisation (Alle and each one) with role Alle, and per role with
organisation Alle: kerncijfers of the view, every chart's plotly JSON, every tab's text (the
key-figure cards too) and the report's sentences. Each proeftuin-year is computed from a freshly
loaded dataset (no cache of another year); with --walk every selection is computed again in one
process state after all the others (the order a manager walks), and a difference, a cache gone
stale, is reported.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def selections(proeftuinen) -> list[tuple[str, int, str | None, str | None]]:
    from leergeschiedenis import figures
    from leergeschiedenis.publish import organisations

    out = []
    for naam, p in sorted(proeftuinen.items()):
        d = p.dataset
        roles = [r for r in figures.ROL_LABELS if r in set(d.reflectiekaarten["rol"].astype("string").dropna())]
        for jaar in p.years:
            out += [(naam, jaar, None, None)] + [(naam, jaar, o, None) for o in organisations(d)]
            out += [(naam, jaar, None, r) for r in roles]
    return out


def published(dataset, jaar: int, organisatie: str | None, rol: str | None) -> dict:
    """What one selection shows: every tab's text and chart, and kerncijfers."""
    import plotly.io as pio

    from leergeschiedenis import content, dashboard
    from leergeschiedenis.privacy import jsonable
    from leergeschiedenis.publish import Filters, YearView

    v = YearView(dataset, jaar, Filters(organisatie=organisatie, rol=rol))
    out = {"kern": json.loads(json.dumps(v.kern, default=jsonable)), "kaarten": dashboard._key_figures_html(v)}
    out["teksten"] = dashboard.view_texts(v)
    out["zinnen"] = {name: content.sentences(name, v) for name in content.TEXTS}
    out["grafieken"] = {name: json.loads(pio.to_json(fig, validate=False)) for name, fig in dashboard.view_figures(v).items()}
    return out


def dump(root: Path, walk: bool = False) -> tuple[dict, list[str]]:
    from leergeschiedenis.dashboard import discover

    result, stale = {}, []
    walked = discover(root)  # one process state for every selection, in order
    fresh = {}
    for naam, jaar, organisatie, rol in selections(walked):
        key = f"{naam} | {jaar} | {organisatie or 'Alle'} | {rol or 'Alle'}"
        if (naam, jaar) not in fresh:  # its own dataset: no cache of another year
            fresh = {(naam, jaar): discover(root)[naam].dataset}
        with contextlib.redirect_stdout(io.StringIO()):
            result[key] = published(fresh[naam, jaar], jaar, organisatie, rol)
    if walk:
        for key in result:
            naam, jaar, organisatie, rol = (None if part == "Alle" else part for part in key.split(" | "))
            with contextlib.redirect_stdout(io.StringIO()):
                again = published(walked[naam].dataset, int(jaar), organisatie, rol)
            if _digest(again) != _digest(result[key]):
                stale.append(key)
                print(f"anders na de andere selecties: {key}", file=sys.stderr)
    return result, stale


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def compare(a: dict, b: dict) -> list[str]:
    lines = [f"alleen in één: {k}" for k in sorted(set(a) ^ set(b))]
    for key in sorted(set(a) & set(b)):
        for part in a[key]:
            left, right = a[key][part], b[key].get(part)
            if isinstance(left, dict) and isinstance(right, dict):
                lines += [
                    f"{key} | {part} | {n}"
                    for n in sorted(set(left) | set(right))
                    if _digest(left.get(n)) != _digest(right.get(n))
                ]
            elif _digest(left) != _digest(right):
                lines.append(f"{key} | {part}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?")
    parser.add_argument("data_root", nargs="?", default=str(ROOT / "data" / "sample"))
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"))
    parser.add_argument("--walk", action="store_true", help="also every selection after all others, in one process")
    args = parser.parse_args()
    if args.compare:
        a, b = (json.loads(Path(p).read_text()) for p in args.compare)
        lines = compare(a, b)
        print("\n".join(lines) or f"gelijk: {len(a)} selecties")
        sys.exit(1 if lines else 0)
    result, stale = dump(Path(args.data_root), args.walk)
    Path(args.out).write_text(json.dumps(result, sort_keys=True, ensure_ascii=False, indent=1))
    print(f"{len(result)} selecties naar {args.out}" + (f"; {len(stale)} anders na de andere selecties" if args.walk else ""))
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
