"""At each login after the password: the app's code opens the back office; a wrong code is refused on the page
and on record (`staff.2fa.verify`, refused, `wrong_code`), and a code is accepted once; a recovery code opens
it once, on record as `staff.2fa.recovery` with how many are left."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.test import Client

from tests.twofactor.conftest import START, STEP, audit, code_at, enrol, log_in

LATER = START + STEP * 100


@pytest.fixture
def enrolled(pia: tuple[Any, str], required: None) -> tuple[Any, str, str, list[str]]:
    """Pia, her password, her app's secret and her recovery codes (she enrolled at START)."""
    user, password = pia
    with time_machine.travel(START, tick=False):
        client = Client()
        log_in(client, "pia", password)
        secret, codes = enrol(client, START)
    return user, password, secret, codes


def test_a_wrong_code_is_refused_and_audited_then_the_right_one_opens(enrolled: Any) -> None:
    user, password, secret, _ = enrolled
    client = Client()
    with time_machine.travel(LATER, tick=False):
        log_in(client, "pia", password)
        # when she types a wrong code
        wrong = client.post("/backoffice/tweede-factor", {"code": "123456"})
        # then the page says so, and still no back-office page opens
        assert wrong.status_code == 200 and "Deze code klopt niet" in wrong.content.decode()
        assert client.get("/backoffice/").status_code == 302
        [refused] = audit("staff.2fa.verify", outcome="refused")
        assert (refused.reason, refused.actor_id) == ("wrong_code", user.pk)
        assert refused.detail == {"user_id": user.pk, "door": "backoffice", "method": "app"}
        assert "123456" not in str(refused.detail)
    with time_machine.travel(LATER + STEP, tick=False):
        # when she types the code her app shows now (a moment later: after a wrong code the app waits a second)
        right = client.post("/backoffice/tweede-factor", {"code": code_at(secret, LATER + STEP)})
        # then she lands on her first page, and the back office opens
        assert right.status_code == 302 and right["Location"] == "/backoffice/"
        assert client.get("/backoffice/").status_code == 200
    [ok] = audit("staff.2fa.verify", outcome="ok")
    assert ok.detail == {"user_id": user.pk, "door": "backoffice", "method": "app"}


def test_a_code_is_accepted_once(enrolled: Any) -> None:
    _, password, secret, _ = enrolled
    with time_machine.travel(LATER, tick=False):
        first, second = Client(), Client()
        log_in(first, "pia", password)
        log_in(second, "pia", password)
        code = code_at(secret, LATER)
        assert first.post("/backoffice/tweede-factor", {"code": code}).status_code == 302
        # someone who saw the code over her shoulder cannot use it in another session
        again = second.post("/backoffice/tweede-factor", {"code": code})
        assert again.status_code == 200 and "Deze code klopt niet" in again.content.decode()
        assert second.get("/backoffice/").status_code == 302


def test_a_recovery_code_works_once(enrolled: Any) -> None:
    user, password, _, codes = enrolled
    with time_machine.travel(LATER, tick=False):
        client = Client()
        log_in(client, "pia", password)
        # when she has no phone at hand and types a recovery code (as printed, with its dash)
        answer = client.post("/backoffice/tweede-factor", {"code": codes[3]}, follow=True)
        # then she is in, and told how many codes she has left
        assert answer.status_code == 200 and answer.redirect_chain[-1][0] == "/backoffice/"
        assert "nog 9 herstelcodes over" in answer.content.decode()
        [used] = audit("staff.2fa.recovery")
        assert used.actor_id == user.pk and used.detail["left"] == 9 and codes[3] not in str(used.detail)
    with time_machine.travel(LATER + STEP * 10, tick=False):
        # when the same code is tried again, in another session
        other = Client()
        log_in(other, "pia", password)
        again = other.post("/backoffice/tweede-factor", {"code": codes[3].replace("-", "").upper()})
        # then it is refused: each recovery code works once
        assert again.status_code == 200 and other.get("/backoffice/").status_code == 302
        [refused] = audit("staff.2fa.verify", outcome="refused")
        assert refused.reason == "wrong_code" and refused.detail["method"] == "recovery"
    with time_machine.travel(LATER + STEP * 11, tick=False):
        # and another of her codes still works (a moment later: after a wrong code the codes wait a second)
        assert other.post("/backoffice/tweede-factor", {"code": codes[4]}).status_code == 302


def test_optional_still_asks_whoever_enrolled(enrolled: Any, settings: Any) -> None:
    settings.WAARBORG_STAFF_2FA = "optional"
    _, password, secret, _ = enrolled
    with time_machine.travel(LATER, tick=False):
        client = Client()
        log_in(client, "pia", password)
        assert client.get("/backoffice/")["Location"].startswith("/backoffice/tweede-factor?")
        assert client.post("/backoffice/tweede-factor", {"code": code_at(secret, LATER)}).status_code == 302
        assert client.get("/backoffice/").status_code == 200


def test_off_asks_nobody(enrolled: Any, settings: Any) -> None:
    settings.WAARBORG_STAFF_2FA = "off"
    _, password, _, _ = enrolled
    with time_machine.travel(LATER, tick=False):
        client = Client()
        log_in(client, "pia", password)
        assert client.get("/backoffice/").status_code == 200
