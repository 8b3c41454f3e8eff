"""S4-19..S4-24: a Kwartier breach, from the first report to the people told and the AP notified.

Anyone may report a suspicion (S4-22); the kinds the statement names can be recorded (S4-23); each person is
told what happened, which of *their* data leaked, what Kwartier did and what they can do (S4-19, S4-20), by
e-mail over a real SMTP conversation; everything is documented in an append-only trail, also per person
(S4-21); the AP notification is recorded and the privacy page names the AVG and the AP (S4-24).
The clients are Sanne's, stored through the REST API; the privacy officer handles the breach through the API,
all on the shipped policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from tests.kwartier.conftest import CLIENT_FILE, intake, store
from tests.smtp import Inbox, smtp_server

MEASURES = {"measures_taken": "De map is teruggevonden bij de NS en vernietigd; de medewerker is aangesproken.",
            "measures_subject_can_take": "Wees alert op telefoontjes of brieven van onbekenden over uw hulp."}
WHAT = "Map met dossiers in de trein laten liggen"


@pytest.fixture
def relay() -> Iterator[Inbox]:
    with smtp_server(Inbox()) as inbox:
        yield inbox


def _clients(kwartier: dict[str, Any]) -> tuple[str, str]:
    """Joke (client file and health notes) and Piet (client file only), both Sanne's clients."""
    worker = kwartier["worker"]
    joke, piet = intake(worker), intake(worker)
    assert store(worker, joke, "client_file", CLIENT_FILE, "support").status_code == 201
    assert store(worker, joke, "care_notes", {"health": "Hartfalen"}, "support").status_code == 201
    assert store(worker, piet, "client_file", {**CLIENT_FILE, "name": "Piet Bos", "email": "piet@example.nl"},
                 "support").status_code == 201
    return joke, piet


def _breach(officer: Any, **body: Any) -> str:
    answer = officer.post("/api/v1/breaches", {"aware_at": datetime.now(UTC).isoformat(), "description": WHAT,
                                               "kind": "lost_file", **body}, format="json")
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


def _assessed(officer: Any, people: list[str], **measures: str) -> str:
    breach = _breach(officer, categories=["identity", "contact", "health"])
    added = officer.post(f"/api/v1/breaches/{breach}/subjects", {"categories": ["identity", "contact", "health"],
                                                                "subjects": people}, format="json")
    assert added.status_code == 200, added.content
    assessed = officer.post(f"/api/v1/breaches/{breach}/assess", {
        "risk": "high", "cause": "Dossiers op papier meegenomen naar huisbezoek",
        "consequences": "Buitenstaanders konden hulpvraag en gezondheid lezen", **measures}, format="json")
    assert assessed.status_code == 200, assessed.content
    return breach


def _text(message: Any) -> str:
    return str(message.get_body(preferencelist=("plain",)).get_content())


@pytest.mark.promise("S4-19", "S4-20", "S4-24")
def test_each_client_is_told_by_e_mail_what_happened_which_of_their_data_leaked_and_the_measures(
        kwartier: dict[str, Any], relay: Inbox) -> None:
    officer = kwartier["privacy_officer"]
    joke, piet = _clients(kwartier)
    breach = _assessed(officer, [joke, piet], **MEASURES)
    # when the privacy officer sends the notices by e-mail
    sent = officer.post(f"/api/v1/breaches/{breach}/notices", {"channel": "email"}, format="json")
    assert sent.status_code == 200 and sent.json()["sent"] == 2
    # then each gets one mail at the address in their file, naming their own data
    to_joke, to_piet = _text(relay.mail_to("joke@example.nl")), _text(relay.mail_to("piet@example.nl"))
    assert WHAT in to_joke and WHAT in to_piet
    assert "Gezondheid en zorgbehoefte" in to_joke and "Gezondheid en zorgbehoefte" not in to_piet
    assert "Naam, geslacht en geboortedatum" in to_piet and "Contactgegevens" in to_piet
    for text in (to_joke, to_piet):
        assert MEASURES["measures_taken"] in text and MEASURES["measures_subject_can_take"] in text
        assert "Autoriteit Persoonsgegevens" in text and "privacy@kwartierzorgenwelzijn.nl" in text
        assert text.index("Wat er is gebeurd") < text.index("What happened")  # Dutch first
    # and never the values themselves, nor each other's
    assert "Hartfalen" not in to_joke and "Piet Bos" not in to_joke and "Joke de Vries" not in to_piet
    notices = {a["subject"]: a["notice"] for a in sent.json()["affected"]}
    assert [d["category"] for d in notices[joke]["your_data"]] == ["contact", "health", "identity"]
    assert [d["category"] for d in notices[piet]["your_data"]] == ["contact", "identity"]


