"""The consent register's action layer: give, verify, withdraw, refuse. The only writer of `Consent`.

Each function validates, writes and appends its audit entry in one transaction. The audit entry
names the purpose and the subject's pseudonym, never the signatories' names (those are sealed on
the consent row with the subject's key).
"""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid, Refused
from waarborg.core.times import not_future
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.consent import state
from waarborg.engine.consent.models import Consent, Notice
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.active import active
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Subject

# `representative`: a legal representative (curator, mentor, bewindvoerder) who signs for the subject.
SIGNATORY_ROLES = ("self", "parent", "guardian", "representative")
SCOPES = ("general", "special")
# How a consent was checked: the signed document itself (a paper form, the portal, a signed scan), or the signer.
VERIFICATION_METHODS = ("paper_form", "portal", "signed_scan", "in_person", "id_document", "phone_callback", "digid",
                        "email_confirmation", "other")


def unknown_purpose(actor: Any, action: str, purpose: str, subject: Any = None) -> Refused:
    """A purpose the active policy does not name: a refusal (as the vault's gates answer it), not bad input."""
    return refused(actor, action, "unknown_purpose", f"het doel {purpose[:64]!r} staat niet in het actieve "
                   "privacybeleid / this purpose is not in the active policy", purpose=purpose[:64],
                   subject=getattr(subject, "pk", subject))


def _signatories(raw: Any) -> list[dict[str, str]]:
    if raw in (None, []):
        return [{"role": "self", "name": ""}]
    if not isinstance(raw, list):
        raise Invalid({"signatories": ["een lijst van {role, name} / a list of {role, name}"]})
    out = []
    for i, item in enumerate(raw):
        role = item.get("role") if isinstance(item, dict) else None
        name = str(item.get("name") or "").strip() if isinstance(item, dict) else ""
        if role not in SIGNATORY_ROLES:
            raise Invalid({f"signatories.{i}.role": [f"een van {', '.join(SIGNATORY_ROLES)}"]})
        if role != "self" and not name:
            raise Invalid({f"signatories.{i}.name": ["naam van ouder, voogd of vertegenwoordiger is verplicht / "
                                                     "name required"]})
        out.append({"role": role, "name": name[:200]})
    return out


def _evidence(raw: Any) -> tuple[str, list[str], str]:
    if raw in (None, ""):
        return "", ["general"], ""
    if isinstance(raw, str):
        raw = {"document": raw}
    if not isinstance(raw, dict):
        raise Invalid({"evidence": ["{document, scope, text_version}"]})
    scope = raw.get("scope") or ["general"]
    if isinstance(scope, str):
        scope = [scope]
    if not isinstance(scope, list) or any(s not in SCOPES for s in scope):
        raise Invalid({"evidence.scope": [f"een lijst uit {', '.join(SCOPES)}"]})
    document = str(raw.get("document") or "").strip()[:200]
    if "special" in scope and not document:
        # S2-05: special data only on a signed toestemmingsverklaring; name the signed document.
        raise Invalid({"evidence.document": ["toestemming voor bijzondere gegevens vraagt een ondertekende "
                                             "verklaring / a signed statement is required for special data"]})
    return document, sorted(set(scope)), str(raw.get("text_version") or "").strip()[:64]


def signatories_of(consent: Consent) -> list[dict[str, str]]:
    """Who signed; after the subject was erased (key shredded) only the roles remain."""
    try:
        opened = keys.open_sealed(consent.subject_id, bytes(consent.sealed) if consent.sealed else None,
                                  f"consent:{consent.pk}")
    except KeyDestroyed:
        opened = {}
    return list(opened.get("signatories", [{"role": r, "name": ""} for r in consent.signatory_roles]))


def _new_consent(actor: Any, subject: Subject, purpose: str, at: datetime, channel: str, action: str) -> Consent:
    current = active()
    if purpose not in current.policy.purposes:
        raise unknown_purpose(actor, action, purpose, subject)
    return Consent(subject=subject, purpose=purpose, given_at=at, channel=channel[:32],
                   policy_version=current.number, statement_version=current.policy.statement.version,
                   recorded_by=actor if getattr(actor, "pk", None) else None, recorded_at=timezone.now())


