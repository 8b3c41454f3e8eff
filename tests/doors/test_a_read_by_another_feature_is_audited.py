"""A record read by another capability's feature goes through the vault's one read door, and leaves a
`record.read` entry naming who, for which purpose and through which feature (issue 18 item 4). Shown
through the front door with the shipped seed 000 policy (examples/ikzorginassen.yaml): the privacy
officer reads the entries in GET /api/v1/audit/entries.

Before, the mailing selection and the breach notice by e-mail opened records without a trace."""

from __future__ import annotations

from typing import Any

from tests.breaches.conftest import applicant, assessed, helpdesk_person, notify, relay  # noqa: F401 - fixture
from tests.mailings.conftest import editor, send, subscriber  # noqa: F401 - fixture


def _reads(officer: Any, subject: Any) -> list[dict[str, Any]]:
    answer = officer.get("/api/v1/audit/entries", {"subject": str(subject.pk), "action": "record.read"})
    assert answer.status_code == 200
    return answer.json()["entries"]


def test_a_mailing_leaves_a_read_entry_for_each_record_it_opened(personas: Any, editor: Any,  # noqa: F811
                                                                mailoutbox: list[Any]) -> None:
    # given two subscribers to the newsletter
    anna, bert = subscriber("anna@example.nl", "Anna"), subscriber("bert@example.nl")
    officer = personas["privacy_officer"]
    assert _reads(officer, anna) == []
    # when the editor sends a newsletter that greets each by name
    answer = send(editor, body="Beste {newsletter_subscription.name},\n\nHet nieuws.")
    assert answer.status_code == 201 and len(mailoutbox) == 2
    # then each subscriber's record shows one read by the editor, for the newsletter, through the mailing
    for person in (anna, bert):
        [entry] = _reads(officer, person)
        assert (entry["actor"], entry["actor_roles"], entry["purpose"], entry["outcome"]) == (
            "nina", "newsletter_editor", "newsletter", "ok")
        assert entry["detail"] == {"type": "newsletter_subscription", "via": "mailing"}


def test_a_breach_notice_by_email_leaves_a_read_entry_where_an_address_came_from_a_record(
        personas: Any, relay: Any) -> None:  # noqa: F811
    officer = personas["privacy_officer"]
    # given Anna, who applied (her address is her portal account's), and Bert, who asked the helpdesk a question
    anna = applicant(personas["assessor"].user, email="anna@example.nl")
    bert = helpdesk_person(personas["caseworker"].user, "bert@example.nl")
    breach_id = assessed(officer, ["contact", "message"], [anna, bert])
    # when the privacy officer sends the notices by e-mail
    answer = notify(officer, breach_id, "email")
    assert answer.status_code == 200 and answer.json()["sent"] == 2
    # then Bert's ticket, opened for the address he typed in, shows the read by the privacy officer
    [entry] = _reads(officer, bert)
    assert (entry["actor"], entry["purpose"], entry["detail"]) == (
        "pia", "helpdesk", {"type": "helpdesk_ticket", "via": "breach.notice"})
    # and Anna's records were not opened: her address is her account's
    assert _reads(officer, anna) == []
