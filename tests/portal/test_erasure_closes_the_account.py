"""An erasure closes the subject's portal account and removes its sealed address."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.rights.conftest import PASSWORD, audit, citizen_account, verified_request
from waarborg.engine.citizens.models import AccountAddress


def test_an_erasure_closes_the_account_and_removes_its_address(personas: dict[str, Any], anna: Any) -> None:
    account = citizen_account(anna)
    assert AccountAddress.objects.filter(user=account).exists()
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "erasure")
    result = officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").json()
    assert result["account_closed"] is True
    account.refresh_from_db()
    assert not account.is_active and not account.has_usable_password()
    assert not AccountAddress.objects.filter(user=account).exists()
    assert Client().post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 200
    assert [e.actor for e in audit("account.erase")] == ["pia"]
