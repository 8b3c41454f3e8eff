"""The BSN only for purposes with a statutory ground (UAVG art. 46), also when a policy forgot to say so.

A valid policy cannot give a purpose without `bsn_ground` a BSN field (the policy check refuses it),
so the gate is defence in depth: here it is asked directly with a policy that skipped the checks.
"""

from __future__ import annotations

from typing import Any

import yaml

from tests.consent.conftest import CARE_POLICY, new_subject, write_record
from waarborg.engine.consent.gates import bsn_gate
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.gates import AccessContext


def _unchecked_policy_without_bsn_ground() -> Policy:
    data = yaml.safe_load(CARE_POLICY.read_text(encoding="utf-8"))
    del data["purposes"]["indication"]["bsn_ground"]
    return Policy.model_validate(data)


def test_the_gate_refuses_a_bsn_for_a_purpose_without_a_statutory_ground(care: Any) -> None:
    ctx = AccessContext(actor="system:test", action="write", purpose="indication",
                        policy=_unchecked_policy_without_bsn_ground(), subject=new_subject(),
                        record_type="indication_request", fields={"bsn": "111222333"})
    refusal = bsn_gate(ctx)
    assert refusal is not None and refusal.reason == "no_legal_basis"


def test_the_gate_lets_a_record_without_the_bsn_through(care: Any) -> None:
    ctx = AccessContext(actor="system:test", action="write", purpose="indication",
                        policy=_unchecked_policy_without_bsn_ground(), subject=new_subject(),
                        record_type="indication_request", fields={"diagnosis": "x"})
    assert bsn_gate(ctx) is None


def test_a_purpose_with_a_statutory_ground_stores_the_bsn(care: Any) -> None:
    subject = new_subject()
    response = write_record(care["supporter"], subject, "indication_request", {"bsn": "111222333"}, "indication")
    assert response.status_code == 201
