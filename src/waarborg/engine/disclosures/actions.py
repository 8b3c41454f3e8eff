"""The disclosure action layer: decide whether data may go to a recipient, record it, audit it.

The checks run in the order a privacy officer would ask them: is the purpose ours; may this person
disclose at all; is the recipient in our register; is it visit statistics (never, S3-04); may the
recipient receive this purpose; under this reason (S1-19, S2-14, S4-10); under a current agreement
(S1-20, S3-08, S0-36); these categories; criminal data only with the recipient's art. 10 ground; for consent, was it given before now (S3-07); and every
other gate (restriction, objection, need-to-know, special categories). The first "no" is answered
with 403 {"reason", "detail"} and a refused audit entry; 422 is only for malformed input.

A disclosure is judged on what it hands over: the fields each record really holds (opened inside the
vault, not a read of content), narrowed to the categories asked. The disclosure row, its audit entry
and the per-subject overview name exactly those fields and records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.actors import Actor
from waarborg.core.errors import Invalid, Refused
from waarborg.core.times import TOO_FAR_AHEAD, too_far_ahead
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.disclosures import consent_link
from waarborg.engine.disclosures.models import Disclosure
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Action, DisclosureReason, Policy, Recipient
from waarborg.engine.records.actions import fields_present
from waarborg.engine.vault import gates
from waarborg.engine.vault.authorisation import role_grants
from waarborg.engine.vault.models import Record, Subject


@dataclass(frozen=True)
class Request:
    subject: Subject
    recipient: str
    purpose: str
    reason: str
    records: tuple[Any, ...] = ()
    categories: tuple[str, ...] = ()  # narrow the disclosure to these categories
    at: datetime | None = None
    authority: str = ""  # the requesting authority (authority_request)
    legal_ground: str = ""  # the law or task it rests on


def may_disclose(actor: Actor, policy: Policy, purpose: str) -> bool:
    """Only a role the policy grants `disclose` on the purpose. Being the privacy officer opens nothing by
    itself: a policy whose privacy officer hands data over says so in that role's grants."""
    return policy.grants(actor, Action.DISCLOSE, purpose)


def _refuse(actor: Any, req: Request, version: int, reason: str, detail: str) -> Refused:
    return refused(actor, "disclosure", reason, detail, purpose=req.purpose, subject=req.subject,
                   policy_version=version, detail={"recipient": req.recipient[:64], "reason": req.reason[:32]})


def _agreement_problem(recipient: Recipient, on: date) -> str | None:
    agreement = recipient.agreement
    if agreement is None:
        if recipient.kind == "processor":
            return "Er is geen verwerkersovereenkomst vastgelegd. / No processor agreement is on file."
        if not recipient.needs_agreement:  # the same test `policy check` makes
            return None
        return "Er zijn geen afspraken met deze ontvanger vastgelegd. / No agreement with this recipient is on file."
    if recipient.kind == "processor" and agreement.kind != "processor_agreement":
        return "Voor een verwerker is een verwerkersovereenkomst nodig. / A processor needs a processor agreement."
    if agreement.valid_from and on < agreement.valid_from:
        return f"De overeenkomst {agreement.reference} geldt pas vanaf {agreement.valid_from}. / Not yet in force."
    if agreement.valid_until and on > agreement.valid_until:
        return f"De overeenkomst {agreement.reference} is verlopen op {agreement.valid_until}. / It has expired."
    return None


def _records(actor: Any, req: Request, version: int) -> list[Record]:
    """The subject's records of the purpose (or the ones named). Naming a record that is not this
    subject's is malformed (422); naming one of theirs collected for another purpose is refused."""
    rows = Record.objects.filter(subject=req.subject, anonymised_at__isnull=True)
    if req.records:
        named = {str(r.pk): r for r in rows.filter(pk__in=req.records)}
        missing = [str(r) for r in req.records if str(r) not in named]
        if missing:
            raise Invalid({"records": [f"Geen gegevens van deze persoon / not this subject's record: {m}"
                                       for m in missing]})
        if any(r.purpose != req.purpose for r in named.values()):
            raise _refuse(actor, req, version, "purpose_mismatch",
                          "Deze gegevens zijn voor een ander doel verzameld. / Collected for another purpose.")
        rows = rows.filter(pk__in=list(named))
    return list(rows.filter(purpose=req.purpose).order_by("collected_at"))


