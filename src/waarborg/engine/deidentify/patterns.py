"""Personal data with a shape: e-mail, URL, phone, BSN, IBAN, identity documents, postcodes, dates, ages, plates.

Each finder scans the whole text with one compiled regular expression and checks every candidate in Python:
- BSN by the 11-proof and IBAN by mod-97 and the country's format (python-stdnum, imported on the first
  candidate, so a text without numbers never pays its import). A Dutch-shaped IBAN with a wrong check digit
  is still an IBAN (a typo in an account number still identifies), and any 8- or 9-digit number right after
  "BSN" is a BSN.
- Phone numbers by what the digits add up to, whatever the separators: a Dutch number is 0 and nine digits,
  or +31/0031 with nine (a "(0)" after the country code is dropped); 0800/0900/0906/0909 numbers are 8 or 11
  digits; another country code takes 9 to 13. A run of digits is cut at its separators to the longest valid
  number, so a date or a count written next to a number does not hide it, and amounts (`€ 1.234,56`),
  times and dates never have the digits of a phone number.
- E-mail addresses and URLs are found from their anchors (`@`, `http`, `www.`, `.nl` and other common
  top-level domains), which the regular expression engine finds by fast literal search, then widened.
- Dates: day-month(-year) in words (`3 maart 2021`, `3 mrt. '21`) and digits (`03-03-2021`, `3/3/21`,
  `2021-03-03`), checked for a real day and month; a year alone is a date only as a birth year
  (`geboren in 1948`). Month-year (`maart 2021`) is left: it narrows down no one.
- Ages: a number with `-jarige`, `jaar oud`, `jr`, `(82 jaar)`, `is 82 jaar`, `een vrouw van 82 jaar`,
  `leeftijd: 82`, and a bare number after a name (`Daan (9)`, `Sanne is 15.`); not `al 3 jaar`,
  `3 jaar geleden` or `kinderen tot 12 jaar`.
- Identity documents: the number after a document word (paspoort, ID-kaart, rijbewijs, verblijfsvergunning,
  documentnummer, V-nummer), and the Dutch passport and identity-card format anywhere (two letters, six
  letters or digits, a digit; no letter O; at least two digits).
- Licence plates: the Dutch side codes, three dash-separated groups of letters or digits, six in all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from string import ascii_uppercase

from waarborg.engine.deidentify.spans import Category, Found

# --- one text, as every finder sees it ---------------------------------------------------------------------

# Where a number starts: a digit with no letter or digit before it. Every pattern below that begins with a digit
# can only match at one of these, so the text is scanned for them once and each pattern is tried only there,
# instead of each pattern scanning the whole text for itself (ten scans of a million characters cost more than
# all the numbers in it).
_NUMBER = re.compile(r"\d(?<!\w\d)")


class Text:
    """A text with what several finders need from it, worked out once: its lowercase copy and its numbers."""

    __slots__ = ("_low", "numbers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.numbers = [m.start() for m in _NUMBER.finditer(text)]
        self._low: str | None = None

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = lower(self.text)
        return self._low

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)` for a pattern that begins with a digit with no letter or digit before it."""
        match, text, last = pattern.match, self.text, 0
        for i in self.numbers:
            if i >= last and (m := match(text, i)):
                last = m.end()
                yield m

# --- e-mail and URL ---------------------------------------------------------------------------------------

_EMAIL_LOCAL = re.compile(r"[\w.+%'-]{1,64}$")
_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])")


def emails(t: Text) -> Iterator[Found]:
    text = t.text
    at = text.find("@")
    while at != -1:
        left = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
        right = _EMAIL_DOMAIN.match(text, at + 1)
        if left and right:
            start = left.start()
            while start < at and text[start] in ".'-":
                start += 1
            if start < at:
                yield (start, right.end(), Category.EMAIL)
        at = text.find("@", at + 1)


_TLDS = "nl|com|org|net|eu|be|de|info|nu|io|frl|amsterdam|biz|co|uk|fr|me|app|online|shop|site|tv"
_URL_SCHEME = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_URL_BARE = re.compile(rf"\.(?:{_TLDS})\b(?:[/:?#][^\s<>\"]*)?", re.IGNORECASE)
_URL_HOST_LEFT = re.compile(r"(?<![\w@.-])[\w-]+(?:\.[\w-]+)*$")
_URL_TRAILING = ".,;:!?)]}'\""


