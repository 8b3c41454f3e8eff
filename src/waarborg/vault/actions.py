"""The vault's action layer: the only writer of subjects and records.

Each function is one transaction: check access (gates), write, append the audit entry. Views, the
API, jobs and the CLI all call these; none writes the models directly.
(First version: the vault capability hardens validation and the gates behind `check`.)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.audit.log import Entry, append
from waarborg.policy.active import active
from waarborg.retention.clock import expiry_for
from waarborg.vault import keys
from waarborg.vault.access import check
from waarborg.vault.crypto import keyed_hash
from waarborg.vault.models import Record, Subject


def subject_create(actor: Any, *, birth_date: date | None = None, bsn: str | None = None,
                   external_id: str | None = None, at: datetime | None = None) -> Subject:
    with transaction.atomic():
        subject = Subject.objects.create(external_id=external_id or None, created_at=at or timezone.now(),
                                         bsn_hash=keyed_hash(bsn) if bsn else None)
        protected = {k: str(v) for k, v in {"birth_date": birth_date, "bsn": bsn}.items() if v}
        if protected:
            subject.sealed = keys.seal(subject, protected, f"subject:{subject.pk}")
            subject.save(update_fields=["sealed"])
        append(Entry(action="subject.create", actor=actor, subject=subject))
    return subject


def subject_facts(subject: Subject) -> dict[str, Any]:
    """The subject's sealed facts (birth_date, bsn), decrypted."""
    return keys.open_sealed(subject, bytes(subject.sealed) if subject.sealed else None, f"subject:{subject.pk}")


def split_fields(policy: Any, record_type: str, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    spec = policy.record_types[record_type].fields
    plain: dict[str, Any] = {}
    protected: dict[str, Any] = {}
    for name, value in data.items():
        category = policy.categories[spec[name].category]
        (protected if category.must_encrypt else plain)[name] = value
    return plain, protected


def record_create(actor: Any, *, subject: Subject, type: str, data: dict[str, Any], purpose: str,
                  collected_at: datetime | None = None, source_kind: str = "subject", source_detail: str = "",
                  channel: str = "", channel_detail: str = "") -> Record:
    current = active()
    policy = current.policy
    now = timezone.now()
    record_type = policy.record_types[type]
    check(actor, "write", purpose, subject=subject, record_type=type, fields=data, at=collected_at or now)
    with transaction.atomic():
        record = Record(subject=subject, type=type, purpose=record_type.purpose, collected_at=collected_at or now,
                        source_kind=source_kind, source_detail=source_detail, channel=channel,
                        channel_detail=channel_detail, created_at=now, updated_at=now,
                        created_by=actor if getattr(actor, "pk", None) else None,
                        policy_version=current.number, retention_rule=record_type.retention)
        plain, protected = split_fields(policy, type, data)
        record.plain = plain
        record.sealed = keys.seal(subject, protected, f"record:{record.pk}")
        record.expires_at = expiry_for(record, policy)
        record.save(force_insert=True)
        append(Entry(action="record.create", actor=actor, purpose=purpose, subject=subject, record=record,
                     policy_version=current.number, detail={"type": type, "fields": sorted(data)}))
    return record


def record_data(record: Record) -> dict[str, Any]:
    """All fields of the record, protected ones decrypted."""
    data = dict(record.plain)
    if record.sealed and record.subject_id:
        data.update(keys.open_sealed(record.subject_id, bytes(record.sealed), f"record:{record.pk}"))
    return data


def record_read(actor: Any, record: Record, purpose: str) -> dict[str, Any]:
    check(actor, "read", purpose, subject=record.subject, record=record)
    with transaction.atomic():
        data = record_data(record)
        append(Entry(action="record.read", actor=actor, purpose=purpose, subject=record.subject_id, record=record))
    return data
