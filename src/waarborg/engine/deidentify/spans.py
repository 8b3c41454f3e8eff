"""What the de-identifier finds: a `Span` of the input with a `Category`, and how overlapping finds merge.

Offsets are Python string indices (code points) into the text as given, end exclusive, as in `text[start:end]`.
Detectors may overlap (an e-mail address holds a name, an IBAN holds digits that look like a phone number);
`merge` joins overlapping spans into one that covers both, so nothing that any detector found stays in the
text, and the merged span takes the category of its longest part (the more specific find).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    NAME = "NAME"
    ADDRESS = "ADDRESS"  # street and house number (with its addition)
    POSTCODE = "POSTCODE"
    CITY = "CITY"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    URL = "URL"
    BSN = "BSN"
    IBAN = "IBAN"
    IDDOC = "IDDOC"  # passport, identity card, driving licence, residence document, V-number
    DATE = "DATE"
    AGE = "AGE"
    INSTITUTION = "INSTITUTION"
    PLATE = "PLATE"  # Dutch licence plate (kenteken)


# The word in a tag such as [NAAM-1]: Dutch, as the texts are.
LABELS: dict[Category, str] = {
    Category.NAME: "NAAM",
    Category.ADDRESS: "ADRES",
    Category.POSTCODE: "POSTCODE",
    Category.CITY: "PLAATS",
    Category.PHONE: "TELEFOON",
    Category.EMAIL: "EMAIL",
    Category.URL: "URL",
    Category.BSN: "BSN",
    Category.IBAN: "IBAN",
    Category.IDDOC: "DOCUMENT",
    Category.DATE: "DATUM",
    Category.AGE: "LEEFTIJD",
    Category.INSTITUTION: "INSTELLING",
    Category.PLATE: "KENTEKEN",
}


@dataclass(frozen=True, slots=True)
class Span:
    """`text[start:end]` is personal data of `category`; `replacement` is what took its place (empty from `find`)."""

    start: int
    end: int
    category: Category
    replacement: str = ""

    def as_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "category": self.category.value}


# Inside the finders a find is a plain tuple: building a frozen dataclass costs twenty times as much, and
# a million characters hold some 50,000 finds. `find` turns the merged ones into `Span`s.
Found = tuple[int, int, Category]


def merge(spans: list[Found]) -> list[Found]:
    """Sorted, non-overlapping finds covering every character of the given ones (touching finds stay apart)."""
    if not spans:
        return []
    spans = sorted(spans, key=_order)
    out: list[Found] = []
    cur_start, cur_end, category = spans[0]
    longest = cur_end - cur_start
    for start, end, cat in spans[1:]:
        if start < cur_end:
            if end - start > longest:
                category, longest = cat, end - start
            if end > cur_end:
                cur_end = end
        else:
            out.append((cur_start, cur_end, category))
            cur_start, cur_end, category, longest = start, end, cat, end - start
    out.append((cur_start, cur_end, category))
    return out


def _order(found: Found) -> tuple[int, int]:
    return found[0], -found[1]
