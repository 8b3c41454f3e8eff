"""The helpdesk stores a tip it took by phone through the API, and reads the tips sent through the page;
other roles cannot (S0-32: the helpdesk handles tips)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.tips.conftest import TIP, send_tip, tips

URL = "/api/v1/tips"
PHONED = {"data": {"tip": "Een taxi-regeling voor de bijeenkomsten.", "email": "kees@example.org"},
          "channel": "phone"}


def _refused(action: str, reason: str) -> int:
    from waarborg.engine.audit.models import AuditEntry

    return AuditEntry.objects.filter(action=f"{action}.refused", outcome="refused", reason=reason).count()


def test_taking_a_tip_needs_a_login(assen: Any, anonymous: Any) -> None:
    assert anonymous.post(URL, PHONED, format="json", HTTP_X_PURPOSE="tips").status_code == 401
    assert anonymous.get(URL, {"purpose": "tips"}).status_code == 401


def test_a_role_without_tips_is_refused_and_logged(assen: Any) -> None:
    posted = assen["assessor"].post(URL, PHONED, format="json", HTTP_X_PURPOSE="tips")
    listed = assen["assessor"].get(URL, {"purpose": "tips"})
    for answer in (posted, listed):
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert _refused("write", "role_not_granted") == 1 and _refused("read", "role_not_granted") == 1
    assert tips() == []


def test_a_tip_under_another_purpose_is_refused(assen: Any) -> None:
    answer = assen["helpdesk"].post(URL, PHONED, format="json", HTTP_X_PURPOSE="helpdesk")
    assert answer.status_code == 403 and answer.json()["reason"] == "purpose_mismatch"
    assert _refused("write", "purpose_mismatch") == 1 and tips() == []


@pytest.mark.promise("S0-32")
def test_the_helpdesk_stores_a_tip_it_took_by_phone(assen: Any) -> None:
    from waarborg.engine.consent.models import Consent

    answer = assen["helpdesk"].post(URL, PHONED, format="json", HTTP_X_PURPOSE="tips")
    assert answer.status_code == 201, answer.content
    [tip] = tips()
    assert answer.json()["id"] == str(tip.pk) and answer.json()["channel"] == "phone"
    assert datetime.fromisoformat(answer.json()["expires_at"]) == tip.expires_at  # three months on
    assert tip.created_by == assen["helpdesk"].user
    consent = Consent.objects.get(subject=tip.subject_id)
    assert (consent.purpose, consent.channel, consent.recorded_by) == ("tips", "phone", assen["helpdesk"].user)


def test_a_tip_by_phone_with_a_field_the_tip_does_not_have_is_invalid(assen: Any) -> None:
    answer = assen["helpdesk"].post(URL, {"data": {"tip": "x", "bsn": "111222333"}}, format="json",
                                    HTTP_X_PURPOSE="tips")
    assert answer.status_code == 422 and "data.bsn" in answer.json()["errors"] and tips() == []
    empty = assen["helpdesk"].post(URL, {"data": {"email": "kees@example.org"}}, format="json",
                                   HTTP_X_PURPOSE="tips")
    assert empty.status_code == 422 and "data.tip" in empty.json()["errors"] and tips() == []


@pytest.mark.promise("S0-32")
def test_the_helpdesk_reads_the_tips_and_every_read_is_logged(assen: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    # Given a tip from the page and one by phone
    assert send_tip().status_code == 201
    assert assen["helpdesk"].post(URL, PHONED, format="json", HTTP_X_PURPOSE="tips").status_code == 201
    # When the helpdesk opens the tips, then it sees both, newest first, with what was sent
    listed = assen["helpdesk"].get(URL, {"purpose": "tips"})
    assert listed.status_code == 200
    assert [t["data"] for t in listed.json()] == [PHONED["data"], TIP]
    assert [t["channel"] for t in listed.json()] == ["phone", "website"]
    assert AuditEntry.objects.filter(action="record.read", actor="hanna").count() == 2
    # And one tip opens as any record, under its purpose
    one = assen["helpdesk"].get(f"/api/v1/records/{listed.json()[1]['id']}", {"purpose": "tips"})
    assert one.status_code == 200 and one.json()["data"] == TIP


def test_a_tip_whose_consent_was_withdrawn_is_left_out(assen: Any) -> None:
    from waarborg.engine.consent.actions import consent_withdraw
    from waarborg.engine.consent.models import Consent

    assert send_tip().status_code == 201
    consent_withdraw("system:test", Consent.objects.get())
    assert assen["helpdesk"].get(URL, {"purpose": "tips"}).json() == []
