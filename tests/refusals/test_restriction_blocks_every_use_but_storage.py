"""Restriction (beperking, blokkeren, afscherming, art. 18 AVG) on the shipped policies: the data stays stored;
reads, writes, decisions, disclosures and mailings by staff are refused with `restricted` and logged;
processing the person consents to after the restriction goes on; deletion always goes on."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.refusals.conftest import disclose, intake, org, refused, restrict, staff, store
from tests.refusals.test_disclosures_the_policy_forbids_are_refused_and_logged import APPLICATION, CLIENT_FILE, PLAN


def test_restricting_needs_a_login_and_a_role(db: Any, anonymous: Any) -> None:
    org("kwartier")
    worker = staff("sara", ["social_worker"])
    subject_id, _ = intake(worker, "client_file", CLIENT_FILE, "support")
    assert anonymous.post("/api/v1/restrictions", {"subject": subject_id}, format="json").status_code == 401
    coordinator = staff("coco", ["coordinator"])
    response = coordinator.client.post("/api/v1/restrictions", {"subject": subject_id, "purpose": "support"},
                                       format="json")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert len(refused("restriction.set", "role_not_granted", subject_id)) == 1


@pytest.mark.promise("S4-15")
def test_a_shielded_client_is_not_read_changed_decided_on_or_disclosed(db: Any) -> None:
    from waarborg.engine.decisions.models import Decision
    from waarborg.engine.disclosures.models import Disclosure
    from waarborg.engine.vault.models import Record

    # Given a Kwartier client in a social worker's caseload
    org("kwartier")
    worker = staff("sara", ["social_worker"])
    subject_id, record_id = intake(worker, "client_file", CLIENT_FILE, "support")
    # When the privacy officer shields (afschermen) all of the client's data
    restrict(staff("pia", ["privacy_officer"]), subject_id)
    # Then every use by staff is refused with `restricted`, each attempt on record
    read = worker.client.get(f"/api/v1/records/{record_id}", {"purpose": "support"})
    write = store(worker, subject_id, "care_notes", {"health": "Slaapt slecht"}, "support")
    decide = worker.client.post("/api/v1/decisions", {"record": record_id, "outcome": "granted",
                                                      "reasoning": "Ondersteuning nodig"}, format="json")
    shared = disclose(worker, subject_id, "municipality", "support", "contract",
                      categories=["identity", "support", "household"])
    for response in (read, write, decide, shared):
        assert response.status_code == 403 and response.json()["reason"] == "restricted", response.content
    assert [len(refused(action, "restricted", subject_id)) for action in ("read", "write", "decide", "disclosure")] \
        == [1, 1, 1, 1]
    # And the data stays stored, untouched
    assert Record.objects.filter(pk=record_id).exists()
    assert not Decision.objects.exists() and not Disclosure.objects.exists()


def test_a_privacy_officer_does_not_disclose_a_restricted_persons_data(db: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    # Given an award application of a person who restricted the processing of their data
    org("ikzorginassen")
    subject_id, _ = intake(staff("anna", ["assessor"]), "application", APPLICATION, "eligibility")
    officer = staff("pia", ["privacy_officer"])
    restrict(officer, subject_id)
    # When the privacy officer (who decides disclosures without a `disclose` grant) sends it to the host
    response = disclose(officer, subject_id, "hosting", "eligibility", "agreed_work", categories=["identity"])
    # Then it is refused and logged (it used to go out with 201)
    assert response.status_code == 403 and response.json()["reason"] == "restricted"
    assert len(refused("disclosure", "restricted", subject_id)) == 1 and not Disclosure.objects.exists()


@pytest.mark.promise("S3-22", "S3-23")
def test_a_restriction_on_one_purpose_stops_that_purpose_until_it_is_lifted(db: Any) -> None:
    # Given a Werkzaak client with a re-integration plan and a benefit file
    org("werkzaak")
    consultant = staff("kim", ["consultant"])
    subject_id, plan_id = intake(consultant, "reintegration_plan", PLAN, "reintegration")
    from tests.refusals.conftest import has_case

    has_case(consultant, subject_id, "benefits")
    benefit = store(consultant, subject_id, "benefit_file", {"name": "Piet Bakker", "birth_date": "1980-01-01",
                                                             "bsn": "111222333"}, "benefits")
    assert benefit.status_code == 201, benefit.content
    # When re-integration is restricted (blokkeren)
    restriction = restrict(staff("pia", ["privacy_officer"]), subject_id, "reintegration")
    # Then the plan is hidden from use, and the attempt is logged; the benefit file is not touched by it
    blocked = consultant.client.get(f"/api/v1/records/{plan_id}", {"purpose": "reintegration"})
    assert blocked.status_code == 403 and blocked.json()["reason"] == "restricted"
    assert len(refused("read", "restricted", subject_id)) == 1
    other = consultant.client.get(f"/api/v1/records/{benefit.json()['id']}", {"purpose": "benefits"})
    assert other.status_code == 200
    # And once lifted, the plan is used again
    officer = staff("dirk", ["privacy_officer"])
    lifted = officer.client.post(f"/api/v1/restrictions/{restriction['id']}/lift", {}, format="json")
    assert lifted.status_code == 200
    assert consultant.client.get(f"/api/v1/records/{plan_id}", {"purpose": "reintegration"}).status_code == 200


def test_what_the_person_consents_to_after_the_restriction_goes_on(db: Any) -> None:
    # Given an applicant who restricted every processing of their data
    org("ikzorginassen")
    subject_id, record_id = intake(staff("anna", ["assessor"]), "application", APPLICATION, "eligibility")
    officer = staff("pia", ["privacy_officer"])
    restrict(officer, subject_id)
    editor = staff("nina", ["newsletter_editor"])
    # When they then subscribe to the newsletter, consenting to it after the restriction
    consent = officer.client.post("/api/v1/consents", {"subject": subject_id, "purpose": "newsletter",
                                                       "channel": "website"}, format="json")
    assert consent.status_code == 201, consent.content
    # Then the newsletter subscription is processed, and the application stays blocked
    subscribed = store(editor, subject_id, "newsletter_subscription", {"email": "jan@example.nl"}, "newsletter")
    assert subscribed.status_code == 201, subscribed.content
    blocked = staff("bart", ["assessor"]).client.get(f"/api/v1/records/{record_id}", {"purpose": "eligibility"})
    assert blocked.status_code == 403 and blocked.json()["reason"] == "restricted"


def test_a_restricted_subscriber_gets_no_mailing(db: Any, mailoutbox: Any) -> None:
    # Given two newsletter subscribers, one of whom restricted processing
    org("ikzorginassen")
    officer, editor = staff("pia", ["privacy_officer"]), staff("nina", ["newsletter_editor"])
    subjects = []
    for address in ("een@example.nl", "twee@example.nl"):
        subject_id = editor.client.post("/api/v1/subjects", {}, format="json",
                                        HTTP_X_PURPOSE="newsletter").json()["id"]
        assert officer.client.post("/api/v1/consents", {"subject": subject_id, "purpose": "newsletter"},
                                   format="json").status_code == 201
        assert store(editor, subject_id, "newsletter_subscription", {"email": address}, "newsletter").status_code == 201
        subjects.append(subject_id)
    restrict(officer, subjects[1])
    mail = {"purpose": "newsletter", "message_type": "newsletter", "title": "Nieuws", "body": "Hallo"}
    # When a mailing names the restricted subscriber, then it is refused and logged, and nothing is sent
    named = editor.client.post("/api/v1/mailings", {**mail, "subjects": subjects}, format="json")
    assert named.status_code == 403 and named.json()["reason"] == "restricted"
    assert len(refused("mailing.send", "restricted", subjects[1])) == 1 and mailoutbox == []
    # And the newsletter to all subscribers skips them
    sent = editor.client.post("/api/v1/mailings", mail, format="json")
    assert sent.status_code == 201 and sent.json()["excluded"] == {"restricted": 1}
    assert [m.to for m in mailoutbox] == [["een@example.nl"]]


def test_deletion_goes_on_for_restricted_data(db: Any, capsys: Any) -> None:
    from waarborg.audiences.cli import main
    from waarborg.engine.vault.models import Record

    # Given a helpdesk question of someone who restricted processing
    org("ikzorginassen")
    helpdesk = staff("hanna", ["helpdesk"])
    subject_id, record_id = intake(helpdesk, "helpdesk_ticket", {"question": "Hoe log ik in?"}, "helpdesk")
    restrict(staff("pia", ["privacy_officer"]), subject_id)
    # When its retention period (12 months) has run out, then the sweep deletes it all the same
    with time_machine.travel(timezone.now() + timedelta(days=370), tick=False):
        assert main(["sweep"]) == 0
    assert "helpdesk_1y: 1 deleted" in capsys.readouterr().out
    assert not Record.objects.filter(pk=record_id).exists()
