"""Values the caller already knows to be personal (the subject's name, a registered relative's): always found.

A name hint is found in full and in its parts: `Fatima El Amrani` also as `Fatima`, `El Amrani`, `Amrani`
and `F. El Amrani`. Parts are found in any case, except a part that is an ordinary Dutch word (`Roos`,
`Bakker`): that one only as written, capitalised, so the flower and the baker stay. Particles alone
(`van`, `de`, `el`) are never a hint. A hint of another category, `("Kerkstraat 12", Category.ADDRESS)`,
is found as given, in any case.
"""

from __future__ import annotations

from collections.abc import Iterable

from waarborg.engine.deidentify import lexicons
from waarborg.engine.deidentify.names import find_words
from waarborg.engine.deidentify.replace import _PARTICLES
from waarborg.engine.deidentify.spans import Category, Span


def variants(name: str) -> set[str]:
    parts = name.split()
    out = {" ".join(parts)}
    if len(parts) > 1:
        surname = " ".join(parts[1:])
        out |= {parts[0], surname, f"{parts[0][0]}. {surname}"}
        core = [p for p in parts[1:] if p.lower() not in _PARTICLES]
        if core:
            out.add(" ".join(core))
            out.add(core[-1])
    return {v for v in out if len(v) > 1 and v.lower() not in _PARTICLES}


def find(text: str, hints: Iterable[str | tuple[str, Category]]) -> list[Span]:
    spans: list[Span] = []
    by_category: dict[Category, tuple[set[str], set[str]]] = {}
    for hint in hints:
        value, category = (hint, Category.NAME) if isinstance(hint, str) else hint
        value = value.strip()
        if not value:
            continue
        anycase, exact = by_category.setdefault(category, (set(), set()))
        for v in variants(value) if category is Category.NAME else {value}:
            if " " not in v and v.lower() in lexicons.vocabulary():
                exact.add(v[:1].upper() + v[1:])
            else:
                anycase.add(v)
    for category, (anycase, exact) in by_category.items():
        for words, ignore_case in ((anycase, True), (exact, False)):
            spans.extend(Span(s, e, category) for s, e in find_words(text, words, ignore_case=ignore_case))
    return spans
