"""A working day at WlzCliëntondersteuning.nl, through the public interface only: the command line the operator
types, the REST API the client supporters' software calls, and the portal and back office in a real browser.

The day: the operator activates the shipped policy and adds the staff; a client supporter takes in a new client
(he is hers at once), keeps his details, his signed consent statement and his care file, and sends the care
file to his home-care provider; a disclosure the statement does not allow is refused and logged; a former
client has her care file kept two more years (once only), so the sweep keeps it; the talks with
someone who asked for information end without an agreement, so her data goes at the next sweep; the client asks
in the portal to whom his data went, and the privacy officer finds the request in the back office; the sweep
runs; the audit log's chain is verified. Each step checks what the person doing it would see.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.conftest import EXAMPLES
from waarborg.audiences.cli import main

KEES = {"name": "Kees Kok", "birth_date": "1950-02-03", "email": "kees@example.nl", "agreement_status": "prospect"}
CARE_FILE = {"care_situation": "Woont thuis; zijn dochter is mantelzorger.", "health": "Beginnende dementie.",
             "care_providers": "Thuiszorg De Linde"}


class Staff:
    """A staff member as the CLI created them: an API client with their token, and their one-time password."""

    def __init__(self, username: str, output: str) -> None:
        lines = output.strip().splitlines()
        self.username, self.token = username, lines[-1]
        self.password = next(line.split(": ", 1)[1] for line in lines if line.startswith("password (shown once)"))
        self.api = APIClient()
        self.api.credentials(HTTP_AUTHORIZATION=f"Token {self.token}")

    def post(self, url: str, body: dict[str, Any], purpose: str = "") -> Any:
        headers = {"HTTP_X_PURPOSE": purpose} if purpose else {}
        return self.api.post(f"/api/v1/{url}", body, format="json", **headers)

    def get(self, url: str, **params: str) -> Any:
        return self.api.get(f"/api/v1/{url}", params)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_a_day_of_client_support(live_server: Any, browser: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # 08:30 the operator activates the organisation's policy and adds today's staff
    assert cli(capsys, "policy", "activate", str(EXAMPLES / "wlzclientondersteuning.yaml")).strip().isdigit()
    staff = {name: Staff(name, cli(capsys, "staff", "add", name, "--role", role, "--token"))
             for name, role in (("wendy", "client_supporter"), ("pia", "privacy_officer"), ("ad", "administration"))}
    wendy, pia = staff["wendy"], staff["pia"]

    # 09:00 Els asked for information on the website; Wendy keeps her question as a lead, four weeks at most
    els = wendy.post("subjects", {}, "lead").json()["id"]
    lead = wendy.post("records", {"subject": els, "type": "lead", "source": {"kind": "website_form"}, "data": {
        "name": "Els de Boer", "email": "els@example.nl", "question": "Kunt u helpen met een Wlz-aanvraag?"}}, "lead")
    assert lead.status_code == 201, lead.content
    expires = datetime.fromisoformat(lead.json()["expires_at"])
    assert timedelta(days=27) < expires - timezone.now() <= timedelta(days=28)

    # 09:30 intake: Wendy registers Kees, and he is in her caseload at once
    kees = wendy.post("subjects", {"birth_date": "1950-02-03"}, "client_support").json()["id"]
    caseload = wendy.get("assignments", staff="me").json()
    assert sorted((a["subject"], a["purpose"], a["via"]) for a in caseload) == sorted(
        [(els, "lead", "intake"), (kees, "client_support", "intake")])
    details = wendy.post("records", {"subject": kees, "type": "client", "data": KEES}, "client_support")
    assert details.status_code == 201 and details.json()["expires_at"] is None  # kept until the service ends
    # his care file needs the signed consent statement first: refused before, stored after
    care = {"subject": kees, "type": "care_file", "data": CARE_FILE}
    assert wendy.post("records", care, "client_support").json()["reason"] == "special_category_forbidden"
    consent = wendy.post("consents", {"subject": kees, "purpose": "client_support", "channel": "in_person",
                                      "signatories": [{"role": "self", "name": "Kees Kok"}],
                                      "evidence": {"document": "toestemmingsverklaring-kok.pdf",
                                                   "scope": ["general", "special"]}})
    assert consent.status_code == 201 and consent.json()["status"] == "active"
    care_file = wendy.post("records", care, "client_support")
    assert care_file.status_code == 201, care_file.content
    active = wendy.api.patch(f"/api/v1/records/{details.json()['id']}", {"data": {"agreement_status": "active"}},
                             format="json", HTTP_X_PURPOSE="client_support")
    assert active.status_code == 200
    shown = wendy.get(f"records/{care_file.json()['id']}", purpose="client_support").json()
    assert shown["data"]["health"] == "Beginnende dementie." and shown["fields"]["health"]["class"] == "special"

    # 11:00 the care file goes to his home-care provider for the agreed work
    sent = wendy.post("disclosures", {"subject": kees, "recipient": "care_providers", "purpose": "client_support",
                                      "reason": "agreed_work", "records": [care_file.json()["id"]]})
    assert sent.status_code == 201, sent.content
    # an authority that has not asked, for "the agreed work", gets nothing: refused with the reason, and logged
    refused = wendy.post("disclosures", {"subject": kees, "recipient": "authorities", "purpose": "client_support",
                                         "reason": "agreed_work", "records": [details.json()["id"]]})
    assert refused.status_code == 403 and refused.json()["reason"] == "reason_not_allowed"
    log = pia.get("audit/entries", action="disclosure.refused", subject=kees).json()["entries"]
    assert [(e["actor"], e["reason"]) for e in log] == [("wendy", "reason_not_allowed")]

    # 12:00 Mrs Jansen, whose service ended five years ago, asks by letter to keep her care file two more years
    jansen = wendy.post("subjects", {"birth_date": "1941-06-15"}, "client_support").json()["id"]
    then = (timezone.now() - timedelta(days=6 * 365)).isoformat()
    assert wendy.post("consents", {"subject": jansen, "purpose": "client_support", "given_at": then,
                                   "evidence": {"document": "toestemmingsverklaring-jansen.pdf",
                                                "scope": ["general", "special"]}}).status_code == 201
    her_file = wendy.post("records", {"subject": jansen, "type": "care_file", "collected_at": then,
                                      "data": {"care_situation": "Woonde in een Wlz-instelling."}}, "client_support")
    assert her_file.status_code == 201, her_file.content
    her_end = (timezone.now() - timedelta(days=5 * 365 + 10)).isoformat()
    assert wendy.post("events", {"name": "service_ended", "subject": jansen, "at": her_end}).status_code == 201
    clock = wendy.get(f"records/{her_file.json()['id']}/retention").json()
    assert datetime.fromisoformat(clock["expires_at"]) < timezone.now()  # five years are over: next sweep
    extended = pia.post(f"records/{her_file.json()['id']}/extensions", {"reason": "brief van mevrouw Jansen"})
    assert extended.status_code == 201, extended.content
    assert datetime.fromisoformat(extended.json()["expires_at"]) > timezone.now() + timedelta(days=365)
    again = pia.post(f"records/{her_file.json()['id']}/extensions", {"reason": "tweede brief"})
    assert (again.status_code, again.json()["reason"]) == (403, "retention_ceiling")  # once only: 5 + 2 = 7 years

    # 13:00 the talks with Els end without an agreement: her lead's date moves to now
    ended = wendy.post("events", {"name": "no_agreement", "subject": els,
                                  "at": timezone.now().isoformat()})
    assert ended.status_code == 201 and ended.json()["clocks_changed"] == 1
    retention = wendy.get(f"records/{lead.json()['id']}/retention").json()
    assert retention["rule"] == "lead_4w" and datetime.fromisoformat(retention["expires_at"]) <= timezone.now()

    # 14:00 Kees wants to know to whom his data went; the portal tells him how to ask (post or e-mail: the
    # statement offers no web form), so he e-mails, and the privacy officer registers his request
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{live_server.url}/portaal/contact")
    assert page.locator('textarea[name="details"]').count() == 0
    assert "post, e-mail" in page.content() or "e-mail, post" in page.content()
    answer = pia.post("requests", {"subject": kees, "type": "disclosures", "channel": "email",
                                   "details": "Aan wie hebt u mijn gegevens doorgegeven?"})
    assert answer.status_code == 201, answer.content
    reference = answer.json()["id"]
    [request] = [r for r in pia.get("requests", type="disclosures").json() if r["id"] == reference]
    assert request["channel"] == "email"
    due = datetime.fromisoformat(request["due_at"])
    assert due - datetime.fromisoformat(request["received_at"]) == timedelta(weeks=4)
    # she finds it in the back office queue
    office = browser.new_context(locale="nl-NL").new_page()
    office.goto(f"{live_server.url}/backoffice/verzoeken/")
    office.get_by_label("Gebruikersnaam").fill("pia")
    office.get_by_label("Wachtwoord").fill(pia.password)
    office.get_by_role("button", name="Inloggen").click()
    office.locator(f'tr[data-request="{reference}"]').wait_for()
    # and the overview she will send him lists the home-care provider, when and which data
    [row] = pia.get(f"subjects/{kees}/disclosures").json()
    assert (row["recipient_label"], row["reason"]) == ("Zorgaanbieders en andere instanties", "agreed_work")
    assert set(row["data"]["categories"]) == {"care_situation", "health"}

    # 17:00 the sweep deletes Els's lead and keeps Kees's dossier
    out = cli(capsys, "sweep")
    assert "lead_4w: 1 deleted" in out
    assert wendy.get(f"records/{lead.json()['id']}", purpose="lead").status_code == 404
    assert wendy.get(f"records/{care_file.json()['id']}", purpose="client_support").status_code == 200
    assert wendy.get(f"records/{her_file.json()['id']}", purpose="client_support").status_code == 200  # extended

    # 17:30 the audit log's chain is whole
    assert "audit chain intact" in cli(capsys, "audit", "verify")
