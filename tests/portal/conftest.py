"""Portal tests use the rights fixtures (Anna with records under four purposes, Bert beside her)."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from tests.rights.conftest import administrator, anna, bert  # noqa: F401 - fixtures

FORM = {"name": "Carla Jansen", "email": "carla@example.nl", "phone": "0611122233", "address": "Brink 4, Assen",
        "birth_date": "1966-02-03", "care_recipient_address": "Markt 8, Assen", "edition": "2026",
        "hours_per_week": "10", "relationship": "kind"}


def link_in(mail: Any) -> str:
    """The portal path of the (activation or reset) link in an e-mail."""
    found = re.search(r"(?:https?://[^/\s]+)?(/portaal/wachtwoord/[^\s]+/)", mail.body)
    assert found, mail.body
    return found.group(1)


def set_password(link: str, password: str) -> Any:
    client = Client()
    form = client.get(link, follow=True)  # Django moves the token out of the URL into the session
    assert form.status_code == 200, form.content
    return client.post(form.redirect_chain[-1][0] if form.redirect_chain else link,
                       {"new_password1": password, "new_password2": password})
