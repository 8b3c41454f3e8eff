"""Every query parameter the OpenAPI schema (docs/openapi.yaml) offers, and every one docs/api.md names, works
as written: one row per (endpoint, parameter), each showing the parameter change the answer the way its
description says. Rights requests (`requests...`) are proven with the rights capability."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
import yaml
from django.test import Client
from django.utils import timezone

from tests.conftest import Persona
from tests.refusals.conftest import intake, org, staff, store
from tests.refusals.test_disclosures_the_policy_forbids_are_refused_and_logged import APPLICATION

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
API = "/api/v1/"
OUT_OF_SCOPE = ("requests",)  # the rights capability proves its own filters


def _ikz() -> dict[str, Persona]:
    org("ikzorginassen")
    return {"officer": staff("pia", ["privacy_officer"]), "assessor": staff("anna", ["assessor"]),
            "editor": staff("nina", ["newsletter_editor"])}


def _application(people: dict[str, Persona], **data: Any) -> tuple[str, str]:
    return intake(people["assessor"], "application", {**APPLICATION, **data}, "eligibility")


# -- audit/entries ---------------------------------------------------------------------------------------------

def audit_action() -> None:
    people = _ikz()
    _application(people)
    rows = people["officer"].get(f"{API}audit/entries", {"action": "record.create"}).json()["entries"]
    assert [r["action"] for r in rows] == ["record.create"]


def audit_after() -> None:
    people = _ikz()
    _application(people)
    first = people["officer"].get(f"{API}audit/entries").json()["entries"][0]["id"]
    rows = people["officer"].get(f"{API}audit/entries", {"after": first}).json()["entries"]
    assert rows and all(r["id"] > first for r in rows)


def audit_limit() -> None:
    people = _ikz()
    _application(people)
    page = people["officer"].get(f"{API}audit/entries", {"limit": 1}).json()
    assert len(page["entries"]) == 1 and page["next_after"] == page["entries"][0]["id"]


def audit_subject() -> None:
    from waarborg.engine.keyring.crypto import pseudonym

    people = _ikz()
    mine, _ = _application(people)
    _application(people, name="Piet Smit")
    rows = people["officer"].get(f"{API}audit/entries", {"subject": mine}).json()["entries"]
    assert rows and {r["subject"] for r in rows} == {pseudonym(mine)}


# -- breaches -----------------------------------------------------------------------------------------------

def _two_breaches(officer: Persona) -> tuple[str, str]:
    late = officer.post(f"{API}breaches", {"aware_at": (timezone.now() - timedelta(days=4)).isoformat(),
                                            "description": "Laptop gestolen"}, format="json").json()["id"]
    fresh = officer.post(f"{API}breaches", {"aware_at": timezone.now().isoformat(),
                                             "description": "Mail aan verkeerde ontvanger"}, format="json").json()["id"]
    return late, fresh


def breaches_overdue() -> None:
    people = _ikz()
    late, fresh = _two_breaches(people["officer"])
    assert [r["id"] for r in people["officer"].get(f"{API}breaches", {"overdue": "1"}).json()] == [late]
    assert [r["id"] for r in people["officer"].get(f"{API}breaches", {"overdue": "0"}).json()] == [fresh]
    assert len(people["officer"].get(f"{API}breaches").json()) == 2
    assert people["officer"].get(f"{API}breaches", {"overdue": "soon"}).status_code == 422


def breaches_format() -> None:
    people = _ikz()
    late, _ = _two_breaches(people["officer"])
    answer = people["officer"].get(f"{API}breaches", {"format": "csv", "overdue": "1"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    header, *rows = answer.content.decode().splitlines()
    assert header.startswith("id,kind,status") and len(rows) == 1 and rows[0].startswith(late)
    assert people["officer"].get(f"{API}breaches", {"format": "json"}).json()[0]["id"] == late


# -- consents -----------------------------------------------------------------------------------------------

def _consents(people: dict[str, Persona]) -> dict[str, Any]:
    """Two subscribers' newsletter consents (one withdrawn) and a tip consent of the first."""
    officer, editor = people["officer"], people["editor"]
    first = editor.post(f"{API}subjects", {}, format="json", HTTP_X_PURPOSE="newsletter").json()["id"]
    second = editor.post(f"{API}subjects", {}, format="json", HTTP_X_PURPOSE="newsletter").json()["id"]
    news = officer.post(f"{API}consents", {"subject": first, "purpose": "newsletter"}, format="json").json()["id"]
    gone = officer.post(f"{API}consents", {"subject": second, "purpose": "newsletter"}, format="json").json()["id"]
    officer.post(f"{API}consents/{gone}/withdraw", {}, format="json")
    tip = officer.post(f"{API}consents", {"subject": first, "purpose": "tips"}, format="json").json()["id"]
    return {"first": first, "second": second, "news": news, "gone": gone, "tip": tip}


