"""Enrolling: the page shows the secret as a QR code (an SVG, for the app to scan) and as text; one code from
the app confirms it; then ten recovery codes, shown this once, and the back office opens. Audited as
`staff.2fa.enrol`, without the secret or the codes."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import time_machine
from django.test import Client

from tests.twofactor.conftest import START, STEP, audit, code_at, log_in, recovery_codes_on, secret_on


def test_enrolling_with_a_code_from_the_app(pia: tuple[Any, str], required: None) -> None:
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, password = pia
    client = Client()
    with time_machine.travel(START, tick=False):
        log_in(client, "pia", password)
        # the enrolment page shows a QR code of the otpauth address, and the same secret to type in
        page = client.get("/backoffice/tweede-factor/instellen?next=/backoffice/verzoeken/")
        assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
        body = page.content.decode()
        secret = secret_on(page)
        assert 'id="qr" src="data:image/svg+xml' in body
        qr = unquote(body.split('id="qr" src="', 1)[1].split('"', 1)[0])
        assert "<svg" in qr and "<path" in qr
        assert len(secret.replace(" ", "")) == 32  # 20 bytes in base32
        # the secret stays the same while she scans it (reloading shows the same one, in English too)
        english = client.get("/backoffice/tweede-factor/instellen?lang=en")
        assert secret_on(english) == secret and "Set up a second factor" in english.content.decode()
        # a wrong code is refused on the page, and nothing is set up
        wrong = client.post("/backoffice/tweede-factor/instellen", {"code": "000000"})
        assert wrong.status_code == 422 and "Deze code klopt niet" in wrong.content.decode()
        assert not TOTPDevice.objects.filter(user=user).exists() and audit("staff.2fa.enrol") == []
        # the code her app shows confirms it, and she sees ten recovery codes
        done = client.post("/backoffice/tweede-factor/instellen",
                           {"code": code_at(secret, START), "next": "/backoffice/verzoeken/"})
        assert done.status_code == 200 and done["Cache-Control"].startswith("max-age=0")
        codes = recovery_codes_on(done)
        assert len(codes) == 10 and len(set(codes)) == 10
        assert 'href="/backoffice/verzoeken/"' in done.content.decode()
        # then the back office opens in this session, without another code
        assert client.get("/backoffice/verzoeken/").status_code == 200
    # the device holds the secret she scanned; the recovery codes are the ones she saw
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and code_at(secret, START + STEP) == f"{_token(device, START + STEP):06d}"
    assert sorted(t.replace("-", "") for t in codes) == sorted(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    # the enrolment is on record, without the secret or any code
    [entry] = audit("staff.2fa.enrol")
    assert entry.actor_id == user.pk and entry.detail == {"user_id": user.pk, "device": "totp", "recovery_codes": 10}
    assert secret.replace(" ", "") not in str(entry.detail) and codes[0] not in str(entry.detail)
    with time_machine.travel(START + STEP * 2, tick=False):
        # the codes are not shown again: the start page offers new ones, it does not repeat the old ones
        home = client.get("/backoffice/").content.decode()
        assert codes[0] not in home and "Nieuwe herstelcodes maken" in home
        # and enrolling again is not possible: another app would be a way around the first
        assert client.get("/backoffice/tweede-factor/instellen").status_code == 302
        again = client.post("/backoffice/tweede-factor/instellen", {"code": code_at(secret, START + STEP * 2)})
    assert again.status_code == 302 and TOTPDevice.objects.filter(user=user).count() == 1


def test_new_recovery_codes_replace_the_old_ones(pia: tuple[Any, str], required: None) -> None:
    from tests.twofactor.conftest import enrol

    _, password = pia
    client = Client()
    with time_machine.travel(START, tick=False):
        log_in(client, "pia", password)
        _, old = enrol(client, START)
        # when she asks for new recovery codes on the start page
        fresh = client.post("/backoffice/tweede-factor/herstelcodes")
        new = recovery_codes_on(fresh)
        assert len(new) == 10 and not set(new) & set(old)
        [entry] = audit("staff.2fa.recovery_codes")
        assert entry.detail["recovery_codes"] == 10
    # then an old code no longer opens the back office, and a new one does
    with time_machine.travel(START + STEP * 10, tick=False):
        later = Client()
        log_in(later, "pia", password)
        assert later.post("/backoffice/tweede-factor", {"code": old[0]}).status_code == 200
    with time_machine.travel(START + STEP * 20, tick=False):
        assert later.post("/backoffice/tweede-factor", {"code": new[0]}).status_code == 302


def test_optional_lets_staff_enrol_from_the_start_page(pia: tuple[Any, str]) -> None:
    # given WAARBORG_STAFF_2FA=optional (the test default) and a staff member without a second factor
    _, password = pia
    client = Client()
    log_in(client, "pia", password)
    # then the back office opens after the password, and the start page offers to set one up
    home = client.get("/backoffice/")
    assert home.status_code == 200 and 'href="/backoffice/tweede-factor/instellen"' in home.content.decode()


def _token(device: Any, moment: Any) -> int:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = moment.timestamp()
    return int(totp.token())
