"""The capitalised runs ("chains") of a text and the little grammar around them, for the name finder.

A chain is capitalised words joined by spaces or hyphens, with the initials (`J.P.`), abbreviations
(`Burg.`, `Dr.`) and lowercase particles (`van der`, `de`, `ter`, `el`, `dos`) that names carry. One
regular expression finds each chain from its first capital: it begins with the capital, so the engine skips
to capitals by itself instead of trying every position (about three times faster), and checks only then
that no letter, `@`, `/`, `.` or `-` stands before it. Lowercase particles before a chain ("de Vries") are
added in Python (`particles_before`), and so is the rest of the grammar around a chain: where a sentence
starts, a street's ordinal before it (`2e`), a place's district (`Assen-Noord`), and a capitalised particle
opening a sentence (`De Jong belde`, `with_particle`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from waarborg.engine.deidentify import lexicons, words
from waarborg.engine.deidentify.spans import Found

UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_L = r"[^\W\d_]"
# "'s-Hertogenbosch"; "O'Brien", "D'Souza", "N'Diaye": a capital and an apostrophe before the capital
CAP = rf"(?:['’]s-|[{UP}]['’](?=[{UP}]))?[{UP}]{_L}+(?:['’-]{_L}+)*"
_INIT = rf"[{UP}]\.(?:[ \u00a0]?[{UP}]\.)*"
_ABBR = r"(?:Burg|Prof|Dr|Mr|Ir|Ing|Drs|Ds|St|Pr|Kon|Gen|Jhr|Mgr|Past|Mw|Dhr|Mevr)\."
# "A" joins the parts of Chinese-Surinamese names ("Tjon A Fong", "Lie A Ling"): a particle only between capitals.
_PART = r"(?:van|von|der|den|de|del|della|di|da|das|dos|do|du|la|le|te|ter|ten|in ['’]t|['’]t|['’]s|el|ben|bin|ibn|abu|bou|ait|A(?=[ \u00a0][A-Z]))"
_PRE = rf"(?:{_PART}[ \u00a0]+|{_INIT}[ \u00a0]*|{_ABBR}[ \u00a0]*)"
# The lookaheads come first so the engine still scans for a capital (or "'s-") before it tries anything.
CHAIN = re.compile(
    rf"(?:(?=[{UP}])(?<![\w@/.'’-])|(?=['’]s-[{UP}])(?<![\w@/.-])){_PRE}*{CAP}(?:(?:[ \u00a0]+|-){_PRE}*{CAP})*"
)
# Where a chain may start: a capital (or the quote of "'s-") with no letter, `@`, `/`, `.` or `-` before it. The
# pattern begins with the character class itself, so the engine skips to capitals in its own loop; `CHAIN`, whose
# lookarounds come first, is then asked at that position only (searching with it costs ten times as much).
START = re.compile(rf"[{UP}'’](?<![\w@/.-].)")
TOKEN = re.compile(rf"(?P<abbr>{_ABBR})|(?P<init>{_INIT})|(?P<part>{_PART})(?=[ \u00a0])|(?P<cap>{CAP})")
HOUSE = re.compile(
    r"[ \u00a0]+\d{1,5}(?:(?:[A-Za-z]{1,3}|bis)?[ \u00a0]?-[ \u00a0]?(?:\d{1,4}|[A-Za-z]\d{1,3}|[A-Za-z]{1,3}|[IVX]{1,4})\b"
    r"|(?:[A-Za-z]{1,3}|bis)\b"
    r"|[ \u00a0](?:[A-Z]|I{1,3}|IV|hs|h|bg|huis|bis|zw|rd|boven|beneden|achter)\b|[ \u00a0]?/[ \u00a0]?\d{1,4}\b)?"
    r"(?![\d]|[.,:]\d)"
)


def house(text: str, end: int) -> re.Match[str] | None:
    """The house number right after `end`, if any; most chains are followed by a space and a letter, which
    two character tests rule out before the regular expression is asked."""
    nxt = text[end + 1 : end + 2]
    if text[end : end + 1] not in (" ", "\u00a0") or not (nxt.isdigit() or nxt == " " or nxt == "\u00a0"):
        return None
    return HOUSE.match(text, end)


AFTER_HOUSE = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?:[1-9]\d{3}[ \u00a0]{0,2}[A-Za-z]{2}\b|(?:te|in)[ \u00a0]+[A-Z])|[ \u00a0]*,[ \u00a0]*[A-Z][a-z]"
)
# A place of several words after a postcode or "in": "Stad aan 't Haringvliet", "Wijk bij Duurstede".
PLACE_TAIL = re.compile(
    rf"(?:[ \u00a0](?:aan|op|bij|en|in|onder|over|ter|de|den|het|['’]t)(?:[ \u00a0](?:de|den|het|['’]t))?[ \u00a0]{CAP})+"
)
_SENTENCE_END = frozenset(".!?:;\n(\"“”‘'•*>[|")
PARTICLES = frozenset(
    ["van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "do", "du", "la", "le", "te"]
) | frozenset(["ter", "ten", "'t", "’t", "'s", "el", "ben", "bin", "ibn", "abu", "bou", "ait"])


class Tok:
    """One word of a chain: `kind` is `cap`, `part` (particle), `init` (initials) or `abbr` (`Dr.`)."""

    __slots__ = ("end", "kind", "start", "word")

    def __init__(self, start: int, end: int, kind: str, word: str) -> None:
        self.start, self.end, self.kind, self.word = start, end, kind, word


def parts(text: str, begin: int, end: int) -> list[tuple[list[Tok], bool | None]]:
    """The tokens of `text[begin:end]`, broken where a capitalised word starts a new sentence without a full
    stop ("Tao Tang Ik ben..."); with each part, whether it starts a sentence (None: not known yet)."""
    found, cuts = _parts(text[begin:end])
    toks = [Tok(begin + s, begin + e, kind, word) for s, e, kind, word in found]
    if not cuts:
        return [(toks, None)]
    bounds = (0, *cuts, len(toks))
    split = [toks[a:b] for a, b in pairwise(bounds)]
    for part in split[:-1]:
        last = part[-1]
        if last.kind == "abbr" and last.word[-2:-1].isalpha():
            # "Harmen van 't Burg. Hij is 25": before a new sentence the full stop ends it; "Burg" is the name
            part[-1] = Tok(last.start, last.end - 1, "cap", last.word[:-1])
    return [(part, None if i == 0 else True) for i, part in enumerate(split)]


@lru_cache(maxsize=16384)
def _parts(chain: str) -> tuple[tuple[tuple[int, int, str, str], ...], tuple[int, ...]]:
    """The tokens of one chain (offsets into it) and where it breaks: kept per chain text, as the same chains
    ("Mw. Bouzid", "De Regenboog") come back often."""
    found = tuple((*t.span(), t.lastgroup or "cap", t.group()) for t in TOKEN.finditer(chain))
    starters, names = words.STARTERS, lexicons.person_names()
    cuts = tuple(
        i for i in range(1, len(found))
        if found[i][2] == "cap" and found[i][3].lower() in starters and found[i][3] not in names
    )  # fmt: skip
    return found, cuts


def particles_before(text: str, start: int) -> int:
    """Where the chain starts with the lowercase particles before it: "de Vries", "van der Berg", "in 't Veld".

    Not before initials or a first name that is no surname: there the word is the sentence's own ("het dossier
    van R. Ramdin", "de moeder van Fatima"); a particle stands after the initials and first names it goes with."""
    head = text[max(0, start - 12) : start]
    if (not head.endswith((" ", "\u00a0")) or _INITIAL.match(text, start)
            or ((first := _FIRST_WORD.match(text, start)) and first_name_only(first.group()))):
        return start
    parts = head.split()
    begin = start
    for word in reversed(parts[-2:]):
        if word not in PARTICLES and not (word == "in" and text[begin : begin + 2] in ("'t", "’t")):
            break
        if word == "ben":  # before a name it is the verb ("Ik ben Jan Smit"); inside one ("Ali ben Said") it stays
            break
        begin = text.rindex(word, 0, begin)
    return begin


