"""The API's edges answer like the rest of it (docs/api.md, "Errors" and "Filters"), on ikzorginassen's shipped
policy: a malformed id is a JSON 404, a format no endpoint offers is 406, a filter value it does not know is 422
with the field named, an error of a CSV endpoint is JSON, and DRF's own messages come in Dutch and English."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient


@pytest.mark.parametrize("path", ["/api/v1/requests/not-a-uuid", "/api/v1/records/123",
                                  "/api/v1/subjects/xyz/records?purpose=eligibility", "/api/v1/no-such-endpoint"])
def test_a_path_that_matches_nothing_under_api_is_a_json_404(personas: dict[str, Any], path: str) -> None:
    answer = personas["privacy_officer"].get(path)
    assert answer.status_code == 404 and answer["Content-Type"].startswith("application/json")
    assert answer.json() == {"detail": "Niet gevonden. / Not found."}


def test_a_page_outside_the_api_keeps_its_html_404(db: Any) -> None:
    from django.test import Client

    answer = Client().get("/portaal/no-such-page")
    assert answer.status_code == 404 and answer["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(("path", "offered"), [("/api/v1/requests?format=xml", "json"),
                                               ("/api/v1/consents?format=xml", "csv, json"),
                                               ("/api/v1/breaches?format=xml", "csv, json")])
def test_a_format_the_endpoint_does_not_offer_is_406_naming_the_ones_it_does(personas: dict[str, Any], path: str,
                                                                          offered: str) -> None:
    answer = personas["privacy_officer"].get(path)
    assert answer.status_code == 406
    assert answer.json()["detail"] == f"format=xml: kies uit / choose from {offered}"


@pytest.mark.parametrize(("path", "field"), [
    ("/api/v1/consents?status=lopend", "status"), ("/api/v1/consents?format=csv&status=lopend", "status"),
    ("/api/v1/notices?status=gisteren", "status"), ("/api/v1/decisions/flags?all=misschien", "all"),
    ("/api/v1/assignments?all=misschien", "all"), ("/api/v1/breaches?format=csv&overdue=2", "overdue"),
    ("/api/v1/requests?overdue=misschien", "overdue")])
def test_a_filter_value_the_endpoint_does_not_know_is_422_with_the_field(personas: dict[str, Any], path: str,
                                                                         field: str) -> None:
    answer = personas["privacy_officer"].get(path)
    assert answer.status_code == 422 and answer["Content-Type"].startswith("application/json")
    [message] = answer.json()["errors"][field]
    assert " / " in message  # Dutch / English


def test_drf_messages_come_in_dutch_and_english(personas: dict[str, Any]) -> None:
    officer = personas["privacy_officer"]
    answers = {
        401: APIClient().get("/api/v1/requests"),
        405: officer.put("/api/v1/requests", {}, format="json"),
        415: officer.post("/api/v1/requests", "x", content_type="text/plain"),
        406: officer.get("/api/v1/requests", HTTP_ACCEPT="application/xml"),
    }
    expected = {401: "Authentication credentials were not provided.", 405: 'Method "PUT" not allowed.',
                415: 'Unsupported media type "text/plain" in request.',
                406: "Could not satisfy the request Accept header."}
    for status, answer in answers.items():
        assert answer.status_code == status
        dutch, english = answer.json()["detail"].split(" / ")
        assert english == expected[status] and dutch and dutch != english
