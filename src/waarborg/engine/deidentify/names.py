"""Names, streets, places and institutions: the capitalised runs of a text, each weighed in its context.

`chains` finds every *chain*: capitalised words joined by spaces or hyphens, with the initials (`J.P.`),
abbreviations (`Burg.`, `Dr.`) and lowercase particles (`van der`, `de`, `ter`, `el`, `dos`) that names
carry; `wordclass` says what one word is by itself. In Dutch a capital inside a sentence marks a proper noun, so a chain is personal data unless it
proves otherwise; the work is in the cases where the capital says nothing:

- at the start of a sentence every word has one. There a word counts as a name when it is a known first
  name (not one of the few that mostly start sentences: `Ben`, `Wil`, `Dan`), a known surname that is no
  Dutch word, or a word that is not Dutch at all: the OpenTaal list of 356,000 lowercase words, with a
  compound check (`Mantelzorgwaardering` = `mantelzorg` + `waardering`) for the longer ones. This is how
  names the lexicons have never seen (`Tesfalidet`, `Nyarko`) are still found.
- titles and relations before a chain (`mevrouw`, `dhr.`, `haar zoon`, `buurvrouw`) make it a name whatever
  the words are; capitalised words that name no one (`gewoon.txt`: countries, months, agencies, laws) make
  it nothing on their own.
- the same chain is a street when it ends like one (`-straat`, `-laan`; weaker endings such as `-dijk` or
  `-markt` need a house number) or a house number follows in an address context (a postcode, `, Assen`,
  `woont aan de`); the span takes the number and its addition (`126-2`, `100 II`, `12a`).
- a place when the place list has it (including `Alphen aan den Rijn`, matched from its first word), when a
  postcode comes before it, or when it is an unknown word after `in`, `te`, `uit`, `naar`.
- an institution when a type word comes before (`Basisschool De Regenboog`, `huisartsenpraktijk Van Dijk`),
  after (`Jansen Transport`), as its ending (`Julianaschool`), or a legal form follows (`B.V.`), or when the
  institution list has it.

Every name found this way is then looked for again in the whole text (case-sensitive), so `Tesfaye`
found after `mevrouw` is also found where a sentence starts with it.
"""

from __future__ import annotations

from functools import lru_cache

from waarborg.engine.deidentify import chains, lexicons, wordclass, words
from waarborg.engine.deidentify.chains import Tok
from waarborg.engine.deidentify.spans import Category, Found
from waarborg.engine.deidentify.wordclass import (
    acronym,
    common,
    ends,
    institution_word,
    is_name_word,
    is_title,
    ordinary,
    street_word,
)
from waarborg.engine.deidentify.wordsearch import find_words

__all__ = ["NameFinder", "find", "find_words"]

_LEGAL_WORDS = frozenset(["BV", "NV", "VOF", "CV", "Holding"])


