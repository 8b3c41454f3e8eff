"""Relationship and marketing mailings: only with consent, no opt-out, and never special data."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import give, new_subject, refusals
from waarborg.engine.policy.loader import PolicyError, load_text

SELECT = "/api/v1/mailings/selection"


def test_the_mailing_selection_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    body = {"purpose": "relationship", "subjects": []}
    assert anonymous.post(SELECT, body, format="json").status_code == 401
    refused = care["supporter"].client.post(SELECT, body, format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted") == 1


@pytest.mark.promise("S2-06")
def test_a_marketing_selection_on_special_data_is_refused_even_with_consent(care: Any) -> None:
    # Given a client who consented to relationship mailings
    subject = new_subject()
    assert give(care["communications"], subject, "relationship").status_code == 201
    # When the mailing is selected on a health field of the client dossier
    response = care["communications"].client.post(
        SELECT, {"purpose": "relationship", "subjects": [str(subject.pk)], "data_fields": ["dossier.diagnosis"]},
        format="json")
    # Then it is refused and logged
    assert response.status_code == 403
    assert response.json()["reason"] == "special_category_forbidden"
    assert refusals("special_category_forbidden") == 1


@pytest.mark.promise("S2-06")
def test_a_marketing_purpose_that_holds_special_data_cannot_be_activated(care: Any) -> None:
    from tests.consent.conftest import CARE_POLICY

    text = CARE_POLICY.read_text(encoding="utf-8").replace(
        "      interests: {category: general}", "      interests: {category: health}")
    with pytest.raises(PolicyError) as problem:
        load_text(text, "care.yaml")
    assert any("marketing" in p.message and "special" in p.message for p in problem.value.problems)


@pytest.mark.promise("S2-12", "S2-03")
def test_new_options_mailings_reach_only_consenting_clients_without_opt_out(care: Any) -> None:
    # Given three clients: consented, consented but opted out of service information, never consented
    consented, opted_out, silent = new_subject(), new_subject(), new_subject()
    for subject in (consented, opted_out):
        assert give(care["communications"], subject, "relationship").status_code == 201
    assert care["privacy_officer"].client.post(
        "/api/v1/optouts", {"subject": str(opted_out.pk), "channel": "post"}, format="json").status_code == 201
    # When the mailing on general fields is selected
    response = care["communications"].client.post(SELECT, {
        "purpose": "relationship", "subjects": [str(s.pk) for s in (consented, opted_out, silent)],
        "data_fields": ["contact_card.email", "contact_card.interests"]}, format="json")
    # Then only the consenting client without opt-out is included
    assert response.status_code == 200
    assert response.json()["included"] == [str(consented.pk)]
    assert {(e["subject"], e["reason"]) for e in response.json()["excluded"]} == {
        (str(opted_out.pk), "opted_out"), (str(silent.pk), "no_active_consent")}


def test_a_selection_on_an_unknown_field_is_invalid(care: Any) -> None:
    response = care["communications"].client.post(
        SELECT, {"purpose": "relationship", "subjects": [], "data_fields": ["dossier.shoe_size"]}, format="json")
    assert response.status_code == 422 and "data_fields.0" in response.json()["errors"]