def consent_give(actor: Any, *, subject: Subject, purpose: str, given_at: datetime | None = None,
                 channel: str = "", signatories: Any = None, evidence: Any = None) -> Consent:
    """Register a consent for exactly one purpose. A minor's consent waits for verification."""
    at = not_future(given_at, "given_at")
    people = _signatories(signatories)
    document, scope, text_version = _evidence(evidence)
    consent = _new_consent(actor, subject, purpose, at, channel, "consent.give")
    roles = [p["role"] for p in people]
    minor = state.is_minor(subject, active().policy.purposes[purpose], at)
    if minor and not set(roles) & set(state.GUARDIANS):
        # The policy (minors_need_parent) says no: a refusal, on record (S1-15, S2-07).
        raise refused(actor, "consent.give", "parental_consent_required",
                      "betrokkene is minderjarig: ouder of voogd moet (mede) ondertekenen / a minor's consent needs "
                      "a parent or guardian signature", purpose=purpose, subject=subject.pk)
    check = active().policy.purposes[purpose].consent_check
    checked = check is not None and bool(set(roles) & set(check.signatories))
    consent.status = Consent.Status.PENDING if minor or checked else Consent.Status.ACTIVE
    consent.evidence_document, consent.evidence_scope, consent.text_version = document, scope, text_version
    consent.signatory_roles = roles
    with transaction.atomic():
        Subject.objects.select_for_update().filter(pk=subject.pk).first()  # one consent at a time per subject
        _refuse_twice(subject, purpose, people)
        consent.sealed = keys.seal(subject, {"signatories": people}, f"consent:{consent.pk}")
        consent.save(force_insert=True)
        append(Entry(action="consent.give", actor=actor, purpose=purpose, subject=subject, at=consent.recorded_at,
                     policy_version=consent.policy_version,
                     detail={"consent": str(consent.pk), "status": consent.status, "given_at": at.isoformat(),
                             "channel": consent.channel, "scope": scope, "signatory_roles": roles,
                             "statement_version": consent.statement_version}))
    return consent


def _signed_by(people: list[dict[str, str]]) -> set[tuple[str, str]]:
    """Who signs, comparable: the subject themselves by role, a parent or guardian by name as well."""
    return {(p["role"], "" if p["role"] == "self" else " ".join(p["name"].split()).casefold()) for p in people}


def _refuse_twice(subject: Subject, purpose: str, people: list[dict[str, str]]) -> None:
    """A second active (or pending) consent of the same signatories for the same purpose is a conflict:
    409 with the id of the one there is. Another signatory (the second parent) may sign next to it."""
    signed = _signed_by(people)
    for consent in Consent.objects.filter(subject=subject, purpose=purpose,
                                          status__in=(Consent.Status.ACTIVE, Consent.Status.PENDING)):
        if _signed_by(signatories_of(consent)) == signed:
            raise Conflict("er is al een toestemming van deze ondertekenaar(s) voor dit doel / this consent is "
                           "already registered", id=str(consent.pk))


