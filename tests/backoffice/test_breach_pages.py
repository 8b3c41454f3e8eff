"""The breach register in the back office: the 72-hour clock at a glance, one breach's page with its
steps (through the breach actions), only for the breach roles, and nothing personal on the list."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from tests.backoffice.conftest import session
from tests.breaches.conftest import applicant, register
from tests.rights.conftest import audit
from waarborg.engine.breaches.models import AffectedSubject, Breach

AWARE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam; the AP deadline is 5 March 09:00 there
MEASURES = {"measures_taken": "De ontvanger heeft de e-mail verwijderd.",
            "measures_subject_can_take": "Let op phishing-mails die uw naam gebruiken."}


def rows(page: str) -> list[tuple[str, bool]]:
    """(breach id, marked overdue) per register row, in page order."""
    return [(m[0], bool(m[1])) for m in re.findall(r'<tr data-breach="([0-9a-f-]+)"( class="overdue")?', page)]


def row_of(page: str, breach_id: str) -> str:
    return page.split(f'data-breach="{breach_id}"', 1)[1].split("</tr>", 1)[0]


def test_a_visitor_is_sent_to_the_login(officer: Any) -> None:
    from django.test import Client

    breach_id = register(officer).json()["id"]
    for path in ("/backoffice/datalekken/", f"/backoffice/datalekken/{breach_id}",
                 f"/backoffice/datalekken/{breach_id}/meldformulier"):
        answer = Client().get(path)
        assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen"), path
    answer = Client().post(f"/backoffice/datalekken/{breach_id}/afsluiten")
    assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen")


def test_staff_without_a_breach_role_are_refused_and_logged(officer: Any, personas: Any) -> None:
    breach_id = register(officer).json()["id"]
    helpdesk = session(personas["caseworker"])
    assert helpdesk.get("/backoffice/datalekken/").status_code == 403
    page = helpdesk.get(f"/backoffice/datalekken/{breach_id}")
    assert page.status_code == 403 and "privacyfunctionaris" in page.content.decode()
    assert helpdesk.post(f"/backoffice/datalekken/{breach_id}/beoordelen", {"risk": "none"}).status_code == 403
    assert [e.reason for e in audit("backoffice.breaches.refused")] == ["role_not_granted"]
    assert [e.actor for e in audit("backoffice.breach.refused")] == ["carl"]
    assert len(audit("backoffice.breach_assess.refused")) == 1
    assert Breach.objects.get(pk=breach_id).risk == ""  # nothing changed
    assert not audit("breach.read")  # a refused look is not a read


@pytest.mark.promise("S3-20")
def test_the_register_counts_down_72_hours_warns_and_marks_what_is_overdue(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        early = register(officer, aware_at=AWARE.isoformat()).json()["id"]
        later = register(officer, aware_at="2026-03-02T08:30:00+00:00", kind="lost_file").json()["id"]
        page = session(officer).get("/backoffice/datalekken/").content.decode()
        assert rows(page) == [(early, False), (later, False)]
        assert "nog 71 u 00 min" in row_of(page, early)
        assert "uiterlijk 05-03-2026 09:00" in row_of(page, early)  # aware + 72 h, Amsterdam time
    # warn_before defaults to 24 hours: inside that window the row is marked as a warning, not yet overdue
    with time_machine.travel(datetime(2026, 3, 4, 8, 30, tzinfo=UTC), tick=False):
        page = session(officer).get("/backoffice/datalekken/").content.decode()
        assert rows(page) == [(early, False), (later, False)]
        assert f'<tr data-breach="{early}" class="warning">' in page
        assert "nog 23 u 30 min" in row_of(page, early)
    # one minute past the first deadline: that breach is overdue and marked, the other still runs
    with time_machine.travel(datetime(2026, 3, 5, 8, 1, tzinfo=UTC), tick=False):
        page = session(officer).get("/backoffice/datalekken/").content.decode()
        assert rows(page) == [(early, True), (later, False)]
        assert "te laat" in row_of(page, early) and "nog 0 u 29 min" in row_of(page, later)
        assert "1 te laat" in page
        assert "nog niet" in row_of(page, early)  # the AP column: not notified


@pytest.mark.promise("S3-20")
def test_a_notification_recorded_on_the_page_stops_the_clock_and_a_late_one_stays_late(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        in_time = register(officer, aware_at=AWARE.isoformat()).json()["id"]
        late = register(officer, aware_at="2026-03-02T08:10:00+00:00", kind="lost_file").json()["id"]
    with time_machine.travel(datetime(2026, 3, 4, 20, 0, tzinfo=UTC), tick=False):
        answer = session(officer).post(f"/backoffice/datalekken/{in_time}/ap-melding",
                                       {"kind": "initial", "reference": "AP-2026-123", "at": ""}, follow=True)
        assert "De melding aan de AP is vastgelegd." in answer.content.decode()
    with time_machine.travel(datetime(2026, 3, 6, 9, 0, tzinfo=UTC), tick=False):
        answer = session(officer).post(f"/backoffice/datalekken/{late}/ap-melding", {"kind": "initial"}, follow=True)
        assert "na de termijn" in answer.content.decode()
    with time_machine.travel(datetime(2026, 3, 9, 9, 0, tzinfo=UTC), tick=False):
        page = session(officer).get("/backoffice/datalekken/").content.decode()
    assert rows(page) == [(in_time, False), (late, False)]  # both clocks stopped: nothing overdue any more
    assert "04-03-2026 21:00" in row_of(page, in_time) and "op tijd" in row_of(page, in_time)
    assert "AP-2026-123" in row_of(page, in_time)
    assert "06-03-2026 10:00" in row_of(page, late) and "te laat" in row_of(page, late)
    breach = Breach.objects.get(pk=in_time)
    assert breach.authority_notified_at == datetime(2026, 3, 4, 20, 0, tzinfo=UTC)
    assert [(e.event, e.actor) for e in breach.trail.order_by("at", "id")][-1] == ("authority_initial", "pia")


@pytest.mark.promise("S0-27")
def test_a_breach_is_assessed_notified_and_closed_from_its_page_with_timestamps(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 2, 2, 9, 0, tzinfo=UTC), tick=False):
        client = session(officer)
        created = client.post("/backoffice/datalekken/nieuw", {
            "aware_at": "2026-02-02T09:30", "kind": "misaddressed_letter", "categories": ["contact"],
            "description": "Brief met aanvraag naar het verkeerde adres gestuurd"}, follow=True)
        breach = Breach.objects.get()
        assert created.redirect_chain[-1][0] == f"/backoffice/datalekken/{breach.pk}"
        assert breach.aware_at == datetime(2026, 2, 2, 8, 30, tzinfo=UTC)  # the form speaks Amsterdam time
    with time_machine.travel(datetime(2026, 2, 2, 14, 0, tzinfo=UTC), tick=False):
        client = session(officer)
        assessed = client.post(f"/backoffice/datalekken/{breach.pk}/beoordelen", {
            "risk": "low", "kind": "misaddressed_letter", "nature": ["read"], "categories": ["contact"],
            "cause": "Verkeerde adresregel gekozen", "encrypted": "no"}, follow=True)
        assert "De beoordeling is vastgelegd." in assessed.content.decode()
    with time_machine.travel(datetime(2026, 2, 3, 10, 0, tzinfo=UTC), tick=False):
        session(officer).post(f"/backoffice/datalekken/{breach.pk}/ap-melding", {"kind": "initial"})
    with time_machine.travel(datetime(2026, 2, 10, 16, 0, tzinfo=UTC), tick=False):
        closed = session(officer).post(f"/backoffice/datalekken/{breach.pk}/afsluiten",
                                       {"reasoning": "Ontvanger heeft de brief teruggestuurd."}, follow=True)
        assert "Het datalek is afgesloten." in closed.content.decode()
    breach.refresh_from_db()
    assert (breach.status, breach.risk, breach.nature, breach.cause, breach.encrypted) == (
        "closed", "low", ["read"], "Verkeerde adresregel gekozen", False)
    assert [breach.aware_at, breach.assessed_at, breach.authority_notified_at, breach.closed_at] == [
        datetime(2026, 2, 2, 8, 30, tzinfo=UTC), datetime(2026, 2, 2, 14, 0, tzinfo=UTC),
        datetime(2026, 2, 3, 10, 0, tzinfo=UTC), datetime(2026, 2, 10, 16, 0, tzinfo=UTC)]
    # the trail names who did what, and only the fields the officer changed
    trail = [(e.event, e.actor) for e in breach.trail.order_by("at", "id")]
    assert trail == [("create", "pia"), ("assess", "pia"), ("authority_initial", "pia"), ("close", "pia"),
                     ("close_reasoning", "pia")]
    assert breach.trail.get(event="assess").detail["fields"] == ["cause", "encrypted"]
    # closed: out of the open register, back with the filter; the register exports from the same page
    with time_machine.travel(datetime(2026, 2, 10, 16, 5, tzinfo=UTC), tick=False):
        client = session(officer)
        assert rows(client.get("/backoffice/datalekken/").content.decode()) == []
        everything = client.get("/backoffice/datalekken/?alle=1").content.decode()
        assert rows(everything) == [(str(breach.pk), False)] and "Afgesloten" in everything
        assert 'href="/api/v1/breaches?format=csv"' in everything
        exported = client.get("/api/v1/breaches?format=csv")
        assert exported.status_code == 200 and f"{breach.pk},misaddressed_letter,closed" in exported.content.decode()


def test_validation_problems_come_back_as_messages_and_change_nothing(officer: Any, personas: Any) -> None:
    person = applicant(personas["assessor"].user)
    breach_id = register(officer, categories=["contact"], subjects=[str(person.pk)]).json()["id"]
    client = session(officer)
    assessed = client.post(f"/backoffice/datalekken/{breach_id}/beoordelen",
                           {"risk": "high", "categories": ["contact"], "record_count": "-3"}, follow=True)
    assert "record_count" in assessed.content.decode() and 'class="error"' in assessed.content.decode()
    assert Breach.objects.get(pk=breach_id).risk == ""
    client.post(f"/backoffice/datalekken/{breach_id}/beoordelen", {"risk": "high", "categories": ["contact"]})
    # no notice goes out before both kinds of measures are filled in
    notices = client.post(f"/backoffice/datalekken/{breach_id}/berichten", {"channel": "letter"}, follow=True)
    page = notices.content.decode()
    assert "measures_taken" in page and "measures_subject_can_take" in page and "zonder maatregelen" in page
    assert not AffectedSubject.objects.filter(notified_at__isnull=False).exists()
    # a high-risk breach does not close before the AP and every person are told
    closed = client.post(f"/backoffice/datalekken/{breach_id}/afsluiten", {}, follow=True)
    assert "Meld het datalek eerst aan de Autoriteit Persoonsgegevens" in closed.content.decode()
    assert Breach.objects.get(pk=breach_id).status == "assessed"
    # with the measures in, the notices go out
    client.post(f"/backoffice/datalekken/{breach_id}/beoordelen", {"risk": "high", "categories": ["contact"],
                                                                  **MEASURES})
    sent = client.post(f"/backoffice/datalekken/{breach_id}/berichten", {"channel": "letter"}, follow=True)
    assert "1 betrokkene(n) geïnformeerd" in sent.content.decode()
    assert AffectedSubject.objects.get().notice["channel"] == "letter"


def test_the_register_shows_nothing_personal(officer: Any, personas: Any) -> None:
    from rest_framework.test import APIClient

    people = [applicant(personas["assessor"].user), applicant(personas["assessor"].user, name="Piet Pieters")]
    staff = register(officer, description="Aanvraag van Jan Jansen (Kerkstraat 1) naar verkeerde ontvanger",
                     categories=["contact", "address"], subjects=[str(p.pk) for p in people]).json()["id"]
    public = APIClient().post("/api/v1/breaches/report", {
        "description": "Ik zag de aanvraag van mijn buurvrouw op de website", "name": "Karin Klaassen",
        "contact": "karin@example.nl"}, format="json").json()["id"]
    page = session(officer).get("/backoffice/datalekken/").content.decode()
    assert {r[0] for r in rows(page)} == {staff, public}
    for personal in ("Jan Jansen", "Piet Pieters", "Kerkstraat", "Karin", "karin@example.nl", "buurvrouw",
                     *(str(p.pk) for p in people)):
        assert personal not in page, personal
    assert "0 van 2" in row_of(page, staff)  # how many, never who
    assert not audit("breach.read")  # the list reads nothing personal, so it is not a read of a breach


def test_a_breach_page_shows_counts_not_people_and_its_reading_is_logged(officer: Any, personas: Any) -> None:
    people = [applicant(personas["assessor"].user), applicant(personas["assessor"].user, name="Piet Pieters")]
    breach_id = register(officer, categories=["contact", "address"], subjects=[str(p.pk) for p in people]).json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/notes", {"text": "AP telefonisch gesproken"}, format="json")
    page = session(officer).get(f"/backoffice/datalekken/{breach_id}").content.decode()
    assert "Mail met aanvragen naar verkeerde ontvanger" in page  # the description, for the officer
    assert re.search(r'class="people-count">2<', page) and re.search(r'class="record-count">2<', page)
    for personal in ("Jan Jansen", "Piet Pieters", "Kerkstraat", *(str(p.pk) for p in people)):
        assert personal not in page, personal
    assert 'data-event="create"' in page and 'data-event="note"' in page and "AP telefonisch gesproken" in page
    assert "pia" in page  # who did it: the officer's own page
    reads = audit("breach.read")
    assert [(e.actor, e.detail) for e in reads] == [("pia", {"breach": breach_id, "via": "backoffice"})]


def test_the_meldformulier_reads_section_by_section(officer: Any) -> None:
    breach_id = register(officer, categories=["contact"]).json()["id"]
    client = session(officer)
    page = client.get(f"/backoffice/datalekken/{breach_id}/meldformulier").content.decode()
    for section in ("1. Organisatie", "2. Tijdlijn", "4. Persoonsgegevens", "8. Vervolg"):
        assert section in page, section
    assert "<code>authority_due_at</code>" in page and "2026-03-05T09:00:00+01:00" in page
    assert [e.detail["format"] for e in audit("breach.export")] == ["html"]
    json_link = f"/api/v1/breaches/{breach_id}/authority-export"
    # the page speaks Dutch clock time; the API's export its one time format (UTC, Z)
    assert json_link in page and client.get(json_link).json()["timeline"]["aware_at"] == "2026-03-02T08:00:00Z"


def test_a_dpo_reads_the_register_but_cannot_change_it(officer: Any) -> None:
    import yaml

    from tests.conftest import EXAMPLES, Persona, make_staff
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    breach_id = register(officer).json()["id"]
    data = yaml.safe_load((EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8"))
    data["roles"]["dpo"] = {"label": "Functionaris gegevensbescherming", "dpo": True}
    activate(load_text(yaml.safe_dump(data, allow_unicode=True), "dpo.yaml"))
    dpo = session(Persona(*make_staff("fenna", ["dpo"])))
    assert dpo.get("/backoffice/datalekken/").status_code == 200
    page = dpo.get(f"/backoffice/datalekken/{breach_id}").content.decode()
    assert "Alleen lezen" in page and "/beoordelen" not in page and "/afsluiten" not in page
    assert dpo.post(f"/backoffice/datalekken/{breach_id}/afsluiten").status_code == 403
    assert [e.actor for e in audit("backoffice.breach_close.refused")] == ["fenna"]
