"""The one way to refuse: audit the attempt, then hand back the plain `Refused` to raise.

Every capability refuses through `refused` (directly or through a thin wrapper that names its own
fields), and so do the few views that decide a refusal themselves: the entry is written here, once, and
never by whoever maps the refusal (the API's 403, a back-office page, the CLI's exit status 1). The entry is
written in its own atomic block; the exception carries it, so a caller whose surrounding transaction rolled
it back can write it again (`vault.access.ensure_logged`, which the API's error handler calls).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.audit.log import Entry, append
from waarborg.core.errors import Refused


def refused(actor: Any, action: str, reason: str, message: str, **entry: Any) -> Refused:
    """Audit a refused `action` (as `<action>.refused`) and return the exception to raise.

    `entry` holds the other audit fields: purpose, subject, record, policy_version, detail (no personal data).
    """
    logged = Entry(action=f"{action}.refused", actor=actor, outcome="refused", reason=reason,
                   at=timezone.now(), **entry)
    with transaction.atomic():
        row = append(logged)
    exc = Refused(reason, message)
    exc.audit = (logged, row.id, row.hash)
    return exc
