"""De privacyverantwoording van één proeftuinjaar, voor een functionaris gegevensbescherming.

Every figure about people the year publishes (in the report, the dashboard with any
organisation filter, ``kerncijfers`` with or without ``--organisatie``), with its n; every
hidden figure with its reason, and for ``herleidbaar`` the published figures whose
combination it protects; the threshold and where it is set; what is never published.
Read from the gate's own declaration and decision (``gate.year_gate``), so it lists exactly
what the views do. It lists what is hidden, never a hidden value: the n of a hidden figure
is published beside it in the report as well.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from . import fmt
from .contract import TABLES
from .dataset import Dataset
from .gate import ALLE, organisation_key, year_gate
from .labels import DOMEIN_LABELS, FINANCIER_LABELS, INDICATOR_LABELS, LEAD_TIME_LABELS
from .privacy import reason_text
from .publish import organisations

CROSSTABS = {
    "levensdomeinen": "Levensdomeinen per organisatie",
    "belemmeringen": "Belemmeringen per organisatie",
    "gestopt": "Gestopte casussen per organisatie",
    "wijk": "Casussen per buurt per organisatie",
    "regisseur": "Casussen per regisseur per organisatie",
}


@dataclass(frozen=True)
class Entry:
    onderwerp: str
    weergave: str  # "hele proeftuin" or the organisation
    n: int
    reden: str | None  # None: published
    beschermt: tuple[str, ...] = field(default=())  # for herleidbaar: the figures of the combination


def _subject(key) -> str:
    if key[0] == "spinnenweb":
        _, kind, moment, domain = key
        if kind == "laatste":
            return f"Positieve gezondheid, {DOMEIN_LABELS.get(domain, domain)}: gemiddelde van de laatste meting in {moment}, indicator van een doel"
        name = "nulmeting" if moment == 0 else f"vervolgmeting {moment}"
        what = f"gemiddelde bij de {name}" if kind == "gemiddelde" else f"verandering van nulmeting tot {name}"
        return f"Positieve gezondheid, {DOMEIN_LABELS.get(domain, domain)}: {what}"
    stat, _view, *part = key
    quarter = f", {part[0][:4]} kwartaal {part[0][-1]}" if part else ""
    if isinstance(stat, tuple) and stat[0] == "financier":
        return f"Kosten en besparing voor {FINANCIER_LABELS.get(stat[1], stat[1])}"
    if isinstance(stat, tuple) and stat[0] == "doorlooptijd":
        return f"Doorlooptijd {LEAD_TIME_LABELS.get(stat[1], stat[1])} (mediaan en kwartielen){quarter}"
    if stat == "kosten":
        return "Kosten en besparing (micro-analyse)"
    if stat == "binnen_bestaand_aanbod":
        return "Opgelost binnen het bestaande aanbod"
    if stat == "welbevinden_na_6_weken":
        return "Welbevinden: verandering na 6 weken"
    if stat == "welbevinden_herhaling":
        return "Welbevinden: verandering na 6-12 maanden"
    return INDICATOR_LABELS.get(stat, str(stat)) + quarter


def entries(dataset: Dataset, jaar: int) -> list[Entry]:
    """Every figure about people of ``jaar`` in every view, with its n and why it is hidden (None: shown)."""
    gate = year_gate(dataset, jaar)
    names = {organisation_key(o): o for o in organisations(dataset)}

    def view_name(key) -> str:
        if key[0] == "spinnenweb" or key[1] == ALLE:
            return "hele proeftuin"
        return names.get(key[1], key[1])

    def label(key) -> str:
        return f"{_subject(key)} ({view_name(key)})"

    out = []
    for f in gate.declaration.figures:
        if f.people:
            reason = gate.reasons.get(f.key)
            because = tuple(label(k) for k in gate.why.get(f.key, ()) if not _is_earlier(k))
            out.append(Entry(_subject(f.key), view_name(f.key), len(f.people), reason, because))
    for f in gate.spinnenweb_figures:
        if f.people:
            reason = gate.spinnenweb.get(f.key[1:])
            because = tuple(
                label(k) if not _is_earlier(k) else f"{label(k[1:])}, verslag {k[0]}" for k in gate.why.get(f.key, ())
            )
            out.append(Entry(_subject(f.key), "hele proeftuin", len(f.people), reason, because))
    return out


def _is_earlier(key) -> bool:
    return isinstance(key[0], int)


def never_published() -> list[str]:
    """The confidential columns and identifiers of the data contract, in Dutch."""
    confidential = [f"{c.name} ({t})" for t, table in TABLES.items() for c in table.columns if c.confidential]
    identifiers = sorted({c.name for table in TABLES.values() for c in table.columns if c.identifier})
    return [
        "Vertrouwelijke teksten: " + ", ".join(confidential) + ".",
        "Nummers die naar een persoon of rij leiden: " + ", ".join(identifiers) + ".",
        "Citaten en teksten van reflectiekaarten zonder toestemming van de schrijver.",
    ]


def _crosstab_lines(dataset: Dataset, jaar: int) -> list[str]:
    gate = year_gate(dataset, jaar)
    lines = []
    for name, title in CROSSTABS.items():
        table = gate.crosstabs[name]
        if not table.size:
            continue
        hidden = int(table.isna().sum().sum())
        lines.append(f"{title}: {fmt.geheel(table.size)} cellen, waarvan {fmt.geheel(hidden)} verborgen.")
    return lines


def text(dataset: Dataset, jaar: int) -> str:
    """The verantwoording as plain text (``leergeschiedenis privacy``)."""
    min_n = dataset.config.privacy.min_groepsgrootte
    rows = entries(dataset, jaar)
    shown = [e for e in rows if e.reden is None]
    hidden = [e for e in rows if e.reden is not None]
    out = [
        f"Privacyverantwoording {dataset.naam}, {jaar}",
        "",
        f"Drempel: geen cijfer over minder dan {min_n} personen, ook niet door gepubliceerde cijfers bij elkaar op te",
        "tellen of van elkaar af te trekken. De drempel staat in proeftuin.yml onder privacy: min_groepsgrootte.",
        "",
        f"Gepubliceerd ({len(shown)} cijfers over personen):",
        *(f"  {e.onderwerp} — {e.weergave}: n = {e.n}" for e in shown),
        "",
        f"Verborgen ({len(hidden)} cijfers; de waarde staat nergens, alleen dat het cijfer er niet is en waarom):",
    ]
    for e in hidden:
        out.append(f"  {e.onderwerp} — {e.weergave}: n = {e.n}, {reason_text(e.reden, min_n)}")
        out += [f"      anders te herleiden met: {b}" for b in e.beschermt]
    out += ["", "Kruistabellen van gevoelige kenmerken (aantallen van 1 tot de drempel verborgen, en wat ze zou verraden):"]
    out += [f"  {line}" for line in _crosstab_lines(dataset, jaar)]
    out += ["", "Nooit gepubliceerd:", *(f"  {line}" for line in never_published())]
    return "\n".join(out) + "\n"


PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Privacyverantwoording {naam} {jaar}</title>
<style>
body {{ font-family: "Segoe UI", Helvetica, Arial, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }}
td.getal {{ text-align: right; font-variant-numeric: tabular-nums; }}
a {{ color: #0072B2; }}
</style>
</head>
<body>
<main>
<h1>Privacyverantwoording {naam} {jaar}</h1>
<p>Voor de functionaris gegevensbescherming: welke cijfers over personen het verslag, het dashboard en de kerncijfers
van {jaar} tonen, over hoeveel personen, en welke cijfers verborgen zijn en waarom. De verborgen waarden staan ook hier
niet. <a href="leergeschiedenis-{jaar}.html">Terug naar het verslag</a>.</p>
{body}
</main>
</body>
</html>
"""


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td{' class=getal' if i in numeric else ''}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def page(dataset: Dataset, jaar: int) -> str:
    """privacy.html: the verantwoording as a page beside the report."""
    min_n = dataset.config.privacy.min_groepsgrootte
    rows = entries(dataset, jaar)
    shown = [e for e in rows if e.reden is None]
    hidden = [e for e in rows if e.reden is not None]
    esc = html.escape
    parts = [
        "<h2>De drempel</h2>",
        f"<p>Geen cijfer over minder dan {min_n} personen, ook niet door gepubliceerde cijfers bij elkaar op te tellen of van "
        "elkaar af te trekken (een organisatie naast een kwartaal, een jaar naast het vorige, een meting naast een gepaarde "
        "verandering). De drempel staat in <code>proeftuin.yml</code> onder <code>privacy: min_groepsgrootte</code>. "
        "Moet een cijfer wijken, dan wijkt het meest gedetailleerde (organisatie per kwartaal vóór een organisatie, een "
        "organisatie vóór de hele proeftuin), daarna het kleinste.</p>",
        f"<h2>Gepubliceerd: {len(shown)} cijfers over personen</h2>",
        _table(
            ["Cijfer", "Voor", "Aantal personen (n)"], [[esc(e.onderwerp), esc(e.weergave), fmt.geheel(e.n)] for e in shown], {2}
        ),
        f"<h2>Verborgen: {len(hidden)} cijfers</h2>",
        "<p>Van een verborgen cijfer staat alleen dat het er niet is en waarom, nooit de waarde.</p>",
        _table(
            ["Cijfer", "Voor", "n", "Reden", "Zou te herleiden zijn met"],
            [
                [
                    esc(e.onderwerp),
                    esc(e.weergave),
                    fmt.geheel(e.n),
                    esc(reason_text(e.reden, min_n)),
                    "<br>".join(esc(b) for b in e.beschermt),
                ]
                for e in hidden
            ],
            {2},
        ),
        "<h2>Kruistabellen van gevoelige kenmerken</h2>",
        "<p>Aantallen van 1 tot de drempel zijn verborgen, en zoveel andere cellen dat ze niet uit de totalen terug te "
        "rekenen zijn. Wat een organisatie in het dashboard ziet, is haar rij van deze tabellen.</p>",
        "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in _crosstab_lines(dataset, jaar)) + "</ul>",
        "<h2>Nooit gepubliceerd</h2>",
        "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in never_published()) + "</ul>",
    ]
    return PAGE.format(naam=esc(dataset.naam), jaar=jaar, body="\n".join(parts))


def write_page(dataset: Dataset, jaar: int, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(page(dataset, jaar), encoding="utf-8")
    return path
