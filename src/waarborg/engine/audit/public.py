"""Checking an exported audit log with nothing but public material: the checkpoint key's public half, the
checkpoint file, and the export (`waarborg audit export`). For the FG or the Autoriteit Persoonsgegevens, on
their own machine, without the master key, the database or a Waarborg installation's configuration.

What the export is: one JSON line per entry, `{"id", "hash", "prev_hash", "entry"}` (`entry` is exactly the
content the entry's MAC covers, `audit.log.hashed`: a sealed correction only as the SHA-256 of its ciphertext),
in id order, then one signed closing line: `{"format": "waarborg-audit-export/1", "entries", "last_entry",
"digest", "at", "key", "signature"}`, where `digest` is SHA-256 over every entry line (with its newline) and the
signature is the checkpoint key's (Ed25519) over the canonical JSON of the closing line without `key` and
`signature`. The export is made only from a log that `waarborg audit verify` finds intact.

What is checked, and what each proves:
1. every checkpoint line is signed with this public key: the checkpoints are this installation's, as written
   at their time outside the database (each says how many entries the log had up to which id, which ids were
   never committed, and the head of the SHA-256 chain over `"<id>:<hash>"`);
2. walking the export: ids rising, every id a checkpoint sealed present, and at each checkpoint's last entry
   the count and the chained head it signed. This proves the export holds exactly the entries (ids and MACs)
   the log held when each checkpoint was made: none removed, added, replaced or reordered since;
3. the closing line is signed with the same key and its digest is that of the lines before it: the contents
   are those the installation exported, after checking each entry's MAC with the secret key.
   Entries after the latest checkpoint rest on this signature alone.
What it cannot check: an entry's MAC itself (that needs the secret entry key: `waarborg audit verify` at the
installation); so the contents are vouched for by the export's signature, their completeness and order by the
checkpoints. A copy of the checkpoint file received over time (by mail, from syslog) is the stronger anchor: a
checkpoint the installation's administrator rewrote later would differ from the copy the FG already holds.

Pure Python with `cryptography`: no Django, no settings, no database (the CLI runs it without them).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

EXPORT_FORMAT = "waarborg-audit-export/1"
CHECKPOINT_FORMAT = "waarborg-audit-checkpoint/1"
ROOT = bytes(32)  # the chain's value before the first entry
STATEMENT_KEYS = ("format", "sequence", "after", "last_entry", "gaps", "entries", "head", "at", "legacy")
CLOSING_KEYS = ("format", "entries", "last_entry", "digest", "at")


def link(head: bytes, entry_id: int, mac: str) -> bytes:
    """One step of the checkpoints' chain: `head(n) = sha256(head(n-1) | "<id>:" | mac)`."""
    return hashlib.sha256(head + b"%d:" % entry_id + mac.encode()).digest()


