"""Visitors under 16: nothing is kept without a parent's or guardian's consent (S1-15), and data about a
minor collected without it is deleted once a report is confirmed (S1-16)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from tests.listings.conftest import REDACTIONS, audited
from waarborg.engine.consent.models import Consent
from waarborg.engine.rights.models import Request
from waarborg.engine.vault.models import Record, Subject
from waarborg.modules.listings.models import MinorReport, Ticket

PAGE = "https://www.socialekaart.example.nl/sociale-kaart"


def feedback(anonymous: Any, **body: Any) -> Any:
    return anonymous.post("/api/v1/sociale-kaart/feedback", {"comment": "Mijn school staat er niet op.", "page": PAGE,
                                                             **body}, format="json")


@pytest.mark.promise("S1-15")
def test_feedback_from_a_visitor_who_says_to_be_under_16_is_not_stored_without_a_parent(kaart: Any,
                                                                                        anonymous: Any) -> None:
    answer = feedback(anonymous, email="kind@example.nl", under_16=True)
    assert answer.status_code == 403 and answer.json()["reason"] == "no_active_consent"
    assert "ouder of voogd" in answer.json()["detail"]
    # Nothing of the visitor is kept
    assert not Subject.objects.exists() and not Record.objects.exists()
    assert not Consent.objects.exists() and not Ticket.objects.exists()
    # The refusal is on record, without any value of the form
    [refused] = audited("write.refused", reason="no_active_consent")
    assert refused.purpose == "feedback" and "kind@example.nl" not in str(refused.detail)


@pytest.mark.promise("S1-15")
def test_with_a_parents_consent_the_feedback_of_a_minor_is_accepted(kaart: Any, anonymous: Any) -> None:
    answer = feedback(anonymous, under_16=True, guardian={"role": "parent", "name": "Ria de Vries"})
    assert answer.status_code == 201
    consent = Consent.objects.get()
    assert consent.purpose == "feedback" and "parent" in consent.signatory_roles
    assert Ticket.objects.get().record is not None
    # A parent who does not give a name is no consent
    nameless = feedback(anonymous, under_16=True, guardian={"role": "parent", "name": ""})
    assert nameless.status_code == 422 and Ticket.objects.count() == 1


@pytest.mark.promise("S1-15")
def test_usage_data_of_a_known_minor_needs_a_verified_parental_consent(kaart: Any) -> None:
    from waarborg.engine.consent.actions import consent_give, consent_verify
    from waarborg.engine.records.actions import subject_create

    website = kaart["website"]
    child = subject_create("system:test", birth_date=date(timezone.localdate().year - 13, 1, 1))
    body = {"subject": str(child.pk), "type": "usage_event",
            "data": {"at": "2026-11-20T10:00:00+01:00", "duration": 30, "content": "/sociale-kaart/"}}
    # Without a parent's consent: refused, nothing stored
    refused = website.post("/api/v1/records", body, format="json", HTTP_X_PURPOSE="site_usage")
    assert refused.status_code == 403 and refused.json()["reason"] == "no_active_consent"
    assert not Record.objects.filter(subject=child).exists()
    # With the consent of a parent, verified by staff: accepted
    consent = consent_give(kaart["officer"].user, subject=child, purpose="site_usage",
                           signatories=[{"role": "parent", "name": "Ria de Vries"}])
    consent_verify(kaart["officer"].user, consent, method="phone_callback")
    assert website.post("/api/v1/records", body, format="json", HTTP_X_PURPOSE="site_usage").status_code == 201


@pytest.mark.promise("S1-16", "S1-29")
def test_a_confirmed_report_of_a_minor_without_parental_consent_deletes_that_data_and_tells_the_reporter(
        kaart: Any, anonymous: Any, mailoutbox: list[Any]) -> None:
    # Given a child's feedback (stored: nobody said the child was under 16) and an adult's feedback
    child_ticket = Ticket.objects.get(pk=feedback(anonymous, email="kind@example.nl").json()["id"])
    adult_ticket = Ticket.objects.get(pk=feedback(anonymous, email="volwassene@example.nl").json()["id"])
    child_record = child_ticket.record
    # When a parent reports it through the public form
    filed = anonymous.post("/api/v1/sociale-kaart/minor-reports",
                           {"email": "ouder@example.nl", "details": "Mijn dochter van 12 heeft dit ingevuld.",
                            "reference": str(child_ticket.pk)}, format="json")
    assert filed.status_code == 201 and filed.json()["status"] == "received"
    report = filed.json()["id"]
    # Then nothing is deleted before a person confirms the report
    assert Record.objects.filter(pk=child_record.pk).exists()
    url = f"/api/v1/sociale-kaart/minor-reports/{report}/confirm"
    body = {"ticket": str(child_ticket.pk), "method": "id_copy", "redactions": REDACTIONS}
    assert anonymous.post(url, body, format="json").status_code == 401
    refused = kaart["editor"].post(url, body, format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert anonymous.get("/api/v1/sociale-kaart/minor-reports").status_code == 401
    assert Record.objects.filter(pk=child_record.pk).exists()
    # When the privacy officer confirms it
    answer = kaart["officer"].post(url, body, format="json")
    assert answer.status_code == 200, answer.content
    assert answer.json()["deleted"] == 1 and answer.json()["kept"] == [] and answer.json()["key_shredded"] is True
    # Then the child's data is gone, the adult's is untouched
    assert not Record.objects.filter(pk=child_record.pk).exists()
    assert Subject.objects.get(pk=child_ticket.subject_id).erased_at is not None
    assert Record.objects.filter(pk=adult_ticket.record_id).exists()
    # And the deletion went through an erasure request, logged
    req = Request.objects.get(subject=child_ticket.subject)
    assert (req.type, req.channel, req.status) == ("erasure", "contact_form", "answered")
    assert [e.detail["type"] for e in audited("record.delete")] == ["feedback_ticket"]
    [confirm] = audited("minor_report.confirm")
    assert confirm.actor == "pien" and confirm.detail["deleted"] == 1 and confirm.detail["reporter_told"] is True
    # And the reporter is told
    assert [m.to for m in mailoutbox if "minderjarige" in m.subject] == [["ouder@example.nl"]]
    assert MinorReport.objects.get(pk=report).status == "erased"
    assert kaart["officer"].post(url, body, format="json").status_code == 409


@pytest.mark.promise("S1-15")
def test_the_feedback_form_on_a_listing_page_asks_a_parent_when_the_visitor_is_under_16(kaart: Any) -> None:
    from django.test import Client

    from tests.listings.conftest import add_listing

    listing = add_listing(kaart["editor"]).json()["id"]
    refused = Client().post(f"/sociale-kaart/{listing}", {"comment": "Hoi!", "under_16": "on"})
    assert refused.status_code == 200 and "ouder of voogd" in refused.content.decode()
    assert not Ticket.objects.exists()
    accepted = Client().post(f"/sociale-kaart/{listing}", {"comment": "Hoi!", "under_16": "on",
                                                          "guardian_role": "guardian", "guardian_name": "Jan Smit"})
    assert "uw reactie is ontvangen" in accepted.content.decode()
    assert Consent.objects.get().signatory_roles == ["self", "guardian"]
