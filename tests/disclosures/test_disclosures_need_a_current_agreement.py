"""S1-20, S3-08, S0-36: data flows only to recipients with a registered, current agreement."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from tests.disclosures.conftest import applicant, disclose, refused_entries


@pytest.mark.promise("S1-20", "S0-36")
def test_a_processor_whose_agreement_expired_gets_nothing(discloser: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    subject, _ = applicant(discloser.user)
    response = disclose(discloser, subject, recipient="old_host", reason="agreed_work")
    assert response.status_code == 403
    assert response.json()["reason"] == "no_agreement" and "2024-12-31" in response.json()["detail"]
    assert Disclosure.objects.count() == 0 and len(refused_entries("no_agreement")) == 1


@pytest.mark.promise("S1-20")
def test_while_the_agreement_was_current_the_same_transfer_was_allowed(discloser: Any) -> None:
    with time_machine.travel(datetime(2024, 6, 1, 12, 0, tzinfo=UTC), tick=False):
        subject, _ = applicant(discloser.user)
        response = disclose(discloser, subject, recipient="old_host", reason="agreed_work")
    assert response.status_code == 201, response.json()
    assert response.json()["agreement"] == "VWO-OLD"


@pytest.mark.promise("S3-08", "S0-36")
def test_a_recipient_without_any_agreement_on_file_is_refused(discloser: Any) -> None:
    subject, _ = applicant(discloser.user)
    response = disclose(discloser, subject, recipient="unbound_party", reason="agreed_work")
    assert response.status_code == 403 and response.json()["reason"] == "no_agreement"
    assert len(refused_entries("no_agreement")) == 1


@pytest.mark.promise("S3-08")
def test_every_processor_of_the_seed_policy_has_an_agreement_on_file(policy: Any) -> None:
    processors = {name: r for name, r in policy.recipients.items() if r.kind == "processor"}
    assert set(processors) == {"hosting", "co_developer", "administration_office"}
    assert all(r.agreement is not None and r.agreement.kind == "processor_agreement" for r in processors.values())
