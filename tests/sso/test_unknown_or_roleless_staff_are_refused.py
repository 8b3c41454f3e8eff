"""Whoever the provider logs in is not let in for that alone: a name with no staff account here, an account
switched off, or no group that maps to a role of the policy each get a page that says why (403), and the attempt
is on record without the name the provider sent. An answer that belongs to no login this browser started is
refused too."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sso.conftest import Provider, audit, sign_in

pytestmark = pytest.mark.django_db


def test_someone_without_a_waarborg_account_is_refused_and_no_account_is_made(client: Any, provider: Provider) -> None:
    from waarborg.engine.accounts.models import User

    # uwe is in the privacy group at the provider, but no operator made him an account here
    page = sign_in(client, "uwe")
    assert page.status_code == 403
    body = page.content.decode()
    assert 'data-reason="unknown_account"' in body and "geen account in Waarborg" in body
    assert not User.objects.filter(username="uwe").exists()
    assert client.get("/backoffice/verzoeken/").status_code == 302  # not logged in
    [refused] = audit("backoffice.login", outcome="refused")
    assert refused.reason == "sso_unknown_account" and refused.detail == {"method": "sso", "user_id": None}
    assert "uwe" not in str(refused.detail) and refused.actor == "anonymous"


def test_a_staff_member_in_no_mapped_group_is_refused_and_keeps_her_roles(client: Any, provider: Provider) -> None:
    from waarborg.engine.accounts.actions import staff_create

    nora, _, _ = staff_create("nora", ["helpdesk"])
    page = sign_in(client, "nora")
    assert page.status_code == 403 and 'data-reason="no_roles"' in page.content.decode()
    nora.refresh_from_db()
    assert nora.roles == ["helpdesk"]
    [refused] = audit("backoffice.login", outcome="refused")
    assert refused.reason == "sso_no_roles" and refused.detail["user_id"] == nora.pk


def test_a_switched_off_account_is_refused(client: Any, provider: Provider) -> None:
    from waarborg.engine.accounts.actions import staff_create

    hans, _, _ = staff_create("hans", ["helpdesk"])
    hans.is_active = False
    hans.save()
    page = sign_in(client, "hans")
    assert page.status_code == 403 and 'data-reason="inactive"' in page.content.decode()
    assert audit("backoffice.login", outcome="refused")[0].reason == "sso_inactive"


def test_an_answer_replayed_or_from_another_browser_is_refused(client: Any, provider: Provider) -> None:
    from django.test import Client

    from waarborg.engine.accounts.actions import staff_create

    staff_create("pia", ["privacy_officer"])
    # a code and state that this browser never asked for
    page = Client().get("/backoffice/sso/terug?code=made-up&state=made-up")
    assert page.status_code == 403 and 'data-reason="state"' in page.content.decode()
    assert audit("backoffice.login", outcome="refused")[0].reason == "sso_state"


def test_single_sign_on_pages_are_not_there_while_it_is_off(client: Any, policy: Any) -> None:
    assert client.get("/backoffice/sso").status_code == 404
    assert client.get("/backoffice/sso/terug?code=x&state=y").status_code == 404
    assert "Inloggen via de inlogdienst" not in client.get("/backoffice/inloggen").content.decode()
