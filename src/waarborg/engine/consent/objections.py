"""Objection (bezwaar), restriction (beperking, blokkeren, afscherming) and opt-out: the action layer.

The gates read these rows; here they are written, each change in one transaction with its audit
entry. The rights capability calls these when it handles an objection or restriction request.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.consent import state
from waarborg.engine.consent.actions import not_future, unknown_purpose
from waarborg.engine.consent.models import Objection, OptOut, Restriction
from waarborg.engine.policy.active import current
from waarborg.engine.vault.models import Subject


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _known_purpose(actor: Any, action: str, subject: Subject, purpose: str, *, blank_ok: bool = False) -> None:
    """A purpose the policy does not name is refused (403 unknown_purpose, audited); blank means all purposes."""
    if (purpose or not blank_ok) and purpose not in current().purposes:
        raise unknown_purpose(actor, action, purpose, subject)


def objection_record(actor: Any, *, subject: Subject, purpose: str, received_at: datetime | None = None,
                     channel: str = "") -> Objection:
    """Only where the basis is a public task or legitimate interest (art. 21(1)); the purpose stops.

    Against any other basis the law gives no objection (withdraw consent instead): the policy's basis
    decides, so it is a refusal (403 `not_objectable`), not bad input."""
    _known_purpose(actor, "objection.record", subject, purpose)
    if not state.objectable(current().purposes[purpose]):
        raise refused(actor, "objection.record", "not_objectable",
                      "bezwaar kan alleen tegen een verwerking op grond van een algemeen of gerechtvaardigd belang / "
                      "objection applies to public task or legitimate interest; withdraw consent instead",
                      purpose=purpose, subject=subject.pk)
    at = not_future(received_at, "received_at")
    with transaction.atomic():
        objection = Objection.objects.create(subject=subject, purpose=purpose, received_at=at, channel=channel[:32],
                                             recorded_by=_user(actor))
        append(Entry(action="objection.record", actor=actor, purpose=purpose, subject=subject,
                     detail={"objection": str(objection.pk), "received_at": at.isoformat()}))
    return objection


def objection_override(actor: Any, objection: Objection, *, grounds: str) -> Objection:
    """Staff record compelling legitimate grounds that outweigh the objection; processing resumes."""
    if not grounds.strip():
        raise Invalid({"grounds": ["noem de dwingende gerechtvaardigde gronden / name the compelling grounds"]})
    with transaction.atomic():
        objection = Objection.objects.select_for_update().get(pk=objection.pk)
        if objection.overridden_at is not None:
            raise Conflict("dit bezwaar is al terzijde gelegd / already overridden")
        objection.overridden_at, objection.overridden_by = timezone.now(), _user(actor)
        objection.override_grounds = grounds.strip()
        objection.save(update_fields=["overridden_at", "overridden_by", "override_grounds"])
        # The grounds may describe the person's situation: sealed in `changes`, not in `detail`.
        append(Entry(action="objection.override", actor=actor, purpose=objection.purpose,
                     subject=objection.subject_id, detail={"objection": str(objection.pk)},
                     changes={"grounds": objection.override_grounds}))
    return objection


def restriction_set(actor: Any, *, subject: Subject, purpose: str = "", reason: str = "",
                    at: datetime | None = None) -> Restriction:
    _known_purpose(actor, "restriction.set", subject, purpose, blank_ok=True)
    when = not_future(at, "at")
    with transaction.atomic():
        restriction = Restriction.objects.create(subject=subject, purpose=purpose, reason=reason[:200], set_at=when,
                                                 set_by=_user(actor))
        append(Entry(action="restriction.set", actor=actor, purpose=purpose, subject=subject,
                     detail={"restriction": str(restriction.pk), "scope": purpose or "all"}))
    return restriction


def restriction_lift(actor: Any, restriction: Restriction) -> Restriction:
    """Lift a restriction (art. 18(3): the subject is told first). Whoever manages consents lifts any; other
    staff only one they set themselves (a mistake of their own): the colleague whose work a restriction
    blocks must not unblock it alone. Two restrictions on the same purpose are allowed for that reason: a
    privacy officer's own stays when a colleague lifts theirs."""
    user_id = getattr(actor, "pk", None)
    if not current().manages(actor, "consents") and (user_id is None or restriction.set_by_id != user_id):
        raise refused(actor, "restriction.lift", "not_own_restriction",
                      "alleen wie toestemmingen beheert heft een beperking van een ander op / only whoever manages "
                      "consents lifts a restriction someone else set", purpose=restriction.purpose,
                      subject=restriction.subject_id)
    with transaction.atomic():
        restriction = Restriction.objects.select_for_update().get(pk=restriction.pk)
        if restriction.lifted_at is not None:
            raise Conflict("deze beperking is al opgeheven / already lifted")
        restriction.lifted_at, restriction.lifted_by = timezone.now(), _user(actor)
        restriction.save(update_fields=["lifted_at", "lifted_by"])
        append(Entry(action="restriction.lift", actor=actor, purpose=restriction.purpose,
                     subject=restriction.subject_id, detail={"restriction": str(restriction.pk)}))
    return restriction


def optout_set(actor: Any, *, subject: Subject, purpose: str = "", channel: str = "",
               at: datetime | None = None) -> OptOut:
    _known_purpose(actor, "optout.set", subject, purpose, blank_ok=True)
    if purpose and not current().purposes[purpose].service_information:
        raise refused(actor, "optout.set", "not_service_information",
                      "dit doel is geen dienstinformatie; maak bezwaar of trek toestemming in / not a "
                      "service-information purpose: object or withdraw consent instead", purpose=purpose,
                      subject=subject.pk)
    when = not_future(at, "at")
    with transaction.atomic():
        optout = OptOut.objects.create(subject=subject, purpose=purpose, channel=channel[:32], set_at=when,
                                       recorded_by=_user(actor))
        append(Entry(action="optout.set", actor=actor, purpose=purpose, subject=subject,
                     detail={"optout": str(optout.pk), "scope": purpose or "all", "channel": optout.channel}))
    return optout


def optout_reverse(actor: Any, optout: OptOut, *, channel: str = "") -> OptOut:
    """Only on the person's own word (S2-28): staff record it, the channel says how it came in."""
    with transaction.atomic():
        optout = OptOut.objects.select_for_update().get(pk=optout.pk)
        if optout.reversed_at is not None:
            raise Conflict("deze afmelding is al teruggedraaid / already reversed")
        optout.reversed_at, optout.reversed_by = timezone.now(), _user(actor)
        optout.save(update_fields=["reversed_at", "reversed_by"])
        append(Entry(action="optout.reverse", actor=actor, purpose=optout.purpose, subject=optout.subject_id,
                     detail={"optout": str(optout.pk), "channel": channel[:32]}))
    return optout
