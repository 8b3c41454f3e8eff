"""`waarborg audit verify`: the log against its keys, its checkpoints, and the checkpoint kept outside.

What is checked, in this order, stopping at the first problem (named by entry id where there is one):

1. every checkpoint in the database carries this installation's signature, and they follow each other
   (0 only for the legacy seal, then 1, 2, ... with nothing left out);
2. the latest checkpoint outside the database (`audit.checkpoints`) is signed, and equals the database's
   checkpoint of the same number, or, when the database no longer has it, stands in for it;
3. walking the entries in id order: each entry's MAC (before checkpoint 0: the SHA-256 chain), no id
   missing that a checkpoint sealed (its gaps are signed), and at each checkpoint's last entry the count
   and the chained head it signed. Past the last checkpoint, each entry still needs a valid MAC.

What this finds: an entry changed (with or without recomputing anything after it), forged, renumbered or
copied; an entry removed anywhere up to the last checkpoint, the last entries removed, the table emptied; a
checkpoint removed or forged. What it cannot find: the removal of entries appended after the last
checkpoint (at most the checkpoint interval), or anything done by someone holding the master key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from waarborg.engine.audit import checkpoints, keys, seals, walk
from waarborg.engine.audit.log import GENESIS, Broken, legacy_of, mac_of
from waarborg.engine.audit.models import AuditSeal


@dataclass
class Report:
    entries: int = 0
    broken: Broken | None = None
    sealed: dict[str, Any] | None = None  # the last checkpoint the walk reached (a statement)
    outside: dict[str, Any] | None = None  # the latest checkpoint outside the database
    unsealed: int = 0  # entries after the last checkpoint
    last_entry: int = 0  # the last entry the walk checked
    problems: list[str] = field(default_factory=list)


class _Stop(Exception):
    def __init__(self, entry_id: int | None, problem: str) -> None:
        self.broken = Broken(entry_id, problem)


def _checkpoints(source: Path | None, report: Report) -> list[dict[str, Any]]:
    """Steps 1 and 2: the checkpoints the walk must meet, as statements, in sequence order."""
    stored = list(AuditSeal.objects.order_by("sequence"))
    expected = 0 if stored and stored[0].legacy else 1
    for seal in stored:
        said = seals.statement(seal)
        if not keys.verify(seals.canonical(said), seal.signature):
            raise _Stop(seal.last_entry, f"checkpoint {seal.sequence} in the database is not signed with this "
                                         "installation's checkpoint key: it was forged or altered")
        if seal.sequence != expected or (seal.legacy and seal.sequence != 0):
            raise _Stop(None, f"checkpoint {expected} is missing from the database (removed)")
        expected += 1
    statements = {seal.sequence: seals.statement(seal) for seal in stored}
    anchor = checkpoints.latest_anchor(source)
    where = source or checkpoints.path()
    if anchor is None:
        if stored and not stored[-1].legacy:
            raise _Stop(None, f"the database holds checkpoint {stored[-1].sequence}, but there is no checkpoint "
                              f"outside it ({where}): the file was removed or WAARBORG_AUDIT_CHECKPOINTS changed")
        return list(statements.values())
    if not anchor.valid:
        raise _Stop(None, f"the latest checkpoint in {where} is not signed with this installation's checkpoint key")
    report.outside = anchor.said
    number = int(anchor.said["sequence"])
    if number in statements and statements[number] != anchor.said:
        raise _Stop(int(anchor.said["last_entry"]), f"checkpoint {number} in the database differs from its copy "
                                                    f"outside the database ({where})")
    if stored and stored[-1].sequence > number and not stored[-1].legacy:
        raise _Stop(None, f"the database holds checkpoint {stored[-1].sequence}, but {where} ends at checkpoint "
                          f"{number}: the file was rolled back, or the last checkpoint stopped before writing it "
                          "(`waarborg audit checkpoint` writes it again)")
    statements.setdefault(number, anchor.said)
    return [statements[n] for n in sorted(statements)]


def _sealed_ids(target: dict[str, Any], start: int, end: int) -> Iterator[int]:
    """The ids in [start, end) that `target` sealed (its range minus its gaps)."""
    gaps = [(first, last) for first, last in target["gaps"]]
    for entry_id in range(max(start, int(target["after"]) + 1), min(end, int(target["last_entry"]) + 1)):
        if not any(first <= entry_id <= last for first, last in gaps):
            yield entry_id


def check(chunk: int = 10_000, source: Path | None = None) -> Report:
    report = Report()
    try:
        _walk(chunk, source, report)
    except _Stop as stop:
        report.broken = stop.broken
    return report


def _walk(chunk: int, source: Path | None, report: Report) -> None:
    targets = _checkpoints(source, report)
    boundary = int(targets[0]["last_entry"]) if targets and targets[0]["legacy"] else 0
    key = keys.entry_key()
    head, seen, previous_legacy = seals.ROOT, 0, GENESIS
    known = 0  # the last checkpoint met so far whose range starts where the walk stands (gaps apply)
    for entry_id, prev_hash, mac, content in walk.entries(chunk):
        if targets and entry_id > seen + 1 and int(targets[0]["after"]) == known:
            missing = next(_sealed_ids(targets[0], seen + 1, entry_id), None)
            if missing is not None:
                raise _Stop(missing, f"checkpoint {targets[0]['sequence']} sealed it, and it is gone (removed)")
        if targets and int(targets[0]["last_entry"]) < entry_id:
            t = targets[0]
            raise _Stop(int(t["last_entry"]), f"the last entry checkpoint {t['sequence']} sealed is gone (removed)")
        if entry_id <= boundary:
            if prev_hash != previous_legacy:
                raise _Stop(entry_id, "its predecessor was changed or removed (prev_hash mismatch)")
            if legacy_of(previous_legacy, content) != mac:
                raise _Stop(entry_id, "its contents were changed (hash mismatch)")
            previous_legacy = mac
        elif mac_of(key, entry_id, content) != mac:
            raise _Stop(entry_id, "its contents were changed, or it was not written by Waarborg (MAC mismatch)")
        head = seals.link(head, entry_id, mac)
        report.entries, seen = report.entries + 1, entry_id
        if targets and int(targets[0]["last_entry"]) == entry_id:
            t = targets.pop(0)
            if report.entries != int(t["entries"]):
                change = "removed" if report.entries < int(t["entries"]) else "added"
                raise _Stop(entry_id, f"checkpoint {t['sequence']} sealed {t['entries']} entries up to this one, "
                                      f"{report.entries} are there: entries were {change} after entry {t['after']}")
            if head.hex() != t["head"]:
                raise _Stop(entry_id, f"the entries after entry {t['after']} up to this one are not the ones "
                                      f"checkpoint {t['sequence']} sealed (replaced or reordered)")
            report.sealed, known = t, entry_id
    count, report.last_entry = report.entries, seen
    if targets:
        t = targets[-1]
        ends = f"ends at entry {seen} ({count} entries)" if count else "is empty"
        raise _Stop(None, f"the log {ends}, but checkpoint {t['sequence']} sealed {t['entries']} entries up to "
                          f"entry {t['last_entry']}: the last entries were removed (truncated)")
    report.unsealed = count - int(report.sealed["entries"]) if report.sealed else count
