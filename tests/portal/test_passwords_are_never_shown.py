"""S0-15: passwords are stored only as salted argon2 hashes, and no page, API answer or export shows
the password or its hash."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from django.test import Client

from tests.rights.conftest import PASSWORD, citizen_account, verified_request
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.models import AuditEntry


def _secret_parts(stored: str) -> list[str]:
    *_, salt, digest = stored.split("$")
    return [stored, salt, digest, PASSWORD]


@pytest.mark.promise("S0-15")
def test_the_same_password_gives_two_different_argon2_hashes(anna: Any, bert: Any) -> None:
    first, second = citizen_account(anna), citizen_account(bert)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.password.startswith("argon2$argon2id$") and second.password.startswith("argon2$argon2id$")
    assert first.password != second.password  # salted
    assert PASSWORD not in first.password and first.check_password(PASSWORD)


@pytest.mark.promise("S0-15")
def test_no_page_api_answer_or_export_shows_the_password_or_its_hash(personas: dict[str, Any], anna: Any) -> None:
    account = citizen_account(anna)
    stored = User.objects.get(pk=account.pk).password
    secrets = _secret_parts(stored)
    officer = personas["privacy_officer"]
    shown: dict[str, str] = {}
    # every export format of an access and a portability request
    access_id = verified_request(officer, anna, "access")
    for fmt in ("json", "html"):
        shown[f"access.{fmt}"] = officer.get(f"/api/v1/requests/{access_id}/export", {"format": fmt}).content.decode()
    pdf = officer.get(f"/api/v1/requests/{access_id}/export", {"format": "pdf"}).content
    shown["access.pdf"] = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                                         check=True).stdout.decode()
    portability_id = verified_request(officer, anna, "portability")
    for fmt in ("json", "csv"):
        shown[f"portability.{fmt}"] = officer.get(f"/api/v1/requests/{portability_id}/export",
                                                  {"format": fmt}).content.decode()
    # the API's request file and the application record
    shown["api.request"] = officer.get(f"/api/v1/requests/{access_id}").content.decode()
    application = anna.records.get(type="application")
    shown["api.record"] = officer.get(f"/api/v1/records/{application.pk}", {"purpose": "eligibility"}).content.decode()
    # the portal pages the citizen sees
    client = Client()
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302
    for path in ("/portaal/", "/portaal/?lang=en", "/portaal/aanvraag", "/portaal/account/opheffen"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        shown[path] = answer.content.decode()
    # the admin has no page for accounts at all
    staff = Client()
    staff.force_login(officer.user)
    assert staff.get(f"/admin/accounts/user/{account.pk}/change/").status_code == 404
    # and the audit log's details
    shown["audit"] = " ".join(str(e.detail) for e in AuditEntry.objects.all())
    assert account.username in shown["access.json"] and account.username in shown["access.pdf"]  # the account is there
    for where, text in shown.items():
        assert "argon2" not in text, where
        for secret in secrets:
            assert secret not in text, where
