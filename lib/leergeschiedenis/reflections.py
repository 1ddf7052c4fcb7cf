"""Reflection cards: who wrote them, and which design principles (themes) they speak to.

A card's manual ``themas`` win. Otherwise a card is coded automatically when a
principle's ``trefwoorden`` occur in its text after Dutch normalisation
(lowercase, accents dropped, Snowball stemming), multi-word keywords as
phrases; ``waarom`` says which keywords matched, so the team can check.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from itertools import combinations

import pandas as pd
import snowballstemmer
import stop_words

from .config import Config
from .names import fold

TEXT_FIELDS = ("geleerd", "opgevallen", "vervolg", "delen")
MIN_TERM_LENGTH = 3


@cache
def _stemmer():
    return snowballstemmer.stemmer("dutch")


@cache
def dutch_stop_words() -> frozenset[str]:
    return frozenset(fold(w) for w in stop_words.get_stop_words("dutch"))


def words(text: str | None) -> list[str]:
    """Lowercase words without accents: 'Één Wijk-team' -> ['een', 'wijk', 'team']."""
    return re.findall(r"[a-z0-9]+", fold(text)) if text else []


def stems(text: str | None) -> list[str]:
    return _stemmer().stemWords(words(text))


@cache
def _keyword_stems(keyword: str) -> tuple[str, ...]:
    return tuple(stems(keyword))


def _contains(haystack: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return n > 0 and any(tuple(haystack[i : i + n]) == phrase for i in range(len(haystack) - n + 1))


def card_text(card: pd.Series) -> str:
    return " ".join(str(card[f]) for f in TEXT_FIELDS if f in card and pd.notna(card[f]))


def automatic_themes(text: str, config: Config) -> dict[str, list[str]]:
    """Principle number -> the keywords found in ``text``."""
    principles = tuple((str(p.nr), tuple(p.trefwoorden)) for p in config.ontwerpprincipes)
    return {nr: list(hits) for nr, hits in _automatic_themes(text, principles)}


@lru_cache(maxsize=1 << 16)
def _automatic_themes(text: str, principles: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple:
    # a card is coded again for every year and filter the dashboard shows: stem and match it once
    card_stems = stems(text)
    found = []
    for nr, keywords in principles:
        hits = tuple(k for k in keywords if _contains(card_stems, _keyword_stems(k)))
        if hits:
            found.append((nr, hits))
    return tuple(found)


def code_cards(cards: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Per card: ``themas`` (principle numbers), ``bron`` (handmatig/automatisch/geen) and ``waarom``."""
    rows = []
    for idx, card in cards.iterrows():
        manual = list(card["themas"]) if isinstance(card["themas"], list) else []
        if manual:
            rows.append((idx, sorted(manual, key=int), "handmatig", "handmatig gecodeerd"))
            continue
        auto = automatic_themes(card_text(card), config)
        if auto:
            why = "; ".join(f"{nr}: {', '.join(k)}" for nr, k in sorted(auto.items(), key=lambda kv: int(kv[0])))
            rows.append((idx, sorted(auto, key=int), "automatisch", why))
        else:
            rows.append((idx, [], "geen", "geen trefwoord gevonden"))
    return pd.DataFrame(rows, columns=["rij", "themas", "bron", "waarom"]).set_index("rij").reindex(cards.index)


def share_coded(coded: pd.DataFrame) -> float | None:
    return float((coded["bron"] != "geen").mean()) if len(coded) else None


def counts_by(cards: pd.DataFrame, column: str) -> pd.Series:
    return cards[column].astype("string").fillna("onbekend").value_counts().rename("kaarten")


def _exploded(cards: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    frame = cards[["rol", "datum"]].join(coded["themas"]).explode("themas")
    return frame.dropna(subset=["themas"]).rename(columns={"themas": "thema"})


def theme_counts(cards: pd.DataFrame, coded: pd.DataFrame, config: Config) -> pd.Series:
    numbers = config.principe_nummers
    return _exploded(cards, coded)["thema"].value_counts().reindex(numbers, fill_value=0).astype(int).rename("kaarten")


def theme_by_role(cards: pd.DataFrame, coded: pd.DataFrame, config: Config) -> pd.DataFrame:
    frame = _exploded(cards, coded)
    table = pd.crosstab(frame["thema"], frame["rol"].astype("string"))
    return table.reindex(index=config.principe_nummers, fill_value=0)


def theme_cooccurrence(coded: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Cards that carry both themes; the diagonal is the cards with that theme."""
    numbers = config.principe_nummers
    table = pd.DataFrame(0, index=numbers, columns=numbers)
    for themes in coded["themas"]:
        for t in themes:
            table.loc[t, t] += 1
        for a, b in combinations(sorted(set(themes), key=int), 2):
            table.loc[a, b] += 1
            table.loc[b, a] += 1
    return table


def themes_by_month(cards: pd.DataFrame, coded: pd.DataFrame, config: Config) -> pd.DataFrame:
    frame = _exploded(cards, coded)
    frame["maand"] = frame["datum"].dt.to_period("M")
    table = pd.crosstab(frame["maand"], frame["thema"])
    return table.reindex(columns=config.principe_nummers, fill_value=0)


def top_terms(cards: pd.DataFrame, min_cards: int, top: int = 10) -> dict[str, list[tuple[str, int]]]:
    """Per role the most frequent meaningful words, counted once per card.

    A word is shown only when at least ``min_cards`` cards use it, so a rare
    word cannot point at one person.
    """
    stop = dutch_stop_words()
    result = {}
    for role, group in cards.groupby(cards["rol"].astype("string"), sort=True):
        counter: Counter[str] = Counter()
        for _, card in group.iterrows():
            counter.update({w for w in words(card_text(card)) if len(w) >= MIN_TERM_LENGTH and w not in stop and not w.isdigit()})
        common = [(w, c) for w, c in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])) if c >= min_cards]
        result[str(role)] = common[:top]
    return result


def quotable(cards: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Cards with consent, without identifiers: date, session, role, themes and texts."""
    consent = cards["toestemming_citaat"].fillna(False).astype(bool)
    chosen = cards[consent]
    columns = ["datum", "bijeenkomst", "rol", *TEXT_FIELDS]
    out = chosen[columns].copy()
    out["themas"] = coded.loc[chosen.index, "themas"]
    return out.reset_index(drop=True)
