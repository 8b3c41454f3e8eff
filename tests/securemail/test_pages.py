"""The secure-mail pages in a browser's shoes (Django's test client, CSRF checks on): ask for a code, write a
message with an attachment, see the confirmation; every refusal of the API is refused here too, in words, with
everything typed still in the form (only the file input is empty)."""

from __future__ import annotations

import logging
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.securemail.conftest import SENDER, code_in, refused

START, WRITE = "/beveiligde-mail/", "/beveiligde-mail/bericht"
NAME = "Jan Jansen"
MESSAGE = "Hierbij mijn loonstrook van oktober.\nMet vriendelijke groet, Jan"
PAYSLIP = b"%PDF-1.4 loonstrook oktober netto 1234,56"
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"  # split: not flagged itself


class Fields(HTMLParser):
    """The values a form shows: inputs by name, textareas by name, and the file input's presence."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.actions: list[str] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.actions.append(found.get("action") or "")
        elif tag == "input" and found.get("name"):
            self.values[found["name"] or ""] = found.get("value") or ""
            self.types[found["name"] or ""] = found.get("type") or ""
        elif tag == "textarea":
            self._textarea = found.get("name")
            self.values[self._textarea or ""] = ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None


def fields(answer: Any) -> Fields:
    parser = Fields()
    parser.feed(answer.content.decode())
    return parser


@pytest.fixture
def visitor(werkzaak: Any) -> Client:
    """A browser: cookies kept, and CSRF checked as in production."""
    return Client(enforce_csrf_checks=True)


def _token(client: Client, url: str) -> str:
    return fields(client.get(url)).values["csrfmiddlewaretoken"]


def ask_code(client: Client, email: str = SENDER, name: str = NAME) -> Any:
    return client.post(START, {"csrfmiddlewaretoken": _token(client, START), "name": name, "email": email})


def send(client: Client, code: str, *, attachment: tuple[str, bytes] | None = ("loonstrook.pdf", PAYSLIP),
         email: str = SENDER, message: str = MESSAGE) -> Any:
    body: dict[str, Any] = {"csrfmiddlewaretoken": _token(client, WRITE), "name": NAME, "email": email,
                            "code": code, "message": message}
    if attachment is not None:  # last, as the page's form sends it
        body["attachment"] = SimpleUploadedFile(attachment[0], attachment[1], content_type="application/pdf")
    return client.post(WRITE, body)


def _stored() -> int:
    from waarborg.modules.securemail.models import SecureMessage

    return SecureMessage.objects.count()


def assert_kept(answer: Any, code: str) -> None:
    """Everything typed is shown again; the file input is empty."""
    shown = fields(answer)
    assert shown.values["name"] == NAME and shown.values["email"] == SENDER and shown.values["code"] == code
    assert shown.values["message"].strip() == MESSAGE
    assert shown.types["attachment"] == "file" and shown.values["attachment"] == ""


@pytest.mark.promise("S3-41")
def test_a_resident_asks_for_a_code_writes_a_message_with_an_attachment_and_sees_it_was_sent(
        visitor: Client, front_office: Any, mailoutbox: list[Any]) -> None:
    from waarborg.modules.securemail.models import SecureAttachment, SecureMessage

    # given the first step, reached from the portal
    assert "/beveiligde-mail/" in visitor.get("/portaal/contact").content.decode()
    start = visitor.get(START)
    assert start.status_code == 200 and "Stuur mij een toegangscode" in start.content.decode()

    # when she asks for a code, it is mailed to her, and the second step shows her name and address
    asked = ask_code(visitor)
    assert asked.status_code == 200
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [SENDER]
    code = code_in(mailoutbox[0])
    assert code not in asked.content.decode()
    second = fields(asked)
    assert second.values["name"] == NAME and second.values["email"] == SENDER and second.values["code"] == ""
    assert "Wij hebben een toegangscode gestuurd naar" in asked.content.decode()

    # and she sends her message with the code and an attachment
    answer = send(visitor, code)

    # then she sees the confirmation with a reference
    assert answer.status_code == 200, answer.content.decode()
    page = answer.content.decode()
    assert "Uw bericht is veilig verstuurd" in page and "loonstrook.pdf" in page
    sent = SecureMessage.objects.select_related("record").get()
    assert str(sent.pk) in page
    # and the message is stored sealed, the attachment too, and staff read both back whole
    assert MESSAGE.encode() not in bytes(sent.record.sealed) and sent.record.plain == {}
    assert b"loonstrook oktober" not in bytes(SecureAttachment.objects.get(message=sent).sealed)
    read = front_office.get(f"/api/v1/secure-mail/messages/{sent.pk}", {"purpose": "secure_mail"}).json()
    assert read["data"]["message"] == MESSAGE
    assert read["data"]["email"] == SENDER and read["attachments"][0]["intact"] is True
    # and the code is spent: sending the same again is refused
    assert send(visitor, code, attachment=None).status_code == 403
    assert _stored() == 1


@pytest.mark.promise("S3-41")
def test_a_wrong_code_is_refused_in_words_and_the_typed_text_stays(visitor: Client, mailoutbox: list[Any]) -> None:
    ask_code(visitor)
    wrong = f"{(int(code_in(mailoutbox[0])) + 1) % 10**8:08d}"

    answer = send(visitor, wrong)

    assert answer.status_code == 403
    page = answer.content.decode()
    assert "Uw bericht is niet verstuurd" in page
    assert "Deze toegangscode hoort niet bij dit e-mailadres" in page and "(This access code" in page
    assert_kept(answer, wrong)
    assert _stored() == 0
    assert len(refused("securemail.send", "invalid_code")) == 1


@pytest.mark.promise("S3-41")
def test_a_code_only_works_for_the_address_it_was_sent_to(visitor: Client, mailoutbox: list[Any]) -> None:
    ask_code(visitor)

    answer = send(visitor, code_in(mailoutbox[0]), email="iemand.anders@example.nl")

    assert answer.status_code == 403 and _stored() == 0
    assert fields(answer).values["email"] == "iemand.anders@example.nl"


def test_an_attachment_above_the_body_limit_is_refused_and_the_typed_text_stays(
        visitor: Client, mailoutbox: list[Any], settings: Any) -> None:
    ask_code(visitor)
    code = code_in(mailoutbox[0])
    too_large = b"%PDF-1.4 " + b"0" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    answer = send(visitor, code, attachment=("scan.pdf", too_large))

    # the API's 413, in words, with what was typed
    assert answer.status_code == 413
    page = answer.content.decode()
    assert "groter dan 1 MB en is niet verstuurd" in page and "larger than" not in page  # the page's language only
    assert_kept(answer, code)
    assert _stored() == 0
    # the code was not spent: a smaller attachment goes through with it
    assert send(visitor, code).status_code == 200
    assert _stored() == 1


def test_the_api_keeps_its_bare_413_for_the_same_body(werkzaak: Any, public: Any, mailoutbox: list[Any],
                                                      settings: Any) -> None:
    from tests.securemail.conftest import ask_code as api_code

    code = api_code(public, mailoutbox)
    body = {"name": NAME, "email": SENDER, "code": code, "message": MESSAGE,
            "attachment": SimpleUploadedFile("scan.pdf", b"0" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}

    answer = public.post("/api/v1/secure-mail/messages", body, format="multipart")

    assert answer.status_code == 413 and "detail" in answer.json()


@pytest.mark.promise("S2-24")
def test_an_infected_attachment_is_refused_and_the_typed_text_stays(visitor: Client, mailoutbox: list[Any]) -> None:
    ask_code(visitor)
    code = code_in(mailoutbox[0])

    answer = send(visitor, code, attachment=("factuur.pdf", EICAR))

    assert answer.status_code == 422
    assert "Het bestand bevat een virus" in answer.content.decode()
    assert_kept(answer, code)
    assert _stored() == 0
    assert send(visitor, code).status_code == 200  # the code was not spent on the refused upload


def test_an_empty_attachment_and_missing_fields_are_refused_as_the_api_refuses_them(
        visitor: Client, mailoutbox: list[Any]) -> None:
    ask_code(visitor)
    code = code_in(mailoutbox[0])

    empty = send(visitor, code, attachment=("leeg.pdf", b""))
    blank = send(visitor, code, message="   ", attachment=None)
    long = send(visitor, code, message="x" * 20001, attachment=None)

    assert empty.status_code == 422 and "Het bestand is leeg." in empty.content.decode()
    assert blank.status_code == 422 and "Typ een bericht." in blank.content.decode()
    assert long.status_code == 422 and "Hoogstens 20000 tekens" in long.content.decode()
    assert _stored() == 0
    assert send(visitor, code).status_code == 200  # none of these spent the code


@pytest.mark.promise("S3-41")
def test_a_malformed_address_gets_no_code_and_stays_typed(visitor: Client, mailoutbox: list[Any]) -> None:
    answer = ask_code(visitor, email="jan.jansen-at-example.nl")

    assert answer.status_code == 422
    assert "Geen geldig e-mailadres. (Not a valid e-mail address.)" in answer.content.decode()
    shown = fields(answer).values
    assert shown["name"] == NAME and shown["email"] == "jan.jansen-at-example.nl"
    assert mailoutbox == []


def test_the_sixth_code_in_an_hour_is_refused_and_the_address_stays(visitor: Client, mailoutbox: list[Any]) -> None:
    for _ in range(5):
        assert ask_code(visitor).status_code == 200

    answer = ask_code(visitor)

    assert answer.status_code == 429
    assert "Te veel codes aangevraagd" in answer.content.decode()
    assert fields(answer).values["email"] == SENDER
    assert len(mailoutbox) == 5


def test_forms_without_the_csrf_token_are_refused(werkzaak: Any, mailoutbox: list[Any]) -> None:
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(START)  # has the cookie, but posts without the form's token

    asked = visitor.post(START, {"name": NAME, "email": SENDER})
    written = visitor.post(WRITE, {"name": NAME, "email": SENDER, "code": "12345678", "message": MESSAGE})

    assert asked.status_code == 403 and written.status_code == 403
    assert mailoutbox == [] and _stored() == 0


@pytest.mark.promise("S3-41")
def test_nothing_personal_goes_into_urls_or_logs(visitor: Client, mailoutbox: list[Any],
                                                 caplog: pytest.LogCaptureFixture) -> None:
    from waarborg.engine.audit.models import AuditEntry

    caplog.set_level(logging.DEBUG)
    asked = ask_code(visitor)
    code = code_in(mailoutbox[0])
    refused_once = send(visitor, f"{(int(code) + 1) % 10**8:08d}")
    sent = send(visitor, code)

    assert sent.status_code == 200
    for answer in (asked, refused_once, sent):
        assert all(action.split("?")[1:] in ([], ["lang=nl"]) for action in fields(answer).actions)
        assert "Location" not in answer
    logged = "\n".join(r.getMessage() for r in caplog.records)
    audited = " ".join(f"{e.detail} {e.reason}" for e in AuditEntry.objects.all())
    for secret in (SENDER, code, "loonstrook", NAME):
        assert secret not in logged and secret not in audited


def test_the_flow_keeps_nothing_in_cookies_but_the_declared_csrf_token(visitor: Client, werkzaak: Any,
                                                                      mailoutbox: list[Any]) -> None:
    ask_code(visitor)

    assert send(visitor, code_in(mailoutbox[0])).status_code == 200

    # no session, no flash messages: the address and the reference live only in the pages themselves
    assert set(visitor.cookies) == {"csrftoken"}
    assert "csrftoken" in {c.name for c in werkzaak.cookies if c.kind == "functional"}


def test_the_pages_speak_english_on_request(visitor: Client) -> None:
    page = visitor.get(START, {"lang": "en"}).content.decode()

    assert "Send me an access code" in page and 'action="/beveiligde-mail/?lang=en"' in page


def test_there_are_no_pages_where_the_policy_offers_no_secure_mail(policy: Any) -> None:
    visitor = Client()

    assert visitor.get(START).status_code == 404 and visitor.get(WRITE).status_code == 404
    assert "/beveiligde-mail/" not in visitor.get("/portaal/contact").content.decode()
