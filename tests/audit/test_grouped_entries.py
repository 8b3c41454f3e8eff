"""The sweep logs one grouped entry per batch and rule; every view per person still finds its own items.

A grouped entry lists the records it covers and, in `subjects`, whose they were. The Logboek export
gives one span per item, a person's history and access export find the entry, the audit API filters
on it, what a person sees of it is only their own items, and the chain covers `subjects` too.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from waarborg.audiences.cli import main
from waarborg.engine.audit import append_only
from waarborg.engine.audit.log import items, narrowed, verify
from waarborg.engine.audit.logboek import processing_history
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import pseudonym
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.rights.exports import processing_history as export_history
from waarborg.engine.vault.models import Record

from .conftest import process_application


@pytest.fixture
def swept(personas: dict[str, Any]) -> dict[str, Any]:
    assessor = personas["assessor"].user
    mine, theirs = process_application(assessor, "A-1"), process_application(assessor, "A-2")
    Record.objects.filter(pk__in=[mine.record.pk, theirs.record.pk]).update(
        expires_at=timezone.now() - timedelta(days=1))
    report = sweep_expired()
    assert report.processed == 2
    [entry] = AuditEntry.objects.filter(action__in=["record.delete", "record.anonymise"])
    return {"mine": mine, "theirs": theirs, "entry": entry, "action": entry.action}


@pytest.mark.promise("S0-28", "S0-24")
def test_one_entry_covers_the_batch_and_names_each_record_and_person(swept: dict[str, Any]) -> None:
    entry, mine, theirs = swept["entry"], swept["mine"], swept["theirs"]
    assert entry.subject_pseudonym == "" and entry.record_id == ""
    assert entry.detail["count"] == 2 and entry.detail["rule"]
    per_item = {detail["record"]: subject for subject, detail in items(entry)}
    assert per_item == {str(mine.record.pk): pseudonym(mine.subject.pk),
                        str(theirs.record.pk): pseudonym(theirs.subject.pk)}
    # No personal data in it: the subjects appear only as pseudonyms
    assert "Fenna" not in json.dumps(entry.detail) and "Fenna" not in json.dumps(entry.subjects)


def test_a_person_sees_only_their_own_items(swept: dict[str, Any]) -> None:
    entry, mine, theirs = swept["entry"], swept["mine"], swept["theirs"]
    view = narrowed(entry, pseudonym(mine.subject.pk))
    assert view["count"] == 1 and view["items"]["record"] == [str(mine.record.pk)]
    assert str(theirs.record.pk) not in json.dumps(view)


@pytest.mark.promise("S0-24")
def test_the_logboek_gives_one_span_per_person(swept: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    mine, theirs, action = swept["mine"], swept["theirs"], swept["action"]
    assert main(["audit", "export-logboek"]) == 0
    spans = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    swept_spans = [s for s in spans if s["name"] == action]
    assert sorted(s["attributes"]["dpl.core.data_subject_id"] for s in swept_spans) == sorted(
        [pseudonym(mine.subject.pk), pseudonym(theirs.subject.pk)])
    assert len({s["span_id"] for s in swept_spans}) == 2

    assert main(["audit", "export-logboek", "--subject", str(mine.subject.pk)]) == 0
    own = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [s["name"] for s in own][-2:] == [action, "subject.shred"]
    assert {s["attributes"]["dpl.core.data_subject_id"] for s in own} == {pseudonym(mine.subject.pk)}


@pytest.mark.promise("S0-24")
def test_the_persons_history_and_access_export_show_the_deletion(swept: dict[str, Any]) -> None:
    mine, action = swept["mine"], swept["action"]
    # (the person had nothing else left, so the key went too)
    assert [h["action"] for h in processing_history(mine.subject)][-2:] == [action, "subject.shred"]
    from waarborg.engine.policy.active import current

    assert [h["action"] for h in export_history(current(), mine.subject)][-2:] == [action, "subject.shred"]


def test_the_audit_api_filters_grouped_entries_by_subject(swept: dict[str, Any], personas: dict[str, Any]) -> None:
    mine = swept["mine"]
    response = personas["privacy_officer"].get("/api/v1/audit/entries", {"subject": str(mine.subject.pk)})
    assert response.status_code == 200, response.content
    [found] = [e for e in response.json()["entries"] if e["action"] == swept["action"]]
    assert pseudonym(mine.subject.pk) in found["subjects"] and found["subject"] == ""


@pytest.mark.promise("S0-22")
def test_the_chain_covers_the_subjects_of_a_grouped_entry(swept: dict[str, Any]) -> None:
    from django.db import connection

    entry = swept["entry"]
    assert verify()[1] is None
    append_only.lift(connection)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET subjects = %s WHERE id = %s",
                       [json.dumps(list(reversed(entry.subjects))), entry.pk])
    _, broken = verify()
    assert broken is not None and broken.entry_id == entry.pk


def test_verify_pages_around_grouped_entries_and_still_checks_every_link(monkeypatch: pytest.MonkeyPatch,
                                                                        db: Any) -> None:
    import uuid

    from waarborg.engine.audit import log
    from waarborg.engine.audit.log import Entry, append_many

    monkeypatch.setattr(log, "GROUPED_PER_PAGE", 3)
    entries = []
    for i in range(20):
        entries.append(Entry(action="record.delete", actor="system:sweep", subjects=[uuid.uuid4()],
                             detail={"rule": "r", "count": 1, "items": {"record": [str(i)]}}))
        entries.extend(Entry(action="record.read", actor="system:x", subject=uuid.uuid4()) for _ in range(i % 4))
    append_many(entries)
    total = AuditEntry.objects.count()
    assert verify(chunk=7) == (total, None)
    # a broken link in a later page is still found
    victim = AuditEntry.objects.filter(subjects__isnull=False).order_by("id")[15]
    from django.db import connection

    append_only.lift(connection)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET purpose = 'other' WHERE id = %s", [victim.pk])
    assert verify(chunk=7)[1].entry_id == victim.pk  # type: ignore[union-attr]


def test_the_audit_api_pages_around_grouped_entries(monkeypatch: pytest.MonkeyPatch, personas: dict[str, Any]) -> None:
    import uuid

    from waarborg.engine.audit import reading
    from waarborg.engine.audit.log import Entry, append_many

    monkeypatch.setattr(reading, "GROUPED_PER_PAGE", 2)
    append_many([Entry(action="record.delete", actor="system:sweep", subjects=[uuid.uuid4()],
                       detail={"rule": "r", "count": 1, "items": {"record": [str(i)]}}) for i in range(5)])
    officer, seen, after = personas["privacy_officer"], [], 0
    while after is not None:
        page = officer.get("/api/v1/audit/entries", {"after": after, "action": "record.delete"}).json()
        assert sum(1 for e in page["entries"] if e["subjects"]) <= 2
        seen += [e["detail"]["items"]["record"][0] for e in page["entries"]]
        after = page["next_after"]
    assert seen == ["0", "1", "2", "3", "4"]
