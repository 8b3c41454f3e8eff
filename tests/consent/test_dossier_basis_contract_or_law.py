"""S2-02: dossier processing rests on the contract, tied to an agreement (prospect, active, ended), or on a
legal obligation whose ground is recorded; both show in the register and on every record."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import activate_example, make_staff
from waarborg.engine.caseloads.actions import assign
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.policy.active import current
from waarborg.engine.policy.render.register import register_entries
from waarborg.engine.records.actions import record_create, subject_create


@pytest.fixture
def wlz(db: Any) -> dict[str, Any]:
    activate_example("wlzclientondersteuning")
    supporter, _ = make_staff("sanne", ["client_supporter"])
    admin, _ = make_staff("ad", ["administration"])
    return {"supporter": supporter, "admin": admin}


@pytest.mark.promise("S2-02")
def test_the_dossier_rests_on_the_agreement_and_the_administration_on_the_law(wlz: dict[str, Any]) -> None:
    policy = current()
    entries = {e["purpose"]: e for e in register_entries(policy)}
    assert entries["client_support"]["legal_basis"].endswith("A6-1-b") or "contract" in entries["client_support"]["legal_basis"]
    assert policy.purposes["client_support"].basis_detail.contract
    assert entries["administration"]["legal_basis"].endswith("A6-1-c") or "legal" in entries["administration"]["legal_basis"]
    assert "art. 52" in policy.purposes["administration"].basis_detail.law

    client = subject_create("system:intake")
    assign("system:intake", client, "client_support", user=wlz["supporter"])
    consent_give(wlz["supporter"], subject=client, purpose="client_support",
                 evidence={"document": "toestemmingsverklaring-7.pdf", "scope": ["general", "special"]})
    for status in ("prospect", "active", "ended"):
        record = record_create(wlz["supporter"], subject=client, type="client", purpose="client_support",
                               data={"name": "Kees Kok", "birth_date": "1950-02-03", "agreement_status": status})
        assert record.basis == "contract" and record.plain.get("agreement_status", status) == status
    invoice = record_create(wlz["admin"], subject=client, type="invoice", purpose="administration",
                            source_kind="organisation",
                            data={"client_name": "Kees Kok", "amount": "120.00", "invoice_date": "2026-01-31"})
    assert invoice.basis == "legal_obligation"
