"""Checkpoints of the audit log kept outside the database.

`checkpoint()` seals what is new (`audit.seals`), records the checkpoint in the log itself
(`audit.checkpoint`), and then, after the commit, appends the signed statement as one JSON line to the
checkpoint file (`WAARBORG_AUDIT_CHECKPOINTS`, default `<home>/audit-checkpoints.jsonl`, fsync'ed) and
logs the same line (logger `waarborg.engine.audit.checkpoint`: the journal or syslog, a second copy that the
database's administrator cannot reach). `waarborg audit checkpoint` prints it for any other anchor
(a mail, a ticket, an append-only remote store).

When it runs: every 10 minutes (the `audit_checkpoint` job), after every scheduled sweep, and by hand.
What was appended since the last checkpoint is protected by each entry's MAC against change and forgery,
but its removal is only noticed from the next checkpoint on: that interval is the window.

Order on a crash: the seal commits before the line is written. A seal whose line is missing (a crash in
between) is named by `verify` until the next checkpoint, which writes the missing line before its own. A
line whose seal did not commit cannot happen.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from waarborg.engine.audit import keys, seals
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.models import AuditSeal

log = logging.getLogger("waarborg.engine.audit.checkpoint")


def path() -> Path:
    return Path(settings.WAARBORG_AUDIT_CHECKPOINTS)


def line(seal: AuditSeal) -> str:
    return json.dumps({**seals.statement(seal), "key": keys.key_id(), "signature": seal.signature},
                      sort_keys=True, separators=(",", ":"))


def write(text: str) -> None:
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, (text + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def checkpoint(actor: Any = "system:audit", wait: float = seals.WAIT_SECONDS, *, announce: bool = True) -> AuditSeal | None:
    """Seal, record and write a checkpoint; None when nothing was appended since the last one.

    `announce`: log each line written (the scheduled job's only output); the CLI prints it itself instead."""
    with transaction.atomic():
        new = seals.seal(wait)
        if new is None:
            return None
        append(Entry(action="audit.checkpoint", actor=actor,
                     detail={"sequence": new.sequence, "last_entry": new.last_entry, "entries": new.entries,
                             "head": new.head}))
    written = latest_anchor()
    # Lines a crash kept from the file (the seal committed, the line was not written) go first.
    behind = AuditSeal.objects.filter(sequence__gt=int(written.said["sequence"]) if written else 0,
                                      sequence__lt=new.sequence, legacy=False).order_by("sequence")
    for seal in [*behind, new]:
        text = line(seal)
        write(text)
        if announce:
            log.info("audit checkpoint %s", text)
    return new


def restart(label: str) -> Path | None:
    """After a restore, the log legitimately ends earlier than the checkpoints outside say. The file is kept
    beside, renamed (`<file>.<label>`: the evidence of what the log held before), and a new file starts with
    the restored database's checkpoints, then a new one. Returns where the old file went."""
    current = path()
    kept = None
    if current.is_file():
        kept = current.with_name(f"{current.name}.{label}")
        current.rename(kept)
    for seal in AuditSeal.objects.order_by("sequence"):
        write(line(seal))
    checkpoint(actor="system:backup")
    return kept


def checkpoint_job() -> dict[str, Any]:
    new = checkpoint()
    return {"sequence": new.sequence, "entries": new.entries} if new else {"sequence": None}


@dataclass(frozen=True)
class Anchor:
    """A checkpoint as read back from outside the database."""

    said: dict[str, Any]
    signature: str
    valid: bool  # signed by this installation's checkpoint key


def read(source: Path | None = None) -> list[Anchor]:
    """Every checkpoint line of the file, in file order; [] when there is no file."""
    target = source or path()
    if not target.is_file():
        return []
    anchors = []
    with target.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip():
                anchors.append(parse(raw))
    return anchors


def parse(raw: str, public: Any = None) -> Anchor:
    try:
        row = json.loads(raw)
        signature = row.pop("signature")
        row.pop("key", None)
        said = {key: row[key] for key in seals.STATEMENT_KEYS}
    except (ValueError, KeyError, TypeError, AttributeError):
        return Anchor({}, "", False)
    return Anchor(said, signature, keys.verify(seals.canonical(said), signature, public))


def latest_anchor(source: Path | None = None) -> Anchor | None:
    """The checkpoint with the highest sequence in the file (a line may have been written twice)."""
    anchors = [a for a in read(source) if a.said]
    return max(anchors, key=lambda a: int(a.said["sequence"])) if anchors else None


def latest() -> datetime | None:
    """When the last checkpoint was written outside the database (the health endpoint reports its age)."""
    anchor = latest_anchor()
    return datetime.fromisoformat(anchor.said["at"]) if anchor and anchor.valid else None
