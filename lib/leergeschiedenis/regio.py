"""The regional view: every proeftuin's latest year side by side, with small multiples of the yearly trend.

Every figure is read from a proeftuin's gated ``kerncijfers`` (kerncijfers.json of the
rendered reports, or ``key_figures.kerncijfers`` for the dashboard): nothing here sees a
table of people, and a figure the gate hid stays hidden, with its reason in words. Figures
are set side by side only where they mean the same; the page says what differs (years,
instruments that a proeftuin did not use, privacy limits, own goals).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import fmt
from .privacy import reason_text

# proeftuin name -> its kerncijfers per year, oldest first
Reeksen = Mapping[str, list[dict]]

HEADER = (
    "Proeftuin",
    "Jaar",
    "Casussen",
    "Groei t.o.v. vorig jaar",
    "Welbevinden (verandering)",
    "Besparing per casus",
    "Bijeenkomsten",
    "Deelnemers per leersessie",
    "Streefwaarden gehaald",
)
NUMERIC = frozenset(range(2, len(HEADER)))
BLUE = "#0072B2"


def from_reports(out_dir: str | Path) -> dict[str, list[dict]]:
    """The kerncijfers.json of every rendered report under ``out_dir``, per proeftuin."""
    out: dict[str, list[dict]] = {}
    for path in sorted(Path(out_dir).glob("*/*/kerncijfers.json")):
        if any(part.startswith(".") for part in path.relative_to(out_dir).parts):
            continue  # a render's work folder, not a report
        k = json.loads(path.read_text(encoding="utf-8"))
        out.setdefault(k["proeftuin"], []).append(k)
    return {naam: sorted(ks, key=lambda k: k["jaar"]) for naam, ks in sorted(out.items())}


def from_datasets(datasets: Mapping[str, tuple[object, list[int]]]) -> dict[str, list[dict]]:
    """Key figures per year through the gate, for ``{naam: (dataset, years)}`` (the dashboard)."""
    from .key_figures import kerncijfers  # the reports' regio page reads kerncijfers.json, and needs no analytics

    return {naam: [kerncijfers(d, y) for y in years] for naam, (d, years) in sorted(datasets.items()) if years}


def _hidden(k: dict, part: dict) -> str:
    return reason_text(part.get("reden"), k.get("min_groepsgrootte", 5))


def groei(k: dict) -> str:
    c = k["casussen"]
    if not c.get("vorig_jaar"):
        return "– (geen vorig jaar)"
    return f"{fmt.getal(c['groeifactor'])} keer zoveel ({k['jaar'] - 1}: {fmt.geheel(c['vorig_jaar'])})"


def welbevinden(k: dict) -> str:
    w = k["welbevinden"]
    if w.get("reden") == "geen_gegevens":
        return "geen metingenbestand"
    if not w["n_paren"]:
        return "nog niet gemeten"
    if w["verandering"] is None:
        return _hidden(k, w)
    return ("+" if w["verandering"] > 0 else "") + fmt.getal(w["verandering"]) + f" (n = {fmt.geheel(w['n_paren'])})"


def besparing_per_casus(k: dict) -> str:
    c = k["kosten"]
    if c.get("reden") == "geen_gegevens":
        return "geen kostenbestand"
    if not c["n_casussen"]:
        return "nog geen micro-analyses van kosten"
    if c["besparing"] is None:
        return _hidden(k, c)
    return fmt.euro(c["besparing"] / c["n_casussen"]) + f" (n = {fmt.geheel(c['n_casussen'])})"


def bijeenkomsten(k: dict) -> tuple[str, str]:
    b = k["bijeenkomsten"]
    if not b["totaal"]:
        return "geen leersessies", "–"
    # the recurring learning session, like with like (issue 16), not every event with its conferences
    mean = b.get("gemiddeld_deelnemers_leersessie")
    return fmt.geheel(b["totaal"]), "–" if mean is None else fmt.getal(mean)


def doelen(k: dict) -> tuple[int, int]:
    """(streefwaarden gehaald, streefwaarden beoordeeld) over the proeftuin's own goals."""
    judged = [i["gehaald"] for d in k.get("doelen", []) for i in d["indicatoren"] if i.get("gehaald") is not None]
    return sum(bool(g) for g in judged), len(judged)


