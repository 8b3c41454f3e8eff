"""Personal data with a shape: e-mail, URL, phone, BSN, IBAN, identity documents, postcodes, plates; and `FINDERS`,
every shape finder in the order they run (dates and ages are in `dates`).

Each finder scans the text with one compiled regular expression (one that begins with a digit is tried only
where a number starts: `scan.Text`) and checks every candidate in Python:
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

from waarborg.engine.deidentify.dates import ages, ages_after_names, dates
from waarborg.engine.deidentify.scan import Text, at_keywords, lower
from waarborg.engine.deidentify.spans import Category, Found

__all__ = ["FINDERS", "Text", "ages_after_names", "lower"]


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


@cache
def valid(kind: str) -> Callable[[str], bool]:
    # python-stdnum takes about 0.1 s to import: only texts with a candidate pay it.
    if kind == "bsn":
        from stdnum.nl import bsn

        return bsn.is_valid
    from stdnum import iban

    return iban.is_valid


def bsns(t: Text) -> Iterator[Found]:
    text = t.text
    found: set[int] = set()
    for m in at_keywords(text, t.low, ("bsn", "burgerservice", "sofi"), _BSN_CONTEXT):
        digits = re.sub(r"\D", "", m.group(1))
        if len(digits) in (8, 9):
            found.add(m.start(1))
            yield (m.start(1), m.end(1), Category.BSN)
    for m in t.matches(_BSN):
        if m.start() not in found and valid("bsn")(m.group()):
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
            if _NL_SHAPE.fullmatch(compact) or (_mod97(compact) and valid("iban")(compact)):
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
    rf"(?:{_DOC_WORDS})(?:nummer|nr\.?)?"
    # whose document it is may stand between: "het rijbewijs van Dennis Veenstra (nr. 5012345678)"
    r"(?:[ \u00a0]+van(?:[ \u00a0]+(?:de|den|der|el|ten|ter|van|[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*)){1,4}(?=[ \u00a0]*[(:,]))?"
    r"(?:[\s:.,(]+(?:is|met|van|heeft|het|nummer|nr\.?|no\.?|nummer:)){0,3}[\s:.,#(]*"
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
    for m in at_keywords(text, t.low, _DOC_HINTS, _DOC_CONTEXT):
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
