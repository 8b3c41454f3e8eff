"""Brute force through the front door: 30 wrong passwords, then the right one, is refused on the back office,
the Django admin and the citizen portal alike; the lockout is audited once, without the name typed, and no
log line carries the name or the address."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from tests.lockout.conftest import audit, from_address, login

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
ADDRESS = "192.0.2.10"


@pytest.mark.parametrize("door", ["backoffice", "admin", "portal"])
def test_thirty_wrong_passwords_then_the_right_one_is_refused(door: str, request: Any, caplog: Any) -> None:
    # given an account that may use this door, and its right password
    username, password = request.getfixturevalue("citizen_password" if door == "portal" else "staff_password")
    client = from_address(ADDRESS)
    caplog.set_level(logging.DEBUG)
    with time_machine.travel(START, tick=False):
        # when someone tries 30 wrong passwords
        answers = [login(client, door, username, f"fout-{n}") for n in range(30)]
        # then the first four are ordinary failures, from the fifth on the door answers 429 with Retry-After
        assert [a.status_code for a in answers[:4]] == [200] * 4
        assert {a.status_code for a in answers[4:]} == {429}
        assert answers[-1]["Retry-After"] == str(15 * 60)
        assert "Te veel mislukte pogingen" in answers[-1].content.decode()
        # and the right password is refused too, for the account, from any address
        assert login(client, door, username, password).status_code == 429
        assert login(from_address("198.51.100.7"), door, username, password).status_code == 429
    # then the lockout is audited once, naming the door and the account's id, never the name typed
    [lockout] = audit("login.lockout")
    assert lockout.outcome == "refused" and lockout.reason == "locked_out"
    assert lockout.detail["door"] == door and lockout.detail["by"] == ["account"]
    assert lockout.detail["user_id"] is not None and username not in str(lockout.detail)
    action = {"backoffice": "backoffice.login", "admin": "admin.login", "portal": "portal.login"}[door]
    refused = audit(action, outcome="refused")
    assert [e.reason for e in refused] == ["wrong_credentials"] * 4 + ["locked_out"] * 28
    # and no log line names the account or the address
    assert caplog.records and not [r for r in caplog.records if username in r.getMessage() or ADDRESS in r.getMessage()]
    # when the lockout window has passed since the last try, the right password works again
    with time_machine.travel(START + timedelta(minutes=16), tick=False):
        assert login(client, door, username, password).status_code == 302


def test_the_lockout_is_one_count_shared_by_every_door(staff_password: tuple[str, str]) -> None:
    # given a staff member whose password is guessed at on the back office and on the admin, from two addresses
    username, password = staff_password
    for door, address in [("backoffice", "192.0.2.1"), ("admin", "192.0.2.2")] * 2 + [("backoffice", "192.0.2.3")]:
        login(from_address(address), door, username, "fout")
    # then five failures over both doors lock the account on both
    assert login(from_address("192.0.2.4"), "admin", username, password).status_code == 429
    assert login(from_address("192.0.2.4"), "backoffice", username, password).status_code == 429


def test_a_right_password_forgives_the_owners_earlier_typos(staff_password: tuple[str, str]) -> None:
    # given a staff member who mistyped four times and then logged in
    username, password = staff_password
    client = from_address(ADDRESS)
    for _ in range(4):
        login(client, "backoffice", username, "fout")
    assert login(client, "backoffice", username, password).status_code == 302
    # when they mistype once more later
    assert login(from_address(ADDRESS), "backoffice", username, "fout").status_code == 200
    # then they are not locked out: the count started again at their successful login
    assert login(from_address(ADDRESS), "backoffice", username, password).status_code == 302
