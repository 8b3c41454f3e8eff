"""The back office's caseload pages on Kwartier's shipped policy: "Mijn cliënten" for social workers,
"Toewijzingen" for the team leader (assign, end, hand over), strangers refused and logged, and every
staff member lands after logging in on a page their roles may see."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.backoffice.conftest import session
from tests.caseloads.conftest import audit, new_subject, records
from waarborg.engine.vault.models import Assignment

PASSWORD = "backoffice-wachtwoord-9"


@pytest.fixture
def case(kwartier: dict[str, Any]) -> str:
    return new_subject(kwartier["worker"], "support", external_id="kw-001")


def test_visitors_are_sent_to_the_login(kwartier: dict[str, Any], case: str) -> None:
    for path in ("/backoffice/mijn-clienten/", "/backoffice/toewijzingen/"):
        answer = Client().get(path)
        assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen"), path
    answer = Client().post("/backoffice/toewijzingen/overdragen", {"from": "sanne", "to": "saskia"})
    assert answer.status_code == 302 and Assignment.objects.get().ended_at is None


@pytest.mark.promise("S4-07", "S4-11")
def test_staff_without_need_to_know_work_or_caseload_management_are_refused_and_logged(
        kwartier: dict[str, Any], case: str) -> None:
    administration = session(kwartier["administration"])
    assert administration.get("/backoffice/mijn-clienten/").status_code == 403
    worker = session(kwartier["worker"])
    assert worker.get("/backoffice/toewijzingen/").status_code == 403
    assert worker.post("/backoffice/toewijzingen/toewijzen",
                       {"subject": "kw-001", "purpose": "support", "staff": "sam"}).status_code == 403
    assert worker.post(f"/backoffice/toewijzingen/{Assignment.objects.get().pk}/beeindigen").status_code == 403
    assert worker.post("/backoffice/toewijzingen/overdragen", {"from": "sanne", "to": "sam"}).status_code == 403
    assert [(e.action, e.actor) for e in audit("backoffice.caseload.refused")] == [("backoffice.caseload.refused",
                                                                                   "ad")]
    refused = [e.action for e in audit("backoffice.assignments.refused") + audit("backoffice.assign.refused")
               + audit("backoffice.unassign.refused") + audit("backoffice.handover.refused")]
    assert len(refused) == 4
    assert Assignment.objects.filter(ended_at__isnull=True).count() == 1


@pytest.mark.promise("S4-11")
def test_my_caseload_shows_my_cases_and_my_teams(kwartier: dict[str, Any], case: str) -> None:
    other = new_subject(kwartier["other_team"], "support", external_id="kw-002")
    team_case = new_subject(kwartier["other_team"], "support", external_id="kw-003")
    kwartier["leader"].post(f"/api/v1/subjects/{team_case}/assignments",
                            {"purpose": "support", "team": "wijkteam_noord"}, format="json")
    page = session(kwartier["worker"]).get("/backoffice/mijn-clienten/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "kw-001" in html and "kw-003" in html and "kw-002" not in html and other not in html
    assert "Wijkteam Noord" in html and "intake" in html
    assert audit("caseload.read")[-1].actor == "sanne"


@pytest.mark.promise("S4-11", "S4-12")
def test_the_team_leader_assigns_ends_and_hands_over_on_the_page(kwartier: dict[str, Any], case: str) -> None:
    leader = session(kwartier["leader"])
    page = leader.get("/backoffice/toewijzingen/")
    assert page.status_code == 200 and "kw-001" in page.content.decode()
    # assign by external id
    done = leader.post("/backoffice/toewijzingen/toewijzen", {"subject": "kw-001", "purpose": "support",
                                                               "staff": "sam"}, follow=True)
    assert "Toegewezen aan sam" in done.content.decode()
    assert records(kwartier["colleague"], case, "support").status_code == 200
    # a mistake comes back as a message and changes nothing
    wrong = leader.post("/backoffice/toewijzingen/toewijzen", {"subject": "kw-001", "purpose": "support",
                                                                "staff": "ad"}, follow=True)
    assert "geven geen recht op support" in wrong.content.decode()
    twin = leader.post("/backoffice/toewijzingen/toewijzen", {"subject": "kw-001", "purpose": "support",
                                                               "staff": "sam"}, follow=True)
    assert "al toegewezen" in twin.content.decode()
    # end Sam's assignment
    sams = Assignment.objects.get(user=kwartier["colleague"].user)
    leader.post(f"/backoffice/toewijzingen/{sams.pk}/beeindigen")
    assert records(kwartier["colleague"], case, "support").json()["reason"] == "not_assigned"
    # hand over Sanne's cases to wijkteam_zuid
    moved = leader.post("/backoffice/toewijzingen/overdragen", {"from": "sanne", "team": "wijkteam_zuid"},
                        follow=True)
    assert "1 cliënt(en) van sanne overgedragen" in moved.content.decode()
    assert records(kwartier["worker"], case, "support").json()["reason"] == "not_assigned"
    assert records(kwartier["other_team"], case, "support").status_code == 200
    assert [e.actor for e in audit("subject.handover")] == ["tim"]


@pytest.mark.parametrize("who, lands_on", [  # the start page: the day's work of their roles
    ("worker", "/backoffice/"), ("leader", "/backoffice/"), ("privacy_officer", "/backoffice/"),
])
def test_staff_land_on_a_page_their_roles_may_see(kwartier: dict[str, Any], who: str, lands_on: str) -> None:
    user = kwartier[who].user
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    answer = client.post("/backoffice/inloggen", {"username": user.username, "password": PASSWORD})
    assert answer.status_code == 302 and answer["Location"] == lands_on
    assert client.get(lands_on).status_code == 200
