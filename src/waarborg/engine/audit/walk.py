"""The log in id order as `waarborg audit verify` needs it: (id, prev_hash, MAC, canonical content).

The canonical content is what an entry's MAC covers: `log._canonical(log.hashed(row))`, the JSON of the
entry's columns with sorted keys. On PostgreSQL it is assembled here straight from plain rows, which makes
verification about three times faster than building a dict per entry and encoding it whole:
- `at` comes as text already in the form of Python's `isoformat()` in UTC (no datetime per row);
- `sealed` comes as the SHA-256 of its bytes (computed by the server, the ciphertext never travels);
- `detail` and `subjects` come as jsonb text, and their canonical JSON is cached per distinct text (equal
  jsonb text is an equal value; most entries share a handful of details);
- the other columns are strings and numbers, encoded as `json.dumps` encodes them.
The result is byte for byte what `log._canonical(log.hashed(...))` gives (tests/audit/test_verify_walk.py
compares both over every entry of a log); on SQLite the walk uses exactly that.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _string  # what json.dumps uses for str (ensure_ascii)
from typing import Any

from django.db import connection

from waarborg.engine.audit.log import GROUPED_PER_PAGE, _canonical, before_grouped, hashed, iterate
from waarborg.engine.audit.models import AuditEntry

# The MAC's keys (log.hashed) with the column each comes from, in json.dumps' sorted order.
_KEYS = {"at": "at", "actor_id": "actor_id", "actor": "actor", "actor_kind": "actor_kind",
         "actor_roles": "actor_roles", "action": "action", "purpose": "purpose", "policy_version": "policy_version",
         "subject": "subject_pseudonym", "record": "record_id", "outcome": "outcome", "reason": "reason",
         "detail": "detail", "sealed": "sealed", "trace_id": "trace_id", "subjects": "subjects"}
_ORDER = sorted(_KEYS)
_SELECT = {"at": "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')",
           "sealed": "CASE WHEN sealed IS NULL OR length(sealed) = 0 THEN '' ELSE encode(sha256(sealed), 'hex') END",
           "detail": "detail::text", "subjects": "subjects::text"}
_COLUMNS = ", ".join(["id", "prev_hash", "hash", *(_SELECT.get(key, _KEYS[key]) for key in _ORDER)])
_NUMBERS = {"actor_id", "policy_version"}
_JSON = {"detail", "subjects"}
_CACHED = 10_000  # distinct detail texts kept (most entries share a few; some name a record each)


def entries(chunk: int = 10_000, after: int = 0) -> Iterator[tuple[int, str, str, bytes]]:
    """(id, prev_hash, MAC, canonical content) of every entry after `after`, in id order."""
    if connection.vendor != "postgresql":
        for entry_id, prev_hash, mac, values in iterate(chunk, after):
            yield entry_id, prev_hash, mac, _canonical(hashed(values))
        return
    table = AuditEntry._meta.db_table
    jsons: dict[str, str] = {}
    last = after
    with connection.cursor() as cursor:
        while True:
            # A page ends before its 51st grouped entry, as in `log.iterate`: memory stays bounded.
            _, cut = before_grouped(AuditEntry.objects.filter(id__gt=last), GROUPED_PER_PAGE)
            bound = ""
            params: list[Any] = [last]
            if cut:
                grouped = AuditEntry.objects.filter(id__gt=last, subjects__isnull=False).order_by("id")
                bound, params = " AND id < %s", [last, grouped.values_list("id", flat=True)[GROUPED_PER_PAGE]]
            cursor.execute(f"SELECT {_COLUMNS} FROM {table} WHERE id > %s{bound} ORDER BY id LIMIT %s",  # noqa: S608
                           [*params, chunk])
            rows = cursor.fetchall()
            if not rows:
                return
            for row in rows:
                yield row[0], row[1], row[2], _content(row[3:], jsons)
            last = rows[-1][0]


def _content(values: tuple[Any, ...], jsons: dict[str, str]) -> bytes:
    parts = []
    for key, value in zip(_ORDER, values, strict=True):
        if key in _JSON:
            if value is None:
                if key == "subjects":
                    continue  # covered only where it is set (log.hashed)
                text = "null"
            else:
                text = jsons.get(value) or ""
                if not text:
                    if len(jsons) >= _CACHED:
                        jsons.clear()
                    text = jsons[value] = json.dumps(json.loads(value), sort_keys=True, separators=(",", ":"),
                                                     default=str)
        elif key in _NUMBERS:
            text = "null" if value is None else int.__repr__(value)
        elif key == "at":
            text = '"' + (value[:-7] if value.endswith(".000000") else value) + '+00:00"'
        else:
            text = _string(value)
        parts.append(f'"{key}":{text}')
    return ("{" + ",".join(parts) + "}").encode()
