"""Guessing codes is guessing passwords: five wrong codes lock the account's second factor for 15 minutes
(429 with Retry-After, audited as `login.lockout`), a fresh password login does not forgive them, the right
code is refused during the lockout, and `waarborg staff unlock` lifts it."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from tests.twofactor.conftest import START, STEP, audit, code_at, enrol, log_in
from waarborg.audiences.cli import main

GUESSING = START + STEP * 100


def _enrolled(pia: tuple[Any, str]) -> tuple[str, str]:
    _, password = pia
    with time_machine.travel(START, tick=False):
        client = Client()
        log_in(client, "pia", password)
        secret, _ = enrol(client, START)
    return password, secret


def test_five_wrong_codes_lock_the_second_factor(pia: tuple[Any, str], required: None, capsys: Any) -> None:
    user, _ = pia
    password, secret = _enrolled(pia)
    with time_machine.travel(GUESSING, tick=False):
        # given someone who has her password and guesses codes, logging in again between guesses
        answers = []
        for guess in range(30):
            client = Client(REMOTE_ADDR=f"192.0.2.{guess + 1}")
            assert log_in(client, "pia", password).status_code == 302  # the password is right
            answers.append(client.post("/backoffice/tweede-factor", {"code": f"{guess:06d}"}))
        # then the first four are ordinary refusals, from the fifth on the page answers 429 with Retry-After
        assert [a.status_code for a in answers[:4]] == [200] * 4
        assert {a.status_code for a in answers[4:]} == {429}
        assert answers[-1]["Retry-After"] == str(15 * 60)
        assert "Te veel mislukte pogingen" in answers[-1].content.decode()
        # and her own right code, from her own desk, is refused while the lockout lasts
        desk = Client(REMOTE_ADDR="198.51.100.7")
        log_in(desk, "pia", password)
        assert desk.post("/backoffice/tweede-factor", {"code": code_at(secret, GUESSING)}).status_code == 429
        assert desk.get("/backoffice/").status_code == 302
    # the lockout is on record once, as a second factor's, naming her account's id; every try as refused
    [lockout] = audit("login.lockout")
    assert lockout.detail["second_factor"] is True and lockout.detail["user_id"] == user.pk
    assert lockout.detail["door"] == "backoffice" and lockout.detail["by"] == ["account"]
    refused = [e.reason for e in audit("staff.2fa.verify", outcome="refused")]
    assert refused[:5] == ["wrong_code"] + ["throttled"] * 4 and set(refused[5:]) == {"locked_out"}
    assert len(refused) == 31
    # the operator sees it is her second factor that is locked, and until when in the organisation's time
    capsys.readouterr()
    with time_machine.travel(GUESSING, tick=False):
        assert main(["staff", "lockouts"]) == 0
    listed = capsys.readouterr().out
    assert "account pia: " in listed and "(second factor included), locked until " in listed
    assert listed.rstrip().endswith(("CET", "CEST"))
    # when an administrator unlocks her account
    assert main(["staff", "unlock", "pia"]) == 0
    # then her code works again (django-otp's own wait after wrong codes has passed by then)
    moment = GUESSING + STEP * 2000
    with time_machine.travel(moment, tick=False):
        desk = Client(REMOTE_ADDR="198.51.100.7")
        log_in(desk, "pia", password)
        assert desk.post("/backoffice/tweede-factor", {"code": code_at(secret, moment)}).status_code == 302


def test_a_right_password_does_not_forgive_wrong_codes(pia: tuple[Any, str], required: None) -> None:
    password, _ = _enrolled(pia)
    with time_machine.travel(GUESSING, tick=False):
        client = Client(REMOTE_ADDR="192.0.2.9")
        # given four wrong codes, each after a right password from the same address
        for guess in range(4):
            log_in(client, "pia", password)
            assert client.post("/backoffice/tweede-factor", {"code": f"{guess:06d}"}).status_code == 200
        # when the password is typed right once more (which forgives the owner's password typos)
        assert log_in(client, "pia", password).status_code == 302
        # then the fifth wrong code still locks
        assert client.post("/backoffice/tweede-factor", {"code": "999999"}).status_code == 429
