"""Input that cannot hurt: a JSON body nested thousands deep (small enough for the size limit) is a 400 that
says why, never a 500; a date outside 1900-2200 or in a form only Python would read is a 422; a binary or
non-UTF-8 policy file is one `FILE:1:1: message` line and exit 1, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from waarborg.audiences.cli import main


@pytest.mark.parametrize("levels", [33, 400, 100_000])
def test_json_nested_deeper_than_the_limit_is_a_400_that_says_so(personas: Any, levels: int) -> None:
    # given a body of nested brackets, well under the size limit
    body = "[" * levels + "]" * levels
    # when it is posted to an endpoint that reads JSON
    answer = personas["privacy_officer"].post("/api/v1/subjects", body, content_type="application/json")
    # then it is a 400 naming the limit, in Dutch and English
    assert answer.status_code == 400
    assert answer.json()["detail"] == "JSON is dieper genest dan 32 niveaus. / JSON is nested deeper than 32 levels."


def test_brackets_inside_strings_do_not_count_and_normal_bodies_pass(personas: Any) -> None:
    # given a value of a hundred brackets, and an object nested thirty levels
    officer = personas["assessor"]
    subject = officer.post("/api/v1/subjects", {"external_id": "[{" * 50}, format="json")
    assert subject.status_code == 201, subject.json()
    nested: Any = {"x": 1}
    for _ in range(30):
        nested = {"x": nested}
    # then a body within the limit is read as usual (here refused on its fields, not on its nesting)
    answer = officer.post("/api/v1/records", json.dumps({"subject": subject.json()["id"], "type": "application",
                                                         "data": nested}),
                          content_type="application/json", HTTP_X_PURPOSE="eligibility")
    assert answer.status_code == 422


def test_a_nul_character_in_a_query_or_a_body_is_a_400_on_every_database(personas: Any) -> None:
    # given a NUL character, which PostgreSQL cannot store, in a query parameter, the purpose header or a JSON string
    officer = personas["privacy_officer"]
    answers = [officer.get("/api/v1/assignments", {"staff": "a\x00b"}),
               officer.get("/api/v1/mailings", HTTP_X_PURPOSE="news\x00letter"),
               officer.post("/api/v1/subjects", '{"external_id": "a\\u0000b"}', content_type="application/json")]
    # then each is a 400 that names it, never a 500
    assert [a.status_code for a in answers] == [400, 400, 400]
    assert all("NUL" in a.json()["detail"] for a in answers)


@pytest.mark.parametrize("before", ["0289-01-01", "2201-01-01", "20261231", "2026-W01-1", "2026-02-30"])
def test_a_date_outside_the_years_or_the_form_is_422(personas: Any, before: str) -> None:
    answer = personas["privacy_officer"].get("/api/v1/retention/preview", {"before": before})
    assert answer.status_code in (403, 422)
    if answer.status_code == 422:
        assert answer.json()["errors"]["before"]


@pytest.mark.parametrize(("content", "where", "words"), [
    (bytes(range(256)) * 4, "1:1", "not a UTF-8 text file"),                 # binary
    ("organisation:\n  name: Caf\u00e9\n".encode("latin-1"), "1:1", "not a UTF-8 text file"),
    ("organisation:\n  name: Café\n".encode("utf-16"), "1:1", "not a UTF-8 text file"),
    (b"organisation:\n  name: a\x00b\n", "2:10", "not a text file"),        # decodes, but has a NUL
    (b"[" * 100_000, "1:1", "nested too deeply"),
])
def test_a_policy_file_that_is_not_yaml_text_is_one_line_and_exit_1(
        tmp_path: Path, capsys: Any, content: bytes, where: str, words: str) -> None:
    path = tmp_path / "beleid.yaml"
    path.write_bytes(content)
    assert main(["policy", "check", str(path)]) == 1
    out = capsys.readouterr()
    [line] = out.err.strip().splitlines() or out.out.strip().splitlines()
    assert line.startswith(f"{path}:{where}: ") and words in line and "Traceback" not in out.err
