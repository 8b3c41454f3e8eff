"""`waarborg audit export-logboek` writes one Logboek Dataverwerkingen span per processing, without staff."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from waarborg.audiences.cli import main
from waarborg.engine.keyring.crypto import pseudonym

from .conftest import process_application

SPAN_FIELDS = {"trace_id", "span_id", "name", "start_time", "end_time", "status_code", "status", "resource",
               "attributes"}


def export(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert main(["audit", "export-logboek", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.promise("S0-24")
def test_each_processing_becomes_a_span_with_the_dpl_core_attributes(processed: Any,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    spans = export(capsys)
    # then the three processings of the subject are there, in order, as spans
    assert [s["name"] for s in spans] == ["subject.create", "record.create", "record.read"]
    for span in spans:
        assert set(span) == SPAN_FIELDS
        assert re.fullmatch(r"[0-9a-f]{32}", span["trace_id"]) and re.fullmatch(r"[0-9a-f]{16}", span["span_id"])
        assert span["status"] == "OK" and span["status_code"] == "STATUS_CODE_OK"
        assert span["start_time"] == span["end_time"] and span["start_time"].endswith("Z")
        assert span["attributes"]["dpl.core.data_subject_id"] == pseudonym(processed.subject.pk)
        assert span["attributes"]["dpl.core.data_subject_id_type"] == "pseudonym"
    assert spans[2]["attributes"]["dpl.core.processing_activity_id"] == "valtes/eligibility"
    assert len({s["span_id"] for s in spans}) == 3


def test_spans_carry_no_staff_identity_and_no_refusals(processed: Any, personas: dict[str, Any],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.engine.audit.log import append

    append(action="read.refused", actor=personas["outsider"].user, purpose="eligibility",
           subject=processed.subject, outcome="refused", reason="role_not_granted")
    text = json.dumps(export(capsys))
    assert "anna" not in text and "otto" not in text and "assessor" not in text
    assert "actor" not in text and "refused" not in text


def test_export_is_filtered_by_date_and_subject(personas: dict[str, Any], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # Given one subject processed in January and another now
    assessor = personas["assessor"].user
    with time_machine.travel(timezone.now() - timedelta(days=60), tick=False):
        old = process_application(assessor, external_id="old")
    new = process_application(assessor, external_id="new")
    since = (timezone.localdate() - timedelta(days=1)).isoformat()
    # when exported since yesterday, then only the new processing is there
    recent = export(capsys, "--since", since)
    assert {s["attributes"]["dpl.core.data_subject_id"] for s in recent} == {pseudonym(new.subject.pk)}
    # and per subject, to a file, only that subject's spans
    out = tmp_path / "logboek.jsonl"
    assert main(["audit", "export-logboek", "--subject", str(old.subject.pk), "--output", str(out)]) == 0
    own = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [s["name"] for s in own] == ["subject.create", "record.create", "record.read"]
    assert {s["attributes"]["dpl.core.data_subject_id"] for s in own} == {pseudonym(old.subject.pk)}


def test_a_bad_date_is_a_user_error(policy: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "export-logboek", "--since", "gisteren"]) == 1
    assert "--since" in capsys.readouterr().err
