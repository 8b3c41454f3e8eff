"""Every purpose names its legal basis, and the law or contract behind it where the basis needs one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.consent.conftest import CARE_POLICY
from waarborg.audiences.cli import main


@pytest.mark.promise("S4-03")
@pytest.mark.parametrize(("basis", "detail"), [
    ("legal_obligation", "law"), ("contract", "contract"), ("public_task", "law")])
def test_a_purpose_on_law_or_contract_that_does_not_name_it_is_rejected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], basis: str, detail: str) -> None:
    # Given the care policy where `indication` names its basis but not the law or contract behind it
    text = CARE_POLICY.read_text(encoding="utf-8").replace(
        '    basis: legal_obligation\n    basis_detail: {law: "Wet langdurige zorg, art. 3.2.3"}\n',
        f"    basis: {basis}\n")
    broken = tmp_path / "care.yaml"
    broken.write_text(text, encoding="utf-8")
    # When it is checked
    status = main(["policy", "check", str(broken)])
    # Then it is rejected, pointing at the purpose
    assert status == 1
    err = capsys.readouterr().err
    assert "indication" in err and detail in err


@pytest.mark.promise("S4-03")
def test_the_example_policies_name_the_law_or_contract_of_each_such_purpose() -> None:
    from waarborg.engine.policy.loader import load_file

    examples = Path(__file__).resolve().parents[2] / "examples"
    for path in [*sorted(examples.glob("*.yaml")), CARE_POLICY]:
        for name, purpose in load_file(path).policy.purposes.items():
            if purpose.basis.value in ("legal_obligation", "public_task"):
                assert purpose.basis_detail.law, f"{path.name}: {name}"
            if purpose.basis.value == "contract":
                assert purpose.basis_detail.contract, f"{path.name}: {name}"
