"""Werkzaak as shipped: data serves only the purpose it was given for (S3-01), visit data never leaves (S3-04),
nothing is processed without a registered purpose and legal basis (S3-05), consent counts for one processing
only (S3-06), refusing profiling changes nothing about a case (S3-10), and website statistics hold no one's
identity and serve only the analysis (S3-31). Everything through the API, as staff and visitors use it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.shipped.conftest import audit_entries, created, intake, record


@pytest.mark.promise("S3-01")
def test_a_benefit_file_is_used_only_for_its_own_purpose_and_only_by_staff(wz: Any, anonymous: Any) -> None:
    connie, officer = wz["worker"], wz["privacy_officer"]
    # Given Connie's intake of Jan for his benefit
    _, file = intake(connie)
    # Then the file carries its purpose
    shown = connie.get(f"/api/v1/records/{file}", {"purpose": "benefits"}).json()
    assert shown["purpose"] == "benefits" and shown["data"]["name"] == "Jan Jansen"
    # When she reads it for his reintegration instead, it is refused and logged
    other = connie.get(f"/api/v1/records/{file}", {"purpose": "reintegration"})
    assert other.status_code == 403 and other.json()["reason"] == "purpose_mismatch"
    [entry] = audit_entries(officer, action="read.refused")
    assert (entry["actor"], entry["purpose"], entry["reason"]) == ("connie", "reintegration", "purpose_mismatch")
    # And someone not logged in gets 401, staff without a role 403
    assert anonymous.get(f"/api/v1/records/{file}", {"purpose": "benefits"}).status_code == 401
    assert wz["outsider"].get(f"/api/v1/records/{file}", {"purpose": "benefits"}).status_code == 403


@pytest.mark.promise("S3-04")
@pytest.mark.parametrize(("by", "recipient", "reason"), [
    ("privacy_officer", "sim_analytics", "agreed_work"), ("privacy_officer", "municipalities", "public_task"),
    ("privacy_officer", "suwi_partners", "legal_obligation"), ("worker", "reintegration_providers", "consent")])
def test_visit_data_is_never_given_to_anyone_whatever_the_reason(wz: Any, by: str, recipient: str,
                                                                 reason: str) -> None:
    discloser = wz[by]
    person, _ = intake(wz["worker"])
    answer = discloser.post("/api/v1/disclosures", {"subject": person, "recipient": recipient,
                                                    "purpose": "statistics", "reason": reason}, format="json")
    assert answer.status_code == 403, answer.content
    # no role of the shipped policy may disclose statistics at all; were one to, the data still never leaves
    assert answer.json()["reason"] in ("role_not_granted", "statistics_never_disclosed")
    refused = [e for e in audit_entries(wz["privacy_officer"]) if e["outcome"] == "refused"]
    assert refused and refused[-1]["purpose"] == "statistics"
    assert wz["privacy_officer"].get(f"/api/v1/subjects/{person}/disclosures").json() == []


@pytest.mark.promise("S3-05")
def test_every_purpose_has_a_lawful_basis_in_the_register_and_an_unregistered_purpose_is_refused(wz: Any) -> None:
    connie = wz["worker"]
    # The register lists each purpose with one of the bases the statement names
    activities = Client().get("/privacy/register.json").json()["activities"]
    assert {a["purpose"] for a in activities} == {"benefits", "reintegration", "questions", "secure_mail",
                                                  "recordings", "statistics", "profiling", "research",
                                                  "administration"}
    assert {a["legal_basis"] for a in activities} <= {"contract", "legal_obligation", "public_task", "consent"}
    assert all(a["legal_basis_text"] for a in activities)
    # Processing under a purpose that is not in the register is refused and logged
    person, _ = intake(connie)
    answer = connie.post("/api/v1/records", {"subject": person, "type": "benefit_file", "data": {"name": "J."}},
                         format="json", HTTP_X_PURPOSE="debt_collection")
    assert answer.status_code == 403 and answer.json()["reason"] == "unknown_purpose"
    assert audit_entries(wz["privacy_officer"], action="write.refused")[-1]["purpose"] == "debt_collection"


@pytest.mark.promise("S3-06")
def test_consent_for_secure_mail_does_not_allow_recording_a_conversation(wz: Any) -> None:
    connie, officer = wz["worker"], wz["privacy_officer"]
    person, _ = intake(connie)
    created(wz["leader"].post(f"/api/v1/subjects/{person}/assignments", {"purpose": "recordings", "staff": "connie"},
                              format="json"))
    # Given Jan consented to secure e-mail only
    consent = created(officer.post("/api/v1/consents", {"subject": person, "purpose": "secure_mail"}, format="json"))
    assert consent["status"] == "active"
    recording = {"file": "opnamen/gesprek-1.webm", "checksum": "sha256:ab12", "announced_before_start": True}
    # When Connie stores a recording of their conversation, it is refused for lack of that consent
    refused = connie.post("/api/v1/records", {"subject": person, "type": "recording", "data": recording},
                          format="json", HTTP_X_PURPOSE="recordings")
    assert refused.status_code == 403 and refused.json()["reason"] == "no_active_consent"
    # And once he consents to the recording itself, it is stored
    created(officer.post("/api/v1/consents", {"subject": person, "purpose": "recordings"}, format="json"))
    record(connie, person, "recording", recording, "recordings")


def _case(connie: Any, person: str, file: str) -> dict[str, Any]:
    """What the platform shows and lets Connie do with Jan's case."""
    case = connie.get(f"/api/v1/decisions/cases/{file}").json()
    return {"records": connie.get(f"/api/v1/subjects/{person}/records", {"purpose": "benefits"}).json(),
            "outcome": (case["outcome"], case["blocked"], len(case["decisions"])),
            "caseload": [a["subject"] for a in connie.get("/api/v1/assignments", {"staff": "me"}).json()],
            "correct": connie.patch(f"/api/v1/records/{file}", {"data": {"income": "975.00"}}, format="json",
                                    HTTP_X_PURPOSE="benefits").status_code}