def consents_subject() -> None:
    people = _ikz()
    made = _consents(people)
    rows = people["officer"].get(f"{API}consents", {"subject": made["first"]}).json()
    assert {r["id"] for r in rows} == {made["news"], made["tip"]}


def consents_purpose() -> None:
    people = _ikz()
    made = _consents(people)
    rows = people["officer"].get(f"{API}consents", {"purpose": "newsletter"}).json()
    assert {r["id"] for r in rows} == {made["news"], made["gone"]}


def consents_status() -> None:
    people = _ikz()
    made = _consents(people)
    rows = people["officer"].get(f"{API}consents", {"status": "withdrawn"}).json()
    assert [r["id"] for r in rows] == [made["gone"]]


def consents_format() -> None:
    people = _ikz()
    made = _consents(people)
    answer = people["officer"].get(f"{API}consents", {"format": "csv", "purpose": "tips"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert len(answer.content.decode().splitlines()) == 2 and made["tip"] in answer.content.decode()


# -- decisions/flags, mailings, notices ---------------------------------------------------------------------------

def flags_all() -> None:
    people = _ikz()
    _, record = _application(people)
    flag = people["assessor"].post(f"{API}decisions/flags", {"record": record, "kind": "incomplete",
                                                             "reason": "Adres zorgvrager ontbreekt"}, format="json")
    assert flag.status_code == 201, flag.content
    people["assessor"].post(f"{API}decisions/flags/{flag.json()['id']}/clear", {"reasoning": "Klopt toch"},
                            format="json")
    assert people["assessor"].get(f"{API}decisions/flags").json() == []
    assert [f["id"] for f in people["assessor"].get(f"{API}decisions/flags", {"all": "1"}).json()] == [
        flag.json()["id"]]


def mailings_purpose(mailoutbox: Any = None) -> None:
    people = _ikz()
    sent = people["editor"].post(f"{API}mailings", {"purpose": "newsletter", "message_type": "newsletter",
                                                    "title": "Nieuws", "body": "Hallo"}, format="json")
    assert sent.status_code == 201, sent.content
    assert [m["id"] for m in people["officer"].get(f"{API}mailings", {"purpose": "newsletter"}).json()] == [
        sent.json()["id"]]
    assert people["officer"].get(f"{API}mailings", {"purpose": "helpdesk"}).json() == []
    assert people["officer"].get(f"{API}mailings").json()["reason"] == "unknown_purpose"


def notices_status() -> None:
    people = _ikz()
    ids = []
    for name in ("Jan Jansen", "Piet Smit"):  # applications made by a representative: the person is told later
        subject = people["assessor"].post(f"{API}subjects", {}, format="json", HTTP_X_PURPOSE="eligibility")
        answer = store(people["assessor"], subject.json()["id"], "application", {**APPLICATION, "name": name},
                       "eligibility", source={"kind": "representative", "detail": "dochter"})
        assert answer.status_code == 201, answer.content
        ids.append(subject.json()["id"])
    officer = people["officer"]
    unsent = officer.get(f"{API}notices").json()
    assert len(unsent) == 2 and officer.get(f"{API}notices", {"status": "unsent"}).json() == unsent
    told = officer.post(f"{API}notices/{unsent[0]['id']}/sent", {"channel": "post"}, format="json")
    assert told.status_code == 200, told.content
    assert len(officer.get(f"{API}notices", {"status": "unsent"}).json()) == 1
    assert len(officer.get(f"{API}notices", {"status": "all"}).json()) == 2
    assert officer.get(f"{API}notices", {"status": "overdue"}).json() == []  # a month to tell them
    with time_machine.travel(timezone.now() + timedelta(days=40), tick=False):
        assert len(officer.get(f"{API}notices", {"status": "overdue"}).json()) == 1


# -- records, retention -------------------------------------------------------------------------------------------

def record_purpose() -> None:
    people = _ikz()
    _, record = _application(people)
    assert people["assessor"].get(f"{API}records/{record}", {"purpose": "eligibility"}).status_code == 200
    other = people["assessor"].get(f"{API}records/{record}", {"purpose": "payout"})
    assert other.status_code == 403 and other.json()["reason"] == "purpose_mismatch"


def subject_records_purpose() -> None:
    people = _ikz()
    subject, record = _application(people)
    listed = people["assessor"].get(f"{API}subjects/{subject}/records", {"purpose": "eligibility"}).json()
    assert [r["id"] for r in listed] == [record]
    assert people["assessor"].get(f"{API}subjects/{subject}/records", {"purpose": "payout"}).json() == []


def retention_lang() -> None:
    people = _ikz()
    _, record = _application(people)
    dutch = people["assessor"].get(f"{API}records/{record}/retention").json()["explanation"]
    english = people["assessor"].get(f"{API}records/{record}/retention", {"lang": "en"}).json()["explanation"]
    assert dutch != english and "months" in english and "maanden" in dutch


def retention_before() -> None:
    people = _ikz()
    helpdesk = staff("hanna", ["helpdesk"])
    intake(helpdesk, "helpdesk_ticket", {"question": "Hoe log ik in?"}, "helpdesk")
    soon = (timezone.localdate() + timedelta(days=1)).isoformat()
    later = (timezone.localdate() + timedelta(days=400)).isoformat()
    assert people["officer"].get(f"{API}retention/preview", {"before": soon}).json()["total"] == 0
    answer = people["officer"].get(f"{API}retention/preview", {"before": later}).json()
    assert answer["rules"]["helpdesk_1y"] == 1 and answer["total"] == 1


# -- sociale kaart (public) ----------------------------------------------------------------------------------------

def _kaart() -> Client:
    org("socialekaart")
    editor = staff("eva", ["editor"])
    for name, theme in (("Zorgboerderij De Linde", "zorg_welzijn"), ("Huurteam Assen", "wonen")):
        answer = editor.post(f"{API}listings", {"name": name, "address": "Markt 1, Assen", "theme": theme,
                                               "source": "municipality"}, format="json", HTTP_X_PURPOSE="listing")
        assert answer.status_code == 201, answer.content
    return Client()


def listings_theme() -> None:
    visitor = _kaart()
    rows = visitor.get(f"{API}sociale-kaart/listings", {"theme": "wonen"}).json()
    assert [r["name"] for r in rows] == ["Huurteam Assen"]
    assert visitor.get(f"{API}sociale-kaart/listings", {"theme": "sport"}).status_code == 422


def listings_q() -> None:
    visitor = _kaart()
    assert [r["name"] for r in visitor.get(f"{API}sociale-kaart/listings", {"q": "linde"}).json()] == [
        "Zorgboerderij De Linde"]


def _theme_words(visitor: Client, path: str, lang: str | None) -> str:
    answer = visitor.get(path, {"lang": lang} if lang else {}).json()
    first = answer[0] if isinstance(answer, list) else answer
    return str(first.get("theme_label") or first.get("label"))


def listings_lang() -> None:
    visitor = _kaart()
    path = f"{API}sociale-kaart/listings"
    assert _theme_words(visitor, path, "en") != _theme_words(visitor, path, None)


def listing_lang() -> None:
    visitor = _kaart()
    one = visitor.get(f"{API}sociale-kaart/listings").json()[0]["id"]
    path = f"{API}sociale-kaart/listings/{one}"
    assert _theme_words(visitor, path, "en") != _theme_words(visitor, path, None)


def themes_lang() -> None:
    visitor = _kaart()
    path = f"{API}sociale-kaart/themes"
    assert _theme_words(visitor, path, "en") != _theme_words(visitor, path, None)


# -- statistics -------------------------------------------------------------------------------------------------

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _visits() -> Persona:
    people = _ikz()
    for path in ("/privacy/", "/privacy/", "/privacy/versions/"):
        assert Client(REMOTE_ADDR="198.51.100.23", HTTP_USER_AGENT=FIREFOX).get(path).status_code == 200
    return people["officer"]


def visits_purpose() -> None:
    officer = _visits()
    assert officer.get(f"{API}statistics/visits", {"purpose": "statistics"}).status_code == 200
    wrong = officer.get(f"{API}statistics/visits", {"purpose": "eligibility"})
    assert wrong.status_code == 403 and wrong.json()["reason"] == "purpose_mismatch"


def visits_by() -> None:
    officer = _visits()
    rows = officer.get(f"{API}statistics/visits", {"purpose": "statistics", "by": "page"}).json()["rows"]
    assert rows == [{"page": "/privacy/", "visits": 2}, {"page": "/privacy/versions/", "visits": 1}]


def visits_from() -> None:
    officer = _visits()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert officer.get(f"{API}statistics/visits", {"purpose": "statistics", "from": tomorrow,
                                                   "to": tomorrow}).json()["rows"] == []
    today = timezone.localdate().isoformat()
    assert officer.get(f"{API}statistics/visits", {"purpose": "statistics", "from": today}).json()["rows"]


def visits_to() -> None:
    officer = _visits()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert officer.get(f"{API}statistics/visits", {"purpose": "statistics", "to": yesterday}).json()["rows"] == []


def _applicants(people: dict[str, Persona], count: int = 5) -> None:
    for i in range(count):
        _application(people, name=f"Persoon {i}", hours_per_week=10, relationship="partner")


def report_purpose() -> None:
    people = _ikz()
    _applicants(people)
    answer = people["officer"].get(f"{API}statistics/policy-report", {"purpose": "policy_research"})
    assert answer.status_code == 200 and answer.json()["groups"][0]["count"] == 5
    wrong = people["officer"].get(f"{API}statistics/policy-report", {"purpose": "statistics"})
    assert wrong.status_code == 403 and wrong.json()["reason"] == "purpose_mismatch"


def report_project() -> None:
    people = _ikz()
    _applicants(people)

    def ids(**params: str) -> set[str]:
        rows = people["officer"].get(f"{API}statistics/policy-report", {"purpose": "policy_research", **params})
        return {r["id"] for r in rows.json()["rows"]}

    assert ids(project="mantelzorg-2026") == ids(project="mantelzorg-2026") != ids(project="respijtzorg")


# -- caseloads (werkzaak) ---------------------------------------------------------------------------------------------

def _caseloads() -> dict[str, Any]:
    """Kim (team werk) took client A in for re-integration and was given A's benefits, which ended; team werk
    has client B."""
    from tests.refusals.test_disclosures_the_policy_forbids_are_refused_and_logged import PLAN

    org("werkzaak")
    kim, lead = staff("kim", ["consultant"], team="werk"), staff("tl", ["team_leader"])
    first, _ = intake(kim, "reintegration_plan", PLAN, "reintegration")
    second = staff("ole", ["consultant"]).post(f"{API}subjects", {}, format="json",
                                               HTTP_X_PURPOSE="benefits").json()["id"]
    given = lead.post(f"{API}subjects/{first}/assignments", {"purpose": "benefits", "staff": "kim"}, format="json")
    team = lead.post(f"{API}subjects/{second}/assignments", {"purpose": "reintegration", "team": "werk"},
                     format="json")
    assert given.status_code == 201 and team.status_code == 201, (given.content, team.content)
    assert lead.delete(f"{API}assignments/{given.json()['id']}").status_code == 204
    return {"kim": kim, "lead": lead, "first": first, "second": second, "ended": given.json()["id"]}


def _pairs(answer: Any) -> set[tuple[str, str, str | None]]:
    assert answer.status_code == 200, answer.content
    return {(row["subject"], row["purpose"], row["staff"] or row["team"]) for row in answer.json()}


def assignments_staff() -> None:
    made = _caseloads()
    mine = {(made["first"], "reintegration", "kim"), (made["second"], "reintegration", "werk")}
    assert _pairs(made["kim"].get(f"{API}assignments", {"staff": "me"})) == mine
    assert _pairs(made["lead"].get(f"{API}assignments", {"staff": "kim"})) == mine


def assignments_team() -> None:
    made = _caseloads()
    assert _pairs(made["lead"].get(f"{API}assignments", {"team": "werk"})) == {
        (made["second"], "reintegration", "werk")}


def assignments_purpose() -> None:
    made = _caseloads()
    assert _pairs(made["lead"].get(f"{API}assignments", {"staff": "kim", "purpose": "benefits", "all": "1"})) == {
        (made["first"], "benefits", "kim")}
    assert _pairs(made["lead"].get(f"{API}assignments", {"staff": "kim", "purpose": "benefits"})) == set()


def assignments_all() -> None:
    made = _caseloads()
    ended = {row["id"] for row in made["kim"].get(f"{API}assignments", {"all": "1"}).json()} - {
        row["id"] for row in made["kim"].get(f"{API}assignments").json()}
    assert ended == {made["ended"]}


def subject_assignments_all() -> None:
    made = _caseloads()
    path = f"{API}subjects/{made['first']}/assignments"
    assert _pairs(made["lead"].get(path)) == {(made["first"], "reintegration", "kim")}
    assert _pairs(made["lead"].get(path, {"all": "1"})) == {(made["first"], "reintegration", "kim"),
                                                            (made["first"], "benefits", "kim")}


def _known_people() -> dict[str, Any]:
    """Two applicants with a BSN and an external id each (ikzorginassen); the look-up finds one at a time."""
    people = _ikz()
    made: dict[str, Any] = {"people": people}
    for name, bsn in (("first", "111222333"), ("second", "123456782")):
        answer = people["assessor"].post(f"{API}subjects", {"bsn": bsn, "external_id": f"ikz-{name}"},
                                         format="json", HTTP_X_PURPOSE="eligibility")
        assert answer.status_code == 201, answer.content
        made[name] = answer.json()["id"]
    return made


def subjects_bsn() -> None:
    made = _known_people()
    found = made["people"]["assessor"].get(f"{API}subjects", {"bsn": "123456782"})
    assert [row["id"] for row in found.json()] == [made["second"]]


def subjects_external_id() -> None:
    made = _known_people()
    found = made["people"]["assessor"].get(f"{API}subjects", {"external_id": "ikz-first"})
    assert [row["id"] for row in found.json()] == [made["first"]]


def subjects_purpose() -> None:
    made = _known_people()
    assessor = made["people"]["assessor"]
    assert len(assessor.get(f"{API}subjects", {"bsn": "111222333", "purpose": "eligibility"}).json()) == 1
    other = assessor.get(f"{API}subjects", {"bsn": "111222333", "purpose": "newsletter"})
    assert other.status_code == 403 and other.json()["reason"] == "role_not_granted"


def tips_purpose() -> None:
    org("ikzorginassen")
    helpdesk = staff("hanna", ["helpdesk"])
    sent = helpdesk.post(f"{API}tips", {"data": {"tip": "Meer bankjes."}}, format="json", HTTP_X_PURPOSE="tips")
    assert sent.status_code == 201, sent.content
    assert [t["id"] for t in helpdesk.get(f"{API}tips", {"purpose": "tips"}).json()] == [sent.json()["id"]]
    other = helpdesk.get(f"{API}tips", {"purpose": "helpdesk"})
    assert other.status_code == 403 and other.json()["reason"] == "purpose_mismatch"


# -- holds ------------------------------------------------------------------------------------------------------

def _two_holds(officer: Persona) -> tuple[int, int]:
    """A hold past its review date and one due later; both on a purpose of the shipped policy."""
    due = officer.post(f"{API}holds", {"reason": "Klacht loopt", "purpose": "payout",
                                        "review_at": (timezone.now() + timedelta(days=1)).isoformat()},
                       format="json").json()["id"]
    later = officer.post(f"{API}holds", {"reason": "Accountantscontrole", "purpose": "eligibility",
                                          "review_at": (timezone.now() + timedelta(days=90)).isoformat()},
                         format="json").json()["id"]
    return due, later


def holds_review_due() -> None:
    people = _ikz()
    due, later = _two_holds(people["officer"])
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        rows = people["officer"].get(f"{API}holds", {"review_due": "1"}).json()
        assert [h["id"] for h in rows] == [due]
        assert {h["id"] for h in people["officer"].get(f"{API}holds").json()} == {due, later}


def holds_all() -> None:
    people = _ikz()
    due, later = _two_holds(people["officer"])
    assert people["officer"].delete(f"{API}holds/{due}").status_code == 204
    assert [h["id"] for h in people["officer"].get(f"{API}holds").json()] == [later]
    assert {h["id"] for h in people["officer"].get(f"{API}holds", {"all": "1"}).json()} == {due, later}


FILTERS: dict[tuple[str, str], Callable[[], None]] = {
    ("GET /api/v1/assignments", "all"): assignments_all,
    ("GET /api/v1/assignments", "purpose"): assignments_purpose,
    ("GET /api/v1/assignments", "staff"): assignments_staff,
    ("GET /api/v1/assignments", "team"): assignments_team,
    ("GET /api/v1/audit/entries", "action"): audit_action,
    ("GET /api/v1/audit/entries", "after"): audit_after,
    ("GET /api/v1/audit/entries", "limit"): audit_limit,
    ("GET /api/v1/audit/entries", "subject"): audit_subject,
    ("GET /api/v1/breaches", "format"): breaches_format,
    ("GET /api/v1/breaches", "overdue"): breaches_overdue,
    ("GET /api/v1/consents", "format"): consents_format,
    ("GET /api/v1/consents", "purpose"): consents_purpose,
    ("GET /api/v1/consents", "status"): consents_status,
    ("GET /api/v1/consents", "subject"): consents_subject,
    ("GET /api/v1/decisions/flags", "all"): flags_all,
    ("GET /api/v1/holds", "all"): holds_all,
    ("GET /api/v1/holds", "review_due"): holds_review_due,
    ("GET /api/v1/mailings", "purpose"): mailings_purpose,
    ("GET /api/v1/notices", "status"): notices_status,
    ("GET /api/v1/records/{id}", "purpose"): record_purpose,
    ("GET /api/v1/records/{id}/retention", "lang"): retention_lang,
    ("GET /api/v1/retention/preview", "before"): retention_before,
    ("GET /api/v1/sociale-kaart/listings", "lang"): listings_lang,
    ("GET /api/v1/sociale-kaart/listings", "q"): listings_q,
    ("GET /api/v1/sociale-kaart/listings", "theme"): listings_theme,
    ("GET /api/v1/sociale-kaart/listings/{id}", "lang"): listing_lang,
    ("GET /api/v1/sociale-kaart/themes", "lang"): themes_lang,
    ("GET /api/v1/statistics/policy-report", "project"): report_project,
    ("GET /api/v1/statistics/policy-report", "purpose"): report_purpose,
    ("GET /api/v1/statistics/visits", "by"): visits_by,
    ("GET /api/v1/statistics/visits", "from"): visits_from,
    ("GET /api/v1/statistics/visits", "purpose"): visits_purpose,
    ("GET /api/v1/statistics/visits", "to"): visits_to,
    ("GET /api/v1/subjects", "bsn"): subjects_bsn,
    ("GET /api/v1/subjects", "external_id"): subjects_external_id,
    ("GET /api/v1/subjects", "purpose"): subjects_purpose,
    ("GET /api/v1/subjects/{id}/assignments", "all"): subject_assignments_all,
    ("GET /api/v1/subjects/{id}/records", "purpose"): subject_records_purpose,
    ("GET /api/v1/tips", "purpose"): tips_purpose,
}


def _offered() -> set[tuple[str, str]]:
    return {(f"{method.upper()} {path}", parameter["name"])
            for path, operations in SCHEMA["paths"].items() if not path.startswith(API + OUT_OF_SCOPE[0])
            for method, operation in operations.items()
            for parameter in operation.get("parameters", []) if parameter.get("in") == "query"}


def test_the_table_holds_every_query_parameter_the_schema_offers() -> None:
    assert _offered() == set(FILTERS)


def test_every_filter_docs_api_md_names_is_in_the_schema() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    named = set()
    for path, query in re.findall(r"`(?:GET )?([a-z][a-z/{}-]*)\?([^`\s]*)`", text):
        for parameter in re.findall(r"(?:^|&)([a-z_]+)=", query):
            named.add((f"GET {API}{path}", parameter))
    named = {n for n in named if not n[0].startswith(f"GET {API}{OUT_OF_SCOPE[0]}")}
    assert named and named <= set(FILTERS), named - set(FILTERS)


@pytest.mark.parametrize(("endpoint", "parameter"), sorted(FILTERS))
def test_a_documented_filter_works_as_written(endpoint: str, parameter: str, db: Any, mailoutbox: Any) -> None:
    FILTERS[(endpoint, parameter)]()
