"""Dates and ages: personal data with a shape in words and digits (`patterns` has the numbers, `names` the rest).

- Dates: day-month(-year) in words (`3 maart 2021`, `3 mrt. '21`) and digits (`03-03-2021`, `3/3/21`,
  `2021-03-03`), checked for a real day and month; a year alone is a date only as a birth year
  (`geboren in 1948`). Month-year (`maart 2021`) is left: it narrows down no one.
- Ages: a number with `-jarige`, `jaar oud`, `jr`, `(82 jaar)`, `is 82 jaar`, `een vrouw van 82 jaar`,
  `leeftijd: 82`, and a bare number after a name (`Daan (9)`, `Sanne is 15.`); not `al 3 jaar`,
  `3 jaar geleden` or `kinderen tot 12 jaar`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from waarborg.engine.deidentify.scan import Text, at_keywords
from waarborg.engine.deidentify.spans import Category, Found

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_FULL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
         "december")
# A full month's name takes a full stop only before a year ("22 mei. 2026"): else the stop ends the sentence
# ("Zij kwam op 12 maart.").
_FULL_NAMES = "|".join(_FULL)
_ABBREVIATED = "|".join(sorted((m for m in _MONTHS if m not in _FULL), key=len, reverse=True))
_DATE_WORDS = re.compile(
    rf"(\d(?<![\w.-]\d)\d?)(?:e|ste|de)?[ \u00a0]+(?:(?i:{_FULL_NAMES})\b(?:\.(?=[ \u00a0]+['\d]))?|(?i:{_ABBREVIATED})\b\.?)"
    rf"(?:[ \u00a0]+(?:'\d{{2}}|\d{{4}})(?!\d))?"
)
_DATE_DIGITS = re.compile(r"(\d(?<![\w.,/-]\d)\d?)([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|[.,]\d)")
_DATE_ISO = re.compile(r"[12](?<![\w.-][12])[09]\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])")
_BIRTH_YEAR = re.compile(
    rf"(?:geboren|geb\.|geboortejaar)[ \u00a0:]*(?:in[ \u00a0]+)?(?:(?:{_MONTH})[ \u00a0]+)?((?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)

# The year before the word: "Hij is in 1985 geboren", "in 1960 te Assen geboren" (digit-led, for `Text.matches`).
_YEAR_BORN = re.compile(r"(?:19|20)(?<=\bin[ \u00a0][12]\d)\d{2}\b(?=(?:[ \u00a0]+\w+){0,2}?[ \u00a0]+geboren\b)",
                        re.IGNORECASE)


def dates(t: Text) -> Iterator[Found]:
    text = t.text
    for m in t.matches(_DATE_WORDS):
        if 1 <= int(m.group(1)) <= 31:
            yield (m.start(), m.end(), Category.DATE)
    for m in t.matches(_DATE_DIGITS):
        day, sep, month, year = m.groups()
        if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            continue
        if sep == "." and len(year) == 2 and (len(day) == 1 or len(month) == 1):
            continue  # 1.2.10 is a paragraph number, not a date
        yield (m.start(), m.end(), Category.DATE)
    for m in t.matches(_DATE_ISO):
        yield (m.start(), m.end(), Category.DATE)
    for m in at_keywords(text, t.low, ("geb",), _BIRTH_YEAR):
        yield (m.start(1), m.end(1), Category.DATE)
    if "geboren" in t.low:  # "Hij is in 1985 geboren"
        for m in t.matches(_YEAR_BORN):
            yield (m.start(), m.start() + 4, Category.DATE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PERSON = _words(
    "vrouw man meisje jongen zoon dochter kind moeder vader heer dame cliënt client broer zus baby kleinzoon "
    "kleindochter buurvrouw buurman weduwe weduwnaar oma opa jongeman tiener peuter kleuter mevrouw meneer"
)
_CHILD = _words("kind meisje jongetje jongen zoontje dochtertje broertje zusje kleinkind")
_AGE_VERB = _words("is wordt werd was ben bent zijn waren worden leeftijd leeftijd: ongeveer bijna pas")
_NOT_AGE_AFTER = _words(
    "geleden lang getrouwd samen in bij op aan werkzaam bezig later eerder terug voor na ouder jonger weg daar "
    "hier uur minuten maanden weken dagen procent euro keer verder"
)
_AGE = re.compile(r"(\d(?<![\w.,-]\d)\d{0,2})[ \u00a0]?((?i:-?[ \u00a0]?jarige?\b|jaar\b|jr\b\.?|j\.))")
_AGE_BARE = re.compile(r"leeftijd(?:[ \u00a0]+van)?[: \u00a0]+(\d{1,3})(?!\d|[.,]\d)", re.IGNORECASE)


def _is_age(text: str, start: int, end: int, unit: str) -> bool:
    unit = unit.lower().lstrip("- \u00a0")
    if unit == "jarige" or unit.startswith(("jr", "j.")):
        return True
    after = text[end : end + 20].split()
    nxt = after[0].lower().strip(".,;:!?()") if after else ""
    if unit == "jarig":
        return nxt in _CHILD
    # "jaar": an age only where the sentence says it is one.
    if nxt == "oud" or nxt == "oude":
        return True
    before = text[max(0, start - 30) : start]
    if before.endswith("(") and text[end : end + 1] == ")":
        return True
    if before.endswith((", ", ",\u00a0")) and text[end : end + 1] in (",", ")"):
        return True
    words = before.split()
    last = words[-1].lower() if words else ""
    if last in _AGE_VERB and nxt not in _NOT_AGE_AFTER:
        return True
    return last == "van" and len(words) > 1 and words[-2].lower().strip(",") in _PERSON


# The numbers listed before the last of a list of ages: "19 en 23 jaar oud", "8, 11 en 15 jaar".
_LISTED = re.compile(r"(?<![\w.,-])(\d{1,3})(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+en[ \u00a0]+)\Z")


def _listed_before(text: str, start: int) -> list[tuple[int, int]]:
    """The numbers of a list that ends with the number at `start`, first to last (none: no list)."""
    found: list[tuple[int, int]] = []
    while (m := _LISTED.search(text, max(0, start - 12), start)) is not None:
        found.insert(0, m.span(1))
        start = m.start()
    return found


def ages(t: Text) -> Iterator[Found]:
    text = t.text
    for m in t.matches(_AGE):
        listed = _listed_before(text, m.start())
        if _is_age(text, listed[0][0] if listed else m.start(), m.end(), m.group(2)):
            yield from ((s, e, Category.AGE) for s, e in listed)
            yield (m.start(1), m.end(1), Category.AGE)  # the number: "[LEEFTIJD-1]-jarige" still reads
    if "eeftijd" in text:
        for m in _AGE_BARE.finditer(text):
            yield (m.start(1), m.end(1), Category.AGE)


# A bare number right after a name is the person's age where notes write it so: `Daan (9)`, `Sanne is 15.`
# (`is 15` only where the sentence ends or goes on with `en`, `of`, `maar`: `Sanne is 15 minuten te laat` is no age).
_AGE_AFTER_NAME = re.compile(r"[ \u00a0]*\((\d{1,3})\)|[ \u00a0]+(?:is|wordt|werd|was)[ \u00a0]+(\d{1,3})"
                             r"(?=[.,;:!?)]|[ \u00a0]+(?:en|of|maar)\b|[ \u00a0]*$)")


def ages_after_names(text: str, found: list[Found]) -> Iterator[Found]:
    """Ages written as a bare number after a name the name finder found (it runs after the others)."""
    for _, end, category in found:
        if category is Category.NAME and (m := _AGE_AFTER_NAME.match(text, end)):
            group = 1 if m.group(1) is not None else 2
            if int(m.group(group)) <= 120:
                yield (m.start(group), m.end(group), Category.AGE)
