"""Only a role the policy grants `disclose` hands data over: being the privacy officer opens nothing by itself.

Kwartier's privacy officer reads client files (to answer requests) but its policy gives the `disclose` grant
to social workers only; ikzorginassen's privacy officer discloses award data because its policy says so.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.refusals.conftest import disclose, intake, org, refused, staff

CLIENT_FILE = {"name": "Fatima el Amrani", "request": "Hulp bij de administratie", "source": "self",
               "household": "Alleenstaand"}
APPLICATION = {"name": "Jan Jansen", "phone": "0612345678", "address": "Kerkstraat 1, Assen",
               "birth_date": "1970-01-01", "care_recipient_address": "Kerkstraat 3, Assen", "edition": 2024}


@pytest.mark.promise("S4-10", "S4-11")
def test_a_privacy_officer_without_the_grant_is_refused_and_logged(db: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    # Given Kwartier's shipped policy and a social worker's client
    org("kwartier")
    worker = staff("sanne", ["social_worker"], team="wijkteam_noord")
    subject_id, _ = intake(worker, "client_file", CLIENT_FILE, "support")
    officer = staff("pia", ["privacy_officer"])
    # When the privacy officer discloses the file to the municipality on a reason the recipient allows
    response = disclose(officer, subject_id, "municipality", "support", "contract",
                        categories=["identity", "support"])
    # Then it is refused: the policy grants `disclose` on support to social workers only, and it is on record
    assert response.status_code == 403, response.content
    assert response.json()["reason"] == "role_not_granted"
    assert len(refused("disclosure", "role_not_granted", subject_id)) == 1
    assert not Disclosure.objects.exists()
    # And the social worker whose case it is may
    allowed = disclose(worker, subject_id, "municipality", "support", "contract", categories=["identity", "support"])
    assert allowed.status_code == 201, allowed.content


@pytest.mark.promise("S0-36")
def test_a_privacy_officer_the_policy_grants_disclose_may_disclose(db: Any) -> None:
    # Given ikzorginassen's shipped policy, whose privacy officer holds `disclose` on eligibility
    org("ikzorginassen")
    assessor = staff("anna", ["assessor"])
    subject_id, _ = intake(assessor, "application", APPLICATION, "eligibility")
    officer = staff("pia", ["privacy_officer"])
    # When the privacy officer discloses to the municipality under the contract, then it is recorded
    response = disclose(officer, subject_id, "gemeente_assen", "eligibility", "contract",
                        categories=["identity", "address"])
    assert response.status_code == 201, response.content
    # But on a purpose the grant does not name (helpdesk questions), the same officer is refused
    refused_answer = disclose(officer, subject_id, "hosting", "helpdesk", "agreed_work")
    assert refused_answer.status_code == 403 and refused_answer.json()["reason"] == "role_not_granted"
