"""A disclosure is judged on the fields the records really hold (not every field their type declares), narrowed
to the categories asked; the disclosure, its audit entry and the person's overview name exactly those (S2-14)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.refusals.conftest import disclose, intake, org, refused, staff

CLIENT = {"name": "Kees de Vries", "birth_date": "1950-03-01", "address": "Dorpsstraat 3, Ede"}
SENT = ["client.address", "client.birth_date", "client.name"]


@pytest.fixture
def wlz(db: Any) -> dict[str, Any]:
    org("wlzclientondersteuning")
    return {"supporter": staff("sanne", ["client_supporter"]), "officer": staff("pia", ["privacy_officer"])}


def test_the_overview_needs_a_login_and_a_role(wlz: dict[str, Any], anonymous: Any) -> None:
    subject_id, _ = intake(wlz["supporter"], "client", CLIENT, "client_support")
    assert anonymous.get(f"/api/v1/subjects/{subject_id}/disclosures").status_code == 401
    response = staff("adam", ["administration"]).client.get(f"/api/v1/subjects/{subject_id}/disclosures")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert len(refused("disclosure.list", "role_not_granted", subject_id)) == 1


@pytest.mark.promise("S2-14")
def test_a_record_without_its_optional_fields_goes_to_a_recipient_that_may_not_get_those(
        wlz: dict[str, Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry

    # Given a client record with name, birth date and address only (no contact details, no representative)
    subject_id, record_id = intake(wlz["supporter"], "client", CLIENT, "client_support")
    # When the client supporter discloses it to an authority under a legal obligation, which receives identity,
    # address and birth date, but not contact details or representatives
    response = disclose(wlz["supporter"], subject_id, "authorities", "client_support", "legal_obligation")
    # Then it goes out, naming exactly the fields it held
    assert response.status_code == 201, response.content
    assert response.json()["fields"] == SENT and response.json()["records"] == [record_id]
    assert response.json()["categories"] == ["address", "birth_date", "identity"]
    logged = AuditEntry.objects.get(action="disclosure.create")
    assert logged.detail["fields"] == SENT and logged.detail["categories"] == ["address", "birth_date", "identity"]
    # And the person's overview says the same
    overview = wlz["officer"].client.get(f"/api/v1/subjects/{subject_id}/disclosures")
    assert overview.status_code == 200
    [row] = overview.json()
    assert (row["recipient"], row["reason"], row["fields"]) == ("authorities", "legal_obligation", SENT)


def test_the_same_record_with_a_representative_is_refused_for_that_recipient(wlz: dict[str, Any]) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    subject_id, _ = intake(wlz["supporter"], "client", {**CLIENT, "representative_name": "Els de Vries"},
                           "client_support")
    response = disclose(wlz["supporter"], subject_id, "authorities", "client_support", "legal_obligation")
    assert response.status_code == 403 and response.json()["reason"] == "recipient_not_allowed"
    assert "representative" in response.json()["detail"]
    assert len(refused("disclosure", "recipient_not_allowed", subject_id)) == 1 and not Disclosure.objects.exists()
    # Narrowed to what the authority may receive, it goes out without the representative
    narrowed = disclose(wlz["supporter"], subject_id, "authorities", "client_support", "legal_obligation",
                        categories=["identity", "birth_date"])
    assert narrowed.status_code == 201 and narrowed.json()["fields"] == ["client.birth_date", "client.name"]


def test_categories_the_records_do_not_hold_leave_nothing_to_disclose(wlz: dict[str, Any]) -> None:
    subject_id, _ = intake(wlz["supporter"], "client", CLIENT, "client_support")
    response = disclose(wlz["supporter"], subject_id, "authorities", "client_support", "legal_obligation",
                        categories=["invoice"])
    assert response.status_code == 422 and "records" in response.json()["errors"]