@pytest.mark.promise("S4-20")
@pytest.mark.parametrize("missing", ["measures_taken", "measures_subject_can_take"])
def test_no_notice_goes_out_without_both_kinds_of_measures(kwartier: dict[str, Any], relay: Inbox,
                                                           missing: str) -> None:
    officer = kwartier["privacy_officer"]
    joke, piet = _clients(kwartier)
    breach = _assessed(officer, [joke, piet], **{k: v for k, v in MEASURES.items() if k != missing})
    answer = officer.post(f"/api/v1/breaches/{breach}/notices", {"channel": "email"}, format="json")
    assert answer.status_code == 422 and list(answer.json()["errors"]) == [missing]
    assert relay.envelopes == []
    assert all(a["notified_at"] is None for a in officer.get(f"/api/v1/breaches/{breach}").json()["affected"])


@pytest.mark.promise("S4-21", "S4-19", "S4-24")
def test_every_step_is_documented_and_each_client_can_be_looked_up(kwartier: dict[str, Any], relay: Inbox) -> None:
    officer = kwartier["privacy_officer"]
    joke, piet = _clients(kwartier)
    bystander = intake(kwartier["worker"])
    breach = _assessed(officer, [joke, piet], **MEASURES)
    assert officer.post(f"/api/v1/breaches/{breach}/notes", {"text": "NS gebeld om 10:05, map ligt bij gevonden "
                                                                     "voorwerpen"}, format="json").status_code == 200
    ap = officer.post(f"/api/v1/breaches/{breach}/authority-notifications", {"reference": "AP-2026-4711"},
                      format="json")
    assert ap.status_code == 200 and ap.json()["notification"]["kind"] == "initial"
    officer.post(f"/api/v1/breaches/{breach}/notices", {"channel": "email"}, format="json")
    assert officer.post(f"/api/v1/breaches/{breach}/close", {"reasoning": "Afgehandeld"},
                        format="json").status_code == 200
    # the trail holds every step in order, by whom
    trail = officer.get(f"/api/v1/breaches/{breach}/log").json()
    assert [e["event"] for e in trail] == ["create", "subjects_added", "assess", "note", "authority_initial",
                                           "subject_notified", "subject_notified", "close_reasoning", "close"]
    assert {e["actor"] for e in trail} == {"pia"}
    # and cannot be rewritten through the API
    for method in ("put", "patch", "delete"):
        assert getattr(officer, method)(f"/api/v1/breaches/{breach}/log").status_code == 405
    # per client: this breach, their categories, their notice; nothing for someone not involved
    [mine] = officer.get(f"/api/v1/subjects/{joke}/breaches").json()
    assert (mine["breach"], mine["categories"]) == (breach, ["contact", "health", "identity"])
    assert mine["notice"]["channel"] == "email" and mine["notice"]["measures_taken"] == MEASURES["measures_taken"]
    assert officer.get(f"/api/v1/subjects/{bystander}/breaches").json() == []
    # the AP form holds the organisation, the people and the data
    form = officer.get(f"/api/v1/breaches/{breach}/authority-export").json()
    assert form["organisation"]["name"] == "Stichting Kwartier zorg en welzijn"
    assert form["people"]["count"] == 2 and form["breach"]["kind"] == "lost_file"
    assert [n["kind"] for n in form["notifications"]] == ["initial"]


