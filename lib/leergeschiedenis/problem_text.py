"""The problem report as a person reads it in a terminal: per file, what to fix where."""

from __future__ import annotations

from itertools import groupby

from .contract import ORDER
from .dataset import Dataset
from .names import fold_name
from .read import is_empty_template

MAX_PER_FILE = 50


def summary_line(result: Dataset | Exception) -> str:
    """One proeftuin in a line (``check --alle``): rows read and refused, errors and notices; or why
    it cannot be read."""
    if isinstance(result, Exception):
        return f"ONLEESBAAR: {result}"
    gelezen = sum(a.gelezen for a in result.accounting.values())
    refused = result.n_refused
    n_fout = len(result.errors)
    n_melding = len(result.problems) - n_fout
    return (
        f"{gelezen} {'rij' if gelezen == 1 else 'rijen'} gelezen, {refused} geweigerd; "
        f"{n_fout} {'fout' if n_fout == 1 else 'fouten'}, {n_melding} {'melding' if n_melding == 1 else 'meldingen'}"
    )


def problems_as_text(dataset: Dataset) -> str:
    lines = [f"{dataset.naam} ({dataset.folder})", ""]
    lines.append(f"{'tabel':<18}{'bestand':<34}{'gelezen':>9}{'geaccepteerd':>14}{'geweigerd':>11}")
    for table in ORDER:
        if table in dataset.accounting:
            a = dataset.accounting[table]
            source = dataset.sources[table]
            where = source.bestand + (f" [{', '.join(source.sheets)}]" if source.sheet else "")
            lines.append(f"{table:<18}{where:<34}{a.gelezen:>9}{a.geaccepteerd:>14}{a.geweigerd:>11}")
    # sheets with only a header (a registration workbook not yet filled in): one line per workbook,
    # not a notice each; ``check --json`` keeps every notice
    empty: dict[str, list[str]] = {}
    for p in dataset.problems:
        if is_empty_template(p):
            empty.setdefault(p.bestand, []).append(p.blad)
    waiting = {fold_name(blad) for sheets in empty.values() for blad in sheets}
    missing = [t for t in ORDER if t not in dataset.accounting and t not in waiting]
    if missing:
        lines.append(f"(geen bestand voor: {', '.join(missing)})")
    lines.append("")
    for bestand, sheets in empty.items():
        lines.append(f"Nog leeg in {bestand}: {', '.join(sheets)} (alleen een kopregel)")
    if empty:
        lines.append("")
    problems = [p for p in dataset.problems if not is_empty_template(p)]
    if not problems and not empty:
        lines.append("Geen problemen gevonden.")
        return "\n".join(lines) + "\n"
    key = lambda p: (p.bestand, p.blad or "")  # noqa: E731
    for (bestand, blad), group in groupby(sorted(problems, key=key), key=key):
        group = list(group)
        n_fout = sum(p.ernst == "fout" for p in group)
        title = bestand + (f", blad {blad}" if blad else "")
        n_melding = len(group) - n_fout
        lines.append(
            f"{title}: {n_fout} {'fout' if n_fout == 1 else 'fouten'}, {n_melding} {'melding' if n_melding == 1 else 'meldingen'}"
        )
        for p in group[:MAX_PER_FILE]:
            where = []
            if p.rij is not None:
                where.append(f"rij {p.rij}")
            if p.kolom:
                where.append(f"kolom {p.kolom}")
            label = "FOUT   " if p.ernst == "fout" else "melding"
            lines.append(f"  {label} {', '.join(where) or '-':<32} {p.melding}")
        if len(group) > MAX_PER_FILE:
            lines.append(f"  … en nog {len(group) - MAX_PER_FILE} (alles: leergeschiedenis check --json)")
        lines.append("")
    refused = dataset.n_refused
    if refused:
        lines.append(f"{refused} {'rij' if refused == 1 else 'rijen'} geweigerd.")
    elif not sum(a.gelezen for a in dataset.accounting.values()):
        lines.append("Nog geen rijen ingevuld.")
    else:
        lines.append("Alle rijen geaccepteerd.")
    unread = sum(p.regel == "niet_gelezen" for p in problems)
    if unread:
        lines.append(
            f"Let op: {unread} {'bestand of blad' if unread == 1 else 'bestanden of bladen'} niet gelezen; zie de meldingen hierboven."
        )
    return "\n".join(lines) + "\n"
