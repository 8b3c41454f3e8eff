"""The public /privacy/ pages: the statement of the running policy, its version history, the register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from waarborg.engine.policy.active import activate
from waarborg.engine.policy.loader import load_file, load_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _activate(name: str, **replace: str) -> Any:
    source = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in source
        source = source.replace(old, new, 1)
    return activate(load_text(source, f"{name}.yaml"))


@pytest.mark.django_db
def test_without_an_active_policy_the_statement_is_not_found(client: Client) -> None:
    assert client.get("/privacy/").status_code == 404


@pytest.mark.django_db
@pytest.mark.promise("S0-41", "S1-28", "S4-24")
def test_privacy_page_shows_the_running_statement_with_the_ap_complaint_link(client: Client) -> None:
    # Given the seed 000 policy is active
    _activate("ikzorginassen")
    # When anyone opens the privacy page
    response = client.get("/privacy/")
    # Then it is the statement, with how to complain to the AP
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Privacyverklaring Valtes</h1>" in body
    assert "privacy@valtes.nl" in body
    assert "Algemene verordening gegevensbescherming (AVG)" in body
    assert ('<a href="https://www.autoriteitpersoonsgegevens.nl/nl/zelf-doen/privacyrechten/'
            'klacht-indienen-bij-de-ap">') in body


@pytest.mark.django_db
def test_privacy_page_in_english_on_request(client: Client) -> None:
    _activate("ikzorginassen")
    body = client.get("/privacy/?lang=en").content.decode()
    assert "<h1>Privacy statement Valtes</h1>" in body
    assert "Until you unsubscribe." in body


@pytest.mark.django_db
@pytest.mark.promise("S0-42")
def test_cookie_statement_is_served_on_the_privacy_page(client: Client) -> None:
    _activate("ikzorginassen")
    body = client.get("/privacy/").content.decode()
    assert '<h2 id="cookies">Cookies</h2>' in body
    for name in ("sessionid", "csrftoken", "statistics"):
        assert f"<code>{name}</code>" in body


@pytest.mark.django_db
@pytest.mark.promise("S2-31")
def test_publishing_a_new_statement_makes_it_public_and_keeps_the_history(client: Client) -> None:
    # Given statement 2.2 of 2020-07-01 is published
    _activate("wlzclientondersteuning")
    assert "Dit is versie 2.2. Die geldt vanaf 1 juli 2020." in client.get("/privacy/").content.decode()
    # When version 2.3 is activated
    _activate("wlzclientondersteuning", **{
        'version: "2.2"\n  effective: 2020-07-01': 'version: "2.3"\n  effective: 2021-03-01',
    })
    # Then the privacy page shows 2.3
    assert "Dit is versie 2.3. Die geldt vanaf 1 maart 2021." in client.get("/privacy/").content.decode()
    # And the version list shows both, newest first, with the current one marked
    versions = client.get("/privacy/versions/").content.decode()
    assert versions.index("<td>2.3</td>") < versions.index("<td>2.2</td>")
    assert "(huidig)" in versions and "2021-03-01" in versions and "2020-07-01" in versions
    # And the earlier statement is still there to read
    first = client.get("/privacy/versions/1/")
    assert first.status_code == 200
    assert "Dit is versie 2.2. Die geldt vanaf 1 juli 2020." in first.content.decode()
    assert client.get("/privacy/versions/3/").status_code == 404


@pytest.mark.django_db
@pytest.mark.promise("S0-25")
def test_register_served_matches_the_running_policy(client: Client) -> None:
    # Given seed 002 is running
    _activate("wlzclientondersteuning")
    policy = load_file(EXAMPLES / "wlzclientondersteuning.yaml").policy
    # When the register is fetched
    response = client.get("/privacy/register.json")
    # Then it lists exactly the running purposes
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    activities = response.json()["activities"]
    assert [a["purpose"] for a in activities] == list(policy.purposes)
    # And switching the policy switches the register
    _activate("kwartier")
    assert [a["purpose"] for a in client.get("/privacy/register.json").json()["activities"]] == list(
        load_file(EXAMPLES / "kwartier.yaml").policy.purposes)
    assert client.get("/privacy/register.csv")["Content-Type"] == "text/csv"
    assert client.get("/privacy/register.jsonld")["Content-Type"] == "application/ld+json"
    assert client.get("/privacy/register.xml").status_code == 404