def doelen_text(k: dict) -> str:
    met, judged = doelen(k)
    return f"{fmt.geheel(met)} van {fmt.geheel(judged)}" if judged else "geen streefwaarden"


def rows(reeksen: Reeksen) -> list[list[str]]:
    """One row per proeftuin: its latest year."""
    out = []
    for naam, ks in reeksen.items():
        k = ks[-1]
        sessions, attendance = bijeenkomsten(k)
        out.append(
            [
                naam,
                str(k["jaar"]),
                fmt.geheel(k["casussen"]["totaal"]),
                groei(k),
                welbevinden(k),
                besparing_per_casus(k),
                sessions,
                attendance,
                doelen_text(k),
            ]
        )
    return out


def _absent(k: dict) -> list[str]:
    missing = []
    if not k["kosten"]["n_casussen"]:
        missing.append(besparing_per_casus(k))
    if not k["welbevinden"]["n_paren"]:
        missing.append(
            "geen metingenbestand" if k["welbevinden"].get("reden") == "geen_gegevens" else "nog geen metingen van welbevinden"
        )
    if not k["bijeenkomsten"]["totaal"]:
        missing.append("geen leersessies")
    if not k["reflectiekaarten"]["totaal"]:
        missing.append("geen reflectiekaarten")
    if not doelen(k)[1]:
        missing.append("geen doelen met streefwaarden")
    return missing


def differences(reeksen: Reeksen) -> list[str]:
    """What differs between the proeftuinen, in sentences: read these before comparing figures."""
    if not reeksen:
        return []
    latest = {naam: ks[-1] for naam, ks in reeksen.items()}
    out = []
    spans = {naam: f"{ks[0]['jaar']}–{ks[-1]['jaar']}" if len(ks) > 1 else str(ks[0]["jaar"]) for naam, ks in reeksen.items()}
    years = {k["jaar"] for k in latest.values()}
    if len(years) > 1:
        out.append(
            "De jaren verschillen: we zetten van elke proeftuin het laatste jaar naast elkaar ("
            + "; ".join(f"{naam}: {spans[naam]}" for naam in latest)
            + "). Besparingen zijn geprijsd met de prijslijst van dat jaar."
        )
    else:
        out.append(f"Alle proeftuinen staan met hetzelfde jaar in de vergelijking: {next(iter(years))}.")
    for naam, k in latest.items():
        missing = _absent(k)
        if missing:
            out.append(f"{naam} {k['jaar']}: {', '.join(missing)}; daar is niets te vergelijken.")
    limits = {k.get("min_groepsgrootte", 5) for k in latest.values()}
    if len(limits) > 1:
        out.append(
            "De privacygrens verschilt: "
            + "; ".join(
                f"{naam} toont geen cijfers over minder dan {k.get('min_groepsgrootte', 5)} personen"
                for naam, k in latest.items()
            )
            + "."
        )
    else:
        out.append(f"Cijfers over minder dan {next(iter(limits))} personen worden nergens getoond; de reden staat in de tabel.")
    out.append(
        "Elke proeftuin heeft eigen doelen en streefwaarden: 'streefwaarden gehaald' zegt hoe een proeftuin het doet "
        "tegenover zijn eigen doelen, niet tegenover een andere proeftuin."
    )
    out.append(
        "De besparing per casus is de besparing tegenover niets doen, gedeeld door het aantal casussen met een micro-analyse; "
        "de verandering in welbevinden is die van voor tot ongeveer zes weken na de aanpak."
    )
    return out