@dataclass(frozen=True)
class Outgoing:
    """What a disclosure actually hands over: per record, the fields it holds, narrowed to the categories asked."""

    fields: dict[Record, tuple[str, ...]]

    @property
    def records(self) -> list[Record]:
        return list(self.fields)

    def categories(self, policy: Policy) -> list[str]:
        return sorted({policy.record_types[r.type].fields[f].category for r, names in self.fields.items()
                       for f in names})

    def dotted(self) -> list[str]:
        return sorted({f"{r.type}.{f}" for r, names in self.fields.items() for f in names})


def _what(records: list[Record], policy: Policy, only: tuple[str, ...]) -> Outgoing:
    """The fields that go out: those each record really holds (not every field its type declares), of the
    categories asked. Records with nothing left to give stay home."""
    out: dict[Record, tuple[str, ...]] = {}
    for record in records:
        declared = policy.record_types[record.type].fields if record.type in policy.record_types else {}
        names = tuple(f for f in fields_present(record)
                      if f in declared and (not only or declared[f].category in only))
        if names:
            out[record] = names
    return Outgoing(out)


def _validate(req: Request, policy: Policy, at: datetime, now: datetime) -> None:
    """Malformed requests (422) before any rule is asked."""
    if too_far_ahead(at, now):
        raise Invalid({"at": [TOO_FAR_AHEAD]})
    unknown = [c for c in req.categories if c not in policy.categories]
    if unknown:
        raise Invalid({"categories": [f"Onbekende categorie / unknown category: {c}" for c in unknown]})


def _recipient_rules(actor: Any, req: Request, policy: Policy, at: datetime) -> tuple[str, str] | None:
    """The rules about who discloses to whom, for what and why: (reason, detail) of the first "no"."""
    if req.purpose not in policy.purposes:
        return "unknown_purpose", ("Dit doel staat niet in het actieve privacybeleid. / "
                                   "This purpose is not in the active policy.")
    if not may_disclose(actor, policy, req.purpose):
        return "role_not_granted", ("Uw rol mag gegevens voor dit doel niet verstrekken. / "
                                    "Your role may not disclose data for this purpose.")
    recipient = policy.recipients.get(req.recipient)
    if recipient is None:
        return "unknown_recipient", ("Deze ontvanger staat niet in het ontvangersregister. / "
                                     "This recipient is not in the recipient register.")
    if policy.purposes[req.purpose].statistics:
        return "statistics_never_disclosed", ("Bezoek- en statistiekgegevens worden nooit aan derden verstrekt. / "
                                              "Visit and statistics data are never disclosed.")
    if req.purpose not in recipient.purposes:
        return "recipient_not_allowed", ("Deze ontvanger krijgt geen gegevens voor dit doel. / "
                                         "This recipient receives no data for this purpose.")
    if req.reason not in recipient.reasons:  # a reason outside the known ones is not allowed either
        allowed = ", ".join(recipient.reasons) or "-"
        return "reason_not_allowed", (f"Verstrekken aan deze ontvanger kan alleen op grond van: {allowed}. / "
                                      f"Allowed reasons for this recipient: {allowed}.")
    problem = _agreement_problem(recipient, timezone.localtime(at).date())
    return ("no_agreement", problem) if problem else None


def _data_rules(req: Request, policy: Policy, recipient: Recipient, outgoing: Outgoing) -> tuple[str, str] | None:
    beyond = [c for c in outgoing.categories(policy) if c not in recipient.categories]
    if beyond:
        return "recipient_not_allowed", (f"Deze ontvanger mag deze gegevens niet krijgen: {', '.join(beyond)}. / "
                                         f"This recipient may not receive: {', '.join(beyond)}.")
    criminal = [c for c in outgoing.categories(policy) if policy.categories[c].criminal]
    if criminal and not recipient.art10_ground:  # art. 10 AVG: never without a ground of the recipient's own
        return "criminal_data_no_ground", (
            f"Strafrechtelijke gegevens ({', '.join(criminal)}) gaan alleen naar een ontvanger met een wettelijke "
            "grond (art. 10 AVG). / Criminal data goes only to a recipient with a legal ground (art. 10 GDPR).")
    if any(policy.purposes[r.purpose].statistics for r in outgoing.records):
        return "statistics_never_disclosed", ("Bezoekgegevens worden nooit aan derden verstrekt. / "
                                              "Visit data are never disclosed.")
    return None


