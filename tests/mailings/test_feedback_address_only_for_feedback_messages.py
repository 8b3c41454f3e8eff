"""Seed 001: an address left on the feedback form only hears what was done with the comment, or is asked
for more information. A newsletter, marketing or verification mail to it is refused (and audited)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, make_staff
from tests.mailings.conftest import EXAMPLES, addresses, person, send
from waarborg.engine.audit.models import AuditEntry


@pytest.fixture
def customer_service(db: Any) -> Persona:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file

    activate(load_file(EXAMPLES / "socialekaart.yaml"))
    return Persona(*make_staff("cees", ["customer_service"]))


@pytest.fixture
def commenter(customer_service: Persona) -> Any:
    return person("feedback_ticket", "feedback", {"comment": "Het adres van de bibliotheek klopt niet.",
                                                  "email": "lezer@example.nl"})


@pytest.mark.promise("S1-09")
@pytest.mark.parametrize("message_type", ["newsletter", "marketing", "verification", "service_information"])
def test_other_mail_to_a_feedback_address_is_refused(customer_service: Persona, commenter: Any,
                                                     mailoutbox: list[Any], message_type: str) -> None:
    answer = send(customer_service, purpose="feedback", message_type=message_type)
    assert answer.status_code == 403 and answer.json()["reason"] == "message_type_not_allowed"
    assert mailoutbox == []
    assert AuditEntry.objects.filter(action="mailing.send.refused", reason="message_type_not_allowed").count() == 1


@pytest.mark.promise("S1-09")
@pytest.mark.parametrize("message_type", ["feedback_outcome", "additional_information"])
def test_the_outcome_or_a_question_may_go_to_the_feedback_address(customer_service: Persona, commenter: Any,
                                                                  mailoutbox: list[Any], message_type: str) -> None:
    answer = send(customer_service, purpose="feedback", message_type=message_type, subjects=[str(commenter.pk)],
                  title="Uw opmerking over de sociale kaart", body="Wij hebben het adres aangepast. Dank u wel.")
    assert answer.status_code == 201, answer.content
    assert addresses(mailoutbox) == ["lezer@example.nl"]
    assert "afmelden" not in mailoutbox[0].body.lower()  # a personal answer, not a mailing list
