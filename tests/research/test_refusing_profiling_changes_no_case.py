"""Refusing or withdrawing profiling consent has no effect on any case (S3-10).

Two proofs: the same case gives the same outcome with no, a given, a refused and a withdrawn profiling
consent; and no code outside the research package can even ask for that consent.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

import waarborg

BENEFIT = {"name": "Jan Jansen", "birth_date": "1980-04-12", "bsn": "111222333", "income": "950.00",
           "decision": "granted"}


@pytest.fixture
def case(consultant: Any) -> Any:
    from waarborg.engine.caseloads.actions import assign
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create("system:test")
    for purpose in ("benefits", "reintegration"):
        assign("system:test", subject, purpose, user=consultant.user)
    record_create(consultant.user, subject=subject, type="benefit_file", data=BENEFIT, purpose="benefits")
    return subject


def outcome(consultant: Any, subject: Any) -> dict[str, Any]:
    """Everything the platform decides about this case: access per purpose and action, the decision, selections."""
    from waarborg.core.errors import Refused
    from waarborg.engine.consent.eligibility import eligible_subjects
    from waarborg.engine.records.actions import records_of_subject
    from waarborg.engine.vault.access import check

    allowed = {}
    for purpose in ("benefits", "reintegration", "questions", "recordings"):
        for action in ("read", "write", "decide"):
            try:
                check(consultant.user, action, purpose, subject=subject)
                allowed[(purpose, action)] = "allowed"
            except Refused as exc:
                allowed[(purpose, action)] = exc.reason
    records = [data for _, data in records_of_subject(consultant.user, subject, "benefits")]
    selected = {p: eligible_subjects(p, [subject.pk]) for p in ("benefits", "reintegration")}
    return {"access": allowed, "records": records, "selected": selected}


@pytest.mark.promise("S3-10")
def test_the_same_case_gives_the_same_outcome_whatever_the_profiling_consent(case: Any, consultant: Any) -> None:
    from waarborg.engine.consent.actions import consent_give, consent_refuse, consent_withdraw

    without = outcome(consultant, case)

    consent = consent_give("system:test", subject=case, purpose="profiling", channel="post",
                           evidence={"document": "toestemming profilering"})
    given = outcome(consultant, case)
    consent_withdraw("system:test", consent)
    withdrawn = outcome(consultant, case)
    consent_refuse("system:test", subject=case, purpose="profiling", channel="post",
                   consequences="Geen: weigeren heeft geen invloed op deelname, betrokkenheid en kansen.")
    refused = outcome(consultant, case)

    assert without["access"][("benefits", "decide")] == "allowed"
    assert without["records"][0]["decision"] == "granted"
    assert without == given == withdrawn == refused


# The policy language names the research module's parts (`modules.research.purposes.profiling`) so that a
# policy can say which of its purposes plays each; it reads no consent and decides nothing.
POLICY_LANGUAGE = Path(waarborg.__file__).parent / "engine" / "policy" / "modules.py"
# The policy language itself (the statement's checklist and renderer say whether a purpose profiles) reads no
# consent and decides nothing: the whole engine/policy package is exempt, like modules.py.
POLICY_PACKAGE = Path(waarborg.__file__).parent / "engine" / "policy"


def _modules_outside_research() -> list[Path]:
    root = Path(waarborg.__file__).parent
    return [p for p in root.rglob("*.py") if "research" not in p.relative_to(root).parts
            and "migrations" not in p.parts and p != POLICY_LANGUAGE
            and POLICY_PACKAGE not in p.parents]


@pytest.mark.promise("S3-10")
def test_no_decision_code_can_read_the_profiling_consent() -> None:
    readers = []
    for path in _modules_outside_research():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("waarborg.modules.research"):
                readers.append(f"{path.name}: imports {node.module}")
            elif isinstance(node, ast.Import) and any(a.name.startswith("waarborg.modules.research") for a in node.names):
                readers.append(f"{path.name}: imports waarborg.modules.research")
            elif isinstance(node, ast.Constant) and node.value == "profiling":
                readers.append(f"{path.name}:{node.lineno}: names the profiling purpose")

    assert readers == []
    assert len(_modules_outside_research()) > 50  # the scan really covered the platform
