"""Holds: facts people add to retention clocks to keep data past its expiry.

A hold (a dispute, a fraud investigation, a legal obligation, the organisation's expected need: S2-22,
or the platform's own for an open rights request) keeps data past its expiry, never past the rule's
ceiling, and only under rules that allow holds. It names one record, all records of a subject, or all
records of a purpose (an organisation hold on a whole service). `review_at` is the date someone must
look at it again; past that date it is listed as "to review" (it keeps holding until it is released).

Only roles that manage retention (`manages: retention`, or the privacy officer) place or release holds;
anyone else is refused and the refusal is audited. Each change is one transaction: write the fact,
recompute exactly the clocks it touches, audit.

Extensions and shortenings live in `retention.adjustments`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy
from waarborg.engine.retention.clock import rule_of
from waarborg.engine.retention.models import Hold
from waarborg.engine.retention.recompute import recompute
from waarborg.engine.vault.models import Record, Subject


def held_records(hold: Hold) -> QuerySet[Record]:
    """The live records a hold names."""
    live = Record.objects.filter(anonymised_at__isnull=True)
    if hold.record_id:
        return live.filter(pk=hold.record_id)
    if hold.subject_id:
        return live.filter(subject_id=hold.subject_id)
    return live.filter(purpose=hold.purpose)


def _check(policy: Policy, *, reason: str, justification: str, subject: Subject | None, record: Record | None,
           purpose: str, until: datetime | None, review_at: datetime | None) -> None:
    errors: dict[str, list[str]] = {}
    if sum(x is not None and x != "" for x in (subject, record, purpose)) != 1:
        errors["subject"] = ["noem één betrokkene, één gegeven of één doel / name one subject, one record or "
                             "one purpose"]
    if reason not in Hold.Reason.values:
        errors["reason"] = [f"kies uit / choose from: {', '.join(Hold.Reason.values)}"]
    if record is not None and not rule_of(record, policy)[1].holds_allowed:
        errors["record"] = ["de bewaarregel van dit gegeven staat geen bewaarplicht toe / "
                            "this record's retention rule allows no holds"]
    if purpose:
        rules = {rt.retention for rt in policy.record_types.values() if rt.purpose == purpose}
        if purpose not in policy.purposes:
            errors["purpose"] = [f"onbekend doel / unknown purpose: {purpose}"]
        elif not any(policy.retention[r].holds_allowed for r in rules):
            errors["purpose"] = ["geen bewaarregel van dit doel staat een bewaarplicht toe / "
                                 "no retention rule of this purpose allows holds"]
    if not justification.strip():
        errors["justification"] = ["een bewaarplicht vraagt een onderbouwing / a hold needs a justification"]
    now = timezone.now()
    for name, moment in (("until", until), ("review_at", review_at)):
        if moment is not None and moment <= now:
            errors[name] = ["kies een moment in de toekomst / choose a moment in the future"]
    if errors:
        raise Invalid(errors)


def hold_place(actor: Any, *, reason: str, justification: str, subject: Subject | None = None,
               record: Record | None = None, purpose: str = "", until: datetime | None = None,
               review_at: datetime | None = None) -> Hold:
    current = active()
    if not current.policy.manages(actor, "retention"):
        raise refused(actor, "retention.hold", "role_not_granted",
                      "alleen wie bewaartermijnen beheert mag een bewaarplicht opleggen / "
                      "only a role that manages retention places a hold", purpose=purpose,
                      subject=getattr(subject, "pk", None), record=getattr(record, "pk", None))
    _check(current.policy, reason=reason, justification=justification, subject=subject, record=record,
           purpose=purpose, until=until, review_at=review_at)
    with transaction.atomic():
        hold = Hold.objects.create(subject=subject, record_id=getattr(record, "pk", None), purpose=purpose,
                                   reason=reason, justification=justification.strip(), until=until,
                                   review_at=review_at, created_at=timezone.now(),
                                   created_by=actor if getattr(actor, "pk", None) else None)
        changed = recompute(held_records(hold).order_by("pk"), current.policy)
        append(Entry(action="retention.hold", actor=actor, subject=subject, record=record, purpose=purpose,
                     policy_version=current.number,
                     detail={"hold": hold.pk, "reason": reason, "until": until.isoformat() if until else None,
                             "review_at": review_at.isoformat() if review_at else None,
                             "clocks_changed": changed}))
    return hold


def hold_release(actor: Any, hold: Hold) -> Hold:
    current = active()
    if not current.policy.manages(actor, "retention"):
        raise refused(actor, "retention.hold_release", "role_not_granted",
                      "alleen wie bewaartermijnen beheert mag een bewaarplicht "
                      "opheffen / only a role that manages retention releases a hold",
                      subject=hold.subject_id, record=hold.record_id, purpose=hold.purpose)
    with transaction.atomic():
        locked = Hold.objects.select_for_update().get(pk=hold.pk)
        if locked.released_at is not None:
            raise Conflict("Deze bewaarplicht is al opgeheven. / This hold has already been released.")
        locked.released_at = timezone.now()
        locked.released_by = actor if getattr(actor, "pk", None) else None
        locked.save(update_fields=["released_at", "released_by"])
        changed = recompute(held_records(locked).order_by("pk"), current.policy)
        append(Entry(action="retention.hold_release", actor=actor, subject=locked.subject_id,
                     record=locked.record_id, purpose=locked.purpose, policy_version=current.number,
                     detail={"hold": locked.pk, "clocks_changed": changed}))
    return locked


def review_due(hold: Hold, now: datetime | None = None) -> bool:
    """Past its review date and still in force: someone must decide whether it is still needed."""
    return hold.released_at is None and hold.review_at is not None and hold.review_at <= (now or timezone.now())


def holds_list(*, include_released: bool = False, review_due_only: bool = False) -> list[Hold]:
    holds = Hold.objects.order_by("created_at", "pk")
    if not include_released or review_due_only:
        holds = holds.filter(released_at__isnull=True)
    if review_due_only:
        holds = holds.filter(Q(review_at__isnull=False) & Q(review_at__lte=timezone.now()))
    return list(holds)


def holds_readable(actor: Any, action: str = "retention.holds") -> None:
    """Seeing the holds is for whoever places them; anyone else is refused (audited)."""
    if not active().policy.manages(actor, "retention"):
        raise refused(actor, action, "role_not_granted", "alleen wie bewaartermijnen beheert ziet de bewaarplichten / "
                      "only a role that manages retention sees the holds")
