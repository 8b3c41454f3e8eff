"""Create, list, prune and restore encrypted backups (pg_dump / SQLite's online backup API)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.backups import archive, preflight
from waarborg.engine.policy.active import current
from waarborg.engine.vault import journal


class BackupError(Exception):
    pass


def backup_dir() -> Path:
    path = Path(settings.WAARBORG_BACKUP_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Backup:
    path: Path
    created_at: datetime
    size: int
    vendor: str


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise BackupError(f"{name} not found: install the PostgreSQL client tools")


def _pg_env() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    args = ["--host", s.get("HOST") or "127.0.0.1", "--port", str(s.get("PORT") or 5432),
            "--username", s.get("USER") or "postgres", "--dbname", s["NAME"]]
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    return args, env


def _dump(target: Path) -> None:
    if connection.in_atomic_block:
        # The dump would miss (PostgreSQL) or wait forever for (SQLite) this transaction's writes.
        raise BackupError("a backup cannot be taken inside a transaction")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        dest = sqlite3.connect(target)
        try:
            connection.connection.backup(dest)
        finally:
            dest.close()
    elif connection.vendor == "postgresql":
        args, env = _pg_env()
        command = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), *args]
        # An argument list built from settings, no shell.
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()[:500]}")
    else:
        raise BackupError(f"backups are not supported on {connection.vendor}")


def create(actor: Any = "system:backup") -> Backup:
    """Dump the database, encrypt it into the backup directory, audit it."""
    started = timezone.now()  # erasures from this moment on are re-applied at restore
    name = f"waarborg-{started:%Y%m%dT%H%M%S%fZ}.wbk"
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "dump"
        _dump(plain)
        header = {"created_at": started.isoformat(), "vendor": connection.vendor, "format": 1}
        archive.write(plain, backup_dir() / name, header)
    path = backup_dir() / name
    with transaction.atomic():
        append(Entry(action="backup.create", actor=actor, detail={"file": name, "size": path.stat().st_size}))
    return Backup(path, started, path.stat().st_size, connection.vendor)


def owner(path: Path) -> str:
    import pwd

    uid = path.stat().st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"#{uid}"


def listing() -> list[Backup]:
    """Every backup in the backup directory, oldest first. A file this process cannot read (made by a command
    run as root, say) is an error naming it: skipping it would hide it from `prune` and from the operator."""
    rows = []
    for path in sorted(backup_dir().glob("*.wbk")):
        try:
            header = archive.read_header(path)
        except (archive.BackupCorrupt, ValueError):
            continue
        except PermissionError:
            raise BackupError(f"{path} cannot be read by this user (it belongs to {owner(path)}): give it to the "
                              f"owner of the home (chown {owner(backup_dir())} {path}) and run waarborg as that "
                              f"user (sudo -u {owner(backup_dir())} waarborg ...)") from None
        rows.append(Backup(path, datetime.fromisoformat(header["created_at"]), path.stat().st_size, header["vendor"]))
    return rows


def prune(actor: Any = "system:backup", now: datetime | None = None) -> list[Backup]:
    """Delete backups older than the policy's backup retention (S0-34: 6 weeks)."""
    moment = now or timezone.now()
    period = current().backups.retention
    removed = [b for b in listing() if period.after(b.created_at) <= moment]
    for backup in removed:
        backup.path.unlink()
    if removed:
        with transaction.atomic():
            append(Entry(action="backup.prune", actor=actor,
                         detail={"removed": [b.path.name for b in removed], "retention": str(period)}))
    return removed


_UNMIGRATED = ("the database has no Waarborg tables yet (a new, empty database): run `waarborg migrate` on it first, "
               "then restore")


def _decrypt(path: Path, plain: Path) -> None:
    from django.db import DatabaseError

    try:
        archive.decrypt(path, plain)
    except DatabaseError:
        # A backup from before its header carried the key ring's root derives its key from the database's
        # root: a database without tables has none to offer.
        raise BackupError(_UNMIGRATED) from None


def _require_tables() -> None:
    from waarborg.engine.vault.models import DerivationRoot

    if DerivationRoot._meta.db_table not in connection.introspection.table_names():
        raise BackupError(_UNMIGRATED)


@dataclass(frozen=True)
class Checked:
    created_at: datetime
    vendor: str
    dump_size: int
    tables: int
    audit_entries: int | None  # SQLite only: counting a PostgreSQL dump's rows would mean restoring it


