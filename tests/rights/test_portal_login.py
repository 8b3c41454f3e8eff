"""Portal login: wrong passwords fail and are logged; repeated failures lock the account for a while (the lockout
every door shares, waarborg.audiences.web.lockout; tests/lockout tries it on every door)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine
from django.test import Client

from tests.rights.conftest import PASSWORD, audit, citizen_account

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _login(username: str, password: str) -> Any:
    return Client().post("/portaal/inloggen", {"username": username, "password": password})


def test_a_wrong_password_fails_and_is_logged_the_right_one_succeeds(policy: Any, anna: Any) -> None:
    username = citizen_account(anna, PASSWORD).username
    assert _login(username, "fout-wachtwoord").status_code == 200
    [failed] = audit("portal.login", outcome="refused")
    assert failed.reason == "wrong_credentials" and "anna" not in str(failed.detail)
    assert _login(username, PASSWORD).status_code == 302
    assert [e.actor for e in audit("portal.login", outcome="ok")] == [username]


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(policy: Any, anna: Any) -> None:
    username = citizen_account(anna, PASSWORD).username
    with time_machine.travel(START, tick=False):
        for _ in range(4):
            assert _login(username, "fout").status_code == 200
        assert _login(username, "fout").status_code == 429  # the fifth locks
        locked = _login(username, PASSWORD)
        assert locked.status_code == 429 and "Te veel mislukte pogingen" in locked.content.decode()
    with time_machine.travel(START + timedelta(minutes=16), tick=False):
        assert _login(username, PASSWORD).status_code == 302
    assert [e.reason for e in audit("portal.login", outcome="refused")] == ["wrong_credentials"] * 4 + ["locked_out"] * 2