def canonical(said: dict[str, Any]) -> bytes:
    """What a signature covers: the statement as JSON with sorted keys and no spaces."""
    return json.dumps(said, sort_keys=True, separators=(",", ":")).encode()


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def signed_by(key: Ed25519PublicKey, message: bytes, signature: Any) -> bool:
    try:
        key.verify(base64.b64decode(str(signature), validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True


class Broken(Exception):
    """The export does not hold up; `entry_id` names the entry where there is one."""

    def __init__(self, entry_id: int | None, problem: str) -> None:
        super().__init__(problem)
        self.entry_id = entry_id
        self.problem = problem


@dataclass
class Result:
    entries: int = 0
    last_entry: int | None = None
    checkpoints: int = 0  # checkpoint lines that were checked
    sealed: dict[str, Any] | None = None  # the latest checkpoint met in the export
    unsealed: int = 0  # entries after it, vouched for by the export's signature only
    exported_at: str = ""
    notes: list[str] = field(default_factory=list)


def read_checkpoints(lines: Iterable[str], key: Ed25519PublicKey) -> list[dict[str, Any]]:
    """The checkpoint file's statements in sequence order, each signed with `key` (else Broken)."""
    by_sequence: dict[int, dict[str, Any]] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            said = {name: row[name] for name in STATEMENT_KEYS}
            signature = row["signature"]
            sequence = int(said["sequence"])
        except (ValueError, KeyError, TypeError):
            raise Broken(None, f"checkpoint file line {number} is not a checkpoint") from None
        if said["format"] != CHECKPOINT_FORMAT or not signed_by(key, canonical(said), signature):
            raise Broken(None, f"checkpoint file line {number} (checkpoint {sequence}) is not signed with this "
                               "public key: forged or altered, or the key is another installation's")
        if sequence in by_sequence and by_sequence[sequence] != said:
            raise Broken(None, f"checkpoint {sequence} appears twice in the checkpoint file, differently")
        by_sequence[sequence] = said
    return [by_sequence[n] for n in sorted(by_sequence)]


def _sealed(target: dict[str, Any], start: int, end: int) -> int | None:
    """The first id in [start, end) that `target` sealed (its range minus its gaps), or None."""
    gaps = [(int(first), int(last)) for first, last in target["gaps"]]
    for entry_id in range(max(start, int(target["after"]) + 1), min(end, int(target["last_entry"]) + 1)):
        if not any(first <= entry_id <= last for first, last in gaps):
            return entry_id
    return None


def _ids(export: Path) -> set[int]:
    ids = set()
    with export.open("rb") as handle:
        for raw in handle:
            try:
                ids.add(int(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
    return ids


def verify(export: Path, public_key_pem: bytes, checkpoint_lines: Iterable[str]) -> Result:
    """Check an export against the public key and the checkpoints; raises Broken naming the first problem."""
    try:
        key = load_public_key(public_key_pem)
    except ValueError as exc:
        raise Broken(None, "the public key cannot be read: it is not the PEM text `waarborg audit public-key` "
                           f"prints ({str(exc).split('.')[0]})") from None
    targets = read_checkpoints(checkpoint_lines, key)
    result = Result(checkpoints=len(targets))
    present = _ids(export)  # so that an entry out of its place is named as such, not as removed
    digest = hashlib.sha256()
    head, seen, closing = ROOT, 0, None
    with export.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if closing is not None:
                raise Broken(None, f"line {number} comes after the export's signed closing line (added)")
            try:
                row = json.loads(raw)
            except ValueError:
                raise Broken(None, f"export line {number} is not JSON") from None
            if isinstance(row, dict) and row.get("format") == EXPORT_FORMAT:
                closing = row
                continue
            try:
                entry_id, mac = int(row["id"]), str(row["hash"])
            except (KeyError, TypeError, ValueError):
                raise Broken(None, f"export line {number} is not an audit entry") from None
            digest.update(raw if raw.endswith(b"\n") else raw + b"\n")
            if entry_id <= seen:
                raise Broken(entry_id, f"it comes after entry {seen}: the export's entries are out of order")
            if targets and entry_id > seen + 1:
                missing = _sealed(targets[0], seen + 1, entry_id)
                if missing is not None and missing in present:
                    raise Broken(missing, f"it comes after entry {entry_id}: the export's entries are out of order")
                if missing is not None:
                    raise Broken(missing, f"checkpoint {targets[0]['sequence']} sealed it, and it is not in the "
                                          "export (removed)")
            if targets and int(targets[0]["last_entry"]) < entry_id:
                target = targets[0]
                raise Broken(int(target["last_entry"]), f"the last entry checkpoint {target['sequence']} sealed "
                                                        "is not in the export (removed)")
            head = link(head, entry_id, mac)
            result.entries, seen = result.entries + 1, entry_id
            if targets and int(targets[0]["last_entry"]) == entry_id:
                target = targets.pop(0)
                if result.entries != int(target["entries"]):
                    change = "missing" if result.entries < int(target["entries"]) else "added"
                    raise Broken(entry_id, f"checkpoint {target['sequence']} sealed {target['entries']} entries up "
                                           f"to this one, the export has {result.entries}: entries {change} after "
                                           f"entry {target['after']}")
                if head.hex() != target["head"]:
                    raise Broken(entry_id, f"the entries after entry {target['after']} up to this one are not the "
                                           f"ones checkpoint {target['sequence']} sealed (an id or a MAC was "
                                           "changed, or entries replaced)")
                result.sealed = target
    if targets:
        target = targets[0]
        ends = f"ends at entry {seen} ({result.entries} entries)" if result.entries else "has no entries"
        raise Broken(None, f"the export {ends}, but checkpoint {target['sequence']} sealed {target['entries']} "
                           f"entries up to entry {target['last_entry']}: the last entries are missing (truncated)")
    _check_closing(closing, key, digest.hexdigest(), result, seen)
    result.last_entry = seen or None
    result.unsealed = result.entries - int(result.sealed["entries"]) if result.sealed else result.entries
    return result


def _check_closing(closing: dict[str, Any] | None, key: Ed25519PublicKey, digest: str, result: Result,
                   last: int) -> None:
    if closing is None:
        raise Broken(None, "the export has no signed closing line: it is incomplete (cut off) or not an export "
                           "of `waarborg audit export`")
    try:
        said = {name: closing[name] for name in CLOSING_KEYS}
    except KeyError:
        raise Broken(None, "the export's closing line lacks a field") from None
    if not signed_by(key, canonical(said), closing.get("signature")):
        raise Broken(None, "the export's closing line is not signed with this public key: forged or altered")
    if int(said["entries"]) != result.entries or (said["last_entry"] or 0) != last:
        raise Broken(None, f"the export says it holds {said['entries']} entries up to entry {said['last_entry']}, "
                           f"it has {result.entries} up to entry {last}: entries were removed or added after export")
    if said["digest"] != digest:
        raise Broken(None, "the entries' contents are not those exported: a line was changed after the export "
                           "was made (its signed digest differs)")
    result.exported_at = str(said["at"])
