"""A passkey follows the app's rules (the happy path runs in a real browser: tests/browser/
test_staff_log_in_with_a_passkey.py): it opens nothing before the password, an answer that does not hold is
refused and on record like a wrong code and counts towards the lockout, a locked-out account's passkey opens
nothing, and adding one is refused to whoever has a second factor but has not entered it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.twofactor.conftest import audit, log_in

BEGIN = "/backoffice/tweede-factor/passkey/authentication/begin/"
COMPLETE = "/backoffice/tweede-factor/passkey/authentication/complete/"
REGISTER = "/backoffice/tweede-factor/passkey/registration/begin/"
# What a browser sends back, but signed by no key of hers
FORGED = {"id": "AAAA", "rawId": "AAAA", "type": "public-key", "clientExtensionResults": {},
          "response": {"clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA", "userHandle": None}}


@pytest.fixture
def passkey(pia: tuple[Any, str]) -> Any:
    """Pia's passkey, as her browser registered it (its public key; the ceremony itself is the browser test's)."""
    from django_otp_webauthn.models import WebAuthnCredential

    user, _ = pia
    return WebAuthnCredential.objects.create(user=user, name="laptop", confirmed=True, credential_id=b"\x01" * 32,
                                             public_key=b"\x02" * 77, sign_count=0)


def _answer(client: Client) -> Any:
    assert client.post(BEGIN).status_code == 200
    return client.post(COMPLETE, json.dumps(FORGED), content_type="application/json")


def test_a_passkey_opens_nothing_before_the_password(passkey: Any, required: None) -> None:
    client = Client()
    assert client.post(BEGIN).status_code == 403
    assert client.post(COMPLETE, json.dumps(FORGED), content_type="application/json").status_code == 403
    assert not audit("staff.2fa.verify")


def test_an_answer_that_does_not_hold_is_refused_on_record_and_counts(pia: tuple[Any, str], passkey: Any,
                                                                       required: None) -> None:
    user, password = pia
    # given her password (someone who has it), the code page offers her passkey
    client = Client(REMOTE_ADDR="192.0.2.1")
    assert log_in(client, "pia", password).status_code == 302
    assert "Inloggen met uw passkey" in client.get("/backoffice/tweede-factor").content.decode()
    # when answers that no key of hers signed come back, each is refused and on record like a wrong code
    answers = [_answer(client) for _ in range(6)]
    assert all(a.status_code in (400, 403, 404, 422, 429) for a in answers)
    refused = audit("staff.2fa.verify", outcome="refused")
    assert {e.detail["method"] for e in refused} == {"passkey"}
    assert [e.reason for e in refused][:4] == ["wrong_passkey"] * 4
    # and the fifth locks her second factor out, as five wrong codes do: then nothing opens
    assert answers[4].status_code == 429 and answers[4].json()["code"] == "locked_out"
    assert answers[5].status_code == 429 and refused[-1].reason == "locked_out"
    assert [e.detail["user_id"] for e in audit("login.lockout")] == [user.pk]
    assert client.get("/backoffice/").status_code == 302


def test_adding_a_passkey_needs_the_second_factor_entered_first(pia: tuple[Any, str], passkey: Any,
                                                                 required: None) -> None:
    _, password = pia
    client = Client()
    log_in(client, "pia", password)
    refused = client.post(REGISTER)
    assert refused.status_code == 403 and refused.json()["code"] == "user_not_verified"


def test_the_passkey_scripts_speak_to_staff_with_u(pia: tuple[Any, str]) -> None:
    """A user trial on http://127.0.0.1 got the library's own Dutch: "... waardoor je geen Passkey voor deze website
    kan registeren" ("je" where the back office says "u", and a typo). Our catalogue overrides it, and says what
    to do about the usual cause (an IP address, which cannot hold a passkey)."""
    from django.urls import reverse

    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    user, password = pia
    log_in(client, user.username, password)
    catalogue = client.get(reverse("otp_webauthn:js-i18n-catalog")).content.decode()
    assert "Open de website via het adres dat de beheerder gaf" in catalogue
    assert "Waarschijnlijk heeft u voor deze website al een passkey" in catalogue
    assert "registeren" not in catalogue and " je " not in catalogue
