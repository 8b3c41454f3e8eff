"""What takes the place of a found span: a numbered tag, a keyed pseudonym, or nothing.

- `tag`: `[NAAM-1]`, `[NAAM-2]`, ... numbered per distinct value and category within one text, so a reader
  can still follow who is who. Values are compared normalised (case, spacing; digits only for numbers, so
  `06-12345678` and `06 1234 5678` are one phone), and a shorter form of a name seen before
  (`mevrouw El Amrani` after `Fatima El Amrani`) gets the same number.
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


class Replacer:
    """Replacements for the spans of one text, in order; remembers which values it has seen."""

    def __init__(self, mode: Mode, key: bytes | None) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
        if mode == "pseudonym" and not key:
            raise ValueError("mode 'pseudonym' needs a key")
        self.mode, self.key = mode, key
        self.numbers: dict[tuple[Category, str], int] = {}
        self.counts: dict[Category, int] = {}
        self.names: list[tuple[frozenset[str], str]] = []  # name words -> canonical value, in the order seen
        # For one Replacer over a whole export or dataset (thousands of names), a lookup must not walk every
        # name seen: `by_word` says which names hold a word, `known` remembers each answer. Names are only ever
        # appended, so the first name holding the words stays the first, and an answer once given stays right.
        self.by_word: dict[str, list[int]] = {}
        self.known: dict[frozenset[str], str] = {}

    def learn_names(self, values: list[str]) -> None:
        """The names of the whole text, longest first, so "Kofi" early on links to "Kofi Mensah" later."""
        for value in sorted(values, key=lambda v: len(name_words(v)), reverse=True):
            self.canonical(Category.NAME, value)

    def canonical(self, category: Category, value: str) -> str:
        norm = normalise(category, value)
        if category is not Category.NAME:
            return norm
        parts = name_words(value)
        if not parts:
            self.names.append((parts, norm))
            return norm
        canonical = self.known.get(parts) or self._first_holding(parts)
        if canonical is None:
            for word in parts:
                self.by_word.setdefault(word, []).append(len(self.names))
            self.names.append((parts, norm))
            canonical = norm
        self.known[parts] = canonical
        return canonical

    def _first_holding(self, parts: frozenset[str]) -> str | None:
        """The canonical value of the first name seen that holds all of `parts`, if any."""
        rarest = min((self.by_word.get(word, ()) for word in parts), key=len)
        for i in rarest:  # ascending: the order the names were seen in
            seen, canonical = self.names[i]
            if parts <= seen:
                return canonical
        return None

    def __call__(self, span: Span, value: str) -> str:
        if self.mode == "remove":
            return ""
        label = LABELS[span.category]
        canonical = self.canonical(span.category, value)
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
