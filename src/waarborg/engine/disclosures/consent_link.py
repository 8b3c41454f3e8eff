"""Where disclosures ask "was there consent before this moment?" (S3-07, S4-10).

Kept to one function so the disclosure rules need not know how consents are stored. It asks the
consent capability (`waarborg.engine.consent.state.active_consent(subject, purpose, at)`: a consent in
force at `at`, not withdrawn); where that is not installed, no consent is ever assumed and a
disclosure on the ground of consent is refused.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

Lookup = Callable[[Any, str, datetime], "str | None"]


def _from_consent_app() -> Lookup | None:
    try:
        state = importlib.import_module("waarborg.engine.consent.state")
    except ImportError:
        return None
    active_consent = getattr(state, "active_consent", None)
    if not callable(active_consent):
        return None

    def lookup(subject: Any, purpose: str, at: datetime) -> str | None:
        consent = active_consent(subject, purpose, at)
        return str(consent.pk) if consent is not None else None

    return lookup


def consent_given_before(subject: Any, purpose: str, at: datetime) -> str | None:
    """The id of a consent for `purpose` given before `at` and in force, else None."""
    lookup = _from_consent_app()
    return lookup(subject, purpose, at) if lookup else None
