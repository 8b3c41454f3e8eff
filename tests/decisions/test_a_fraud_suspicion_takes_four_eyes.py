"""A suspicion of fraud takes four eyes (Werkzaak's shipped policy): the case manager who raised it can neither
clear it nor confirm it by rejecting the benefit alone; a colleague who has the case judges it.

Every refusal is a 403 `separation_of_duties` with an audit entry.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import _people, assign, audit, new_subject, store

BENEFIT = {"name": "Piet Bakker", "birth_date": "1980-05-01", "bsn": "111222333", "income": "1250.00",
           "living_situation": "Alleenstaand"}


@pytest.fixture
def werkzaak(db: Any) -> dict[str, Any]:
    """Werkzaak's shipped policy: case managers connie (team werk) and kees (inkomen), team leader tara."""
    return _people("werkzaak", {"worker": ("connie", ["consultant"], "werk"),
                                "colleague": ("kees", ["consultant"], "inkomen"),
                                "leader": ("tara", ["team_leader"], "")})


def _flagged_case(werkzaak: dict[str, Any]) -> tuple[str, str, str]:
    """Connie's intake of a benefit file with a suspected-fraud flag she raised: (subject, record, flag)."""
    connie = werkzaak["worker"]
    subject = new_subject(connie, "benefits")
    stored = store(connie, subject, "benefit_file", BENEFIT, "benefits")
    assert stored.status_code == 201, stored.content
    record = stored.json()["id"]
    raised = connie.post("/api/v1/decisions/flags", {"record": record, "kind": "suspected_fraud",
                                                     "reason": "Inkomen uit een tweede baan niet gemeld"},
                         format="json")
    assert raised.status_code == 201, raised.content
    return subject, record, raised.json()["id"]


def test_who_raised_a_fraud_flag_cannot_clear_it(werkzaak: dict[str, Any]) -> None:
    _, _, flag = _flagged_case(werkzaak)
    answer = werkzaak["worker"].post(f"/api/v1/decisions/flags/{flag}/clear",
                                     {"reasoning": "Toch geen tweede baan"}, format="json")
    assert answer.status_code == 403, answer.content
    assert answer.json()["reason"] == "separation_of_duties"
    [entry] = audit("decision.flag_clear.refused", reason="separation_of_duties")
    assert entry.actor == "connie" and entry.detail == {"flag": flag, "kind": "suspected_fraud"}


def test_who_raised_a_fraud_flag_cannot_confirm_it_by_rejecting_alone(werkzaak: dict[str, Any]) -> None:
    from waarborg.engine.decisions.models import Decision

    _, record, _ = _flagged_case(werkzaak)
    answer = werkzaak["worker"].post("/api/v1/decisions", {"record": record, "outcome": "rejected",
                                                           "reasoning": "Fraude vastgesteld"}, format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "separation_of_duties"
    assert len(audit("decision.set.refused", reason="separation_of_duties")) == 1
    assert not Decision.objects.exists()


def test_a_colleague_with_the_case_clears_or_confirms_it(werkzaak: dict[str, Any]) -> None:
    subject, record, flag = _flagged_case(werkzaak)
    kees = werkzaak["colleague"]
    # Without the case, the colleague is refused like anyone outside the caseload
    outside = kees.post(f"/api/v1/decisions/flags/{flag}/clear", {"reasoning": "x"}, format="json")
    assert outside.status_code == 403 and outside.json()["reason"] == "not_assigned"
    # The team leader gives him the case; now he judges the suspicion
    assert assign(werkzaak["leader"], subject, "benefits", staff="kees").status_code == 201
    cleared = kees.post(f"/api/v1/decisions/flags/{flag}/clear",
                        {"reasoning": "Tweede baan is vrijwilligerswerk zonder vergoeding"}, format="json")
    assert cleared.status_code == 200 and cleared.json()["cleared_by"] == "kees"
    assert [e.actor for e in audit("decision.flag_clear")] == ["kees"]
    # Once the suspicion is judged, the case manager decides as usual
    decided = werkzaak["worker"].post("/api/v1/decisions", {"record": record, "outcome": "rejected",
                                                            "reasoning": "Inkomen boven de norm"}, format="json")
    assert decided.status_code == 201, decided.content
