"""API rate limits: each token has its own budget; over it, 429 with Retry-After and words in both languages.
Anonymous calls count per client address."""

from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

from tests.conftest import make_staff


def _client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_token_over_its_rate_gets_429_with_retry_after_and_others_are_not_slowed(policy: Any, settings: Any) -> None:
    # given a rate of three calls a minute per token, and two integrations
    settings.WAARBORG_API_RATE = "3/min"
    _, busy = make_staff("intake", ["helpdesk"], service=True)
    _, calm = make_staff("casesystem", ["helpdesk"], service=True)
    # when the first makes four calls
    answers = [_client(busy).get("/api/v1/assignments", {"staff": "me"}) for _ in range(4)]
    # then the fourth is 429, says when to come back, in Dutch and English
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[3]["Retry-After"]) <= 60
    assert answers[3].json()["detail"].startswith("Te veel verzoeken") and "Too many requests" in answers[3].json()["detail"]
    # and the other token still has its own budget
    assert _client(calm).get("/api/v1/assignments", {"staff": "me"}).status_code == 200


def test_anonymous_calls_count_per_address(policy: Any, settings: Any) -> None:
    # given a rate of two anonymous calls a minute
    settings.WAARBORG_API_ANON_RATE = "2/min"
    # when one address calls a public endpoint three times
    answers = [APIClient(REMOTE_ADDR="192.0.2.1").get("/api/v1/schema/") for _ in range(3)]
    # then the third is 429 with Retry-After, and another address is still served
    assert [a.status_code for a in answers] == [200, 200, 429] and answers[2]["Retry-After"]
    assert APIClient(REMOTE_ADDR="192.0.2.2").get("/api/v1/schema/").status_code == 200


def test_off_lifts_the_limit(policy: Any, settings: Any) -> None:
    settings.WAARBORG_API_RATE = "off"
    _, key = make_staff("intake", ["helpdesk"], service=True)
    assert {_client(key).get("/api/v1/assignments", {"staff": "me"}).status_code for _ in range(30)} == {200}
