"""The export goes to the requester: a letter staff print and post (Kwartier, a representative's letter for a
client), or secure mail where the policy offers it (Werkzaak): a link, an access code at the requester's
address, and the export made when they pick it up."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import Any

import pytest
from django.test import Client

from tests.conftest import Persona, activate_example, make_staff
from tests.rights.conftest import audit
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.rights.models import Delivery, Request

REPRESENTATIVE = {"kind": "representative", "name": "Petra Jansen", "contact": "Dorpsstraat 4\n8011 AB Zwolle",
                  "authorisation": "schriftelijke machtiging van 12-11-2026"}
CLIENT_FILE = {"name": "Jan Jansen", "request": "Hulp bij de administratie na het overlijden van zijn vrouw.",
               "source": "representative"}


@pytest.fixture
def kwartier(db: Any) -> dict[str, Persona]:
    activate_example("kwartier")
    return {"social_worker": Persona(*make_staff("sanne", ["social_worker"])),
            "officer": Persona(*make_staff("pia", ["privacy_officer"])),
            "coordinator": Persona(*make_staff("cor", ["coordinator"]))}


def _client(social_worker: Persona) -> str:
    """Jan, a client the social worker took in (her intake puts him in her caseload), with his client file."""
    subject = social_worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    record = social_worker.post("/api/v1/records", {"subject": subject, "type": "client_file", "data": CLIENT_FILE},
                                format="json", HTTP_X_PURPOSE="support")
    assert record.status_code == 201, record.content
    return str(subject)


def test_the_deliver_endpoint_refuses_the_anonymous_and_staff_who_do_not_handle_requests(
        kwartier: dict[str, Persona]) -> None:
    subject = _client(kwartier["social_worker"])
    filed = kwartier["social_worker"].post("/api/v1/requests", {"subject": subject, "type": "access",
                                                                "channel": "post"}, format="json").json()["id"]
    from rest_framework.test import APIClient

    assert APIClient().post(f"/api/v1/requests/{filed}/deliver", {"channel": "letter"}, format="json").status_code == 401
    answer = kwartier["coordinator"].post(f"/api/v1/requests/{filed}/deliver", {"channel": "letter"}, format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert audit("request.deliver.refused", actor="cor")


@pytest.mark.promise("S4-14", "S4-13", "S4-18")
def test_a_representatives_letter_for_a_kwartier_client_is_verified_by_a_colleague_and_answered_by_post(
        kwartier: dict[str, Persona]) -> None:
    worker, officer = kwartier["social_worker"], kwartier["officer"]
    subject = _client(worker)
    other = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    worker.post("/api/v1/records", {"subject": other, "type": "client_file", "data": {
        "name": "Klaas Buurman", "request": "Schuldhulp", "source": "self"}}, format="json", HTTP_X_PURPOSE="support")
    # given the social worker registers the letter Jan's daughter sent on his behalf
    filed = worker.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post",
                                             "requester": REPRESENTATIVE}, format="json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["id"]
    # when the privacy officer checks the daughter's identity and authorisation in person
    verified = officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    assert verified.status_code == 200
    # and makes the letter to post to her
    letter = officer.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "letter"}, format="json")
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=letter.content, capture_output=True,
                              check=True).stdout.decode()
        for expected in ("Petra Jansen", "Dorpsstraat 4", "namens de betrokkene", "Jan Jansen",
                         "Hulp bij de administratie", "Wat wij met uw gegevens deden", "Autoriteit Persoonsgegevens"):
            assert expected in text, expected
        assert "Klaas Buurman" not in text and "Schuldhulp" not in text and other not in text  # nobody else
    # then the request shows who did what, and the letter as a delivery to the representative
    shown = officer.get(f"/api/v1/requests/{request_id}").json()
    assert shown["requester"] == REPRESENTATIVE
    assert (shown["registered_by"]["username"], shown["verified_by"]["username"]) == ("sanne", "pia")
    assert shown["reviewed_by"] == [{"kind": "staff", "username": "pia"}]
    assert [(d["channel"], d["to"], d["format"], d["by"]["username"]) for d in shown["deliveries"]] == [
        ("letter", "representative", "pdf", "pia")]
    assert [s["action"] for s in shown["steps"]][-2:] == ["reviewed", "delivered"]
    # and the audit log has every step, but never the representative's name or address
    assert [e.action for e in AuditEntry.objects.filter(action__startswith="request.").order_by("id")] == [
        "request.create", "request.verify", "request.review", "request.deliver", "request.read"]
    assert audit("request.create")[0].detail["requester"] == "representative"
    assert not any("Petra" in json.dumps(e.detail) or "Dorpsstraat" in json.dumps(e.detail)
                   for e in AuditEntry.objects.all())
    assert Request.objects.get(pk=request_id).requester_kind == "representative"


# --- Werkzaak: secure mail ------------------------------------------------------------------------------------

ADDRESS = "jan.jansen@example.nl"


@pytest.fixture
def werkzaak_staff(db: Any) -> dict[str, Persona]:
    activate_example("werkzaak")
    return {"front_office": Persona(*make_staff("fenna", ["front_office"])),
            "dpo": Persona(*make_staff("fred", ["dpo"])),
            "officer": Persona(*make_staff("pia", ["privacy_officer"]))}


def _link(body: str) -> str:
    found = re.search(r"https?://\S+/beveiligde-mail/ophalen/[0-9a-f-]+", body)
    assert found, body
    return "/" + found.group(0).split("/", 3)[3]


@pytest.mark.promise("S3-25", "S3-27", "S3-26")
def test_werkzaak_sends_the_answer_by_secure_mail_and_the_requester_picks_it_up_with_an_access_code(
        werkzaak_staff: dict[str, Persona], mailoutbox: list[Any], django_capture_on_commit_callbacks: Any) -> None:
    front, dpo, officer = werkzaak_staff["front_office"], werkzaak_staff["dpo"], werkzaak_staff["officer"]
    subject = front.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="questions").json()["id"]
    front.post("/api/v1/records", {"subject": subject, "type": "question", "data": {
        "email": ADDRESS, "question": "Welke gegevens heeft u van mij?"}}, format="json", HTTP_X_PURPOSE="questions")
    neighbour = front.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="questions").json()["id"]
    front.post("/api/v1/records", {"subject": neighbour, "type": "question", "data": {
        "email": "buurman@example.nl", "question": "Wat weet u van Jan?"}}, format="json", HTTP_X_PURPOSE="questions")
    # given the front office registers Jan's e-mail "Verzoek omtrent persoonsgegevens"
    request_id = front.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "email",
                                                 "requester": {"kind": "subject", "name": "Jan Jansen",
                                                               "contact": ADDRESS}}, format="json").json()["id"]
    # nothing goes out before the identity is verified
    early = officer.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "secure_mail"}, format="json")
    assert early.status_code == 409 and not mailoutbox
    # when the FG verifies it and the privacy officer sends the answer by secure mail
    assert dpo.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves once the delivery is committed
        sent = officer.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "secure_mail", "format": "json"},
                            format="json")
    assert sent.status_code == 200, sent.content
    assert {k: sent.json()[k] for k in ("channel", "to", "format")} == {"channel": "secure_mail", "to": "subject",
                                                                        "format": "json"}
    # then Jan gets a mail with a link, and nothing of his data
    [mail] = mailoutbox
    assert mail.to == [ADDRESS] and "Welke gegevens" not in mail.body
    link = _link(mail.body)
    jan = Client()
    assert "toegangscode" in jan.get(link).content.decode()
    # a code asked for another address goes nowhere
    jan.post(link, {"step": "code", "email": "iemand.anders@example.nl"})
    assert len(mailoutbox) == 1
    jan.post(link, {"step": "code", "email": ADDRESS})
    code = re.search(r"\b(\d{8})\b", mailoutbox[-1].body).group(1)  # type: ignore[union-attr]
    assert mailoutbox[-1].to == [ADDRESS]
    # a wrong code is refused and audited
    wrong = jan.post(link, {"step": "fetch", "email": ADDRESS, "code": "00000000" if code != "00000000" else "1"})
    assert wrong.status_code == 403
    assert AuditEntry.objects.filter(action="securemail.pickup.refused").exists()
    # with the code, Jan downloads his export
    picked = jan.post(link, {"step": "fetch", "email": ADDRESS, "code": code})
    assert picked.status_code == 200 and "attachment" in picked["Content-Disposition"]
    export = json.loads(picked.content)
    assert export["subject"]["id"] == subject
    assert "Welke gegevens heeft u van mij?" in json.dumps(export, ensure_ascii=False)
    assert "buurman" not in picked.content.decode() and neighbour not in picked.content.decode()  # nobody else
    # the delivery shows it went by secure mail to the subject and when he picked it up
    [delivery] = Delivery.objects.all()
    assert (delivery.channel, delivery.to, delivery.by) == ("secure_mail", "subject", officer.user)
    assert delivery.received_at is not None
    assert [e.detail["first"] for e in audit("request.delivery_received")] == [True]
    # and the code is spent: the same code does not open it twice
    assert jan.post(link, {"step": "fetch", "email": ADDRESS, "code": code}).status_code == 403


def test_secure_mail_is_refused_without_an_address_by_the_registrar_and_where_the_policy_has_none(
        werkzaak_staff: dict[str, Persona]) -> None:
    dpo, officer = werkzaak_staff["dpo"], werkzaak_staff["officer"]
    subject = werkzaak_staff["front_office"].post("/api/v1/subjects", {}, format="json",
                                                  HTTP_X_PURPOSE="questions").json()["id"]
    # registered by the privacy officer herself, from a letter without an e-mail address
    request_id = officer.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"},
                              format="json").json()["id"]
    dpo.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    own = officer.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "secure_mail"}, format="json")
    assert own.status_code == 403 and own.json()["reason"] == "separation_of_duties"
    no_address = dpo.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "secure_mail"}, format="json")
    assert no_address.status_code == 422 and "requester.contact" in no_address.json()["errors"]
    assert not Delivery.objects.exists()
    # under a policy without secure mail, the channel does not exist
    activate_example("ikzorginassen")
    other = Persona(*make_staff("ivo", ["privacy_officer"]))
    unknown = other.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "secure_mail"}, format="json")
    assert unknown.status_code == 422 and "letter" in unknown.json()["errors"]["channel"][0]
