"""S3-04: visit data is never given to third parties, whatever the reason."""

from __future__ import annotations

from typing import Any

import pytest

from tests.disclosures.conftest import disclose, refused_entries


@pytest.mark.promise("S3-04")
@pytest.mark.parametrize(("recipient", "reason"), [("hosting", "agreed_work"), ("gemeente_assen", "contract"),
                                                   ("welfare_partner", "legal_obligation")])
def test_visit_records_are_refused_for_every_recipient_and_reason(discloser: Any, recipient: str,
                                                                  reason: str) -> None:
    from waarborg.engine.disclosures.models import Disclosure
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create(discloser.user)
    record_create(discloser.user, subject=subject, type="visit", purpose="statistics", source_kind="website_form",
                  data={"ip": "192.0.2.10", "os": "Linux", "browser": "Firefox"})
    response = disclose(discloser, subject, recipient=recipient, purpose="statistics", reason=reason)
    assert response.status_code == 403 and response.json()["reason"] == "statistics_never_disclosed"
    assert Disclosure.objects.count() == 0 and len(refused_entries("statistics_never_disclosed")) == 1
