"""What takes the place of a found span: a numbered tag, a keyed pseudonym, or nothing.

- `tag`: `[NAAM-1]`, `[NAAM-2]`, ... numbered per distinct value and category within one text, so a reader
  can still follow who is who. Values are compared normalised (case, spacing; digits only for numbers, so
  `06-12345678` and `06 1234 5678` are one phone), and a shorter form of a name seen before
  (`Fatima`, `F. El Amrani`, and in the same text `mevrouw El Amrani`, after `Fatima El Amrani`) gets the same
  number; see `Replacer` for when a surname alone does.
- `pseudonym`: `[NAAM-K7Q2X4PM]`, eight base-32 characters of HMAC-SHA256(key, category and normalised
  value). The same key gives the same pseudonym for the same value in every text, so a dataset keeps its
  links between records; another key gives unrelated pseudonyms, and without the key a pseudonym cannot
  be traced back (40 bits: collisions stay rare up to tens of thousands of distinct values per category).
  Use one key per dataset (or per document, to keep documents unlinkable).
- `remove`: the span is cut out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from functools import lru_cache
from typing import Literal

from waarborg.engine.deidentify import words
from waarborg.engine.deidentify.spans import LABELS, Category, Span

Mode = Literal["tag", "pseudonym", "remove"]
MODES: tuple[Mode, ...] = ("tag", "pseudonym", "remove")

_NUMBERS = {Category.PHONE, Category.BSN, Category.IBAN, Category.POSTCODE, Category.PLATE, Category.IDDOC}
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "do",
        "du",
        "la",
        "le",
        "te",
        "ter",
        "ten",
        "'t",
        "'s",
        "el",
        "al",
        "ben",
        "bin",
        "ibn",
        "abu",
    ]
)
_NOT_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
_INITIAL = re.compile(r"(?<!\w)(\w)\.")


def _initial(value: str) -> str | None:
    """The first initial of a name written with initials ("J.P. Jansen": "j"), else None."""
    m = _INITIAL.search(value)
    return m.group(1).casefold() if m else None


def _differ(one: str | None, other: str | None) -> bool:
    return bool(one and other and one != other)


def normalise(category: Category, value: str) -> str:
    if category is Category.PHONE:
        digits = re.sub(r"\D", "", value)
        if value.lstrip().startswith(("+", "00")):
            digits = digits.removeprefix("00")
            if digits.startswith("31"):
                digits = "0" + digits[2:].removeprefix("0")
        return digits
    if category in _NUMBERS:
        return _NOT_ALNUM.sub("", value).upper()
    return " ".join(value.casefold().split())


@lru_cache(maxsize=65536)
def name_words(value: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", value.casefold()) if len(w) > 1 and w not in _PARTICLES)


class _Name:
    """A name the replacer has numbered: its words, its canonical value, and what tells its person apart."""

    __slots__ = ("canonical", "gender", "given", "initial", "parts", "relation")

    def __init__(self, value: str, gender: str | None, relation: str | None = None) -> None:
        self.parts = name_words(value)
        self.canonical = normalise(Category.NAME, value)
        ordered = [w for w in _WORD.findall(value.casefold()) if len(w) > 1 and w not in _PARTICLES]
        self.given = ordered[0] if len(ordered) > 1 else None  # "fatima" of "Fatima El Amrani"
        self.initial = _initial(value)  # "j" of "J.P. Jansen"
        self.gender = gender
        self.relation = relation  # "zoon" of "haar zoon El Amrani"


class Replacer:
    """Replacements for the spans of one text, in order; remembers which values it has seen.

    A name links to a name seen before (same tag, same pseudonym) when it is that name, or a shorter form of it
    that keeps its first name or initial (`Kofi`, `K. Mensah` after `Kofi Mensah`). A surname alone (`mevrouw El
    Amrani`) links to a full name only inside one text, where that text names one person with that surname and
    the title or relation word before it gives no other gender: `meneer El Amrani, haar man` in one note is not
    `haar zoon Yassin El Amrani` of another, nor `haar broer Henk Dijkstra` the same as `mevrouw Dijkstra`."""

    def __init__(self, mode: Mode, key: bytes | None) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
        if mode == "pseudonym" and not key:
            raise ValueError("mode 'pseudonym' needs a key")
        self.mode, self.key = mode, key
        self.numbers: dict[tuple[Category, str], int] = {}
        self.counts: dict[Category, int] = {}
        self.names: list[_Name] = []  # in the order seen
        # For one Replacer over a whole export or dataset (thousands of names), a lookup must not walk every
        # name seen: `by_word` says which names hold a word.
        self.by_word: dict[str, list[int]] = {}
        self.homonyms: dict[str, int] = {}  # how many names seen so far share a canonical value
        self.in_text: dict[int, str] = {}  # the names of the current text (`learn_names`): start -> canonical
        self.full_in_text: list[_Name] = []  # the names with a first name or initial the current text holds

    def learn_names(self, text: str, spans: list[tuple[int, int]]) -> None:
        """The names of one whole text (spans into it), longest first, so "Kofi" early on links to "Kofi Mensah"
        later; the word before each (`mevrouw`, `haar broer`) says its gender."""
        self.in_text, self.full_in_text = {}, []
        for start, end in sorted(spans, key=lambda s: len(name_words(text[s[0] : s[1]])), reverse=True):
            # each mention by itself: "haar man El Amrani" and "haar zoon El Amrani" in one text are two people
            self.in_text[start] = self._link(text[start:end], words.gender_before(text, start),
                                             words.relation_around(text, start, end))

    def canonical(self, category: Category, value: str, start: int | None = None) -> str:
        """The value a tag or pseudonym is made of; for a name the text's own mention at `start`, if learnt."""
        if category is not Category.NAME:
            return normalise(category, value)
        known = self.in_text.get(start) if start is not None else None
        return known if known is not None else self._link(value, None)

    def _link(self, value: str, gender: str | None, relation: str | None = None) -> str:
        """The canonical value of the name seen before that `value` names, or `value`'s own as a new name."""
        name = _Name(value, gender, relation)
        parts = name.parts
        if parts:
            rarest = min((self.by_word.get(word, ()) for word in parts), key=len)
            for i in rarest:  # ascending: the order the names were seen in
                seen = self.names[i]
                if parts <= seen.parts and self._same(name, seen):
                    if seen.given or seen.initial:
                        self.full_in_text.append(seen)
                    return seen.canonical
            for word in parts:
                self.by_word.setdefault(word, []).append(len(self.names))
        # A second person of the same name ("mevrouw Bakker" and "meneer Bakker") gets a number of their own.
        same = self.homonyms[name.canonical] = self.homonyms.get(name.canonical, 0) + 1
        if same > 1:
            name.canonical = f"{name.canonical}\x00{same}"
        self.names.append(name)
        if name.given or name.initial:
            self.full_in_text.append(name)
        return name.canonical

    def _same(self, name: _Name, seen: _Name) -> bool:
        if name.parts == seen.parts:
            if name.given or name.initial or seen.given or seen.initial:
                return True
            # The same surname alone: one person, unless the words around say two ("haar man El Amrani" and
            # "haar zoon El Amrani", "mevrouw Bakker" and "meneer Bakker").
            return not (_differ(name.relation, seen.relation) or _differ(name.gender, seen.gender))
        if seen.given and (seen.given in name.parts or name.initial == seen.given[0]):
            return True  # "Kofi", "K. Mensah", "Kofi Mensah"
        if seen.initial and name.initial == seen.initial:
            return True  # "J. Jansen" after "J.P. Jansen"
        if name.given or name.initial:
            return False  # another first name or initial: another person
        # A surname alone: the one person of this text with that surname, of no other gender.
        holders = {id(n) for n in self.full_in_text if name.parts <= n.parts}
        return (holders == {id(seen)} and not (name.gender and seen.gender and name.gender != seen.gender))

    def __call__(self, span: Span, value: str) -> str:
        if self.mode == "remove":
            return ""
        label = LABELS[span.category]
        canonical = self.canonical(span.category, value, span.start)
        if self.mode == "pseudonym":
            assert self.key is not None
            digest = hmac.new(self.key, f"{span.category.value}\x00{canonical}".encode(), hashlib.sha256).digest()
            return f"[{label}-{base64.b32encode(digest[:5]).decode()}]"
        number = self.numbers.get((span.category, canonical))
        if number is None:
            number = self.counts.get(span.category, 0) + 1
            self.counts[span.category] = number
            self.numbers[(span.category, canonical)] = number
        return f"[{label}-{number}]"
