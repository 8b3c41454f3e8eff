"""`waarborg backup create|list|prune|restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError
from waarborg.audiences.cli.conf import as_owner


def register(sub: Any) -> None:
    backup = sub.add_parser("backup", help="encrypted backups that forget erased people")
    bsub = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    bsub.add_parser("create", help="dump and encrypt the database").set_defaults(handler=_create)
    bsub.add_parser("list", help="list backups with their age").set_defaults(handler=_list)
    bsub.add_parser("prune", help="delete backups older than the policy's backup retention").set_defaults(handler=_prune)
    restore = bsub.add_parser("restore", help="restore a backup and re-apply later erasures")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="confirm: the current database is replaced")
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

    from waarborg.engine.backups.actions import listing

    now = timezone.now()
    for b in listing():
        print(f"{b.path.name}  {b.created_at:%Y-%m-%d %H:%M}  {(now - b.created_at).days:>3} days  {b.size:>12} bytes  {b.vendor}")
    return 0


def _prune(args: argparse.Namespace) -> int:
    from waarborg.engine.backups.actions import prune

    removed = prune()
    print(f"removed {len(removed)} backup(s)" + "".join(f"\n  {b.path.name}" for b in removed))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from waarborg.engine.backups.actions import BackupError, restore
    from waarborg.engine.backups.archive import BackupCorrupt

    if not args.yes:
        raise UserError("restore replaces the current database: stop the service and pass --yes")
    path = Path(args.file)
    if not path.exists():
        raise UserError(f"{path} does not exist")
    try:
        count = restore(path)
    except (BackupError, BackupCorrupt) as exc:
        raise UserError(str(exc)) from None
    print(f"restored {path.name}; re-applied {count} erasure(s) made after it was taken")
    return 0
