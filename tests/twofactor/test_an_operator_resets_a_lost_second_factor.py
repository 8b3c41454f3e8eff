"""`waarborg staff 2fa-reset USERNAME`: a staff member lost their phone. The operator removes their app and
recovery codes (audited as `staff.2fa.reset`), every session of theirs ends, and their next login sets up a
new app."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from tests.twofactor.conftest import START, STEP, audit, enrol, log_in, secret_on
from waarborg.audiences.cli import main


def test_a_reset_lets_the_staff_member_enrol_afresh(pia: tuple[Any, str], required: None, capsys: Any) -> None:
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, password = pia
    with time_machine.travel(START, tick=False):
        # given a staff member who set up her app and is working in the back office
        working = Client()
        log_in(working, "pia", password)
        enrol(working, START)
        assert working.get("/backoffice/verzoeken/").status_code == 200
        capsys.readouterr()
        # the operator's list shows who set up a second factor
        assert main(["staff", "list"]) == 0
        assert next(line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("pia "))[5] == "app"
        # when the operator resets her second factor (any capitalisation of the name)
        assert main(["staff", "2fa-reset", "PIA"]) == 0
        out = capsys.readouterr().out
        assert "second factor of pia removed" in out
        # then her app and recovery codes are gone, and so is her session
        assert not TOTPDevice.objects.filter(user=user).exists()
        assert not StaticDevice.objects.filter(user=user).exists()
        assert main(["staff", "list"]) == 0
        assert next(line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("pia "))[5] == "no"
        answer = working.get("/backoffice/verzoeken/")
        assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen")
        # the reset is on record: by the command line, for her account
        [reset] = audit("staff.2fa.reset")
        assert reset.actor == "system:cli" and reset.detail == {"user_id": user.pk, "devices": 2, "sessions": 1}
    with time_machine.travel(START + STEP * 10, tick=False):
        # and her next login sets up a new app, with a new secret
        fresh = Client()
        log_in(fresh, "pia", password)
        assert fresh.get("/backoffice/")["Location"].startswith("/backoffice/tweede-factor/instellen")
        assert secret_on(fresh.get("/backoffice/tweede-factor/instellen"))


def test_a_reset_of_nobody_or_of_nothing_is_a_user_error(pia: tuple[Any, str], capsys: Any) -> None:
    assert main(["staff", "2fa-reset", "nobody"]) == 1
    assert "no staff account named 'nobody'" in capsys.readouterr().err
    assert main(["staff", "2fa-reset", "pia"]) == 1
    assert "pia has no second factor; nothing changed" in capsys.readouterr().err
    assert audit("staff.2fa.reset") == []
