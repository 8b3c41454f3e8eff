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

from waarborg.deidentify import lexicons, words
from waarborg.deidentify.spans import Category, Span

_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_L = r"[^\W\d_]"
_CAP = rf"(?:['’]s-)?[{_UP}]{_L}+(?:['’-]{_L}+)*"
_INIT = rf"[{_UP}]\.(?:[ \u00a0]?[{_UP}]\.)*"
_ABBR = r"(?:Burg|Prof|Dr|Mr|Ir|Ing|Drs|Ds|St|Pr|Kon|Gen|Jhr|Mgr|Past|Mw|Dhr|Mevr)\."
_PART = r"(?:van|von|der|den|de|del|della|di|da|das|dos|do|du|la|le|te|ter|ten|['’]t|['’]s|el|ben|bin|ibn|abu|bou|ait)"
_PRE = rf"(?:{_PART}[ \u00a0]+|{_INIT}[ \u00a0]*|{_ABBR}[ \u00a0]*)"
_CHAIN = re.compile(rf"(?<![\w@/.'’-]){_PRE}*{_CAP}(?:(?:[ \u00a0]+|-){_PRE}*{_CAP})*")
_TOKEN = re.compile(rf"(?P<abbr>{_ABBR})|(?P<init>{_INIT})|(?P<part>{_PART})(?=[ \u00a0])|(?P<cap>{_CAP})")
_HOUSE = re.compile(
    r"[ \u00a0]+\d{1,5}(?:[ \u00a0]?-[ \u00a0]?(?:\d{1,4}|[A-Za-z]{1,3}|[IVX]{1,4})\b|(?:[A-Za-z]{1,3}|bis)\b"
    r"|[ \u00a0](?:[A-Z]|I{1,3}|IV|hs|h|bg|huis|bis|zw|rd|boven|beneden|achter)\b|[ \u00a0]?/[ \u00a0]?\d{1,4}\b)?"
    r"(?![\d]|[.,:]\d)"
)
_AFTER_HOUSE = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?:[1-9]\d{3}[ \u00a0]{0,2}[A-Za-z]{2}\b|(?:te|in)[ \u00a0]+[A-Z])|[ \u00a0]*,[ \u00a0]*[A-Z][a-z]"
)
_SENTENCE_END = frozenset(".!?:;\n(\"“”‘'•*>[|")
_WORDLIKE = re.compile(r"[\w'’-]+")


class _Tok:
    __slots__ = ("end", "kind", "start", "word")

    def __init__(self, start: int, end: int, kind: str, word: str) -> None:
        self.start, self.end, self.kind, self.word = start, end, kind, word


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0:
        return True
    c = text[j]
    if c in _SENTENCE_END:
        return True
    return c in "-–—" and (j == 0 or text[j - 1] == "\n")


def _common(word: str) -> bool:
    """An ordinary Dutch word (or a compound of two) when written in lowercase."""
    low = word.lower()
    vocab = lexicons.vocabulary()
    if low in vocab:
        return True
    if len(low) < 9:
        return False
    for i in range(4, len(low) - 3):
        if low[:i] in vocab:
            rest = low[i:]
            if rest in vocab or (rest[0] in "se" and rest[1:] in vocab and len(rest) > 4):
                return True
    return False


def _strong_first(word: str) -> bool:
    return word in lexicons.first_names() and word.lower() not in words.FUNCTION


def _is_name_word(word: str) -> bool:
    """At a sentence start: does this word carry a name by itself?"""
    low = word.lower()
    if low in words.FUNCTION or low in words.TITLES or low in words.RELATIONS or word in lexicons.ordinary():
        return False
    if _strong_first(word):
        return True
    if word.isupper():
        return False
    return not _common(word)


def _acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 6 and word not in lexicons.person_names()


