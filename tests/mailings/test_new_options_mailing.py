"""Seed 002: "nieuwe mogelijkheden" go only to contacts with consent and without an opt-out, and a mailing
never selects or personalises on special categories (health, care situation)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import Persona, make_staff
from tests.mailings.conftest import EXAMPLES, addresses, link_in, person, send
from waarborg.engine.consent.models import OptOut

NEWS = {"title": "Nieuwe mogelijkheden", "body": "Beste {mailing_subscription.name}, wij hebben nieuws."}


@pytest.fixture
def office(db: Any) -> Persona:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file

    activate(load_file(EXAMPLES / "wlzclientondersteuning.yaml"))
    return Persona(*make_staff("ada", ["administration"]))


def contact(email: str, **kwargs: Any) -> Any:
    return person("mailing_subscription", "relationship", {"email": email, "name": email.split("@")[0]}, **kwargs)


@pytest.mark.promise("S2-12", "S2-28")
def test_new_options_reach_only_consenting_contacts_without_an_opt_out(office: Persona,
                                                                       mailoutbox: list[Any]) -> None:
    from waarborg.engine.consent.objections import optout_set

    contact("wil@example.nl")
    contact("ingetrokken@example.nl", withdrawn=True)
    optout_set("system:test", subject=contact("afgemeld@example.nl"), purpose="relationship", channel="post")

    answer = send(office, purpose="relationship", message_type="service_information", **NEWS)

    assert answer.status_code == 201, answer.content
    assert addresses(mailoutbox) == ["wil@example.nl"]
    assert mailoutbox[0].body.startswith("Beste wil,")
    assert answer.json()["excluded"] == {"no_active_consent": 1, "opted_out": 1}


@pytest.mark.promise("S2-28")
def test_the_link_in_a_new_options_mail_records_an_opt_out(office: Persona, mailoutbox: list[Any]) -> None:
    wil = contact("wil@example.nl")
    send(office, purpose="relationship", message_type="service_information", **NEWS)
    Client().post(link_in(mailoutbox[0]).removeprefix(settings.WAARBORG_PUBLIC_URL))
    assert OptOut.objects.filter(subject=wil, purpose="relationship", reversed_at__isnull=True).count() == 1
    mailoutbox.clear()
    send(office, purpose="relationship", message_type="service_information", **NEWS)
    assert mailoutbox == []


@pytest.mark.promise("S2-12")
@pytest.mark.parametrize("extra", [
    {"body": "Beste {mailing_subscription.name}, over uw {care_file.health}: nieuws."},
    {"filters": {"care_file.care_situation": "dementie"}},
])
def test_a_mailing_on_special_categories_is_refused(office: Persona, mailoutbox: list[Any],
                                                   extra: dict[str, Any]) -> None:
    contact("wil@example.nl")
    answer = send(office, purpose="relationship", message_type="service_information", **{**NEWS, **extra})
    assert answer.status_code == 403 and answer.json()["reason"] == "special_category_forbidden"
    assert mailoutbox == []