_INITIAL = re.compile(rf"[{UP}]\.")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def first_name_only(word: str) -> bool:
    """A known first name that is no known surname ("Fatima", "Daan"; not "Ahmed", which is both)."""
    return word in lexicons.first_names() and word not in lexicons.surnames()


def sentence_start(text: str, i: int) -> bool:
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
        return not (word.lower() in words.TITLE_ABBREVIATIONS and (k < 0 or not text[k].isalnum()))
    if c in _SENTENCE_END:
        return True
    return c in "-–—" and (j == 0 or text[j - 1] == "\n")


_ORDINAL = re.compile(r"(?<![\w.,-])\d{1,2}(?:e|ste|de)[ \u00a0]\Z")


def ordinal(text: str, start: int) -> int:
    """Where a street starts with the ordinal before its name: "2e Kostverlorenkade", "1ste Oosterparkstraat"."""
    m = _ORDINAL.search(text, max(0, start - 6), start)
    return m.start() if m else start


_DISTRICTS = frozenset(["Noord", "Zuid", "Oost", "West", "Centrum", "Midden", "Noordoost", "Noordwest", "Zuidoost",
                        "Zuidwest"])


def place_or_district(text: str, tok: Tok) -> bool:
    """A known place, or a district of one ("Assen-Noord", "Emmen-Centrum")."""
    place, _, district = tok.word.rpartition("-")
    if place and district in _DISTRICTS:
        return lexicons.places().match_word(text, tok.start, place) == place
    return lexicons.places().match_word(text, tok.start, tok.word) == tok.word


def masked(text: str, taken: list[Found]) -> str:
    """`text` with every span of `taken` overwritten by zeros, offsets unchanged."""
    if not taken:
        return text
    parts: list[str] = []
    last = 0
    for start, end, _ in taken:
        parts += (text[last:start], "0" * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


# A surname's particle at the start of a sentence is capitalised ("De Jong belde", "Van der Meer is ..."), so
# the finders read it as an ordinary first word and take only the name after it. A name found right after one
# takes the particle along: "De [NAAM]" still says which family.
_LEADING_PARTICLE = re.compile(r"(?:Van (?:der|den|de|'t) |Van |De |Den |Ter |Ten |Te )\Z")
_SENTENCE_ENDS = frozenset(".!?:;\n\"'(-*•")


def with_particle(text: str, start: int) -> int:
    """Where a name found at `start` begins when a capitalised particle opens its sentence just before it."""
    window = text[max(0, start - 9):start]
    match = _LEADING_PARTICLE.search(window) if window.endswith(" ") else None
    if match is None:
        return start
    begin = start - (len(window) - match.start())
    before = text[:begin].rstrip(" \t")
    return begin if not before or before[-1] in _SENTENCE_ENDS else start