def urls(t: Text) -> Iterator[Found]:
    text = t.text
    low = t.low
    if "http" in low or "www." in low:
        for m in _URL_SCHEME.finditer(text):
            yield _trimmed(text, m.start(), m.end())
    for m in _URL_BARE.finditer(text):
        start, end = m.span()
        left = _URL_HOST_LEFT.search(text, max(0, start - 80), start)
        if not left or start - left.start() < 2 or (end < len(text) and text[end] == "@"):
            continue
        if text[left.start() - 1 : left.start()] == "@":
            continue  # the domain of an e-mail address: found there
        yield _trimmed(text, left.start(), end)


def _trimmed(text: str, start: int, end: int) -> Found:
    while end > start and text[end - 1] in _URL_TRAILING:
        end -= 1
    return (start, end, Category.URL)


# --- phone numbers -----------------------------------------------------------------------------------------

# Each pattern starts with a character class and checks what stands before it only after that first
# character: the regular expression engine then skips ahead to candidates, about three times faster.
_PHONE = re.compile(r"[+(0](?<![\w+/.,€-][+(0])[\d ()./\-\u00a0]{6,24}\d(?!\d|[.,]\d)")
_GROUP_END = re.compile(r"\d(?!\d)")
_GROUP_START = re.compile(r"(?<!\d)(?:\+|00|\()?\d")


def _phone_digits_ok(chunk: str) -> bool:
    digits = "".join(c for c in chunk if c.isdigit())
    international = chunk.startswith("+") or (chunk.startswith("00") and not chunk.startswith("000"))
    if international:
        if chunk.startswith("00"):
            digits = digits[2:]
        if digits.startswith("31"):
            rest = digits[2:]
            if rest.startswith("0"):
                rest = rest[1:]
            return len(rest) == 9 and rest[0] != "0"
        return 9 <= len(digits) <= 13 and digits[0] != "0"
    if not digits.startswith("0") or digits.startswith("00"):
        return False
    if digits[:4] in ("0800", "0900", "0906", "0909"):
        return len(digits) in (8, 11)
    return len(digits) == 10


def _longest_phone(cand: str, s: int, ends: list[int]) -> int:
    for e in reversed(ends):
        if e <= s:
            return 0
        if _phone_digits_ok(cand[s:e]):
            return e
    return 0


def phones(t: Text) -> Iterator[Found]:
    text = t.text
    for m in _PHONE.finditer(text):
        cand = m.group().split("\n", 1)[0]
        starts = [g.start() for g in _GROUP_START.finditer(cand)]
        ends = [g.end() for g in _GROUP_END.finditer(cand)]
        i = 0
        while i < len(starts):
            s = starts[i]
            e = _longest_phone(cand, s, ends)
            if not e:
                i += 1
                continue
            # An opening parenthesis belongs to the number only with its closing one, as in `(0592) 123456`;
            # in `(06-23456789)` both stay in the text.
            if s > 0 and cand[s - 1] == "(" and not cand.startswith("(", s) and ")" in cand[s:e]:
                s -= 1
            elif cand.startswith("(", s) and ")" not in cand[s:e]:
                s += 1
            yield (m.start() + s, m.start() + e, Category.PHONE)
            while i < len(starts) and starts[i] < e:
                i += 1


# --- BSN, IBAN, identity documents, plates ---------------------------------------------------------------

_BSN = re.compile(
    r"\d(?<![\w.,/-]\d)(?:\d{8}|\d{2}[ .]\d{3}[ .]\d{3}|\d{3}[ .]\d{2}[ .]\d{3}|\d[ .]\d{2}[ .]\d{2}[ .]\d{3})(?![\w/-]|[.,]\d)"
)
_BSN_CONTEXT = re.compile(
    r"(?:bsn|burgerservicenummer|sofi-?nummer)\b[\s:.#-]*(?:nummer|nr\.?)?[\s:.]*(\d[\d .]{6,10}\d)\b", re.IGNORECASE
)


def lower(text: str) -> str:
    """`text` in lowercase with the same length, so offsets stay valid ("İ".lower() is two characters)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def _at(text: str, low: str, keys: tuple[str, ...], pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that start at a keyword: a fast substring search instead of a scan of every position."""
    starts: set[int] = set()
    for key in keys:
        i = low.find(key)
        while i != -1:
            if i == 0 or not low[i - 1].isalnum():
                starts.add(i)
            i = low.find(key, i + 1)
    for i in sorted(starts):
        m = pattern.match(text, i)
        if m:
            yield m


