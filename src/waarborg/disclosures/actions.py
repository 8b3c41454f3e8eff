"""The disclosure action layer: decide whether data may go to a recipient, record it, audit it.

The checks run in the order a privacy officer would ask them: may this person disclose at all;
is the recipient in our register; is it visit statistics (never, S3-04); may the recipient receive
this purpose; under this reason (S1-19, S2-14, S4-10); under a current agreement (S1-20, S3-08,
S0-36); these categories; and, for consent, was it given before now (S3-07). The first "no" is
answered with 403 {"reason", "detail"} and a refused audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.api.errors import Invalid, Refused
from waarborg.api.times import TOO_FAR_AHEAD, too_far_ahead
from waarborg.audit.log import Entry, append
from waarborg.audit.refusals import refused
from waarborg.disclosures import consent_link
from waarborg.disclosures.models import Disclosure
from waarborg.policy.active import active
from waarborg.policy.schema import Action, DisclosureReason, Policy, Recipient
from waarborg.vault import gates
from waarborg.vault.models import Record, Subject

# Recipients that act on their own legal task need no agreement with us (they ask under the law).
NO_AGREEMENT_NEEDED = ("authority",)


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


def may_disclose(actor: Any, policy: Policy, purpose: str) -> bool:
    roles = [policy.roles[r] for r in (getattr(actor, "roles", None) or []) if r in policy.roles]
    return any(r.privacy_officer or Action.DISCLOSE in r.grants.get(purpose, ()) for r in roles)


def _refuse(actor: Any, req: Request, version: int, reason: str, detail: str) -> Refused:
    return refused(actor, "disclosure", reason, detail, purpose=req.purpose, subject=req.subject,
                   policy_version=version, detail={"recipient": req.recipient, "reason": req.reason})


def _agreement_problem(recipient: Recipient, on: date) -> str | None:
    agreement = recipient.agreement
    if agreement is None:
        if recipient.kind == "processor":
            return "Er is geen verwerkersovereenkomst vastgelegd. / No processor agreement is on file."
        if recipient.kind in NO_AGREEMENT_NEEDED:
            return None
        return "Er zijn geen afspraken met deze ontvanger vastgelegd. / No agreement with this recipient is on file."
    if recipient.kind == "processor" and agreement.kind != "processor_agreement":
        return "Voor een verwerker is een verwerkersovereenkomst nodig. / A processor needs a processor agreement."
    if agreement.valid_from and on < agreement.valid_from:
        return f"De overeenkomst {agreement.reference} geldt pas vanaf {agreement.valid_from}. / Not yet in force."
    if agreement.valid_until and on > agreement.valid_until:
        return f"De overeenkomst {agreement.reference} is verlopen op {agreement.valid_until}. / It has expired."
    return None


def _records(req: Request, policy: Policy) -> list[Record]:
    rows = Record.objects.filter(subject=req.subject, purpose=req.purpose, anonymised_at__isnull=True)
    if req.records:
        rows = rows.filter(pk__in=req.records)
        found = {str(pk) for pk in rows.values_list("pk", flat=True)}
        missing = [str(r) for r in req.records if str(r) not in found]
        if missing:
            raise Invalid({"records": [f"Geen gegevens van deze persoon voor dit doel / not this subject's record "
                                       f"for this purpose: {m}" for m in missing]})
    return list(rows.order_by("collected_at"))


def _what(records: list[Record], policy: Policy, only: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The categories and fields that go out: every field of the records' types, or only those asked."""
    categories: set[str] = set()
    fields: set[str] = set()
    for record in records:
        for name, spec in policy.record_types[record.type].fields.items():
            if only and spec.category not in only:
                continue
            categories.add(spec.category)
            fields.add(f"{record.type}.{name}")
    return sorted(categories), sorted(fields)


def _validate(req: Request, policy: Policy, at: datetime, now: datetime) -> None:
    """Malformed requests (422) before any rule is asked."""
    if too_far_ahead(at, now):
        raise Invalid({"at": [TOO_FAR_AHEAD]})
    if req.purpose not in policy.purposes:
        raise Invalid({"purpose": [f"Onbekend doel / unknown purpose: {req.purpose}"]})
    if req.reason not in DisclosureReason.__members__.values():
        raise Invalid({"reason": [f"Kies uit / choose from: {', '.join(r.value for r in DisclosureReason)}"]})
    unknown = [c for c in req.categories if c not in policy.categories]
    if unknown:
        raise Invalid({"categories": [f"Onbekende categorie / unknown category: {c}" for c in unknown]})


