"""The one way to refuse: audit the attempt, then hand back the plain `Refused` to raise.

Every capability refuses through `refused`. Only real differences keep a helper of their own: the vault's
gates (`vault.access.refuse`: a gate's `Refusal`, the policy version, the record type), and the private
helpers of disclosures and decisions that fill the entry from the request or record refused. The entry is
written in its own atomic block; the exception carries it, so whoever maps it (the API's error handler) can write it
again when a surrounding transaction rolled it back (`vault.access.ensure_logged`).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Refused
from waarborg.engine.audit.log import Entry, append


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
