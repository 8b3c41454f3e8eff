"""Per source address: failures over many account names, and wrong API tokens, lock the address out of every
login; the address is the one the trusted proxy reports, never what a client claims itself."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.conftest import make_staff
from tests.lockout.conftest import audit, from_address, login

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings: Any) -> Any:
    from waarborg.audiences.web.proxy import networks

    settings.WAARBORG_TRUSTED_PROXY = networks("WAARBORG_TRUSTED_PROXY", "10.0.0.0/24")
    return settings


def via_proxy(client_address: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


def test_twenty_failures_over_many_names_lock_the_address_not_the_accounts(
        staff_password: tuple[str, str], behind_proxy: Any) -> None:
    # given someone behind the proxy who tries twenty different account names once each
    username, password = staff_password
    for n in range(20):
        login(via_proxy("203.0.113.9"), "backoffice", f"gok{n}", "fout")
    # then from that address even the right password of a real account is refused
    assert login(via_proxy("203.0.113.9"), "backoffice", username, password).status_code == 429
    # and the login pages say so before anyone types (a user trial saw the notice only after a POST)
    for page in ("/backoffice/inloggen", "/portaal/inloggen"):
        shown = via_proxy("203.0.113.9").get(page).content.decode()
        assert "Te veel mislukte pogingen" in shown, page
        assert "Te veel mislukte pogingen" not in via_proxy("203.0.113.10").get(page).content.decode()
    # while the same account logs in from another address behind the same proxy
    assert login(via_proxy("203.0.113.10"), "backoffice", username, password).status_code == 302
    # and the lockout is audited as one of the address, without the address itself
    [lockout] = audit("login.lockout")
    assert lockout.detail["by"] == ["address"] and "203.0.113" not in str(lockout.detail)


def test_a_client_cannot_dodge_the_address_count_with_its_own_forwarded_header(
        staff_password: tuple[str, str], behind_proxy: Any) -> None:
    # given a client that reaches the app directly and claims a new address on every try
    username, password = staff_password
    for n in range(20):
        Client(REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").post(
            "/backoffice/inloggen", {"username": f"gok{n}", "password": "fout"})
    # then all tries counted for the address it really has
    assert login(from_address("198.51.100.20"), "backoffice", username, password).status_code == 429


def test_wrong_api_tokens_count_and_then_answer_429_while_valid_tokens_keep_working(policy: Any) -> None:
    # given a guesser trying tokens from one address, and a real integration elsewhere
    _, key = make_staff("intake", ["helpdesk"])
    guesser = APIClient(REMOTE_ADDR="192.0.2.66")
    guesser.credentials(HTTP_AUTHORIZATION="Token wrong-token")
    # when the guesser tries twenty wrong tokens
    responses = [guesser.get("/api/v1/assignments", {"staff": "me"}) for _ in range(20)]
    answers = [r.status_code for r in responses]
    # then they are 401 until the address reaches its limit, then 429 with Retry-After
    assert answers[:19] == [401] * 19 and answers[19] == 429
    # in Dutch first, English second (a user trial found the 401 in English only)
    assert responses[0].json()["detail"] == ("Deze sleutel bestaat niet of is ingetrokken. "
                                             "(Invalid or revoked token.)")
    locked = guesser.get("/api/v1/assignments", {"staff": "me"})
    assert locked.status_code == 429 and locked["Retry-After"] == str(15 * 60)
    assert "Te veel mislukte pogingen" in locked.json()["detail"]
    # and the address is locked out of the password logins too
    assert audit("login.lockout")[0].detail == {"door": "api", "by": ["address"], "user_id": None, "minutes": 15}
    # while a valid token from another address is answered as always
    real = APIClient(REMOTE_ADDR="192.0.2.77")
    real.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert real.get("/api/v1/assignments", {"staff": "me"}).status_code == 200
