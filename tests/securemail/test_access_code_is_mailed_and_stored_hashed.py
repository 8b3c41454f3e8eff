"""Asking for secure mail sends a one-time access code to the address given; only its hash is kept."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.securemail.conftest import SENDER, code_in


@pytest.mark.promise("S3-41")
def test_requesting_secure_mail_sends_an_access_code_to_the_given_address(
        werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.modules.securemail.models import AccessCode

    # when someone asks for a code with their name and address
    answer = public.post("/api/v1/secure-mail/codes", {"name": "Jan Jansen", "email": SENDER}, format="json")

    # then one mail with the code goes to exactly that address, and the answer itself holds no code
    assert answer.status_code == 202
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [SENDER]
    code = code_in(mailoutbox[0])
    assert code not in answer.content.decode()
    assert "30 minuten" in mailoutbox[0].body
    # in the product's one form of address, "u", in its subject and its body
    assert mailoutbox[0].subject.startswith("Uw toegangscode") and "Uw toegangscode is" in mailoutbox[0].body
    assert not re.search(r"\b(je|jij|jouw)\b", mailoutbox[0].subject + mailoutbox[0].body, re.IGNORECASE)
    # and the code is stored only as a keyed hash, bound to the address (which is not stored either)
    row = AccessCode.objects.get()
    stored = " ".join(str(v) for v in row.__dict__.values())
    assert code not in stored and SENDER not in stored
    entry = AuditEntry.objects.get(action="securemail.code_issued")
    assert SENDER not in str(entry.detail) and code not in str(entry.detail)


@pytest.mark.promise("S3-41")
def test_a_malformed_address_gets_no_code(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    answer = public.post("/api/v1/secure-mail/codes", {"name": "Jan", "email": "geen-adres"}, format="json")

    assert answer.status_code == 422
    assert "email" in answer.json()["errors"]
    assert mailoutbox == []


def test_the_form_cannot_flood_a_mailbox(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry

    for _ in range(5):
        assert public.post("/api/v1/secure-mail/codes", {"email": SENDER}, format="json").status_code == 202

    answer = public.post("/api/v1/secure-mail/codes", {"email": SENDER}, format="json")

    assert answer.status_code == 429
    assert len(mailoutbox) == 5
    assert AuditEntry.objects.filter(action="securemail.code_throttled", reason="too_many_codes").count() == 1
