"""Kwartier (seed 004) on its shipped policy, `examples/kwartier.yaml`, driven only through the front door.

The personas are the caseload ones (tests/caseloads/conftest.py): social workers `sanne` and `sam`
(wijkteam_noord) and `saskia` (wijkteam_zuid), team leader `tim`, `ad` of the financial administration and
privacy officer `pia`, each with an API token. `intake` registers a client the way a social worker does: the
client becomes hers on every need-to-know purpose she writes (support, emergency, signalling).
"""

from __future__ import annotations

from typing import Any

from tests.caseloads.conftest import kwartier, new_subject, register, store  # noqa: F401 (fixture, helpers)
from tests.conftest import Persona

CLIENT_FILE = {"name": "Joke de Vries", "birth_date": "1948-03-12", "address": "Kerkstraat 12, Wijk Noord",
               "email": "joke@example.nl", "request": "Hulp bij de administratie en boodschappen",
               "source": "self"}


def intake(worker: Persona, **body: Any) -> str:
    """A social worker registers a new client (no purpose named: every need-to-know purpose she writes)."""
    answer = register(worker, **body)
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


def audit_log(officer: Persona, **filters: str) -> list[dict[str, Any]]:
    """The audit log as the privacy officer reads it (GET /api/v1/audit/entries), oldest first."""
    answer = officer.get("/api/v1/audit/entries", {"limit": 500, **filters})
    assert answer.status_code == 200, answer.content
    return list(answer.json()["entries"])


def refusals(officer: Persona, reason: str, actor: str = "") -> list[dict[str, Any]]:
    """The refused attempts with this reason (by this actor) the privacy officer finds in the audit log."""
    return [e for e in audit_log(officer) if e["outcome"] == "refused" and e["reason"] == reason
            and (not actor or e["actor"] == actor)]
