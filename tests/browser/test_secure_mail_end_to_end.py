"""In a real browser: a resident asks for an access code on the secure-mail page, reads it from the mail (sent over
real SMTP), writes a message, picks an attachment that is too large (refused, her text stays), picks a smaller
one and sends it; staff read the sealed message back whole."""

from __future__ import annotations

from typing import Any

import pytest

SENDER = "jan.jansen@example.nl"
MESSAGE = "Hierbij mijn loonstrook van oktober."
PAYSLIP = b"%PDF-1.4 loonstrook oktober netto 1234,56"


@pytest.mark.promise("S3-41")
@pytest.mark.django_db(transaction=True)
def test_a_resident_sends_a_secure_message_with_an_attachment_in_a_real_browser(
        live_server: Any, browser: Any, smtp_inbox: Any, front_office: Any, settings: Any) -> None:
    from waarborg.modules.securemail.models import SecureMessage

    page = browser.new_context(locale="nl-NL").new_page()

    # she finds secure mail from the portal and asks for a code
    page.goto(f"{live_server.url}/portaal/contact")
    page.get_by_role("link", name="Beveiligde mail").click()
    page.get_by_label("Naam").fill("Jan Jansen")
    page.get_by_label("E-mailadres").fill(SENDER)
    page.get_by_role("button", name="Stuur mij een toegangscode").click()
    page.get_by_role("heading", name="Stap 2 van 2: schrijf uw bericht").wait_for()
    assert page.get_by_label("E-mailadres").input_value() == SENDER
    code = smtp_inbox.last_code_for(SENDER)

    # she types the code and her message, and picks a scan that is too large
    page.get_by_label("Toegangscode").fill(code)
    page.get_by_label("Uw bericht").fill(MESSAGE)
    page.get_by_label("Bijlage").set_input_files({"name": "scan.pdf", "mimeType": "application/pdf",
                                                  "buffer": b"%PDF-1.4 " + b"0" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    page.get_by_role("button", name="Veilig versturen").click()
    page.get_by_role("alert").wait_for()
    assert "groter dan 1 MB" in page.content()
    # everything she typed is still there
    assert page.get_by_label("Naam").input_value() == "Jan Jansen"
    assert page.get_by_label("Toegangscode").input_value() == code
    assert page.get_by_label("Uw bericht").input_value() == MESSAGE
    assert SecureMessage.objects.count() == 0

    # with a smaller attachment it goes through
    page.get_by_label("Bijlage").set_input_files({"name": "loonstrook.pdf", "mimeType": "application/pdf",
                                                  "buffer": PAYSLIP})
    page.get_by_role("button", name="Veilig versturen").click()
    page.get_by_role("heading", name="Uw bericht is veilig verstuurd").wait_for()
    sent = SecureMessage.objects.select_related("record").get()
    assert str(sent.pk) in page.get_by_role("status").inner_text()
    assert "/beveiligde-mail/bericht" in page.url and SENDER not in page.url and code not in page.url

    # stored sealed; staff read it back whole
    assert MESSAGE.encode() not in bytes(sent.record.sealed)
    read = front_office.get(f"/api/v1/secure-mail/messages/{sent.pk}", {"purpose": "secure_mail"}).json()
    assert read["data"]["email"] == SENDER and read["data"]["message"] == MESSAGE
    assert read["attachments"][0]["filename"] == "loonstrook.pdf" and read["attachments"][0]["intact"] is True