def _recipient_rules(actor: Any, req: Request, policy: Policy, at: datetime) -> tuple[str, str] | None:
    """The rules about who discloses to whom, for what and why: (reason, detail) of the first "no"."""
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
    if req.reason not in recipient.reasons:
        allowed = ", ".join(recipient.reasons) or "-"
        return "reason_not_allowed", (f"Verstrekken aan deze ontvanger kan alleen op grond van: {allowed}. / "
                                      f"Allowed reasons for this recipient: {allowed}.")
    problem = _agreement_problem(recipient, timezone.localtime(at).date())
    return ("no_agreement", problem) if problem else None


def _data_rules(req: Request, policy: Policy, recipient: Recipient, records: list[Record],
                categories: list[str]) -> tuple[str, str] | None:
    beyond = [c for c in categories if c not in recipient.categories]
    if beyond:
        return "recipient_not_allowed", (f"Deze ontvanger mag deze gegevens niet krijgen: {', '.join(beyond)}. / "
                                         f"This recipient may not receive: {', '.join(beyond)}.")
    if any(policy.purposes[r.purpose].statistics for r in records):
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
    records = _records(req, policy)
    if not records:
        raise Invalid({"records": ["Er zijn geen gegevens voor dit doel om te verstrekken. / Nothing to disclose."]})
    categories, fields = _what(records, policy, req.categories)
    refusal = _data_rules(req, policy, recipient, records, categories)
    consent_ref = ""
    if refusal is None and req.reason == DisclosureReason.CONSENT:
        consent_ref = consent_link.consent_given_before(req.subject, req.purpose, at) or ""
        if not consent_ref:
            refusal = ("no_active_consent", "Er is geen toestemming gegeven vóór deze verstrekking. / "
                                            "No consent was given before this disclosure.")
    if refusal is None:
        gate = _other_gates(actor, req, policy, at)
        refusal = (gate.reason, gate.detail) if gate else None
    if refusal:
        raise _refuse(actor, req, current.number, *refusal)
    with transaction.atomic():
        disclosure = Disclosure.objects.create(
            subject=req.subject, recipient=req.recipient, recipient_label=recipient.label.nl, purpose=req.purpose,
            reason=req.reason, at=at, records=[str(r.pk) for r in records], categories=categories, fields=fields,
            agreement=recipient.agreement.reference if recipient.agreement else "", authority=req.authority,
            legal_ground=req.legal_ground, consent_ref=consent_ref,
            actor=actor if getattr(actor, "pk", None) else None, policy_version=current.number)
        append(Entry(action="disclosure.create", actor=actor, purpose=req.purpose, subject=req.subject,
                     policy_version=current.number, detail=log_detail(disclosure)))
    return disclosure


def _other_gates(actor: Any, req: Request, policy: Policy, at: datetime) -> gates.Refusal | None:
    """Every other access gate (restriction, objection, confidentiality...) still applies.

    Who may disclose is decided above (`disclose` grant or privacy officer), so a role refusal
    from the generic gates is not ours to follow here.
    """
    ctx = gates.AccessContext(actor=actor, action=Action.DISCLOSE, purpose=req.purpose, policy=policy,
                              subject=req.subject, at=at)
    refusal = gates.run(ctx)
    return None if refusal is None or refusal.reason == "role_not_granted" else refusal


def log_detail(disclosure: Disclosure) -> dict[str, Any]:
    """What the audit entry says about a disclosure: the same facts the overview shows."""
    return {"disclosure": str(disclosure.pk), "recipient": disclosure.recipient, "reason": disclosure.reason,
            "at": disclosure.at.isoformat(), "purpose": disclosure.purpose,
            "categories": list(disclosure.categories), "fields": list(disclosure.fields),
            "records": list(disclosure.records)}


def disclosures_of(subject: Subject) -> list[Disclosure]:
    return list(Disclosure.objects.filter(subject=subject).order_by("at", "id"))
