"""A staff session ends after WAARBORG_STAFF_IDLE_MINUTES without a request; working on keeps it alive; the
idle logout is audited. A citizen's portal session is not cut short by it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import time_machine

from tests.lockout.conftest import audit, from_address, login

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def test_a_staff_session_ends_after_thirty_idle_minutes(staff_password: tuple[str, str]) -> None:
    username, password = staff_password
    client = from_address()
    with time_machine.travel(START, tick=False):
        assert login(client, "backoffice", username, password).status_code == 302
        assert client.get("/backoffice/verzoeken/").status_code == 200
    # working on every 20 minutes keeps the session
    for minutes in (20, 40, 60):
        with time_machine.travel(START + timedelta(minutes=minutes), tick=False):
            assert client.get("/backoffice/verzoeken/").status_code == 200
    # after 31 minutes without a request the next one lands on the login page
    with time_machine.travel(START + timedelta(minutes=91), tick=False):
        answer = client.get("/backoffice/verzoeken/")
        assert answer.status_code == 302 and "/backoffice/inloggen" in answer["Location"]
        assert client.get("/admin/").status_code == 302
    [entry] = audit("session.idle_logout")
    assert entry.actor == username and entry.detail == {"minutes": 30}


def test_the_idle_period_is_a_setting(staff_password: tuple[str, str], settings: Any) -> None:
    settings.WAARBORG_STAFF_IDLE_MINUTES = 5
    username, password = staff_password
    client = from_address()
    with time_machine.travel(START, tick=False):
        login(client, "backoffice", username, password)
        client.get("/backoffice/verzoeken/")
    with time_machine.travel(START + timedelta(minutes=6), tick=False):
        assert client.get("/backoffice/verzoeken/").status_code == 302


def test_a_citizen_in_the_portal_is_not_logged_out_after_half_an_hour(citizen_password: tuple[str, str]) -> None:
    username, password = citizen_password
    client = from_address()
    with time_machine.travel(START, tick=False):
        assert login(client, "portal", username, password).status_code == 302
    with time_machine.travel(START + timedelta(minutes=45), tick=False):
        assert client.get("/portaal/").status_code == 200
