"""The public contact form files every kind of request, without an account (S1-24), on Socialekaart's shipped
policy: the contact form is its one request channel."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import activate_example
from waarborg.audiences.api.rights.views import detail
from waarborg.engine.rights.models import Request


@pytest.fixture
def policy(db: Any) -> Any:
    return activate_example("socialekaart")


@pytest.mark.promise("S1-24", "S1-26")
def test_the_contact_form_offers_every_request_type_and_tells_what_to_black_out(policy: Any) -> None:
    page = Client().get("/portaal/contact").content.decode()
    for value in ("access", "rectification", "erasure", "portability", "withdraw_consent", "objection"):
        assert f'value="{value}"' in page, value
    for item in ("pasfoto", "MRZ", "documentnummer", "burgerservicenummer (BSN)"):
        assert item in page, item


@pytest.mark.promise("S1-24")
@pytest.mark.parametrize("type", ["access", "rectification", "erasure", "portability", "withdraw_consent",
                                  "objection"])
def test_each_contact_form_submission_becomes_a_tracked_request(policy: Any, type: str) -> None:
    answer = Client().post("/portaal/contact", {"name": "Carla Smit", "email": "carla@example.nl", "type": type,
                                                "details": "Ik wil dit graag regelen."})
    assert answer.status_code == 200
    req = Request.objects.get()
    assert (req.type, req.channel, req.status) == (type, "contact_form", "awaiting_identification")
    assert str(req.pk) in answer.content.decode()
    # the sender is the requester: sealed with the new subject's key, readable for the handler, not in the log
    shown = detail(req)
    assert shown["details"] == "Ik wil dit graag regelen."
    assert shown["requester"] == {"kind": "subject", "name": "Carla Smit", "contact": "carla@example.nl",
                                  "authorisation": ""}
    assert b"Carla" not in bytes(req.requester_sealed) and shown["registered_by"] is None
    from waarborg.engine.audit.models import AuditEntry

    assert not any("Carla" in str(e.detail) for e in AuditEntry.objects.all())


def test_an_incomplete_contact_form_files_nothing(policy: Any) -> None:
    answer = Client().post("/portaal/contact", {"name": "", "email": "geen-adres", "type": "access", "details": ""})
    assert answer.status_code == 200
    assert not Request.objects.exists()
