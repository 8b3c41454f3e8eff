"""What one capitalised word is by itself: an ordinary Dutch word, a word that names no one, a name.

Each answer depends on the word and the word lists only, so it is worked out once per word and kept
(`lru_cache`): the name finder asks about the same few thousand words again and again, and a dictionary
lookup is what keeps it fast.
"""

from __future__ import annotations

from functools import lru_cache

from waarborg.engine.deidentify import lexicons, words
from waarborg.engine.deidentify.chains import Tok

_PREFIXES = frozenset(["her", "on", "ver", "be", "ge", "mede", "zelf", "oud", "ex", "anti", "niet", "wan", "mis"])


def ends(word: str, endings: tuple[str, ...]) -> bool:
    """`word` ends in one of `endings` and is longer than it ("Kerkstraat", not "Straat"; "Opslaan" is a verb)."""
    if not word.endswith(endings) or word.endswith("slaan"):
        return False
    return any(word.endswith(e) and len(word) > len(e) + 1 for e in endings)


@lru_cache(maxsize=65536)
def common(word: str) -> bool:
    """An ordinary Dutch word (or a compound of them: "Mantelzorgwaardering", "Wachtwoordherinitialisatie")."""
    low = word.lower()
    vocab = lexicons.vocabulary()
    if low in vocab:
        return True
    if "-" in word:
        rest = word.rpartition("-")[2]
        if rest[:1].islower():  # "CSRF-cookie", "Komma-gescheiden": a compound, not a double name
            return True
    if len(low) < 9:
        return False
    for i in range(3, len(low) - 2):
        head = low[:i]
        if head in vocab or head in _PREFIXES or (head[-1] in "s" and head[:-1] in vocab and i > 4):
            rest = low[i:]
            if rest in vocab or (len(rest) >= 9 and common(rest)):
                return True
    return False


def _ordinary_ending(low: str) -> bool:
    """Ends like a law or an adjective of origin; a law's name has a word before `-wet` ("Jeugdwet"), which
    the Eritrean name "Hiwet" has not."""
    if low.endswith(("wet", "wetten")):
        return len(low) - (6 if low.endswith("wetten") else 3) >= 4
    return low.endswith(words.ORDINARY_ENDINGS)


@lru_cache(maxsize=65536)
def ordinary(word: str) -> bool:
    """A capitalised word that names no one: a country, a month, an agency, a law (`-wet`), a language."""
    if word in lexicons.ordinary() or _ordinary_ending(word.lower()):
        return True
    # "Australisch-Engels", "Noord-Brabant": every part ordinary
    return "-" in word and all(
        p in lexicons.ordinary() or _ordinary_ending(p.lower()) for p in word.split("-") if p
    )


def strong_first(word: str) -> bool:
    return word in lexicons.first_names() and word.lower() not in words.FUNCTION


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    """At a sentence start: does this word carry a name by itself?"""
    low = word.lower()
    if low in words.FUNCTION or low in words.TITLES or low in words.RELATIONS or low in words.GREETINGS:
        return False
    if ordinary(word):
        return False
    if strong_first(word):
        return True
    if word.isupper():
        return False
    return not common(word)


@lru_cache(maxsize=65536)
def plain(word: str) -> bool:
    """An ordinary word that, at the start of a sentence, is just that ("De", "Gisteren", "Cliënt",
    "Gespreksverslag", "BSN"): no name, place or institution begins with it. The name finder would come to
    the same answer at length; this is the short way, decided once per word."""
    low = word.lower()
    if low in words.FUNCTION:
        return True
    if (
        " " in word
        or word in lexicons.person_names()
        or word in lexicons.places().by_first
        or word in lexicons.institutions().by_first
        or low in words.INSTITUTION_FIRST
    ):
        return False
    if low in lexicons.vocabulary():
        return True
    # Not in the word list, yet no name at a sentence start: a compound of Dutch words or an abbreviation,
    # unless its ending makes it an institution or a street ("Julianaschool", "MAASZORG", "Kerkstraat").
    if low.endswith(words.INSTITUTION_ENDINGS) or ends(low, words.STREET_STRONG):
        return False
    return word.isupper() or common(word)


@lru_cache(maxsize=65536)
def institution_word(word: str) -> bool:
    """A word that can begin an institution's name (a known one, or a type: "Basisschool") or end one ("Zorg")."""
    low = word.lower()
    return word in lexicons.institutions().by_first or low in words.INSTITUTION_FIRST or low in words.INSTITUTION_LAST


@lru_cache(maxsize=65536)
def street_word(word: str) -> bool:
    """A word with a strong street ending ("Kerkstraat", "Lindelaan"), not in capitals: a street by itself."""
    return not word.isupper() and ends(word.lower(), words.STREET_STRONG)


def acronym(word: str) -> bool:
    """All capitals ("UWV", "CSRF-cookie" aside): an abbreviation, not a name, unless a list says otherwise."""
    return word.isupper() and word not in lexicons.person_names()


def is_title(tok: Tok) -> bool:
    low = tok.word.lower()
    return tok.kind == "abbr" or (
        tok.kind == "cap" and (low in words.TITLES or low in words.RELATIONS or low in words.GREETINGS)
    )
