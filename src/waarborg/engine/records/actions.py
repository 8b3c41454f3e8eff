"""The vault's action layer: the only writer of subjects and records.

Each function checks access (the gates, `access.check`), validates, writes and appends the audit
entry in one transaction. What a new record sets going elsewhere (clocks restarted, a notice due, a
citizen account) `record_create` calls by name, in the same transaction: no signal receiver does it. Views, the API, jobs and the CLI all call these; none writes the models
directly. Reads are audited as well (S0-24): every record shown to someone leaves an entry; other
capabilities read through `vault.reads`, the one door that opens sealed data.
The access check runs before validation, so a caller without access learns nothing from errors.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append, append_many
from waarborg.engine.caseloads.actions import intake
from waarborg.engine.citizens.accounts import account_for_new_record
from waarborg.engine.consent.notices import notices_for_new_record
from waarborg.engine.keyring.crypto import KeyDestroyed, keyed_hash
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy, stored_encrypted
from waarborg.engine.retention.clock import counts_from_fields, expiry_for
from waarborg.engine.retention.restart import restart_siblings
from waarborg.engine.vault import keys
from waarborg.engine.vault.access import check, refuse
from waarborg.engine.vault.authorisation import confidentiality, group_refusal, staff_only
from waarborg.engine.vault.gates import AccessContext, Refusal
from waarborg.engine.vault.lookup import known_twin
from waarborg.engine.vault.models import Record, Subject
from waarborg.engine.vault.reads import _record_data, read_record
from waarborg.engine.vault.validation import check_bsn, check_moment, check_provenance, clean_data


def subject_create(actor: Any, *, birth_date: date | None = None, bsn: str | None = None,
                   external_id: str | None = None, at: datetime | None = None, purpose: str = "",
                   group: str = "") -> Subject:
    """Register a subject. The BSN is checked (11-proof), sealed, and findable only by keyed hash.

    With a purpose, the full access check runs for writing under it; without one, the actor must
    hold the right to write under at least one purpose. On need-to-know work the new subject goes
    into the registrar's caseload at once (`caseloads.actions.intake`). The subject joins `group` (one of
    the policy's `subject_groups`; without one, its default group), which must have the purpose.
    """
    current = active()
    if purpose:
        check(actor, "write", purpose)
        group = _group(current.policy, group)  # after the access check: a stranger learns nothing of the groups
        refusal = group_refusal(current.policy, group, purpose)
        if refusal is not None:
            refuse(actor, "write", purpose, refusal)
    else:
        ctx = AccessContext(actor=actor, action="write", purpose="", policy=current.policy)
        refusal = staff_only(ctx) or confidentiality(ctx)
        if refusal is None and not isinstance(actor, str) and not current.policy.granted_purposes(actor, "write"):
            refusal = Refusal("role_not_granted", "Je rol geeft geen recht om gegevens vast te leggen. "
                                                  "(Your roles do not grant writing personal data.)")
        if refusal is not None:
            refuse(actor, "write", "", refusal)
        group = _group(current.policy, group)
    if bsn:
        bsn = check_bsn(bsn)
    if birth_date and birth_date > timezone.localdate():
        raise Invalid({"birth_date": ["Een geboortedatum ligt niet in de toekomst. (A birth date is not in the future.)"]})
    # A known BSN or external id is a 409 (with the id only for whoever may see that subject: `lookup`).
    # Two intakes at the very same moment both pass the look-up; the unique index on the BSN hash (and on
    # the external id) then lets one win and the other gets the same 409 below.
    bsn_hash = keyed_hash(bsn) if bsn else None
    twin = known_twin(actor, bsn_hash=bsn_hash, external_id=external_id, purpose=purpose)
    if twin is not None:
        raise twin
    try:
        with transaction.atomic():
            subject = Subject.objects.create(external_id=external_id or None, created_at=at or timezone.now(),
                                             bsn_hash=bsn_hash, group=group)
            protected = {k: str(v) for k, v in {"birth_date": birth_date, "bsn": bsn}.items() if v}
            if protected:
                subject.sealed = keys.seal(subject, protected, f"subject:{subject.pk}")
                subject.save(update_fields=["sealed"])
            append(Entry(action="subject.create", actor=actor, subject=subject, purpose=purpose,
                         policy_version=current.number,
                         detail={"fields": sorted(protected), **({"group": group} if group else {})}))
            intake(actor, subject, purpose, current.policy, current.number)  # need-to-know: the case is theirs
    except IntegrityError:  # a concurrent twin won the race
        raise Conflict("Deze betrokkene bestaat al. (This subject exists already.)") from None
    return subject


def _group(policy: Policy, group: str) -> str:
    """The group a new subject joins: the one named (it must be the policy's), else the default ("" when the
    policy has no groups)."""
    if not group:
        return policy.default_group
    if group not in policy.subject_groups:
        known = ", ".join(policy.subject_groups) or "geen / none"
        raise Invalid({"group": [f"Onbekende groep; kies uit: {known}. (Unknown group.)"]})
    return group


def split_fields(policy: Any, record_type: str, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    spec = policy.record_types[record_type].fields
    plain: dict[str, Any] = {}
    protected: dict[str, Any] = {}
    for name, value in data.items():
        category = policy.categories[spec[name].category]
        (protected if stored_encrypted(category, spec[name]) else plain)[name] = value
    return plain, protected


def field_classes(policy: Policy, record_type: str) -> dict[str, dict[str, Any]]:
    """Per field: its category, whether it is general or special data (S2-01), and if it is encrypted."""
    out: dict[str, dict[str, Any]] = {}
    for name, spec in policy.record_types[record_type].fields.items():
        category = policy.categories[spec.category]
        out[name] = {"category": spec.category, "class": "special" if category.special or category.criminal
                     else "general", "encrypted": stored_encrypted(category, spec)}
    return out


def record_create(actor: Any, *, subject: Subject, type: str, data: dict[str, Any], purpose: str,
                  collected_at: datetime | None = None, source_kind: str | None = None, source_detail: str = "",
                  channel: str = "", channel_detail: str = "") -> Record:
    """Store a record of `type` for `subject` under `purpose` (which must be the type's purpose)."""
    current = active()
    policy = current.policy
    if type not in policy.record_types:
        raise Invalid({"type": [f"Onbekend soort gegevens; kies uit {', '.join(policy.record_types)}. "
                                "(Unknown record type.)"]})
    now = timezone.now()
    collected = check_moment(collected_at, "collected_at", now)
    check(actor, "write", purpose, subject=subject, record_type=type, fields=data, at=collected)
    if subject.erased_at is not None:
        raise Conflict("Deze betrokkene is gewist. (This subject has been erased.)")
    clean = clean_data(policy, type, data)
    source_kind, source_detail, channel, channel_detail = check_provenance(
        policy, purpose, source_kind=source_kind, source_detail=source_detail, channel=channel,
        channel_detail=channel_detail)
    record_type = policy.record_types[type]
    with transaction.atomic():
        record = Record(subject=subject, type=type, purpose=record_type.purpose, collected_at=collected,
                        source_kind=source_kind, source_detail=source_detail, channel=channel,
                        channel_detail=channel_detail, created_at=now, updated_at=now,
                        basis=policy.purposes[record_type.purpose].basis.value,
                        group=subject.group or policy.default_group,
                        created_by=actor if getattr(actor, "pk", None) else None,
                        policy_version=current.number, retention_rule=record_type.retention)
        plain, protected = split_fields(policy, type, clean)
        record.plain = plain
        record.sealed = keys.seal(subject, protected, f"record:{record.pk}")
        record.expires_at = expiry_for(record, policy)
        record.save(force_insert=True)
        append(Entry(action="record.create", actor=actor, purpose=purpose, subject=subject, record=record,
                     policy_version=current.number,
                     detail={"type": type, "fields": sorted(clean), "source": source_kind, "channel": channel}))
        # What a new record sets going, in this order and in this transaction (it all commits or none does):
        restart_siblings(record, policy)  # S0-30: the subject's other clocks of this purpose start again
        notices_for_new_record(record, policy)  # art. 13/14: the notice it makes due, with `notice.due`
        account_for_new_record(record, clean, policy)  # S0-13: a first application opens the account
    return record


def fields_present(record: Record) -> list[str]:
    """The names of the fields this record holds a value for (sealed ones opened here, values dropped).

    Not a read of content: nothing of the values leaves this function, so it is not audited as one.
    A disclosure is judged on these names (a record without its optional health field is no health
    data). An erased subject's record holds nothing any more.
    """
    try:
        data = _record_data(record)
    except KeyDestroyed:
        data = dict(record.plain)
    return sorted(name for name, value in data.items() if value not in (None, ""))


def record_read(actor: Any, record: Record, purpose: str) -> dict[str, Any]:
    """The record's data for `actor` under `purpose`; checked and audited."""
    check(actor, "read", purpose, subject=record.subject, record=record)
    # The door appends the entry in the caller's transaction when there is one (the API's, which also stamps
    # the token), else in its own; the data is opened first, so a destroyed key ends nobody's transaction.
    return read_record(actor, record, purpose, via="")


def record_update(actor: Any, record: Record, purpose: str, data: dict[str, Any]) -> Record:
    """Correct fields of a record (rectification, S0-38/S2-27); `None` clears an optional field.

    The audit entry keeps the old and the new values, sealed with the system key.
    """
    policy = active().policy
    check(actor, "write", purpose, subject=record.subject, record=record, record_type=record.type, fields=data)
    if record.anonymised_at is not None or record.subject_id is None:
        raise Conflict("Geanonimiseerde gegevens kunnen niet worden gecorrigeerd. (Anonymised data cannot be corrected.)")
    if record.type not in policy.record_types:
        raise Conflict("Dit soort gegevens staat niet meer in het beleid. (Record type no longer in the policy.)")
    clean = clean_data(policy, record.type, data, partial=True)
    with transaction.atomic():
        locked = Record.objects.select_for_update().get(pk=record.pk)
        current = _record_data(locked)
        old = {k: current.get(k) for k, v in clean.items() if current.get(k) != v}
        new = {k: clean[k] for k in old}
        updated = {k: v for k, v in {**current, **clean}.items() if v is not None}
        plain, protected = split_fields(policy, locked.type, updated)
        locked.plain = plain
        locked.sealed = keys.seal(locked.subject_id, protected, f"record:{locked.pk}")
        locked.updated_at = timezone.now()
        moved = []
        if counts_from_fields(locked, policy):  # a corrected end date moves the retention clock
            locked.expires_at, moved = expiry_for(locked, policy), ["expires_at"]
        locked.save(update_fields=["plain", "sealed", "updated_at", *moved])
        append(Entry(action="record.update", actor=actor, purpose=purpose, subject=locked.subject_id,
                     record=locked, changes={"old": old, "new": new},
                     detail={"type": locked.type, "fields": sorted(old)}))
    return locked


def records_of_subject(actor: Any, subject: Subject, purpose: str) -> list[tuple[Record, dict[str, Any]]]:
    """The subject's records of `purpose` with their data; one audited read per record."""
    check(actor, "read", purpose, subject=subject)
    records = list(Record.objects.filter(subject=subject, purpose=purpose, anonymised_at=None)
                   .order_by("collected_at", "created_at"))
    with transaction.atomic():
        shown = [(record, _record_data(record)) for record in records]
        append_many([Entry(action="record.list", actor=actor, purpose=purpose, subject=subject,
                           detail={"count": len(records)})]
                    + [Entry(action="record.read", actor=actor, purpose=purpose, subject=subject, record=record,
                             detail={"type": record.type, "via": "list"}) for record in records])
    return shown
