"""No role and no single staff member reads a subject's data through a rights request alone; two people can.

On every shipped example policy: one account holding every role of the policy registers an access request
by letter, and is refused (403 `separation_of_duties`, audited) when it then verifies the identity, reviews
the export or sends it. A colleague who handles requests verifies and reviews; the export holds the data.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.rights.conftest import audit
from tests.rights.shipped import activate, handler_roles, staff, stored
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.rights.models import Delivery, Request


@pytest.mark.parametrize("name", [
    pytest.param("ikzorginassen", marks=pytest.mark.promise("S0-37")),
    pytest.param("socialekaart", marks=pytest.mark.promise("S1-25")),
    pytest.param("wlzclientondersteuning", marks=pytest.mark.promise("S2-26")),
    pytest.param("werkzaak", marks=pytest.mark.promise("S3-25")),
    pytest.param("kwartier", marks=pytest.mark.promise("S4-14")),
])
def test_one_person_alone_is_refused_at_the_second_step_and_two_people_can(db: Any, name: str) -> None:
    policy, org = activate(name)
    # given a subject with a record, stored by the organisation's own staff
    subject = stored(org, staff("writer", [org.writer]))
    # and one account holding every role of the policy, and a colleague who handles requests
    everything = staff("alles", list(policy.roles))
    colleague = staff("collega", handler_roles(policy)[:1])

    # when the account with every role registers an access request from a letter
    filed = everything.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"},
                            format="json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["id"]
    # then it may not verify the identity itself
    verify = everything.post(f"/api/v1/requests/{request_id}/verify", org.method, format="json")
    assert verify.status_code == 403 and verify.json()["reason"] == "separation_of_duties"
    # nor look at the export, nor send it
    for refused in (everything.get(f"/api/v1/requests/{request_id}/export"),
                    everything.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "letter"}, format="json")):
        assert refused.status_code == 403 and refused.json()["reason"] == "separation_of_duties"
        assert org.marker not in refused.content.decode()
    # and every attempt is in the audit log, without the request's contents
    assert [(e.action, e.actor) for e in AuditEntry.objects.filter(reason="separation_of_duties").order_by("id")] == [
        ("request.verify.refused", "alles"), ("request.review.refused", "alles"), ("request.deliver.refused", "alles")]
    assert not audit("request.review") and not Delivery.objects.exists()
    assert Request.objects.get(pk=request_id).status == "awaiting_identification"

    # when a colleague verifies the identity and reviews the export
    assert colleague.post(f"/api/v1/requests/{request_id}/verify", org.method, format="json").status_code == 200
    export = colleague.get(f"/api/v1/requests/{request_id}/export")
    # then the export holds the subject's data, and the registrar is still refused
    assert export.status_code == 200
    content = json.loads(export.content)
    values = [r["data"] for p in content["purposes"] for r in p["records"]]
    assert any(org.marker in json.dumps(v, ensure_ascii=False) for v in values)
    assert all("recipients" in c for p in content["purposes"] for c in p["categories"])
    assert {"action": "record.create", "by": org.writer} in [{"action": r["action"], "by": r["by"]}
                                                              for r in content["processing"]]
    assert everything.get(f"/api/v1/requests/{request_id}/export").status_code == 403
    shown = colleague.get(f"/api/v1/requests/{request_id}").json()
    assert (shown["registered_by"]["username"], shown["verified_by"]["username"]) == ("alles", "collega")
    assert shown["reviewed_by"] == [{"kind": "staff", "username": "collega"}]


def test_the_registrar_may_not_review_even_after_a_colleague_verified(personas: dict[str, Any], anna: Any) -> None:
    officer, registrar = personas["privacy_officer"], personas["caseworker"]
    filed = registrar.post("/api/v1/requests", {"subject": str(anna.pk), "type": "access", "channel": "phone"},
                           format="json").json()["id"]
    assert officer.post(f"/api/v1/requests/{filed}/verify", {"method": "id_copy", "redactions": [
        "photo", "mrz", "document_number", "bsn"]}, format="json").status_code == 200
    # a second privacy officer who registers a request is refused the same way
    from tests.rights.conftest import colleague

    second = colleague(officer)
    own = second.post("/api/v1/requests", {"subject": str(anna.pk), "type": "access", "channel": "post"},
                      format="json").json()["id"]
    officer.post(f"/api/v1/requests/{own}/verify", {"method": "id_copy", "redactions": [
        "photo", "mrz", "document_number", "bsn"]}, format="json")
    answer = second.get(f"/api/v1/requests/{own}/export")
    assert answer.status_code == 403 and answer.json()["reason"] == "separation_of_duties"
    assert "collega" in answer.json()["detail"] and "colleague" in answer.json()["detail"]
    [entry] = audit("request.review.refused")
    assert (entry.actor, entry.reason, entry.detail["request"]) == ("pia-collega", "separation_of_duties", own)
    # while the verifier may review the helpdesk's registration
    assert officer.get(f"/api/v1/requests/{filed}/export").status_code == 200


def test_an_integration_may_register_a_request_but_never_verify_review_or_send_it(personas: dict[str, Any],
                                                                                  anna: Any) -> None:
    from tests.conftest import Persona
    from waarborg.engine.accounts.actions import staff_create

    user, _, key = staff_create("intake", ["privacy_officer"], service=True)
    service = Persona(user, str(key))
    filed = personas["caseworker"].post("/api/v1/requests", {"subject": str(anna.pk), "type": "access",
                                                             "channel": "email"}, format="json").json()["id"]
    verify = service.post(f"/api/v1/requests/{filed}/verify", {"method": "in_person"}, format="json")
    assert verify.status_code == 403 and verify.json()["reason"] == "separation_of_duties"
    personas["privacy_officer"].post(f"/api/v1/requests/{filed}/verify", {"method": "id_copy", "redactions": [
        "photo", "mrz", "document_number", "bsn"]}, format="json")
    for answer in (service.get(f"/api/v1/requests/{filed}/export"),
                   service.post(f"/api/v1/requests/{filed}/deliver", {"channel": "letter"}, format="json")):
        assert answer.status_code == 403 and "koppeling" in answer.json()["detail"]
    assert [e.actor for e in audit("request.review.refused")] == ["intake"]
