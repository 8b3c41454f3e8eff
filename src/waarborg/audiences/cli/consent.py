"""`waarborg consents export` (the toestemmingsregister) and `waarborg notices` (subjects not yet informed)."""

from __future__ import annotations

import argparse
import json
import uuid
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    consents = sub.add_parser("consents", help="the consent register (toestemmingsregister)")
    csub = consents.add_subparsers(dest="consents_command", metavar="ACTION", required=True)
    export = csub.add_parser("export", help="print the register as CSV or JSON")
    export.add_argument("--subject", help="only this subject's consents (id)")
    export.add_argument("--purpose", help="only this purpose")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.set_defaults(handler=_export)

    notices = sub.add_parser("notices", help="list subjects not yet informed (notices not sent)")
    notices.add_argument("--overdue", action="store_true", help="only notices past their due date")
    notices.set_defaults(handler=_notices)


def _export(args: argparse.Namespace) -> int:
    from waarborg.engine.consent.register import register_export
    from waarborg.engine.consent.rows import consent_row, register_csv

    try:
        subject = str(uuid.UUID(args.subject)) if args.subject else None
    except ValueError:
        raise UserError(f"{args.subject!r} is not a subject id") from None
    rows = [consent_row(c) for c in register_export("system:cli", purpose=args.purpose or "", subject=subject,
                                                    fmt=args.format)]
    print(register_csv(rows) if args.format == "csv" else json.dumps(rows, indent=2, ensure_ascii=False), end="")
    return 0


def list_uninformed(*, overdue_only: bool) -> int:
    from waarborg.engine.consent.notices import uninformed

    count = 0
    for notice in uninformed(overdue_only=overdue_only):
        source = f"{notice.source_kind}: {notice.source_detail}".rstrip(": ") if notice.source_kind else "-"
        print(f"{notice.due_at:%Y-%m-%d}\t{notice.subject_id}\t{notice.purpose}\t{notice.kind}\t{source}")
        count += 1
    return count


def _notices(args: argparse.Namespace) -> int:
    count = list_uninformed(overdue_only=args.overdue)
    print(f"{count} kennisgeving(en) nog niet verstuurd / notice(s) not sent yet")
    return 0
