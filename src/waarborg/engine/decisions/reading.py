"""Who may look at cases, and the look itself on record: the list of flags is for roles that handle cases;
one case (its decisions, flags, conversations) is for the person themselves or a handler of its purpose,
and each look leaves a `decision.case` entry. The API renders what these return.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.decisions.actions import _refuse
from waarborg.engine.policy.active import active
from waarborg.engine.vault.models import Record


def require_case_worker(actor: Any) -> None:
    """Refuse (403, on record) a role that handles no cases of a purpose with a human decision."""
    policy = active().policy
    if not any(policy.grants_any(actor, ("read", "decide"), p) for p, spec in policy.purposes.items()
               if spec.human_decision):
        raise _refuse(actor, "decision.flags", "role_not_granted",
                      "Uw rol werkt niet aan zaken. / Your role does not handle cases.")


def case_read(actor: Any, record: Record) -> Record:
    """The person themselves or a handler of the record's purpose opens the case: on record."""
    own = getattr(actor, "subject_id", None) == record.subject_id
    if not (own or active().policy.grants_any(actor, ("read", "decide"), record.purpose)):
        raise _refuse(actor, "decision.case", "role_not_granted",
                      "Alleen de betrokkene of een behandelaar. / Only the person or a case handler.", record)
    with transaction.atomic():
        append(Entry(action="decision.case", actor=actor, purpose=record.purpose, subject=record.subject_id,
                     record=record))
    return record
