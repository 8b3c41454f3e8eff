"""A disclosure the shipped policy forbids answers 403 with a reason code and leaves a refused audit entry;
422 is only for malformed input (S0-36, S1-19, S1-20, S2-14, S3-08, S4-10)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.utils import timezone

from tests.refusals.conftest import disclose, intake, org, refused, staff

APPLICATION = {"name": "Jan Jansen", "phone": "0592 123456", "address": "Markt 1, Assen",
               "birth_date": "1970-05-01", "care_recipient_address": "Markt 2, Assen", "edition": 2026}
LISTING = {"name": "Buurthuis De Linde", "address": "Lindelaan 1, Assen", "phone": "0592 111222"}
CLIENT = {"name": "Kees de Vries", "birth_date": "1950-03-01", "address": "Dorpsstraat 3, Ede"}
CLIENT_FILE = {"name": "Fatima el Amrani", "request": "Hulp bij de administratie", "source": "self",
               "household": "Alleenstaand"}
PLAN = {"name": "Piet Bakker", "education": "mbo", "plan": "Werkervaringsplaats"}


def _when(year: int, month: int, day: int) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 10, 0))  # noqa: DTZ001 - made aware at once


# Per organisation: who discloses, one case of theirs, a recipient, a reason it allows and one it does not.
CASES: dict[str, dict[str, Any]] = {
    "ikzorginassen": {"roles": ["assessor"], "discloser": ["privacy_officer"], "type": "application",
                      "data": APPLICATION, "purpose": "eligibility", "recipient": "hosting",
                      "allowed": "agreed_work", "refused": "contract", "categories": ["identity", "address"]},
    "socialekaart": {"roles": ["editor"], "discloser": ["privacy_officer"], "type": "listing", "data": LISTING,
                     "purpose": "listing", "recipient": "municipality", "allowed": "contract",
                     "refused": "legitimate_interest", "categories": []},
    "wlzclientondersteuning": {"roles": ["client_supporter"], "discloser": None, "type": "client", "data": CLIENT,
                               "purpose": "client_support", "recipient": "authorities",
                               "allowed": "legal_obligation", "refused": "consent", "categories": []},
    "kwartier": {"roles": ["social_worker"], "discloser": None, "type": "client_file", "data": CLIENT_FILE,
                 "purpose": "support", "recipient": "municipality", "allowed": "contract",
                 "refused": "agreed_work", "categories": ["identity", "support", "household"]},
    "werkzaak": {"roles": ["consultant"], "discloser": None, "type": "reintegration_plan", "data": PLAN,
                 "purpose": "reintegration", "recipient": "reintegration_providers", "allowed": "public_task",
                 "refused": "legal_obligation", "categories": []},
}
# Each organisation's own promise about disclosure reasons, proven on its own shipped policy.
ORGANISATIONS = [pytest.param("ikzorginassen", marks=pytest.mark.promise("S0-36")),
                 pytest.param("socialekaart", marks=pytest.mark.promise("S1-19")),
                 pytest.param("wlzclientondersteuning", marks=pytest.mark.promise("S2-14")),
                 pytest.param("kwartier", marks=pytest.mark.promise("S4-10")),
                 "werkzaak"]


def _setup(name: str, **intake_kwargs: Any) -> tuple[Any, str, dict[str, Any]]:
    """The organisation's shipped policy, a caseworker's intake, and the persona who discloses."""
    case = CASES[name]
    org(name)
    worker = staff("worker", case["roles"])
    subject_id, _ = intake(worker, case["type"], case["data"], case["purpose"], **intake_kwargs)
    discloser = staff("officer", case["discloser"]) if case["discloser"] else worker
    return discloser, subject_id, case


def _body(case: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"categories": case["categories"], **extra} if case["categories"] else extra


def test_disclosing_needs_a_login(db: Any, anonymous: Any) -> None:
    org("ikzorginassen")
    assert anonymous.post("/api/v1/disclosures", {}, format="json").status_code == 401


def test_a_role_without_disclose_is_refused_and_logged(db: Any) -> None:
    _, subject_id, case = _setup("ikzorginassen")
    helpdesk = staff("hanna", ["helpdesk"])
    response = disclose(helpdesk, subject_id, "hosting", "eligibility", "agreed_work", **_body(case))
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert len(refused("disclosure", "role_not_granted", subject_id)) == 1


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_a_reason_the_recipient_does_not_list_is_refused_and_logged(name: str, db: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    discloser, subject_id, case = _setup(name)
    # When the disclosure names a reason outside the recipient's list
    response = disclose(discloser, subject_id, case["recipient"], case["purpose"], case["refused"], **_body(case))
    # Then it is refused (403, not 422), with the allowed reasons in words, and the attempt is on record
    assert response.status_code == 403, response.content
    assert response.json()["reason"] == "reason_not_allowed" and case["allowed"] in response.json()["detail"]
    [entry] = refused("disclosure", "reason_not_allowed", subject_id)
    assert entry.detail == {"recipient": case["recipient"], "reason": case["refused"]}
    assert not Disclosure.objects.exists()
    # And a reason the recipient lists goes through
    allowed = disclose(discloser, subject_id, case["recipient"], case["purpose"], case["allowed"], **_body(case))
    assert allowed.status_code == 201, allowed.content


@pytest.mark.promise("S2-14")
def test_a_reason_outside_the_known_reasons_is_refused_not_invalid(db: Any) -> None:
    discloser, subject_id, _case = _setup("wlzclientondersteuning")
    response = disclose(discloser, subject_id, "authorities", "client_support", "because_they_asked")
    assert response.status_code == 403 and response.json()["reason"] == "reason_not_allowed"
    assert len(refused("disclosure", "reason_not_allowed", subject_id)) == 1


def test_an_unknown_purpose_is_refused_not_invalid(db: Any) -> None:
    discloser, subject_id, _case = _setup("ikzorginassen")
    response = disclose(discloser, subject_id, "hosting", "astrology", "agreed_work")
    assert response.status_code == 403 and response.json()["reason"] == "unknown_purpose"
    assert len(refused("disclosure", "unknown_purpose", subject_id)) == 1


def test_a_malformed_disclosure_is_still_invalid(db: Any) -> None:
    discloser, subject_id, _case = _setup("ikzorginassen")
    response = disclose(discloser, subject_id, "hosting", "eligibility", "agreed_work", categories=["shoe_size"])
    assert response.status_code == 422 and "categories" in response.json()["errors"]


@pytest.mark.parametrize(("name", "recipient", "before"), [
    pytest.param("ikzorginassen", "hosting", (2022, 6, 1), marks=pytest.mark.promise("S0-36")),
    pytest.param("socialekaart", "cms_hosting", (2022, 6, 1), marks=pytest.mark.promise("S1-20")),
    pytest.param("werkzaak", "hosting", (2020, 6, 1), marks=pytest.mark.promise("S3-08")),
])
def test_a_recipient_without_an_agreement_in_force_is_refused_and_logged(
        name: str, recipient: str, before: tuple[int, int, int], db: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    # Given data collected before the recipient's agreement took effect
    year, month, _day = before
    discloser, subject_id, case = _setup(name, collected_at=_when(year, month, 1))
    reason = "agreed_work" if name != "socialekaart" else "contract"
    # When a disclosure on that earlier day is recorded, then it is refused: there was no agreement then
    response = disclose(discloser, subject_id, recipient, case["purpose"], reason, at=_when(*before).isoformat())
    assert response.status_code == 403, response.content
    assert response.json()["reason"] == "no_agreement" and "Not yet in force" in response.json()["detail"]
    assert len(refused("disclosure", "no_agreement", subject_id)) == 1 and not Disclosure.objects.exists()


def test_a_record_of_another_purpose_is_refused_not_invalid(db: Any) -> None:
    discloser, subject_id, _case = _setup("ikzorginassen")
    helpdesk = staff("hanna", ["helpdesk"])
    ticket = helpdesk.client.post("/api/v1/records", {"subject": subject_id, "type": "helpdesk_ticket",
                                                      "data": {"question": "Hoe log ik in?"}},
                                  format="json", HTTP_X_PURPOSE="helpdesk").json()["id"]
    response = disclose(discloser, subject_id, "hosting", "eligibility", "agreed_work", records=[ticket])
    assert response.status_code == 403 and response.json()["reason"] == "purpose_mismatch"
    assert len(refused("disclosure", "purpose_mismatch", subject_id)) == 1


@pytest.mark.promise("S4-16")
def test_an_objection_stops_disclosures_until_compelling_grounds_are_recorded(db: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    # Given a Kwartier client who objected (bezwaar) to the support purpose
    discloser, subject_id, case = _setup("kwartier")
    officer = staff("pia", ["privacy_officer"])
    objection = officer.client.post("/api/v1/objections", {"subject": subject_id, "purpose": "support"},
                                    format="json")
    assert objection.status_code == 201, objection.content
    # When the social worker discloses the file to the municipality, then it is refused and logged
    response = disclose(discloser, subject_id, "municipality", "support", "contract", **_body(case))
    assert response.status_code == 403 and response.json()["reason"] == "objected"
    assert len(refused("disclosure", "objected", subject_id)) == 1 and not Disclosure.objects.exists()
    # And once staff record compelling grounds that outweigh it, the disclosure may go
    overridden = officer.client.post(f"/api/v1/objections/{objection.json()['id']}/override",
                                     {"grounds": "Wettelijke taak van de gemeente weegt zwaarder"}, format="json")
    assert overridden.status_code == 200
    assert disclose(discloser, subject_id, "municipality", "support", "contract", **_body(case)).status_code == 201


@pytest.mark.promise("S3-07")
def test_a_disclosure_on_the_ground_of_consent_needs_a_consent_given_before_it(db: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    # Given a Werkzaak client's re-integration plan, and a provider that may receive it with consent
    discloser, subject_id, _case = _setup("werkzaak")
    # When the consultant shares it on the ground of consent before the client consented, it is refused
    early = disclose(discloser, subject_id, "reintegration_providers", "reintegration", "consent")
    assert early.status_code == 403 and early.json()["reason"] == "no_active_consent"
    assert len(refused("disclosure", "no_active_consent", subject_id)) == 1 and not Disclosure.objects.exists()
    # And once the consent is in the register, it goes out naming that consent
    consent = discloser.client.post("/api/v1/consents", {"subject": subject_id, "purpose": "reintegration",
                                                         "channel": "in_person"}, format="json")
    assert consent.status_code == 201, consent.content
    shared = disclose(discloser, subject_id, "reintegration_providers", "reintegration", "consent")
    assert shared.status_code == 201, shared.content
    assert Disclosure.objects.get().consent_ref == consent.json()["id"]
