"""One living subject per BSN, also when two intakes race past the look-up (the database's unique index)."""

import pytest
from django.db import IntegrityError, transaction
from django.utils.timezone import now

from waarborg.engine.keyring.crypto import keyed_hash
from waarborg.engine.vault.models import Subject

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "111222333"


def test_the_database_refuses_a_second_subject_with_the_same_bsn_hash():
    Subject.objects.create(bsn_hash=keyed_hash(BSN), created_at=now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Subject.objects.create(bsn_hash=keyed_hash(BSN), created_at=now())


def test_subjects_without_a_bsn_are_not_twins():
    Subject.objects.create(created_at=now())
    Subject.objects.create(created_at=now())
    assert Subject.objects.filter(bsn_hash=None).count() == 2
