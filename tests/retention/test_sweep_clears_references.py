"""Deleting an expired record clears every reference to it, hidden relations included (on PostgreSQL a
dangling reference would fail the foreign key at commit)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.retention.conftest import at
from waarborg.engine.consent.models import Notice
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.vault.models import Record


@pytest.mark.django_db(transaction=True)
def test_a_notice_about_a_swept_record_keeps_no_reference_to_it(make: Any) -> None:
    tip = make.record("tip", at(2026, 1, 1))
    notice = Notice.objects.filter(record=tip).first()
    if notice is None:  # the seed-000 tip is collected from the subject itself: make the notice by hand
        notice = Notice.objects.create(subject_id=tip.subject_id, purpose="tips", record=tip,
                                       kind=Notice.Kind.INDIRECT, created_at=tip.collected_at, due_at=tip.collected_at)
    assert sweep_expired().deleted["tip_3m"] == 1
    assert not Record.objects.filter(pk=tip.pk).exists()
    notice.refresh_from_db()
    assert notice.record_id is None


@pytest.mark.django_db(transaction=True)
def test_inside_a_callers_transaction_constraints_stay_deferred_after_the_sweep(make: Any) -> None:
    """The sweep runs its foreign-key checks early (before the audit lock) and then defers them again:
    a caller's transaction that briefly holds a dangling reference still commits."""
    import uuid

    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from waarborg.engine.retention.models import Hold

    make.record("tip", at(2026, 1, 1))
    with transaction.atomic():
        assert sweep_expired().deleted["tip_3m"] == 1
        # a hold pointing at a subject that does not exist (yet): deferred, so no error here...
        dangling = Hold.objects.create(subject_id=uuid.uuid4(), reason="dispute", justification="x",
                                       created_at=timezone.now())
        dangling.delete()  # ...and gone again before the commit
    with pytest.raises(IntegrityError), transaction.atomic():  # while a dangling one fails at the commit
        Hold.objects.create(subject_id=uuid.uuid4(), reason="dispute", justification="x", created_at=timezone.now())
