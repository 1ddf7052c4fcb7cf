"""How a name is normalised: one function per rule, so two places never compare the same thing differently.

The rules, from loose to strict:

* ``fold``: accents gone, lower case; the start of every rule below.
* ``fold_name`` and ``name_words``: a **header or enumeration value** as a team may type it
  (`Afsluitdatum (dd-mm-jjjj)`, `Meet-moment`, `Werk en dagbesteding`).
* ``normalize_name`` and ``code_name``: a **name written as a code** (`werk_en_dagbesteding`).
* ``slug``: a **name in a folder or file name** (`Proeftuin Ruwaard` -> `proeftuin-ruwaard`).
* ``clean_identifier`` and ``identifier_key``: an **identifier** (casus_id, an organisation):
  only what nobody sees is ignored, so `R-2017-001` and `R-2017-0001` stay different.
* ``is_blank``: a cell with nothing in it.
"""

from __future__ import annotations

import math
import re
import unicodedata

_APOSTROPHES_AND_DOTS = re.compile(r"['’‘`.]")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Characters nobody sees: zero-width spaces and joiners, a byte-order mark
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_NBSP = re.compile("[\u00a0\u202f\u2007]")


def fold(value: object) -> str:
    """Accents removed (letters without an ASCII form dropped) and lower case: `Één` -> `een`."""
    return unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii").lower()


def fold_name(value: object) -> str:
    """Header and enumeration rule: what a header or an enumeration value is compared by. Accents
    removed, lower case, text in brackets dropped, every character that is not a letter or digit
    dropped (`Afsluitdatum (dd-mm-jjjj)` = `afsluitdatum`, `Meet-moment` = `meetmoment`)."""
    return re.sub(r"[^a-z0-9]", "", _BRACKETED.sub("", fold(value)))


def name_words(value: object) -> tuple[str, ...]:
    """Header and enumeration rule, word by word: the words of a header in order
    (`Datum MDO` -> datum, mdo), for spotting a reordered name."""
    return tuple(w for w in re.split(r"[^a-z0-9]+", _BRACKETED.sub("", fold(value))) if w)


def code_name(value: object) -> str:
    """Code rule for a value from proeftuin.yml: the words of ``name_words`` joined by underscores
    (`Werk en dagbesteding` -> werk_en_dagbesteding, `Financiën (geld)` -> financien)."""
    return "_".join(name_words(value))


def normalize_name(value: object) -> str:
    """Code rule for a header: accents, case, apostrophes and dots do not count, spaces and hyphens
    become underscores, anything else is kept (`Casus ID` -> casus_id; an unknown column
    `Opmerking (intern)` -> `opmerking_(intern)`). The name an unknown column gets, and how a team's
    header is checked to stand for a contract column."""
    text = _APOSTROPHES_AND_DOTS.sub("", fold(value).strip())
    return re.sub(r"[\s\-]+", "_", text)


def slug(value: object) -> str:
    """Slug rule: a name as part of a folder or file name, letters and digits only, words joined by
    hyphens; apostrophes and dots do not split a word (`'s-Hertogenbosch` -> s-hertogenbosch,
    `Proeftuin Ruwaard` -> proeftuin-ruwaard). Empty when the name has no letter or digit."""
    return "-".join(re.findall(r"[a-z0-9]+", _APOSTROPHES_AND_DOTS.sub("", fold(value))))


def clean_identifier(text: str) -> str:
    """Identifier rule: an identifier as meant, from the text of its cell: invisible characters gone,
    non-breaking spaces plain, no surrounding spaces."""
    return _NBSP.sub(" ", _INVISIBLE.sub("", text)).strip()


def identifier_key(value: object) -> str:
    """Identifier rule: what makes two identifiers (or two organisations) the same: `r-2017-001 ` is `R-2017-001`."""
    return clean_identifier(str(value)).casefold()


def is_blank(value: object) -> bool:
    """A cell with nothing in it: missing, NaN, or only spaces."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()
