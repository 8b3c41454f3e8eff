"""WlzCliëntondersteuning uses general data to improve its service and to keep in touch only when the client
consents (S2-03), and never uses special data for marketing, consent or not (S2-06). Through the REST API with
the shipped policy active: the office files evaluations and sends the "new options" mail, the privacy officer
selects whom an analysis may include."""

from __future__ import annotations

from typing import Any

import pytest

from tests.wlz.conftest import intake, refused, sign, store

SELECT = "/api/v1/mailings/selection"
NEWS = {"purpose": "relationship", "message_type": "service_information", "title": "Nieuwe mogelijkheden",
        "body": "Beste {mailing_subscription.name}, wij hebben nieuws over de Wlz."}


def _clients(people: dict[str, Any], n: int) -> list[str]:
    return [intake(people["worker"], birth_date="1950-02-03") for _ in range(n)]


@pytest.mark.promise("S2-03")
def test_only_clients_who_consented_are_in_the_service_improvement_analysis(people: dict[str, Any]) -> None:
    office, officer = people["administration"], people["officer"]
    consenting, other = _clients(people, 2)
    assert sign(people["worker"], consenting, purpose="service_improvement").status_code == 201
    # the office files the evaluation of the client who consented
    assert store(office, consenting, "evaluation", {"score": 8, "remarks": "Snel geholpen."},
                 "service_improvement").status_code == 201
    # a forced attempt for the other client is refused and logged, nothing stored
    forced = store(office, other, "evaluation", {"score": 6}, "service_improvement")
    assert forced.status_code == 403 and forced.json()["reason"] == "no_active_consent"
    assert [(e.actor, e.purpose) for e in refused("no_active_consent", other)] == [("ad", "service_improvement")]
    # and the analysis selection leaves him out, saying why
    selection = officer.post(SELECT, {"purpose": "service_improvement", "subjects": [consenting, other],
                                      "data_fields": ["evaluation.score"]}, format="json")
    assert selection.status_code == 200, selection.content
    assert selection.json()["included"] == [consenting]
    assert selection.json()["excluded"] == [{"subject": other, "reason": "no_active_consent"}]


@pytest.mark.promise("S2-03")
def test_only_clients_who_consented_get_relationship_mail(people: dict[str, Any], mailoutbox: list[Any]) -> None:
    office = people["administration"]
    consenting, other = _clients(people, 2)
    assert sign(people["worker"], consenting, purpose="relationship", channel="email").status_code == 201
    assert store(office, consenting, "mailing_subscription", {"email": "kees@example.nl", "name": "Kees"},
                 "relationship").status_code == 201
    # keeping an address for the mail without consent is refused
    forced = store(office, other, "mailing_subscription", {"email": "els@example.nl"}, "relationship")
    assert forced.status_code == 403 and forced.json()["reason"] == "no_active_consent"
    selection = office.post(SELECT, {"purpose": "relationship", "subjects": [consenting, other]}, format="json")
    assert selection.json()["included"] == [consenting]
    # the mail reaches the one who consented only
    sent = office.post("/api/v1/mailings", NEWS, format="json")
    assert sent.status_code == 201, sent.content
    assert [m.to for m in mailoutbox] == [["kees@example.nl"]]
    assert mailoutbox[0].body.startswith("Beste Kees,")


@pytest.mark.promise("S2-06")
def test_a_mailing_on_special_data_is_refused_even_when_the_client_consented(
        people: dict[str, Any], mailoutbox: list[Any]) -> None:
    office, supporter = people["administration"], people["worker"]
    # given a client who consented to relationship mail, and whose care file holds his health
    client = intake(supporter, birth_date="1950-02-03")
    assert sign(supporter, client).status_code == 201
    assert store(supporter, client, "care_file", {"care_situation": "Woont thuis.", "health": "Parkinson"},
                 "client_support").status_code == 201
    assert sign(supporter, client, purpose="relationship").status_code == 201
    assert store(office, client, "mailing_subscription", {"email": "kees@example.nl", "name": "Kees"},
                 "relationship").status_code == 201
    # when the office selects, filters or personalises the mailing on a health or care field
    attempts = [
        office.post(SELECT, {"purpose": "relationship", "subjects": [client], "data_fields": ["care_file.health"]},
                    format="json"),
        office.post("/api/v1/mailings", NEWS | {"filters": {"care_file.care_situation": "dementie"}}, format="json"),
        office.post("/api/v1/mailings", NEWS | {"body": "Beste {mailing_subscription.name}, over {care_file.health}."},
                    format="json"),
    ]
    # then each is refused and logged, and no mail goes out
    assert [(a.status_code, a.json()["reason"]) for a in attempts] == [(403, "special_category_forbidden")] * 3
    assert len(refused("special_category_forbidden")) == 3
    assert mailoutbox == []
    # the same mailing on general data goes out, without any special data in it
    assert office.post("/api/v1/mailings", NEWS, format="json").status_code == 201
    assert [m.to for m in mailoutbox] == [["kees@example.nl"]] and "Parkinson" not in mailoutbox[0].body
