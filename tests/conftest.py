"""Shared fixtures: the active policy and named personas with clear access.

Personas (seed 000 policy, `examples/ikzorginassen.yaml`):
- `privacy_officer`: handles requests, breaches, the register; reads every purpose.
- `assessor`: reads and decides award applications (eligibility, payout).
- `project_leader`: events only, need-to-know (assigned registrations only).
- `caseworker`: helpdesk staff.
- `outsider`: a staff account with no role at all.
Each persona comes with an API client authenticated by its own token (`api(persona)`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _fresh_policy_cache() -> Any:
    """Each test starts without a cached policy: its database may hold another one (or none)."""
    from waarborg.engine.keyring.crypto import forget_roots
    from waarborg.engine.policy.active import invalidate

    invalidate()
    forget_roots()
    yield
    invalidate()
    forget_roots()


@pytest.fixture(autouse=True)
def _fresh_rate_counts() -> Any:
    """The API's rate counts live in the cache, which outlives a test's database: each test starts at zero."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _own_audit_checkpoints(settings: Any, tmp_path: Path) -> None:
    """Each test its own checkpoint file: a checkpoint outside the database outlives the test's database."""
    settings.WAARBORG_AUDIT_CHECKPOINTS = tmp_path / "audit-checkpoints.jsonl"


def activate_example(name: str = "ikzorginassen") -> Any:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file

    return activate(load_file(EXAMPLES / f"{name}.yaml"))


@pytest.fixture
def policy(db: Any) -> Any:
    """The seed 000 policy, active."""
    from waarborg.engine.policy.active import current

    activate_example("ikzorginassen")
    return current()


def make_staff(username: str, roles: list[str], **kwargs: Any) -> tuple[Any, str]:
    from waarborg.engine.accounts.actions import staff_create

    user, _, key = staff_create(username, roles, with_token=True, **kwargs)
    assert key is not None
    return user, key


class Persona:
    def __init__(self, user: Any, key: str) -> None:
        self.user = user
        self.key = key
        self.client = APIClient()
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


@pytest.fixture
def personas(policy: Any) -> dict[str, Persona]:
    people = {
        "privacy_officer": make_staff("pia", ["privacy_officer"]),
        "assessor": make_staff("anna", ["assessor"]),
        "project_leader": make_staff("peter", ["project_leader"], team="events-north"),
        "caseworker": make_staff("carl", ["helpdesk"]),
        "outsider": make_staff("otto", []),
    }
    return {name: Persona(user, key) for name, (user, key) in people.items()}


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()
