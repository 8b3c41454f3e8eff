"""Exporting the consent register and selecting who a mailing may reach: checked, and on record.

The register is the accountability record itself (art. 7(1), 30): whoever manages consents exports it whole;
other staff name the purpose they work for and see only that purpose. The command line is the operator's
own tool (`system:cli`) and is not asked. The API and the CLI turn the consents into rows themselves.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.consent.eligibility import exclusions
from waarborg.engine.consent.models import Consent
from waarborg.engine.consent.permissions import require
from waarborg.engine.policy.active import current


def require_exporter(actor: Any, *, purpose: str = "", subject: str | None = None) -> None:
    """Refuse (403, on record) whoever may not export this part of the register."""
    if isinstance(actor, str):
        return  # the command line, run by the operator
    policy = current()
    if not policy.manages(actor, "consents"):
        if not purpose:
            raise refused(actor, "consent.export", "role_not_granted",
                          "alleen wie toestemmingen beheert exporteert het hele register; noem anders een doel")
        require(policy, actor, "consent.export", purpose, subject=subject, grants=("read", "write", "export"))


def register_export(actor: Any, *, purpose: str = "", subject: str | None = None, status: str = "",
                    fmt: str = "json") -> QuerySet[Consent]:
    """The consents of the register `actor` may export (of `purpose`, `subject`, `status`), oldest first."""
    require_exporter(actor, purpose=purpose, subject=subject)
    consents = Consent.objects.select_related("verified_by", "recorded_by").order_by("given_at", "recorded_at")
    for name, value in (("subject", subject), ("purpose", purpose), ("status", status)):
        if value:
            consents = consents.filter(**{name: value})
    with transaction.atomic():
        append(Entry(action="consent.export", actor=actor, purpose=purpose, subject=subject or None,
                     detail={"format": fmt, "count": consents.count(),
                             "scope": "subject" if subject else "organisation"}))
    return consents


def mailing_selection(actor: Any, purpose: str, subjects: list[str]) -> tuple[list[str], dict[str, str]]:
    """Of `subjects`, who a mailing for `purpose` may reach, and who is left out and why (the register's
    exclusions). The caller checked the actor and the fields the mailing uses."""
    ids = [str(s) for s in dict.fromkeys(subjects)]
    left_out = exclusions(purpose, ids)
    included = [s for s in ids if s not in left_out]
    with transaction.atomic():
        append(Entry(action="mailing.select", actor=actor, purpose=purpose,
                     detail={"included": len(included), "excluded": len(left_out)}))
    return included, left_out