def disclosure_create(actor: Any, req: Request) -> Disclosure:
    current = active()
    policy = current.policy
    now = timezone.now()
    at = req.at or now
    _validate(req, policy, at, now)
    refusal = _recipient_rules(actor, req, policy, at)
    if refusal:
        raise _refuse(actor, req, current.number, *refusal)
    recipient = policy.recipients[req.recipient]
    if req.reason == DisclosureReason.AUTHORITY_REQUEST:
        missing = {name: ["Verplicht bij een vordering van een instantie. / Required for an authority request."]
                   for name in ("authority", "legal_ground") if not getattr(req, name).strip()}
        if missing:
            raise Invalid(missing)
    outgoing = _what(_records(actor, req, current.number), policy, req.categories)
    if not outgoing.fields:
        raise Invalid({"records": ["Er zijn geen gegevens (van deze categorieën) om te verstrekken. / "
                                   "Nothing (of these categories) to disclose."]})
    refusal = _data_rules(req, policy, recipient, outgoing)
    consent_ref = ""
    if refusal is None and req.reason == DisclosureReason.CONSENT:
        consent_ref = consent_link.consent_given_before(req.subject, req.purpose, at) or ""
        if not consent_ref:
            refusal = ("no_active_consent", "Er is geen toestemming gegeven vóór deze verstrekking. / "
                                            "No consent was given before this disclosure.")
    if refusal is None:
        gate = _other_gates(actor, req, policy, at, outgoing)
        refusal = (gate.reason, gate.detail) if gate else None
    if refusal:
        raise _refuse(actor, req, current.number, *refusal)
    with transaction.atomic():
        disclosure = Disclosure.objects.create(
            subject=req.subject, recipient=req.recipient, recipient_label=recipient.label.nl, purpose=req.purpose,
            reason=req.reason, at=at, records=[str(r.pk) for r in outgoing.records],
            categories=outgoing.categories(policy), fields=outgoing.dotted(),
            agreement=recipient.agreement.reference if recipient.agreement else "", authority=req.authority,
            legal_ground=req.legal_ground, consent_ref=consent_ref,
            actor=actor if getattr(actor, "pk", None) else None, policy_version=current.number)
        append(Entry(action="disclosure.create", actor=actor, purpose=req.purpose, subject=req.subject,
                     policy_version=current.number, detail=log_detail(disclosure)))
    return disclosure


def _other_gates(actor: Any, req: Request, policy: Policy, at: datetime, outgoing: Outgoing) -> gates.Refusal | None:
    """Every other access gate (restriction, objection, need-to-know, special categories...) still applies,
    asked per record about the fields that go out.

    Who may disclose is decided above (the `disclose` grant), so the generic role gate, which asks the
    same, is left out; the gates after it (restriction above all) are not.
    """
    for record, names in outgoing.fields.items():
        ctx = gates.AccessContext(actor=actor, action=Action.DISCLOSE, purpose=req.purpose, policy=policy,
                                  subject=req.subject, record=record, record_type=record.type,
                                  fields=dict.fromkeys(names), at=at)
        refusal = gates.run(ctx, skip=(role_grants,))
        if refusal is not None:
            return refusal
    return None


def log_detail(disclosure: Disclosure) -> dict[str, Any]:
    """What the audit entry says about a disclosure: the same facts the overview shows."""
    return {"disclosure": str(disclosure.pk), "recipient": disclosure.recipient, "reason": disclosure.reason,
            "at": disclosure.at.isoformat(), "purpose": disclosure.purpose,
            "categories": list(disclosure.categories), "fields": list(disclosure.fields),
            "records": list(disclosure.records)}


def disclosures_of(subject: Subject) -> list[Disclosure]:
    return list(Disclosure.objects.filter(subject=subject).order_by("at", "id"))


def _may_see(actor: Any, subject: Subject) -> bool:
    if getattr(actor, "subject_id", None) == subject.pk:
        return True
    policy = active().policy
    return policy.manages(actor, "requests") or any(r.privacy_officer or r.dpo for r in policy.roles_of(actor))


def disclosures_read(actor: Any, subject: Subject) -> list[Disclosure]:
    """To whom the subject's data was disclosed (S2-15), for the person themselves or the privacy officer
    (FG, `manages: requests`); the look is on record (`disclosure.list`), a refusal too."""
    if not _may_see(actor, subject):
        raise refused(actor, "disclosure.list", "role_not_granted", "Alleen de privacyfunctionaris of de betrokkene "
                      "zelf. / Only the privacy officer or the person themselves.", subject=subject)
    rows = disclosures_of(subject)
    with transaction.atomic():
        append(Entry(action="disclosure.list", actor=actor, subject=subject, detail={"count": len(rows)}))
    return rows