RECEIVED = datetime(2026, 5, 4, 22, 15, tzinfo=UTC)


@pytest.mark.promise("S4-22")
@time_machine.travel(RECEIVED, tick=False)
def test_anyone_who_suspects_a_breach_reports_it_and_the_clock_starts(kwartier: dict[str, Any],
                                                                      anonymous: Any) -> None:
    answer = anonymous.post("/api/v1/breaches/report", {
        "description": "Ik kreeg een brief van Kwartier over de hulpvraag van mijn buurman.",
        "name": "M. de Wit", "contact": "m.dewit@example.nl", "kind": "misaddressed_letter"}, format="json")
    assert answer.status_code == 201
    officer = kwartier["privacy_officer"]
    [row] = officer.get("/api/v1/breaches").json()
    assert (row["source"], row["kind"], row["status"]) == ("public", "misaddressed_letter", "reported")
    detail = officer.get(f"/api/v1/breaches/{row['id']}").json()
    assert (detail["reporter_name"], detail["reporter_contact"]) == ("M. de Wit", "m.dewit@example.nl")
    assert datetime.fromisoformat(detail["received_at"]) == RECEIVED
    assert datetime.fromisoformat(detail["authority_due_at"]) == datetime(2026, 5, 7, 22, 15, tzinfo=UTC)
    assert [e["event"] for e in officer.get(f"/api/v1/breaches/{row['id']}/log").json()] == ["reported"]


@pytest.mark.promise("S4-22")
@time_machine.travel(datetime(2026, 5, 5, 9, 0, tzinfo=UTC), tick=False)
def test_a_report_to_the_privacy_address_is_registered_with_the_time_it_came_in(kwartier: dict[str, Any]) -> None:
    officer = kwartier["privacy_officer"]
    answer = officer.post("/api/v1/breaches", {
        "description": "Melding via privacy@kwartierzorgenwelzijn.nl: e-mail met verslag naar verkeerde ouder",
        "kind": "misaddressed_email", "received_at": "2026-05-04T23:50:00+00:00",
        "aware_at": "2026-05-04T23:50:00+00:00"}, format="json")
    assert answer.status_code == 201
    detail = officer.get(f"/api/v1/breaches/{answer.json()['id']}").json()
    assert datetime.fromisoformat(detail["authority_due_at"]) == datetime(2026, 5, 7, 23, 50, tzinfo=UTC)


@pytest.mark.promise("S4-23")
@pytest.mark.parametrize("kind", ["misaddressed_email", "misaddressed_letter", "website_overexposure", "lost_file",
                                  "other"])
def test_each_kind_of_breach_the_statement_names_can_be_recorded(kwartier: dict[str, Any], kind: str) -> None:
    officer = kwartier["privacy_officer"]
    breach = _breach(officer, kind=kind)
    assert officer.get(f"/api/v1/breaches/{breach}").json()["kind"] == kind


@pytest.mark.promise("S4-23")
def test_an_unknown_kind_of_breach_is_invalid(kwartier: dict[str, Any]) -> None:
    answer = kwartier["privacy_officer"].post("/api/v1/breaches", {
        "aware_at": datetime.now(UTC).isoformat(), "description": WHAT, "kind": "ufo"}, format="json")
    assert answer.status_code == 422 and "kind" in answer.json()["errors"]


@pytest.mark.promise("S4-24")
def test_the_privacy_page_names_the_avg_and_the_ap(kwartier: dict[str, Any], anonymous: Any) -> None:
    page = anonymous.get("/privacy/").content.decode()
    assert "Algemene verordening gegevensbescherming (AVG)" in page
    assert "De Autoriteit Persoonsgegevens (AP) let erop dat iedereen zich aan die wet houdt." in page
    assert "binnen 72 uur" in page and "https://www.autoriteitpersoonsgegevens.nl" in page


def test_breaches_are_closed_to_social_workers(kwartier: dict[str, Any], anonymous: Any) -> None:
    assert anonymous.get("/api/v1/breaches").status_code == 401
    answer = kwartier["worker"].get("/api/v1/breaches")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