class NameFinder:
    def __init__(self, text: str, taken: list[Found]) -> None:
        self.text = text
        self.taken = taken  # spans already found by shape (a postcode's letters are no name)
        self.spans: list[Found] = []
        self.names: set[str] = set()

    def run(self) -> list[Found]:
        text, pos = self.text, 0
        # What the shape finders took is masked with digits (a postcode's letters are no name): no chain
        # starts or runs inside it, and no candidate there costs a step of this loop.
        scan = chains.masked(text, self.taken)
        search, at, chain, house = chains.START.search, chains.CHAIN.match, self._chain, chains.house
        sentence_start, plain = chains.sentence_start, wordclass.plain
        while True:
            # The engine skips to the next capital by itself; only there is the whole chain tried.
            s = search(scan, pos)
            if s is None:
                break
            m = at(scan, s.start())
            if m is None:
                pos = s.end()
                continue
            start, end = m.span()
            pos = end
            after = text[end : end + 1]
            if after.isdigit():
                continue  # "IPv4", "COVID19": a code, not a name
            word = m.group()
            # The common case, decided at once: an ordinary word starting a sentence ("De", "Gisteren", "Cliënt").
            sentence = None
            if plain(word):
                sentence = sentence_start(text, start)
                if sentence and after != "," and not house(text, end):
                    continue
            begin = chains.particles_before(text, start) if text[start - 1 : start] == " " else start
            if begin == start and word.isalpha():  # one plain word: no need to tokenise
                found = chain([Tok(start, end, "cap", word)], False, sentence)
            else:
                found = 0
                for part, first in chains.parts(text, begin, end):
                    found = max(found, chain(part, False, first))
            if found > pos:
                pos = found
        if self.names:
            self._propagate()
        return self.spans

    def _add(self, start: int, end: int, category: Category) -> int:
        self.spans.append((start, end, category))
        return end

    # -- one chain ------------------------------------------------------------------------------------------

    def _chain(self, toks: list[Tok], context: bool = False, sentence: bool | None = None) -> int:
        text = self.text
        while toks and toks[-1].kind != "cap":
            toks = toks[:-1]
        if not toks:
            return 0
        before = words.Before(text, toks[0].start)
        if sentence is None:
            sentence = chains.sentence_start(text, toks[0].start)
        found = self._street_number(toks, before)
        if found:
            return found
        context = context or before.title() or before.relation()
        # Titles and relations written inside the chain ("Mevrouw Bouzid", "Dr. Mensah", "Buurvrouw Jansen").
        lead = 0 if toks[0].kind != "part" else next((i for i, t in enumerate(toks) if t.kind != "part"), 0)
        if lead and lead < len(toks) - 1 and is_title(toks[lead]):
            toks = toks[lead:]  # "van Mevrouw De Heide": the particle belongs to the sentence
        titled = toks[0].start
        while len(toks) > 1 and is_title(toks[0]):
            if toks[0].word in lexicons.first_names() and self._surname_follows(toks[1]):
                break  # "Lieve van 't Dijkstra", "Lieve Kamp" sign the letter; "Lieve Anna" greets her
            toks = toks[1:]
            context, sentence = True, False
        added = len(self.spans)
        found = self._institution(toks, before, context, sentence)
        if found:
            if titled < toks[0].start and len(self.spans) > added and self.spans[added][0] == toks[0].start:
                # "Dr. Nassau College", "St. Jozefschool": the title is part of the institution's name
                self.spans[added] = (titled, self.spans[added][1], self.spans[added][2])
            return found
        if not context:
            found = self._street(toks) or self._place(toks, before, sentence)
            if found:
                return found
        self._name(toks, sentence, context)
        return toks[-1].end

    def _institution(self, toks: list[Tok], before: words.Before, context: bool, sentence: bool) -> int:
        text = self.text
        if len(toks) > 1 and toks[-1].word in _LEGAL_WORDS:  # "Hoogeveen Hoveniers BV"
            end = self._add(toks[0].start, toks[-1].end, Category.INSTITUTION)
            return end
        known_phrases = lexicons.institutions()
        first_words = known_phrases.by_first
        last = len(toks) - 1
        # Only a word that can begin or end an institution's name opens this loop: most chains hold none.
        for i, t in enumerate(toks if any(t.kind == "cap" and institution_word(t.word) for t in toks) else ()):
            if t.kind != "cap":
                continue
            end = 0
            word = t.word
            known = known_phrases.match_word(text, t.start, word) if word in first_words else None
            if known:
                end = t.start + len(known)
            else:
                low = word.lower()
                if low in words.INSTITUTION_FIRST and any(r.kind == "cap" for r in toks[i + 1 :]):
                    end = toks[-1].end
                    # The words that describe the type go with it: "Christelijke Basisschool", "Openbare
                    # Bibliotheek" ("mevrouw Visser van de Christelijke Basisschool Het Kompas").
                    while i and toks[i - 1].kind == "cap" and _describes(toks[i - 1].word):
                        i -= 1
                elif i == last and low in words.INSTITUTION_LAST and sum(r.kind == "cap" for r in toks) >= 2:
                    # "Jansen Transport" whole; "meneer Groene van de Openbare Bibliotheek": the name before "van"
                    # is a chain of its own, when what follows "van" still has two words
                    after = _after_van(toks)
                    i, end = (after if sum(r.kind == "cap" for r in toks[after:]) >= 2 else 0), t.end
            if end:
                legal = words.legal_form(text, end)
                if legal:
                    end = legal.end()
                end = self._branch(toks, end)
                self._add(toks[i].start, end, Category.INSTITUTION)
                if i:  # "mevrouw Alhassan van Pro Persona": the name before is a chain of its own
                    self._chain(toks[:i], context, sentence)
                rest = [r for r in toks if r.start >= end]
                if rest:
                    self._chain(rest, False, False)
                return max(end, toks[-1].end)
        legal = words.legal_form(text, toks[-1].end)
        if legal:
            return self._add(toks[0].start, legal.end(), Category.INSTITUTION)
        if before.institution() and not context:
            return self._add(toks[0].start, toks[-1].end, Category.INSTITUTION)
        if len(toks) == 1 and not context:
            low = toks[0].word.lower()
            if low.endswith(words.INSTITUTION_ENDINGS) and not common(low):
                return self._add(toks[0].start, toks[0].end, Category.INSTITUTION)
        return 0

    def _branch(self, toks: list[Tok], end: int) -> int:
        """A known institution's name goes on with the region or place of its branch, in the same chain:
        "Stichting Welzijn Ouderen Drenthe", "Humanitas Assen"."""
        following = next((t for t in toks if t.start >= end), None)
        if (following is None or following.kind != "cap" or not self.text[end:following.start].isspace()
                or not (following.word in words.REGIONS or chains.place_or_district(self.text, following))):
            return end
        return following.end

    def _street_number(self, toks: list[Tok], before: words.Before) -> int:
        """A street with its house number: "Kerkstraat 12a", "Prof. Appiahlaan 215", "Brink 3" after "woont" or
        after "op" or "aan"."""
        house = chains.house(self.text, toks[-1].end)
        if not house:
            return 0
        while toks and toks[0].kind == "part":
            toks = toks[1:]
        last = toks[-1].word.lower()
        if (
            ends(last, words.STREET_STRONG)
            or ends(last, words.STREET_WEAK)
            or before.address()
            or before.postcode()
            # "eerder op Markt 12a", "aan de Brink 3": lowercase, inside a sentence ("op Dinsdag 12 maart" is a day)
            or (before.raw in ("op", "aan") and not ordinary(toks[-1].word))
            or chains.AFTER_HOUSE.match(self.text, house.end())
        ):
            return self._add(chains.ordinal(self.text, toks[0].start), house.end(), Category.ADDRESS)
        return 0

    def _street(self, toks: list[Tok]) -> int:
        while toks and toks[0].kind == "part":
            toks = toks[1:]
        last = toks[-1].word
        if (
            street_word(last)
            and (len(toks) > 1 or not chains.sentence_start(self.text, toks[0].start) or not common(last))
        ):
            return self._add(chains.ordinal(self.text, toks[0].start), toks[-1].end, Category.ADDRESS)
        return 0

    def _place(self, toks: list[Tok], before: words.Before, sentence: bool) -> int:
        text = self.text
        first = toks[0] if toks[0].kind != "part" else next((t for t in toks if t.kind != "part"), toks[0])
        if first.kind != "cap":
            return 0
        if first is not toks[0]:
            before = words.Before(text, first.start)  # with a leading "te" of the chain
        known = lexicons.places().match_word(text, first.start, first.word)
        if known:
            stop = first.start + len(known)
            placed = not sentence or not common(known) or text.startswith(",", stop) or before.postcode()
            if placed and (first is toks[0] or before.place()):
                return self._add(first.start, stop, Category.CITY)
        unknown_after_place = False
        if before.place():
            rest = [t for t in toks if t.kind == "cap"]
            unknown_after_place = len(rest) <= 3 and all(self._unknown(t.word) for t in rest[-1:])
        if unknown_after_place or before.postcode():
            end = toks[-1].end
            tail = chains.PLACE_TAIL.match(text, end)
            return self._add(first.start, tail.end() if tail else end, Category.CITY)
        return 0

    @staticmethod
    def _unknown(word: str) -> bool:
        """After "in" or "te" a capitalised word that is no known name and names no one is a place, even when it
        is also a Dutch word ("te Anderen", "in Spier")."""
        compound = "-" in word and word.rpartition("-")[2][:1].islower()
        return not (word in lexicons.person_names() or ordinary(word) or word.isupper() or compound)

    def _name(self, toks: list[Tok], sentence: bool, context: bool) -> None:
        if not context:
            if len(toks) == 1 and toks[0].kind == "cap":  # most chains: decided once per word
                if not _lone_name(toks[0].word, sentence):
                    return
            else:
                toks = _name_toks(toks, sentence)
        if not toks:
            return
        self._add(toks[0].start, toks[-1].end, Category.NAME)
        for t in toks:
            if t.kind == "cap" and len(t.word) > 1 and t.word.lower() not in words.FUNCTION:
                self.names.add(t.word)

    @staticmethod
    def _surname_follows(tok: Tok) -> bool:
        return tok.kind == "part" or (tok.kind == "cap" and tok.word in lexicons.surnames())

    @staticmethod
    def _first_name_after_all(toks: list[Tok]) -> bool:
        """A capitalised Dutch word opening a sentence, yet followed by a surname: "Lubbert van Steen", "Wil Beek"."""
        if len(toks) < 2:
            return False
        first, nxt = toks[0].word, toks[1]
        if first in lexicons.first_names() and nxt.kind == "cap" and nxt.word in lexicons.person_names():
            return True
        low = first.lower()
        if low in words.FUNCTION or ordinary(first) or low in words.INSTITUTION_FIRST:
            return False
        if nxt.kind == "part":
            # "Paspoort van Mehmet Öztürk": a Dutch word, then "van" and a first name, is a phrase before a name
            after = toks[2] if len(toks) > 2 else None
            return not (common(first) and nxt.word == "van" and after is not None and after.kind == "cap"
                        and chains.first_name_only(after.word))
        return nxt.kind == "cap" and (nxt.word in lexicons.surnames() or not common(nxt.word))

    # -- names found once are names everywhere --------------------------------------------------------------

    def _propagate(self) -> None:
        covered = {(s[0], s[1]) for s in self.spans}
        for start, end in find_words(self.text, self.names, ignore_case=False):
            if (start, end) not in covered:
                self.spans.append((start, end, Category.NAME))


