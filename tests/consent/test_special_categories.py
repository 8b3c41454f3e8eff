"""Special categories (art. 9 AVG): only under the purpose's exception, explicit consent or a named legal ground."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import (
    give,
    list_records,
    new_subject,
    read_record,
    refusals,
    write_record,
    years_ago,
)
from waarborg.engine.vault.models import Record

DOSSIER = {"name": "Kees", "situation": "Mantelzorg door partner", "diagnosis": "Parkinson"}


@pytest.fixture
def client_subject(care: Any) -> Any:
    return new_subject(birth_date=years_ago(70))


@pytest.mark.promise("S2-04", "S4-02")
def test_special_data_without_consent_is_refused_and_audited(care: Any, client_subject: Any) -> None:
    response = write_record(care["supporter"], client_subject, "dossier", DOSSIER, "client_support")
    assert response.status_code == 403
    assert response.data["reason"] == "special_category_forbidden"
    assert refusals("special_category_forbidden", client_subject) == 1
    assert not Record.objects.filter(subject=client_subject).exists()


def test_general_data_of_the_same_dossier_needs_no_consent(care: Any, client_subject: Any) -> None:
    # client_support rests on the agreement: only its special fields need the explicit consent
    response = write_record(care["supporter"], client_subject, "dossier", {"name": "Kees"}, "client_support")
    assert response.status_code == 201


@pytest.mark.promise("S2-04", "S2-05")
def test_a_consent_that_covers_only_general_data_does_not_allow_special_data(care: Any, client_subject: Any) -> None:
    give(care["supporter"], client_subject, "client_support", evidence={"document": "TV-9", "scope": ["general"]})
    response = write_record(care["supporter"], client_subject, "dossier", DOSSIER, "client_support")
    assert response.status_code == 403 and response.data["reason"] == "special_category_forbidden"


@pytest.mark.promise("S2-04", "S4-02", "S2-05")
def test_a_signed_consent_covering_special_data_allows_it_until_withdrawn(care: Any, client_subject: Any) -> None:
    # Given a signed consent statement covering general and special data
    consent = give(care["supporter"], client_subject, "client_support",
                   evidence={"document": "TV-10", "scope": ["general", "special"]}).json()
    # When the dossier with health data is stored and read
    stored = write_record(care["supporter"], client_subject, "dossier", DOSSIER, "client_support")
    assert stored.status_code == 201
    assert read_record(care["supporter"], stored.data["id"], "client_support").status_code == 200
    # Then after withdrawal further special-data processing is blocked
    care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    again = write_record(care["supporter"], client_subject, "dossier", DOSSIER, "client_support")
    assert again.status_code == 403 and again.data["reason"] == "special_category_forbidden"
    read = read_record(care["supporter"], stored.data["id"], "client_support")
    assert read.status_code == 403 and read.data["reason"] == "special_category_forbidden"
    assert refusals("special_category_forbidden", client_subject) == 2


@pytest.mark.promise("S4-02")
def test_a_named_legal_ground_allows_special_data_without_consent(care: Any, client_subject: Any) -> None:
    # indication rests on the Wlz with art. 9(2)(h) and names art. 30(3) UAVG, and may hold the BSN
    response = write_record(care["supporter"], client_subject, "indication_request",
                            {"bsn": "111222333", "diagnosis": "Parkinson"}, "indication")
    assert response.status_code == 201


@pytest.mark.promise("S2-04")
def test_listing_a_clients_dossiers_needs_the_consent_for_special_data_too(care: Any, client_subject: Any) -> None:
    consent = give(care["supporter"], client_subject, "client_support",
                   evidence={"document": "TV-11", "scope": ["general", "special"]}).json()
    assert write_record(care["supporter"], client_subject, "dossier", DOSSIER, "client_support").status_code == 201
    care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    listing = list_records(care["supporter"], client_subject, "client_support")
    assert listing.status_code == 403 and listing.data["reason"] == "special_category_forbidden"