@pytest.mark.promise("S3-10")
def test_refusing_or_withdrawing_profiling_consent_changes_nothing_about_a_case(wz: Any) -> None:
    connie, officer = wz["worker"], wz["privacy_officer"]
    person, file = intake(connie)
    without = _case(connie, person, file)
    consent = created(officer.post("/api/v1/consents", {"subject": person, "purpose": "profiling"}, format="json"))
    given = _case(connie, person, file)
    assert officer.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json").status_code == 200
    withdrawn = _case(connie, person, file)
    created(officer.post("/api/v1/consents/refusals", {"subject": person, "purpose": "profiling",
                                                       "consequences": "Geen."}, format="json"))
    refused = _case(connie, person, file)
    assert without["correct"] == 200 and without["caseload"] == [person]
    for case in (given, withdrawn, refused):
        assert (case["outcome"], case["caseload"], case["correct"]) == (
            without["outcome"], without["caseload"], without["correct"])
        assert [r["id"] for r in case["records"]] == [r["id"] for r in without["records"]]


@pytest.mark.promise("S3-31")
def test_website_statistics_hold_no_identity_and_serve_only_the_analysis(wz: Any) -> None:
    officer = wz["privacy_officer"]
    # Given a visitor who is logged in to the site looks at the privacy page
    visitor = Client(REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Firefox/128.0")
    assert visitor.get("/privacy/").status_code == 200
    # Then the statistics count the visit, without an IP address, user name or browser string
    stats = officer.get("/api/v1/statistics/visits", {"purpose": "statistics"})
    assert stats.status_code == 200, stats.content
    body = stats.json()
    assert sum(row["visits"] for row in body["rows"]) == 1
    assert "203.0.113.77" not in stats.content.decode() and "Firefox/128" not in stats.content.decode()
    # And they cannot be used or exported for another purpose
    other = officer.get("/api/v1/statistics/visits", {"purpose": "benefits"})
    assert other.status_code == 403
    assert wz["worker"].get("/api/v1/statistics/visits", {"purpose": "statistics"}).status_code == 403
