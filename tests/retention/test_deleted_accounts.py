"""S0-31: deleting an account does not shorten the award period: the application stays until the
same purge date, and the sweep then removes it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.retention.conftest import at, record_exists, sweep
from waarborg.engine.accounts.models import User


@pytest.mark.promise("S0-31")
def test_a_deleted_account_keeps_its_application_until_the_same_date(make: Any) -> None:
    # Given an applicant with an account and an application in edition 2024
    application = make.record("application", at(2024, 3, 1))
    account = User.objects.create(username="mila", kind=User.Kind.CITIZEN, subject=application.subject)
    expires = application.expires_at

    # When the account is deleted
    account.delete()

    # Then the application keeps its date and is still there the day before
    application.refresh_from_db()
    assert application.expires_at == expires == at(2026, 11, 30, 0)
    assert sweep(at(2026, 11, 29)).processed == 0 and record_exists(application)

    # And the sweep removes it on the same date as for anyone else
    assert sweep(at(2026, 11, 30, 1)).deleted["award_cycle"] == 1
    assert not record_exists(application)
