"""`waarborg notices [--overdue]`: the subjects not yet informed (art. 13/14 notices not sent)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    notices = sub.add_parser("notices", help="list subjects not yet informed (notices not sent)")
    notices.add_argument("--overdue", action="store_true", help="only notices past their due date")
    notices.set_defaults(handler=_notices)


def list_uninformed(*, overdue_only: bool) -> int:
    from waarborg.consent.notices import uninformed

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
