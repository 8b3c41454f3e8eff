"""Who may post which event, and what an event must name: the policy's `events`, enforced at the front door.

- Only events the policy declares may be posted (`events:` in the policy); the platform's own
  (`consent_withdrawn`, recorded when a consent is withdrawn) and unknown names are 422.
- An organisation-wide event (one that adds dates to a calendar, such as an edition closing) names no
  subject or record, and only the roles in its `posted_by` may post it: it moves many clocks at once.
- Any other event is about one subject or record, and must name one (422 otherwise). It may be posted
  by a role that writes the purpose concerned (the record's purpose; for a subject, the purpose named
  in `attributes.purpose`, else one of the purposes whose clocks the event moves: the end of a service
  is one fact, and also starts the administration's clock), on need-to-know purposes only for an
  assigned subject, and,
  when the policy names `posted_by`, only by those roles. Anyone else is refused (403, audited).
`retention.events.event_record` does the recording; this module decides whether the actor may ask.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from waarborg.core.actors import Actor
from waarborg.core.errors import Invalid
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import PLATFORM_EVENTS, Policy
from waarborg.engine.retention.events import event_record
from waarborg.engine.retention.models import Event
from waarborg.engine.vault.authorisation import assigned, needs_assignment
from waarborg.engine.vault.models import Record, Subject


def postable(policy: Policy) -> list[str]:
    return sorted(name for name in policy.events if name not in PLATFORM_EVENTS)


def _check_shape(policy: Policy, name: str, subject: Subject | None, record: Record | None) -> None:
    if name not in policy.events or name in PLATFORM_EVENTS:
        known = ", ".join(postable(policy)) or "-"
        platform = (" Deze gebeurtenis legt het platform zelf vast. / The platform records this event itself."
                    if name in PLATFORM_EVENTS else "")
        raise Invalid({"name": [f"Onbekende gebeurtenis; het beleid kent: {known}. / Unknown event; the policy "
                                f"declares: {known}.{platform}"]})
    if policy.organisation_event(name):
        if subject is not None or record is not None:
            raise Invalid({"subject": ["Deze gebeurtenis geldt voor de hele organisatie en noemt geen betrokkene of "
                                       "gegeven. / This event is organisation-wide and names no subject or record."]})
        return
    if subject is None and record is None:
        raise Invalid({"subject": ["Noem de betrokkene of het gegeven waar deze gebeurtenis over gaat. / Name the "
                                   "subject or the record this event is about."]})
    if record is not None and record.purpose not in policy.event_purposes(name):
        raise Invalid({"record": [f"De bewaartermijn van dit gegeven hangt niet af van '{name}'. / This record's "
                                  f"retention does not depend on '{name}'."]})


def _check_actor(actor: Actor, policy: Policy, name: str, subject: Subject | None, record: Record | None,
                 attributes: dict[str, Any] | None) -> None:
    spec = policy.events[name]
    where: dict[str, Any] = {"subject": getattr(subject, "pk", None), "record": getattr(record, "pk", None)}
    if isinstance(actor, str):  # the platform's own jobs
        return
    if spec.posted_by and not set(policy.role_names(actor)) & set(spec.posted_by):
        named = ", ".join(spec.posted_by)
        raise refused(actor, "retention.event", "role_not_granted",
                      f"'{name}' mag alleen worden gemeld door: {named}. / Only these "
                      f"roles may report '{name}': {named}.", **where)
    if policy.organisation_event(name):
        if not spec.posted_by:  # the policy check demands posted_by; without it nobody may post
            raise refused(actor, "retention.event", "role_not_granted",
                          f"niemand mag '{name}' melden / nobody may report '{name}'")
        return
    narrowed = (attributes or {}).get("purpose")  # an event about one purpose moves only that purpose's clocks
    purposes = ([record.purpose] if record is not None else [narrowed] if narrowed
                else sorted(policy.event_purposes(name)))
    writes = [p for p in purposes if policy.grants(actor, "write", p)]
    if not writes:
        raise refused(actor, "retention.event", "role_not_granted",
                      f"uw rol legt geen gegevens vast voor het doel waar '{name}' over "
                      f"gaat ({', '.join(purposes) or '-'}). / Your roles write none of the purposes '{name}' "
                      f"concerns.", purpose=purposes[0] if len(purposes) == 1 else "", **where)
    who = subject if subject is not None else getattr(record, "subject_id", None)
    if who is not None and all(needs_assignment(policy, actor, "write", p) and not assigned(actor, who, p)
                               for p in writes):
        raise refused(actor, "retention.event", "not_assigned",
                      "Deze persoon is niet aan u of uw team toegewezen. / This subject "
                      "is not assigned to you or your team.", purpose=writes[0], **where)


def event_post(actor: Any, *, name: str, at: datetime, subject: Subject | None = None, record: Record | None = None,
               attributes: dict[str, Any] | None = None) -> tuple[Event, int]:
    """An event reported by staff (API, CLI, back office): checked against the policy, then recorded."""
    policy = active().policy
    if record is not None and subject is None and record.subject_id is not None:
        subject = record.subject  # an event on a record is also about its subject (its other clocks)
    _check_shape(policy, name, subject, record)
    _check_actor(actor, policy, name, subject, record, attributes)
    return event_record(actor, name=name, at=at, subject=subject, record=record, attributes=attributes)
