"""The erasure journal: one JSON line per erased subject or record, outside the database.

It is written *before* the erasing transaction commits and fsync'ed, so no committed erasure can be
missing from it. (A line whose transaction then rolls back is harmless: a restore re-applies an
erasure that was requested anyway.) It holds ids only, never personal data.

Each line says what was done, so a restore replays exactly that (`backups.actions.reapply_erasures`):
a record `delete`d or `anonymise`d; a subject `shred` (its key and the facts that identify it gone, the bare
row kept, as the sweep does), `erase`d (the same, its statements deleted and marked erased: an erasure
request that kept nothing) or `clear`ed (statements, BSN hash and sealed facts gone, the key kept: an erasure
request that kept records on a legal ground). Lines written before the action was recorded replay a record
as deleted and a subject as shredded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone


def journal_path() -> Path:
    return Path(settings.WAARBORG_ERASURE_JOURNAL)


@dataclass(frozen=True)
class Erasure:
    at: datetime
    kind: str  # "subject" | "record"
    id: str
    reason: str
    action: str = ""  # record: delete | anonymise; subject: shred | erase | clear


ACTIONS = {"record": ("delete", "anonymise"), "subject": ("shred", "erase", "clear")}


def note(kind: str, ids: Iterable[object], reason: str, at: datetime | None = None, action: str = "") -> int:
    """Append erasures to the journal and fsync. Returns the number of lines written."""
    if kind not in ACTIONS:
        raise ValueError("kind is subject or record")
    action = action or ACTIONS[kind][0]
    if action not in ACTIONS[kind]:
        raise ValueError(f"a {kind} is {' or '.join(ACTIONS[kind])}")
    # The same line json.dumps({"at", "kind", "id", "reason", "action"}) gives, with the constant parts dumped
    # once: the sweep notes a million ids in one run.
    head = f'{{"at": {json.dumps((at or timezone.now()).isoformat())}, "kind": {json.dumps(kind)}, "id": '
    tail = f', "reason": {json.dumps(reason)}, "action": {json.dumps(action)}}}\n'
    lines = [head + json.dumps(str(i)) + tail for i in ids]
    if not lines:
        return 0
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, "".join(lines).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return len(lines)


def since(moment: datetime) -> Iterator[Erasure]:
    path = journal_path()
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            at = datetime.fromisoformat(row["at"])
            if at >= moment:
                yield Erasure(at, row["kind"], row["id"], row.get("reason", ""),
                              row.get("action") or ACTIONS[row["kind"]][0])