def _name_toks(toks: list[Tok], sentence: bool) -> list[Tok]:
    """The part of a chain without a title or relation before it that is a name (empty: none of it)."""
    # The first word of a sentence is capitalised anyway: drop it unless it carries a name.
    name_word = is_name_word(toks[0].word) if toks[0].kind == "cap" else True
    if sentence and not name_word and not NameFinder._first_name_after_all(toks):
        toks = toks[1:]
        # "Paspoort van Mehmet Öztürk": the "van" left in front of a first name is the sentence's, not the name's
        if len(toks) > 1 and toks[0].kind == "part" and chains.first_name_only(toks[1].word):
            toks = toks[1:]
    while toks and toks[0].kind == "cap" and ordinary(toks[0].word) and toks[0].word not in lexicons.person_names():
        toks = toks[1:]
    while toks and toks[-1].kind != "cap":
        toks = toks[:-1]
    caps = [t for t in toks if t.kind == "cap"]
    if not caps:
        return []
    names = lexicons.person_names()
    if not any(t.kind in ("init", "abbr") for t in toks) and not any(t.word in names for t in caps):
        # Only words that name no one, acronyms and ordinary Dutch words: "Sociale Verzekeringsbank",
        # "de Algemene wet". A single unknown word ("Tesfalidet") is a name.
        if not any(not (ordinary(t.word) or acronym(t.word) or common(t.word)) for t in caps):
            return []
    elif len(caps) == 1 and len(toks) == 1 and (ordinary(caps[0].word) or caps[0].word.lower() in words.FUNCTION):
        return []  # "in het Frans", "Hoi Rawan, Meer dan...": a name that is also such a word needs a title
    return toks


