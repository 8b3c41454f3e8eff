"""S0-14: a unique username with a password; the right password logs in, a wrong one fails and is logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from tests.portal.conftest import FORM
from waarborg.core.errors import Conflict
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.citizens.accounts import account_create
from waarborg.engine.records.actions import subject_create

PASSWORD = "een-lang-wachtwoord-42"


def _login(username: str, password: str) -> Any:
    return Client().post("/portaal/inloggen", {"username": username, "password": password})


@pytest.mark.promise("S0-14")
def test_usernames_are_unique_and_only_the_right_password_logs_in(policy: Any) -> None:
    cache.clear()  # the lockout counter lives in the cache
    # given Carla applied and set her password
    assert Client().post("/portaal/aanvraag", FORM).status_code == 200
    carla = User.objects.get(kind=User.Kind.CITIZEN)
    carla.set_password(PASSWORD)
    carla.save()
    # when somebody else applies with the same e-mail address, they get a username of their own
    assert Client().post("/portaal/aanvraag", {**FORM, "name": "Kees Jansen"}).status_code == 200
    usernames = list(User.objects.filter(kind=User.Kind.CITIZEN).values_list("username", flat=True))
    assert len(usernames) == len({u.lower() for u in usernames}) == 2 and carla.username in usernames
    # and creating an account with an existing username fails, whatever the case
    with pytest.raises(Conflict):
        account_create("system:test", subject=subject_create("system:test"), email="x@example.nl",
                       username=carla.username.upper())
    assert User.objects.filter(kind=User.Kind.CITIZEN).count() == 2
    # then the right password logs in
    assert _login(carla.username, PASSWORD).status_code == 302
    # and a wrong one fails, is logged, and the log holds neither the username nor the password typed
    failed = _login(carla.username, "niet-mijn-wachtwoord")
    assert failed.status_code == 200 and 'role="alert"' in failed.content.decode()
    [refused] = AuditEntry.objects.filter(action="portal.login", outcome="refused")
    assert refused.reason == "wrong_credentials"
    assert carla.username not in str(refused.detail) and "niet-mijn" not in str(refused.detail)
    cache.clear()
