"""A day at Vrijwilligerspunt De Brug on its shipped policy, through the command line and the REST API only.

Morning: the operator activates the policy and makes the accounts. Ahmed signs up as a volunteer: the consultant
registers him in the volunteers group, stores his registration and, since he will be a buddy for older people,
his certificate of conduct (VOG): criminal data, sealed in the database. Storing a buddy request for him is
refused, as volunteers do not ask for a buddy. Mevrouw Bakker calls for a buddy: the buddy coordinator registers
her as a resident, records her consent and her request. Afternoon: the host organisation hears that Ahmed's
VOG is in order (it has its own art. 10 ground); the software supplier may not have it. Ahmed stops; his VOG
data goes at once in the evening sweep, his registration a year later. The statement and the register say all
of it; the audit chain holds.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import EXAMPLES, Persona
from waarborg.audiences.cli import main


class Operator:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        status = main(list(args))
        printed = self.capsys.readouterr()
        return status, printed.out, printed.err

    def staff(self, username: str, role: str) -> Persona:
        from waarborg.engine.accounts.models import User

        status, out, err = self("staff", "add", username, "--role", role, "--token")
        assert status == 0, err
        return Persona(User.objects.get(username=username), out.strip().splitlines()[-1])


def _audit(officer: Persona, **filters: str) -> list[dict[str, Any]]:
    answer = officer.get("/api/v1/audit/entries", {"limit": 500, **filters})
    assert answer.status_code == 200
    return list(answer.json()["entries"])


@pytest.mark.django_db(transaction=True)
def test_a_day_at_de_brug(capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.engine.vault.models import Record, Subject

    operator = Operator(capsys)
    # --- morning: the operator activates the shipped policy and makes the accounts ---------------------------
    status, out, err = operator("policy", "activate", str(EXAMPLES / "debrug.yaml"))
    assert status == 0, err
    consultant = operator.staff("daan", "consultant")
    coordinator = operator.staff("carla", "buddy_coordinator")
    officer = operator.staff("pim", "privacy_officer")

    # --- Ahmed signs up as a volunteer ------------------------------------------------------------------------
    ahmed = consultant.post("/api/v1/subjects", {"external_id": "vrw-2026-031", "group": "volunteers"},
                            format="json", HTTP_X_PURPOSE="volunteering")
    assert ahmed.status_code == 201, ahmed.content
    ahmed_id = ahmed.json()["id"]
    assert Subject.objects.get(pk=ahmed_id).group == "volunteers"
    profile = consultant.post("/api/v1/records", {"subject": ahmed_id, "type": "volunteer_profile", "data": {
        "name": "Ahmed El Amrani", "email": "ahmed@example.org", "interests": "Wandelen, koken, Arabisch en Nederlands",
        "availability": "dinsdag- en donderdagmiddag"}}, format="json", HTTP_X_PURPOSE="volunteering")
    assert profile.status_code == 201, profile.content
    vog = consultant.post("/api/v1/records", {"subject": ahmed_id, "type": "vog_check", "data": {
        "issued_on": "2026-11-20", "screening": "kwetsbare_volwassenen", "certificate_number": "VOG-88412"}},
        format="json", HTTP_X_PURPOSE="vog")
    assert vog.status_code == 201 and vog.json()["expires_at"] is None, vog.content
    vog_id = vog.json()["id"]
    # the VOG is criminal data: nothing of it is stored in the clear, and the record says it is special
    stored = Record.objects.get(pk=vog_id)
    assert stored.plain == {} and stored.sealed and b"VOG-88412" not in bytes(stored.sealed)
    assert stored.group == "volunteers"
    shown = consultant.get(f"/api/v1/records/{vog_id}", {"purpose": "vog"}).json()
    assert shown["data"]["certificate_number"] == "VOG-88412"
    assert shown["fields"]["certificate_number"] == {"category": "vog", "class": "special", "encrypted": True}
    # a volunteer does not ask for a buddy: that purpose is not one of his group's, refused and on record
    wrong = coordinator.post("/api/v1/records", {"subject": ahmed_id, "type": "buddy_request", "data": {
        "name": "Ahmed El Amrani", "wish": "Iemand om mee te wandelen"}}, format="json", HTTP_X_PURPOSE="buddy_requests")
    assert wrong.status_code == 403 and wrong.json()["reason"] == "group_purpose_mismatch", wrong.content
    assert [(e["actor"], e["reason"], e["purpose"]) for e in _audit(officer, action="write.refused")] == [
        ("carla", "group_purpose_mismatch", "buddy_requests")]
    # an unknown group is a mistake in the request, not a refusal
    typo = consultant.post("/api/v1/subjects", {"group": "volunteer"}, format="json")
    assert typo.status_code == 422 and "group" in typo.json()["errors"]

    # --- Mevrouw Bakker calls for a buddy ---------------------------------------------------------------------
    bakker = coordinator.post("/api/v1/subjects", {"external_id": "mtj-2026-007"}, format="json",
                              HTTP_X_PURPOSE="buddy_requests")  # no group named: the default, residents
    assert bakker.status_code == 201, bakker.content
    bakker_id = bakker.json()["id"]
    assert Subject.objects.get(pk=bakker_id).group == "residents"
    consent = coordinator.post("/api/v1/consents", {
        "subject": bakker_id, "purpose": "buddy_requests", "signatories": [{"role": "self", "name": "T. Bakker"}],
        "evidence": {"document": "ondertekend aanmeldformulier maatjesproject", "scope": ["general", "special"]}},
        format="json")
    assert consent.status_code == 201 and consent.json()["status"] == "active", consent.content
    request = coordinator.post("/api/v1/records", {"subject": bakker_id, "type": "buddy_request", "data": {
        "name": "Truus Bakker", "phone": "078 612 34 56", "wish": "Iemand om koffie mee te drinken en te wandelen",
        "health": "Slechtziend"}}, format="json", HTTP_X_PURPOSE="buddy_requests")
    assert request.status_code == 201, request.content
    # she is no volunteer: a VOG for her is refused
    not_hers = consultant.post("/api/v1/records", {"subject": bakker_id, "type": "vog_check", "data": {
        "issued_on": "2026-11-20", "screening": "algemeen"}}, format="json", HTTP_X_PURPOSE="vog")
    assert not_hers.status_code == 403 and not_hers.json()["reason"] == "group_purpose_mismatch"

    # --- the host organisation hears that the VOG is in order; the supplier never gets it -----------------------
    told = consultant.post("/api/v1/disclosures", {
        "subject": ahmed_id, "recipient": "host_organisations", "purpose": "vog", "reason": "legitimate_interest",
        "categories": ["vog"]}, format="json")
    assert told.status_code == 201, told.content
    supplier = consultant.post("/api/v1/disclosures", {
        "subject": ahmed_id, "recipient": "software_supplier", "purpose": "vog", "reason": "agreed_work"},
        format="json")
    assert supplier.status_code == 403 and supplier.json()["reason"] == "recipient_not_allowed"
    seen = officer.get(f"/api/v1/subjects/{ahmed_id}/disclosures").json()
    assert [(d["recipient"], d["categories"]) for d in seen] == [("host_organisations", ["vog"])]

    # --- Ahmed stops: his VOG data goes at once, his registration a year later ----------------------------------
    ended = consultant.post("/api/v1/events", {"name": "volunteering_ended", "at": datetime.now(UTC).isoformat(),
                                               "subject": ahmed_id}, format="json", HTTP_X_PURPOSE="volunteering")
    assert ended.status_code == 201 and ended.json()["clocks_changed"] == 2, ended.content
    status, out, _ = operator("sweep")
    assert status == 0 and "vog_until_stop: 1 deleted" in out
    assert consultant.get(f"/api/v1/records/{vog_id}", {"purpose": "vog"}).status_code == 404
    clock = consultant.get(f"/api/v1/records/{profile.json()['id']}/retention").json()
    assert clock["rule"] == "after_volunteering" and int(clock["expires_at"][:4]) == datetime.now(UTC).year + 1

    # --- the statement and the register say it -------------------------------------------------------------
    status, statement, _ = operator("render", "statement", "--format", "md")
    assert status == 0
    assert "## Over wie wij gegevens hebben" in statement and "### Inwoners die een maatje zoeken" in statement
    assert "## Gegevens over strafbare feiten" in statement and "art. 33 lid 4 sub a UAVG" in statement
    status, register, _ = operator("render", "register", "--format", "csv")
    rows = {row["id"].rsplit("-", 1)[0]: row for row in csv.DictReader(io.StringIO(register))}
    assert rows["vog"]["art10"].startswith("ja: art. 33") and "[strafrechtelijk]" in rows["vog"]["personal_data"]
    assert rows["vog"]["data_subjects"] == "Vrijwilligers"
    assert rows["buddy_requests"]["data_subjects"] == "Inwoners die een maatje zoeken"
    status, jsonld, _ = operator("render", "register", "--format", "jsonld")
    graph = {node["@id"]: node for node in json.loads(jsonld)["@graph"]}
    assert graph["urn:waarborg:debrug:group:residents"]["@type"] == "dpv:Client"
    assert "pd:Criminal" in graph["urn:waarborg:debrug:category:vog"]["@type"]
    status, out, err = operator("audit", "verify")
    assert status == 0, err