def check(path: Path) -> Checked:
    """Decrypt a backup completely without restoring it: every chunk's tag checked (a wrong master key, a
    truncated or altered file fails here), then what the dump holds, read from the decrypted copy."""
    header = archive.read_header(path)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "dump"
        _decrypt(path, plain)
        size = plain.stat().st_size
        if header["vendor"] == "sqlite":
            db = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
            try:
                names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                entries = db.execute("SELECT count(*) FROM audit_auditentry").fetchone()[0] \
                    if "audit_auditentry" in names else None
            except sqlite3.DatabaseError as exc:
                raise BackupError(f"{path.name} decrypts, but holds no readable SQLite database ({exc})") from None
            finally:
                db.close()
            return Checked(datetime.fromisoformat(header["created_at"]), "sqlite", size, len(names), entries)
        command = [_pg_tool("pg_restore"), "--list", str(plain)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise BackupError(f"{path.name} decrypts, but pg_restore cannot read the dump: {result.stderr.strip()[:300]}")
        tables = sum(1 for line in result.stdout.splitlines() if " TABLE DATA " in line)
        return Checked(datetime.fromisoformat(header["created_at"]), header["vendor"], size, tables, None)


def _load(plain: Path, vendor: str) -> None:
    if vendor != connection.vendor:
        raise BackupError(f"this backup is of a {vendor} database; the configured database is {connection.vendor}")
    if vendor == "sqlite":
        connection.ensure_connection()
        src = sqlite3.connect(plain)
        try:
            src.backup(connection.connection)
        finally:
            src.close()
        return
    args, env = _pg_env()
    connection.close()
    command = [_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(plain)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()[:500]}")


def restore(path: Path, actor: Any = "system:backup", *, no_journal: bool = False, adopt_checkpoints: bool = False,
            tell: Callable[[preflight.Preflight], None] | None = None) -> int:
    """Restore a backup, then re-apply every erasure made since it was taken. Returns that count.

    Everything that could stop it halfway is checked first (`preflight`): it refuses with nothing changed."""
    header = archive.read_header(path)
    taken = datetime.fromisoformat(header["created_at"])
    _require_tables()
    checked = preflight.check(taken, no_journal=no_journal, adopt_checkpoints=adopt_checkpoints)
    if tell is not None:
        tell(checked)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "dump"
        _decrypt(path, plain)
        _load(plain, header["vendor"])
    # What expired since the backup was taken goes again first, as it went then: the sweep anonymised
    # with the subject's key still there, and shredded the key only after. Then the journal, in order.
    from waarborg.engine.retention.sweep import sweep_expired

    sweep_expired()
    reapplied = reapply_erasures(taken)
    # The log now ends where the backup did: the checkpoints outside the database go on in a new file, the
    # old one kept beside it (docs/audit.md). Named in the log itself.
    from waarborg.engine.audit.checkpoints import restart

    kept = restart(f"before-restore-{timezone.now():%Y%m%dT%H%M%S}")
    with transaction.atomic():
        append(Entry(action="backup.restore", actor=actor,
                     detail={"file": path.name, "taken": taken.isoformat(), "erasures_reapplied": reapplied,
                             "checkpoints_kept_as": kept.name if kept else "",
                             "journal": str(checked.journal), "journal_erasures": checked.journal_total}))
    return reapplied


def reapply_erasures(since: datetime) -> int:
    """Do again, exactly, what the journal says was done after `since` (one transaction, in journal order:
    an erasure's records come before its subject, so an anonymisation still reads the data it keeps)."""
    from waarborg.engine.policy.active import active
    from waarborg.engine.rights.erasure import anonymise
    from waarborg.engine.rights.models import Statement
    from waarborg.engine.vault.keys import shred
    from waarborg.engine.vault.models import Record, Subject

    count = 0
    with transaction.atomic():
        policy = active().policy
        for erasure in journal.since(since):
            if erasure.kind == "record" and erasure.action == "anonymise":
                record = Record.objects.filter(pk=erasure.id, anonymised_at__isnull=True).first()
                if record is not None:
                    anonymise(policy, record)
                done = record is not None
            elif erasure.kind == "record":
                done = bool(Record.objects.filter(pk=erasure.id).delete()[0])
            else:
                done = _replay_subject(erasure, Subject, Statement, shred)
            if done:
                count += 1
                append(Entry(action="restore.erasure_reapplied", actor="system:backup",
                             subject=erasure.id if erasure.kind == "subject" else None,
                             record=erasure.id if erasure.kind == "record" else None,
                             detail={"kind": erasure.kind, "action": erasure.action, "reason": erasure.reason}))
    return count


def _replay_subject(erasure: journal.Erasure, subject: Any, statement: Any, shred: Any) -> bool:
    """What the sweep (`shred`) or an erasure request (`erase`, `clear`) did to the subject. The bare row
    stays in every case: accounts and logs point at it."""
    fields: dict[str, Any] = {"bsn_hash": None, "sealed": None}
    if erasure.action != "clear":
        fields["external_id"] = None
    if erasure.action == "erase":
        fields["erased_at"] = erasure.at
    done = bool(subject.objects.filter(pk=erasure.id).update(**fields))
    if erasure.action in ("erase", "clear"):
        statement.objects.filter(subject_id=erasure.id).delete()
    if erasure.action != "clear":
        shred(erasure.id)
    return done
