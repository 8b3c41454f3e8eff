"""`waarborg audit verify|checkpoint|public-key|export-logboek`.

- `verify`: check every entry's MAC, the checkpoints in the database and the latest one outside it; exit 1
  naming the first broken entry or the missing tail, else print the count and how far the checkpoints reach.
- `checkpoint`: seal what is new and write the signed checkpoint outside the database; the line on stdout
  (for any other anchor: syslog, a mail, an append-only store).
- `public-key`: the checkpoint key's public half (PEM), all that is needed to check a checkpoint's signature.
- `export -o FILE`: the whole log (ids, MACs and the content each MAC covers) with a signed closing line, from a
  log that verifies; `verify-export FILE --public-key PEM --checkpoints FILE` checks such a file with public
  material only, without the database or any secret (for the FG or the Autoriteit Persoonsgegevens).
- `export-logboek [--since DATE] [--subject ID] [--output FILE]`: the processing log as JSON lines in
  the shape of the Logboek Dataverwerkingen standard (one span per processing, no staff identities).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="the audit log")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = asub.add_parser("verify", help="check the audit log's entries against their keys and checkpoints")
    verify.add_argument("--checkpoints", metavar="FILE", default=None,
                        help="the checkpoint file to check against (default: WAARBORG_AUDIT_CHECKPOINTS)")
    verify.set_defaults(handler=_verify)
    checkpoint = asub.add_parser("checkpoint", help="seal the log so far and write a signed checkpoint outside "
                                                    "the database")
    checkpoint.set_defaults(handler=_checkpoint)
    public = asub.add_parser("public-key", help="print the public key that checks the checkpoints' signatures")
    public.set_defaults(handler=_public_key)
    full = asub.add_parser("export", help="export the audit log for checking with the public key only")
    full.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write (JSON lines)")
    full.add_argument("--force", action="store_true", help="replace FILE if it exists")
    full.set_defaults(handler=_export_log)
    public = asub.add_parser("verify-export", help="check an exported audit log with the public key and the "
                                                   "checkpoints (no database, no secret)")
    public.add_argument("export", metavar="FILE", help="the file `waarborg audit export` wrote")
    public.add_argument("--public-key", metavar="PEM", required=True, help="what `waarborg audit public-key` printed")
    public.add_argument("--checkpoints", metavar="FILE", required=True,
                        help="the checkpoint file (or your own copy of its lines)")
    public.set_defaults(handler=_verify_export, needs_django=False)
    export = asub.add_parser("export-logboek", help="export the processing log (Logboek Dataverwerkingen, JSON lines)")
    export.add_argument("--since", metavar="DATE", help="only processing at or after this date (YYYY-MM-DD) or time")
    export.add_argument("--subject", metavar="ID", help="only the processing of this subject (vault id)")
    export.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(handler=_export)


def _verify(args: argparse.Namespace) -> int:
    from waarborg.engine.audit.checkpoints import path
    from waarborg.engine.audit.verification import check

    source = Path(args.checkpoints) if args.checkpoints else None
    report = check(source=source)
    broken = report.broken
    if broken is not None:
        where = f"at entry {broken.entry_id}" if broken.entry_id is not None else "at the end"
        raise UserError(f"audit chain broken {where}: {broken.problem} "
                        f"({report.entries} entries before it are intact)")
    print(f"audit chain intact: {report.entries} entries")
    if report.sealed is None:
        print("no checkpoint yet: `waarborg audit checkpoint` seals the log so far")
    else:
        outside = f"outside the database in {source or path()}" if report.outside else "in the database only"
        print(f"checkpoint {report.sealed['sequence']} ({outside}) seals {report.sealed['entries']} entries up "
              f"to entry {report.sealed['last_entry']}; {report.unsealed} {'entry' if report.unsealed == 1 else 'entries'} since, each with a valid MAC")
    return 0


def _new_file(name: str, force: bool) -> Path:
    """An export's file: an earlier export there (perhaps the copy handed to the supervisor) is replaced only
    when asked."""
    target = Path(name)
    if target.exists() and not force:
        raise UserError(f"{target} exists already; give another file, or --force to replace it")
    return target


def _export_log(args: argparse.Namespace) -> int:
    from waarborg.engine.audit.exports import ExportRefused, export

    target = _new_file(args.output, args.force)
    partial = target.with_name(target.name + ".partial")
    try:
        # 0600: the export holds the log's pseudonyms and details; it is for the FG, not for the machine's users
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            count, last = export(out)
    except ExportRefused as exc:
        partial.unlink(missing_ok=True)
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}") from None
    partial.replace(target)
    print(f"exported {count} audit entries up to entry {last} to {target}", file=sys.stderr)
    return 0


def _verify_export(args: argparse.Namespace) -> int:
    from waarborg.engine.audit.public import Broken, verify

    try:
        pem = Path(args.public_key).read_bytes()
        lines = Path(args.checkpoints).read_text(encoding="utf-8").splitlines()
        export = Path(args.export)
        if not export.is_file():
            raise UserError(f"no export at {export}")
        if not any(line.strip() for line in lines):
            # without checkpoints only the export's own signature speaks for it: whoever made the export could
            # have left entries out; an empty file is a wrong file, not a check passed
            raise UserError(f"{args.checkpoints} holds no checkpoint, so the export's completeness cannot be "
                            "checked: give the installation's checkpoint file or the copies you received (run "
                            "`waarborg audit checkpoint` at the installation first if it never made one)")
        result = verify(export, pem, lines)
    except Broken as broken:
        where = f" at entry {broken.entry_id}" if broken.entry_id is not None else ""
        raise UserError(f"export does not verify{where}: {broken.problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read: {exc}") from None
    print(f"export intact: {result.entries} entries up to entry {result.last_entry}, exported {result.exported_at}")
    if result.sealed is None:
        print(f"no checkpoint covers them ({result.checkpoints} checkpoints read): only the export's signature does")
    else:
        print(f"checkpoint {result.sealed['sequence']} of {result.sealed['at']} seals {result.sealed['entries']} "
              f"entries up to entry {result.sealed['last_entry']}; {result.unsealed} after it rest on the "
              "export's signature only")
    return 0


def _checkpoint(args: argparse.Namespace) -> int:
    from waarborg.engine.audit.checkpoints import checkpoint, line, path
    from waarborg.engine.audit.seals import SealDelayed

    try:
        new = checkpoint(actor="system:cli", announce=False)  # the line goes to stdout below, once
    except SealDelayed as exc:
        raise UserError(str(exc)) from None
    if new is None:
        print("nothing appended since the last checkpoint", file=sys.stderr)
        return 0
    print(line(new))
    print(f"checkpoint {new.sequence}: {new.entries} entries up to entry {new.last_entry}, written to {path()}",
          file=sys.stderr)
    return 0


def _public_key(args: argparse.Namespace) -> int:
    from waarborg.engine.audit.keys import key_id, public_key_text

    print(public_key_text(), end="")
    print(f"key id {key_id()}", file=sys.stderr)
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

    from waarborg.engine.audit.log import Entry, append
    from waarborg.engine.audit.logboek import spans

    since, subject = _since(args.since), _subject(args.subject)
    if args.output:
        _new_file(args.output, args.force)
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
