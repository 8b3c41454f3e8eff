"""What creating a record sets going happens because `record_create` calls it, not a signal receiver (issue 18):
through POST /api/v1/records, with the shipped seed 000 policy (examples/ikzorginassen.yaml), the first
application opens the applicant's portal account and mails the link (S0-13), a second one restarts the
first one's clock (S0-30), and data from someone else makes a notice due (art. 14). Each in the request's
transaction, in that order, after the record's own `record.create` entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from waarborg.engine.accounts.models import User
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.consent.models import Notice

NOW = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)
APPLICATION = {"name": "Mila de Vries", "email": "mila@example.org", "phone": "0612345678", "address": "Brink 1, Assen",
               "birth_date": "1961-04-12", "care_recipient_address": "Markt 3, Assen", "edition": 2024}


def _post(persona: Any, body: dict[str, Any]) -> Any:
    return persona.post("/api/v1/records", body, format="json", HTTP_X_PURPOSE="eligibility")


def _actions(record_id: str) -> list[str]:
    return list(AuditEntry.objects.filter(record_id=record_id).order_by("id").values_list("action", flat=True))


@pytest.mark.promise("S0-13", "S0-30")
def test_a_record_posted_to_the_api_opens_the_account_restarts_clocks_and_makes_a_notice_due(
        personas: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    assessor, officer = personas["assessor"], personas["privacy_officer"]
    with time_machine.travel(NOW, tick=False):
        subject = assessor.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="eligibility").json()["id"]
        # when the assessor records Mila's first application, as she sent it in
        with django_capture_on_commit_callbacks(execute=True):
            first = _post(assessor, {"subject": subject, "type": "application", "data": APPLICATION,
                                     "collected_at": "2024-03-01T10:00:00Z"})
        assert first.status_code == 201, first.json()
        # then she has exactly one citizen account, and one mail with its link went to her address
        [account] = User.objects.filter(subject_id=subject)
        assert account.kind == User.Kind.CITIZEN and not account.has_usable_password()
        [mail] = mailoutbox
        assert mail.to == ["mila@example.org"] and account.username in mail.body
        # and the audit log tells it in the order it happened, the account after the record
        created = AuditEntry.objects.get(action="record.create", record_id=first.json()["id"])
        opened = AuditEntry.objects.get(action="account.create", detail__user_id=account.pk)
        assert created.id < opened.id and opened.actor == "system:portal"
        before = assessor.get(f"/api/v1/records/{first.json()['id']}/retention").json()["expires_at"]
        assert before.startswith("2026-11-29T23:00:00")  # 12 months after the 2025 edition closes

        # when her representative sends the next year's application
        with django_capture_on_commit_callbacks(execute=True):
            second = _post(assessor, {"subject": subject, "type": "application",
                                      "data": {**APPLICATION, "edition": 2025}, "collected_at": "2025-02-01T10:00:00Z",
                                      "source": {"kind": "representative", "detail": "haar dochter"}})
        assert second.status_code == 201, second.json()
        # then the first application's clock restarted with it (S0-30)
        after = assessor.get(f"/api/v1/records/{first.json()['id']}/retention").json()
        assert after["expires_at"].startswith("2027-11-29T23:00:00") and after["expires_at"] == second.json()["expires_at"]
        # and a notice naming the source is due (art. 14), in the back office's list
        notices = officer.get("/api/v1/notices").json()
        assert [(n["subject"], n["kind"], n["source"]["kind"]) for n in notices] == [
            (subject, "indirect_collection", "representative")]
        assert _actions(second.json()["id"]) == ["record.create", "notice.due"]
    # and no second account or mail: the account exists already
    assert User.objects.filter(subject_id=subject).count() == 1 and len(mailoutbox) == 1


def test_a_refused_record_sets_nothing_going(personas: Any, mailoutbox: Any,
                                             django_capture_on_commit_callbacks: Any) -> None:
    assessor = personas["assessor"]
    subject = assessor.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="eligibility").json()["id"]
    # when an application with a bad value is posted (422), or by someone without the right (403)
    with django_capture_on_commit_callbacks(execute=True):
        bad = _post(assessor, {"subject": subject, "type": "application", "data": {**APPLICATION, "edition": "x"}})
        refused = _post(personas["caseworker"], {"subject": subject, "type": "application", "data": APPLICATION,
                                                 "source": {"kind": "representative"}})
    assert bad.status_code == 422 and refused.status_code == 403
    # then no account, no mail and no notice came of it
    assert not User.objects.filter(subject_id=subject).exists() and not mailoutbox
    assert not Notice.objects.filter(subject_id=subject).exists()
