"""S0-31: closing an account blocks login at once; the application stays until its own purge date
and the sweep removes it then, as for anyone else."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from tests.portal.conftest import FORM
from tests.rights.conftest import PASSWORD, citizen_account
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.records.actions import record_create, subject_create
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.vault.models import Record

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


@pytest.mark.promise("S0-31")
def test_a_closed_account_cannot_log_in_and_the_application_keeps_its_purge_date(
        personas: dict[str, Any]) -> None:
    # given an application of edition 2024 that opened an account
    assessor = personas["assessor"].user
    subject = subject_create(assessor)
    data = {k: v for k, v in FORM.items() if k not in ("hours_per_week", "relationship")} | {"edition": 2024}
    application = record_create(assessor, subject=subject, type="application", purpose="eligibility", data=data,
                                collected_at=at(2024, 3, 1))
    expires = application.expires_at
    assert expires is not None
    account = citizen_account(subject)
    client = Client()
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302
    # when the citizen closes the account
    closed = client.post("/portaal/account/opheffen")
    assert closed.status_code == 302
    # then the open session is gone and the password no longer logs in
    assert client.get("/portaal/").status_code == 302
    again = Client().post("/portaal/inloggen", {"username": account.username, "password": PASSWORD})
    assert again.status_code == 200
    account.refresh_from_db()
    assert not account.is_active and not account.has_usable_password()
    assert AuditEntry.objects.filter(action="account.deactivate").count() == 1
    # and the application keeps its purge date: there the day before, gone after it
    application.refresh_from_db()
    assert application.expires_at == expires
    with time_machine.travel(expires - timedelta(days=1), tick=False):
        sweep_expired()
    assert Record.objects.filter(pk=application.pk).exists()
    with time_machine.travel(expires + timedelta(hours=1), tick=False):
        sweep_expired()
    assert not Record.objects.filter(pk=application.pk).exists()
