"""An unauthorised attempt stays on record even when the caller's transaction rolls back (S3-19)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from tests.vault import factories
from waarborg.core.errors import Refused
from waarborg.engine.records.actions import record_read
from waarborg.engine.vault.access import ensure_logged


@pytest.mark.promise("S3-19")
@pytest.mark.django_db(transaction=True)
def test_a_refusal_inside_a_rolled_back_transaction_is_written_again(personas: Any, application: Any) -> None:
    # Given a caller that reads inside its own transaction, which the refusal rolls back
    with pytest.raises(Refused) as caught, transaction.atomic():
        record_read(personas["outsider"].user, application, "eligibility")
    assert factories.entries(outcome="refused") == []  # the rollback took the entry with it
    # When the refusal is handled outside the transaction
    assert ensure_logged(caught.value) is True
    # Then the attempt is on record, once
    refused = factories.entries(outcome="refused")
    assert [(e.actor, e.reason, e.record_id) for e in refused] == [
        ("otto", "role_not_granted", str(application.pk))]
    assert ensure_logged(caught.value) is False


@pytest.mark.promise("S3-19")
@pytest.mark.django_db(transaction=True)
def test_a_refusal_outside_a_transaction_is_committed_at_once(personas: Any, application: Any) -> None:
    with pytest.raises(Refused) as caught:
        record_read(personas["outsider"].user, application, "eligibility")
    assert ensure_logged(caught.value) is False
    assert len(factories.entries(outcome="refused")) == 1
    from waarborg.engine.audit.log import verify

    assert verify()[1] is None


@pytest.mark.promise("S3-19")
@pytest.mark.django_db(transaction=True)
def test_the_api_error_handler_puts_a_rolled_back_refusal_back_on_record(personas: Any, application: Any) -> None:
    from waarborg.audiences.api.errors import exception_handler

    with pytest.raises(Refused) as caught, transaction.atomic():
        record_read(personas["caseworker"].user, application, "eligibility")
    response = exception_handler(caught.value, {})
    assert response is not None and response.status_code == 403
    assert response.data == {"reason": "role_not_granted", "detail": str(caught.value.detail)}
    assert [(e.actor, e.reason) for e in factories.entries(outcome="refused")] == [("carl", "role_not_granted")]
