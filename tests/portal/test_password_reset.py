"""A citizen who forgot their password gets a link by e-mail; staff addresses get nothing here."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.portal.conftest import link_in, set_password
from tests.rights.conftest import PASSWORD, citizen_account
from waarborg.engine.audit.models import AuditEntry

NEW_PASSWORD = "een-nieuw-lang-wachtwoord-7"


def _login(username: str, password: str) -> int:
    return Client().post("/portaal/inloggen", {"username": username, "password": password}).status_code


def test_a_reset_link_by_e_mail_sets_a_new_password(anna: Any, mailoutbox: Any) -> None:
    account = citizen_account(anna)
    mailoutbox.clear()
    # when Anna asks for a new password
    asked = Client().post("/portaal/wachtwoord-vergeten", {"email": "ANNA@example.nl"})
    assert asked.status_code == 302
    # then one mail with a link arrives, and the link sets the new password
    [mail] = mailoutbox
    assert mail.to == ["anna@example.nl"]
    assert set_password(link_in(mail), NEW_PASSWORD).status_code == 302
    assert _login(account.username, NEW_PASSWORD) == 302
    assert _login(account.username, PASSWORD) == 200
    assert AuditEntry.objects.filter(action="account.password_set").count() == 1
    # and the link works only once
    assert "niet (meer) geldig" in Client().get(link_in(mail), follow=True).content.decode()


def test_staff_and_unknown_addresses_get_no_link(personas: dict[str, Any], mailoutbox: Any) -> None:
    officer = personas["privacy_officer"].user
    officer.email = "pia@valtes.nl"
    officer.save()
    for address in ("pia@valtes.nl", "nobody@example.nl"):
        answer = Client().post("/portaal/wachtwoord-vergeten", {"email": address})
        assert answer.status_code == 302  # the same answer: no way to learn who has an account
    assert not mailoutbox
