"""The domain's errors on a public page (portal, secure-mail pages): the status a page answers with.

The same numbers as the API gives (CONTRACT.md), so a browser, a screen reader's summary and a test read
the same outcome: a refusal 403, invalid input 422, nothing there 404, a conflict 409, too often 429, a
format not offered 406, not installed here 501. The words are the error's own `detail` (Dutch first).
"""

from __future__ import annotations

from waarborg.core.errors import (
    Conflict,
    DomainError,
    Invalid,
    NotFound,
    NotOffered,
    Refused,
    TooMany,
    Unavailable,
)

STATUS: tuple[tuple[type[DomainError], int], ...] = (
    (Refused, 403), (Invalid, 422), (NotFound, 404), (Conflict, 409), (TooMany, 429), (NotOffered, 406),
    (Unavailable, 501))


def status_of(exc: DomainError) -> int:
    """The page's status for this error; 400 for a kind not listed here (a test lists every kind)."""
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 400)
