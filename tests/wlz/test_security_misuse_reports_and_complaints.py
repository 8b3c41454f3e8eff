"""WlzCliëntondersteuning's security measures and where people turn when something went wrong, with the shipped
policy active: access needs a login and a role, backups run on schedule and restore, changes in who may see what
are logged (S2-24); anyone can report misuse, which opens a possible breach with its time (S2-25); complaints are
registered, tracked and answered with the right to go to the Autoriteit Persoonsgegevens (S2-30). Driven through
the REST API, the statement page and the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine

from tests.wlz.conftest import CARE_FILE, intake, read, refused, sign, store
from waarborg.audiences.cli import main

AP = "https://www.autoriteitpersoonsgegevens.nl"


@pytest.mark.promise("S2-24")
def test_the_care_file_needs_a_login_and_a_role_that_may_read_it(people: dict[str, Any], anonymous: Any) -> None:
    supporter = people["worker"]
    client = intake(supporter, birth_date="1950-02-03")
    assert sign(supporter, client).status_code == 201
    care_file = store(supporter, client, "care_file", CARE_FILE, "client_support").json()["id"]
    assert anonymous.get(f"/api/v1/records/{care_file}", {"purpose": "client_support"}).status_code == 401
    # a staff account without a role, the administration, and a colleague without the case are all refused
    answers = {name: read(people[name], care_file, "client_support") for name in ("outsider", "administration",
                                                                                  "colleague")}
    assert {name: (a.status_code, a.json()["reason"]) for name, a in answers.items()} == {
        "outsider": (403, "role_not_granted"), "administration": (403, "role_not_granted"),
        "colleague": (403, "not_assigned")}
    assert [e.actor for e in refused("not_assigned", client)] == ["wim"]
    assert read(supporter, care_file, "client_support").status_code == 200


@pytest.mark.promise("S2-24")
def test_changes_in_who_may_see_what_are_logged(people: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    officer, coordinator = people["officer"], people["leader"]
    client = intake(people["worker"], birth_date="1950-02-03")
    # a new colleague is given a role on the command line; the coordinator gives her the case, then takes it back
    assert main(["staff", "add", "nina", "--role", "client_supporter"]) == 0
    given = coordinator.post(f"/api/v1/subjects/{client}/assignments", {"purpose": "client_support", "staff": "nina"},
                             format="json")
    assert given.status_code == 201, given.content
    assert coordinator.delete(f"/api/v1/assignments/{given.json()['id']}").status_code == 204

    def logged(action: str, **params: str) -> list[dict[str, Any]]:
        return officer.get("/api/v1/audit/entries", {"action": action, **params}).json()["entries"]

    created = logged("staff.create")[-1]
    assert (created["actor"], created["detail"]["roles"]) == ("system:cli", ["client_supporter"])
    assignments = logged("subject.assign", subject=client) + logged("subject.unassign", subject=client)
    assert [(e["action"], e["actor"]) for e in assignments][-2:] == [("subject.assign", "cor"),
                                                                     ("subject.unassign", "cor")]


@pytest.mark.promise("S2-24")
@pytest.mark.django_db(transaction=True)
def test_backups_run_every_day_and_bring_the_dossier_back(people: dict[str, Any], settings: Any, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    settings.WAARBORG_ERASURE_JOURNAL = tmp_path / "journal.jsonl"
    supporter = people["worker"]
    # the scheduler makes a backup every day
    assert main(["jobs", "list"]) == 0
    schedule = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "daily" in schedule["backup_create"] and "daily" in schedule["backup_prune"]
    # given a backup of a client's dossier
    client = intake(supporter, birth_date="1950-02-03")
    assert sign(supporter, client).status_code == 201
    care_file = store(supporter, client, "care_file", CARE_FILE, "client_support").json()["id"]
    assert main(["backup", "create"]) == 0
    backup = capsys.readouterr().out.split()[0]
    assert b"Beginnende dementie" not in Path(backup).read_bytes()  # encrypted
    # when the care file is lost (a correction by mistake), and the backup is restored
    supporter.patch(f"/api/v1/records/{care_file}", {"data": {"health": "onbekend"}}, format="json",
                    HTTP_X_PURPOSE="client_support")
    assert main(["backup", "restore", backup, "--yes", "--no-journal"]) == 0  # nobody was ever erased here
    # then the dossier is back as it was, and the audit chain is whole
    assert read(supporter, care_file, "client_support").json()["data"]["health"] == "Beginnende dementie."
    assert main(["audit", "verify"]) == 0


@pytest.mark.promise("S2-25")
def test_anyone_can_report_misuse_and_it_opens_a_possible_breach_with_its_time(
        people: dict[str, Any], anonymous: Any) -> None:
    # the statement tells people they can
    statement = anonymous.get("/privacy/").content.decode()
    assert "Denk je dat iemand toch gegevens heeft misbruikt? Neem dan contact met ons op." in statement
    # when someone reports it without logging in
    received = datetime(2026, 5, 4, 22, 15, tzinfo=UTC)
    with time_machine.travel(received, tick=False):
        report = anonymous.post("/api/v1/breaches/report", {
            "description": "Mijn zorgsituatie werd besproken door iemand die daar niets mee te maken heeft.",
            "name": "M. de Vries", "contact": "m.devries@example.nl"}, format="json")
    assert report.status_code == 201 and datetime.fromisoformat(report.json()["received_at"]) == received
    # then the privacy officer has it in the breach register, with the time and the 72-hour clock running
    [row] = people["officer"].get("/api/v1/breaches").json()
    assert (row["source"], row["status"]) == ("public", "reported")
    assert datetime.fromisoformat(row["authority_due_at"]) == received + timedelta(hours=72)
    trail = people["officer"].get(f"/api/v1/breaches/{row['id']}/log").json()
    assert [e["event"] for e in trail] == ["reported"]
    # and nobody else reads the register
    assert people["worker"].get("/api/v1/breaches").status_code == 403


@pytest.mark.promise("S2-30")
def test_a_complaint_is_registered_tracked_and_answered_with_the_right_to_go_to_the_authority(
        people: dict[str, Any], anonymous: Any) -> None:
    supporter, officer = people["worker"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    # the statement names the Autoriteit Persoonsgegevens
    assert "Autoriteit Persoonsgegevens" in anonymous.get("/privacy/").content.decode()
    # given a complaint by e-mail, registered by the client supporter who received it
    filed = supporter.post("/api/v1/requests", {"subject": client, "type": "complaint", "channel": "email",
                                                "details": "Mijn dossier is zonder overleg naar de thuiszorg gestuurd."},
                           format="json")
    assert filed.status_code == 201 and filed.json()["status"] == "received"
    # then the privacy officer tracks it in the complaints register
    assert [(c["id"], c["status"]) for c in officer.get("/api/v1/complaints").json()] == [
        (filed.json()["id"], "received")]
    # and when it is closed unresolved, the answer points to the AP, in Dutch and English
    closed = officer.post(f"/api/v1/requests/{filed.json()['id']}/close", {"outcome": "unresolved"}, format="json")
    assert closed.status_code == 200
    answer = closed.json()["answer"]
    assert "Autoriteit Persoonsgegevens" in answer["nl"] and AP in answer["nl"] and AP in answer["en"]
    assert "info@wlzclientondersteuning.nl" in answer["nl"]
    [row] = officer.get("/api/v1/complaints").json()
    assert (row["status"], row["outcome"]) == ("closed", "unresolved") and row["closed_at"]
