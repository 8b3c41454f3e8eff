"""Second-factor tests: a staff member with a password (as `waarborg staff add` printed it), a browser-like
client, and the authenticator app, played by computing TOTP codes from the secret the enrolment page shows.

Times are frozen (time-machine): a code belongs to a 30-second step, a step's code is accepted once, and a
device waits after a wrong code; tests move the clock instead of sleeping.
"""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import TOTP

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
STEP = timedelta(seconds=30)


@pytest.fixture
def required(settings: Any) -> None:
    """WAARBORG_STAFF_2FA=required, as production has it by default."""
    settings.WAARBORG_STAFF_2FA = "required"


@pytest.fixture
def pia(policy: Any) -> tuple[Any, str]:
    """A privacy officer of the seed 000 policy and the one-time password `staff add` gave her."""
    from waarborg.engine.accounts.actions import staff_create

    user, password, _ = staff_create("pia", ["privacy_officer"])
    assert password
    return user, password


def log_in(client: Client, username: str, password: str, door: str = "backoffice") -> Any:
    """The password step: the back office's or the admin's login form."""
    if door == "admin":
        return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
    return client.post("/backoffice/inloggen", {"username": username, "password": password})


def code_at(secret: str, moment: datetime) -> str:
    """What the authenticator app shows at `moment` for the secret as the page printed it (base32)."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key)
    totp.time = moment.timestamp()
    return f"{totp.token():06d}"


def secret_on(page: Any) -> str:
    found = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', page.content.decode())
    assert found, page.content.decode()[:2000]
    return found.group(1)


def recovery_codes_on(page: Any) -> list[str]:
    body = page.content.decode()
    listing = re.search(r'<ol id="recovery-codes">(.*?)</ol>', body, re.S)
    assert listing, body[:2000]
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", listing.group(1))


def enrol(client: Client, moment: datetime) -> tuple[str, list[str]]:
    """Set up the app at `moment` through the enrolment page: (the secret, the recovery codes shown)."""
    page = client.get("/backoffice/tweede-factor/instellen")
    assert page.status_code == 200
    secret = secret_on(page)
    done = client.post("/backoffice/tweede-factor/instellen", {"code": code_at(secret, moment)})
    assert done.status_code == 200, done.content.decode()[:2000]
    return secret, recovery_codes_on(done)


def audit(action: str, **filters: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, **filters).order_by("id"))
