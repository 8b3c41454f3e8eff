"""S3-07, S4-10: on the ground of consent, the consent must exist before the disclosure time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.disclosures.conftest import applicant, disclose, refused_entries

GIVEN = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def consent_on_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A consent to share the application, given on GIVEN (the consent capability answers this in production)."""
    from waarborg.engine.disclosures import consent_link

    def lookup(subject: Any, purpose: str, at: datetime) -> str | None:
        return "consent-1" if purpose == "eligibility" and at >= GIVEN else None

    monkeypatch.setattr(consent_link, "_from_consent_app", lambda: lookup)


def subscriber(actor: Any) -> Any:
    # Records of a purpose with a contract basis: a consent-based purpose would need a consent to exist at all.
    subject, _ = applicant(actor)
    return subject


@pytest.mark.promise("S3-07", "S4-10")
def test_without_any_consent_a_disclosure_on_consent_is_refused(discloser: Any) -> None:
    subject = subscriber(discloser.user)
    response = disclose(discloser, subject, recipient="welfare_partner", reason="consent")
    assert response.status_code == 403 and response.json()["reason"] == "no_active_consent"
    assert len(refused_entries("no_active_consent")) == 1


@pytest.mark.promise("S3-07")
def test_a_consent_given_after_the_disclosure_time_does_not_count(discloser: Any, consent_on_file: None) -> None:
    subject = subscriber(discloser.user)
    response = disclose(discloser, subject, recipient="welfare_partner", reason="consent",
                        at="2026-01-09T12:00:00+00:00")
    assert response.status_code == 403 and response.json()["reason"] == "no_active_consent"


@pytest.mark.promise("S3-07", "S4-10")
def test_a_consent_given_before_the_disclosure_allows_it_and_is_recorded(discloser: Any,
                                                                       consent_on_file: None) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    subject = subscriber(discloser.user)
    response = disclose(discloser, subject, recipient="welfare_partner", reason="consent",
                        at="2026-01-11T12:00:00+00:00")
    assert response.status_code == 201, response.json()
    assert Disclosure.objects.get().consent_ref == "consent-1"


@pytest.mark.promise("S3-07")
def test_a_legal_obligation_needs_no_consent_and_keeps_its_ground(discloser: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    subject, _ = applicant(discloser.user)
    response = disclose(discloser, subject, recipient="welfare_partner", reason="legal_obligation",
                        legal_ground="art. 5.1.1 Wmo 2015")
    assert response.status_code == 201, response.json()
    assert Disclosure.objects.get().legal_ground == "art. 5.1.1 Wmo 2015"
