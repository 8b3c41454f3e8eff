"""The breach workflow's action layer: register -> assess -> notify (AP, people) -> close.

Each function checks, writes the breach, appends to the breach's own trail (`BreachLogEntry`)
and to the audit log, in one transaction. Refusals are audited before they are raised. The exception is
telling people (`telling`): mail cannot be rolled back, so each person gets their own transaction around
the hand-over to the relay.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.actors import Actor
from waarborg.core.errors import Conflict, Invalid
from waarborg.core.times import not_future
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.breaches import clock, notices, trail
from waarborg.engine.breaches.models import (
    AffectedSubject,
    AuthorityNotification,
    Breach,
    BreachLogEntry,
    Kind,
    Risk,
    Status,
)
from waarborg.engine.breaches.permissions import sees_breaches
from waarborg.engine.breaches.selection import Selection, affected
from waarborg.engine.breaches.telling_officers import tell_officers
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.models import Subject

if TYPE_CHECKING:
    from waarborg.engine.breaches.telling import NoticeRun

NATURES = ("read", "copy", "change", "delete", "theft")


def require_manager(actor: Actor, action: str, policy: Policy) -> None:
    if not policy.manages(actor, "breaches"):
        raise refused(actor, action, "role_not_granted",
                      "Alleen de privacyfunctionaris beheert het datalekkenregister. / "
                      "Only the privacy officer manages the breach register.")


def require_viewer(actor: Actor, action: str, policy: Policy) -> None:
    if not sees_breaches(actor, policy):
        raise refused(actor, action, "role_not_granted",
                      "Alleen de privacyfunctionaris of FG ziet het datalekkenregister. / "
                      "Only the privacy officer or DPO sees the breach register.")


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _not_future(name: str, moment: datetime | None) -> None:
    not_future(moment, name)


def _check_categories(policy: Policy, categories: list[str] | tuple[str, ...]) -> None:
    unknown = [c for c in categories if c not in policy.categories]
    if unknown:
        raise Invalid({"categories": [f"Onbekende categorie / unknown category: {c}" for c in unknown]})


def _add_affected(breach: Breach, policy: Policy, selection: Selection, explicit: list[Any]) -> int:
    found = affected(policy, selection)
    for subject_id in explicit:  # named people without matching records: the breach's categories
        found.setdefault(subject_id, (sorted(breach.categories), 0))
    now = timezone.now()
    added = 0
    for subject_id, (categories, count) in found.items():
        row, created = AffectedSubject.objects.get_or_create(
            breach=breach, subject_id=subject_id,
            defaults={"categories": categories, "record_count": count, "added_at": now})
        if not created:
            row.categories = sorted(set(row.categories) | set(categories))
            row.record_count = max(row.record_count, count)
            row.save(update_fields=["categories", "record_count"])
        added += created
    return added


def _subjects(ids: list[Any]) -> list[Any]:
    known = set(Subject.objects.filter(pk__in=ids).values_list("pk", flat=True))
    missing = [str(i) for i in ids if i not in known]
    if missing:
        raise Invalid({"subjects": [f"Onbekende betrokkene / unknown subject: {m}" for m in missing]})
    return list(ids)


def breach_register(actor: Any, *, aware_at: datetime, description: str, kind: str = Kind.OTHER,
                    categories: list[str] | None = None, subjects: list[Any] | None = None,
                    started_at: datetime | None = None, received_at: datetime | None = None) -> Breach:
    current = active()
    policy = current.policy
    require_manager(actor, "breach.create", policy)
    _not_future("aware_at", aware_at)
    _not_future("started_at", started_at)
    _not_future("received_at", received_at)
    if kind not in Kind.values:
        raise Invalid({"kind": [f"Kies uit / choose from: {', '.join(Kind.values)}"]})
    _check_categories(policy, categories or [])
    explicit = _subjects(list(subjects or []))
    now = timezone.now()
    with transaction.atomic():
        breach = Breach.objects.create(
            kind=kind, description=description, source="staff", reported_by=_user(actor),
            received_at=received_at or now,
            aware_at=aware_at, authority_due_at=clock.authority_due_at(aware_at, policy), started_at=started_at,
            categories=sorted(set(categories or [])), created_at=now, policy_version=current.number)
        trail.write(breach, actor, "create", {"kind": kind, "source": "staff", "aware_at": aware_at.isoformat(),
                                              "authority_due_at": breach.authority_due_at.isoformat()})
        if explicit:
            added = _add_affected(breach, policy, Selection(categories=tuple(breach.categories),
                                                            subjects=tuple(explicit)), explicit)
            trail.write(breach, actor, "subjects_added", {"added": added})
        tell_officers(policy, breach)
    return breach


def breach_report_suspicion(*, description: str, reporter_name: str = "", reporter_contact: str = "",
                            kind: str = Kind.OTHER) -> Breach:
    """"Ik vermoed een datalek": anyone may report; the organisation is aware from receipt."""
    current = active()
    if kind not in Kind.values:
        kind = Kind.OTHER
    now = timezone.now()
    with transaction.atomic():
        breach = Breach.objects.create(
            kind=kind, description=description, source="public", reporter_name=reporter_name,
            reporter_contact=reporter_contact, received_at=now, aware_at=now,
            authority_due_at=clock.authority_due_at(now, current.policy), created_at=now,
            policy_version=current.number)
        trail.write(breach, None, "reported", {"source": "public", "received_at": now.isoformat()})
        tell_officers(current.policy, breach)
    return breach


ASSESSMENT_FIELDS = ("cause", "consequences", "prior_measures", "encrypted", "measures_taken",
                     "measures_subject_can_take", "follow_up", "record_count", "started_at", "ended_at",
                     "ongoing", "kind")


def breach_assess(actor: Any, breach: Breach, *, risk: str, nature: list[str] | None = None,
                  categories: list[str] | None = None, **fields: Any) -> Breach:
    policy = active().policy
    require_manager(actor, "breach.assess", policy)
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is afgesloten. / This breach is closed.")
    if risk not in Risk.values:
        raise Invalid({"risk": [f"Kies uit / choose from: {', '.join(Risk.values)}"]})
    if nature and set(nature) - set(NATURES):
        raise Invalid({"nature": [f"Kies uit / choose from: {', '.join(NATURES)}"]})
    if fields.get("kind") and fields["kind"] not in Kind.values:
        raise Invalid({"kind": [f"Kies uit / choose from: {', '.join(Kind.values)}"]})
    _check_categories(policy, categories or [])
    changed = sorted(k for k, v in fields.items() if k in ASSESSMENT_FIELDS and v is not None)
    with transaction.atomic():
        breach.risk = risk
        for name in changed:
            setattr(breach, name, fields[name])
        if nature is not None:
            breach.nature = sorted(set(nature))
        if categories is not None:
            breach.categories = sorted(set(categories))
        breach.assessed_at = breach.assessed_at or timezone.now()
        if breach.status == Status.REPORTED:
            breach.status = Status.ASSESSED
        breach.save()
        trail.write(breach, actor, "assess", {"risk": risk, "fields": changed})
    return breach


def breach_add_subjects(actor: Any, breach: Breach, selection: Selection) -> int:
    policy = active().policy
    require_manager(actor, "breach.subjects", policy)
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is afgesloten. / This breach is closed.")
    _check_categories(policy, selection.categories)
    explicit = _subjects(list(selection.subjects))
    with transaction.atomic():
        added = _add_affected(breach, policy, selection, explicit)
        trail.write(breach, actor, "subjects_added", {
            "added": added, "categories": list(selection.categories), "purpose": selection.purpose,
            "record_type": selection.record_type,
            "collected_from": selection.collected_from.isoformat() if selection.collected_from else None,
            "collected_until": selection.collected_until.isoformat() if selection.collected_until else None})
    return added


def authority_notify(actor: Any, breach: Breach, *, kind: str = "initial", at: datetime | None = None,
                     reference: str = "", form: dict[str, Any] | None = None) -> AuthorityNotification:
    """Record the notification to the AP (meldformulier), initial or a supplement."""
    from waarborg.engine.breaches.exports import authority_form

    policy = active().policy
    require_manager(actor, "breach.authority", policy)
    _not_future("at", at)
    if kind not in ("initial", "supplement"):
        raise Invalid({"kind": ["Kies uit / choose from: initial, supplement"]})
    has_initial = breach.authority_notifications.filter(kind="initial").exists()
    if kind == "initial" and has_initial:
        raise Conflict("De eerste melding aan de AP is al vastgelegd; doe een aanvullende melding. / "
                       "The initial AP notification is on file; file a supplement.")
    if kind == "supplement" and not has_initial:
        raise Conflict("Een aanvulling kan pas na de eerste melding. / A supplement follows the initial notification.")
    moment = at or timezone.now()
    with transaction.atomic():
        if kind == "initial":
            breach.authority_notified_at = moment
            breach.authority_reference = reference
            if breach.status in (Status.REPORTED, Status.ASSESSED):
                breach.status = Status.NOTIFIED
            breach.save()
        elif reference and not breach.authority_reference:
            breach.authority_reference = reference
            breach.save(update_fields=["authority_reference"])
        snapshot = {**authority_form(breach, policy), **(form or {})}
        snapshot["report"] = {"kind": kind, "reference": reference or breach.authority_reference}
        notification = AuthorityNotification.objects.create(breach=breach, kind=kind, at=moment,
                                                            reference=reference, form=snapshot,
                                                            by=_user(actor))
        trail.write(breach, actor, f"authority_{kind}", {"at": moment.isoformat(), "reference": reference,
                                                         "late": moment > breach.authority_due_at}, at=moment)
    return notification


NOTICE_CHANNELS = notices.CHANNELS


def subject_notices_send(actor: Any, breach: Breach, *, channel: str = "portal") -> NoticeRun:
    """Tell every not-yet-notified person what happened and which of *their* data was involved.

    Its own module (`telling`): e-mail cannot be rolled back, so delivery follows other transaction rules.
    """
    from waarborg.engine.breaches.telling import tell

    return tell(actor, breach, channel=channel)


def must_tell(breach: Breach, policy: Policy) -> bool:
    """Whether the people involved must be told: high risk, or any risk where the policy says always."""
    return breach.risk == Risk.HIGH or (policy.breaches.notify_subjects == "always" and breach.risk != Risk.NONE)


def breach_close(actor: Any, breach: Breach, *, reasoning: str = "") -> Breach:
    policy = active().policy
    require_manager(actor, "breach.close", policy)
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is al afgesloten. / This breach is already closed.")
    if not breach.risk:
        raise Conflict("Beoordeel het risico voordat u afsluit. / Assess the risk before closing.")
    if breach.risk != Risk.NONE and breach.authority_notified_at is None:
        raise Conflict("Meld het datalek eerst aan de Autoriteit Persoonsgegevens. / "
                       "Notify the Autoriteit Persoonsgegevens first.")
    must_notify = must_tell(breach, policy)
    waiting = breach.affected.filter(notified_at__isnull=True).count()
    if must_notify and waiting:
        raise Conflict(f"Nog {waiting} betrokkene(n) niet geïnformeerd; bij hoog risico moet iedereen bericht "
                       f"krijgen. / {waiting} affected people not yet notified; a high-risk breach needs all.")
    now = timezone.now()
    with transaction.atomic():
        breach.status = Status.CLOSED
        breach.closed_at = now
        breach.save(update_fields=["status", "closed_at"])
        trail.write(breach, actor, "close", {"reasoning_given": bool(reasoning)})
        if reasoning:
            BreachLogEntry.objects.create(breach=breach, at=now, actor=trail.actor_name(actor),
                                          event="close_reasoning", detail={"text": reasoning})
    return breach


def breach_note(actor: Any, breach: Breach, text: str) -> BreachLogEntry:
    """Add a free-text entry to the trail (phone calls, findings, decisions)."""
    policy = active().policy
    require_manager(actor, "breach.note", policy)
    with transaction.atomic():
        entry = BreachLogEntry.objects.create(breach=breach, at=timezone.now(), actor=trail.actor_name(actor),
                                              event="note", detail={"text": text})
        append(Entry(action="breach.note", actor=actor, detail={"breach": str(breach.pk)}))
    return entry
