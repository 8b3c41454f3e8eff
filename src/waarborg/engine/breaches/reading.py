"""Reading the breach register, on record: a breach's description and trail may hold personal data, and the
breaches a person was involved in are about them. The back office and the API render what these return.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.breaches.actions import require_viewer
from waarborg.engine.breaches.models import AffectedSubject, Breach
from waarborg.engine.breaches.permissions import sees_breaches
from waarborg.engine.policy.active import current
from waarborg.engine.vault.models import Subject


def breach_read(actor: Any, breach: Breach, *, via: str) -> Breach:
    """A viewer of the register opens one breach."""
    require_viewer(actor, "breach.read", current())
    with transaction.atomic():
        append(Entry(action="breach.read", actor=actor, detail={"breach": str(breach.pk), "via": via}))
    return breach


def authority_form_read(actor: Any, breach: Breach, *, via: str, format: str) -> Breach:
    """A viewer of the register opens the form for the Autoriteit Persoonsgegevens (the meldformulier)."""
    require_viewer(actor, "breach.export", current())
    with transaction.atomic():
        append(Entry(action="breach.export", actor=actor,
                     detail={"breach": str(breach.pk), "via": via, "format": format}))
    return breach


def breaches_of(actor: Any, subject: Subject) -> tuple[QuerySet[AffectedSubject], bool]:
    """The breaches `subject` was involved in (S4-21), for the person themselves or a viewer of the register;
    and whether the reader is staff (who see the whole trail)."""
    policy = current()
    staff = sees_breaches(actor, policy)
    if not (staff or getattr(actor, "subject_id", None) == subject.pk):
        raise refused(actor, "breach.subject", "role_not_granted",
                      "Alleen de privacyfunctionaris, FG of de betrokkene zelf. / "
                      "Only the privacy officer, DPO or the person themselves.", subject=subject)
    rows = AffectedSubject.objects.filter(subject=subject).select_related("breach").order_by("added_at")
    with transaction.atomic():
        append(Entry(action="breach.subject_read", actor=actor, subject=subject))
    return rows, staff
