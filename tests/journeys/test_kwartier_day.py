"""A day at Kwartier zorg en welzijn on its shipped policy, through nothing but the front door: the command
line an operator types, the REST API the client record system calls, and the back office in Chromium.

Morning: the operator activates the policy and makes the accounts. Sanne, a social worker, takes in Joke
(referred by the municipality) and Piet, stores their files and Joke's health notes, records Joke's consent
to share with her GP and shares her notes; sharing them with the municipality is refused and logged. Piet's
support ends. Afternoon: a letter from Joke's daughter asks for access to her mother's file; Sanne registers
it, and while it is open Joke's data is held from the sweep; the privacy officer checks the daughter's
identity, reviews the export, makes the answer letter and answers in the back office, which ends that hold.
Sanne leaves; the team leader hands her cases to Sam in one step. Staff log in to the back office with a second
factor (WAARBORG_STAFF_2FA=required, as in production): each sets up an authenticator app at the first login,
while the client record system's API tokens work as they did. Evening: a complaint about last year's
emergency keeps its report from the sweep until the privacy officer lifts the hold; then the sweep removes
it, and the audit chain is verified.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import browser  # noqa: F401 - fixture
from tests.conftest import EXAMPLES, Persona
from tests.twofactor.conftest import code_at
from waarborg.audiences.cli import main

JOKE_FILE = {"name": "Joke de Vries", "birth_date": "1948-03-12", "address": "Kerkstraat 12, Wijk Noord",
             "email": "joke@example.nl", "request": "Hulp bij de administratie na het overlijden van haar man",
             "source": "municipality"}
PIET_FILE = {"name": "Piet Bos", "request": "Maaltijdservice regelen", "source": "self"}
DAUGHTER = {"kind": "representative", "name": "Petra de Vries", "contact": "Dorpsstraat 4\n8011 AB Zwolle",
            "authorisation": "schriftelijke machtiging van 1 december 2026"}


class Operator:
    """The command line, as an operator types it: exit status and what was printed."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        status = main(list(args))
        printed = self.capsys.readouterr()
        return status, printed.out, printed.err

    def staff(self, username: str, role: str, team: str = "") -> tuple[Persona, str]:
        """`waarborg staff add ... --token`: the API persona, and the one-time password for the back office."""
        from waarborg.engine.accounts.models import User

        status, out, err = self(*["staff", "add", username, "--role", role, "--token",
                                  *(["--team", team] if team else [])])
        assert status == 0, err
        password = re.search(r"password \(shown once\): (\S+)", out)
        assert password, out
        return Persona(User.objects.get(username=username), out.strip().splitlines()[-1]), password.group(1)


def _log_in(chromium: Any, url: str, username: str, password: str) -> Any:
    """The password, then (a first login) setting up the authenticator app from the secret the page shows."""
    page = chromium.new_context(locale="nl-NL", accept_downloads=True).new_page()
    page.goto(f"{url}/backoffice/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Tweede factor instellen").wait_for()
    page.get_by_label("Code uit de app").fill(code_at(page.locator("#secret").inner_text(), datetime.now(UTC)))
    page.get_by_role("button", name="Instellen", exact=True).click()
    page.locator("#recovery-codes li").first.wait_for()  # the next page, not the form still shown
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="Ik heb de codes bewaard. Verder").click()
    page.wait_for_load_state()
    return page


def _store(worker: Persona, subject: str, type: str, data: dict[str, Any], purpose: str, **extra: Any) -> str:
    answer = worker.post("/api/v1/records", {"subject": subject, "type": type, "data": data, **extra},
                         format="json", HTTP_X_PURPOSE=purpose)
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


def _audit(officer: Persona, **filters: str) -> list[dict[str, Any]]:
    answer = officer.get("/api/v1/audit/entries", {"limit": 500, **filters})
    assert answer.status_code == 200
    return list(answer.json()["entries"])


