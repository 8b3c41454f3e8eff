"""S2-05: an agreement cannot become active without a signed consent statement (toestemmingsverklaring)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import activate_example, make_staff
from waarborg.core.errors import Refused
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.caseloads.actions import assign
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.records.actions import record_create, subject_create

CLIENT = {"name": "Kees Kok", "birth_date": "1950-02-03", "agreement_status": "active"}


@pytest.fixture
def supporter(db: Any) -> Any:
    activate_example("wlzclientondersteuning")
    user, _ = make_staff("sanne", ["client_supporter"])
    return user


@pytest.fixture
def client(supporter: Any) -> Any:
    subject = subject_create("system:intake")
    assign("system:intake", subject, "client_support", user=supporter)
    return subject


@pytest.mark.promise("S2-05")
def test_an_agreement_cannot_become_active_without_a_signed_statement(supporter: Any, client: Any) -> None:
    # given a client without a signed consent statement, when the agreement is made active, then it is refused
    with pytest.raises(Refused) as refusal:
        record_create(supporter, subject=client, type="client", data=CLIENT, purpose="client_support")
    assert refusal.value.reason == "no_signed_consent_statement"
    assert AuditEntry.objects.filter(outcome="refused", reason="no_signed_consent_statement").count() == 1
    # a prospect may be registered before the statement is signed
    prospect = record_create(supporter, subject=client, type="client", purpose="client_support",
                             data=CLIENT | {"agreement_status": "prospect"})
    assert prospect.pk


@pytest.mark.promise("S2-05")
def test_with_a_signed_statement_the_agreement_becomes_active(supporter: Any, client: Any) -> None:
    consent_give(supporter, subject=client, purpose="client_support",
                 evidence={"document": "toestemmingsverklaring-2026-014.pdf", "scope": ["general", "special"]})
    record = record_create(supporter, subject=client, type="client", data=CLIENT, purpose="client_support")
    assert record.pk
