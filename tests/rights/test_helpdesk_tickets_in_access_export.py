"""S0-18: helpdesk contact is linked to the person, processed for service delivery, and shows in their access export."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.rights.conftest import HELPDESK, verified_request
from waarborg.engine.vault.models import Record


@pytest.mark.promise("S0-18")
def test_a_helpdesk_ticket_is_linked_to_the_subject_and_shows_in_the_access_export(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    # given a helpdesk ticket the caseworker registered for Anna
    ticket = Record.objects.get(subject=anna, type="helpdesk_ticket")
    assert ticket.purpose == "helpdesk" and ticket.basis == "contract"  # service delivery: the contract
    # when Anna's access request is answered
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "access")
    answer = officer.get(f"/api/v1/requests/{request_id}/export")
    assert answer.status_code == 200
    export = json.loads(answer.content)
    # then the ticket is in it, with its purpose, and nothing of Bert
    helpdesk = next(p for p in export["purposes"] if p["purpose"] == "helpdesk")
    tickets = [r for r in helpdesk["records"] if r["type"] == "helpdesk_ticket"]
    assert len(tickets) == 1 and tickets[0]["data"]["question"] == HELPDESK["question"]
    assert "Bert" not in answer.content.decode()
