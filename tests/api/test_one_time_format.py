"""One time format in the API (docs/api.md, "Times"): RFC 3339 in, with an offset (whole minutes), years
1900-2200, everything else 422 on the field; out always UTC with Z, whichever offset came in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import time_machine

from tests.breaches.conftest import register
from waarborg.core import times

SRC = Path(__file__).resolve().parents[2] / "src" / "waarborg"
NOW = dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC)
UTC_Z = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z")


@pytest.mark.parametrize(("sent", "problem"), [
    ("2026-03-02T09:00:00", "Tijdzone ontbreekt"),
    ("2026-03-02T09:00", "Tijdzone ontbreekt"),
    ("2026-03-02", "RFC 3339"),
    ("2026-03-02T09:00+01:00", "RFC 3339"),          # seconds are required
    ("2026-03-02T09:00:00+0100", "RFC 3339"),        # the offset has a colon
    ("2026-03-02T09:00:00+01:00:30", "RFC 3339"),    # whole minutes only
    ("2026-03-02T09:00:00+24:00", "tussen -12:00 en +14:00"),
    ("2026-03-02T09:00:00+23:59", "tussen -12:00 en +14:00"),     # no clock on earth
    ("2026-03-02T09:00:00+01:07", "tussen -12:00 en +14:00"),
    ("2026-03-02T09:00:00-13:00", "tussen -12:00 en +14:00"),
    ("2200-12-31T23:00:00-05:00", "tussen 1900 en 2200"),          # 2201 in UTC
    ("1900-01-01T00:30:00+01:00", "tussen 1900 en 2200"),          # 1899 in UTC
    ("0289-03-02T09:00:00Z", "tussen 1900 en 2200"),
    ("1899-12-31T23:00:00Z", "tussen 1900 en 2200"),
    ("2201-01-01T00:00:00Z", "tussen 1900 en 2200"),
    ("2026-02-30T10:00:00Z", "bestaat niet"),
    ("2026-03-02T24:00:00Z", "bestaat niet"),
    ("gisteren", "RFC 3339"),
    (1772442000, "RFC 3339"),
])
def test_a_moment_outside_the_format_is_422_on_its_field(personas: Any, sent: Any, problem: str) -> None:
    with time_machine.travel(NOW, tick=False):
        answer = register(personas["privacy_officer"], aware_at=sent)
    assert answer.status_code == 422
    [message] = answer.json()["errors"]["aware_at"]
    assert problem in message


@pytest.mark.parametrize("sent", ["2026-03-02T09:00:00+01:00", "2026-03-02T08:00:00Z", "2026-03-02t08:00:00z",
                                  "2026-03-02 08:00:00-00:00", "2026-03-02T03:00:00-05:00",
                                  "2026-03-02T13:45:00+05:45", "2026-03-02T08:00:00.000000Z",
                                  "2026-03-02T22:00:00+14:00", "2026-03-01T22:00:00-10:00"])
def test_any_offset_in_comes_out_as_the_same_moment_in_utc(personas: Any, sent: str) -> None:
    officer = personas["privacy_officer"]
    with time_machine.travel(NOW, tick=False):
        answer = register(officer, aware_at=sent)
        assert answer.status_code == 201, answer.json()
        breach = officer.get(f"/api/v1/breaches/{answer.json()['id']}").json()
    assert answer.json()["authority_due_at"] == "2026-03-05T08:00:00Z"
    assert breach["aware_at"] == "2026-03-02T08:00:00Z"


def test_every_moment_in_answers_is_utc_with_z(personas: Any) -> None:
    # given records, a request and a breach made with local offsets
    officer = personas["privacy_officer"]
    with time_machine.travel(NOW, tick=False):
        breach = register(officer, aware_at="2026-03-02T09:00:00+01:00").json()["id"]
        detail = officer.get(f"/api/v1/breaches/{breach}").json()
    # then every moment in the answer has the one form
    moments = {k: v for k, v in detail.items() if k.endswith("_at") and v}
    assert moments and all(UTC_Z.fullmatch(v) for v in moments.values()), moments


def test_a_record_field_of_type_datetime_is_stored_in_the_same_form(personas: Any) -> None:
    from waarborg.engine.policy.schema import FieldSpec, FieldType
    from waarborg.engine.vault.validation import _datetime

    spec = FieldSpec(category="appointment", type=FieldType.DATETIME)
    assert _datetime("2026-03-10T10:00:00+01:00", spec) == "2026-03-10T09:00:00Z"
    with pytest.raises(ValueError, match="Tijdzone ontbreekt"):
        _datetime("2026-03-10T10:00:00", spec)


def test_the_format_round_trips() -> None:
    moment = times.parse("2026-07-01T12:30:15.5+02:00")
    assert times.rfc3339(moment) == "2026-07-01T10:30:15.500000Z"
    assert times.parse(times.rfc3339(moment)) == moment


def test_no_serializer_declares_drf_s_own_date_time_field() -> None:
    """Every serializer takes its DateTimeField from waarborg.audiences.api.times, so the rule holds everywhere."""
    offenders = [str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
                 if "serializers.DateTimeField(" in path.read_text(encoding="utf-8")
                 and path.name != "times.py"]
    assert offenders == []
