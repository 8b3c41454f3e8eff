"""A day of the sociale kaart's website supplier on its shipped policy: an editor lists an organisation, a
visitor finds it and reads the cookie page in the browser, the organisation's contact person sends a
correction through the listing's form and then asks through the reaction form to be removed; the privacy
officer and a colleague carry that out; the website's usage data is swept after three months and the audit
chain verifies."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.journeys.conftest import cli, page, record, subject
from tests.shipped.conftest import SK_REDACTIONS, listing, second

DECLARED = {"csrftoken", "cookie_consent", "sessionid", "preferences", "analytics"}


@pytest.mark.django_db(transaction=True)
def test_a_day_at_the_sociale_kaart(live_server: Any, browser: Any, sk: Any,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    editor, officer, service, website = sk["editor"], sk["privacy_officer"], sk["customer_service"], sk["website"]
    checker = second(officer, "pia-2")

    # 09:00 The editor lists De Linde, as the municipality supplied it, with a separate verification address
    linde = listing(editor, "municipality")
    staff_view = editor.get(f"/api/v1/listings/{linde['id']}", {"purpose": "listing"}).json()
    assert staff_view["source"] == "municipality"

    # 10:00 A visitor finds it on the map: name, address, phone, e-mail; never the verification address
    visitor = page(browser)
    visitor.goto(f"{live_server.url}/sociale-kaart/")
    visitor.get_by_role("link", name="Zorgboerderij De Linde").click()
    visitor.get_by_role("heading", name="Zorgboerderij De Linde").wait_for()
    shown = visitor.content()
    assert "0592 123456" in shown and "info@delinde.example.nl" in shown
    assert "controle@delinde.example.nl" not in shown
    # The site needs no cookie choice (no cookies of other parties), and sets only declared cookies
    assert visitor.locator(".cookie-banner").count() == 0
    visitor.goto(f"{live_server.url}/cookies/")
    listed = {row.get_attribute("data-cookie") for row in visitor.locator("tr[data-cookie]").all()}
    assert listed == DECLARED
    assert {c["name"] for c in visitor.context.cookies()} <= DECLARED

    # 11:00 De Linde's contact person corrects the phone number through the listing's form
    contact = page(browser)
    contact.goto(f"{live_server.url}/sociale-kaart/{linde['id']}")
    contact.get_by_label("Opmerking").fill("Ons nummer is nu 0592 777888.")
    contact.get_by_label("E-mailadres (niet verplicht)").fill("info@delinde.example.nl")
    contact.get_by_role("button", name="Versturen").click()
    contact.get_by_text("Bedankt, uw reactie is ontvangen").wait_for()
    [ticket] = service.get("/api/v1/tickets", {"purpose": "feedback"}).json()
    answer = service.post(f"/api/v1/tickets/{ticket['id']}/messages",
                          {"kind": "feedback_outcome", "text": "Wij hebben het nummer aangepast."},
                          format="json", HTTP_X_PURPOSE="feedback")
    assert answer.status_code == 201, answer.content
    fixed = editor.patch(f"/api/v1/listings/{linde['id']}", {"phone": "0592 777888"}, format="json",
                         HTTP_X_PURPOSE="listing")
    assert fixed.status_code == 200, fixed.content

    # 13:00 De Linde stops; its contact person asks through the reaction form to remove all their data
    contact.goto(f"{live_server.url}/portaal/contact")
    contact.get_by_label("Naam").fill("Dirk de Linde")
    contact.get_by_label("E-mailadres").fill("info@delinde.example.nl")
    contact.get_by_label("Soort verzoek").select_option("erasure")
    contact.get_by_label("Uw verzoek of vraag").fill("Wij stoppen; haal onze vermelding en gegevens weg.")
    contact.get_by_role("button", name="Versturen").click()
    contact.get_by_role("heading", name="Dank u. Wij hebben uw verzoek ontvangen.").wait_for()
    reference = re.search(r"<strong>([0-9a-f-]{36})</strong>", contact.content())
    assert reference is not None
    queued = officer.get(f"/api/v1/requests/{reference.group(1)}").json()
    assert (queued["type"], queued["channel"], queued["status"]) == ("erasure", "contact_form",
                                                                     "awaiting_identification")
    # four weeks, in the organisation's days (the answer is UTC: around midnight its date is another day's)
    due = timezone.localtime(datetime.fromisoformat(queued["due_at"].replace("Z", "+00:00"))).date()
    assert due == timezone.localdate() + timedelta(days=28)

    # 14:00 The officer files it on the listing's data; a colleague checks the blacked-out ID copy and erases
    filed = officer.post("/api/v1/requests", {"subject": staff_view["subject"], "type": "erasure",
                                              "channel": "contact_form", "details": f"reactieformulier {queued['id']}"},
                         format="json").json()
    copy = officer.post(f"/api/v1/requests/{filed['id']}/id-copy",
                        {"reference": "mail/id-de-linde.jpg", "text": "RIJBEWIJS ████ Dirk ████"}, format="json")
    assert copy.status_code == 200, copy.content
    verified = checker.post(f"/api/v1/requests/{filed['id']}/verify",
                            {"method": "id_copy", "redactions": SK_REDACTIONS}, format="json")
    assert verified.status_code == 200 and verified.json()["identity"]["id_copy_held"] is False
    erased = checker.post(f"/api/v1/requests/{filed['id']}/erase", {}, format="json").json()
    assert sorted(d["type"] for d in erased["deleted"]) == ["listing", "verification_address"]
    assert "https://www.autoriteitpersoonsgegevens.nl" in erased["answer"]["nl"]
    visitor.goto(f"{live_server.url}/sociale-kaart/")
    assert "Zorgboerderij De Linde" not in visitor.content()

    # 16:00 The website's service account records today's usage
    visit = subject(website, "site_usage")
    record(website, visit, "usage_event", {"at": timezone.now().isoformat(), "duration": 40,
                                           "content": "/sociale-kaart/"}, "site_usage")

    # 17:00 The sweep: nothing due today; three months on the usage data and the comment's clock run out
    status, out, _ = cli(capsys, "sweep")
    assert status == 0 and "usage_3m" not in out
    status, out, _ = cli(capsys, "sweep", now=timezone.now() + timedelta(days=100))
    assert status == 0 and "usage_3m: 1 deleted" in out
    status, out, err = cli(capsys, "audit", "verify")
    assert status == 0, out + err
