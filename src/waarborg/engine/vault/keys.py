"""Per-subject data keys: create, fetch, shred, rotate the master key.

Each subject's data key is wrapped (AES-GCM) by the master key and stored with the id of the master
key that wrapped it (`master_key_id`). That id is what makes rotation safe to interrupt:

- `rotate_master(old, new)` re-wraps the keys in batches, one transaction each, in primary-key order;
  a key already under the new master is skipped, so after a crash the same command simply continues.
- While a rotation is unfinished, `key_for` names the problem (the key is wrapped under another master
  key) instead of failing with a bare authentication-tag error. Stop the service during a rotation,
  then configure the new key (`WAARBORG_MASTER_KEY`) and start it again.
- `shred_subject` destroys a subject's data key and writes the audit entry in the same transaction.
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidTag
from django.db import transaction

from waarborg.engine.keyring import crypto
from waarborg.engine.vault.models import DerivationRoot, Subject, SubjectKey


class WrongMasterKey(RuntimeError):
    """A data key is wrapped under a different master key than the one given or configured."""


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
    return unwrapped(subject_id, bytes(row.wrapped), row.master_key_id)


def unwrapped(subject_id: Any, wrapped: bytes | None, master_key_id: str) -> bytes:
    """The data key from its stored row's values (`key_for`, or a read that fetched them with its record)."""
    if wrapped is None:
        raise crypto.KeyDestroyed(f"no data key for subject {subject_id}")
    if master_key_id != crypto.master_key_id():
        raise WrongMasterKey(
            f"the data key of subject {subject_id} is wrapped under master key {master_key_id}, "
            f"not under the configured one ({crypto.master_key_id()}): finish `waarborg keys rotate` "
            "and configure the new WAARBORG_MASTER_KEY")
    return crypto.unwrap(wrapped)


def seal(subject: Subject | Any, values: dict[str, Any], context: str) -> bytes | None:
    if not values:
        return None
    return crypto.encrypt(key_for(subject, create=True), values, context)


def open_sealed(subject: Subject | Any, blob: bytes | None, context: str) -> dict[str, Any]:
    if not blob:
        return {}
    return crypto.decrypt(key_for(subject), blob, context)


def shred(subject: Subject | Any) -> int:
    """Destroy the subject's data key: all its sealed data, everywhere, becomes unreadable.

    Low level: callers write the audit entry in the same transaction (see `shred_subject`).
    """
    subject_id = _id(subject)
    deleted, _ = SubjectKey.objects.filter(subject_id=subject_id).delete()
    return deleted


def shred_subject(actor: Any, subject: Subject | Any, reason: str = "") -> None:
    """Crypto-shred one subject, audited. `reason` is a code (e.g. `erasure_request`), never free text."""
    from waarborg.engine.audit.log import Entry, append

    subject_id = _id(subject)
    with transaction.atomic():
        if not shred(subject_id):
            raise crypto.KeyDestroyed(f"subject {subject_id} has no data key (already shredded?)")
        append(Entry(action="subject.shred", actor=actor, subject=subject_id,
                     detail={"reason": reason} if reason else {}))


def _check_master(key: bytes, name: str) -> None:
    if not isinstance(key, bytes | bytearray) or len(key) != 32:
        raise ValueError(f"the {name} master key must be exactly 32 bytes")


def rotate_master(old: bytes, new: bytes, batch: int = 1000, actor: Any = "system:keys") -> int:
    """Re-wrap every data key under a new master key, one transaction per batch; returns how many.

    Refuses before changing anything when a key is wrapped under neither `old` nor `new` (a wrong
    `old` key would otherwise fail half-way). Safe to run again after an interruption.
    """
    from waarborg.engine.audit.log import Entry, append

    _check_master(old, "old")
    _check_master(new, "new")
    old_id, new_id = crypto.master_key_id(old), crypto.master_key_id(new)
    if old_id == new_id:
        raise ValueError("the new master key is the same as the old one")
    strangers = SubjectKey.objects.exclude(master_key_id__in=[old_id, new_id]).count()
    if strangers:
        raise WrongMasterKey(f"{strangers} data keys are wrapped under neither the old nor the new master key")
    done = 0
    last: Any = None
    while True:
        with transaction.atomic():
            todo = SubjectKey.objects.select_for_update().filter(master_key_id=old_id).order_by("pk")
            if last is not None:
                todo = todo.filter(pk__gt=last)
            rows = list(todo[:batch])
            if not rows:
                break
            for row in rows:
                try:
                    data_key = crypto.unwrap(bytes(row.wrapped), old)
                except InvalidTag:
                    raise WrongMasterKey(f"the data key of subject {row.pk} does not open with the old master key "
                                         "although it is marked as wrapped by it") from None
                row.wrapped = crypto.wrap(data_key, new)
                row.master_key_id = new_id
            SubjectKey.objects.bulk_update(rows, ["wrapped", "master_key_id"])
            done += len(rows)
            last = rows[-1].pk
    with transaction.atomic():
        # The derivation root moves to the new master key last, so pseudonyms, look-up hashes and the
        # audit and backup keys stay the same (processes still on the old key are told to switch). The
        # entry first: it is keyed with the root, which this process can open only under the old key.
        append(Entry(action="keys.rotate", actor=actor,
                     detail={"rewrapped": done, "from_key": old_id, "to_key": new_id}))
        root = crypto.derivation_root(old)
        DerivationRoot.objects.update_or_create(pk=1, defaults={"wrapped": crypto.wrap(root, new),
                                                                "master_key_id": new_id})
        crypto.forget_roots()
    return done