@cache
def _valid(kind: str) -> Callable[[str], bool]:
    # python-stdnum takes about 0.1 s to import: only texts with a candidate pay it.
    if kind == "bsn":
        from stdnum.nl import bsn

        return bsn.is_valid
    from stdnum import iban

    return iban.is_valid


def bsns(t: Text) -> Iterator[Found]:
    text = t.text
    found: set[int] = set()
    for m in _at(text, t.low, ("bsn", "burgerservice", "sofi"), _BSN_CONTEXT):
        digits = re.sub(r"\D", "", m.group(1))
        if len(digits) in (8, 9):
            found.add(m.start(1))
            yield (m.start(1), m.end(1), Category.BSN)
    for m in t.matches(_BSN):
        if m.start() not in found and _valid("bsn")(m.group()):
            yield (m.start(), m.end(), Category.BSN)


_IBAN = re.compile(r"\d(?<=[A-Za-z]{2}\d)(?<![A-Za-z0-9][A-Za-z]{2}\d)\d(?:[ \u00a0]?[A-Za-z0-9]){10,30}")
_NL_SHAPE = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")
_NL_TYPO = re.compile(r"NL\d{2}[A-Z]{4}\d{9,11}")
_BASE36 = {ord(c): str(i) for i, c in enumerate(ascii_uppercase, 10)}


def _mod97(compact: str) -> bool:
    """The ISO 7064 mod-97 test that python-stdnum's IBAN check starts with, without its exceptions and lookups:
    a candidate is cut at every group boundary, so most cuts fail here, at a tenth of the cost."""
    return int((compact[4:] + compact[:4]).translate(_BASE36)) % 97 == 1


def ibans(t: Text) -> Iterator[Found]:
    text = t.text
    for m in _IBAN.finditer(text):
        begin = m.start() - 2  # the country code before the check digits
        cand = text[begin : m.end()]
        if not (cand[:2].isupper() or cand[:2].islower()):
            continue
        # Cut at each character boundary from the longest: IBANs run 15 to 34 characters.
        ends = [i + 1 for i, c in enumerate(cand) if c not in " \u00a0"]
        found = typo = None  # typo: the longest Dutch-shaped cut with a digit too few or too many (9 to 11)
        for e in reversed(ends):
            compact = cand[:e].replace(" ", "").replace("\u00a0", "").upper()
            if len(compact) < 15:
                break
            if e < len(cand) and cand[e] not in " \u00a0":
                continue  # never cut inside a group
            # The Dutch shape is enough by itself, so python-stdnum (0.2 ms a call, for its country formats) is
            # asked about foreign ones only.
            if _NL_SHAPE.fullmatch(compact) or (_mod97(compact) and _valid("iban")(compact)):
                found = e
                break
            if typo is None and _NL_TYPO.fullmatch(compact):
                typo = e
        end = found or typo  # a mistyped account number still identifies: never leave half of it
        if end is not None:
            yield (begin, begin + end, Category.IBAN)


_DOC_WORDS = (
    r"paspoort|identiteitskaart|id-kaart|id kaart|idkaart|identiteitsbewijs|id-bewijs|rijbewijs|"
    r"verblijfsvergunning|verblijfsdocument|verblijfspas|vreemdelingendocument|documentnummer|"
    r"vreemdelingennummer|v-nummer|reisdocument"
)
_DOC_CONTEXT = re.compile(
    rf"(?:{_DOC_WORDS})(?:nummer|nr\.?)?(?:[\s:.,]+(?:is|met|van|heeft|het|nummer|nr\.?|no\.?|nummer:)){{0,3}}[\s:.,#]*"
    r"(?=[A-Za-z0-9]*\d)([A-Za-z]{0,3}\d[A-Za-z0-9]{4,11}|[A-Z]{1,3}[A-Za-z0-9]{4,12})\b",
    re.IGNORECASE,
)
_DOC_SHAPE = re.compile(r"[A-NP-Z](?<![\w-][A-NP-Z])[A-NP-Z][A-NP-Z0-9]{6}\d(?![\w-])")


_DOC_HINTS = (
    "paspoort", "identiteit", "id-", "id ", "idkaart", "rijbewijs", "verblijf", "vreemdeling", "document", "v-nummer",
    "reisdocument",
)  # fmt: skip


def iddocs(t: Text) -> Iterator[Found]:
    text = t.text
    for m in _at(text, t.low, _DOC_HINTS, _DOC_CONTEXT):
        if any(c.isdigit() for c in m.group(1)):
            yield (m.start(1), m.end(1), Category.IDDOC)
    for m in _DOC_SHAPE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 2:
            yield (m.start(), m.end(), Category.IDDOC)