@pytest.mark.promise("S4-10", "S4-11")
@pytest.mark.django_db(transaction=True)
def test_a_day_at_kwartier(live_server: Any, browser: Any, capsys: pytest.CaptureFixture[str],  # noqa: F811
                           settings: Any) -> None:
    settings.WAARBORG_STAFF_2FA = "required"
    operator = Operator(capsys)

    # --- morning: the operator activates the shipped policy and makes the accounts ---------------------------
    status, out, _ = operator("policy", "activate", str(EXAMPLES / "kwartier.yaml"))
    assert status == 0 and out.strip()
    sanne, _ = operator.staff("sanne", "social_worker", "wijkteam_noord")
    sam, sam_password = operator.staff("sam", "social_worker", "wijkteam_noord")
    _tim, tim_password = operator.staff("tim", "team_leader")
    pia, pia_password = operator.staff("pia", "privacy_officer")

    # --- intake: Sanne registers Joke and Piet; both are hers at once ---------------------------------------
    joke = sanne.post("/api/v1/subjects", {"external_id": "kw-2026-101", "birth_date": "1948-03-12"},
                      format="json")  # no purpose named: every need-to-know purpose she works on
    piet = sanne.post("/api/v1/subjects", {"external_id": "kw-2026-102"}, format="json", HTTP_X_PURPOSE="support")
    assert joke.status_code == 201 and piet.status_code == 201
    joke_id, piet_id = joke.json()["id"], piet.json()["id"]
    mine = sanne.get("/api/v1/assignments", {"staff": "me"}).json()
    assert {(joke_id, "support", "intake"), (piet_id, "support", "intake")} <= {
        (a["subject"], a["purpose"], a["via"]) for a in mine}

    # --- records: Joke's file as the municipality referred her, her health notes, Piet's file ---------------
    joke_file = _store(sanne, joke_id, "client_file", JOKE_FILE, "support",
                       source={"kind": "municipality", "detail": "Wmo-loket gemeente"})
    _store(sanne, joke_id, "care_notes", {"health": "Hartfalen; valt vaker sinds de zomer."}, "support")
    piet_file = _store(sanne, piet_id, "client_file", PIET_FILE, "support")
    # last year's emergency at Joke's, imported from the old system
    emergency = _store(sanne, joke_id, "emergency_report",
                       {"name": "Joke de Vries", "situation": "Gevallen in de badkamer", "shared_with": "ambulance"},
                       "emergency", collected_at=(datetime.now(UTC) - timedelta(days=400)).isoformat())
    # a colleague who does not have Joke sees nothing, and the attempt is logged
    refused = sam.get(f"/api/v1/subjects/{joke_id}/records", {"purpose": "support"})
    assert refused.status_code == 403 and refused.json()["reason"] == "not_assigned"
    # the privacy officer sees that Joke must be told where her data came from
    notices = [n for n in pia.get("/api/v1/notices").json() if n["subject"] == joke_id]
    assert {"indirect_collection", "basis_interest"} <= {n["kind"] for n in notices}

    # --- consent and disclosures: Joke agrees her GP may know; the municipality may not ---------------------
    consent = sanne.post("/api/v1/consents", {
        "subject": joke_id, "purpose": "support", "signatories": [{"role": "self", "name": "Joke de Vries"}],
        "evidence": {"document": "toestemming-huisarts-2026-101.pdf"}}, format="json")
    assert consent.status_code == 201 and consent.json()["status"] == "active", consent.content
    shared = sanne.post("/api/v1/disclosures", {
        "subject": joke_id, "recipient": "care_partners", "purpose": "support", "reason": "consent",
        "categories": ["health", "support"]}, format="json")
    assert shared.status_code == 201, shared.content
    forbidden = sanne.post("/api/v1/disclosures", {
        "subject": joke_id, "recipient": "municipality", "purpose": "support", "reason": "consent",
        "categories": ["support"]}, format="json")
    assert forbidden.status_code == 403 and forbidden.json()["reason"] == "reason_not_allowed"
    assert [(e["actor"], e["reason"]) for e in _audit(pia, action="disclosure.refused")] == [
        ("sanne", "reason_not_allowed")]
    told = pia.get(f"/api/v1/subjects/{joke_id}/disclosures").json()
    assert [d["recipient"] for d in told] == ["care_partners"]

    # --- an event: Piet's support ends, and his file's clock starts -----------------------------------------
    ended = sanne.post("/api/v1/events", {"name": "service_ended", "at": datetime.now(UTC).isoformat(),
                                          "subject": piet_id}, format="json", HTTP_X_PURPOSE="support")
    assert ended.status_code == 201 and ended.json()["clocks_changed"] == 1
    clock = sanne.get(f"/api/v1/records/{piet_file}/retention").json()
    assert clock["rule"] == "support_15y" and int(clock["expires_at"][:4]) == datetime.now(UTC).year + 15

    # --- a letter: Joke's daughter asks for her mother's file -----------------------------------------------
    filed = sanne.post("/api/v1/requests", {"subject": joke_id, "type": "access", "channel": "post",
                                            "requester": DAUGHTER}, format="json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["id"]
    officer = _log_in(browser, live_server.url, "pia", pia_password)
    officer.goto(f"{live_server.url}/backoffice/verzoeken/")
    officer.locator(f'tr[data-request="{request_id}"]').get_by_role("link").first.click()
    assert "Petra de Vries" in officer.locator("[data-requester]").inner_text()
    assert officer.locator("[data-registered-by]").inner_text().startswith("sanne")
    # she saw the daughter with her ID and the signed authorisation at the desk
    officer.get_by_label("Methode").select_option("in_person")
    officer.get_by_role("button", name="Identiteit vastgesteld").click()
    officer.get_by_text("Identiteit vastgesteld").first.wait_for()
    assert officer.locator("[data-verified-by]").inner_text() == "pia"
    # while the request is open, Joke's data is held: last year's emergency report is not swept away
    held = sanne.get(f"/api/v1/records/{emergency}/retention").json()
    assert held["expires_at"] is None and "lopend verzoek van de betrokkene" in held["explanation"]
    status, out, _ = operator("holds", "list")
    assert status == 0 and "rights_request" in out and f"subject {joke_id}" in out
    # she reviews the export: Joke's file, and nobody else's
    with officer.expect_download() as review:
        officer.get_by_role("link", name="Download JSON").click()
    export = json.loads(Path(review.value.path()).read_text(encoding="utf-8"))
    assert export["subject"]["id"] == joke_id
    exported = json.dumps(export, ensure_ascii=False)
    assert "Joke de Vries" in exported and "Piet Bos" not in exported and piet_id not in exported
    # and makes the answer letter to post to the daughter
    with officer.expect_download() as letter:
        officer.get_by_role("button", name="Brief maken").click()
    assert Path(letter.value.path()).read_bytes().startswith(b"%PDF")
    officer.reload()
    assert "aan representative" in officer.locator("[data-deliveries]").inner_text()
    assert officer.locator("[data-reviewed-by]").inner_text() == "pia"
    # and records the answer; the request leaves the open states and the hold ends with it
    officer.get_by_role("button", name="Beantwoorden").click()
    officer.get_by_text("Het antwoord is vastgelegd").wait_for()
    assert officer.locator("dd.status").inner_text() == "Beantwoord"
    status, out, _ = operator("holds", "list")
    assert status == 0 and "no holds in force" in out

    # --- hand-over: Sanne leaves; the team leader gives all her cases to Sam in one step --------------------
    leader = _log_in(browser, live_server.url, "tim", tim_password)
    leader.goto(f"{live_server.url}/backoffice/toewijzingen/")  # from the day's work page, where staff land
    leader.get_by_role("heading", level=1, name="Toewijzingen").wait_for()
    form = leader.locator("#handover-form")
    form.get_by_label("Van").select_option("sanne")
    form.get_by_label("Naar een collega").select_option("sam")
    form.get_by_role("button", name="Overdragen").click()
    leader.get_by_text("cliënt(en) van sanne overgedragen").wait_for()
    successor = _log_in(browser, live_server.url, "sam", sam_password)
    successor.goto(f"{live_server.url}/backoffice/mijn-clienten/")
    successor.get_by_role("heading", level=1, name="Mijn cliënten").wait_for()
    rows = successor.locator("#caseload tr[data-assignment]")
    assert {rows.nth(i).get_attribute("data-subject") for i in range(rows.count())} == {joke_id, piet_id}
    # Sanne's access ends at once; Sam reads Joke's file
    gone = sanne.get(f"/api/v1/subjects/{joke_id}/records", {"purpose": "support"})
    assert gone.status_code == 403 and gone.json()["reason"] == "not_assigned"
    shown = sam.get(f"/api/v1/records/{joke_file}", {"purpose": "support"})
    assert shown.status_code == 200 and shown.json()["data"]["name"] == "Joke de Vries"

    # --- evening: a hold, the sweep, then the audit chain ----------------------------------------------------
    status, out, _ = operator("sweep", "--dry-run")
    assert status == 0 and "emergency_1y: 1 would be deleted" in out
    # Joke's family complains about how last year's emergency went: the privacy officer keeps that report
    hold = pia.post("/api/v1/holds", {"reason": "Klacht van de familie over de noodsituatie (klacht 2026-7)",
                                      "record": emergency, "kind": "dispute"}, format="json")
    assert hold.status_code == 201, hold.content
    status, out, _ = operator("sweep")
    assert status == 0 and f"kept by hold {hold.json()['id']} (dispute): 1 record(s)" in out
    assert sam.get(f"/api/v1/records/{emergency}", {"purpose": "emergency"}).status_code == 200
    # the complaint is settled; the hold ends and the next sweep takes the report
    assert pia.delete(f"/api/v1/holds/{hold.json()['id']}").status_code == 204
    status, out, _ = operator("sweep")
    assert status == 0 and "emergency_1y: 1 deleted" in out
    assert sam.get(f"/api/v1/records/{emergency}", {"purpose": "emergency"}).status_code == 404
    assert sam.get(f"/api/v1/records/{joke_file}", {"purpose": "support"}).status_code == 200
    # the three who used the back office each set up a second factor, on record
    assert sorted(e["actor"] for e in _audit(pia, action="staff.2fa.enrol")) == ["pia", "sam", "tim"]
    status, out, err = operator("audit", "verify")
    assert status == 0, err
