"""Whose is a kept surname? Telling the subject from the family who share the name, in the subject's own export.

When the subject receives their own notes (`find(..., keep=[their name])`), every shorter form of their name
stays: `mevrouw El Amrani`, `F. El Amrani`. But a husband, a son or a mother-in-law is often written the same
way: `haar man, meneer El Amrani`, `zoon El Amrani`. A mention of the surname alone (no first name, no
initial of the subject) is someone else when

- a relation word stands right before it (`haar man El Amrani`, `schoonmoeder De Boer`): the relation is
  to the subject, so the person is not the subject; or
- a title of one gender stands before it while the text gives the subject the other one, where it names the
  subject with their first name or initial (`Mevrouw Fatima El Amrani` ... `meneer El Amrani`).

Without either, the mention stays the subject's: hiding the subject's own name from them would be wrong more
often than right, and the subject's own file is what they asked for.
"""

from __future__ import annotations

from collections.abc import Iterable

from waarborg.engine.deidentify import words
from waarborg.engine.deidentify.replace import _PARTICLES
from waarborg.engine.deidentify.spans import Category

FEMALE = frozenset(["mevrouw", "mevr", "mw", "mvr", "mej", "mejuffrouw", "juffrouw", "zuster"])
MALE = frozenset(["meneer", "mnr", "dhr", "heer", "hr", "broeder"])
# Relation words that can name the subject themselves ("cliënt El Amrani").
_SELF = frozenset(["cliënt", "client", "cliente", "aanvrager", "aanvraagster", "melder", "klager", "familie", "fam"])


def _word_before(text: str, start: int) -> str:
    before = words.Before(text, start)
    return before.last.strip(".,:;(")


def _gender(text: str, start: int) -> str | None:
    word = _word_before(text, start)
    return "f" if word in FEMALE else "m" if word in MALE else None


def _firsts(kept: Iterable[str | tuple[str, Category]]) -> set[str]:
    """The first names of the kept names (`fatima` of `Fatima El Amrani`)."""
    return {parts[0].casefold() for value in kept if isinstance(value, str) and len(parts := value.split()) > 1}


def _personal(text: str, start: int, end: int, firsts: set[str]) -> bool:
    """The mention carries the subject's first name or its initial (`Fatima`, `F. El Amrani`)."""
    first = text[start:end].split()[0].casefold()
    return first in firsts or (len(first) <= 2 and first.endswith(".") and any(f[0] == first[0] for f in firsts))




def subject_gender(texts: Iterable[str], kept: Iterable[str | tuple[str, Category]]) -> str | None:
    """The subject's gender as the texts of one export give it (`Mevrouw Fatima El Amrani` in one note), so a
    note that calls someone `meneer El Amrani` without naming her can still tell him from her. None when the
    texts give none, or both."""
    from waarborg.engine.deidentify import hints

    kept = list(kept)
    firsts = _firsts(kept)
    names = [h for h in kept if isinstance(h, str)]
    found = {g for text in texts for s in hints.find(text, names)
             if _personal(text, s.start, s.end, firsts) and (g := _gender(text, s.start))} if firsts else set()
    return next(iter(found)) if len(found) == 1 else None


def relatives(
    text: str, mentions: list[tuple[int, int]], kept: Iterable[str | tuple[str, Category]],
    gender: str | None = None,
) -> set[tuple[int, int]]:
    """Which of `mentions` (spans of the subject's name) are family with the same surname instead. `gender`:
    the subject's, from the other texts of the export (`subject_gender`), where this text gives none."""
    firsts = _firsts(kept)
    if not firsts:
        return set()
    own_genders = {g for s, e in mentions if _personal(text, s, e, firsts) and (g := _gender(text, s))}
    subject = next(iter(own_genders)) if len(own_genders) == 1 else gender if not own_genders else None
    out = set()
    for start, end in mentions:
        if _personal(text, start, end, firsts) or all(w.casefold() in _PARTICLES for w in text[start:end].split()):
            continue
        # a relation word before it (`haar man El Amrani`) or in apposition (`meneer El Amrani, haar man`)
        relation = words.relation_around(text, start, end)
        mention_gender = _gender(text, start)
        if (relation and relation not in _SELF) or (subject and mention_gender and mention_gender != subject):
            out.add((start, end))
    return out
