"""`waarborg report accountability [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang nl|en] -o FILE.pdf`: the privacy
officer's accountability report of a period as PDF (the back office's "Verantwoording" page, on paper).

Without dates: the last twelve months up to and including this one. `--to` is the first day not counted.
The command acts as the platform (`system:cli`); the report is on record (`report.accountability`).
"""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    report = sub.add_parser("report", help="reports for the privacy officer")
    rsub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    acc = rsub.add_parser("accountability", help="the accountability report of a period as PDF")
    acc.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: 12 months ago)")
    acc.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="first day not counted (default: next month)")
    acc.add_argument("--lang", choices=("nl", "en"), default="nl")
    acc.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the PDF ('-': stdout)")
    acc.set_defaults(handler=_accountability)


def _day(text: str | None, option: str) -> Any:
    from datetime import date

    from waarborg.audiences.cli import UserError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option}: give a date as 2027-01-31") from None


def _accountability(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from waarborg.audiences.cli import UserError
    from waarborg.engine.oversight.figures import default_period
    from waarborg.engine.oversight.report import pdf

    start, end = default_period()
    start = _day(args.start, "--from") or start
    end = _day(args.end, "--to") or end
    if end <= start:
        raise UserError("--to must lie after --from")
    content = pdf("system:cli", start, end, lang=args.lang)
    if args.output == "-":
        sys.stdout.buffer.write(content)
    else:
        try:
            Path(args.output).write_bytes(content)
        except OSError as exc:
            raise UserError(f"cannot write {args.output}: {exc.strerror}") from None
        print(f"{args.output}: {len(content)} bytes, {start} to {end}")
    return 0
