"""`check`: run the gates; on refusal write the audit entry (its own transaction) and raise."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from waarborg.api.errors import Refused
from waarborg.audit.log import Entry, append
from waarborg.policy.active import active
from waarborg.vault import gates


def check(actor: Any, action: str, purpose: str, *, subject: Any = None, record: Any = None,
          record_type: str = "", fields: dict[str, Any] | None = None, at: Any = None) -> None:
    current = active()
    ctx = gates.AccessContext(actor=actor, action=action, purpose=purpose, policy=current.policy,
                              subject=subject, record=record, record_type=record_type,
                              fields=fields or {}, at=at)
    refusal = gates.run(ctx)
    if refusal is None:
        return
    # The refusal is logged even though the caller's transaction (if any) will roll back.
    with transaction.atomic(durable=False):
        append(Entry(action=f"{action}.refused", actor=actor, purpose=purpose,
                     subject=getattr(subject, "pk", subject), record=getattr(record, "pk", record),
                     outcome="refused", reason=refusal.reason, policy_version=current.number,
                     detail={"record_type": record_type} if record_type else {}))
    raise Refused(refusal.reason, refusal.detail)
