"""'Mijn gegevens': consents with a withdraw button, requests about a purpose, downloads; Dutch first,
English on request, and every form field labelled."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from tests.rights.conftest import PASSWORD, citizen_account
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.consent.models import Consent
from waarborg.engine.rights.models import Request


class Page(HTMLParser):
    """Collects what an accessibility check needs: the html lang, headings, labels and form fields."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[str] = []
        self.labels: set[str] = set()
        self.fields: list[str] = []
        self.unnamed_buttons = 0
        self._in_button = False
        self._button_text = ""
        self._button_label = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if tag in ("h1", "h2", "h3"):
            self.headings.append(tag)
        if tag == "label" and a.get("for"):
            self.labels.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.fields.append(str(a.get("id") or ""))
        if tag == "button":
            self._in_button, self._button_text, self._button_label = True, "", a.get("aria-label") or ""

    def handle_data(self, data: str) -> None:
        if self._in_button:
            self._button_text += data.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self._in_button = False
            self.unnamed_buttons += not (self._button_text or self._button_label)


def _logged_in(subject: Any) -> Client:
    account = citizen_account(subject)
    client = Client()
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302
    return client


def test_a_citizen_withdraws_a_consent_with_one_button(anna: Any, bert: Any) -> None:
    mine = consent_give("system:test", subject=anna, purpose="newsletter")
    berts = consent_give("system:test", subject=bert, purpose="newsletter")
    client = _logged_in(anna)
    page = client.get("/portaal/").content.decode()
    assert "Uw toestemmingen" in page and f'data-consent="{mine.pk}"' in page and str(berts.pk) not in page
    assert "Nieuwsbrief" in page and "Toestemming intrekken" in page
    # when she presses the button
    done = client.post(f"/portaal/toestemmingen/{mine.pk}/intrekken", follow=True)
    # then the consent is withdrawn at once, by her, through the portal, and the page says so
    mine.refresh_from_db()
    assert (mine.status, mine.withdrawal_channel, mine.withdrawn_by.subject_id) == (
        Consent.Status.WITHDRAWN, "portal", anna.pk)
    text = done.content.decode()
    assert "Uw toestemming is ingetrokken." in text and "Ingetrokken op" in text
    # and she cannot touch Bert's consent
    assert client.post(f"/portaal/toestemmingen/{berts.pk}/intrekken").status_code == 404
    berts.refresh_from_db()
    assert berts.status == Consent.Status.ACTIVE


def test_withdrawing_needs_a_login(anna: Any) -> None:
    mine = consent_give("system:test", subject=anna, purpose="newsletter")
    answer = Client().post(f"/portaal/toestemmingen/{mine.pk}/intrekken")
    assert answer.status_code == 302 and "/portaal/inloggen" in answer["Location"]
    mine.refresh_from_db()
    assert mine.status == Consent.Status.ACTIVE


def test_an_objection_filed_in_the_portal_names_its_purpose(anna: Any) -> None:
    client = _logged_in(anna)
    client.post("/portaal/", {"type": "objection", "purpose": "policy_research", "details": "Liever niet."})
    [req] = Request.objects.filter(subject=anna)
    assert (req.type, req.purpose, req.channel) == ("objection", "policy_research", "portal")


def test_answered_requests_are_listed_for_download(personas: dict[str, Any], anna: Any) -> None:
    client = _logged_in(anna)
    assert "Er is nog niets om te downloaden." in client.get("/portaal/").content.decode()
    client.post("/portaal/", {"type": "portability", "details": ""})
    [req] = Request.objects.filter(subject=anna)
    personas["privacy_officer"].post(f"/api/v1/requests/{req.pk}/answer", {}, format="json")
    page = client.get("/portaal/").content.decode()
    assert f'data-download="{req.pk}"' in page
    assert f"/portaal/verzoeken/{req.pk}/download?format=csv" in page and "format=html" not in page
    assert client.get(f"/portaal/verzoeken/{req.pk}/download?format=csv").status_code == 200
    # and she can read our answer, which names the right to complain to the AP
    assert f'data-answer="{req.pk}"' in page and "Autoriteit Persoonsgegevens: https://" in page


@pytest.mark.parametrize(("lang", "heading"), [("nl", "Mijn gegevens"), ("en", "My data")])
def test_the_pages_are_in_dutch_or_english_with_labels_and_headings(anna: Any, lang: str, heading: str) -> None:
    consent_give("system:test", subject=anna, purpose="newsletter")
    client = _logged_in(anna)
    for path in ("/portaal/", "/portaal/aanvraag", "/portaal/account/opheffen"):
        text = client.get(f"{path}?lang={lang}").content.decode()
        page = Page()
        page.feed(text)
        assert page.lang == lang, path
        assert page.headings and page.headings[0] == "h1", path
        assert all(field and field in page.labels for field in page.fields), (path, page.fields, page.labels)
        assert page.unnamed_buttons == 0, path
    assert f"<h1>{heading}</h1>" in client.get(f"/portaal/?lang={lang}").content.decode()
    for path in ("/portaal/inloggen", "/portaal/contact", "/portaal/wachtwoord-vergeten", "/portaal/aanvraag"):
        page = Page()
        page.feed(Client().get(f"{path}?lang={lang}").content.decode())
        assert page.lang == lang and all(f in page.labels for f in page.fields), (path, page.fields)
