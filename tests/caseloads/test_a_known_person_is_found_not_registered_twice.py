"""Staff find a known person by BSN or external id (`GET /api/v1/subjects`), and a second registration of the
same BSN answers 409: with the existing id for whoever may see that subject, without it for anyone else.

On Kwartier's shipped policy: social workers see their own (team's) caseload on support, the team leader who
assigns cases finds everyone, the financial administration works with no client files.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import assign, audit, new_subject, pseudonym_of, register

BSN = "111222333"


def find(persona: Any, **query: str) -> Any:
    return persona.get("/api/v1/subjects", query)


def test_looking_up_needs_a_login(kwartier: dict[str, Any], anonymous: Any) -> None:
    assert anonymous.get("/api/v1/subjects", {"bsn": BSN}).status_code == 401


@pytest.mark.promise("S4-11")
def test_a_social_worker_finds_her_client_by_bsn_and_the_look_up_is_audited(kwartier: dict[str, Any]) -> None:
    # Given Sanne's intake of a client with a BSN
    client = new_subject(kwartier["worker"], "support", bsn=BSN, external_id="K-1001")
    # When she looks the BSN up (written with spaces, as on a letter)
    answer = find(kwartier["worker"], bsn="1112 22 333")
    # Then she gets that subject's id, and the look-up is on record without the BSN
    assert answer.status_code == 200, answer.content
    assert [row["id"] for row in answer.json()] == [client] and answer.json()[0]["external_id"] == "K-1001"
    [entry] = audit("subject.lookup")
    assert entry.subject_pseudonym == pseudonym_of(client) and entry.detail == {"by": "bsn", "found": 1}
    assert BSN not in str(entry.detail)
    # And by external id as well
    assert [row["id"] for row in find(kwartier["worker"], external_id="K-1001").json()] == [client]


@pytest.mark.promise("S4-11")
def test_a_client_outside_ones_caseload_is_not_found(kwartier: dict[str, Any]) -> None:
    client = new_subject(kwartier["worker"], "support", bsn=BSN)
    # Saskia (another team) looking for a support client finds nothing: he is not in her caseload
    answer = find(kwartier["other_team"], bsn=BSN, purpose="support")
    assert answer.status_code == 200 and answer.json() == []
    assert audit("subject.lookup")[-1].detail == {"by": "bsn", "found": 0}
    # In an emergency (open to every social worker, S4-04) she does find him
    assert [row["id"] for row in find(kwartier["other_team"], bsn=BSN, purpose="emergency").json()] == [client]
    # The team leader, who assigns cases, finds the client
    assert len(find(kwartier["leader"], bsn=BSN).json()) == 1


def test_a_role_that_works_with_no_clients_is_refused_and_logged(kwartier: dict[str, Any]) -> None:
    answer = find(kwartier["administration"], bsn=BSN, purpose="support")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert len(audit("read.refused", reason="role_not_granted")) == 1


def test_a_malformed_look_up_is_invalid(kwartier: dict[str, Any]) -> None:
    assert find(kwartier["worker"]).status_code == 422
    assert find(kwartier["worker"], bsn="123456789").status_code == 422  # fails the 11-proof
    assert find(kwartier["worker"], bsn=BSN, external_id="K-1").status_code == 422


@pytest.mark.promise("S4-11")
def test_registering_a_known_bsn_again_names_the_existing_subject_to_whoever_may_see_it(
        kwartier: dict[str, Any]) -> None:
    from waarborg.engine.vault.models import Subject

    client = new_subject(kwartier["worker"], "support", bsn=BSN)
    # When she registers the same BSN again (a second letter from the same person)
    again = register(kwartier["worker"], "support", bsn=BSN)
    # Then 409 with the id of the one there is, and no second subject
    assert again.status_code == 409 and again.json()["id"] == client
    assert Subject.objects.count() == 1


@pytest.mark.promise("S4-11")
def test_registering_a_known_bsn_outside_ones_caseload_answers_409_without_the_id(kwartier: dict[str, Any]) -> None:
    from waarborg.engine.vault.models import Subject

    client = new_subject(kwartier["worker"], "support", bsn=BSN)
    saskia = kwartier["other_team"]
    # When Saskia (another team) registers the same BSN
    again = register(saskia, "support", bsn=BSN)
    # Then 409, but the answer names no subject; the attempt is on record with the existing subject
    assert again.status_code == 409 and "id" not in again.json(), again.content
    assert Subject.objects.count() == 1
    [entry] = audit("subject.create", outcome="conflict")
    assert entry.actor == "saskia" and entry.subject_pseudonym == pseudonym_of(client)
    assert entry.detail == {"by": "bsn", "id_shown": False}
    # Once the team leader assigns her the case, the same registration names it
    assert assign(kwartier["leader"], client, "support", staff="saskia").status_code == 201
    assert register(saskia, "support", bsn=BSN).json()["id"] == client
