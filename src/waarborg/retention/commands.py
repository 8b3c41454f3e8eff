"""`waarborg sweep [--dry-run] [--before DATE]`, `waarborg holds list`, `waarborg backup create|list|prune|restore`.

The sweep prints one line per rule: what was (or would be) deleted, anonymised or kept by a hold.
On a terminal it shows a progress bar (rich); piped, it prints only the summary.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from typing import Any

from waarborg.cli import UserError


def register(sub: Any) -> None:
    sweep = sub.add_parser("sweep", help="run the retention sweep now")
    sweep.add_argument("--dry-run", action="store_true", help="print what would go; change nothing")
    sweep.add_argument("--before", metavar="DATE",
                       help="preview: what would go by this date (YYYY-MM-DD); implies --dry-run")
    sweep.add_argument("--batch-size", type=int, default=5000, metavar="N",
                       help="records per transaction (default 5000)")
    sweep.set_defaults(handler=_sweep)

    retention = sub.add_parser("retention", help="retention clocks")
    rsub = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    again = rsub.add_parser("recompute", help="recompute every live clock, e.g. after a policy change")
    again.add_argument("--rule", help="only records under this retention rule")
    again.set_defaults(handler=_recompute)

    holds = sub.add_parser("holds", help="legal holds that keep data past its expiry")
    hsub = holds.add_subparsers(dest="holds_command", metavar="ACTION", required=True)
    listing = hsub.add_parser("list", help="list the holds in force")
    listing.add_argument("--all", action="store_true", help="include released holds")
    listing.set_defaults(handler=_holds_list)


def _moment(text: str) -> datetime:
    from django.utils import timezone

    try:
        return timezone.make_aware(datetime.combine(date.fromisoformat(text), time.min))
    except ValueError as exc:
        raise UserError(f"--before: {text!r} is not a date such as 2026-12-31") from exc


def _run(dry_run: bool, now: datetime | None, batch_size: int) -> Any:
    from waarborg.retention.sweep import expired, sweep_expired

    if not sys.stdout.isatty():
        return sweep_expired(now=now, dry_run=dry_run, batch_size=batch_size)
    from django.utils import timezone
    from rich.progress import Progress

    total = expired(now or timezone.now()).count()
    with Progress(transient=True) as progress:
        task = progress.add_task("bewaartermijnen / retention sweep", total=total)
        return sweep_expired(now=now, dry_run=dry_run, batch_size=batch_size,
                             on_batch=lambda n: progress.advance(task, n))


def _sweep(args: argparse.Namespace) -> int:
    if args.batch_size < 1:
        raise UserError("--batch-size must be at least 1")
    now = _moment(args.before) if args.before else None
    dry_run = bool(args.dry_run or args.before)
    report = _run(dry_run, now, args.batch_size)
    would = "would be " if dry_run else ""
    from django.utils import timezone

    header = f"retention sweep at {timezone.localtime(report.now).isoformat(timespec='seconds')}"
    print(header + (" (dry run: nothing changed)" if dry_run else ""))
    for rule in report.rules():
        parts = []
        if report.deleted[rule]:
            parts.append(f"{report.deleted[rule]} {would}deleted")
        if report.anonymised[rule]:
            parts.append(f"{report.anonymised[rule]} {would}anonymised")
        if report.held[rule]:
            parts.append(f"{report.held[rule]} kept by a hold")
        print(f"{rule}: {', '.join(parts)}")
    total = f"total: {sum(report.deleted.values())} {would}deleted, {sum(report.anonymised.values())} {would}anonymised"
    if not dry_run:
        total += f"; {report.shredded} data keys shredded"
    print(total)
    return 0


def _holds_list(args: argparse.Namespace) -> int:
    from waarborg.retention.holds import holds_list

    holds = holds_list(include_released=args.all)
    if not holds:
        print("no holds in force")
        return 0
    for hold in holds:
        target = f"record {hold.record_id}" if hold.record_id else f"subject {hold.subject_id}"
        until = hold.until.date().isoformat() if hold.until else "until released"
        released = f" released {hold.released_at.date().isoformat()}" if hold.released_at else ""
        print(f"{hold.pk}\t{hold.reason}\t{target}\t{until}{released}\t{hold.justification}")
    return 0


def _recompute(args: argparse.Namespace) -> int:
    from waarborg.audit.log import Entry, append
    from waarborg.policy.active import active
    from waarborg.retention.clock import recompute_all

    current = active()
    if args.rule and args.rule not in current.policy.retention:
        raise UserError(f"the active policy has no retention rule {args.rule!r}")
    changed = recompute_all(current.policy, args.rule)
    append(Entry(action="retention.recompute", actor="system:cli", policy_version=current.number,
                 detail={"rule": args.rule or "", "clocks_changed": changed}))
    print(f"{changed} clocks changed")
    return 0
