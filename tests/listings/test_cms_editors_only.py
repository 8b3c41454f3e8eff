"""Listings live in the CMS: only editors create and correct them, every change is audited (S1-06), and
non-public data answers 401/403 to strangers (S1-29)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.listings.conftest import DE_LINDE, add_listing, audited
from waarborg.engine.vault.models import Record
from waarborg.modules.listings.models import Listing


@pytest.mark.promise("S1-06", "S1-29")
def test_creating_a_listing_needs_an_account_and_the_editor_role(kaart: Any, anonymous: Any) -> None:
    body = {**DE_LINDE, "source": "municipality"}
    # Unauthenticated: 401, nothing stored
    assert anonymous.post("/api/v1/listings", body, format="json", HTTP_X_PURPOSE="listing").status_code == 401
    # Customer service and a role-less account: 403, refused and audited
    for who in ("service", "outsider"):
        answer = kaart[who].post("/api/v1/listings", body, format="json", HTTP_X_PURPOSE="listing")
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert [e.actor for e in audited("write.refused", reason="role_not_granted")] == ["kees", "olaf"]
    assert not Listing.objects.exists() and not Record.objects.exists()
    # The editor: 201, created and audited
    created = add_listing(kaart["editor"])
    assert created.status_code == 201
    assert [e.actor for e in audited("record.create")] == ["eva", "eva"]  # listing and verification address


def test_the_cms_names_its_purpose(kaart: Any) -> None:
    body = {**DE_LINDE, "source": "municipality"}
    assert kaart["editor"].post("/api/v1/listings", body, format="json").status_code == 400
    wrong = kaart["editor"].post("/api/v1/listings", body, format="json", HTTP_X_PURPOSE="feedback")
    assert wrong.status_code == 403 and wrong.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S1-06", "S1-29")
def test_an_editor_corrects_a_listing_and_the_old_and_new_values_are_audited(kaart: Any, anonymous: Any) -> None:
    from waarborg.engine.audit.log import open_changes

    created = add_listing(kaart["editor"]).json()
    url = f"/api/v1/listings/{created['id']}"
    # Strangers can neither read nor change it
    assert anonymous.patch(url, {"phone": "0592 999999"}, format="json", HTTP_X_PURPOSE="listing").status_code == 401
    assert anonymous.get(url, {"purpose": "listing"}).status_code == 401
    refused = kaart["service"].patch(url, {"phone": "0592 999999"}, format="json", HTTP_X_PURPOSE="listing")
    assert refused.status_code == 403
    assert kaart["outsider"].get(url, {"purpose": "listing"}).status_code == 403
    # The editor corrects the phone number
    answer = kaart["editor"].patch(url, {"phone": "0592 999999"}, format="json", HTTP_X_PURPOSE="listing")
    assert answer.status_code == 200 and answer.json()["phone"] == "0592 999999"
    # The audit log has who, which field, and (sealed) the old and new value
    [update] = audited("record.update")
    assert update.actor == "eva" and update.detail["fields"] == ["phone"]
    assert open_changes(update) == {"old": {"phone": DE_LINDE["phone"]}, "new": {"phone": "0592 999999"}}


@pytest.mark.promise("S1-04", "S1-29")
def test_the_verification_address_is_only_set_by_an_editor_and_is_not_in_the_cms_listing(kaart: Any,
                                                                                        anonymous: Any) -> None:
    created = add_listing(kaart["editor"], verification_email="").json()
    url = f"/api/v1/listings/{created['id']}/verification-address"
    body = {"email": "controle@delinde.example.nl"}
    assert anonymous.put(url, body, format="json", HTTP_X_PURPOSE="verification").status_code == 401
    assert kaart["service"].put(url, body, format="json", HTTP_X_PURPOSE="verification").status_code == 403
    assert kaart["editor"].put(url, body, format="json", HTTP_X_PURPOSE="verification").status_code == 204
    listing = Listing.objects.get(pk=created["id"])
    assert listing.verification is not None and listing.verification.purpose == "verification"
    # Stored sealed in a record of its own: not in the listing's plain data
    assert "controle@delinde.example.nl" not in str(listing.verification.plain)
    shown = kaart["editor"].get(f"/api/v1/listings/{created['id']}", {"purpose": "listing"}).json()
    assert shown["has_verification_address"] is True and "controle@" not in str(shown)


def test_taking_a_listing_off_the_map_is_an_editors_decision_with_a_reason(kaart: Any) -> None:
    created = add_listing(kaart["editor"]).json()
    url = f"/api/v1/listings/{created['id']}/unpublish"
    assert kaart["service"].post(url, {"reason": "other"}, format="json").status_code == 403
    assert kaart["editor"].post(url, {}, format="json").status_code == 422
    assert kaart["editor"].post(url, {"reason": "on_request"}, format="json").status_code == 200
    [entry] = audited("listing.unpublish")
    assert entry.actor == "eva" and entry.detail["reason"] == "on_request"
