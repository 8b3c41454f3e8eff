"""Per-subject data keys: create, fetch, shred, rotate the master key."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from waarborg.vault import crypto
from waarborg.vault.models import Subject, SubjectKey


def _id(subject: Subject | Any) -> Any:
    return subject.pk if hasattr(subject, "pk") else subject


def key_for(subject: Subject | Any, create: bool = False) -> bytes:
    subject_id = _id(subject)
    row = SubjectKey.objects.filter(subject_id=subject_id).first()
    if row is None:
        if not create:
            raise crypto.KeyDestroyed(f"no data key for subject {subject_id}")
        data_key = crypto.new_data_key()
        SubjectKey.objects.create(subject_id=subject_id, wrapped=crypto.wrap(data_key),
                                  master_key_id=crypto.master_key_id())
        return data_key
    return crypto.unwrap(bytes(row.wrapped))


def seal(subject: Subject | Any, values: dict[str, Any], context: str) -> bytes | None:
    if not values:
        return None
    return crypto.encrypt(key_for(subject, create=True), values, context)


def open_sealed(subject: Subject | Any, blob: bytes | None, context: str) -> dict[str, Any]:
    if not blob:
        return {}
    return crypto.decrypt(key_for(subject), blob, context)


def shred(subject: Subject | Any) -> int:
    """Destroy the subject's data key: all its sealed data, everywhere, becomes unreadable."""
    subject_id = _id(subject)
    deleted, _ = SubjectKey.objects.filter(subject_id=subject_id).delete()
    return deleted


def rotate_master(old: bytes, new: bytes, batch: int = 1000) -> int:
    """Re-wrap every data key under a new master key, one transaction per batch."""
    new_id = crypto.master_key_id(new)
    done = 0
    while True:
        with transaction.atomic():
            rows = list(SubjectKey.objects.select_for_update().exclude(master_key_id=new_id)[:batch])
            if not rows:
                return done
            for row in rows:
                row.wrapped = crypto.wrap(crypto.unwrap(bytes(row.wrapped), old), new)
                row.master_key_id = new_id
            SubjectKey.objects.bulk_update(rows, ["wrapped", "master_key_id"])
            done += len(rows)
