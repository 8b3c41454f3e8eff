"""Names, streets, places and institutions: the capitalised runs of a text, each weighed in its context.

One regular expression finds every *chain*: capitalised words joined by spaces or hyphens, with the initials
(`J.P.`), abbreviations (`Burg.`, `Dr.`) and lowercase particles (`van der`, `de`, `ter`, `el`, `dos`) that
names carry. In Dutch a capital inside a sentence marks a proper noun, so a chain is personal data unless it
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

import re
from collections.abc import Iterable
from functools import lru_cache

from waarborg.engine.deidentify import lexicons, words
from waarborg.engine.deidentify.spans import Category, Span

_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_L = r"[^\W\d_]"
_CAP = rf"(?:['’]s-)?[{_UP}]{_L}+(?:['’-]{_L}+)*"
_INIT = rf"[{_UP}]\.(?:[ \u00a0]?[{_UP}]\.)*"
_ABBR = r"(?:Burg|Prof|Dr|Mr|Ir|Ing|Drs|Ds|St|Pr|Kon|Gen|Jhr|Mgr|Past|Mw|Dhr|Mevr)\."
_PART = r"(?:van|von|der|den|de|del|della|di|da|das|dos|do|du|la|le|te|ter|ten|in ['’]t|['’]t|['’]s|el|ben|bin|ibn|abu|bou|ait)"
_PRE = rf"(?:{_PART}[ \u00a0]+|{_INIT}[ \u00a0]*|{_ABBR}[ \u00a0]*)"
# Chains start at a capital not inside a word: found with a pattern that begins with the capital (the engine
# skips to capitals, three times faster than checking every position), then matched from there; lowercase
# particles before it ("de Vries") are added in Python.
_START = re.compile(rf"(?<![\w@/.-])['’]s-[{_UP}]|[{_UP}](?<![\w@/.'’-][{_UP}])")
_CHAIN = re.compile(rf"{_PRE}*{_CAP}(?:(?:[ \u00a0]+|-){_PRE}*{_CAP})*")
_LEGAL_WORDS = frozenset(["BV", "NV", "VOF", "CV", "Holding"])
_PARTICLES = frozenset(
    ["van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "do", "du", "la", "le", "te"]
) | frozenset(["ter", "ten", "'t", "’t", "'s", "el", "ben", "bin", "ibn", "abu", "bou", "ait"])
_TOKEN = re.compile(rf"(?P<abbr>{_ABBR})|(?P<init>{_INIT})|(?P<part>{_PART})(?=[ \u00a0])|(?P<cap>{_CAP})")
_HOUSE = re.compile(
    r"[ \u00a0]+\d{1,5}(?:[ \u00a0]?-[ \u00a0]?(?:\d{1,4}|[A-Za-z]{1,3}|[IVX]{1,4})\b|(?:[A-Za-z]{1,3}|bis)\b"
    r"|[ \u00a0](?:[A-Z]|I{1,3}|IV|hs|h|bg|huis|bis|zw|rd|boven|beneden|achter)\b|[ \u00a0]?/[ \u00a0]?\d{1,4}\b)?"
    r"(?![\d]|[.,:]\d)"
)
_AFTER_HOUSE = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?:[1-9]\d{3}[ \u00a0]{0,2}[A-Za-z]{2}\b|(?:te|in)[ \u00a0]+[A-Z])|[ \u00a0]*,[ \u00a0]*[A-Z][a-z]"
)
# A place of several words after a postcode or "in": "Stad aan 't Haringvliet", "Wijk bij Duurstede".
_PLACE_TAIL = re.compile(
    rf"(?:[ \u00a0](?:aan|op|bij|en|in|onder|over|ter|de|den|het|['’]t)(?:[ \u00a0](?:de|den|het|['’]t))?[ \u00a0]{_CAP})+"
)
_SENTENCE_END = frozenset(".!?:;\n(\"“”‘'•*>[|")


def _ends(word: str, endings: tuple[str, ...]) -> bool:
    """`word` ends in one of `endings` and is longer than it ("Kerkstraat", not "Straat"; "Opslaan" is a verb)."""
    if not word.endswith(endings) or word.endswith("slaan"):
        return False
    return any(word.endswith(e) and len(word) > len(e) + 1 for e in endings)


class _Tok:
    __slots__ = ("end", "kind", "start", "word")

    def __init__(self, start: int, end: int, kind: str, word: str) -> None:
        self.start, self.end, self.kind, self.word = start, end, kind, word


def _particles_before(text: str, start: int) -> int:
    """Where the chain starts with the lowercase particles before it: "de Vries", "van der Berg", "in 't Veld"."""
    head = text[max(0, start - 12) : start]
    if not head.endswith((" ", "\u00a0")):
        return start
    words = head.split()
    begin = start
    for word in reversed(words[-2:]):
        if word not in _PARTICLES and not (word == "in" and text[begin : begin + 2] in ("'t", "’t")):
            break
        if word == "ben":  # before a name it is the verb ("Ik ben Jan Smit"); inside one ("Ali ben Said") it stays
            break
        begin = text.rindex(word, 0, begin)
    return begin


def _split(toks: list[_Tok]) -> list[tuple[list[_Tok], bool | None]]:
    """A chain broken where a capitalised word starts a new sentence without a full stop ("Tao Tang Ik ben...")."""
    parts: list[tuple[list[_Tok], bool | None]] = []
    begin = 0
    for i in range(1, len(toks)):
        word = toks[i].word
        if toks[i].kind == "cap" and word.lower() in words.STARTERS and word not in lexicons.person_names():
            parts.append((toks[begin:i], None if not parts else True))
            begin = i
    parts.append((toks[begin:], None if not parts else True))
    return parts


def _sentence_start(text: str, i: int) -> bool:
    if i >= 2 and text[i - 1] == " " and text[i - 2].isalnum():
        return False  # the common case: a word and a space before
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0:
        return True
    c = text[j]
    if c == ".":
        k = j - 1
        while k >= 0 and text[k].isalpha():
            k -= 1
        word = text[k + 1 : j]
        if len(word) == 1 and word.isupper():
            return False  # after an initial: "J. Jansen"
        # after a title ("dr. Boven", "mw. Bakker") the sentence goes on
        return not (word.lower() in words.TITLES and (k < 0 or not text[k].isalnum()))
    if c in _SENTENCE_END:
        return True
    return c in "-–—" and (j == 0 or text[j - 1] == "\n")


_PREFIXES = frozenset(["her", "on", "ver", "be", "ge", "mede", "zelf", "oud", "ex", "anti", "niet", "wan", "mis"])


@lru_cache(maxsize=65536)
def _common(word: str) -> bool:
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
            if rest in vocab or (len(rest) >= 9 and _common(rest)):
                return True
    return False


def _ordinary(word: str) -> bool:
    if word in lexicons.ordinary() or word.lower().endswith(words.ORDINARY_ENDINGS):
        return True
    # "Australisch-Engels", "Noord-Brabant": every part ordinary
    return "-" in word and all(
        p in lexicons.ordinary() or p.lower().endswith(words.ORDINARY_ENDINGS) for p in word.split("-") if p
    )


def _strong_first(word: str) -> bool:
    return word in lexicons.first_names() and word.lower() not in words.FUNCTION


def _is_name_word(word: str) -> bool:
    """At a sentence start: does this word carry a name by itself?"""
    low = word.lower()
    if low in words.FUNCTION or low in words.TITLES or low in words.RELATIONS or low in words.GREETINGS:
        return False
    if _ordinary(word):
        return False
    if _strong_first(word):
        return True
    if word.isupper():
        return False
    return not _common(word)


def _acronym(word: str) -> bool:
    """All capitals ("UWV", "CSRF-cookie" aside): an abbreviation, not a name, unless a list says otherwise."""
    return word.isupper() and word not in lexicons.person_names()


def _is_title(tok: _Tok) -> bool:
    low = tok.word.lower()
    return tok.kind == "abbr" or (
        tok.kind == "cap" and (low in words.TITLES or low in words.RELATIONS or low in words.GREETINGS)
    )


class NameFinder:
    def __init__(self, text: str, taken: list[Span]) -> None:
        self.text = text
        self.taken = taken  # spans already found by shape (a postcode's letters are no name)
        self.spans: list[Span] = []
        self.names: set[str] = set()

    def run(self) -> list[Span]:
        text, pos, k = self.text, 0, 0
        taken = [(s.start, s.end) for s in self.taken]
        n_taken = len(taken)
        search, match, plain, chain = _START.search, _CHAIN.match, self._plain_start, self._chain
        while True:
            s = search(text, pos)
            if s is None:
                break
            m = match(text, s.start())
            if m is None:
                pos = s.end()
                continue
            start, end = m.span()
            while k < n_taken and taken[k][1] <= start:
                k += 1
            if k < n_taken and taken[k][0] <= start:
                pos = taken[k][1]
                continue
            pos = end
            if text[end : end + 1].isdigit():
                continue  # "IPv4", "COVID19": a code, not a name
            word = m.group()
            if plain(word, start, end):
                continue
            begin = _particles_before(text, start) if text[start - 1 : start] == " " else start
            if begin == start and word.isalpha():  # one plain word: no need to tokenise
                found = chain([_Tok(start, end, "cap", word)], False, None)
            else:
                toks = [
                    _Tok(t.start(), t.end(), t.lastgroup or "cap", t.group()) for t in _TOKEN.finditer(text, begin, end)
                ]
                found = 0
                for part, sentence in _split(toks):
                    found = max(found, chain(part, False, sentence))
            if found > pos:
                pos = found
        if self.names:
            self._propagate()
        return self.spans

    def _plain_start(self, word: str, start: int, end: int) -> bool:
        """An ordinary word starting a sentence ("De", "Gisteren", "Cliënt"): the common case, decided at once."""
        low = word.lower()
        if low in words.FUNCTION:
            pass
        elif (
            " " in word
            or low not in lexicons.vocabulary()
            or word in lexicons.person_names()
            or word in lexicons.places().by_first
            or word in lexicons.institutions().by_first
            or low in words.INSTITUTION_FIRST
        ):
            return False
        text = self.text
        return _sentence_start(text, start) and not _HOUSE.match(text, end) and text[end : end + 1] != ","

    def _add(self, start: int, end: int, category: Category) -> int:
        self.spans.append(Span(start, end, category))
        return end

    # -- one chain ------------------------------------------------------------------------------------------

    def _chain(self, toks: list[_Tok], context: bool = False, sentence: bool | None = None) -> int:
        text = self.text
        while toks and toks[-1].kind != "cap":
            toks = toks[:-1]
        if not toks:
            return 0
        before = words.Before(text, toks[0].start)
        if sentence is None:
            sentence = _sentence_start(text, toks[0].start)
        found = self._street_number(toks, before)
        if found:
            return found
        context = context or before.title() or before.relation()
        # Titles and relations written inside the chain ("Mevrouw Bouzid", "Dr. Mensah", "Buurvrouw Jansen").
        lead = next((i for i, t in enumerate(toks) if t.kind != "part"), 0)
        if lead and lead < len(toks) - 1 and _is_title(toks[lead]):
            toks = toks[lead:]  # "van Mevrouw De Heide": the particle belongs to the sentence
        while len(toks) > 1 and _is_title(toks[0]):
            if toks[0].word in lexicons.first_names() and self._surname_follows(toks[1]):
                break  # "Lieve van 't Dijkstra", "Lieve Kamp" sign the letter; "Lieve Anna" greets her
            toks = toks[1:]
            context, sentence = True, False
        found = self._institution(toks, before, context, sentence)
        if found:
            return found
        if not context:
            found = self._street(toks) or self._place(toks, before, sentence)
            if found:
                return found
        self._name(toks, sentence, context)
        return toks[-1].end

    def _institution(self, toks: list[_Tok], before: words.Before, context: bool, sentence: bool) -> int:
        text = self.text
        if len(toks) > 1 and toks[-1].word in _LEGAL_WORDS:  # "Hoogeveen Hoveniers BV"
            end = self._add(toks[0].start, toks[-1].end, Category.INSTITUTION)
            return end
        caps = [t for t in toks if t.kind == "cap"]
        known_phrases = lexicons.institutions()
        first_words = known_phrases.by_first
        for i, t in enumerate(toks):
            if t.kind != "cap":
                continue
            end = 0
            known = known_phrases.match_word(text, t.start, t.word) if t.word in first_words else None
            low = t.word.lower()
            if known:
                end = t.start + len(known)
            elif low in words.INSTITUTION_FIRST and any(r.kind == "cap" for r in toks[i + 1 :]):
                end = toks[-1].end
            elif i == len(toks) - 1 and low in words.INSTITUTION_LAST and len(caps) >= 2:
                i, end = 0, t.end
            if end:
                legal = words.LEGAL_FORM.match(text, end)
                if legal:
                    end = legal.end()
                self._add(toks[i].start, end, Category.INSTITUTION)
                if i:  # "mevrouw Alhassan van Pro Persona": the name before is a chain of its own
                    self._chain(toks[:i], context, sentence)
                rest = [r for r in toks if r.start >= end]
                if rest:
                    self._chain(rest, False, False)
                return max(end, toks[-1].end)
        legal = words.LEGAL_FORM.match(text, toks[-1].end)
        if legal:
            return self._add(toks[0].start, legal.end(), Category.INSTITUTION)
        if before.institution() and not context:
            return self._add(toks[0].start, toks[-1].end, Category.INSTITUTION)
        if len(toks) == 1 and not context:
            low = toks[0].word.lower()
            if low.endswith(words.INSTITUTION_ENDINGS) and not _common(low):
                return self._add(toks[0].start, toks[0].end, Category.INSTITUTION)
        return 0

    def _street_number(self, toks: list[_Tok], before: words.Before) -> int:
        """A street with its house number: "Kerkstraat 12a", "Prof. Appiahlaan 215", "Brink 3" after "woont"."""
        house = _HOUSE.match(self.text, toks[-1].end)
        if not house:
            return 0
        while toks and toks[0].kind == "part":
            toks = toks[1:]
        last = toks[-1].word.lower()
        if (
            _ends(last, words.STREET_STRONG)
            or _ends(last, words.STREET_WEAK)
            or before.address()
            or before.postcode()
            or _AFTER_HOUSE.match(self.text, house.end())
        ):
            return self._add(toks[0].start, house.end(), Category.ADDRESS)
        return 0

    def _street(self, toks: list[_Tok]) -> int:
        while toks and toks[0].kind == "part":
            toks = toks[1:]
        last = toks[-1].word
        if (
            not last.isupper()
            and _ends(last.lower(), words.STREET_STRONG)
            and (len(toks) > 1 or not _sentence_start(self.text, toks[0].start) or not _common(last))
        ):
            return self._add(toks[0].start, toks[-1].end, Category.ADDRESS)
        return 0

    def _place(self, toks: list[_Tok], before: words.Before, sentence: bool) -> int:
        text = self.text
        first = next((t for t in toks if t.kind != "part"), toks[0])
        if first.kind != "cap":
            return 0
        if first is not toks[0]:
            before = words.Before(text, first.start)  # with a leading "te" of the chain
        known = lexicons.places().match_word(text, first.start, first.word)
        after_postcode = before.postcode()
        if known:
            stop = first.start + len(known)
            placed = after_postcode or not sentence or not _common(known) or text.startswith(",", stop)
            if placed and (first is toks[0] or before.place()):
                return self._add(first.start, stop, Category.CITY)
        rest = [t for t in toks if t.kind == "cap"]
        if after_postcode or (before.place() and len(rest) <= 3 and all(self._unknown(t.word) for t in rest[-1:])):
            end = toks[-1].end
            tail = _PLACE_TAIL.match(text, end)
            return self._add(first.start, tail.end() if tail else end, Category.CITY)
        return 0

    @staticmethod
    def _unknown(word: str) -> bool:
        """After "in" or "te" a capitalised word that is no known name and names no one is a place, even when it
        is also a Dutch word ("te Anderen", "in Spier")."""
        compound = "-" in word and word.rpartition("-")[2][:1].islower()
        return not (word in lexicons.person_names() or _ordinary(word) or word.isupper() or compound)

    def _name(self, toks: list[_Tok], sentence: bool, context: bool) -> None:
        if not context:
            # The first word of a sentence is capitalised anyway: drop it unless it carries a name.
            name_word = _is_name_word(toks[0].word) if toks[0].kind == "cap" else True
            if sentence and not name_word and not self._first_name_after_all(toks):
                toks = toks[1:]
            while (
                toks
                and toks[0].kind == "cap"
                and _ordinary(toks[0].word)
                and toks[0].word not in lexicons.person_names()
            ):
                toks = toks[1:]
            while toks and toks[-1].kind != "cap":
                toks = toks[:-1]
            caps = [t for t in toks if t.kind == "cap"]
            if not caps:
                return
            names = lexicons.person_names()
            if not any(t.kind in ("init", "abbr") for t in toks) and not any(t.word in names for t in caps):
                # Only words that name no one, acronyms and ordinary Dutch words: "Sociale Verzekeringsbank",
                # "de Algemene wet". A single unknown word ("Tesfalidet") is a name.
                if not any(not (_ordinary(t.word) or _acronym(t.word) or _common(t.word)) for t in caps):
                    return
            elif (
                len(caps) == 1
                and len(toks) == 1
                and (_ordinary(caps[0].word) or caps[0].word.lower() in words.FUNCTION)
            ):
                return  # "in het Frans", "Hoi Rawan, Meer dan...": a name that is also such a word needs a title
        if not toks:
            return
        self._add(toks[0].start, toks[-1].end, Category.NAME)
        for t in toks:
            if t.kind == "cap" and len(t.word) > 1 and t.word.lower() not in words.FUNCTION:
                self.names.add(t.word)

    @staticmethod
    def _surname_follows(tok: _Tok) -> bool:
        return tok.kind == "part" or (tok.kind == "cap" and tok.word in lexicons.surnames())

    @staticmethod
    def _first_name_after_all(toks: list[_Tok]) -> bool:
        """A capitalised Dutch word opening a sentence, yet followed by a surname: "Lubbert van Steen", "Wil Beek"."""
        if len(toks) < 2:
            return False
        first, nxt = toks[0].word, toks[1]
        if first in lexicons.first_names() and nxt.kind == "cap" and nxt.word in lexicons.person_names():
            return True
        low = first.lower()
        if low in words.FUNCTION or _ordinary(first) or low in words.INSTITUTION_FIRST:
            return False
        if nxt.kind == "part":
            return True
        return nxt.kind == "cap" and (nxt.word in lexicons.surnames() or not _common(nxt.word))

    # -- names found once are names everywhere --------------------------------------------------------------

    def _propagate(self) -> None:
        covered = {(s.start, s.end) for s in self.spans}
        for start, end in find_words(self.text, self.names, ignore_case=False):
            if (start, end) not in covered:
                self.spans.append(Span(start, end, Category.NAME))


def find_words(text: str, found: Iterable[str], *, ignore_case: bool) -> list[tuple[int, int]]:
    """Where any of `found` stands in `text` as a whole word (or whole words)."""
    wanted = sorted({w for w in found if w}, key=len, reverse=True)
    if not wanted:
        return []
    if ignore_case:
        alternatives = "|".join(re.escape(w) for w in wanted)
        pattern = re.compile(rf"(?<![\w@.-])(?:{alternatives})(?![\w@-]|\.\w)", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text)]
    # Case-sensitive: plain substring search, no pattern to compile for every text.
    out: list[tuple[int, int]] = []
    n = len(text)
    for word in wanted:
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            left_ok = i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "@.-_")
            right_ok = j == n or not (
                text[j].isalnum() or text[j] in "@-_" or (text[j] == "." and j + 1 < n and text[j + 1].isalnum())
            )
            if left_ok and right_ok:
                out.append((i, j))
            i = text.find(word, j)
    return out


def find(text: str, taken: list[Span]) -> list[Span]:
    """Names, streets, places and institutions; `taken` (sorted, non-overlapping) are skipped."""
    return NameFinder(text, taken).run()
