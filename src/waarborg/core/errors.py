"""The domain's own words for "no": plain exceptions that know nothing of HTTP, pages or the command line.

The engine and the modules raise only these; each audience maps them once:
- the API (`waarborg.audiences.api.errors.exception_handler`): Refused 403 `{"reason", "detail"}`, Invalid 422
  `{"errors": {...}}`, NotFound 404, Conflict 409 (extra fields next to `detail`), TooMany 429 with
  Retry-After, NotOffered 406, Unavailable 501;
- the back office and the portal: a refusal page or a form error, with the same status where a page has one;
- the command line (`waarborg.audiences.cli`): the message on stderr, exit status 1.

A `Refused` is raised only after its audit entry is written (`waarborg.engine.audit.refusals.refused` writes it and
returns the exception, with the entry in `audit`, so a caller whose transaction rolled the entry back can write
it again: `waarborg.engine.vault.access.ensure_logged`). Messages are Dutch first, then English, and never hold
personal data: they reach logs and answers as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["Conflict", "DomainError", "Invalid", "NotFound", "NotOffered", "Refused", "TooMany", "Unavailable"]

NOT_FOUND = "Niet gevonden. / Not found."


class DomainError(Exception):
    """Something the domain will not or cannot do; `detail` says why, for people."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)

    def __str__(self) -> str:
        return str(self.detail)


class Refused(DomainError):
    """A policy refusal: a reason code (documented in docs/reasons) and a human detail. Raise it only through
    `waarborg.engine.audit.refusals.refused`, which writes the audit entry first."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        # Set by `audit.refusals.refused`: (entry, row id, row hash) of the refusal's audit entry.
        self.audit: tuple[Any, int, str] | None = None
        super().__init__(detail)


class Invalid(DomainError):
    """Input the domain cannot use: field name -> messages, like the body of a 422."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors: dict[str, list[str]] = dict(errors)
        super().__init__("invalid input")

    def __str__(self) -> str:
        """`field: message message; other: message`, as the back office and the command line show it."""
        return "; ".join(f"{field}: {' '.join(str(m) for m in messages)}" for field, messages in self.errors.items())


class NotFound(DomainError):
    """What was asked for is not there (or not there for this caller)."""

    def __init__(self, detail: str = NOT_FOUND) -> None:
        super().__init__(detail)


class Conflict(DomainError):
    """The state of things does not allow it, e.g. a duplicate registration. `fields` travel next to `detail`,
    e.g. the id of what is already there."""

    def __init__(self, detail: str, **fields: str) -> None:
        self.fields = fields
        super().__init__(detail)


class TooMany(DomainError):
    """Asked too often: try again after `wait` seconds."""

    def __init__(self, detail: str, wait: int) -> None:
        self.wait = wait
        super().__init__(detail)


class NotOffered(DomainError):
    """A form of the answer (a format) that is not offered for this thing."""


class Unavailable(DomainError):
    """Something this server cannot make, because a component is not installed here."""
