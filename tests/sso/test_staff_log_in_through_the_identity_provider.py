"""A staff member logs in to the back office through the organisation's identity provider: her account is the
one `waarborg staff add` made, her roles are those her groups at the provider map to (changed roles on record),
and the login is in the audit log like a password login, marked `method: sso`."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sso.conftest import Provider, audit, sign_in

pytestmark = pytest.mark.django_db


def test_a_staff_member_with_an_account_and_a_mapped_group_is_logged_in(client: Any, provider: Provider) -> None:
    from waarborg.engine.accounts.actions import staff_create

    # given pia's account, made by an operator with the helpdesk role
    pia, _, _ = staff_create("pia", ["helpdesk"])
    # when she signs in at the provider, where she is in the privacy group
    landed = sign_in(client, "pia")
    # then she is in the back office, on the request queue (the privacy officer's first page)
    assert landed.status_code == 302 and landed["Location"] == "/backoffice/"
    assert client.get("/backoffice/verzoeken/").status_code == 200
    # her roles are the provider's: privacy officer now, the helpdesk role gone, and the change is on record
    pia.refresh_from_db()
    assert pia.roles == ["privacy_officer"]
    [changed] = audit("staff.roles")
    assert changed.actor == "system:sso" and changed.detail == {"user_id": pia.pk, "old": ["helpdesk"],
                                                                 "new": ["privacy_officer"]}
    [login] = audit("backoffice.login", outcome="ok")
    assert login.actor_id == pia.pk and login.detail["method"] == "sso"
    assert login.detail["second_factor"] == "provider"


def test_a_next_page_is_where_she_lands(client: Any, provider: Provider) -> None:
    from waarborg.engine.accounts.actions import staff_create

    staff_create("pia", ["privacy_officer"])
    landed = sign_in(client, "pia", next_page="/backoffice/datalekken/")
    assert landed["Location"] == "/backoffice/datalekken/"


def test_the_providers_second_factor_counts_when_the_id_token_says_so(client: Any, provider: Provider,
                                                                        settings: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    settings.WAARBORG_STAFF_2FA = "required"
    staff_create("pia", ["privacy_officer"])
    # the provider asked her for its second factor (amr ["pwd", "otp"]): no code is asked on top
    sign_in(client, "pia", second_factor=True)
    assert client.get("/backoffice/verzoeken/").status_code == 200


def test_without_the_providers_second_factor_waarborg_asks_its_own(client: Any, provider: Provider,
                                                                  settings: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    settings.WAARBORG_STAFF_2FA = "required"
    staff_create("pia", ["privacy_officer"])
    # a password only at the provider (amr ["pwd"]): the back office opens nothing before Waarborg's own factor
    sign_in(client, "pia", second_factor=False)
    page = client.get("/backoffice/verzoeken/")
    assert page.status_code == 302 and page["Location"].startswith("/backoffice/tweede-factor/instellen")
    [login] = audit("backoffice.login", outcome="ok")
    assert login.detail["second_factor"] is None


def test_with_mfa_set_to_waarborg_the_providers_factor_does_not_count(client: Any, provider: Provider,
                                                                      settings: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    settings.WAARBORG_STAFF_2FA = "required"
    settings.WAARBORG_OIDC_MFA = "waarborg"
    staff_create("pia", ["privacy_officer"])
    sign_in(client, "pia", second_factor=True)
    page = client.get("/backoffice/verzoeken/")
    assert page.status_code == 302 and page["Location"].startswith("/backoffice/tweede-factor/instellen")
