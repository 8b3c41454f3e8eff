"""`waarborg audit export`: the audit log as a file anyone can check with public material only
(`audit.public` says what the file holds and what its check proves).

The export is made only from a log that verifies with the secret keys (`audit.verification`), and only up to
the last entry that check reached; each entry's MAC is checked once more as it is written, so an entry that
committed during the export is never vouched for unchecked. The closing line is signed with the checkpoint key.
The export is itself on record (`audit.export`).
"""

from __future__ import annotations

import hashlib
import json
from typing import IO

from django.db import transaction
from django.utils import timezone

from waarborg.engine.audit import keys, public
from waarborg.engine.audit.log import Entry, append, entry_mac, hashed, iterate
from waarborg.engine.audit.models import AuditSeal
from waarborg.engine.audit.verification import check


class ExportRefused(Exception):
    """The log does not verify: exporting it would vouch for what was tampered with."""


def export(out: IO[bytes], actor: str = "system:cli") -> tuple[int, int]:
    """Write the export to `out`; returns (entries, last entry id)."""
    report = check()
    if report.broken is not None:
        where = f"at entry {report.broken.entry_id}" if report.broken.entry_id is not None else "at the end"
        raise ExportRefused(f"the audit log does not verify ({where}: {report.broken.problem}); "
                            "nothing was exported")
    zero = AuditSeal.objects.filter(sequence=0, legacy=True).first()
    boundary = zero.last_entry if zero else 0
    key = keys.entry_key()
    digest, count, last = hashlib.sha256(), 0, 0
    for entry_id, prev_hash, mac, values in iterate(10_000):
        if entry_id > report.last_entry:
            break
        content = hashed(values)
        if entry_id > boundary and entry_mac(key, entry_id, content) != mac:
            raise ExportRefused(f"entry {entry_id} does not match its MAC; nothing was exported")
        line = (json.dumps({"id": entry_id, "hash": mac, "prev_hash": prev_hash, "entry": content},
                           sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str) + "\n").encode()
        out.write(line)
        digest.update(line)
        count, last = count + 1, entry_id
    said = {"format": public.EXPORT_FORMAT, "entries": count, "last_entry": last or None,
            "digest": digest.hexdigest(), "at": timezone.now().isoformat()}
    closing = {**said, "key": keys.key_id(), "signature": keys.sign(public.canonical(said))}
    out.write((json.dumps(closing, sort_keys=True, separators=(",", ":")) + "\n").encode())
    with transaction.atomic():
        append(Entry(action="audit.export", actor=actor, detail={"entries": count, "last_entry": last}))
    return count, last
