"""`waarborg keys rotate --new-key-file FILE` and `waarborg keys shred SUBJECT_ID`.

Rotation: stop the service, run `keys rotate` with the current key still configured, then configure
the new key (`WAARBORG_MASTER_KEY` or `WAARBORG_MASTER_KEY_FILE`) and start again. An interrupted
rotation is finished by running the same command again.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import uuid
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="master key rotation and crypto-shredding")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    rotate = ksub.add_parser(
        "rotate", help="re-wrap every subject key under a new master key",
        description="Stop the service, run this with the current key still configured, then configure the new "
                    "key (WAARBORG_MASTER_KEY or _FILE) and start again. Run it again to finish an interrupted "
                    "rotation.")
    rotate.add_argument("--new-key-file", required=True, metavar="FILE",
                        help="the new master key: 32 bytes, url-safe base64 (as WAARBORG_MASTER_KEY)")
    rotate.add_argument("--batch", type=int, default=1000, help="keys per transaction (default 1000)")
    rotate.set_defaults(handler=_rotate)
    seal = ksub.add_parser(
        "seal-plain", help="encrypt what an older version stored in the clear (fields the policy now seals)",
        description="Moves every value that the active policy stores encrypted, but that a record still holds "
                    "in the clear (stored before encryption by default, or while the field was marked "
                    "queryable), into the record's encrypted part. One transaction per batch; run it again "
                    "after an interruption. Audited per batch, never a value.")
    seal.add_argument("--dry-run", action="store_true", help="only count what would be encrypted")
    seal.add_argument("--batch", type=int, default=500, help="records per transaction (default 500)")
    seal.set_defaults(handler=_seal_plain)
    shred = ksub.add_parser("shred", help="destroy a subject's data key: its encrypted data becomes unreadable")
    shred.add_argument("subject", metavar="SUBJECT_ID")
    shred.add_argument("--reason", default="", help="a reason code for the audit log, e.g. erasure_request")
    shred.set_defaults(handler=_shred)


def read_key_file(path: str) -> bytes:
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UserError(f"cannot read the new key file {path}: {exc.strerror}") from None
    try:
        key = base64.urlsafe_b64decode(text.encode())
    except (binascii.Error, ValueError):
        raise UserError(f"{path}: the new master key must be url-safe base64") from None
    if len(key) != 32:
        raise UserError(f"{path}: the new master key must decode to exactly 32 bytes, not {len(key)}")
    return key


def _seal_plain(args: argparse.Namespace) -> int:
    from waarborg.engine.records.sealing import seal_plain

    if args.batch < 1:
        raise UserError("--batch must be at least 1")
    done = seal_plain(dry_run=args.dry_run, batch=args.batch)
    verb = "would encrypt" if args.dry_run else "encrypted"
    if not done.fields and not done.skipped:
        print("nothing to encrypt: no record holds in the clear what the policy encrypts")
        return 0
    print(f"{verb} {done.fields} value(s) in {done.records} record(s)"
          + (f"; {done.skipped} record(s) of erased subjects skipped" if done.skipped else ""))
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from django.conf import settings

    from waarborg.engine.keyring import crypto
    from waarborg.engine.vault.keys import WrongMasterKey, rotate_master

    new = read_key_file(args.new_key_file)
    if args.batch < 1:
        raise UserError("--batch must be at least 1")
    try:
        done = rotate_master(bytes(settings.MASTER_KEY), new, batch=args.batch, actor="system:cli")
    except (ValueError, WrongMasterKey) as exc:
        raise UserError(str(exc)) from None
    print(f"re-wrapped {done} subject keys under master key {crypto.master_key_id(new)}")
    print("now configure the new key (WAARBORG_MASTER_KEY or WAARBORG_MASTER_KEY_FILE) and restart")
    return 0


def _shred(args: argparse.Namespace) -> int:
    from waarborg.engine.keyring.crypto import KeyDestroyed
    from waarborg.engine.vault.keys import shred_subject
    from waarborg.engine.vault.models import Subject

    try:
        subject_id = uuid.UUID(args.subject)
    except ValueError:
        raise UserError(f"not a subject id: {args.subject!r}") from None
    if not Subject.objects.filter(pk=subject_id).exists():
        raise UserError(f"no subject {subject_id}")
    try:
        shred_subject("system:cli", subject_id, reason=args.reason)
    except KeyDestroyed as exc:
        raise UserError(str(exc)) from None
    print(f"shredded the data key of subject {subject_id}: its encrypted data can no longer be read")
    return 0
