"""On request WlzCliëntondersteuning tells a client to whom it passed on data and which data (S2-15): the
overview per client lists recipient, date, data and reason, exactly as the disclosure log has them, and the
access export carries it. Through the REST API with the shipped policy active."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.wlz.conftest import CARE_FILE, CLIENT, intake, sign, store, verified_access_export


def disclose(supporter: Any, subject: str, recipient: str, reason: str, **body: Any) -> Any:
    return supporter.post("/api/v1/disclosures", {"subject": subject, "recipient": recipient,
                                                  "purpose": "client_support", "reason": reason, **body},
                          format="json")


@pytest.mark.promise("S2-15")
def test_the_overview_lists_every_disclosure_as_the_log_has_it(people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    other = intake(supporter, birth_date="1960-05-05")
    assert sign(supporter, client).status_code == 201
    details = store(supporter, client, "client", CLIENT, "client_support").json()["id"]
    care_file = store(supporter, client, "care_file", CARE_FILE, "client_support").json()["id"]
    store(supporter, other, "client", CLIENT | {"name": "Els de Boer"}, "client_support")
    identity = ["identity", "birth_date"]  # not the agreement: the care office and authorities do not get that
    # given the care file sent to his home-care provider, his details to the care office, an authority's request,
    # one for another client, and one refused (a reason the statement does not allow)
    answers = [
        disclose(supporter, client, "care_providers", "agreed_work", records=[care_file]),
        disclose(supporter, client, "ciz_zorgkantoor", "legal_obligation", records=[details], categories=identity),
        disclose(supporter, client, "authorities", "authority_request", records=[details], categories=identity,
                 authority="Sociale Verzekeringsbank", legal_ground="art. 9.1.4 Wet langdurige zorg"),
        disclose(supporter, other, "ciz_zorgkantoor", "legal_obligation", categories=identity),
        disclose(supporter, client, "care_providers", "legitimate_interest", records=[care_file]),
    ]
    assert [a.status_code for a in answers] == [201, 201, 201, 201, 403]
    assert answers[-1].json()["reason"] == "reason_not_allowed"
    # when the officer prints his overview
    overview = officer.get(f"/api/v1/subjects/{client}/disclosures")
    assert overview.status_code == 200
    rows = [(d["recipient"], datetime.fromisoformat(d["when"]), d["data"]["categories"], d["data"]["fields"],
             d["reason"]) for d in overview.json()]
    # then it lists recipient, date, data and reason of each, and matches the log exactly
    page = officer.get("/api/v1/audit/entries", {"action": "disclosure.create", "subject": client}).json()
    log = [(e["detail"]["recipient"], datetime.fromisoformat(e["detail"]["at"]), e["detail"]["categories"],
            e["detail"]["fields"], e["detail"]["reason"]) for e in page["entries"]]
    assert rows == log
    assert [(r[0], r[4]) for r in rows] == [("care_providers", "agreed_work"), ("ciz_zorgkantoor", "legal_obligation"),
                                           ("authorities", "authority_request")]
    assert set(rows[0][3]) == {f"care_file.{f}" for f in CARE_FILE}
    assert set(rows[0][2]) == {"care_situation", "health"}
    assert (set(rows[1][3]), set(rows[1][2])) == ({"client.name", "client.birth_date"}, set(identity))
    assert [d["recipient_label"] for d in overview.json()][:2] == ["Zorgaanbieders en andere instanties",
                                                                  "CIZ en zorgkantoor"]
    # and the refused attempt is in the log as refused, not in the overview
    refused = officer.get("/api/v1/audit/entries", {"action": "disclosure.refused", "subject": client}).json()
    assert [e["reason"] for e in refused["entries"]] == ["reason_not_allowed"]
    # and his access export tells him the same
    export = verified_access_export(officer, supporter, client)
    assert sorted((d["recipient"], d["reason"]) for d in export["disclosures"]) == sorted((r[0], r[4]) for r in rows)


def test_only_the_privacy_officer_reads_a_clients_overview(people: dict[str, Any], anonymous: Any) -> None:
    client = intake(people["worker"], birth_date="1950-02-03")
    url = f"/api/v1/subjects/{client}/disclosures"
    assert anonymous.get(url).status_code == 401
    answer = people["administration"].get(url)
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
