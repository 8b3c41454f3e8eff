"""What a restore checks before it touches anything.

A restore replaces the tables, replays the erasure journal, runs the sweep (which appends to the journal) and
renames the audit checkpoint file. Each of those can go wrong for a reason known in advance, and once the
tables are replaced a failure halfway leaves an installation whose log no longer verifies. So every such
reason is found first and the restore refuses, naming the path and what to do, with nothing changed:

- the erasure journal it will replay is missing (people erased after the backup would come back): refused
  unless the operator says there is none (`--no-journal`); its path and how many erasures it holds are said;
- a file or folder it will write or rename is not writable: an append-only (`chattr +a`) or immutable
  checkpoint file, a folder of another owner (a command run as root earlier);
- the checkpoint file is another database's: a test restore into a second database that kept the live
  installation's home would rename the live file and break the live `audit verify`. Refused unless the
  operator says the file is this installation's (`--adopt-checkpoints`: a new machine with the old file).
"""

from __future__ import annotations

import fcntl
import json
import os
import struct
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from waarborg.engine.audit import checkpoints
from waarborg.engine.vault import journal

FS_IOC_GETFLAGS = 0x80086601  # linux/fs.h, as lsattr reads them
APPEND_ONLY, IMMUTABLE = 0x20, 0x10


class NotRestorable(Exception):
    """The restore would fail halfway or do harm: the message says why and what to do."""


@dataclass
class Preflight:
    journal: Path
    journal_total: int | None  # None: there is no journal file (the restore was told so)
    journal_after: int
    checkpoints: Path
    warnings: list[str] = field(default_factory=list)


def _flags(path: Path) -> int:
    """The file's attributes (chattr), 0 where the file system keeps none."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return 0
    try:
        raw = fcntl.ioctl(fd, FS_IOC_GETFLAGS, struct.pack("i", 0))
        return int(struct.unpack("i", raw)[0])
    except OSError:
        return 0
    finally:
        os.close(fd)


def _writable_folder(folder: Path, what: str) -> None:
    """Make and remove a file there: the one test that also holds for root, read-only mounts and attributes."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".restore-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise NotRestorable(f"cannot write in {folder} ({exc.strerror}), where {what}: run the restore as the "
                           f"owner of the home (sudo -u <owner>) and check the folder's owner and mode") from None


def _journal(taken: datetime, no_journal: bool) -> tuple[Path, int | None, int]:
    path = journal.journal_path()
    if not path.exists():
        if not no_journal:
            raise NotRestorable(
                f"the erasure journal {path} (WAARBORG_ERASURE_JOURNAL) does not exist: copy this installation's "
                f"journal there first, or every person erased after the backup was taken comes back. Only when "
                f"no erasure was ever made, pass --no-journal")
        _writable_folder(path.parent, "the sweep after the restore notes its erasures (WAARBORG_ERASURE_JOURNAL)")
        return path, None, 0
    total = after = 0
    try:
        with path.open(encoding="utf-8") as handle:
            total = sum(1 for line in handle if line.strip())
        after = sum(1 for _ in journal.since(taken))
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND))  # the sweep appends to it; nothing is written here
    except OSError as exc:
        raise NotRestorable(f"the erasure journal {path} cannot be read and appended to ({exc.strerror}): run the "
                           f"restore as the owner of the home (sudo -u <owner>)") from None
    except (ValueError, KeyError):
        raise NotRestorable(f"the erasure journal {path} is not a Waarborg erasure journal (a line is not one "
                           f"erasure): check WAARBORG_ERASURE_JOURNAL") from None
    return path, total, after


def _checkpoint_file(adopt: bool) -> Path:
    path = checkpoints.path()
    _writable_folder(path.parent, "the restore starts a new audit checkpoint file (WAARBORG_AUDIT_CHECKPOINTS)")
    if not path.exists():
        return path
    flags = _flags(path)
    if flags & (APPEND_ONLY | IMMUTABLE):
        kind = "append-only" if flags & APPEND_ONLY else "immutable"
        option = "a" if flags & APPEND_ONLY else "i"
        raise NotRestorable(
            f"the audit checkpoint file {path} is {kind} (chattr +{option}): the restore keeps it beside as "
            f"{path.name}.before-restore-... and starts a new one, and cannot rename it. Run `chattr -{option} "
            f"{path}` first, then `chattr +{option}` on the new file after the restore")
    if not adopt:
        _same_database(path)
    return path


def _same_database(path: Path) -> None:
    """The file's checkpoints must be of the database restored into: its last seal is one of the file's lines."""
    from django.db import DatabaseError

    from waarborg.engine.audit.models import AuditSeal

    # Which checkpoints the file names, signatures unchecked: checking needs the key ring's root, in a database
    # that may have no tables yet. A line that is no checkpoint is `audit verify`'s business, not this one's.
    said: set[tuple[int, str]] = set()
    try:
        with path.open(encoding="utf-8") as handle:
            for raw in handle:
                try:
                    row = json.loads(raw)
                    said.add((int(row["sequence"]), str(row["head"])))
                except (ValueError, KeyError, TypeError):
                    continue
    except OSError as exc:
        raise NotRestorable(f"the audit checkpoint file {path} cannot be read ({exc.strerror}): run the restore as "
                           f"the owner of the home (sudo -u <owner>)") from None
    if not said:
        return
    try:
        last = AuditSeal.objects.order_by("-sequence").values("sequence", "head").first()
    except DatabaseError:
        last = None  # a new, empty database: no tables yet
    if last and (last["sequence"], last["head"]) in said:
        return
    raise NotRestorable(
        f"the audit checkpoint file {path} holds checkpoints of another database (the database you restore into "
        f"{'has no checkpoints' if not last else 'ends at checkpoint ' + str(last['sequence']) + ', not in it'}). "
        f"A test restore beside the live installation needs its own WAARBORG_HOME (and WAARBORG_AUDIT_CHECKPOINTS, "
        f"WAARBORG_ERASURE_JOURNAL, WAARBORG_BACKUP_DIR when set): restoring here would rename the live file and "
        f"break the live `waarborg audit verify`. When this file really is this installation's (a new machine, "
        f"the old file copied over), pass --adopt-checkpoints")


def check(taken: datetime, no_journal: bool = False, adopt_checkpoints: bool = False) -> Preflight:
    """Raise NotRestorable before anything is touched; what the restore will read and write otherwise."""
    path, total, after = _journal(taken, no_journal)
    found = Preflight(journal=path, journal_total=total, journal_after=after,
                      checkpoints=_checkpoint_file(adopt_checkpoints))
    if total == 0:
        found.warnings.append(f"the erasure journal {path} is empty: if this installation ever erased anyone, this "
                              f"is not its journal, and those people come back")
    elif total is None:
        found.warnings.append(f"no erasure journal ({path}): no erasure is re-applied (--no-journal)")
    return found

