"""S2-15: the per-subject overview lists recipient, date, data and reason, exactly as the log has them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.disclosures.conftest import applicant, disclose


def test_the_overview_needs_a_login(anonymous: Any, discloser: Any) -> None:
    subject, _ = applicant(discloser.user)
    assert anonymous.get(f"/api/v1/subjects/{subject.pk}/disclosures").status_code == 401


def test_staff_without_a_privacy_role_cannot_read_the_overview(discloser: Any, bystander: Any) -> None:
    subject, _ = applicant(discloser.user)
    response = bystander.client.get(f"/api/v1/subjects/{subject.pk}/disclosures")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S2-15")
def test_the_overview_matches_the_disclosure_log_exactly(discloser: Any, officer: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.keyring.crypto import pseudonym

    subject, record = applicant(discloser.user)
    other, _ = applicant(discloser.user)
    answers = [
        disclose(discloser, subject, reason="agreed_work", records=[str(record.pk)], categories=["identity"]),
        disclose(discloser, subject, recipient="police", reason="authority_request", authority="Politie",
                 legal_ground="art. 126nd Sv"),
        disclose(discloser, other, reason="legal_obligation"),
        disclose(discloser, subject, reason="consent"),  # refused: in neither the overview nor the log
    ]
    assert [a.status_code for a in answers] == [201, 201, 201, 403]

    response = officer.client.get(f"/api/v1/subjects/{subject.pk}/disclosures")
    assert response.status_code == 200
    overview = [(d["recipient"], datetime.fromisoformat(d["when"]), d["data"]["categories"], d["data"]["fields"],
                 d["reason"]) for d in response.json()]
    log = [(e.detail["recipient"], datetime.fromisoformat(e.detail["at"]), e.detail["categories"],
            e.detail["fields"], e.detail["reason"])
           for e in AuditEntry.objects.filter(action="disclosure.create", subject_pseudonym=pseudonym(subject.pk))]
    assert overview == log
    assert [(o[0], o[4]) for o in overview] == [("care_partner", "agreed_work"), ("police", "authority_request")]
    assert overview[0][2] == ["identity"] and overview[0][3] == ["application.name"]


@pytest.mark.promise("S2-15")
def test_a_person_with_an_account_sees_their_own_overview(discloser: Any) -> None:
    from rest_framework.test import APIClient

    from waarborg.engine.accounts.models import User

    subject, _ = applicant(discloser.user)
    disclose(discloser, subject, reason="agreed_work")
    citizen = User.objects.create(username="jan", kind=User.Kind.CITIZEN, subject=subject)
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.get(f"/api/v1/subjects/{subject.pk}/disclosures")
    assert response.status_code == 200 and [d["recipient_label"] for d in response.json()] == ["Zorgpartner"]
