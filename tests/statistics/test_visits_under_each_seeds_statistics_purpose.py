"""Seeds 002 and 003 keep visit data too, each under its own statistics purpose, anonymised the same way."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.statistics.conftest import EDGE_WINDOWS, activate_example, raw_visits
from waarborg.engine.accounts.models import User


@pytest.mark.django_db
@pytest.mark.promise("S2-10", "S2-11")
def test_seed_002_records_ip_time_and_browser_anonymously_for_statistics() -> None:
    activate_example("wlzclientondersteuning")
    Client(REMOTE_ADDR="198.51.100.200", HTTP_USER_AGENT=EDGE_WINDOWS).get("/privacy/")
    [row] = raw_visits()
    assert (row["purpose"], row["ip_prefix"], row["browser"]) == ("statistics", "198.51.100.0", "Edge 126")
    assert row["at"] is not None and row["user_pseudonym"] == ""


@pytest.mark.django_db
@pytest.mark.promise("S3-02", "S3-03")
def test_seed_003_records_a_pseudonym_for_the_user_name_and_a_truncated_ip() -> None:
    activate_example("werkzaak")
    user = User.objects.create_user("jan.jansen", password="zeer-geheim-wachtwoord-17", kind=User.Kind.CITIZEN)
    browser = Client(REMOTE_ADDR="::ffff:192.0.2.55", HTTP_USER_AGENT=EDGE_WINDOWS)
    browser.force_login(user)
    browser.get("/privacy/")
    [row] = raw_visits()
    assert row["purpose"] == "statistics"
    assert row["ip_prefix"] == "192.0.2.0"  # an IPv4 address in IPv6 dress is truncated as IPv4
    assert len(row["user_pseudonym"]) == 32 and "jan" not in row["user_pseudonym"]
