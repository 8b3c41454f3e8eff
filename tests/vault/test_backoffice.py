"""The back office (Django admin) is no side door: read-only, only what the roles allow, and a
record's data opens only through the vault's checked and audited read (S4-07, S4-11, S4-12)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import make_staff
from tests.vault import factories
from waarborg.engine.records.actions import record_create
from waarborg.engine.vault.models import Assignment, Record

LIST = "/admin/vault/record/"


def _browser(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(record: Any) -> str:
    return f"{LIST}{record.pk}/change/"


@pytest.fixture
def registration(subject: Any) -> Any:
    return record_create("system:intake", subject=subject, type="event_registration", data=factories.REGISTRATION,
                         purpose="events")


def test_anonymous_visitors_are_sent_to_the_login(application: Any) -> None:
    response = Client().get(detail(application))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.promise("S4-07")
def test_staff_without_a_role_cannot_browse_records(personas: Any, application: Any) -> None:
    browser = _browser(personas["outsider"].user)
    assert browser.get(LIST).status_code == 403
    assert browser.get(detail(application)).status_code == 403
    assert not factories.entries(action="record.read")


@pytest.mark.promise("S0-24", "S4-07")
def test_an_assessor_opens_an_application_through_the_audited_read(personas: Any, application: Any) -> None:
    browser = _browser(personas["assessor"].user)
    listing = browser.get(LIST).content.decode()
    assert str(application.pk) in listing and "Joke de Vries" not in listing
    page = browser.get(detail(application))
    assert page.status_code == 200 and "Kerkstraat 17, Assen" in page.content.decode()
    entry = factories.last_entry(action="record.read")
    assert (entry.actor, entry.purpose, entry.record_id) == ("anna", "eligibility", str(application.pk))


@pytest.mark.promise("S4-12")
def test_nobody_adds_changes_or_deletes_through_the_admin(personas: Any, application: Any) -> None:
    user, _ = make_staff("root", ["assessor"])
    user.is_superuser = True
    user.save()
    browser = _browser(user)
    assert browser.get(f"{LIST}add/").status_code == 403
    assert browser.post(f"{LIST}{application.pk}/delete/", {"post": "yes"}).status_code == 403
    assert browser.post(detail(application), {"purpose": "payout"}).status_code == 200  # the read view, no form
    assert Record.objects.get(pk=application.pk).purpose == "eligibility"
    assert Record.objects.count() == 1


@pytest.mark.promise("S4-11")
def test_a_project_leader_sees_only_assigned_registrations(personas: Any, registration: Any) -> None:
    peter = personas["project_leader"].user
    browser = _browser(peter)
    assert str(registration.pk) not in browser.get(LIST).content.decode()
    assert browser.get(detail(registration)).status_code == 403
    assert factories.last_entry(outcome="refused").reason == "not_assigned"
    Assignment.objects.create(subject=registration.subject, purpose="events", user=peter)
    assert str(registration.pk) in browser.get(LIST).content.decode()
    assert browser.get(detail(registration)).status_code == 200


def test_an_assessor_does_not_see_records_of_purposes_outside_their_roles(
        personas: Any, application: Any, registration: Any) -> None:
    listing = _browser(personas["assessor"].user).get(LIST).content.decode()
    assert str(application.pk) in listing and str(registration.pk) not in listing
    assert factories.last_entry(action="record.browse").actor == "anna"


def test_the_subject_page_shows_no_bsn_or_sealed_data(personas: Any, application: Any) -> None:
    page = _browser(personas["assessor"].user).get(f"/admin/vault/subject/{application.subject_id}/change/")
    assert page.status_code == 200
    text = page.content.decode()
    assert factories.VALID_BSN not in text and (application.subject.bsn_hash or "x") not in text
