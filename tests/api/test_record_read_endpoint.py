"""GET /api/v1/records/{id}: one record, under the purpose it was collected for; every read is logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import refused_entry
from tests.conftest import Persona, make_staff
from tests.vault import factories
from tests.vault.variants import activate_variant
from waarborg.engine.keyring.crypto import pseudonym
from waarborg.engine.records.actions import record_create
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Assignment


def url(record: Any) -> str:
    return f"/api/v1/records/{record.pk}"


def test_unauthenticated_callers_get_401(anonymous: Any, application: Any) -> None:
    assert anonymous.get(url(application), HTTP_X_PURPOSE="eligibility").status_code == 401
    assert not factories.entries(action="record.read")


@pytest.mark.promise("S0-07", "S0-22", "S4-07", "S3-19")
def test_a_project_leader_and_a_newsletter_editor_get_403_on_an_application(personas: Any, application: Any) -> None:
    editor = Persona(*make_staff("nora", ["newsletter_editor"]))
    for persona in (personas["project_leader"], editor):
        response = persona.get(url(application), HTTP_X_PURPOSE="eligibility")
        assert response.status_code == 403
        assert response.json()["reason"] == "role_not_granted"
        entry = refused_entry(persona)
        assert (entry.action, entry.purpose, entry.record_id) == ("read.refused", "eligibility", str(application.pk))
    assert not factories.entries(action="record.read")


@pytest.mark.promise("S0-07", "S0-24")
def test_an_assessor_reads_an_application_and_the_read_is_logged(personas: Any, application: Any) -> None:
    response = personas["assessor"].get(url(application), HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 200
    body = response.json()
    assert {"id", "subject", "type", "purpose", "data", "collected_at", "expires_at"} <= set(body)
    assert (body["id"], body["subject"], body["type"], body["purpose"]) == (
        str(application.pk), str(application.subject_id), "application", "eligibility")
    assert body["data"] == factories.application()
    assert (body["source"], body["channel"], body["basis"]) == ({"kind": "subject", "detail": ""}, "website",
                                                                "contract")
    entry = factories.last_entry(action="record.read")
    assert (entry.actor, entry.purpose, entry.record_id, entry.subject_pseudonym) == (
        "anna", "eligibility", str(application.pk), pseudonym(application.subject_id))


def test_the_purpose_may_be_named_in_the_query_string_for_reads(personas: Any, application: Any) -> None:
    assert personas["assessor"].get(f"{url(application)}?purpose=eligibility").status_code == 200


def test_without_a_purpose_the_request_is_malformed(personas: Any, application: Any) -> None:
    assert personas["assessor"].get(url(application)).status_code == 400
    assert not factories.entries(action="record.read")


def test_an_unknown_record_gets_404(personas: Any, policy: Any) -> None:
    response = personas["assessor"].get("/api/v1/records/00000000-0000-0000-0000-000000000000",
                                        HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 404


@pytest.mark.promise("S0-05", "S3-01")
def test_reading_under_another_purpose_gets_403_purpose_mismatch(personas: Any, application: Any) -> None:
    officer = personas["privacy_officer"]
    response = officer.get(url(application), HTTP_X_PURPOSE="newsletter")
    assert response.status_code == 403 and response.json()["reason"] == "purpose_mismatch"
    assert refused_entry(officer).purpose == "newsletter"


@pytest.mark.promise("S4-11")
def test_need_to_know_applies_through_the_api(personas: Any, subject: Any) -> None:
    registration = record_create("system:intake", subject=subject, type="event_registration",
                                 data=factories.REGISTRATION, purpose="events")
    peter = personas["project_leader"]
    response = peter.get(url(registration), HTTP_X_PURPOSE="events")
    assert response.status_code == 403 and response.json()["reason"] == "not_assigned"
    assert refused_entry(peter).reason == "not_assigned"
    Assignment.objects.create(subject=subject, purpose="events", team="events-north")
    assert peter.get(url(registration), HTTP_X_PURPOSE="events").json()["data"]["event"] == "Mantelzorgcafé maart"


@pytest.mark.promise("S2-01")
def test_each_field_shows_whether_it_is_general_or_special_data(personas: Any, subject: Any) -> None:
    # Given a client dossier (seed 002 style) with a health field
    activate_variant()
    supporter = Persona(*make_staff("sanne", ["client_supporter"]))
    note = record_create(supporter.user, subject=subject, type="dossier_note", purpose="support",
                         data={"situation": "woont zelfstandig", "diagnosis": "dementie"})
    # When the record is read, then each field carries its class (free text is encrypted by default, even general)
    fields = supporter.get(url(note), HTTP_X_PURPOSE="support").json()["fields"]
    assert fields == {"situation": {"category": "care_situation", "class": "general", "encrypted": True},
                      "diagnosis": {"category": "health", "class": "special", "encrypted": True}}


@pytest.mark.promise("S1-02", "S2-13")
def test_the_source_of_a_listing_shows_with_the_record(personas: Any, subject: Any) -> None:
    activate_variant()
    supporter = Persona(*make_staff("sanne", ["client_supporter"]))
    listing = record_create(supporter.user, subject=subject, type="listing", purpose="listing",
                            data={"name": "Buurtzorg Assen"}, source_kind="municipality",
                            source_detail="Gemeente Assen")
    body = supporter.get(url(listing), HTTP_X_PURPOSE="listing").json()
    assert body["source"] == {"kind": "municipality", "detail": "Gemeente Assen"}
    own = record_create(supporter.user, subject=subject, type="listing", purpose="listing", data={"name": "Zelf"},
                        source_kind="subject")
    assert supporter.get(url(own), HTTP_X_PURPOSE="listing").json()["source"]["kind"] == "subject"


@pytest.mark.promise("S0-21")
def test_a_shredded_record_is_gone(personas: Any, application: Any) -> None:
    keys.shred(application.subject_id)
    assert personas["assessor"].get(url(application), HTTP_X_PURPOSE="eligibility").status_code == 410