def _after_van(toks: list[Tok]) -> int:
    """Where a chain goes on after its last "van" that follows a capitalised word ("Groene van de Openbare
    Bibliotheek": at "Openbare"), or 0."""
    at = 0
    for j in range(1, len(toks) - 1):
        if toks[j].kind == "part" and toks[j].word.lower() == "van" and toks[j - 1].kind == "cap":
            at = next((k for k in range(j + 1, len(toks)) if toks[k].kind != "part"), 0)
    return at


@lru_cache(maxsize=4096)
def _describes(word: str) -> bool:
    """An inflected Dutch adjective that names no one ("Christelijke", "Openbare", "Rooms-Katholieke")."""
    return (len(word) > 4 and word.endswith("e") and word.lower() not in words.FUNCTION and common(word)
            and word not in lexicons.person_names())


@lru_cache(maxsize=65536)
def _lone_name(word: str, sentence: bool) -> bool:
    """`_name_toks` for a chain of one capitalised word, which depends on the word alone: kept per word."""
    return bool(_name_toks([Tok(0, len(word), "cap", word)], sentence))


def find(text: str, taken: list[Found]) -> list[Found]:
    """Names, streets, places and institutions; `taken` (sorted, non-overlapping) are skipped."""
    return NameFinder(text, taken).run()
