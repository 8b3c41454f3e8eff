"""`waarborg backup create|list|prune|check FILE|restore FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError
from waarborg.audiences.cli.conf import as_owner


def register(sub: Any) -> None:
    backup = sub.add_parser("backup", help="encrypted backups that forget erased people")
    bsub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    bsub.add_parser("create", help="dump and encrypt the database").set_defaults(handler=_create)
    bsub.add_parser("list", help="list backups with their age").set_defaults(handler=_list)
    check = bsub.add_parser("check", help="decrypt and authenticate a backup file without restoring it")
    check.add_argument("file")
    check.set_defaults(handler=_check)
    bsub.add_parser("prune", help="delete backups older than the policy's backup retention").set_defaults(handler=_prune)
    restore = bsub.add_parser("restore", help="restore a backup and re-apply later erasures")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="confirm: the current database is replaced")
    restore.add_argument("--no-journal", action="store_true",
                         help="restore although WAARBORG_ERASURE_JOURNAL does not exist (only when no erasure was "
                              "ever made: the journal brings back no erased person)")
    restore.add_argument("--adopt-checkpoints", action="store_true",
                         help="the checkpoint file is this installation's although the database restored into does "
                              "not know its checkpoints (a new machine with the old file)")
    # Replacing the tables takes their owner: WAARBORG_OWNER_DATABASE_URL, as for `waarborg migrate`.
    restore.set_defaults(handler=_restore, before_setup=as_owner)


def _create(args: argparse.Namespace) -> int:
    from waarborg.engine.backups.actions import BackupError, create

    try:
        backup = create()
    except BackupError as exc:
        raise UserError(str(exc)) from None
    print(f"{backup.path} ({backup.size} bytes)")
    return 0


def _list(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.engine.backups.actions import BackupError, listing

    now = timezone.now()
    try:
        backups = listing()
    except BackupError as exc:
        raise UserError(str(exc)) from None
    for b in backups:
        print(f"{b.path.name}  {b.created_at:%Y-%m-%d %H:%M}  {(now - b.created_at).days:>3} days  {b.size:>12} bytes  {b.vendor}")
    return 0


def _prune(args: argparse.Namespace) -> int:
    from waarborg.engine.backups.actions import BackupError, prune

    try:
        removed = prune()
    except BackupError as exc:
        raise UserError(str(exc)) from None
    print(f"removed {len(removed)} backup(s)" + "".join(f"\n  {b.path.name}" for b in removed))
    return 0


def _check(args: argparse.Namespace) -> int:
    from waarborg.engine.backups.actions import BackupError, check
    from waarborg.engine.backups.archive import BackupCorrupt

    path = _existing(args.file)
    try:
        found = check(path)
    except (BackupError, BackupCorrupt) as exc:
        raise UserError(str(exc)) from None
    print(f"{path.name}: authentic, decrypts completely with this installation's key")
    print(f"  taken      {found.created_at:%Y-%m-%d %H:%M:%S %Z} ({found.vendor})")
    print(f"  database   {found.dump_size} bytes, {found.tables} tables, {found.audit_entries} audit log entries"
          if found.audit_entries is not None else f"  database   {found.dump_size} bytes, {found.tables} tables")
    return 0


def _existing(name: str) -> Path:
    path = Path(name)
    if not path.exists():
        raise UserError(f"{path} does not exist")
    return path


def _told(checked: Any) -> None:
    """Before anything is replaced: which journal and checkpoint file the restore uses."""
    held = "no file" if checked.journal_total is None else f"{checked.journal_total} erasure(s)"
    print(f"erasure journal {checked.journal}: {held}, {checked.journal_after} made after the backup was taken")
    print(f"audit checkpoints {checked.checkpoints}")
    for warning in checked.warnings:
        print(f"waarborg: warning: {warning}", file=sys.stderr)


def _restore(args: argparse.Namespace) -> int:
    from waarborg.engine.backups.actions import BackupError, restore
    from waarborg.engine.backups.archive import BackupCorrupt
    from waarborg.engine.backups.preflight import NotRestorable

    if not args.yes:
        raise UserError("restore replaces the current database: stop the service and pass --yes")
    path = _existing(args.file)
    try:
        count = restore(path, no_journal=args.no_journal, adopt_checkpoints=args.adopt_checkpoints, tell=_told)
    except NotRestorable as exc:
        raise UserError(f"{exc}. Nothing was changed") from None
    except (BackupError, BackupCorrupt) as exc:
        raise UserError(str(exc)) from None
    print(f"restored {path.name}; re-applied {count} erasure(s) made after it was taken")
    return 0
