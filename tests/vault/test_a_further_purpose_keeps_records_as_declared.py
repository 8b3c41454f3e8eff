"""Further processing may keep, not only read (`further_processing: [{of, access: [keep], keep_for}]`): "complaints
about our care can come up to a year after the file's own period, so the complaints desk keeps the care file one
year longer". The clock, the sweep, the statement and the register all say the same; a purpose that only keeps
does not read. Through the command line (`policy check`, `policy activate`, `sweep`) and the REST API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import time_machine
import yaml

from tests.conftest import Persona, make_staff
from tests.retention.conftest import at, record_exists
from waarborg.audiences.cli import main
from waarborg.engine.records.actions import record_create, subject_create

POLICY: dict[str, Any] = {
    "organisation": {"id": "thuiszorg_oost", "name": "Thuiszorg Oost", "privacy_contact": {"email": "privacy@tzo.nl"}},
    "statement": {"version": "1", "effective": "2024-01-01"},
    "categories": {"contact": {"label": "Contactgegevens"}, "complaint": {"label": "Klacht"}},
    "purposes": {
        "care": {"label": "Zorg", "description": "Zorg thuis", "basis": "contract",
                 "basis_detail": {"contract": "Zorgovereenkomst"}},
        "complaints": {"label": "Klachten", "description": "Klachten over de zorg", "basis": "legal_obligation",
                       "basis_detail": {"law": "Wkkgz"},
                       "further_processing": [{"of": "care", "access": ["keep"], "keep_for": "P1Y",
                                               "law": "Wkkgz art. 17"}]},
    },
    "record_types": {
        "care_file": {"purpose": "care", "label": "Zorgdossier", "retention": "two_years",
                      "fields": {"name": {"category": "contact"}}},
        "complaint": {"purpose": "complaints", "label": "Klacht", "retention": "two_years",
                      "fields": {"text": {"category": "complaint"}}},
    },
    "retention": {"two_years": {"period": "P2Y"}},
    "roles": {"coordinator": {"label": "Coördinator", "privacy_officer": True, "manages": ["retention"],
                              "grants": {"care": ["read", "write"], "complaints": ["read", "write"]}}},
}


def _activate(tmp_path: Path, policy: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "thuiszorg.yaml"
    path.write_text(yaml.safe_dump(policy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["policy", "check", str(path)]) == 0, capsys.readouterr().err
    assert main(["policy", "activate", str(path)]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def coordinator(db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Persona:
    _activate(tmp_path, POLICY, capsys)
    return Persona(*make_staff("cora", ["coordinator"]))


def _care_file(coordinator: Persona) -> Any:
    with time_machine.travel(at(2024, 3, 1), tick=False):
        subject = subject_create(coordinator.user)
        return record_create(coordinator.user, subject=subject, type="care_file", purpose="care",
                             data={"name": "Jan Bakker"}, collected_at=at(2024, 3, 1))


def _sweep(capsys: pytest.CaptureFixture[str], when: Any) -> str:
    with time_machine.travel(when, tick=False):
        assert main(["sweep"]) == 0
    return capsys.readouterr().out


def test_the_care_file_is_kept_a_year_past_its_own_period_for_complaints(
        coordinator: Persona, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a care file collected on 1 March 2024 under a two-year rule, which complaints keeps one year longer
    record = _care_file(coordinator)
    with time_machine.travel(at(2024, 3, 2), tick=False):
        shown = coordinator.get(f"/api/v1/records/{record.pk}/retention").json()
    # Then the clock says 1 March 2027, and why
    assert shown["expires_at"].startswith("2027-03-01"), shown
    assert "Voor het doel ‘Klachten’ worden de gegevens daarna nog 1 jaar bewaard." in shown["explanation"]
    # When the sweep runs after the file's own two years, it stays; after the third year, it goes
    assert "total: 0 deleted" in _sweep(capsys, at(2026, 3, 2))
    assert record_exists(record)
    assert "two_years: 1 deleted" in _sweep(capsys, at(2027, 3, 1, 13))
    assert not record_exists(record)


def test_a_purpose_that_only_keeps_does_not_read(coordinator: Persona) -> None:
    record = _care_file(coordinator)
    answer = coordinator.get(f"/api/v1/records/{record.pk}", {"purpose": "complaints"})
    assert answer.status_code == 403 and answer.json()["reason"] == "purpose_mismatch"


def test_the_statement_and_the_register_say_the_care_file_is_kept_longer(
        coordinator: Persona, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "statement", "--format", "md"]) == 0
    statement = capsys.readouterr().out
    assert ("Voor het doel ‘Klachten’ bewaren wij gegevens die wij kregen voor ‘Zorg’ nog 1 jaar langer dan hun "
            "eigen bewaartermijn.") in statement
    assert "lezen wij ook gegevens" not in statement  # it keeps, it does not read
    assert main(["render", "register", "--format", "csv"]) == 0
    assert "bewaart P1Y langer gegevens van 'Zorg' (Wkkgz art. 17)" in capsys.readouterr().out


@pytest.mark.parametrize(("further", "where", "message"), [
    ({"of": "care", "access": ["keep"], "law": "Wkkgz art. 17"}, "access",
     "purpose 'complaints' keeps records of 'care' but says not how long: give keep_for"),
    ({"of": "care", "access": ["read"], "keep_for": "P1Y", "law": "Wkkgz art. 17"}, "keep_for",
     "purpose 'complaints' gives keep_for for 'care' but its access does not list keep"),
])
def test_keeping_without_a_period_or_a_period_without_keeping_fails_the_check(
        db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], further: dict[str, Any], where: str,
        message: str) -> None:
    policy = {**POLICY, "purposes": {**POLICY["purposes"], "complaints": {
        **POLICY["purposes"]["complaints"], "further_processing": [further]}}}
    path = tmp_path / "bad.yaml"
    text = yaml.safe_dump(policy, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    assert main(["policy", "check", str(path)]) == 1
    err = capsys.readouterr().err
    # at the value of `where` (a block list starts on the line after its key)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.lstrip(" -").startswith(f"{where}:"))
    assert any(row.startswith((f"{path}:{line}:", f"{path}:{line + 1}:")) and message in row
               for row in err.splitlines()), err
