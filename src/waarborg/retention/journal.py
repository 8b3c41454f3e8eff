"""The erasure journal: every erasure, written outside the database, so a restore can forget again.

A backup taken on Monday still holds what the sweep erased on Tuesday. Restoring it must not bring
those people back, so every committed erasure is also appended here (one JSON line: when, what,
which record or subject id, which rule; ids only, no personal data). `backups.restore` re-applies
every line written after the backup was taken before the service opens again.

The journal lives in the var directory, never in the database and never in a backup.
WAARBORG_ERASURE_JOURNAL: its path (default: VAR_DIR/erasure-journal.jsonl).
Lines are written after the transaction commits (an erasure that rolled back is not journalled);
a crash between commit and write loses at most that batch's lines, and those records' clocks have
run out anyway, so the first sweep after a restore erases them again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction


def path() -> Path:
    return Path(os.environ.get("WAARBORG_ERASURE_JOURNAL") or Path(settings.VAR_DIR) / "erasure-journal.jsonl")


def _write(lines: list[dict[str, Any]]) -> None:
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, sort_keys=True, default=str) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def record_erasures(lines: list[dict[str, Any]]) -> None:
    """Journal these erasures once the current transaction commits.

    Each line: {"at": iso time, "kind": "record.delete" | "record.anonymise" | "subject.shred",
    "record": id or None, "subject": id or None, "rule": rule id or ""}. Other capabilities (erasure
    requests) call this too.
    """
    if lines:
        transaction.on_commit(lambda: _write(lines))


def since(moment: datetime) -> Iterator[dict[str, Any]]:
    target = path()
    if not target.exists():
        return
    with target.open(encoding="utf-8") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            line = json.loads(raw)
            if datetime.fromisoformat(line["at"]) >= moment:
                yield line
