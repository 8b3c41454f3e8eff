"""Activating a policy stores an immutable, hashed version; an invalid file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from waarborg.audiences.cli import main
from waarborg.engine.policy.models import PolicyVersion

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"


@pytest.mark.django_db(transaction=True)
def test_activate_prints_the_new_version_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "activate", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "1"
    current = PolicyVersion.objects.get(is_current=True)
    assert current.number == 1 and len(current.sha256) == 64 and current.organisation == "valtes"


@pytest.mark.django_db(transaction=True)
def test_invalid_policy_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "activate", str(EXAMPLE)]) == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace("basis: consent", "basis: whim", 1), encoding="utf-8")
    assert main(["policy", "activate", str(broken)]) == 1
    assert "basis" in capsys.readouterr().err
    assert list(PolicyVersion.objects.values_list("number", "is_current")) == [(1, True)]
