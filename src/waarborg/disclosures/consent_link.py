"""Where disclosures ask "was there consent before this moment?" (S3-07, S4-10).

Kept to one function so it can point at the consent capability (`waarborg.consent`) without
the disclosure rules knowing how consents are stored. Until consent offers
`consent_given_before(subject, purpose, at) -> str | None` (the consent id, or None), no consent
is ever assumed: a disclosure on the ground of consent is refused.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

Lookup = Callable[[Any, str, datetime], "str | None"]


def _from_consent_app() -> Lookup | None:
    for module in ("waarborg.consent.actions", "waarborg.consent.queries", "waarborg.consent"):
        try:
            found = getattr(importlib.import_module(module), "consent_given_before", None)
        except ImportError:
            continue
        if callable(found):
            return found
    return None


def consent_given_before(subject: Any, purpose: str, at: datetime) -> str | None:
    """The id of a consent for `purpose` given before `at` and not withdrawn by then, else None."""
    lookup = _from_consent_app()
    return lookup(subject, purpose, at) if lookup else None
