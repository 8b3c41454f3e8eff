"""Data is used only for the purpose it was given for (S0-05, S3-01): a record named under another
purpose, or a record type written under another purpose, is refused and the attempt is logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_staff
from tests.vault import factories
from waarborg.core.errors import Refused
from waarborg.engine.records.actions import record_create, record_read, record_update
from waarborg.engine.vault.models import Record


@pytest.mark.promise("S0-05", "S3-01")
def test_an_application_cannot_be_read_for_the_newsletter(personas: Any, application: Any) -> None:
    # Given a privacy officer, whose role reads both eligibility and newsletter data
    officer = personas["privacy_officer"].user
    # When she opens the application naming the newsletter, then it is refused and logged
    with pytest.raises(Refused) as caught:
        record_read(officer, application, "newsletter")
    assert caught.value.reason == "purpose_mismatch"
    entry = factories.last_entry(outcome="refused")
    assert (entry.actor, entry.purpose, entry.reason, entry.record_id) == (
        "pia", "newsletter", "purpose_mismatch", str(application.pk))
    # while under its own purpose it opens
    assert record_read(officer, application, "eligibility")["email"] == "joke.devries@example.nl"


@pytest.mark.promise("S0-05", "S3-01")
def test_a_newsletter_editor_cannot_take_an_applicants_email(application: Any) -> None:
    editor, _ = make_staff("nora", ["newsletter_editor"])
    for purpose, reason in (("eligibility", "role_not_granted"), ("newsletter", "purpose_mismatch")):
        with pytest.raises(Refused) as caught:
            record_read(editor, application, purpose)
        assert caught.value.reason == reason
    assert [e.reason for e in factories.entries(actor="nora", outcome="refused")] == [
        "role_not_granted", "purpose_mismatch"]


@pytest.mark.promise("S0-05", "S3-01")
def test_a_record_type_cannot_be_written_under_another_purpose(personas: Any, subject: Any) -> None:
    # The assessor may write payout data, but an application belongs to eligibility
    with pytest.raises(Refused) as caught:
        record_create(personas["assessor"].user, subject=subject, type="application",
                      data=factories.application(), purpose="payout")
    assert caught.value.reason == "purpose_mismatch"
    assert not Record.objects.exists()
    assert factories.last_entry(outcome="refused").detail == {"record_type": "application"}


@pytest.mark.promise("S0-05", "S3-01")
def test_a_record_cannot_be_corrected_under_another_purpose(personas: Any, application: Any) -> None:
    with pytest.raises(Refused) as caught:
        record_update(personas["assessor"].user, application, "payout", {"phone": "0592 123456"})
    assert caught.value.reason == "purpose_mismatch"
