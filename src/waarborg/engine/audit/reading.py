"""Reading the audit log (privacy officer, DPO): the check, the page, and the entry that says it was read.

The entries name staff members and pseudonymised subjects, so reading them is itself on record
(`audit.read`), and a refused attempt too (`audit.read.refused`). The API's view only parses the query.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction

from waarborg.engine.audit.log import Entry, about_subject, append, before_grouped
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.audit.refusals import refused
from waarborg.engine.keyring import crypto

GROUPED_PER_PAGE = 10  # sweep entries: about 0.5 MB each


def may_read_audit_log(user: Any) -> bool:
    from waarborg.engine.policy.active import current

    if getattr(user, "is_service", False):
        return False
    roles = current().roles
    return any(r in roles and (roles[r].privacy_officer or roles[r].dpo) for r in (user.roles or []))


def require_reader(actor: Any) -> None:
    """Refuse (403, on record) whoever may not read the log."""
    if not may_read_audit_log(actor):
        raise refused(actor, "audit.read", "role_not_granted", "Alleen de privacyfunctionaris leest het auditlog. / "
                                                               "Only the privacy officer reads the audit log.")


def entries_page(actor: Any, *, after: int, limit: int, subject: uuid.UUID | None = None,
                 action: str = "") -> tuple[list[AuditEntry], bool]:
    """Up to `limit` entries after id `after` (about `subject`, of `action`), and whether more follow."""
    require_reader(actor)
    entries = AuditEntry.objects.filter(id__gt=after).order_by("id")
    if subject is not None:
        entries = entries.filter(about_subject(crypto.pseudonym(subject)))
    if action:
        entries = entries.filter(action=action)
    # A grouped entry (a sweep batch) is about 0.5 MB: a page holds at most GROUPED_PER_PAGE of them.
    entries, cut = before_grouped(entries, GROUPED_PER_PAGE)
    page = list(entries[:limit])
    with transaction.atomic():
        append(Entry(action="audit.read", actor=actor,
                     detail={"after": after, "count": len(page), "filtered": subject is not None}))
    return page, len(page) == limit or cut
