"""Every format and filter the rights endpoints document (docs/api.md, the OpenAPI schema) works as written."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.rights.conftest import APPLICATION, verified_request
from waarborg.engine.rights.actions import TYPES
from waarborg.engine.rights.delivery import has_pdf
from waarborg.engine.rights.models import Request

# (kind of request, format) -> what the answer is: a content type, or the refusal's status.
EXPORTS = [
    ("access", "json", "application/json"), ("access", "html", "text/html"), ("access", "pdf", "application/pdf"),
    ("access", "csv", "text/csv"),
    ("disclosures", "json", "application/json"), ("disclosures", "html", "text/html"),
    ("disclosures", "pdf", "application/pdf"), ("disclosures", "csv", "text/csv"),
    ("portability", "json", "application/json"), ("portability", "csv", "text/csv"),
    ("portability", "html", 406), ("portability", "pdf", 406), ("access", "docx", 406), ("access", "xml", 406),
]


def _body_ok(type: str, fmt: str, content: bytes, lang: str) -> None:
    if fmt == "json":
        body = json.loads(content)
        assert body["kind"] == type and (body["subject"] if type != "disclosures" else "subject" not in body)
    elif fmt == "html":
        assert f'<html lang="{lang}">' in content.decode()
    elif fmt == "pdf":
        assert content.startswith(b"%PDF")
    else:
        header = next(csv.reader(io.StringIO(content.decode())))
        assert header == {"access": ["purpose", "record", "type", "field", "value"],
                          "portability": ["record", "type", "purpose", "collected_at", "field", "value"],
                          "disclosures": ["at", "recipient", "recipient_label", "purpose", "reason", "categories",
                                          "fields"]}[type]


@pytest.mark.parametrize(("type", "fmt", "expected"), EXPORTS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_documented_export_format_answers_as_documented(personas: dict[str, Any], anna: Any, type: str,
                                                             fmt: str, expected: Any, lang: str) -> None:
    if fmt == "pdf" and not has_pdf():
        pytest.skip("WeasyPrint is not installed: PDF answers 501 (tested in test_access_export)")
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, type)
    answer = officer.get(f"/api/v1/requests/{request_id}/export", {"format": fmt, "lang": lang})
    if isinstance(expected, int):
        assert answer.status_code == expected and "detail" in answer.json()
        return
    assert answer.status_code == 200 and answer["Content-Type"].startswith(expected)
    assert f'filename="{type}-{request_id}.{fmt}"' in answer["Content-Disposition"]
    _body_ok(type, fmt, answer.content, lang)


@pytest.mark.promise("S0-37", "S2-26")
def test_the_access_export_as_csv_has_one_row_per_field_with_stable_columns(personas: dict[str, Any], anna: Any,
                                                                            bert: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "access", channel="post")
    answer = officer.get(f"/api/v1/requests/{request_id}/export", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert list(rows[0]) == ["purpose", "record", "type", "field", "value"]
    application = {r["field"]: r["value"] for r in rows if r["type"] == "application"}
    assert application["name"] == APPLICATION["name"] and application["edition"] == "2025"
    assert {r["purpose"] for r in rows} == {"eligibility", "payout", "helpdesk", "administration"}
    assert {r["record"] for r in rows} == {str(pk) for pk in anna.records.values_list("pk", flat=True)}
    assert "Bert" not in answer.content.decode()


def test_the_request_list_filters_by_type_status_and_overdue_and_refuses_unknown_values(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    with time_machine.travel(timezone.now() - timedelta(days=40), tick=False):
        late = verified_request(officer, anna, "access")
    erasure = verified_request(officer, anna, "erasure")
    complaint = officer.post("/api/v1/requests", {"subject": str(anna.pk), "type": "complaint", "channel": "email"},
                             format="json").json()["id"]

    def ids(**params: str) -> list[str]:
        answer = officer.get("/api/v1/requests", params)
        assert answer.status_code == 200, answer.content
        return [r["id"] for r in answer.json()]

    assert ids() == [late, erasure, complaint]
    for value in ("1", "true", "yes"):
        assert ids(overdue=value) == [late]
    for value in ("0", "false", "no"):
        assert ids(overdue=value) == [late, erasure, complaint]
    for type in TYPES:
        assert ids(type=type) == {"access": [late], "erasure": [erasure], "complaint": [complaint]}.get(type, [])
    for status in Request.Status.values:
        assert ids(status=status) == {"in_progress": [late, erasure], "received": [complaint]}.get(status, [])
    assert ids(type="access", status="in_progress", overdue="1") == [late]
    for name, value in (("type", "wish"), ("status", "lost"), ("overdue", "maybe")):
        answer = officer.get("/api/v1/requests", {name: value})
        assert answer.status_code == 422 and name in answer.json()["errors"]
    assert [r["id"] for r in officer.get("/api/v1/complaints").json()] == [complaint]