_PLATE = re.compile(r"([A-Z0-9](?<![\w-][A-Z0-9])[A-Z0-9]{0,2})-([A-Z]{1,3}|\d{1,3})-([A-Z]{1,3}|\d{1,3})(?![\w-])")


def plates(t: Text) -> Iterator[Found]:
    text = t.text
    for m in _PLATE.finditer(text):
        groups = m.groups()
        homogeneous = groups[0].isalpha() or groups[0].isdigit()
        if (
            homogeneous
            and sum(map(len, groups)) == 6
            and any(g.isalpha() for g in groups)
            and any(g.isdigit() for g in groups)
        ):
            yield (m.start(), m.end(), Category.PLATE)


# --- postcodes ---------------------------------------------------------------------------------------------

_POSTCODE = re.compile(r"[1-9](?<![\w,.-][1-9])\d{3}[ \u00a0]{0,2}(?!SA|SD|SS)([A-Z]{2}|[a-z]{2})(?![\w-])")
_UNITS = frozenset(
    [
        "MB",
        "GB",
        "KB",
        "TB",
        "KM",
        "CM",
        "MM",
        "KG",
        "PK",
        "KW",
        "MW",
        "GW",
        "HZ",
        "AM",
        "PM",
        "AD",
        "EU",
        "NL",
        "EK",
        "WK",
        "CO",
    ]
)
_CAPITAL_AFTER = re.compile(r"[ \u00a0,]{1,3}[A-Z'][a-zA-Z]")


def postcodes(t: Text) -> Iterator[Found]:
    text = t.text
    for m in t.matches(_POSTCODE):
        letters = m.group(1)
        # lowercase letters (written together: "9401ab") or a unit: a postcode only when a place follows
        if letters.islower() and not text[m.start() + 4].isalpha():
            continue
        doubtful = letters.islower() or letters in _UNITS
        if doubtful and (not _CAPITAL_AFTER.match(text, m.end()) or letters.upper() in ("SA", "SD", "SS")):
            continue
        yield (m.start(), m.end(), Category.POSTCODE)


# --- dates and ages ----------------------------------------------------------------------------------------

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_WORDS = re.compile(
    rf"(\d(?<![\w.-]\d)\d?)(?:e|ste|de)?[ \u00a0]+((?i:{_MONTH}))\b\.?(?:[ \u00a0]+(?:'\d{{2}}|\d{{4}})(?!\d))?"
)
_DATE_DIGITS = re.compile(r"(\d(?<![\w.,/-]\d)\d?)([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|[.,]\d)")
_DATE_ISO = re.compile(r"[12](?<![\w.-][12])[09]\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])")
_BIRTH_YEAR = re.compile(
    rf"(?:geboren|geb\.|geboortejaar)[ \u00a0:]*(?:in[ \u00a0]+)?(?:(?:{_MONTH})[ \u00a0]+)?((?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


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
    for m in _at(text, t.low, ("geb",), _BIRTH_YEAR):
        yield (m.start(1), m.end(1), Category.DATE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PERSON = _words(
    "vrouw man meisje jongen zoon dochter kind moeder vader heer dame cliënt client broer zus baby kleinzoon "
    "kleindochter buurvrouw buurman weduwe weduwnaar oma opa jongeman tiener peuter kleuter mevrouw meneer"
)
_CHILD = _words("kind meisje jongetje jongen zoontje dochtertje broertje zusje kleinkind")
_AGE_VERB = _words("is wordt werd was ben bent leeftijd leeftijd: ongeveer bijna pas")
_NOT_AGE_AFTER = _words(
    "geleden lang getrouwd samen in bij op aan werkzaam bezig later eerder terug voor na ouder jonger weg daar "
    "hier uur minuten maanden weken dagen procent euro keer"
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


def ages(t: Text) -> Iterator[Found]:
    text = t.text
    for m in t.matches(_AGE):
        if _is_age(text, m.start(), m.end(), m.group(2)):
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


FINDERS: tuple[tuple[Category, Callable[[Text], Iterator[Found]]], ...] = (
    (Category.EMAIL, emails),
    (Category.URL, urls),
    (Category.IBAN, ibans),
    (Category.BSN, bsns),
    (Category.PHONE, phones),
    (Category.IDDOC, iddocs),
    (Category.PLATE, plates),
    (Category.POSTCODE, postcodes),
    (Category.DATE, dates),
    (Category.AGE, ages),
)
