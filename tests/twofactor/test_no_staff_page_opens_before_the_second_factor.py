"""With WAARBORG_STAFF_2FA=required, a right password is half a login: until the second factor is in, every
back-office and admin page sends the staff member to set it up (or to enter it), the API does not take the
session as a login, and the navigation shows nothing to click. API tokens are not affected."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.test import Client

from tests.twofactor.conftest import START, STEP, audit, code_at, enrol, log_in

PAGES = ["/backoffice/", "/backoffice/verzoeken/", "/backoffice/datalekken/", "/backoffice/bewaartermijnen/",
         "/backoffice/mijn-clienten/", "/admin/", "/admin/vault/record/"]


def test_the_second_factor_pages_send_a_visitor_to_log_in(policy: Any, required: None) -> None:
    for path in ("/backoffice/tweede-factor", "/backoffice/tweede-factor/instellen"):
        answer = Client().get(path)
        assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen?next=")


@pytest.mark.promise("S0-22")
def test_before_enrolling_every_staff_page_leads_to_the_enrolment(pia: tuple[Any, str], required: None) -> None:
    # given a staff member who typed the right password, and has no second factor yet
    _, password = pia
    client = Client()
    assert log_in(client, "pia", password).status_code == 302
    # then every back-office and admin page sends her to set one up, naming the page she asked for
    for path in PAGES:
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert answer["Location"].startswith("/backoffice/tweede-factor/instellen?next="), (path, answer["Location"])
    # a form posted to a back-office page does not get through either
    assert client.post("/backoffice/bewaarplichten/opleggen", {"reason": "x"}).status_code == 302
    # the API does not take the half login as a login
    assert client.get("/api/v1/assignments", {"staff": "me"}).status_code in (401, 403)
    # and the enrolment page shows no navigation to pages she cannot open yet
    page = client.get("/backoffice/tweede-factor/instellen")
    assert page.status_code == 200 and 'href="/backoffice/verzoeken/"' not in page.content.decode()
    assert audit("staff.2fa.verify") == []


def test_with_a_second_factor_every_staff_page_leads_to_the_code(pia: tuple[Any, str], required: None) -> None:
    # given a staff member who set up her app yesterday
    _, password = pia
    with time_machine.travel(START, tick=False):
        first = Client()
        log_in(first, "pia", password)
        secret, _ = enrol(first, START)
    with time_machine.travel(START + STEP * 3000, tick=False):
        # when she logs in again with her password
        client = Client()
        assert log_in(client, "pia", password).status_code == 302
        # then every staff page asks for the code, and setting up another app is not offered
        for path in PAGES:
            answer = client.get(path)
            assert answer["Location"].startswith("/backoffice/tweede-factor?next="), (path, answer["Location"])
        assert client.get("/backoffice/tweede-factor/instellen")["Location"].startswith("/backoffice/tweede-factor?")
        assert client.get("/api/v1/assignments", {"staff": "me"}).status_code in (401, 403)
        # and the code from her app opens the page she asked for
        answer = client.post("/backoffice/tweede-factor?next=/backoffice/verzoeken/",
                             {"code": code_at(secret, START + STEP * 3000), "next": "/backoffice/verzoeken/"})
        assert answer.status_code == 302 and answer["Location"] == "/backoffice/verzoeken/"
        assert client.get("/backoffice/verzoeken/").status_code == 200
        assert client.get("/api/v1/assignments", {"staff": "me"}).status_code == 200


def test_api_tokens_are_not_affected(personas: dict[str, Any], required: None) -> None:
    # given staff and services with API tokens (issued by the operator), none of whom set up a second factor
    # then their tokens work as before: tokens are for services, not for people at a keyboard
    answer = personas["privacy_officer"].get("/api/v1/assignments", {"staff": "me"})
    assert answer.status_code == 200