def _table(reeksen: Reeksen) -> str:
    head = "".join(f'<th scope="col"{" class=getal" if i in NUMERIC else ""}>{html.escape(h)}</th>' for i, h in enumerate(HEADER))
    body = "".join(
        "<tr>"
        + "".join(
            (
                f'<th scope="row">{html.escape(c)}</th>'
                if i == 0
                else f"<td{' class=getal' if i in NUMERIC else ''}>{html.escape(c)}</td>"
            )
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows(reeksen)
    )
    # focusable: on a phone the table scrolls sideways in its own box, and so by keyboard too
    return f'<table class="lg-regio" tabindex="0"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


@dataclass(frozen=True)
class Bar:
    jaar: int
    casussen: int


def _trend_svg(naam: str, ks: list[dict], top: int) -> str:
    """A small bar chart of cases per year, on the scale shared by all multiples (``top``)."""
    bars = [Bar(k["jaar"], int(k["casussen"]["totaal"])) for k in ks]
    width, height, pad = 220, 140, 22
    step = (width - 10) / max(len(bars), 1)
    bar_w = step * 0.6
    parts = []
    for i, b in enumerate(bars):
        h = 0 if not top else (height - 2 * pad) * b.casussen / top
        x = 5 + i * step + (step - bar_w) / 2
        y = height - pad - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BLUE}"></rect>')
        cx = x + bar_w / 2
        parts.append(f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11">{fmt.geheel(b.casussen)}</text>')
        parts.append(f'<text x="{cx:.1f}" y="{height - 6}" text-anchor="middle" font-size="11">{b.jaar}</text>')
    label = f"{naam}: casussen per jaar, " + ", ".join(f"{b.jaar} {fmt.geheel(b.casussen)}" for b in bars)
    return (
        f'<figure class="lg-klein"><figcaption>{html.escape(naam)}</figcaption>'
        f'<svg role="img" aria-label="{html.escape(label)}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f'<title>{html.escape(label)}</title><line x1="0" y1="{height - pad}" x2="{width}" y2="{height - pad}" stroke="#666"></line>'
        + "".join(parts)
        + "</svg></figure>"
    )


def trends(reeksen: Reeksen) -> str:
    """Small multiples: one bar chart of cases per year per proeftuin, all on one scale."""
    top = max((int(k["casussen"]["totaal"]) for ks in reeksen.values() for k in ks), default=0)
    return '<div class="lg-klein-veelvouden">' + "".join(_trend_svg(n, ks, top) for n, ks in reeksen.items()) + "</div>"


CSS = """
.lg-regio { border-collapse: collapse; width: 100%; }
.lg-regio th, .lg-regio td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
.lg-regio .getal { text-align: right; font-variant-numeric: tabular-nums; }
.lg-klein-veelvouden { display: flex; flex-wrap: wrap; gap: 1rem; }
.lg-klein { margin: 0; }
.lg-klein figcaption { font-weight: 600; font-size: 0.9rem; }
"""


def fragment(reeksen: Reeksen) -> str:
    """The comparison as an HTML fragment: table, what differs, small multiples (the dashboard shows this)."""
    if not reeksen:
        return "<p>Nog geen proeftuinen met gegevens om te vergelijken.</p>"
    notes = "".join(f"<li>{html.escape(s)}</li>" for s in differences(reeksen))
    return (
        f"<style>{CSS}</style>"
        "<h3>Het laatste jaar van elke proeftuin</h3>"
        + _table(reeksen)
        + "<h3>Wat verschilt</h3>"
        + f"<ul>{notes}</ul>"
        + "<h3>Casussen per jaar</h3><p>Elke grafiek is een proeftuin; alle grafieken hebben dezelfde schaal.</p>"
        + trends(reeksen)
    )


PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Alle proeftuinen naast elkaar</title>
<style>
body {{ font-family: "Segoe UI", Helvetica, Arial, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
a {{ color: #0072B2; }}
</style>
</head>
<body>
<main>
<h1>Alle proeftuinen naast elkaar</h1>
<p>Van elke proeftuin het laatste verslagjaar, uit de kerncijfers van de verslagen zelf: wat daar niet getoond mocht worden,
staat hier ook niet. <a href="index.html">Terug naar alle verslagen</a>.</p>
{body}
</main>
</body>
</html>
"""


def page(reeksen: Reeksen) -> str:
    return PAGE.format(body=fragment(reeksen))


def write_regio(out_dir: str | Path) -> Path:
    """regio.html beside index.html, from the kerncijfers.json of the rendered reports."""
    out = Path(out_dir) / "regio.html"
    out.write_text(page(from_reports(out_dir)), encoding="utf-8")
    return out
