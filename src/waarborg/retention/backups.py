"""Backups that forget: encrypted database copies, pruned after the policy's period, and restores
that re-apply every erasure made after the backup was taken.

- **create**: SQLite through its online backup API, PostgreSQL through `pg_dump -Fc`; the copy is
  encrypted (AES-256-GCM in 4 MiB chunks, each chunk's index and "last" flag authenticated, so
  reordering or truncating fails) with a key derived from the master key, and written to the backup
  directory as `waarborg-<UTC time>.<vendor>.wbk`. Nothing unencrypted stays on disk.
- **prune**: deletes backups older than `policy.backups.retention` (S0-34: 6 weeks).
- **restore**: decrypts, replaces the database, then re-applies the erasure journal (`journal.py`)
  from the backup's moment on, in one transaction with an audit entry. Run it with the service
  stopped; the service opens again only after it returns. Subjects whose key was shredded stay
  unreadable in any copy anyway: the key is gone, and the journal shreds it again.

WAARBORG_BACKUP_DIR: where backups are written (default: VAR_DIR/backups).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

MAGIC = b"WBK1"
CHUNK = 4 * 1024 * 1024
_NAME = re.compile(r"^waarborg-(\d{8}T\d{6}\d{6}Z)\.(sqlite|postgresql)\.wbk$")


class BackupError(Exception):
    """A backup could not be made, read or restored."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    vendor: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def directory() -> Path:
    return Path(os.environ.get("WAARBORG_BACKUP_DIR") or Path(settings.VAR_DIR) / "backups")


def _key() -> bytes:
    return hmac.new(bytes(settings.MASTER_KEY), b"waarborg-backup-v1", hashlib.sha256).digest()


def _encrypt(source: BinaryIO, target: BinaryIO) -> None:
    aead = AESGCM(_key())
    target.write(MAGIC)
    index = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        last = not following
        nonce = os.urandom(12)
        sealed = aead.encrypt(nonce, chunk, struct.pack(">Q?", index, last))
        target.write(struct.pack(">I", len(sealed)) + nonce + sealed)
        if last:
            return
        chunk, index = following, index + 1


def _decrypt(source: BinaryIO, target: BinaryIO) -> None:
    aead = AESGCM(_key())
    if source.read(4) != MAGIC:
        raise BackupError("not a Waarborg backup")
    index = 0
    while True:
        header = source.read(4)
        if len(header) < 4:
            raise BackupError("the backup is truncated")
        (length,) = struct.unpack(">I", header)
        nonce, sealed = source.read(12), source.read(length)
        following = source.peek(1) if hasattr(source, "peek") else b""
        last = not following
        try:
            target.write(aead.decrypt(nonce, sealed, struct.pack(">Q?", index, last)))
        except Exception as exc:  # InvalidTag: wrong key, changed or truncated file
            raise BackupError("the backup cannot be decrypted with this master key, or it was changed") from exc
        if last:
            return
        index += 1


def _vendor() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432),
            "--username", str(db.get("USER") or "postgres"), "--dbname", str(db["NAME"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _dump(plain: Path) -> None:
    if _vendor() == "postgresql":
        args, env = _pg_env()
        done = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(plain), *args],  # noqa: S603, S607 - fixed argv, no shell
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
        return
    connection.ensure_connection()
    raw = connection.connection
    target = sqlite3.connect(plain)
    try:
        raw.backup(target)
    finally:
        target.close()


def create() -> Backup:
    taken_at = timezone.now()
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"waarborg-{taken_at.astimezone(UTC):%Y%m%dT%H%M%S%fZ}.{_vendor()}.wbk"
    with tempfile.TemporaryDirectory(dir=folder) as work:
        plain = Path(work) / "plain"
        _dump(plain)
        partial = folder / (name + ".partial")
        with plain.open("rb") as source, partial.open("wb") as target:
            _encrypt(source, target)
        partial.replace(folder / name)  # a crash never leaves a half backup under a real name
    return Backup(folder / name, taken_at, _vendor())


def backups() -> list[Backup]:
    found = []
    folder = directory()
    for path in sorted(folder.glob("waarborg-*.wbk")) if folder.exists() else []:
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            found.append(Backup(path, taken, match.group(2)))
    return found


def prune(now: datetime | None = None) -> list[Backup]:
    """Delete backups older than the policy's backup period (S0-34). Returns what was deleted."""
    from waarborg.audit.log import Entry, append
    from waarborg.policy.active import current

    now = now or timezone.now()
    period = current().backups.retention
    gone = [b for b in backups() if period.after(b.taken_at) <= now]
    for backup in gone:
        backup.path.unlink()
    if gone:
        with transaction.atomic():
            append(Entry(action="backup.prune", actor="system:backup",
                         detail={"deleted": [b.path.name for b in gone], "period": str(period)}))
    return gone


def _restore_file(plain: Path, vendor: str) -> None:
    if vendor != _vendor():
        raise BackupError(f"this is a {vendor} backup; the configured database is {_vendor()}")
    if vendor == "postgresql":
        args, env = _pg_env()
        connection.close()
        done = subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",  # noqa: S603, S607 - fixed argv, no shell
                               *args, str(plain)], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BackupError(f"pg_restore failed: {done.stderr.strip()}")
        return
    connection.ensure_connection()
    source = sqlite3.connect(plain)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _reapply(entries: Iterator[dict[str, Any]]) -> dict[str, int]:
    """Re-apply journalled erasures to the restored database."""
    from waarborg.policy.active import active, invalidate
    from waarborg.retention.sweep import _anonymise
    from waarborg.vault.models import Record, SubjectKey

    invalidate()
    policy = active().policy
    counts = {"record.delete": 0, "record.anonymise": 0, "subject.shred": 0}
    now = timezone.now()
    for entry in entries:
        kind = entry.get("kind", "")
        if kind == "record.delete" and entry.get("record"):
            counts[kind] += Record.objects.filter(pk=entry["record"]).delete()[0]
        elif kind == "record.anonymise" and entry.get("record"):
            record = Record.objects.filter(pk=entry["record"], anonymised_at__isnull=True).first()
            if record is not None:
                _anonymise(record, policy, now)
                record.save()
                counts[kind] += 1
        elif kind == "subject.shred" and entry.get("subject"):
            counts[kind] += SubjectKey.objects.filter(subject_id=entry["subject"]).delete()[0]
    return counts


def restore(backup: Backup) -> dict[str, int]:
    """Replace the database with the backup, then forget again what was erased since."""
    from waarborg.audit.log import Entry, append
    from waarborg.retention import journal

    with tempfile.TemporaryDirectory(dir=backup.path.parent) as work:
        plain = Path(work) / "plain"
        with backup.path.open("rb") as source, plain.open("wb") as target:
            _decrypt(source, target)
        _restore_file(plain, backup.vendor)
    with transaction.atomic():
        counts = _reapply(journal.since(backup.taken_at))
        append(Entry(action="backup.restore", actor="system:backup",
                     detail={"backup": backup.path.name, "reapplied": counts}))
    return counts
