"""Only the JupyterLab styles a report uses.

nbconvert's lab template embeds all of JupyterLab's stylesheet (240 kB: editors, menus,
dialogs) in every report, though a report without code uses a few dozen of its rules.
Dropping the rules whose selectors name a class that appears nowhere in the page keeps
the look and keeps the report, which is mailed around, under 5 MB.

Trimming depends only on the stylesheets, the page's set of classes and the custom
properties the rest of the page uses, so it is done once per such set: kept in this
process (a batch) and in the user's cache folder (``cache.folder()``; the next command).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import tinycss2

from .version import source_digest

LAB_STYLESHEETS = ("index.css", "theme-light.css")  # what nbconvert's lab template embeds


def without_unused_lab_styles(page: str, template_paths: list[str]) -> str:
    """``page`` (an nbconvert lab page) with JupyterLab's stylesheet and theme trimmed to what it uses."""
    for folder in template_paths:
        files = tuple(Path(folder) / "static" / name for name in LAB_STYLESHEETS)
        if not all(f.is_file() for f in files):
            continue
        sheets = _read(files)
        if not all(css in page for css in sheets):
            continue
        rest = page
        for css in sheets:
            rest = rest.replace(css, "", 1)
        slims = _trimmed(sheets, frozenset(classes_in(page)), frozenset(_VAR.findall(rest)))
        for css, slim in zip(sheets, slims, strict=True):
            page = page.replace(css, slim, 1)
        return page
    return page


@lru_cache(maxsize=8)
def _read(files: tuple[Path, ...]) -> tuple[str, ...]:
    return tuple(f.read_text(encoding="utf-8") for f in files)


@lru_cache(maxsize=64)
def _trimmed(sheets: tuple[str, ...], classes: frozenset[str], elsewhere: frozenset[str]) -> tuple[str, ...]:
    """``used_styles`` once per set of classes and custom properties used elsewhere, in this process and on disk."""
    digest = hashlib.sha256(source_digest().encode())
    for part in (*sheets, *sorted(classes), "|", *sorted(elsewhere)):
        digest.update(part.encode() + b"\0")
    path = _cache_folder()
    path = path / "stijl" / f"{digest.hexdigest()}.json" if path else None
    if path is not None and path.is_file():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, list) and len(stored) == len(sheets) and all(isinstance(x, str) for x in stored):
                return tuple(stored)
        except (OSError, ValueError):
            pass
    slims = tuple(_used_styles(list(sheets), classes, set(elsewhere)))
    if path is not None:
        try:
            path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # private, as cache.py makes it
            path.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(list(slims), f, allow_nan=False)
            os.replace(tmp, path)
        except OSError:
            pass
    return slims


def _cache_folder() -> Path | None:
    from .cache import folder

    return folder()


_CLASS_ATTRIBUTE = re.compile(r"""class=(["'])(.*?)\1""", re.S)


def classes_in(html: str) -> set[str]:
    return {name for m in _CLASS_ATTRIBUTE.finditer(html) for name in m.group(2).split()}


def _selectors(prelude: list) -> list[list]:
    """A rule's selectors, split at the commas outside :is(), :not() and the like."""
    out: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append([])
        else:
            out[-1].append(token)
    return out


def _selector_applies(tokens: list, classes: set[str]) -> bool:
    """False only when the selector needs a class the page does not have; classes inside
    functions such as :not() are never required."""
    for before, token in pairwise(tokens):
        if before.type == "literal" and before.value == "." and token.type == "ident" and token.value not in classes:
            return False
    return True


def _keep(rules: list, classes: set[str]) -> list[str]:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            applying = [s for s in _selectors(rule.prelude) if _selector_applies(s, classes)]
            if applying:
                selector = ",".join(tinycss2.serialize(s).strip() for s in applying)
                kept.append(f"{selector} {{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _keep(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), classes)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{' '.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def used_rules(css: str, classes: set[str]) -> str:
    """The rules of ``css`` that can match an element with only these classes."""
    return used_styles([css], classes)[0]


_VAR = re.compile(r"var\(\s*(--[-_a-zA-Z0-9]+)")


def used_styles(stylesheets: list[str], classes: set[str], elsewhere: str = "") -> list[str]:
    """Each stylesheet with only the rules that can apply, and only the custom properties
    (``--jp-...``, most of them icons as data URLs) that a kept rule or ``elsewhere`` (the
    rest of the page: other style blocks, style attributes) uses, directly or through
    another custom property."""
    return _used_styles(stylesheets, classes, set(_VAR.findall(elsewhere)))


def _used_styles(stylesheets: list[str], classes: set[str] | frozenset[str], elsewhere: set[str]) -> list[str]:
    kept = [_keep(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), classes) for css in stylesheets]
    text = "\n".join(rule for rules in kept for rule in rules)
    defined: dict[str, str] = {}
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True):
                if d.type == "declaration" and d.name.startswith("--"):
                    defined[d.name] = defined.get(d.name, "") + tinycss2.serialize(d.value)
    used = set(_VAR.findall(_without_custom_properties(text))) | elsewhere
    todo = list(used)
    while todo:
        for name in _VAR.findall(defined.get(todo.pop(), "")):
            if name not in used:
                used.add(name)
                todo.append(name)
    return ["\n".join(_drop_properties(rule, used) for rule in rules) + "\n" for rules in kept]


def _without_custom_properties(css: str) -> str:
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            out.extend(
                tinycss2.serialize(d.value) for d in declarations if d.type == "declaration" and not d.name.startswith("--")
            )
        elif rule.type == "at-rule" and rule.content is not None:
            out.append(_without_custom_properties(tinycss2.serialize(rule.content)))
    return " ".join(out)


def _drop_properties(rule_text: str, used: set[str]) -> str:
    """A kept rule without the custom properties nobody uses (a rule left empty is dropped)."""
    out = []
    for rule in tinycss2.parse_stylesheet(rule_text, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            out.append(tinycss2.serialize([rule]))
            continue
        items = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
        if any(d.type != "declaration" for d in items):  # nested rules: leave the rule as it is
            out.append(tinycss2.serialize([rule]))
            continue
        declarations = [d for d in items if not d.name.startswith("--") or d.name in used]
        if declarations:
            body = "; ".join(
                f"{d.name}: {tinycss2.serialize(d.value).strip()}{' !important' if d.important else ''}" for d in declarations
            )
            out.append(f"{tinycss2.serialize(rule.prelude).strip()} {{ {body} }}")
    return "\n".join(out)
