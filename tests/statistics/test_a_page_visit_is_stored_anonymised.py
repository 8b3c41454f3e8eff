"""A visit to a public page leaves one row under the statistics purpose: truncated IP, operating system,
browser, time of request and (when logged in) a pseudonym of the user name. Never the raw values."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.statistics.conftest import CHROME_ANDROID, FIREFOX_WINDOWS, SAFARI_IPHONE, activate_example, raw_visits
from waarborg.engine.accounts.models import User

NOON = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.get_fixed_timezone(60))


@pytest.mark.promise("S0-01", "S2-10", "S3-03")
def test_a_visit_of_the_privacy_statement_is_a_statistics_row_with_ip_os_browser_and_time(policy: Any) -> None:
    with time_machine.travel(NOON, tick=False):
        answer = Client(REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT=FIREFOX_WINDOWS).get("/privacy/")
    assert answer.status_code == 200
    [row] = raw_visits()
    assert row["purpose"] == "statistics"
    assert row["page"] == "/privacy/"
    assert row["ip_prefix"] == "203.0.113.0"
    assert row["os"] == "Windows" and row["browser"] == "Firefox 128"
    assert timezone.localtime(_aware(row["at"])) == timezone.localtime(NOON)
    assert row["user_pseudonym"] == ""
    assert "203.0.113.77" not in repr(row) and "Mozilla" not in repr(row)  # neither raw IP nor fingerprint


@pytest.mark.promise("S0-01", "S3-02", "S3-03", "S2-11", "S0-23")
def test_a_logged_in_visitor_is_a_daily_pseudonym_never_the_user_name(policy: Any) -> None:
    citizen = User.objects.create_user("anna.devries", password="zeer-geheim-wachtwoord-17", kind=User.Kind.CITIZEN)
    browser = Client(REMOTE_ADDR="2001:db8:abcd:12:1:2:3:4", HTTP_USER_AGENT=SAFARI_IPHONE)
    browser.force_login(citizen)
    with time_machine.travel(NOON, tick=False):
        browser.get("/privacy/")
        browser.get("/privacy/versions/")
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        browser.get("/privacy/")
    first, second, next_day = raw_visits()
    assert first["ip_prefix"] == "2001:db8:abcd::"  # IPv6 cut to its /48
    assert (first["os"], first["browser"]) == ("iOS", "Safari 17")
    assert first["user_pseudonym"] and first["user_pseudonym"] == second["user_pseudonym"]  # one visitor that day
    assert next_day["user_pseudonym"] != first["user_pseudonym"]  # but not followed across days
    for row in (first, second, next_day):
        assert "anna" not in repr(row).lower() and str(citizen.pk) not in (row["user_pseudonym"], row["page"])
    assert set(raw_visits()[0]) == {"id", "purpose", "at", "page", "ip_prefix", "os", "browser",
                                            "user_pseudonym"}  # no account id, e-mail or name column


@pytest.mark.promise("S2-11")
def test_the_page_is_the_url_pattern_so_ids_in_paths_are_not_kept(policy: Any) -> None:
    Client(HTTP_USER_AGENT=CHROME_ANDROID).get("/privacy/versions/1/")
    [row] = raw_visits()
    assert row["page"] == "/privacy/versions/<int:number>/"
    assert (row["os"], row["browser"]) == ("Android", "Chrome 126")


def test_api_calls_and_unknown_pages_are_not_page_visits(policy: Any) -> None:
    client = Client()
    assert client.get("/api/v1/schema/").status_code in (200, 401, 403)
    assert client.get("/privacy/bestaat-niet/").status_code == 404
    assert raw_visits() == []


@pytest.mark.django_db
def test_a_policy_without_a_statistics_purpose_records_no_visits() -> None:
    activate_example("kwartier")  # seed 004 names no visit statistics: no ground to record them
    assert Client().get("/privacy/").status_code == 200
    assert raw_visits() == []


def _aware(value: Any) -> datetime:
    if isinstance(value, str):  # SQLite hands back text
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.get_fixed_timezone(0))