def consent_verify(actor: Any, consent: Consent, *, method: str, at: datetime | None = None) -> Consent:
    """Staff record how a pending consent was checked (S2-08); it becomes active. Where the purpose's
    `consent_check` asks it, only with one of its methods and by someone other than who recorded it."""
    purpose = active().policy.purposes.get(consent.purpose)
    check = purpose.consent_check if purpose is not None else None
    methods = tuple(check.methods) if check is not None and check.methods else VERIFICATION_METHODS
    if method not in methods:
        raise Invalid({"method": [f"een van {', '.join(methods)}"]})
    if (check is not None and check.second_person and consent.recorded_by_id is not None
            and consent.recorded_by_id == getattr(actor, "pk", None)):
        raise refused(actor, "consent.verify", "separation_of_duties",
                      "u heeft deze toestemming zelf vastgelegd; een collega controleert haar / you recorded this "
                      "consent yourself; a colleague checks it", purpose=consent.purpose, subject=consent.subject_id,
                      detail={"consent": str(consent.pk)})
    when = not_future(at, "at")
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if consent.status != Consent.Status.PENDING:
            raise Conflict(f"deze toestemming wacht niet op verificatie (status {consent.status})")
        consent.status = Consent.Status.ACTIVE
        consent.verified_by = actor if getattr(actor, "pk", None) else None
        consent.verified_at, consent.verification_method = when, method
        consent.save(update_fields=["status", "verified_by", "verified_at", "verification_method"])
        append(Entry(action="consent.verify", actor=actor, purpose=consent.purpose, subject=consent.subject_id,
                     detail={"consent": str(consent.pk), "method": method, "verified_at": when.isoformat()}))
    return consent


def consent_withdraw(actor: Any, consent: Consent, *, at: datetime | None = None, channel: str = "") -> Consent:
    """Withdrawal takes effect at once and is kept as proof; the retention engine hears of it."""
    when = not_future(at, "at")
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if consent.status == Consent.Status.WITHDRAWN:
            return consent  # withdrawing twice changes nothing
        if consent.status == Consent.Status.REFUSED:
            raise Conflict("een weigering kan niet worden ingetrokken / a refusal cannot be withdrawn")
        consent.status = Consent.Status.WITHDRAWN
        consent.withdrawn_at = max(when, consent.given_at)
        consent.withdrawn_by = actor if getattr(actor, "pk", None) else None
        consent.withdrawal_channel = channel[:32]
        consent.save(update_fields=["status", "withdrawn_at", "withdrawn_by", "withdrawal_channel"])
        append(Entry(action="consent.withdraw", actor=actor, purpose=consent.purpose, subject=consent.subject_id,
                     detail={"consent": str(consent.pk), "withdrawn_at": consent.withdrawn_at.isoformat(),
                             "channel": consent.withdrawal_channel}))
        _retention_event(actor, consent)
    return consent


def consent_refuse(actor: Any, *, subject: Subject, purpose: str, consequences: str = "",
                   at: datetime | None = None, channel: str = "") -> Consent:
    """The person would not give data or consent: record it with the consequences they were told (S2-09)."""
    when = not_future(at, "at")
    consent = _new_consent(actor, subject, purpose, when, channel, "consent.refuse")
    requirement = active().policy.purposes[purpose].requirement
    told = consequences.strip() or (requirement.get("nl") if requirement else "")
    if not told:
        raise Invalid({"consequences": ["vermeld welke gevolgen de weigering heeft / state the consequences told"]})
    consent.status, consent.consequences = Consent.Status.REFUSED, told
    with transaction.atomic():
        consent.save(force_insert=True)
        Notice.objects.create(subject=subject, purpose=purpose, kind=Notice.Kind.REFUSAL, consent=consent,
                              content=told, created_at=consent.recorded_at, due_at=when, sent_at=when,
                              channel=consent.channel, sent_by=consent.recorded_by)
        append(Entry(action="consent.refuse", actor=actor, purpose=purpose, subject=subject,
                     detail={"consent": str(consent.pk), "at": when.isoformat(), "channel": consent.channel,
                             "consequences_told": True}))
    return consent


def _retention_event(actor: Any, consent: Consent) -> bool:
    """Tell the retention engine `consent_withdrawn` happened (e.g. the newsletter address goes).

    Retention is a separate capability; when it offers `event_record` we call it inside this
    transaction, so the withdrawal and the event commit together. Without it nothing is recorded.
    """
    for name in ("waarborg.engine.retention.actions", "waarborg.engine.retention.events"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        event_record = getattr(module, "event_record", None)
        if event_record is not None:
            event_record(actor, name="consent_withdrawn", at=consent.withdrawn_at, subject=consent.subject,
                         attributes={"purpose": consent.purpose, "consent": str(consent.pk)})
            return True
    return False
