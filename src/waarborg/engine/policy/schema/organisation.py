"""Who the organisation is and how it presents itself: address, contacts, the supervisory authority, the
pages' colours and logo, and the published statement's versions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    field_validator,
)

from waarborg.engine.policy.colours import MIN_CONTRAST, TEXT, WHITE, contrast, rgb
from waarborg.engine.policy.schema.base import Ident, Strict, TextField, Words, WordsField


class Address(Strict):
    street: str = ""
    postcode: str = ""
    city: str = ""
    po_box: str = ""
    country: str = "Nederland"


class Contact(Strict):
    name: WordsField = Words()  # {nl: ..., en: ...} names it in English too
    email: str = ""
    phone: str = ""
    url: str = ""
    address: Address | None = None


class Authority(Strict):
    name: str = "Autoriteit Persoonsgegevens"
    url: str = "https://www.autoriteitpersoonsgegevens.nl"
    complaint_url: str = "https://www.autoriteitpersoonsgegevens.nl/nl/zelf-doen/privacyrechten/klacht-indienen-bij-de-ap"


def _primary(value: str) -> str:
    if contrast(value, WHITE) < MIN_CONTRAST:
        raise ValueError(f"white text on {value} has a contrast of {contrast(value, WHITE):.1f}:1, below "
                         f"{MIN_CONTRAST}:1 (WCAG 2.1 1.4.3): choose a darker primary colour")
    return value.lower()


def _light(value: str) -> str:
    if contrast(value, TEXT) < MIN_CONTRAST:
        raise ValueError(f"text on {value} has a contrast of {contrast(value, TEXT):.1f}:1, below "
                         f"{MIN_CONTRAST}:1 (WCAG 2.1 1.4.3): choose a lighter background colour")
    return value.lower()


def _hex(value: str) -> str:
    rgb(value)  # raises for anything but #rrggbb
    return value


Colour = Annotated[str, AfterValidator(_hex)]
_LOGO = re.compile(r"^data:image/(svg\+xml|png|webp);base64,[A-Za-z0-9+/=]+$")


class Theme(Strict):
    """How the organisation's pages look (docs/design.md): its colours over NL Design System's tokens, and a logo.
    Without a theme the pages use the platform's own blue."""

    # buttons, links, the header's band; white text on it must be readable (4.5:1)
    primary: Annotated[Colour, AfterValidator(_primary)] = "#154273"
    # the light background of the header and footer; the body text on it must be readable (4.5:1)
    background: Annotated[Colour, AfterValidator(_light)] | None = None
    # a `data:image/svg+xml;base64,...` (or png, webp) URI: the pages load nothing from another host
    logo: str = ""

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        if value and (len(value) > 100_000 or not _LOGO.match(value)):
            raise ValueError("a logo is a data:image/svg+xml;base64,... (or png, webp) URI of at most 100 kB")
        return value


class Organisation(Strict):
    id: Ident
    name: str
    legal_entity: str = ""
    kvk: str = ""
    description: TextField | None = None
    website: str = ""
    address: Address | None = None
    privacy_contact: Contact
    dpo: Contact | None = None
    authority: Authority = Authority()
    services: tuple[TextField, ...] = ()  # what the organisation offers, for the statement's introduction
    theme: Theme = Theme()  # the pages' colours and logo (docs/design.md)

    @field_validator("kvk")
    @classmethod
    def _kvk(cls, value: str) -> str:
        if value and (not value.isdigit() or len(value) != 8):
            raise ValueError("a KvK number has 8 digits")
        return value


class StatementVersion(Strict):
    version: str
    effective: dt.date
    summary: TextField | None = None


class Statement(Strict):
    version: str
    effective: dt.date
    history: tuple[StatementVersion, ...] = ()
    changes: TextField | None = None  # how changes are published (S2-31)
    security: tuple[TextField, ...] = ()  # measures described in the statement
    notes: tuple[TextField, ...] = ()  # extra paragraphs the seed needs
    # General promises that are not a purpose, period or recipient ("never more data than needed").
    commitments: tuple[TextField, ...] = ()
    address: Literal["je", "u"] = "je"  # how the generated Dutch sentences address the reader
    # A version scheduled ahead (`policy activate --effective`) is announced by mail to every subject with an
    # e-mail address (waarborg.engine.policy.announce).
    notify_subjects: bool = False
