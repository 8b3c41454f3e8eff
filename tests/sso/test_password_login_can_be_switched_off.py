"""With single sign-on on, an organisation can switch staff passwords off (WAARBORG_STAFF_PASSWORD_LOGIN=off):
the back office's login page offers only the provider, and a password posted anyway, at the back office or the
admin, is refused and on record, even the right one. Switching passwords off without single sign-on would lock
every staff member out, so the setting refuses to start."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from tests.sso.conftest import Provider, audit, sign_in

pytestmark = pytest.mark.django_db


def test_with_passwords_off_only_the_provider_logs_staff_in(client: Any, provider: Provider, settings: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    settings.WAARBORG_STAFF_PASSWORD_LOGIN = False
    _, password, _ = staff_create("pia", ["privacy_officer"])
    # the login page has the provider's button and no password field; the admin's login page sends there
    page = client.get("/backoffice/inloggen").content.decode()
    assert 'id="sso"' in page and 'name="password"' not in page
    to_sign_in = client.get("/admin/login/?next=/admin/")
    assert to_sign_in.status_code == 302 and to_sign_in["Location"] == "/backoffice/inloggen?next=/admin/"
    # her right password is refused, at the back office and at the admin, and on record
    for door, path in (("backoffice", "/backoffice/inloggen"), ("admin", "/admin/login/")):
        answer = client.post(path, {"username": "pia", "password": password})
        assert answer.status_code == 200 and "Inloggen met een wachtwoord staat uit" in answer.content.decode()
        assert client.get("/backoffice/verzoeken/").status_code == 302
        [refused] = audit(f"{door}.login", outcome="refused")
        assert refused.reason == "password_login_off"
    # through the provider she gets in
    sign_in(client, "pia")
    assert client.get("/backoffice/verzoeken/").status_code == 200


def test_with_passwords_on_both_ways_are_offered(client: Any, provider: Provider) -> None:
    page = client.get("/backoffice/inloggen").content.decode()
    assert 'id="sso"' in page and 'name="password"' in page


def test_passwords_off_without_single_sign_on_does_not_start(tmp_path: Any) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WAARBORG_OIDC")}
    env.update(WAARBORG_STAFF_PASSWORD_LOGIN="off", WAARBORG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", "import waarborg.settings"], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode != 0
    assert "WAARBORG_STAFF_PASSWORD_LOGIN=off needs single sign-on" in done.stderr
