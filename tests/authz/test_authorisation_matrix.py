"""The authorisation matrix: every role of every shipped policy, against every data endpoint, on a subject it
is not assigned to or a purpose it does not hold, answers 403 with a reason and leaves a refused entry in the
audit log. Nothing is read or changed through a door the policy keeps shut.

Per organisation, a writer of each purpose stores one record of every record type over the API (an intake,
so on need-to-know purposes the writer has the case). Then a fresh staff member per role (holding that role
only, in no caseload) knocks on each door for each record whose purpose that role either does not hold, or
holds only on a need-to-know basis. The cells where the role may legitimately look are left out: those are
the caseworkers' own tests.

Rights requests are the other way round the vault: whoever handles requests registers one for the subject,
but cannot download the export before the identity is verified, and cannot verify it alone.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.conftest import Persona
from tests.refusals.conftest import new_subject, org, staff, store

ORGANISATIONS = ["ikzorginassen", "socialekaart", "wlzclientondersteuning", "werkzaak", "kwartier", "debrug",
                 "lindehof"]

SAMPLES = {
    "text": "Voorbeeld", "longtext": "Een korte notitie.", "date": "2026-01-05", "datetime": "2026-01-05T10:00:00Z",
    "integer": 3, "decimal": "12.50", "boolean": True, "email": "iemand@example.nl", "phone": "0592 123456",
    "postcode": "9401 AA", "bsn": "111222333", "iban": "NL91ABNA0417164300", "url": "https://example.nl",
    "ip": "192.0.2.1",
}


def sample(spec: Any) -> Any:
    if spec.type == "choice":
        return next(c for c in spec.choices if c not in spec.needs_signed_consent)
    return SAMPLES[spec.type.value]


def writer_role(policy: Any, purpose: str) -> str | None:
    return next((name for name, role in policy.roles.items()
                 if "write" in {a.value for a in role.grants.get(purpose, ())}), None)


def stored_records(policy: Any) -> list[tuple[str, str, str, str]]:
    """One record of every record type a staff role writes: (purpose, type, subject id, record id)."""
    stored = []
    for type_name, record_type in policy.record_types.items():
        role = writer_role(policy, record_type.purpose)
        if role is None or record_type.public_form:
            continue
        team = next(iter(policy.teams), "") if policy.roles[role].need_to_know else ""
        writer = staff(f"w-{uuid.uuid4().hex[:8]}", [role], team=team)
        data = {name: sample(spec) for name, spec in record_type.fields.items() if spec.required}
        purpose = policy.purposes[record_type.purpose]
        subject_id = new_subject(writer, record_type.purpose)
        if purpose.basis == "consent" or purpose.art9_condition == "explicit_consent":
            consents = next(r for r, spec in policy.roles.items() if "consents" in spec.manages)
            answer = staff(f"c-{uuid.uuid4().hex[:8]}", [consents]).client.post(
                "/api/v1/consents", {"subject": subject_id, "purpose": record_type.purpose,
                                     "evidence": {"document": "TV-1", "scope": ["general", "special"]}}, format="json")
            assert answer.status_code == 201, answer.content
        answer = store(writer, subject_id, type_name, data, record_type.purpose)
        assert answer.status_code == 201, (type_name, answer.content)
        record_id = answer.json()["id"]
        stored.append((record_type.purpose, type_name, subject_id, record_id))
    return stored


def shut(policy: Any, role: str, purpose: str) -> bool:
    """May a member of `role` without any caseload not touch `purpose`'s records?"""
    spec = policy.roles[role]
    if not spec.grants.get(purpose):
        return True
    return spec.needs_case(purpose) or policy.purposes[purpose].need_to_know


def doors(persona: Persona, purpose: str, type_name: str, subject_id: str, record_id: str) -> dict[str, Any]:
    """Every data endpoint for this record and its subject, as the persona knocks on it. A record's retention
    clock (no contents, but that a subject has such a record) is for those who may read it and for whoever
    manages retention."""
    from waarborg.engine.policy.active import current

    client, header = persona.client, {"HTTP_X_PURPOSE": purpose}
    retention = {} if current().manages(persona.user, "retention") else {
        "retention of record": lambda: client.get(f"/api/v1/records/{record_id}/retention")}
    return {**retention,
        "read record": lambda: client.get(f"/api/v1/records/{record_id}", **header),
        "change record": lambda: client.patch(f"/api/v1/records/{record_id}", {"data": {}}, format="json",
                                              **header),
        "list subject's records": lambda: client.get(f"/api/v1/subjects/{subject_id}/records",
                                                     {"purpose": purpose}),
        "store record": lambda: client.post("/api/v1/records", {"subject": subject_id, "type": type_name,
                                                                "data": {}}, format="json", **header),
    }


def refused_entries(username: str) -> int:
    from waarborg.engine.audit.models import AuditEntry

    return AuditEntry.objects.filter(actor=username, outcome="refused").count()


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_every_role_is_refused_and_logged_where_the_policy_keeps_it_out(db: Any, name: str) -> None:
    policy = org(name)
    stored = stored_records(policy)
    assert stored, f"{name}: no record type could be stored"
    knocked, leaks = 0, []
    for role in policy.roles:
        persona = staff(f"r-{role}"[:30], [role])
        for purpose, type_name, subject_id, record_id in stored:
            if not shut(policy, role, purpose):
                continue
            for door, knock in doors(persona, purpose, type_name, subject_id, record_id).items():
                before = refused_entries(persona.user.username)
                answer = knock()
                knocked += 1
                reason = answer.json().get("reason") if answer.status_code == 403 else None
                if answer.status_code != 403 or not reason or refused_entries(persona.user.username) <= before:
                    leaks.append(f"{role} / {door} / {type_name} ({purpose}): {answer.status_code} {reason}")
    assert knocked, f"{name}: no shut door to knock on"
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_no_one_reads_a_subject_through_a_rights_request_alone(db: Any, name: str) -> None:
    policy = org(name)
    handler_role = next((r for r, spec in policy.roles.items() if "requests" in spec.manages), None)
    assert handler_role, f"{name}: no role handles rights requests"
    _, _, subject_id, _ = stored_records(policy)[0]
    handler = staff("handler", [handler_role])
    answer = handler.client.post("/api/v1/requests", {"subject": subject_id, "type": "access",
                                                      "channel": policy.rights.channels[0].value}, format="json")
    assert answer.status_code == 201, answer.content
    request_id = answer.json()["id"]
    # not verified: no export
    export = handler.client.get(f"/api/v1/requests/{request_id}/export")
    assert export.status_code == 403 and export.json()["reason"], export.content
    # the registrar cannot verify the identity alone
    method = next(m for m in policy.rights.identity_verification if m != "portal_login")
    verify = handler.client.post(f"/api/v1/requests/{request_id}/verify", {"method": method}, format="json")
    assert verify.status_code == 403 and verify.json()["reason"] == "separation_of_duties", verify.content
    assert handler.client.get(f"/api/v1/requests/{request_id}/export").status_code == 403
    assert refused_entries("handler") >= 3
