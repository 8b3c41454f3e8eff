"""`waarborg audit verify`: check the hash chain; exit 1 naming the first broken entry."""

from __future__ import annotations

import argparse
from typing import Any

from waarborg.cli import UserError


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="the audit log")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = asub.add_parser("verify", help="check the audit log's hash chain")
    verify.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    from waarborg.audit.log import verify

    count, broken = verify()
    if broken is not None:
        raise UserError(f"audit chain broken at entry {broken.entry_id}: {broken.problem} "
                        f"({count} entries before it are intact)")
    print(f"audit chain intact: {count} entries")
    return 0
