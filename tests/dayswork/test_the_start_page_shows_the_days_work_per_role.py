"""`/backoffice/` is the day's work of the signed-in staff member's roles, on ikzorginassen's shipped policy: the
privacy officer sees rights requests by deadline (overdue first, "3 dagen te laat" in words), breaches with the
hours left on the 72-hour clock, holds to review and what the sweep removes in the next 7 days; the assessor sees
the applications that wait for her; and an overdue request and a breach are one click away."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import time_machine
from django.utils import timezone

from tests.dayswork.conftest import signed_in
from tests.rights.conftest import colleague, file_request


def _ago(**delta: Any) -> str:
    return (timezone.now() - timedelta(**delta)).isoformat()


def test_the_privacy_officer_finds_overdue_requests_and_breaches_on_the_start_page(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    from waarborg.engine.rights.deadlines import days_between
    from waarborg.engine.rights.models import Request

    officer = personas["privacy_officer"]
    registrar = colleague(officer)
    # given a request received 40 days ago (past its month), one received today, and a breach known 30 hours
    late = file_request(registrar, anna, received_at=_ago(days=40)).data["id"]
    fresh = file_request(registrar, bert, type="rectification").data["id"]
    breach = officer.post("/api/v1/breaches", {"aware_at": _ago(hours=30), "kind": "misaddressed_email",
                                               "description": "Brief naar het verkeerde adres"}, format="json")
    assert breach.status_code == 201, breach.content
    # when she opens the start page
    page = signed_in(officer).get("/backoffice/")
    assert page.status_code == 200
    text = page.content.decode()
    # then the overdue request comes first, with its lateness in words, and links to its own page
    rows = re.findall(r'<tr data-request="([^"]+)"( class="overdue")?>', text)
    assert [r[0] for r in rows] == [late, fresh] and rows[0][1] and not rows[1][1]
    days_late = -days_between(timezone.now(), Request.objects.get(pk=late).due_at)
    assert f"{days_late} dagen te laat" in text
    days_left = days_between(timezone.now(), Request.objects.get(pk=fresh).due_at)
    assert f"nog {days_left} dagen" in text
    assert f'href="/backoffice/verzoeken/{late}"' in text
    assert re.search(r'id="tile-requests" class="late"><a href="/backoffice/verzoeken/"><strong>1</strong>', text)
    # and the breach, with the hours left of its 72, links to its page
    assert f'href="/backoffice/datalekken/{breach.data["id"]}"' in text
    assert re.search(r"nog 4[12] uur", text)
    # and the sweep preview for the next 7 days is there
    assert 'id="sweep"' in text
    # one click: the overdue request's page opens for her
    assert signed_in(officer).get(f"/backoffice/verzoeken/{late}").status_code == 200


def test_the_start_page_speaks_english_when_asked(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    file_request(colleague(officer), anna, received_at=_ago(days=40))
    text = signed_in(officer).get("/backoffice/", {"lang": "en"}).content.decode()
    assert "days late" in text and "Your work today" in text


def test_a_hold_past_its_review_date_is_on_the_start_page(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    placed = officer.post("/api/v1/holds", {"reason": "dispute", "justification": "Bezwaarprocedure loopt",
                                            "subject": str(anna.pk),
                                            "review_at": (timezone.now() + timedelta(days=1)).isoformat()},
                          format="json")
    assert placed.status_code == 201, placed.content
    assert 'id="holds"' not in signed_in(officer).get("/backoffice/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        text = signed_in(officer).get("/backoffice/").content.decode()
    assert 'id="holds"' in text and "Bezwaarprocedure" not in text  # the justification stays on the holds page


def test_the_assessor_sees_the_applications_that_wait_and_nothing_of_the_officers_work(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    text = signed_in(personas["assessor"]).get("/backoffice/").content.decode()
    assert re.search(r'id="tile-awaiting"><a href="/backoffice/beoordelen/"><strong>2</strong>', text)
    for absent in ('id="tile-requests"', 'id="tile-breaches"', 'id="sweep"'):
        assert absent not in text
    # the helpdesk has no part of the day's work here, only its pages
    helpdesk = signed_in(personas["caseworker"]).get("/backoffice/").content.decode()
    assert 'id="dayswork"' not in helpdesk and 'data-page="search"' in helpdesk


def test_the_caseload_count_is_the_workers_own(kwartier: dict[str, Any]) -> None:
    from tests.caseloads.conftest import new_subject

    new_subject(kwartier["worker"], "support", external_id="kw-501")
    new_subject(kwartier["worker"], "support", external_id="kw-502")
    text = signed_in(kwartier["worker"]).get("/backoffice/").content.decode()
    assert re.search(r'id="tile-caseload"><a href="/backoffice/mijn-clienten/"><strong>2</strong>', text)
    other = signed_in(kwartier["other_team"]).get("/backoffice/").content.decode()
    assert re.search(r'id="tile-caseload"><a href="/backoffice/mijn-clienten/"><strong>0</strong>', other)
