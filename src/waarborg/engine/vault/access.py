"""`check`: run the gates; on refusal write the audit entry and raise `Refused`.

A refusal must stay in the audit log even when the caller's transaction rolls back (S3-19: an
unauthorised attempt is always on record). The entry is written at once (outside a transaction it
commits at once; inside one it survives when the caller carries on) and travels with the
exception: `ensure_logged(exc)`, called by the API error handler after the request's transactions
have ended (and by anyone catching `Refused` outside a transaction), writes it again if a rollback
took it.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import transaction

from waarborg.core.errors import Refused
from waarborg.engine.audit.log import append
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.vault import gates


def check(actor: Any, action: str, purpose: str, *, subject: Any = None, record: Any = None,
          record_type: str = "", fields: dict[str, Any] | None = None, at: Any = None) -> None:
    current = active()
    ctx = gates.AccessContext(actor=actor, action=action, purpose=purpose, policy=current.policy,
                              subject=subject, record=record, record_type=record_type,
                              fields=fields or {}, at=at)
    refusal = gates.run(ctx)
    if refusal is None:
        return
    refuse(actor, action, purpose, refusal, subject=subject, record=record, record_type=record_type,
           policy_version=current.number)


def refuse(actor: Any, action: str, purpose: str, refusal: gates.Refusal, *, subject: Any = None,
           record: Any = None, record_type: str = "", policy_version: int | None = None) -> NoReturn:
    """Write the refusal's audit entry and raise `Refused` (403 with the reason)."""
    raise refused(actor, action, refusal.reason, refusal.detail, purpose=purpose,
                  subject=getattr(subject, "pk", subject), record=getattr(record, "pk", record),
                  policy_version=policy_version, detail={"record_type": record_type} if record_type else {})


def ensure_logged(exc: Refused) -> bool:
    """Write the refusal's audit entry again if a rolled-back transaction took it; True if it did.

    Call it where `Refused` is caught after the transactions around `check` have ended.
    """
    if exc.audit is None:
        return False
    entry, row_id, row_hash = exc.audit
    if AuditEntry.objects.filter(id=row_id, hash=row_hash).exists():
        return False
    with transaction.atomic():
        row = append(entry)
    exc.audit = (entry, row.id, row.hash)
    return True
