"""S4-01, S4-06: Kwartier stores only data that reached it lawfully, each record with where it came from and the
legal basis of its purpose, and processes nothing under a purpose its statement does not name.

Driven through the REST API on the shipped policy (`examples/kwartier.yaml`), by a social worker who did the
intake herself; the privacy officer reads the refusals in the audit log."""

from __future__ import annotations

from typing import Any

import pytest

from tests.kwartier.conftest import CLIENT_FILE, audit_log, intake, refusals, store


def _record(worker: Any, record_id: str, purpose: str) -> dict[str, Any]:
    answer = worker.get(f"/api/v1/records/{record_id}", {"purpose": purpose})
    assert answer.status_code == 200, answer.content
    return dict(answer.json())


@pytest.mark.promise("S4-01")
def test_a_referral_by_the_municipality_is_kept_with_its_source_and_the_basis_of_its_purpose(
        kwartier: dict[str, Any]) -> None:
    # given a client the municipality's Wmo desk referred to Sanne
    worker = kwartier["worker"]
    client = intake(worker, external_id="kw-2026-014")
    # when she stores the client file with that source, and a neighbour's signal about the same client
    referral = store(worker, client, "client_file", {**CLIENT_FILE, "source": "municipality"}, "support",
                     source={"kind": "municipality", "detail": "Wmo-loket gemeente"})
    signal = store(worker, client, "signal", {"neighbourhood": "Noord", "description": "Komt de deur niet meer uit"},
                   "signalling", source={"kind": "involved_person", "detail": "buurvrouw"})
    assert referral.status_code == 201 and signal.status_code == 201, (referral.content, signal.content)
    # then each record answers where it came from and on which legal basis it is kept
    shown = _record(worker, referral.json()["id"], "support")
    assert shown["source"] == {"kind": "municipality", "detail": "Wmo-loket gemeente"}
    assert shown["basis"] == "public_task"
    shown = _record(worker, signal.json()["id"], "signalling")
    assert (shown["source"], shown["basis"]) == ({"kind": "involved_person", "detail": "buurvrouw"},
                                                 "legitimate_interest")


@pytest.mark.promise("S4-01")
def test_without_a_named_source_the_statements_own_first_source_is_recorded(kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    client = intake(worker)
    stored = store(worker, client, "client_file", CLIENT_FILE, "support")
    assert stored.status_code == 201
    # "support" lists the person themself first among its sources
    assert _record(worker, stored.json()["id"], "support")["source"] == {"kind": "subject", "detail": ""}


@pytest.mark.promise("S4-01")
@pytest.mark.parametrize("kind", ["roddel", ""])
def test_data_from_a_source_that_is_not_a_lawful_kind_is_refused_and_nothing_is_kept(
        kwartier: dict[str, Any], kind: str) -> None:
    worker = kwartier["worker"]
    client = intake(worker)
    answer = store(worker, client, "client_file", CLIENT_FILE, "support", source={"kind": kind, "detail": "?"})
    assert answer.status_code == 422 and list(answer.json()["errors"]) == ["source.kind"]
    assert worker.get(f"/api/v1/subjects/{client}/records", {"purpose": "support"}).json() == []


@pytest.mark.promise("S4-06")
def test_processing_under_a_purpose_the_statement_does_not_name_is_refused_and_logged(
        kwartier: dict[str, Any]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    # a write and a read under "marketing", which Kwartier's statement does not have
    write = store(worker, client, "client_file", CLIENT_FILE, "marketing")
    read = worker.get(f"/api/v1/subjects/{client}/records", {"purpose": "marketing"})
    for answer in (write, read):
        assert answer.status_code == 403 and answer.json()["reason"] == "unknown_purpose"
    logged = refusals(officer, "unknown_purpose", actor="sanne")
    assert [(e["action"], e["purpose"]) for e in logged] == [("write.refused", "marketing"),
                                                             ("read.refused", "marketing")]
    # and nothing was stored under any purpose
    assert worker.get(f"/api/v1/subjects/{client}/records", {"purpose": "support"}).json() == []


@pytest.mark.promise("S4-06")
def test_a_request_that_names_no_purpose_is_not_processed(kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    client = intake(worker)
    answer = worker.post("/api/v1/records", {"subject": client, "type": "client_file", "data": CLIENT_FILE},
                         format="json")
    assert answer.status_code == 400
    assert worker.get(f"/api/v1/subjects/{client}/records").status_code == 400
    assert not [e for e in audit_log(kwartier["privacy_officer"]) if e["action"] == "record.create"]


@pytest.mark.promise("S4-06")
def test_every_purpose_in_the_register_names_its_legal_basis(kwartier: dict[str, Any], anonymous: Any) -> None:
    # the public processing register (art. 30) of the active policy
    answer = anonymous.get("/privacy/register.json")
    assert answer.status_code == 200
    activities = {a["purpose"]: a for a in answer.json()["activities"]}
    assert set(activities) == {"support", "emergency", "signalling", "volunteers", "complaints", "administration"}
    assert {p: a["legal_basis"] for p, a in activities.items()} == {
        "support": "public_task", "emergency": "vital_interest", "signalling": "legitimate_interest",
        "volunteers": "contract", "complaints": "legal_obligation", "administration": "legal_obligation"}
    assert all(a["legal_basis_text"] for a in activities.values())
