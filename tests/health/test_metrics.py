"""/metrics: Prometheus figures of sweeps, rights requests, breaches and refusals, for the monitoring
network or token only; never personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client

from tests.breaches.conftest import register
from tests.rights.conftest import file_request
from waarborg.audiences.cli import main
from waarborg.engine.vault.models import Record

NOW = dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC)


def _value(text: str, line_start: str) -> float:
    [line] = [line for line in text.splitlines() if line.startswith(line_start + " ")]
    return float(line.rsplit(" ", 1)[1])


@pytest.mark.django_db
def test_metrics_are_refused_outside_the_monitoring_network(policy: Any) -> None:
    assert Client(REMOTE_ADDR="198.51.100.7").get("/metrics").status_code == 404


@pytest.mark.django_db
def test_metrics_are_given_to_a_client_with_the_token(policy: Any, settings: Any) -> None:
    settings.WAARBORG_METRICS_TOKEN = "s3cret-scrape-token"
    outside = Client(REMOTE_ADDR="198.51.100.7")
    assert outside.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    answer = outside.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_metrics_count_requests_breaches_refusals_and_the_last_sweep(personas: Any, anna: Any) -> None:
    officer = personas["privacy_officer"]
    with time_machine.travel(NOW, tick=False):
        # given an open access request, a breach whose clock runs, a refused read and a sweep that ran
        assert file_request(officer, anna, received_at="2026-03-02T10:00:00+01:00").status_code == 201
        breach = register(officer, aware_at="2026-03-02T09:00:00Z").json()["id"]
        record = Record.objects.filter(subject=anna, purpose="eligibility").get()
        refused = personas["outsider"].get(f"/api/v1/records/{record.pk}?purpose=eligibility")
        assert refused.status_code == 403
        assert main(["jobs", "run", "retention_sweep"]) == 0
        # when Prometheus scrapes from this machine
        text = Client(REMOTE_ADDR="127.0.0.1").get("/metrics").content.decode()
    # then the figures are there
    assert _value(text, 'waarborg_rights_requests{status="received"}') + _value(
        text, 'waarborg_rights_requests{status="awaiting_identification"}') == 1
    assert sum(_value(text, f'waarborg_rights_requests_open_by_deadline{{days_left="{band}"}}')
               for band in ("overdue", "0-7d", "7-14d", "14-28d", "28d+")) == 1
    assert 25 < _value(text, "waarborg_rights_requests_min_days_to_deadline") < 31
    assert _value(text, "waarborg_breaches_open") == 1
    assert _value(text, f'waarborg_breach_authority_hours_left{{breach="{breach}"}}') == 48.0
    assert _value(text, "waarborg_sweep_last_duration_seconds") >= 0
    assert _value(text, 'waarborg_sweep_last_records{action="deleted"}') == 0
    assert _value(text, "waarborg_records_overdue_for_sweep") == 0
    assert 'waarborg_job_last_success_timestamp_seconds{job="retention_sweep"}' in text
    reason = refused.json()["reason"]
    assert _value(text, f'waarborg_refusals_24h{{reason="{reason}"}}') == 1
    # and nothing personal
    assert str(anna.pk) not in text
