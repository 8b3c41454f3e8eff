"""`waarborg audit verify` and `waarborg audit export-logboek`.

- `verify`: check the hash chain; exit 1 naming the first broken entry, else print the count.
- `export-logboek [--since DATE] [--subject ID] [--output FILE]`: the processing log as JSON lines in
  the shape of the Logboek Dataverwerkingen standard (one span per processing, no staff identities).
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from datetime import date, datetime, time
from typing import Any

from waarborg.cli import UserError


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="the audit log")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = asub.add_parser("verify", help="check the audit log's hash chain")
    verify.set_defaults(handler=_verify)
    export = asub.add_parser("export-logboek", help="export the processing log (Logboek Dataverwerkingen, JSON lines)")
    export.add_argument("--since", metavar="DATE", help="only processing at or after this date (YYYY-MM-DD) or time")
    export.add_argument("--subject", metavar="ID", help="only the processing of this subject (vault id)")
    export.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(handler=_export)


def _verify(args: argparse.Namespace) -> int:
    from waarborg.audit.log import verify

    count, broken = verify()
    if broken is not None:
        raise UserError(f"audit chain broken at entry {broken.entry_id}: {broken.problem} "
                        f"({count} entries before it are intact)")
    print(f"audit chain intact: {count} entries")
    return 0


def _since(value: str | None) -> datetime | None:
    from django.utils import timezone

    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UserError(f"--since: not a date (YYYY-MM-DD) or ISO 8601 time: {value!r}") from None
    if len(value) == 10:  # a plain date: from the start of that day, local time
        moment = datetime.combine(date.fromisoformat(value), time.min)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _subject(value: str | None) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise UserError(f"--subject: not a subject id: {value!r}") from None


def _export(args: argparse.Namespace) -> int:
    from django.db import transaction

    from waarborg.audit.log import Entry, append
    from waarborg.audit.logboek import spans

    since, subject = _since(args.since), _subject(args.subject)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    count = 0
    try:
        for span in spans(since=since, subject=subject):
            out.write(json.dumps(span, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    finally:
        if out is not sys.stdout:
            out.close()
    with transaction.atomic():
        append(Entry(action="audit.export_logboek", actor="system:cli", subject=subject,
                     detail={"spans": count, "since": args.since or "", "per_subject": subject is not None}))
    print(f"exported {count} processing spans", file=sys.stderr)
    return 0
