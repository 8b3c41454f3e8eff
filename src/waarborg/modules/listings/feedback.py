"""The feedback form (S1-08..S1-10) and what its e-mail address may be used for (S1-09).

A submission is a comment, the page it came from, and optionally an e-mail address. Each one becomes
a subject of its own with a consent for the feedback purpose (`modules.listings.purposes.feedback`) (submitting the form is the consent:
the statement's basis), a `feedback_ticket` record in the vault and a `Ticket` for customer service,
in one transaction.

Minors (S1-15): the purpose says `minors_need_parent`. A visitor who declares to be under its
`minor_age` must bring a parent's or guardian's consent, named in the form; without it nothing is
stored and the refusal is audited.

The address serves two kinds of message only: what was done with the comment, and a request for
more information. Any other kind is refused with a reason and an audit entry.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from waarborg.core.errors import Conflict, Invalid
from waarborg.core.language import joined
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent import state
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.policy.active import current
from waarborg.engine.records.actions import record_create, record_read, subject_create
from waarborg.engine.vault.access import check, refuse
from waarborg.engine.vault.gates import Refusal
from waarborg.modules.listings.actions import TICKET_TYPE, purpose_for, require_types
from waarborg.modules.listings.models import Listing, Ticket, TicketMessage

ACTOR = "system:feedback_form"
# S1-09: the only messages the feedback address may receive.
MESSAGE_KINDS = {  # each kind's words are the subject of its mail
    "feedback_outcome": gettext_lazy("Wat wij met uw opmerking hebben gedaan"),
    "additional_information": gettext_lazy("Wij hebben meer informatie nodig"),
}


def feedback_submit(*, comment: str, page: str = "", email: str = "", listing: Listing | None = None,
                    under_age: bool = False, guardian: dict[str, Any] | None = None) -> Ticket:
    policy = current()
    require_types(policy, TICKET_TYPE)
    feedback = purpose_for("feedback", policy)
    purpose = policy.purposes[feedback]
    signatories: list[dict[str, Any]] = [{"role": "self", "name": ""}]
    if under_age and purpose.minors_need_parent:
        if not guardian or guardian.get("role") not in state.GUARDIANS:
            refuse(ACTOR, "write", feedback, Refusal(
                "no_active_consent", f"Je bent jonger dan {purpose.minor_age} jaar: wij bewaren je reactie alleen met "
                                     "toestemming van je ouder of voogd. (Under "
                                     f"{purpose.minor_age}: we only keep your comment with a parent's or "
                                     "guardian's consent.)"), record_type=TICKET_TYPE)
        signatories.append({"role": guardian["role"], "name": str(guardian.get("name") or "")})
    data = {"comment": comment, "page": page or None, "email": email or None}
    data = {k: v for k, v in data.items() if v is not None}
    with transaction.atomic():
        subject = subject_create(ACTOR)
        consent_give(ACTOR, subject=subject, purpose=feedback, channel="website", signatories=signatories)
        record = record_create(ACTOR, subject=subject, type=TICKET_TYPE, data=data, purpose=feedback,
                               source_kind="website_form", channel="website")
        ticket = Ticket.objects.create(subject=subject, record=record, listing=listing, page=page[:500],
                                       created_at=timezone.now())
        append(Entry(action="ticket.create", actor=ACTOR, purpose=feedback, subject=subject, record=record,
                     detail={"ticket": str(ticket.pk), "with_email": bool(email),
                             "listing": str(listing.pk) if listing else None,
                             "guardian_consent": len(signatories) > 1}))
    return ticket


def feedback_message(actor: Any, ticket: Ticket, *, kind: str, text: str) -> TicketMessage:
    """Mail the person who left feedback; only the two kinds the statement names (S1-09)."""
    feedback = purpose_for("feedback")
    check(actor, "write", feedback, subject=ticket.subject)
    if kind not in MESSAGE_KINDS:
        refuse(actor, "message", feedback, Refusal(
            "purpose_mismatch", "Het e-mailadres bij een reactie gebruiken wij alleen om te laten weten wat er met de "
                                "opmerking is gedaan of om aanvullende informatie te vragen, niet voor "
                                f"'{kind[:40]}'. (The feedback address is only used for "
                                f"{' and '.join(MESSAGE_KINDS)}.)"), subject=ticket.subject)
    if not text.strip():
        raise Invalid({"text": ["Schrijf een bericht. (Write a message.)"]})
    if ticket.record is None:
        raise Conflict("De reactie is niet meer bewaard. (The feedback no longer exists.)")
    with transaction.atomic():
        address = record_read(actor, ticket.record, feedback).get("email")
        if not address:
            raise Conflict("Deze reactie kwam zonder e-mailadres. (This feedback came without an e-mail address.)")
        subject = joined(lambda: str(MESSAGE_KINDS[kind]), current().languages)
        message = TicketMessage.objects.create(ticket=ticket, kind=kind, at=timezone.now(),
                                               by=actor if getattr(actor, "pk", None) else None)
        if kind == "feedback_outcome":
            ticket.status = Ticket.Status.ANSWERED
            ticket.save(update_fields=["status"])
        append(Entry(action="ticket.message", actor=actor, purpose=feedback, subject=ticket.subject,
                     record=ticket.record, detail={"ticket": str(ticket.pk), "kind": kind}))
        send_mail(subject, text.strip(), None, [address])
    return message
