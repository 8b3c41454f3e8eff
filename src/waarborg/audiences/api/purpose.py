"""Every request that touches personal data names its purpose: `X-Purpose` or `?purpose=`."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError


def purpose_of(request: Any, *, reads: bool = True) -> str:
    purpose = request.headers.get("X-Purpose", "").strip()
    if not purpose and reads:
        purpose = (request.query_params.get("purpose") or "").strip()
    if not purpose:
        raise ParseError("name the purpose of this request in the X-Purpose header (or ?purpose= for reads)")
    return purpose


def checked_purpose(request: Any, action: str) -> str:
    """The purpose the request names, with the caller's grant on it checked before anything is parsed or
    looked up: a caller without access learns nothing from validation errors or 404s."""
    from waarborg.engine.vault.access import check

    purpose = purpose_of(request, reads=action == "read")
    check(request.user, action, purpose)
    return purpose
