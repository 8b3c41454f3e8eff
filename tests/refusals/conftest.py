"""Refusals on the organisations' own shipped policies, driven through the REST API as staff would.

`org(name)` activates `examples/<name>.yaml` unchanged; `staff(username, roles)` is a persona with a
token; `intake(...)` registers a subject and a record over the API the way the organisation works
(on a need-to-know purpose the caseworker has the case: an intake assigns it, or a coordinator did).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tests.conftest import Persona, activate_example, make_staff


def org(name: str) -> Any:
    from waarborg.engine.policy.active import current

    activate_example(name)
    return current()


def staff(username: str, roles: list[str], **kwargs: Any) -> Persona:
    return Persona(*make_staff(username, roles, **kwargs))


def has_case(persona: Persona, subject_id: str, purpose: str) -> None:
    """The caseworker has this subject in their caseload for `purpose` (need-to-know purposes only): the intake
    put it there, or else the organisation's caseload manager assigns it over the API."""
    from waarborg.engine.policy.active import current
    from waarborg.engine.vault.authorisation import assigned

    policy = current()
    if not policy.purposes[purpose].need_to_know or assigned(persona.user, subject_id, purpose):
        return
    role = next(name for name, spec in policy.roles.items() if "caseloads" in spec.manages)
    manager = staff(f"lead-{uuid.uuid4().hex[:8]}", [role])
    answer = manager.client.post(f"/api/v1/subjects/{subject_id}/assignments",
                                 {"purpose": purpose, "staff": persona.user.username}, format="json")
    assert answer.status_code == 201, answer.content


def new_subject(persona: Persona, purpose: str, **body: Any) -> str:
    """Register a subject for `purpose`; where the policy has groups, in the first group that has the purpose."""
    from waarborg.engine.policy.active import active

    groups = active().policy.subject_groups
    body.setdefault("group", next((g for g, spec in groups.items() if purpose in spec.purposes), ""))
    response = persona.client.post("/api/v1/subjects", body, format="json", HTTP_X_PURPOSE=purpose)
    assert response.status_code == 201, response.content
    subject_id: str = response.json()["id"]
    has_case(persona, subject_id, purpose)
    return subject_id


def store(persona: Persona, subject_id: str, type: str, data: dict[str, Any], purpose: str, *,
          collected_at: datetime | None = None, **body: Any) -> Any:
    """POST /api/v1/records; the answer as the client sees it."""
    payload: dict[str, Any] = {"subject": subject_id, "type": type, "data": data, **body}
    if collected_at is not None:
        payload["collected_at"] = collected_at.isoformat()
    return persona.client.post("/api/v1/records", payload, format="json", HTTP_X_PURPOSE=purpose)


def intake(persona: Persona, type: str, data: dict[str, Any], purpose: str, **kwargs: Any) -> tuple[str, str]:
    """A new subject with one record: (subject id, record id)."""
    subject_id = new_subject(persona, purpose)
    response = store(persona, subject_id, type, data, purpose, **kwargs)
    assert response.status_code == 201, response.content
    return subject_id, response.json()["id"]


def disclose(persona: Persona, subject_id: str, recipient: str, purpose: str, reason: str, **body: Any) -> Any:
    return persona.client.post("/api/v1/disclosures", {"subject": subject_id, "recipient": recipient,
                                                       "purpose": purpose, "reason": reason, **body}, format="json")


def restrict(persona: Persona, subject_id: str, purpose: str = "") -> Any:
    response = persona.client.post("/api/v1/restrictions", {"subject": subject_id, "purpose": purpose,
                                                            "reason": "juistheid betwist"}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def refused(action: str, reason: str, subject_id: str | None = None) -> list[Any]:
    """The refused audit entries of `action` (e.g. "disclosure") with this reason (for this subject)."""
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.keyring.crypto import pseudonym

    entries = AuditEntry.objects.filter(action=f"{action}.refused", outcome="refused", reason=reason)
    if subject_id is not None:
        entries = entries.filter(subject_pseudonym=pseudonym(subject_id))
    return list(entries)
