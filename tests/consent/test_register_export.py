"""The consent register (toestemmingsregister) exports per subject and for the organisation, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.consent.conftest import audited, give, new_subject, refusals


@pytest.fixture
def register(care: Any) -> dict[str, Any]:
    alice, bob = new_subject(), new_subject()
    give(care["supporter"], alice, "service_improvement", channel="post",
         signatories=[{"role": "self", "name": "Alice"}], evidence={"document": "TV-1", "text_version": "2.2"})
    withdrawn = give(care["communications"], alice, "relationship", channel="website").json()
    care["communications"].client.post(f"/api/v1/consents/{withdrawn['id']}/withdraw", {}, format="json")
    give(care["communications"], bob, "relationship", channel="email")
    return {"alice": alice, "bob": bob}


def test_exporting_the_register_needs_authentication(care: Any, anonymous: Any) -> None:
    assert anonymous.get("/api/v1/consents").status_code == 401


def test_staff_who_do_not_manage_consents_cannot_export_the_whole_register(care: Any, register: Any) -> None:
    response = care["supporter"].client.get("/api/v1/consents")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    outsider = care["outsider"].client.get("/api/v1/consents", {"purpose": "relationship"})
    assert outsider.status_code == 403 and outsider.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted") == 2


@pytest.mark.promise("S0-26")
def test_a_subjects_register_lists_every_consent_given_and_withdrawn(care: Any, register: Any) -> None:
    alice = register["alice"]
    response = care["privacy_officer"].client.get("/api/v1/consents", {"subject": str(alice.pk)})
    assert response.status_code == 200
    rows = {row["purpose"]: row for row in response.json()}
    assert set(rows) == {"service_improvement", "relationship"}
    assert rows["service_improvement"]["status"] == "active"
    assert rows["service_improvement"]["channel"] == "post"
    assert rows["service_improvement"]["text_version"] == "2.2"
    assert rows["service_improvement"]["statement_version"] == "2.2"
    assert rows["relationship"]["status"] == "withdrawn" and rows["relationship"]["withdrawn_at"]
    assert all(row["subject"] == str(alice.pk) for row in rows.values())
    entry = audited("consent.export", alice)[-1]
    assert entry.detail == {"format": "json", "count": 2, "scope": "subject"}


@pytest.mark.promise("S0-26")
def test_the_organisation_register_exports_as_csv(care: Any, register: Any) -> None:
    response = care["privacy_officer"].client.get("/api/v1/consents", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 3
    assert {(r["subject"], r["purpose"], r["status"]) for r in rows} == {
        (str(register["alice"].pk), "service_improvement", "active"),
        (str(register["alice"].pk), "relationship", "withdrawn"),
        (str(register["bob"].pk), "relationship", "active"),
    }
    alice = next(r for r in rows if r["purpose"] == "service_improvement")
    assert alice["signatories"] == "self: Alice" and alice["evidence_document"] == "TV-1"
    assert all(r["given_at"] for r in rows)


def test_staff_of_a_purpose_export_only_that_purpose(care: Any, register: Any) -> None:
    response = care["communications"].client.get("/api/v1/consents", {"purpose": "relationship", "format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {r["purpose"] for r in rows} == {"relationship"} and len(rows) == 2


def test_csv_cells_cannot_smuggle_spreadsheet_formulas(care: Any) -> None:
    give(care["supporter"], new_subject(), "service_improvement", channel="=HYPERLINK(1)")
    response = care["privacy_officer"].client.get("/api/v1/consents", {"format": "csv"})
    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["channel"] == "'=HYPERLINK(1)"


def test_after_erasure_the_register_keeps_the_proof_without_the_names(care: Any) -> None:
    from waarborg.engine.vault.keys import shred

    subject = new_subject()
    give(care["supporter"], subject, "service_improvement", signatories=[{"role": "self", "name": "Alice"}])
    shred(subject)
    rows = care["privacy_officer"].client.get("/api/v1/consents", {"subject": str(subject.pk)}).json()
    assert [(r["status"], r["signatories"]) for r in rows] == [("active", [{"role": "self", "name": ""}])]


@pytest.mark.promise("S0-26")
def test_the_register_exports_from_the_command_line(care: Any, register: Any,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.audiences.cli import main

    assert main(["consents", "export", "--subject", str(register["bob"].pk), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["purpose"], r["status"], r["channel"]) for r in rows] == [("relationship", "active", "email")]
    assert main(["consents", "export"]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == 3
    assert main(["consents", "export", "--subject", "nope"]) == 1
