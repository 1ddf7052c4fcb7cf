"""Lessen per design principle: what its cards say, what they suggest doing differently, and the quotes.

Everything here works on the year's reflection cards and their coding
(``reflections.code_cards``); ``publish.YearView.lessen`` calls ``plan`` once and
publishes only what it returns:

* counts of cards (plain counts, published like everywhere else);
* words, and the shared words that summarise the ``vervolg`` suggestions, only when
  at least ``min_cards`` cards use them (a rare word cannot point at one person);
* text of a card (a quote, an example suggestion) only from cards with consent to
  quote, one field per quote, as whole sentences in sentence case, and never the
  same text twice in one report: the Transitiemodel's quote, the Lessen quotes,
  the suggestion examples and the case quotes (Stemmen van bewoners) are chosen
  together, in one deterministic pass.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .config import Config
from .reflections import MIN_TERM_LENGTH, TEXT_FIELDS, automatic_themes, dutch_stop_words, stems, words

QUOTE_FIELDS = ("delen", "geleerd", "opgevallen")  # in order of preference; vervolg feeds "Wat we anders gaan doen"
QUOTES_TRANSITIEMODEL = 1
MIN_QUOTE_WORDS = 3
QUOTES_LESSEN = 3
TOP_TERMS = 8
MAX_GROUPS = 3
GROUP_LABEL_TERMS = 3
# Words that carry no subject of their own in a suggestion ("meer", "vaker", "graag" ...), besides Dutch stop words.
_GENERIC = (
    "meer vaker graag gewoon echt laten maken zorg zorgen keer alle elke elkaar goed beter steeds even eerst daarna "
    "dingen ding manier mensen nieuwe moeten gaan komen blijven willen zien zodat dus waar hele heel weer pas komt "
    "verder eigen vaak hebt dacht gedacht denk denken mooi ander anders alleen jaar werkt kost zeggen zegt weten weet "
    "wist zit zitten staat gaat ging kom krijg krijgen kunt mag mogen zullen halve juiste eerste tweede paar soms vooral "
    "nooit ieder iedere iedereen elk niemand erg best minder groot grote klein kleine nieuw oude lang lange kort korte "
    "eens ooit zeker blijkt bleek vond vinden werd waarin welke zoals terwijl sinds plaats wanneer waarom "
    "dank bijzonder leerzaam petje bewoner bewoners wijkbewoner wijkbewoners per maakt maak doet deed gedaan "
    "twee drie vier vijf zes zeven acht negen tien honderd onze jullie heen tussen hoeveel geeft geven betekent betekenen"
)
GENERIC_WORDS = frozenset(_GENERIC.split())
_SPACES = re.compile(r"\s+")
_ENDS = ".!?…"


# -- text ---------------------------------------------------------------------------------


def sentence_case(text: object) -> str:
    """A card field as a quote: spaces tidied, the first letter a capital, ending in a full stop
    unless it ends in ! ? or …: 'luisteren werkt' -> 'Luisteren werkt.'"""
    clean = _SPACES.sub(" ", str(text)).strip().strip('"“”„').strip()
    if not clean:
        return ""
    if clean[0].isalpha():
        clean = clean[0].upper() + clean[1:]
    if clean[-1] not in _ENDS:
        clean = clean.rstrip(",;:-– ") + "."
    return clean


def text_key(text: object) -> str:
    """Two quotes are the same quote when their words are: case, accents and punctuation do not count."""
    return " ".join(words(str(text)))


_FIRST_SENTENCE = re.compile(r"^(.+?[.!?…])(\s|$)")


def text_keys(text: object) -> set[str]:
    """The keys a quote is known by: all its words, and those of its first sentence (a card may add
    'Mooi om te zien.' to a sentence another card has without it: still the same quote)."""
    first = _FIRST_SENTENCE.match(str(text).strip())
    return {text_key(text)} | ({text_key(first.group(1))} if first else set())


def _is_used(text: str, used: set[str]) -> bool:
    return bool(text_keys(text) & used)


def content_words(text: object) -> list[str]:
    """The words of a text that can carry a subject: no stop words, generic words, numbers or short words."""
    stop = dutch_stop_words() | GENERIC_WORDS
    return [w for w in words(str(text)) if len(w) >= MIN_TERM_LENGTH and w not in stop and not w.isdigit()]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    # stemming is the slow part, and a year's cards use a few thousand words over and over
    return stems(word)[0]


def _stem_forms(text: object) -> dict[str, str]:
    """Stem -> the word as written, for the content words of ``text`` (first form met)."""
    out: dict[str, str] = {}
    for word in content_words(text):
        out.setdefault(_stem(word), word)
    return out


# -- what the cards say -----------------------------------------------------------------


def field_principles(card: pd.Series, themes: list[str], config: Config) -> dict[str, set[str]]:
    """Which of the card's principles each of its text fields speaks to.

    A field with a principle's keywords speaks to those of the card's principles; a field without
    any keyword at all speaks to the card's principles that no other field accounts for (a card coded
    to 1 and 6 whose 'geleerd' names the leefwereld: its 'vervolg' is about principle 6); a field whose
    keywords all belong to principles the card is not coded to speaks to none of them. So a quote about
    rules never stands under a principle the card got for another field, nor under one whose keywords it lacks.
    """
    themes = [str(t) for t in themes] if isinstance(themes, list) else []
    texts = {f: str(card[f]) for f in TEXT_FIELDS if f in card and pd.notna(card[f]) and str(card[f]).strip()}
    found = {f: {str(t) for t in automatic_themes(t, config)} for f, t in texts.items()}
    hits = {f: k & set(themes) for f, k in found.items()}
    accounted = set().union(*hits.values()) if hits else set()
    rest = set(themes) - accounted
    # a field with keywords only of principles the card is not coded to speaks to none of the card's
    return {f: (h if h else rest if not found[f] else set()) for f, h in hits.items()}


def cards_of(coded: pd.DataFrame, nr: str) -> pd.Index:
    """The cards coded to principle ``nr``."""
    return coded.index[coded["themas"].map(lambda t: isinstance(t, list) and nr in t)]


def _card_stems(cards: pd.DataFrame, fields: tuple[str, ...]) -> dict[object, dict[str, str]]:
    present = [f for f in fields if f in cards.columns]
    texts = cards[present].astype("string").fillna("").agg(" ".join, axis=1) if present and len(cards) else pd.Series(dtype=str)
    return {idx: _stem_forms(text) for idx, text in texts.items()}


def principle_terms(
    cards: pd.DataFrame,
    fields: tuple[str, ...],
    min_cards: int,
    top: int = TOP_TERMS,
    all_cards: pd.DataFrame | None = None,
    _stems: dict | None = None,
) -> list[tuple[str, int]]:
    """The most frequent content words on ``cards`` (counted once per card, the fields in ``fields``),
    each on at least ``min_cards`` cards; ties alphabetically. Words with one stem count together,
    shown in their most frequent form. With ``all_cards`` (the year's cards) only words that are
    relatively more frequent on ``cards`` than on all cards: what sets the principle apart."""
    per_stem: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    by_card = _stems if _stems is not None else _card_stems(all_cards if all_cards is not None else cards, fields)
    for found in (by_card[i] for i in cards.index):
        per_stem.update(found.keys())
        for stem, word in found.items():
            forms.setdefault(stem, Counter())[word] += 1
    shown = [(stem, n) for stem, n in per_stem.items() if n >= min_cards]
    if all_cards is not None and len(all_cards) and len(cards):
        overall = Counter(stem for i in all_cards.index for stem in by_card[i])
        shown = [(stem, n) for stem, n in shown if n * len(all_cards) > overall[stem] * len(cards)]
    shown.sort(key=lambda kv: (-kv[1], _form(forms[kv[0]])))
    return [(_form(forms[stem]), n) for stem, n in shown[:top]]


def _form(counter: Counter[str]) -> str:
    return min(counter, key=lambda w: (-counter[w], w))


def together_with(coded: pd.DataFrame, nr: str, min_cards: int = 1) -> list[tuple[str, int]]:
    """Other principles on the same cards as ``nr``, most often first (ties by number)."""
    counter: Counter[str] = Counter()
    for themes in coded.loc[cards_of(coded, nr), "themas"]:
        counter.update(t for t in set(themes) if t != nr)
    return sorted(((t, n) for t, n in counter.items() if n >= min_cards), key=lambda kv: (-kv[1], int(kv[0])))


# -- what we will do differently ---------------------------------------------------------


@dataclass(frozen=True)
class SuggestionGroup:
    """Suggestions (``vervolg``) that share a word: the words they share (the defining one first) and how many."""

    termen: tuple[str, ...]
    n_kaarten: int
    leden: tuple = ()  # the cards (index labels) in the group; never published
    voorbeeld: Quote | None = None  # the consented suggestion that stands for the group (``plan``)
    met_toestemming: bool = False  # whether any card of the group may be quoted

    def __repr__(self) -> str:  # the members stay out of any printed form
        return f"SuggestionGroup(termen={self.termen!r}, n_kaarten={self.n_kaarten})"


def group_suggestions(texts: pd.Series, min_cards: int, max_groups: int = MAX_GROUPS) -> tuple[list[SuggestionGroup], int]:
    """Group suggestions by the words they share, greedily and deterministically.

    Repeatedly the word (stem) used by most of the suggestions not yet grouped
    forms a group (ties: the alphabetically first word); a group needs at least
    ``min_cards`` suggestions (and at least 2). Besides its defining word a group
    is labelled by up to two more words that at least half of it, and at least
    ``min_cards`` of it, share. Returns the groups and the number of suggestions
    in none of them.
    """
    need = max(2, min_cards)
    found = {idx: _stem_forms(text) for idx, text in texts.dropna().items() if str(text).strip()}
    forms: dict[str, Counter[str]] = {}
    for per_text in found.values():
        for stem, word in per_text.items():
            forms.setdefault(stem, Counter())[word] += 1
    left = dict(found)
    groups: list[SuggestionGroup] = []
    while left and len(groups) < max_groups:
        counts = Counter(stem for per_text in left.values() for stem in per_text)
        if not counts:
            break
        stem, n = min(counts.items(), key=lambda kv: (-kv[1], _form(forms[kv[0]])))
        if n < need:
            break
        members = [idx for idx, per_text in left.items() if stem in per_text]
        inside = Counter(s for idx in members for s in left[idx] if s != stem)
        extra = [
            s
            for s, c in sorted(inside.items(), key=lambda kv: (-kv[1], _form(forms[kv[0]])))
            if c >= need and 2 * c >= len(members)
        ][: GROUP_LABEL_TERMS - 1]
        groups.append(SuggestionGroup(tuple(_form(forms[s]) for s in (stem, *extra)), len(members), tuple(members)))
        for idx in members:
            del left[idx]
    return groups, len(left)


# -- quotes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """One field of one consented card, as a sentence; ``principe`` is the principle it stands under."""

    tekst: str
    rol: str
    bijeenkomst: str
    datum: pd.Timestamp
    veld: str
    principe: str | None = None


def consented(cards: pd.DataFrame) -> pd.Series:
    return cards["toestemming_citaat"].fillna(False).astype(bool)


# An answer to "wat viel op?" or "wat heb je geleerd?" often starts with one of these and is no sentence of
# its own ("Dat de wijkagent ons nu kent."): quoted only when a card of the principle has nothing better.
FRAGMENT_STARTS = frozenset({"dat", "hoe", "wat", "waar", "wie", "hoeveel", "welke"})


def is_fragment(text: object) -> bool:
    """A subordinate clause standing alone: 'Dat …', 'Hoe …', 'Wat …', without a main clause after it."""
    found = words(str(text))
    if not found or found[0] not in FRAGMENT_STARTS:
        return False
    # 'Wat mij opviel is dat …', 'Wat wel kan, werkt.': a main clause follows the subordinate one
    return not _MAIN_VERB.search(str(text))


_MAIN_VERB = re.compile(
    r"\b(is|was|zijn|waren)\s+(dat|het|de|een|niet|heel|erg|echt|zo)\b|,\s*(werkt|helpt|is|was|geeft|levert|telt|kost)\b", re.I
)


def _field_score(text: str, field_name: str, about_principle: bool) -> tuple:
    """Higher is more quotable: speaks to the principle, a whole sentence rather than a fragment, a readable
    length, written as a sentence, the field."""
    raw = str(text).strip()
    n = len(raw)
    readable = 2 if 35 <= n <= 180 else 1 if 15 <= n <= 260 else 0
    written = int(raw[:1].isupper() and raw[-1:] in _ENDS)
    whole = int(not is_fragment(raw))
    return (int(about_principle), whole, readable, written, -QUOTE_FIELDS.index(field_name) if field_name in QUOTE_FIELDS else -9)


def quote_candidates(cards: pd.DataFrame, coded: pd.DataFrame, config: Config, nr: str) -> list[tuple[tuple, object, Quote]]:
    """Per consented card of principle ``nr``: its most quotable field, with a sort key (best first) and the card."""
    out = []
    for idx in cards_of(coded, nr):
        card = cards.loc[idx]
        if not bool(pd.notna(card["toestemming_citaat"]) and card["toestemming_citaat"]):
            continue
        speaks = field_principles(card, coded.loc[idx, "themas"], config)
        best = None
        for f in QUOTE_FIELDS:
            if nr not in speaks.get(f, set()) or len(words(str(card[f]))) < MIN_QUOTE_WORDS:
                continue  # another principle's field, or too short to say anything ('Ja.', '...')
            about = nr in automatic_themes(str(card[f]), config)
            score = _field_score(str(card[f]), f, about)
            if best is None or score > best[0]:
                best = (score, f)
        if best is None:
            continue
        score, f = best
        quote = Quote(sentence_case(card[f]), str(card["rol"]), str(card["bijeenkomst"]), card["datum"], f, nr)
        key = (tuple(-s for s in score), card["datum"], quote.tekst)
        out.append((key, idx, quote))
    out.sort(key=lambda t: t[0])
    return out


def _pick_varied(candidates: list[tuple[tuple, object, Quote]], taken: list[Quote], used_texts: set[str], used_cards: set):
    """The best candidate whose role is not yet among ``taken``; else the best one left. A fragment
    ('Dat …') only when no whole sentence is left: a new role does not make a fragment better."""
    free = [c for c in candidates if c[1] not in used_cards and not _is_used(c[2].tekst, used_texts)]
    if not free:
        return None
    if any(not is_fragment(c[2].tekst) for c in free):
        free = [c for c in free if not is_fragment(c[2].tekst)]
    roles = {q.rol for q in taken}
    return next((c for c in free if c[2].rol not in roles), free[0])


def _representative(
    own: pd.DataFrame, members_idx: list, nr: str, used_texts: set[str], used_cards: set, group_words: tuple[str, ...] = ()
) -> Quote | None:
    """The consented suggestion among ``members_idx`` sharing most of ``group_words`` (ties: alphabetically),
    long enough and not yet used in the report; marked as used."""
    members = own.loc[members_idx]
    members = members[consented(members)]
    wanted = {_stem(w) for w in group_words}
    options = []
    for i, card in members.iterrows():
        text = sentence_case(card["vervolg"])
        if len(words(text)) >= MIN_QUOTE_WORDS and i not in used_cards and not _is_used(text, used_texts):
            options.append((-len(wanted & set(_stem_forms(text))), text, str(i), i, card))
    if not options:
        return None
    _, text, _, i, card = min(options, key=lambda o: o[:3])
    used_texts.update(text_keys(text))
    used_cards.add(i)
    return Quote(text, str(card["rol"]), str(card["bijeenkomst"]), card["datum"], "vervolg", nr)


# -- the plan for one year ---------------------------------------------------------------------


@dataclass(frozen=True)
class Lesson:
    nr: str
    n_kaarten: int
    termen: list[tuple[str, int]]
    samen_met: list[tuple[str, int]]
    n_vervolg: int
    groepen: list[SuggestionGroup]
    n_overig: int
    voorbeeld: Quote | None  # a suggestion from outside the groups, only when no group has one of its own
    citaten: list[Quote] = field(default_factory=list)
    n_vervolg_toestemming: int = 0  # suggestions on cards with consent to quote


@dataclass(frozen=True)
class LessonPlan:
    lessen: dict[str, Lesson]
    transitiemodel: dict[str, Quote | None]
    stemmen: list[str]  # the case quotes (Stemmen van bewoners), each once and none already quoted


def plan(
    cards: pd.DataFrame,
    coded: pd.DataFrame,
    config: Config,
    min_cards: int,
    case_quotes: list[str] | tuple[str, ...] = (),
    per_lesson: int = QUOTES_LESSEN,
    per_transitiemodel: int = QUOTES_TRANSITIEMODEL,
) -> LessonPlan:
    """Everything the Lessen chapter and the quotes of a report need, every text used once."""
    numbers = [str(p.nr) for p in config.ontwerpprincipes]
    used_texts: set[str] = set()
    used_cards: set = set()

    # 1. what the cards say and suggest, with one consented example suggestion per principle
    speaks = {i: field_principles(cards.loc[i], coded.loc[i, "themas"], config) for i in cards.index}
    card_stems = _card_stems(cards, TEXT_FIELDS)
    partial = {}
    for nr in numbers:
        idx = cards_of(coded, nr)
        own = cards.loc[idx]
        speaking = [i for i in idx if nr in speaks[i].get("vervolg", set())]
        vervolg = own.loc[speaking, "vervolg"] if speaking else pd.Series(dtype=object)
        groups, rest = group_suggestions(vervolg, min_cards)

        groups = [
            dataclasses.replace(
                g,
                voorbeeld=_representative(own, list(g.leden), nr, used_texts, used_cards, g.termen),
                met_toestemming=bool(consented(own.loc[list(g.leden)]).any()),
            )
            for g in groups
        ]
        example = None
        if not any(g.voorbeeld for g in groups):  # a suggestion from outside the groups, said to be one
            grouped = {i for g in groups for i in g.leden}
            example = _representative(own, [i for i in vervolg.index if i not in grouped], nr, used_texts, used_cards)
        n_consented = int(consented(own.loc[vervolg.index]).sum()) if len(vervolg) else 0
        terms = principle_terms(own, TEXT_FIELDS, min_cards, all_cards=cards, _stems=card_stems)
        partial[nr] = (len(idx), terms, together_with(coded, nr), len(vervolg), groups, rest, example, n_consented)

    # 2. quotes: round by round over the principles, so no principle takes every shared card
    candidates = {nr: quote_candidates(cards, coded, config, nr) for nr in numbers}
    chosen: dict[str, list[Quote]] = {nr: [] for nr in numbers}
    for _ in range(per_transitiemodel + per_lesson):
        for nr in numbers:
            pick = _pick_varied(candidates[nr], chosen[nr], used_texts, used_cards)
            if pick is None:
                continue
            chosen[nr].append(pick[2])
            used_texts.update(text_keys(pick[2].tekst))
            used_cards.add(pick[1])

    # 3. the case quotes: each once, none that was already quoted
    stemmen = []
    for q in case_quotes:
        text = sentence_case(q)
        if text and not _is_used(text, used_texts):
            used_texts.update(text_keys(text))
            stemmen.append(text)

    lessen = {
        nr: Lesson(nr, n, terms, together, n_vervolg, groups, rest, example, chosen[nr][per_transitiemodel:], n_consented)
        for nr, (n, terms, together, n_vervolg, groups, rest, example, n_consented) in partial.items()
    }
    transitie = {nr: (chosen[nr][0] if per_transitiemodel and chosen[nr] else None) for nr in numbers}
    return LessonPlan(lessen, transitie, stemmen)


# -- which figures a principle shows ------------------------------------------------------------


def evidence(config: Config) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Per principle the figures (its ``bewijs``) it shows itself, and those an earlier principle
    already showed (name -> that principle's number): a figure is shown once, under the first."""
    first: dict[str, str] = {}
    out = {}
    for p in config.ontwerpprincipes:
        nr = str(p.nr)
        own = [b for b in dict.fromkeys(p.bewijs) if b not in first]
        earlier = {b: first[b] for b in dict.fromkeys(p.bewijs) if b in first}
        for b in own:
            first[b] = nr
        out[nr] = (own, earlier)
    return out


def without_small_differences(plan: LessonPlan, references: list[LessonPlan], min_cards: int) -> LessonPlan:
    """A filtered view's Lessen next to the views that contain it (the unfiltered one, an organisation's,
    a role's): a word count or suggestion group that differs from the containing view's by 1 ..
    ``min_cards`` - 1 cards would tell what those few other cards say, so it is left out of the
    filtered view (the containing view keeps it). The filtered view's cards lie inside each
    reference's, so a word's cards do too and the counts' difference is the cards in between."""
    lessen = {}
    for nr, lesson in plan.lessen.items():
        around = [{_stem(t): m for t, m in r.lessen[nr].termen} for r in references if nr in r.lessen]  # by stem
        shown_terms = [(t, n) for t, n in lesson.termen if not any(0 < a.get(_stem(t), n) - n < min_cards for a in around)]

        wider_groups = [set(g.leden) for r in references if nr in r.lessen for g in r.lessen[nr].groepen]
        groups = [
            g for g in lesson.groepen if not any(set(g.leden) < w and len(w - set(g.leden)) < min_cards for w in wider_groups)
        ]
        lessen[nr] = dataclasses.replace(lesson, termen=shown_terms, groepen=groups)
    return dataclasses.replace(plan, lessen=lessen)
