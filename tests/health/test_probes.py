"""Load balancers ask /health/live and /health/ready; they answer over plain HTTP, to any Host, without a
session, and say what is missing. Nothing personal is in them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def production_like(settings: Any) -> Any:
    settings.ALLOWED_HOSTS = ["privacy.example.nl"]
    settings.SECURE_SSL_REDIRECT = True
    return settings


def test_live_answers_without_a_database(production_like: Any) -> None:
    answer = Client(HTTP_HOST="10.1.2.3:8000").get("/health/live")
    assert answer.status_code == 200 and answer.json() == {"status": "live"}


@pytest.mark.django_db
def test_ready_answers_200_over_plain_http_to_an_internal_host_name(policy: Any, production_like: Any) -> None:
    answer = Client(HTTP_HOST="web:8000").get("/health/ready")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ready"
    assert body["checks"] == {"database": "ok", "keys": "ok", "policy": "ok", "redis": "not configured"}
    assert body["last_sweep_age_seconds"] is None and body["last_audit_checkpoint_age_seconds"] is None


@pytest.mark.django_db
def test_ready_answers_503_naming_what_is_missing_when_no_policy_is_active() -> None:
    answer = Client().get("/health/ready")
    assert answer.status_code == 503
    assert answer.json()["checks"]["policy"] == "none active" and answer.json()["status"] == "not ready"


@pytest.mark.django_db
def test_ready_reports_the_age_of_the_last_sweep(policy: Any) -> None:
    from waarborg.audiences.cli import main

    assert main(["jobs", "run", "retention_sweep"]) == 0
    age = Client().get("/health/ready").json()["last_sweep_age_seconds"]
    assert isinstance(age, int) and 0 <= age < 60


@pytest.mark.django_db
def test_ready_says_redis_is_unavailable_when_the_configured_broker_does_not_answer(
        policy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAARBORG_CELERY_BROKER", "redis://127.0.0.1:1/0")
    answer = Client().get("/health/ready")
    assert answer.status_code == 503 and answer.json()["checks"]["redis"] == "unavailable"
