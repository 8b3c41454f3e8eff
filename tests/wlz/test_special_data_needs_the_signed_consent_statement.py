"""WlzCliëntondersteuning processes a client's care situation and health only under the consent statement he
signed (S2-04, S2-05); a refusal is recorded with the consequences he was told (S2-09); a withdrawal stops the
care file and data from care providers at once and stays in the register (S2-29). Through the REST API with
the shipped policy active."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.wlz.conftest import CARE_FILE, CLIENT, intake, read, records, refused, sign, store


def _care_file(supporter: Any, client: str, **extra: Any) -> Any:
    return store(supporter, client, "care_file", CARE_FILE, "client_support", **extra)


@pytest.mark.promise("S2-04")
def test_the_care_file_is_refused_without_a_signed_statement_covering_special_data(people: dict[str, Any]) -> None:
    supporter = people["worker"]
    client = intake(supporter, birth_date="1950-02-03")
    # given no statement at all: the care file is refused, logged, and nothing is stored
    answer = _care_file(supporter, client)
    assert answer.status_code == 403 and answer.json()["reason"] == "special_category_forbidden"
    assert [e.actor for e in refused("special_category_forbidden", client)] == ["wendy"]
    # general data of the same client needs no consent: it rests on the agreement
    details = store(supporter, client, "client", CLIENT, "client_support").json()["id"]
    assert read(supporter, details, "client_support").json()["data"]["name"] == "Kees Kok"
    # a statement that covers general data only does not allow the care file either
    assert sign(supporter, client, evidence={"document": "tv-algemeen.pdf", "scope": ["general"]}).status_code == 201
    assert _care_file(supporter, client).json()["reason"] == "special_category_forbidden"


@pytest.mark.promise("S2-04", "S2-29")
def test_after_withdrawal_nothing_more_is_stored_or_read_from_the_care_file(people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    consent = sign(supporter, client, signatories=[{"role": "self", "name": "Kees Kok"}]).json()
    assert consent["status"] == "active"
    # with the statement, the care file and what his home-care provider sent are stored and read
    own = _care_file(supporter, client)
    assert own.status_code == 201, own.content
    from_provider = _care_file(supporter, client, source={"kind": "organisation", "detail": "Thuiszorg De Linde"})
    assert from_provider.status_code == 201
    assert read(supporter, own.json()["id"], "client_support").json()["data"]["health"] == "Beginnende dementie."
    # when he withdraws his consent by letter
    withdrawn = supporter.post(f"/api/v1/consents/{consent['id']}/withdraw", {"channel": "post"}, format="json")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    # then new data from care providers is refused, and so is reading or listing what is there
    again = _care_file(supporter, client, source={"kind": "organisation", "detail": "Huisarts Kampen"})
    assert again.status_code == 403 and again.json()["reason"] == "special_category_forbidden"
    shown = read(supporter, own.json()["id"], "client_support")
    assert shown.status_code == 403 and shown.json()["reason"] == "special_category_forbidden"
    assert records(supporter, client, "client_support").json()["reason"] == "special_category_forbidden"
    assert len(refused("special_category_forbidden", client)) == 3
    # and the register keeps the statement as proof, with when it was given and withdrawn and how
    [row] = officer.get("/api/v1/consents", {"subject": client}).json()
    assert (row["status"], row["withdrawal_channel"]) == ("withdrawn", "post")
    assert datetime.fromisoformat(row["given_at"]) <= datetime.fromisoformat(row["withdrawn_at"]) <= timezone.now()
    assert row["evidence"]["document"] == "toestemmingsverklaring-2026-014.pdf"


@pytest.mark.promise("S2-29")
def test_a_withdrawn_consent_to_use_data_for_service_improvement_stops_that_use(people: dict[str, Any]) -> None:
    supporter, office, officer = people["worker"], people["administration"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    consent = sign(supporter, client, purpose="service_improvement").json()
    evaluation = store(office, client, "evaluation", {"score": 8, "remarks": "Fijn geholpen."}, "service_improvement")
    assert evaluation.status_code == 201, evaluation.content
    officer.post(f"/api/v1/consents/{consent['id']}/withdraw", {"channel": "email"}, format="json")
    answer = store(office, client, "evaluation", {"score": 9}, "service_improvement")
    assert answer.status_code == 403 and answer.json()["reason"] == "no_active_consent"
    assert read(officer, evaluation.json()["id"], "service_improvement").json()["reason"] == "no_active_consent"
    assert [e.purpose for e in refused("no_active_consent", client)] == ["service_improvement"] * 2


@pytest.mark.promise("S2-05")
def test_the_register_keeps_signer_date_scope_and_document_of_the_statement(people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    given_at = timezone.now() - timedelta(days=1)
    answer = sign(supporter, client, signatories=[{"role": "self", "name": "Kees Kok"}],
                  given_at=given_at.isoformat(), channel="in_person")
    assert answer.status_code == 201 and answer.json()["status"] == "active"
    shown = officer.get(f"/api/v1/consents/{answer.json()['id']}").json()
    assert shown["signatories"] == [{"role": "self", "name": "Kees Kok"}]
    assert shown["evidence"] == {"document": "toestemmingsverklaring-2026-014.pdf", "scope": ["general", "special"]}
    assert datetime.fromisoformat(shown["given_at"]) == given_at
    assert shown["statement_version"] == "2.2" and shown["channel"] == "in_person"
    # the register as a file (CSV) has the same facts
    csv = officer.get("/api/v1/consents", {"subject": client, "format": "csv"}).content.decode()
    assert "toestemmingsverklaring-2026-014.pdf" in csv and "Kees Kok" in csv
    # a statement covering special data without the signed document is not a statement
    unsigned = sign(supporter, client, evidence={"scope": ["general", "special"]})
    assert unsigned.status_code == 422 and "evidence.document" in unsigned.json()["errors"]


@pytest.mark.promise("S2-05")
def test_an_agreement_becomes_active_only_after_the_statement_is_signed(people: dict[str, Any]) -> None:
    supporter = people["worker"]
    client = intake(supporter, birth_date="1950-02-03")
    # an active agreement without a signed statement is refused and logged
    active = store(supporter, client, "client", CLIENT | {"agreement_status": "active"}, "client_support")
    assert active.status_code == 403 and active.json()["reason"] == "no_signed_consent_statement"
    assert len(refused("no_signed_consent_statement", client)) == 1
    # a prospect may be registered, but not made active
    prospect = store(supporter, client, "client", CLIENT, "client_support").json()["id"]
    url = f"/api/v1/records/{prospect}"
    made_active = supporter.patch(url, {"data": {"agreement_status": "active"}}, format="json",
                                  HTTP_X_PURPOSE="client_support")
    assert made_active.status_code == 403 and made_active.json()["reason"] == "no_signed_consent_statement"
    # once signed, the agreement becomes active
    assert sign(supporter, client).status_code == 201
    assert supporter.patch(url, {"data": {"agreement_status": "active"}}, format="json",
                           HTTP_X_PURPOSE="client_support").status_code == 200
    assert read(supporter, prospect, "client_support").json()["data"]["agreement_status"] == "active"


@pytest.mark.promise("S2-09")
def test_a_refusal_is_recorded_with_the_consequences_told_and_the_care_file_stays_blocked(
        people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    # when the client will not sign, and the supporter records what she told him
    told = "Zonder je toestemming kunnen wij je zorgsituatie niet vastleggen en je Wlz-aanvraag niet begeleiden."
    answer = supporter.post("/api/v1/consents/refusals", {"subject": client, "purpose": "client_support",
                                                          "channel": "in_person", "consequences": told},
                            format="json")
    assert answer.status_code == 201 and answer.json()["status"] == "refused"
    # then the client has a notice listing the consequences, given at once, and the register shows the refusal
    notices = [n for n in officer.get("/api/v1/notices", {"status": "all"}).json() if n["subject"] == client]
    assert [(n["kind"], n["content"], n["channel"]) for n in notices] == [("refusal_consequences", told, "in_person")]
    assert notices[0]["sent_at"]
    [row] = officer.get("/api/v1/consents", {"subject": client}).json()
    assert (row["status"], row["consequences"]) == ("refused", told)
    # and the tasks that need the consent are blocked
    blocked = store(supporter, client, "care_file", CARE_FILE, "client_support")
    assert blocked.status_code == 403 and blocked.json()["reason"] == "special_category_forbidden"
    active = store(supporter, client, "client", CLIENT | {"agreement_status": "active"}, "client_support")
    assert active.status_code == 403 and active.json()["reason"] == "no_signed_consent_statement"


@pytest.mark.promise("S2-09")
def test_without_words_of_her_own_the_statements_consequences_are_recorded(people: dict[str, Any]) -> None:
    supporter = people["worker"]
    client = intake(supporter, birth_date="1950-02-03")
    answer = supporter.post("/api/v1/consents/refusals", {"subject": client, "purpose": "client_support"},
                            format="json")
    assert answer.status_code == 201
    assert answer.json()["consequences"].startswith("Wil je bepaalde gegevens of je toestemming niet geven")
