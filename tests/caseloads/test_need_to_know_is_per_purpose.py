"""Need-to-know per purpose: Kwartier's social workers see only their caseload for support and signals, but act
in an acute emergency (vital interest) for whoever is in danger, without waiting for an assignment.

The old form (`need_to_know: true` on a role: every granted purpose) still loads and means what it meant.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.caseloads.conftest import audit, new_subject, records, store
from tests.conftest import EXAMPLES

EMERGENCY = {"name": "Henk de Vries", "situation": "Onwel aangetroffen, ambulance gebeld",
             "health": "Diabetes, bewusteloos"}
CLIENT_FILE = {"name": "Henk de Vries", "request": "Hulp bij het huishouden", "source": "self"}


@pytest.mark.promise("S4-04", "S4-11")
def test_a_social_worker_acts_in_an_emergency_for_a_client_of_another_team(kwartier: dict[str, Any]) -> None:
    # Given a client of Wijkteam Noord (Sanne's intake), not in Saskia's caseload (Wijkteam Zuid)
    subject = new_subject(kwartier["worker"], "support")
    assert store(kwartier["worker"], subject, "client_file", CLIENT_FILE, "support").status_code == 201
    saskia = kwartier["other_team"]
    # When Saskia finds him in an acute emergency, she records it under the emergency purpose
    answer = store(saskia, subject, "emergency_report", EMERGENCY, "emergency")
    # Then it is stored without an assignment, and she can read it back; the write is audited as hers
    assert answer.status_code == 201, answer.content
    shown = records(saskia, subject, "emergency")
    assert shown.status_code == 200 and [r["type"] for r in shown.json()] == ["emergency_report"]
    assert [e.actor for e in audit("record.create", purpose="emergency")] == ["saskia"]
    # But his support file stays closed to her: support is need-to-know for social workers
    closed = records(saskia, subject, "support")
    assert closed.status_code == 403 and closed.json()["reason"] == "not_assigned"
    assert len(audit("read.refused", reason="not_assigned")) == 1


@pytest.mark.promise("S4-11")
def test_signals_stay_need_to_know_for_social_workers(kwartier: dict[str, Any]) -> None:
    subject = new_subject(kwartier["worker"], "signalling")
    signal = {"neighbourhood": "Noord", "description": "Vereenzaming na overlijden partner"}
    assert store(kwartier["worker"], subject, "signal", signal, "signalling").status_code == 201
    answer = records(kwartier["other_team"], subject, "signalling")
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"


def test_the_old_form_still_means_every_granted_purpose(db: Any) -> None:
    from waarborg.engine.policy.loader import load_text

    data = yaml.safe_load((EXAMPLES / "kwartier.yaml").read_text(encoding="utf-8"))
    data["roles"]["social_worker"]["need_to_know"] = True
    policy = load_text(yaml.safe_dump(data, allow_unicode=True), "old.yaml").policy
    worker = policy.roles["social_worker"]
    assert all(worker.needs_case(p) for p in ("support", "emergency", "signalling"))
    assert {"support", "emergency", "signalling"} <= policy.need_to_know_purposes()


def test_a_need_to_know_purpose_the_role_is_not_granted_is_an_error(db: Any) -> None:
    from waarborg.engine.policy.loader import PolicyError, load_text

    data = yaml.safe_load((EXAMPLES / "kwartier.yaml").read_text(encoding="utf-8"))
    data["roles"]["social_worker"]["need_to_know"] = ["support", "volunteers"]
    with pytest.raises(PolicyError) as raised:
        load_text(yaml.safe_dump(data, allow_unicode=True), "wrong.yaml")
    assert "need-to-know on purpose 'volunteers', which it is not granted" in str(raised.value)
