"""S4-23: the kinds of breach the seeds name can be recorded."""

from __future__ import annotations

from typing import Any

import pytest

from tests.breaches.conftest import register


@pytest.mark.promise("S4-23")
@pytest.mark.parametrize("kind", ["misaddressed_email", "misaddressed_letter", "website_overexposure", "lost_file",
                                  "unauthorised_access", "other"])
def test_each_named_kind_can_be_registered(officer: Any, kind: str) -> None:
    response = register(officer, kind=kind, aware_at="2026-01-05T10:00:00+01:00")
    assert response.status_code == 201
    detail = officer.client.get(f"/api/v1/breaches/{response.json()['id']}").json()
    assert detail["kind"] == kind


@pytest.mark.promise("S4-23")
def test_an_unknown_kind_is_invalid(officer: Any) -> None:
    response = register(officer, kind="alien_abduction")
    assert response.status_code == 422 and "kind" in response.json()["errors"]
