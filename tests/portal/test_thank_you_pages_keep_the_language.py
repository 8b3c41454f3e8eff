"""A citizen who filled in a portal form in English gets the page after it in English too: the "we sent you a
link" page after a password reset, on ikzorginassen's shipped policy."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "If we know this e-mail address, you will receive an e-mail with a link."),
    ("nl", "Als dit e-mailadres bij ons bekend is, ontvangt u een e-mail met een link.")])
def test_the_page_after_a_reset_request_speaks_the_forms_language(policy: Any, lang: str, words: str) -> None:
    client = Client()
    form = client.get("/portaal/wachtwoord-vergeten", {"lang": lang})
    assert form.status_code == 200
    sent = client.post(f"/portaal/wachtwoord-vergeten?lang={lang}", {"email": "iemand@example.nl"})
    assert sent.status_code == 302 and sent["Location"].endswith(f"?lang={lang}")
    page = client.get(sent["Location"])
    assert words in page.content.decode() and f'<html lang="{lang}"' in page.content.decode()