class NameFinder:
    def __init__(self, text: str, taken: list[Span]) -> None:
        self.text = text
        self.taken = taken  # spans already found by shape (a postcode's letters are no name)
        self.spans: list[Span] = []
        self.names: set[str] = set()

    def run(self) -> list[Span]:
        text, pos, k = self.text, 0, 0
        taken = self.taken
        while True:
            m = _CHAIN.search(text, pos)
            if m is None:
                break
            while k < len(taken) and taken[k].end <= m.start():
                k += 1
            if k < len(taken) and taken[k].start <= m.start():
                pos = taken[k].end
                continue
            pos = max(m.end(), self._chain(m.start(), m.end()))
        if self.names:
            self._propagate()
        return self.spans

    # -- one chain ------------------------------------------------------------------------------------------

    def _chain(self, start: int, end: int) -> int:
        text = self.text
        toks = [_Tok(t.start(), t.end(), t.lastgroup or "cap", t.group()) for t in _TOKEN.finditer(text, start, end)]
        if not toks:
            return end
        window = text[max(0, start - 40) : start]
        context = bool(words.TITLE_BEFORE.search(window) or words.RELATION_BEFORE.search(window))
        # Titles and relations written inside the chain ("Mevrouw Bouzid", "Dr. Mensah", "Buurvrouw Jansen").
        while len(toks) > 1 and (
            toks[0].kind == "abbr"
            or (
                toks[0].kind == "cap"
                and (toks[0].word.lower() in words.TITLES or toks[0].word.lower() in words.RELATIONS)
            )
        ):
            toks.pop(0)
            context = True
        if not any(t.kind == "cap" for t in toks):
            return end

        found = self._institution(toks, window, context)
        if found:
            return found
        if not context:
            found = self._street(toks, window)
            if found:
                return found
        sentence = _sentence_start(text, toks[0].start)
        if not context:
            found = self._place(toks, window, sentence)
            if found:
                return found
        self._name(toks, sentence, context)
        return end

    def _add(self, start: int, end: int, category: Category) -> int:
        self.spans.append(Span(start, end, category))
        return end

    def _institution(self, toks: list[_Tok], window: str, context: bool) -> int:
        text = self.text
        caps = [t for t in toks if t.kind == "cap"]
        for i, t in enumerate(toks):
            if t.kind != "cap":
                continue
            known = lexicons.institutions().match(text, t.start)
            if known:
                return self._add(t.start, t.start + len(known), Category.INSTITUTION)
            low = t.word.lower()
            rest = [r for r in toks[i + 1 :] if r.kind == "cap"]
            if low in words.INSTITUTION_FIRST and rest:
                return self._add(t.start, toks[-1].end, Category.INSTITUTION)
            if i == len(toks) - 1 and low in words.INSTITUTION_LAST and len(caps) >= 2:
                return self._add(toks[0].start, t.end, Category.INSTITUTION)
        legal = words.LEGAL_FORM.match(text, toks[-1].end)
        if legal:
            return self._add(toks[0].start, legal.end(), Category.INSTITUTION)
        before = _WORDLIKE.findall(window[-30:])
        if before and before[-1].lower() in words.INSTITUTION_FIRST and window.endswith((" ", "\u00a0")):
            return self._add(toks[0].start, toks[-1].end, Category.INSTITUTION)
        if len(toks) == 1 and not context:
            low = toks[0].word.lower()
            if low.endswith(words.INSTITUTION_ENDINGS) and low not in lexicons.vocabulary() and not _common(low):
                return self._add(toks[0].start, toks[0].end, Category.INSTITUTION)
        return 0

    def _street(self, toks: list[_Tok], window: str) -> int:
        text = self.text
        while toks and toks[0].kind == "part":
            toks = toks[1:]
        if not toks:
            return 0
        last = toks[-1].word.lower()
        strong = any(last.endswith(s) and len(last) > len(s) + 1 for s in words.STREET_STRONG)
        weak = strong or any(last.endswith(s) and len(last) > len(s) + 1 for s in words.STREET_WEAK)
        house = _HOUSE.match(text, toks[-1].end)
        if house and (
            weak
            or words.ADDRESS_BEFORE.search(window)
            or _AFTER_HOUSE.match(text, house.end())
            or words.POSTCODE_BEFORE.search(window)
        ):
            return self._add(toks[0].start, house.end(), Category.ADDRESS)
        if strong and (len(toks) > 1 or not _sentence_start(text, toks[0].start) or not _common(last)):
            return self._add(toks[0].start, toks[-1].end, Category.ADDRESS)
        return 0

    def _place(self, toks: list[_Tok], window: str, sentence: bool) -> int:
        text = self.text
        first = next((t for t in toks if t.kind != "part"), toks[0])
        if first.kind != "cap":
            return 0
        known = lexicons.places().match(text, first.start)
        window = text[max(0, first.start - 40) : first.start]  # with a leading "te" of the chain
        after_postcode = bool(words.POSTCODE_BEFORE.search(window))
        if known:
            stop = first.start + len(known)
            placed = after_postcode or not sentence or not _common(known) or text.startswith(",", stop)
            if placed and (first is toks[0] or words.PLACE_BEFORE.search(window)):
                return self._add(first.start, stop, Category.CITY)
        if after_postcode:
            return self._add(first.start, toks[-1].end, Category.CITY)
        if words.PLACE_BEFORE.search(window) and len(toks) <= 2 and toks[-1] is first:
            word = first.word
            if not (word in lexicons.person_names() or word in lexicons.ordinary() or _common(word) or word.isupper()):
                return self._add(first.start, first.end, Category.CITY)
        return 0

    def _name(self, toks: list[_Tok], sentence: bool, context: bool) -> None:
        ordinary = lexicons.ordinary()
        if not context:
            # The first word of a sentence is capitalised anyway: drop it unless it carries a name.
            if sentence and toks[0].kind == "cap" and not _is_name_word(toks[0].word):
                nxt = toks[1:]
                if not nxt or not (_strong_first(toks[0].word) and nxt[0].kind == "cap"):
                    toks = nxt
            while toks and toks[0].kind == "cap" and toks[0].word in ordinary:
                toks = toks[1:]
            while toks and toks[-1].kind != "cap":
                toks = toks[:-1]
            caps = [t for t in toks if t.kind == "cap"]
            if not caps:
                return
            names = lexicons.person_names()
            if not any(t.kind in ("init", "abbr") for t in toks) and not any(t.word in names for t in caps):
                unknown = [t for t in caps if t.word not in ordinary and not _acronym(t.word) and not _common(t.word)]
                if len(caps) == 1:
                    t = caps[0]
                    if t.word in ordinary or _acronym(t.word):
                        return
                elif not unknown:
                    return  # only ordinary words ("Sociale Verzekeringsbank", "Dag van de Mantelzorg")
        if not toks:
            return
        self._add(toks[0].start, toks[-1].end, Category.NAME)
        for t in toks:
            if t.kind == "cap" and len(t.word) > 1 and t.word.lower() not in words.FUNCTION:
                self.names.add(t.word)

    # -- names found once are names everywhere --------------------------------------------------------------

    def _propagate(self) -> None:
        covered = {(s.start, s.end) for s in self.spans}
        for start, end in find_words(self.text, self.names, ignore_case=False):
            if (start, end) not in covered:
                self.spans.append(Span(start, end, Category.NAME))


def find_words(text: str, found: Iterable[str], *, ignore_case: bool) -> list[tuple[int, int]]:
    """Where any of `found` stands in `text` as a whole word (or whole words)."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(found), key=len, reverse=True) if w)
    if not alternatives:
        return []
    pattern = re.compile(rf"(?<![\w@.-])(?:{alternatives})(?![\w@-]|\.\w)", re.IGNORECASE if ignore_case else 0)
    return [m.span() for m in pattern.finditer(text)]


def find(text: str, taken: list[Span]) -> list[Span]:
    """Names, streets, places and institutions; `taken` (sorted, non-overlapping) are skipped."""
    return NameFinder(text, taken).run()
