"""The Django admin is a door to personal data too: after its password form, no admin page opens before the
second factor, which is entered on the back office's code page and leads back to the admin. The devices
themselves are not in the admin: their secrets would let whoever reads them make codes."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from tests.twofactor.conftest import START, STEP, audit, code_at, enrol, log_in


def test_the_admin_is_unreachable_without_a_second_factor(pia: tuple[Any, str], required: None) -> None:
    user, password = pia
    user.is_superuser = True  # the first administrator `serve` makes is one
    user.save(update_fields=["is_superuser"])
    with time_machine.travel(START, tick=False):
        enrolling = Client()
        log_in(enrolling, "pia", password)
        secret, _ = enrol(enrolling, START)
    moment = START + STEP * 100
    with time_machine.travel(moment, tick=False):
        client = Client()
        # when she logs in at the admin's own login form
        assert log_in(client, "pia", password, door="admin").status_code == 302
        # then no admin page opens: each sends her to the code page, and back afterwards
        for path in ("/admin/", "/admin/vault/record/", "/admin/accounts/user/"):
            answer = client.get(path)
            assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/tweede-factor?next=/admin/")
        # when she enters the code
        answer = client.post("/backoffice/tweede-factor?next=/admin/", {"code": code_at(secret, moment),
                                                                        "next": "/admin/"})
        # then she is back at the admin, which opens now; the code is on record for the admin's door
        assert answer["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200
        assert audit("staff.2fa.verify", outcome="ok")[-1].detail["door"] == "admin"
        # and the second-factor devices are nowhere in the admin, not even for a superuser
        for path in ("/admin/otp_totp/totpdevice/", "/admin/otp_static/staticdevice/"):
            assert client.get(path).status_code == 404
        assert b"otp_totp" not in client.get("/admin/").content


def test_an_admin_login_leads_to_enrolment_without_a_device(pia: tuple[Any, str], required: None) -> None:
    _, password = pia
    client = Client()
    log_in(client, "pia", password, door="admin")
    answer = client.get("/admin/")
    assert answer["Location"] == "/backoffice/tweede-factor/instellen?next=/admin/"
