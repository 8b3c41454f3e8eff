"""S1-18, S3-17, S4-09: every record type has a retention rule with its reason (necessity or a
law); a record type without one cannot exist, because the policy is refused with the location."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.retention.conftest import HERE
from waarborg.audiences.cli import main
from waarborg.engine.policy.loader import load_file


@pytest.mark.promise("S1-18")
def test_a_record_type_without_a_rule_fails_the_policy_check_with_its_location(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (HERE / "clientondersteuning.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "no-rule.yaml"
    broken.write_text(source.replace("    retention: lead_4w\n", "", 1), encoding="utf-8")

    assert main(["policy", "check", str(broken)]) == 1
    err = capsys.readouterr().err
    line = source.splitlines().index("    purpose: intake") + 1  # the lead's mapping starts here
    assert f"{broken}:{line}:5: record_types.lead: required key 'retention' is missing" in err


@pytest.mark.promise("S1-18")
def test_a_record_type_naming_an_unknown_rule_fails_the_policy_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (HERE / "clientondersteuning.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "unknown-rule.yaml"
    broken.write_text(source.replace("retention: lead_4w", "retention: forever", 1), encoding="utf-8")

    assert main(["policy", "check", str(broken)]) == 1
    err = capsys.readouterr().err
    line = next(i for i, text in enumerate(source.splitlines(), 1) if "retention: lead_4w" in text)
    assert f"{broken}:{line}:" in err and "'forever'" in err


@pytest.mark.promise("S3-17", "S4-09")
@pytest.mark.parametrize("policy_file", [EXAMPLES / "ikzorginassen.yaml", HERE / "clientondersteuning.yaml"])
def test_every_record_type_has_a_rule_with_its_reason(policy_file: Path) -> None:
    policy: Any = load_file(policy_file).policy
    for name, record_type in policy.record_types.items():
        rule = policy.retention[record_type.retention]
        assert rule.period is not None or rule.until is not None, name
        assert rule.reason in ("necessity", "legal"), name
        if rule.reason == "legal":
            assert rule.legal_ground, name
