"""The analytics export gives the privacy officer counts per day, page and browser; never a visit row."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.statistics.conftest import EDGE_WINDOWS, FIREFOX_WINDOWS, raw_visits
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.models import AuditEntry

URL = "/api/v1/statistics/visits"


def visit(path: str, user_agent: str, address: str, user: Any = None) -> None:
    client = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent)
    if user is not None:
        client.force_login(user)
    assert client.get(path).status_code == 200


def test_strangers_get_nothing(personas: Any, anonymous: Any) -> None:
    assert anonymous.get(URL, {"purpose": "statistics"}).status_code == 401
    for name in ("outsider", "assessor"):
        answer = personas[name].get(URL, {"purpose": "statistics"})
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(action="statistics.export.refused", outcome="refused").count() == 2


@pytest.mark.promise("S3-31")
def test_the_export_names_the_statistics_purpose(personas: Any) -> None:
    officer = personas["privacy_officer"]
    assert officer.get(URL).status_code == 400
    answer = officer.get(URL, {"purpose": "eligibility"})
    assert answer.status_code == 403 and answer.json()["reason"] == "purpose_mismatch"


@pytest.mark.promise("S0-02", "S3-31", "S0-23")
def test_the_privacy_officer_gets_counts_without_any_address_or_pseudonym(personas: Any) -> None:
    citizen = User.objects.create_user("bert.bakker", password="zeer-geheim-wachtwoord-17", kind=User.Kind.CITIZEN)
    visit("/privacy/", FIREFOX_WINDOWS, "198.51.100.23")
    visit("/privacy/", FIREFOX_WINDOWS, "198.51.100.24", user=citizen)
    visit("/privacy/", EDGE_WINDOWS, "192.0.2.9")
    visit("/privacy/versions/", EDGE_WINDOWS, "192.0.2.9")
    stored = raw_visits()
    answer = personas["privacy_officer"].get(URL, {"purpose": "statistics", "by": "page,browser"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["rows"] == [
        {"page": "/privacy/", "browser": "Edge 126", "visits": 1},
        {"page": "/privacy/", "browser": "Firefox 128", "visits": 2},
        {"page": "/privacy/versions/", "browser": "Edge 126", "visits": 1},
    ]
    text = json.dumps(body)
    for row in stored:  # nothing of a single visit leaves: no IP prefix, no pseudonym, no row id
        assert row["ip_prefix"] not in text
        assert not row["user_pseudonym"] or row["user_pseudonym"] not in text
    assert "bert" not in text and "198.51.100" not in text
    [entry] = AuditEntry.objects.filter(action="statistics.export")
    assert entry.detail["rows"] == 3 and entry.actor == "pia"


@pytest.mark.promise("S0-02")
def test_visits_are_counted_per_day(personas: Any) -> None:
    visit("/privacy/", FIREFOX_WINDOWS, "198.51.100.23")
    answer = personas["privacy_officer"].get(URL, {"purpose": "statistics", "by": "day"})
    assert [set(r) for r in answer.json()["rows"]] == [{"day", "visits"}]
    assert answer.json()["rows"][0]["visits"] == 1
    assert personas["privacy_officer"].get(URL, {"purpose": "statistics", "by": "ip_prefix"}).status_code == 422
