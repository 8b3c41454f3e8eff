"""Every example policy validates, and `waarborg policy check` says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from waarborg.audiences.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_policy_passes_check(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "check", str(example)]) == 0
    assert f"{example}: ok" in capsys.readouterr().out


def test_broken_policy_reports_file_line_column_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organisation:\n  id: x\n  name: X\n  bogus: 1\n", encoding="utf-8")
    assert main(["policy", "check", str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:4:3: organisation.bogus: unknown key 'bogus'" in err
