"""The word lists in `data/` (data/README.md says where each comes from), each read once on first use.

Single words live in frozensets (a set lookup per capitalised word is all the name finder needs); entries of
more than one word (`Alphen aan den Rijn`, `Leger des Heils`) are kept by their first word, longest first, so
the finder checks them with `str.startswith` at the one place they can begin. Nothing is read at import:
`waarborg deidentify` on empty input never opens the 1 MB word list.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


def _text(name: str) -> str:
    data = resources.files("waarborg.engine.deidentify").joinpath("data", name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in _text(name).splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _lines(name) for word in line.split())


@cache
def first_names() -> frozenset[str]:
    return _words("voornamen.txt")


@cache
def surnames() -> frozenset[str]:
    return _words("achternamen.txt")


@cache
def person_names() -> frozenset[str]:
    return first_names() | surnames()


@cache
def ordinary() -> frozenset[str]:
    """Capitalised words that name no one (countries, months, agencies...)."""
    return _words("gewoon.txt")


@cache
def vocabulary() -> frozenset[str]:
    """Lowercase Dutch words (OpenTaal): a capitalised word whose lowercase form is here may be an ordinary word."""
    return frozenset(_text("woorden.txt.gz").split("\n"))


class Phrases:
    """Entries of one or more words, found by their first word."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = frozenset(entries)
        self.by_first: dict[str, tuple[str, ...]] = {}
        for entry in sorted(self.entries, key=len, reverse=True):
            first = entry.split()[0]
            self.by_first[first] = (*self.by_first.get(first, ()), entry)

    def match(self, text: str, start: int) -> str | None:
        """The longest entry that starts at `start` and ends at a word boundary, if any."""
        end = start
        while end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
            end += 1
        for entry in self.by_first.get(text[start:end], ()):
            stop = start + len(entry)
            if text.startswith(entry, start) and (stop == len(text) or not text[stop].isalnum()):
                return entry
        return None

    def match_word(self, text: str, start: int, word: str) -> str | None:
        """`match`, when the caller already has the word at `start`."""
        for entry in self.by_first.get(word, ()):
            stop = start + len(entry)
            if text.startswith(entry, start) and (stop == len(text) or not text[stop].isalnum()):
                return entry
        return None

    def __contains__(self, entry: object) -> bool:
        return entry in self.entries


@cache
def places() -> Phrases:
    return Phrases(_lines("plaatsen.txt"))


@cache
def institutions() -> Phrases:
    return Phrases(_lines("instellingen.txt"))
