"""A regional or national programme: ``leergeschiedenis sample OUT_DIR --schaal N``.

``--schaal 1`` is the ordinary sample (Ruwaard, Deurne and the price list, byte
for byte). ``--schaal N`` adds N - 1 generated proeftuinen,
``OUT_DIR/proeftuin-0001-<wijk>/`` to ``OUT_DIR/proeftuin-<N-1>-<wijk>/``, each
with its own ``proeftuin.yml`` (plain-text goals) and every table of the
contract but the neighbourhood tables (activiteiten, wijkbudget, wijkprofiel:
only Ruwaard has those), so N = 500 gives some 10^5 cases and 10^6 spinnenweb
rows.

Everything of generated proeftuin ``i`` follows from ``i`` alone: its gemeente
(a real Dutch municipality) and an invented wijk name, its size (a golden-ratio
sequence through a lognormal distribution, so any N has small and large
proeftuinen and the average settles quickly), its years, organisations and
style (odd ``i``: Dutch Excel like Ruwaard; even ``i``: plain CSV like Deurne),
and every random draw (``random.Random`` and numpy generators seeded with
``i`` and the table). Same N, same files; proeftuin ``i`` is the same for every
N > i.

Cases, micro-analyses, sessions and reflection cards reuse the sample's own
generators (``generate.casussen``, ``metingen``, ``kosten``, ``bijeenkomsten``,
``reflectiekaarten``); the spinnenweb, the bulk of the rows, is drawn with
numpy and written without per-cell Python formatting. Spinnenweb is at domain
level for most proeftuinen and at item level for about one in seven. Each
proeftuin is written and then forgotten, so memory stays flat for any N.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist

import numpy as np

from ..contract import DOMEINEN, SPINNENWEB_VERSIES
from ..errors import OngeldigVoorbeeld
from ..names import slug
from . import generate as gen
from . import text as tx

GOLDEN = (math.sqrt(5) - 1) / 2
# Mean cases and spinnenweb participants of a generated proeftuin are about 1.38 times these medians.
MEDIAAN_CASUSSEN = 150
MEDIAAN_DEELNEMERS = 680
SPREIDING = 0.8  # sigma of the lognormal size


def _gemeenten() -> list[tuple[str, str, dict]]:
    """(gemeente, provincie, provincie-info) in a fixed shuffled order."""
    out = [(g, p, info) for p, info in tx.PROVINCIES.items() for g in info["gemeenten"]]  # type: ignore[attr-defined]
    random.Random("leergeschiedenis-schaal/gemeenten").shuffle(out)
    return out


def _wijken() -> list[str]:
    out = list(tx.WIJKEN)
    random.Random("leergeschiedenis-schaal/wijken").shuffle(out)
    return out


GEMEENTEN = _gemeenten()
WIJKEN = _wijken()
assert math.gcd(len(GEMEENTEN), len(WIJKEN)) == 1  # every (gemeente, wijk) pair once in len(G) * len(W) proeftuinen


def folder_name(index: int) -> str:
    """``proeftuin-0001-kruidenwijk``: the folder of generated proeftuin ``index`` (1, 2, ...)."""
    return f"proeftuin-{index:04d}-{slug(_place(index)[1])}"


def _place(index: int) -> tuple[tuple[str, str, dict], str]:
    k = index - 1
    wijk = WIJKEN[k % len(WIJKEN)]
    if k >= len(GEMEENTEN) * len(WIJKEN):  # beyond 18,333 proeftuinen the names start to repeat
        wijk += f" {k // (len(GEMEENTEN) * len(WIJKEN)) + 1}"
    return GEMEENTEN[k % len(GEMEENTEN)], wijk


def grootte(index: int) -> float:
    """Relative size of proeftuin ``index``: lognormal (median 1), stratified by the golden-ratio sequence."""
    u = min(max((index * GOLDEN) % 1.0, 0.02), 0.98)
    return math.exp(SPREIDING * NormalDist().inv_cdf(u))


def _rng(index: int, table: str) -> random.Random:
    return random.Random(f"leergeschiedenis-schaal/{index}/{table}")


def _np_rng(index: int, table: str) -> np.random.Generator:
    digest = hashlib.sha256(f"leergeschiedenis-schaal/{index}/{table}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


# ---------------------------------------------------------------------------
# The set-up of one generated proeftuin
# ---------------------------------------------------------------------------

# Life-domain codes in the two styles: Ruwaard's eight standard ones, Deurne's seven.
DOMEINEN_RUWAARD = ("wonen", "financien", "werk_en_dagbesteding", "gezondheid", "sociaal_netwerk", "opvoeding", "veiligheid",
                    "zingeving")  # fmt: skip
DOMEINEN_DEURNE = ("wonen", "financien", "werk_en_inkomen", "gezondheid", "sociaal_netwerk", "opvoeding_en_onderwijs",
                   "veiligheid")  # fmt: skip


@dataclass(frozen=True)
class Opzet:
    index: int
    folder: str
    plan: gen.Plan
    deurne_stijl: bool
    start: dt.date  # first day of the proeftuin
    grootte: float
    deelnemers: int  # spinnenweb participants
    versie: str
    items: bool  # spinnenweb at item level
    versie_kolom: bool
    kaart_organisaties: dict[str, list[tuple[str, float]]]
    groep_slots: dict[str, str]
    prefix: str


def _prefix(wijk: str) -> str:
    words = [w for w in slug(wijk).split("-") if w not in ("de", "het")] or ["x"]
    letters = "".join(w[0] for w in words) if len(words) > 1 else words[0][:2]
    return letters.upper()


def _split(total: int, weights: list[float], least: int) -> list[int]:
    """``total`` over the weights (largest remainder), each at least ``least``."""
    spare = max(0, total - least * len(weights))
    raw = [spare * w / sum(weights) for w in weights]
    out = [least + math.floor(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - math.floor(raw[i]), reverse=True)[: total - sum(out)]:
        out[i] += 1
    return out


def opzet(index: int) -> Opzet:
    """Everything that defines generated proeftuin ``index``; deterministic from the index."""
    if index < 1:
        raise ValueError("proeftuin-index begint bij 1")
    rng = _rng(index, "opzet")
    (gemeente, provincie, info), wijk = _place(index)
    regio, verzekeraar = str(info["regio"]), str(info["verzekeraar"])
    deurne_stijl = index % 2 == 0
    size = grootte(index)
    domeinen = DOMEINEN_DEURNE if deurne_stijl else DOMEINEN_RUWAARD
    fin, won, werk, gez, soc, opv, vei = domeinen[:7]
    zin = "zingeving" if not deurne_stijl else soc

    welzijn = rng.choice(tx.WELZIJN).format(g=gemeente)
    corporatie = rng.choice(tx.CORPORATIES).format(g=gemeente)
    ontmoetingsplek = rng.choice(tx.ONTMOETINGSPLEKKEN)
    huisartsen = f"{rng.choice(('Huisartsen', 'Gezondheidscentrum', 'Huisartsenpraktijk'))} {wijk}"
    jeugd = rng.choice((f"Jeugdhulp {regio}", f"Centrum voor Jeugd en Gezin {gemeente}"))
    candidates = [  # (name, weight, domains, chance to take part)
        (f"Gemeente {gemeente}", 1.5, (fin, werk), 1.0),
        (welzijn, 1.5, (soc, zin, fin), 1.0),
        (corporatie, 1.2, (won, fin), 1.0),
        (f"GGZ {regio}", 1.3, (gez, soc), 1.0),
        (huisartsen, 1.0, (gez, soc), 0.8),
        (f"GGD {regio}", 0.7, (gez, opv), 0.6),
        (f"Verslavingszorg {regio}", 0.7, (gez, vei), 0.6),
        (f"Politie {gemeente}", 0.7, (vei, won), 0.7),
        ("Reclassering Nederland", 0.5, (vei, werk), 0.4),
        (jeugd, 0.9, (opv,), 0.6),
        (f"Werk en Inkomen {gemeente}", 0.8, (werk, fin), 0.5),
        (f"Thuiszorg {regio}", 0.6, (gez,), 0.4),
    ]
    organisaties = tuple(
        gen.Organisatie(naam, round(w * rng.uniform(0.7, 1.3), 2), tuple(dict.fromkeys(d)))
        for naam, w, d, kans in candidates
        if rng.random() < kans
    )
    names = [o.naam for o in organisaties]
    ook = (f"Zorgverzekeraar {verzekeraar}", "UWV", "Basisschool in de wijk", "Vrijwilligerscentrale", "Thuiszorg")
    ook_betrokken = tuple(n for n in ook if n not in names)
    domein_betrokken = {
        fin: (f"Schuldhulpverlening Gemeente {gemeente}", welzijn),
        won: (corporatie,),
        werk: (f"Gemeente {gemeente}", "UWV"),
        gez: (huisartsen, f"GGZ {regio}"),
        soc: (welzijn,),
        opv: (jeugd, "Basisschool in de wijk"),
        vei: (f"Politie {gemeente}",),
    }
    if not deurne_stijl:
        domein_betrokken[zin] = (welzijn,)

    # Years and cases: a partial first year, then growth.
    start_jaar = 2015 + rng.randint(0, 5)
    jaren = list(range(start_jaar, min(2022, start_jaar + rng.choice((2, 3, 3, 4)) - 1) + 1))
    eerste_maand = rng.randint(2, 9)
    n_casussen = max(15, round(MEDIAAN_CASUSSEN * size * rng.uniform(0.85, 1.15)))
    weights = [0.5 * (13 - eerste_maand) / 12] + [1.0 + 0.12 * k for k in range(1, len(jaren))]
    per_jaar = _split(n_casussen, weights, 3)
    groei = [rng.uniform(1.0, 2.5)] + [max(0.2, 1.2 - 0.4 * k + rng.uniform(-0.2, 0.2)) for k in range(1, len(jaren))]
    jaarplannen = tuple(
        gen.Jaarplan(jaar, n, eerste_maand if k == 0 else 1, 12, round(g, 2))
        for k, (jaar, n, g) in enumerate(zip(jaren, per_jaar, groei, strict=True))
    )
    start = dt.date(start_jaar, eerste_maand, 1)
    eind = dt.date(jaren[-1], 12, 31)
    export = dt.date(jaren[-1] + 1, 1, rng.randint(6, 25))
    midden = start + (eind - start) / 2
    doorlooptijden = (
        (start, rng.uniform(18, 30), rng.uniform(10, 18), rng.uniform(0.03, 0.15)),
        (midden, rng.uniform(10, 16), rng.uniform(5, 10), rng.uniform(0.15, 0.3)),
        (eind, rng.uniform(5, 9), rng.uniform(2, 5), rng.uniform(0.3, 0.5)),
    )
    naam = f"Proeftuin {wijk} {gemeente}"
    prefix = _prefix(wijk)
    width = 3 if max(per_jaar) < 1000 else 4
    config = {
        "naam": naam,
        "gemeente": gemeente,
        "wijken": gen.FlowList([wijk]),
        "inwoners": max(2500, 100 * round(90 * size * rng.uniform(0.8, 1.2))),
        "visie": rng.choice(tx.VISIES).format(w=wijk),
        "doelen": [d for d in tx.DOELEN if rng.random() < 0.55] or list(tx.DOELEN[:3]),
        "partners": names + list(ook_betrokken[: rng.randint(1, 3)]),
        "levensdomeinen": gen.FlowList(domeinen),
        "afspraken": {"casussen_per_organisatie_per_maand": rng.choice((0.5, 1, 1, 2))},
        "ontwerpprincipes": gen.RUWAARD_PRINCIPES,  # the programme's nine design principles
        "reflectiekaarten_citeerbaar": rng.random() < 0.1,
        "privacy": {"min_groepsgrootte": 5},
    }
    plan = gen.Plan(
        key=f"schaal-{index}",
        config=config,
        style=gen.PLAIN if deurne_stijl else gen.DUTCH_EXCEL,
        slots={"wijk": wijk, "welzijn": welzijn, "corporatie": corporatie, "ontmoetingsplek": ontmoetingsplek},
        organisaties=organisaties,
        ook_betrokken=ook_betrokken,
        domein_betrokken=domein_betrokken,
        jaren=jaarplannen,
        casus_id=lambda year, n: f"{prefix}-{year}-{n:0{width}d}",
        export=export,
        doorlooptijden=doorlooptijden,
        collectief=rng.uniform(0.03, 0.1),
        belemmering_kans=((start, rng.uniform(0.6, 0.8)), (eind, rng.uniform(0.3, 0.5))),
        binnen_aanbod_kans=((start, rng.uniform(0.45, 0.6)), (eind, rng.uniform(0.65, 0.8))),
        domein_bank=dict(gen.DEURNE.domein_bank) if deurne_stijl else {},
        thema_principe=dict(gen.RUWAARD.thema_principe),
        thema_gewicht={jaar: dict(gen.RUWAARD.thema_gewicht[2016 + min(k, 2)]) for k, jaar in enumerate(jaren)},
    )
    kaart_organisaties = {
        "professional": [(o.naam, o.gewicht) for o in organisaties],
        "manager": [(o.naam, o.gewicht) for o in organisaties[:6]],
        "bestuurder": [(f"Gemeente {gemeente}", 3), (corporatie, 1), (f"GGZ {regio}", 1), (welzijn, 1)],
        "financier": [(f"Zorgverzekeraar {verzekeraar}", 3), (f"Gemeente {gemeente}", 2)],
        "student": [(f"Hogeschool {regio}", 2), (f"ROC {regio}", 1)],
        "overig": [(f"Provincie {provincie}", 1), ("Huisartsenpraktijk buiten de wijk", 1)],
    }
    items = index % 7 == 2
    versie = "mpg_v2" if jaren[-1] >= 2021 and rng.random() < 0.6 else "mpg_v1"
    if not items and rng.random() < (0.7 if deurne_stijl else 0.3):
        versie = "eenvoudig"
    return Opzet(
        index=index,
        folder=folder_name(index),
        plan=plan,
        deurne_stijl=deurne_stijl,
        start=start,
        grootte=size,
        deelnemers=max(12, round(MEDIAAN_DEELNEMERS * size * rng.uniform(0.75, 1.25))),
        versie=versie,
        items=items,
        versie_kolom=versie != "mpg_v1" or rng.random() < 0.6,
        kaart_organisaties=kaart_organisaties,
        groep_slots={"w": wijk, "o": ontmoetingsplek},
        prefix=prefix,
    )


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _sessies(o: Opzet) -> list[gen.Sessie]:
    """Learning sessions every month or two (more often in a large proeftuin), conferences, arenas, dialogues."""
    rng = _rng(o.index, "sessies")
    plan = o.plan
    naam = plan.config["naam"]
    leertafel = o.deurne_stijl
    base = 8 + 5 * math.sqrt(o.grootte)
    sessies = [gen.Sessie(f"Startconferentie {naam}", gen.workday(o.start + dt.timedelta(days=rng.randint(7, 20))),
                         "werkconferentie", round(30 + 25 * math.sqrt(o.grootte) + rng.randint(-5, 10)), False)]  # fmt: skip
    nummer = 0
    jaren = [jp.jaar for jp in plan.jaren]
    step = 2 if leertafel or o.grootte < 0.6 else 1
    for k, jaar in enumerate(jaren):
        first = o.start.month + 1 if k == 0 else 1
        for m in range(first, 13, step):
            if m in (7, 8):
                continue
            day = gen.workday(dt.date(jaar, m, rng.randint(5, 18 if m == 12 else 24)))  # not at Christmas
            if day > plan.export or day <= sessies[0].datum:
                continue
            nummer += 1
            trend = base * (1 + 0.8 * (k + m / 12) / len(jaren))
            deelnemers = None if rng.random() < 0.04 else max(4, round(trend + rng.uniform(-2, 2.5)))
            soort = "periodieke_leersessie" if leertafel else "tweewekelijkse_leersessie"
            titel = f"Leertafel {nummer}" if leertafel else f"Leersessie {nummer}"
            sessies.append(gen.Sessie(titel, day, soort, deelnemers, rng.random() > 0.15))
        extra = [("Werkconferentie", "werkconferentie", 0.8 if k else 0.0, 40 + 30 * math.sqrt(o.grootte)),
                 ("Effectenarena", "effectenarena", 0.6, 20 + 8 * math.sqrt(o.grootte)),
                 ("Dialoogsessie bestuurders", "dialoogsessie", 0.7, 12 + 4 * math.sqrt(o.grootte)),
                 ("Snelkookpansessie", "snelkookpansessie", 0.3, 14.0)]  # fmt: skip
        for titel, soort, kans, size in extra:
            if rng.random() >= kans:
                continue
            lo = o.start.month + 1 if k == 0 else 1
            month = rng.randint(min(lo, 12), 12)
            month = 9 if month in (7, 8) else month  # nobody organises a conference in the summer holidays
            day = gen.workday(dt.date(jaar, month, rng.randint(3, 18 if month == 12 else 26)))
            if day > plan.export or day <= sessies[0].datum:
                continue
            sessies.append(gen.Sessie(f"{titel} {jaar}", day, soort, round(size + rng.randint(-4, 6))))
    return sorted(sessies, key=lambda s: (s.datum, s.naam))


def _micro_sample(o: Opzet, cases: list[gen.Row]) -> list[gen.Row]:
    rng = _rng(o.index, "steekproef")
    per_year = {}
    for jp in o.plan.jaren:
        pool = sum(
            1
            for r in cases
            if r["aanmelddatum"].year == jp.jaar  # type: ignore[union-attr]
            and r["status"] == "afgerond"
            and r["soort"] == "individueel"
            and r["oplossing_datum"] is not None
        )
        n = min(pool, max(2, min(25, round(jp.casussen * rng.uniform(0.04, 0.1)))))
        if n >= 1:
            per_year[jp.jaar] = n
    return gen.micro_sample(rng, cases, per_year)


def _check_kosten(kosten_rows: list[gen.Row], sample: list[gen.Row]) -> None:
    """Every micro-analysis: the proeftuinoplossing costs less than doing nothing, at every price year."""
    for jaar in gen.PRIJSJAREN:
        annual = gen.annual_costs(kosten_rows, jaar)
        for case in sample:
            c = str(case["casus_id"])
            if annual[(c, "proeftuinoplossing")] >= annual[(c, "niets_doen")]:
                raise OngeldigVoorbeeld(f"casus {c}: de proeftuinoplossing kost in prijsjaar {jaar} niet minder dan niets doen")


def _lookup(style: gen.Style, values: np.ndarray) -> np.ndarray:
    """Formatted cells of ``values`` (as ``style.number`` writes them)."""
    return np.array([style.number(float(v)) for v in values], dtype=object)


def spinnenweb(o: Opzet) -> tuple[list[str], list[str]]:
    """Header and lines of the spinnenweb CSV: groups measured at their own pace, latent levels that improve."""
    rng = _np_rng(o.index, "spinnenweb")
    style, plan = o.plan.style, o.plan
    p_total = o.deelnemers
    n_groups = int(max(1, min(len(tx.GROEPEN), p_total // 8, round(p_total / rng.uniform(40, 120)))))
    shares = rng.dirichlet(np.full(n_groups, 3.0))
    sizes = _split(p_total, list(shares), 8)
    templates = rng.permutation(len(tx.GROEPEN))[:n_groups]
    groepen = [tx.GROEPEN[t].format(**o.groep_slots) for t in templates]

    first = (o.start + dt.timedelta(days=45)).toordinal()
    limit = min(plan.export, dt.date(plan.jaren[-1].jaar, 12, 31)).toordinal()  # measured within the proeftuin's years
    last_start = limit - 200
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []  # participant, round, ordinal, group
    offset = 0
    for g, size in enumerate(sizes):
        who = np.arange(offset, offset + size)
        offset += size
        start = int(rng.integers(first, max(first, last_start) + 1))
        interval = int(rng.choice([120, 182, 182, 365]))
        fits = (limit - 25 - start) // interval + 1
        rounds = int(max(1, min(int(rng.integers(2, 6)), fits)))
        present = np.ones((size, rounds), dtype=bool)
        if rounds > 1:
            dropped = np.cumsum(rng.random((size, rounds - 1)) < 0.07, axis=1) > 0
            present[:, 1:] = ~dropped & (rng.random((size, rounds - 1)) >= 0.08)
        for k in range(rounds):
            chosen = who[present[:, k]]
            days = start + k * interval + rng.integers(0, 22, len(chosen))
            weekday = (days - 1) % 7  # 0 = Monday for proleptic ordinals
            days = days + np.where(weekday == 5, 2, 0) + np.where(weekday == 6, 1, 0)
            parts.append((chosen, np.full(len(chosen), k), days, g))
    person = np.concatenate([p[0] for p in parts])
    moment = np.concatenate([p[1] for p in parts])
    ordinal = np.concatenate([p[2] for p in parts])
    group = np.concatenate([np.full(len(p[0]), p[3]) for p in parts])
    n = len(person)
    if not first <= ordinal.min() <= ordinal.max() <= limit:
        raise OngeldigVoorbeeld(f"proeftuin {o.index}: een spinnenwebmeting valt buiten de jaren van de proeftuin")

    niveau = np.array([gen.DOMEIN_NIVEAU[d] for d in DOMEINEN])
    level = np.clip(rng.normal(niveau, 1.3, (p_total, len(DOMEINEN))), 1.5, 8.5)
    respons = rng.uniform(0.3, 1.4, p_total)
    gain = rng.uniform(0.6, 1.6, n_groups)
    curve = np.array([0.0, 0.6, 1.0, 1.2, 1.3])
    mean = level[person] + (gain[group] * curve[moment] * respons[person])[:, None] + rng.normal(0, 0.4, (n, len(DOMEINEN)))
    mean = np.minimum(mean, 9.5)

    ids = np.array([f"{o.prefix}-P{i + 1:04d}" for i in range(p_total)], dtype=object)
    unique_days, day_index = np.unique(ordinal, return_inverse=True)
    dates = np.array([style.date(dt.date.fromordinal(int(d))) for d in unique_days], dtype=object)
    fixed = [ids[person], _lookup(style, np.arange(6))[moment], dates[day_index], np.array(groepen, dtype=object)[group]]
    columns = ["deelnemer_id", "meetmoment", "datum", "groep"]
    if o.versie_kolom:
        fixed.append(np.full(n, style.enum(o.versie), dtype=object))
        columns.append("versie")

    counts = SPINNENWEB_VERSIES[o.versie]
    if o.items:
        if counts is None:
            raise OngeldigVoorbeeld(
                f"proeftuin {o.index}: spinnenweb-versie {o.versie} heeft geen vragen om per vraag te schrijven"
            )
        item_columns = [(d, i) for d in DOMEINEN for i in range(1, counts[d] + 1)]
        domain_of = np.array([DOMEINEN.index(d) for d, _ in item_columns])
        scores = np.clip(np.rint(mean[:, domain_of] + rng.normal(0, 1.1, (n, len(item_columns)))), 0, 10).astype(np.int8)
        scores[rng.random(scores.shape) < 0.02] = 11  # a skipped question
        skipped = np.flatnonzero(rng.random(n) < 0.004)  # a skipped page: too few answers to score that domain
        for row, d in zip(skipped, rng.integers(0, len(DOMEINEN), len(skipped)), strict=True):
            cols = np.flatnonzero(domain_of == d)
            scores[row, cols[: len(cols) // 2 + 1]] = 11
        table = np.append(_lookup(style, np.arange(11)), "")[scores]
        columns += [f"{d}_{i}" for d, i in item_columns]
    else:
        if o.versie == "eenvoudig":  # one grade per domain, in halves
            codes = np.clip(np.rint((mean + rng.normal(0, 0.3, mean.shape)) * 2) * 5, 0, 100)
        else:  # the domain scores the online tool reports, one decimal
            codes = np.clip(np.rint((mean + rng.normal(0, 0.42, mean.shape)) * 10), 0, 100)
        table = _lookup(style, np.arange(101) / 10)[codes.astype(np.int16)]
        columns += list(DOMEINEN)
    headers = [style.header(c) for c in columns]
    gen.check_headers(columns, headers)
    for text in [*groepen, *headers, *dates, *ids[:1]]:
        if set(text) & {style.sep, '"', "\n", "\r"}:  # joined without quoting below
            raise OngeldigVoorbeeld(
                f"proeftuin {o.index}: '{text}' bevat het scheidingsteken, een aanhalingsteken of een regeleinde"
            )
    rows = np.concatenate([np.column_stack(fixed), table], axis=1)
    return headers, [style.sep.join(r) for r in rows.tolist()]


def _write_lines(path: Path, header: list[str], lines: list[str], style: gen.Style) -> Path:
    text = style.sep.join(header) + "\n" + "".join(line + "\n" for line in lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8-sig" if style.bom else "utf-8"))
    return path


def write_proeftuin(out_dir: Path, index: int) -> list[Path]:
    """Write generated proeftuin ``index`` into ``out_dir/<folder_name(index)>/``; returns the files written."""
    o = opzet(index)
    plan, style = o.plan, o.plan.style
    folder = Path(out_dir) / o.folder
    written = [gen.write_config(folder / "proeftuin.yml", plan.config, gen.config_comment(plan))]

    cases = gen.casussen(plan)
    if o.deurne_stijl:
        rng = _rng(index, "regisseur")
        for case in cases:
            if case["status"] != "aangemeld":
                case["regisseur"] = rng.choice(case["betrokken_organisaties"])  # type: ignore[arg-type]
    kolommen = gen.DEURNE_CASUS_KOLOMMEN if o.deurne_stijl else gen.CASUS_KOLOMMEN
    written.append(gen.write_table(folder / "casussen.csv", "casussen", kolommen, cases, style))

    sample = _micro_sample(o, cases)
    rng = _rng(index, "effect")
    voor = rng.uniform(1.5, 4.5)
    big = rng.uniform(1.5, 5.0)
    meting_rows = gen.metingen(plan, sample, voor=(voor, voor + rng.uniform(1.5, 2.5)), big=(big, big + rng.uniform(1, 2)),
                              small=(0.0, 1.0), n_small=len(sample) // 6)  # fmt: skip
    kosten_rows = gen.kosten(plan, sample)
    _check_kosten(kosten_rows, sample)
    written.append(gen.write_table(folder / "metingen.csv", "metingen", gen.METING_KOLOMMEN, meting_rows, style))
    written.append(gen.write_table(folder / "kosten.csv", "kosten", gen.KOSTEN_KOLOMMEN, kosten_rows, style))
    del cases, sample, meting_rows, kosten_rows

    sessies = gen.bijeenkomsten(plan, _sessies(o))
    written.append(gen.write_table(folder / "bijeenkomsten.csv", "bijeenkomsten", gen.BIJEENKOMST_KOLOMMEN, sessies, style))
    kaart_id = None if o.deurne_stijl else (lambda year, n: f"K-{year}-{n:04d}")
    kaarten = gen.reflectiekaarten(plan, sessies, o.kaart_organisaties, kaart_id)
    columns = [c for c in gen.KAART_KOLOMMEN if c != "kaart_id" or kaart_id]
    written.append(gen.write_table(folder / "reflectiekaarten.csv", "reflectiekaarten", columns, kaarten, style))
    del sessies, kaarten

    header, lines = spinnenweb(o)
    written.append(_write_lines(folder / "spinnenweb.csv", header, lines, style))
    return written


def write_schaal(out_dir: Path, schaal: int) -> list[Path]:
    """The generated proeftuinen 1 .. schaal - 1 (the ordinary sample is the first 'proeftuin' of the scale)."""
    written: list[Path] = []
    for index in range(1, schaal):
        written += write_proeftuin(Path(out_dir), index)
    return written
