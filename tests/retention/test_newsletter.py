"""S0-33: newsletter data has no time-based expiry while subscribed; after unsubscribing
(`consent_withdrawn` on the subject) the next sweep deletes it."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, record_exists, sweep
from waarborg.engine.retention.events import event_record


@pytest.mark.promise("S0-33")
def test_a_subscription_is_kept_until_unsubscribed_then_deleted(make: Any, personas: Any) -> None:
    subscription = make.record("newsletter_subscription", at(2020, 5, 1))
    assert subscription.expires_at is None
    assert sweep(at(2026, 11, 1)).processed == 0 and record_exists(subscription)

    with time_machine.travel(at(2026, 11, 2), tick=False):
        _, changed = event_record(personas["privacy_officer"].user, name="consent_withdrawn", at=at(2026, 11, 2),
                                  subject=subscription.subject)
    assert changed == 1

    report = sweep(at(2026, 11, 2, 13))
    assert report.deleted["until_unsubscribed"] == 1 and not record_exists(subscription)


@pytest.mark.promise("S0-33")
def test_an_old_unsubscription_does_not_end_a_new_subscription(make: Any, personas: Any) -> None:
    old = make.record("newsletter_subscription", at(2022, 1, 1))
    with time_machine.travel(at(2023, 1, 1), tick=False):
        event_record(personas["privacy_officer"].user, name="consent_withdrawn", at=at(2023, 1, 1),
                     subject=old.subject)
    sweep(at(2023, 1, 2))

    again = make.record("newsletter_subscription", at(2024, 1, 1), subject=old.subject)
    assert again.expires_at is None
    assert sweep(at(2026, 1, 1)).processed == 0 and record_exists(again)
