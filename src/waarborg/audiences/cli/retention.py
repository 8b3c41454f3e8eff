"""`waarborg sweep [--dry-run] [--before DATE]`, `waarborg retention recompute`, `waarborg hold add|list|release`
and `waarborg extend RECORD`.

The sweep prints one line per rule: what was (or would be) deleted, anonymised or kept by a hold, then one
line per hold that kept something. On a terminal it shows a progress bar (rich); piped, only the summary.
Holds and extensions act as the platform ("system:cli"), like every other command, and are audited so;
a mistake (an unknown record, a rule without extension) exits 1 and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from typing import Any

from waarborg.audiences.cli import UserError

ACTOR = "system:cli"


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

    holds = sub.add_parser("hold", aliases=["holds"], help="holds that keep data past its expiry")
    hsub = holds.add_subparsers(dest="holds_command", metavar="ACTION", required=True)
    add = hsub.add_parser("add", help="keep a record, a subject's data or a purpose's data past its expiry")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--subject", metavar="SUBJECT", help="all records of this subject (id or external id)")
    what.add_argument("--record", metavar="RECORD", help="this record (its id)")
    what.add_argument("--purpose", metavar="P", help="every record of this purpose")
    add.add_argument("--reason", required=True, help="why the data must be kept (the justification)")
    add.add_argument("--kind", default="organisation",
                     choices=["organisation", "dispute", "fraud_investigation", "legal_obligation"])
    add.add_argument("--review", metavar="DATE", help="when to look at the hold again (YYYY-MM-DD)")
    add.add_argument("--until", metavar="DATE", help="ends by itself then (default: when released)")
    add.set_defaults(handler=_hold_add)
    listing = hsub.add_parser("list", help="list the holds in force")
    listing.add_argument("--all", action="store_true", help="include released holds")
    listing.add_argument("--review-due", action="store_true", help="only holds past their review date")
    listing.set_defaults(handler=_holds_list)
    release = hsub.add_parser("release", help="release a hold: the clocks it kept run again")
    release.add_argument("hold", type=int, metavar="ID")
    release.set_defaults(handler=_hold_release)

    extend = sub.add_parser("extend", help="extend a record's retention once more by its rule's extension")
    extend.add_argument("record", metavar="RECORD", help="the record's id")
    extend.add_argument("--reason", required=True,
                        help="where the subject's request or consent is recorded (a letter, a case number)")
    extend.add_argument("--basis", choices=["subject_request", "subject_consent", "staff"],
                        help="default: what the rule's extension requires")
    extend.set_defaults(handler=_extend)


def _moment(text: str, option: str = "--before") -> datetime:
    from django.utils import timezone

    try:
        return timezone.make_aware(datetime.combine(date.fromisoformat(text), time.min))
    except ValueError as exc:
        raise UserError(f"{option}: {text!r} is not a date such as 2026-12-31") from exc


def _run(dry_run: bool, now: datetime | None, batch_size: int) -> Any:
    from waarborg.engine.retention.sweep import expired, sweep_expired

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
    from django.utils import timezone

    started = timezone.now()
    report = _run(dry_run, now, args.batch_size)
    if not dry_run:
        from waarborg.engine.retention.jobs import record_cli_sweep

        record_cli_sweep(report, started)
    would = "would be " if dry_run else ""

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
    if report.holds:
        from waarborg.engine.retention.models import Hold

        kinds = dict(Hold.objects.filter(pk__in=list(report.holds)).values_list("pk", "reason"))
        for hold_id, count in sorted(report.holds.items()):
            print(f"kept by hold {hold_id} ({kinds.get(hold_id, '?')}): {count} record(s)")
    total = f"total: {sum(report.deleted.values())} {would}deleted, {sum(report.anonymised.values())} {would}anonymised"
    if not dry_run:
        total += f"; {report.shredded} data keys shredded"
    print(total)
    return 0


def _record(ref: str) -> Any:
    import uuid

    from waarborg.engine.vault.models import Record

    try:
        found = Record.objects.filter(pk=uuid.UUID(ref), anonymised_at__isnull=True).first()
    except ValueError:
        found = None
    if found is None:
        raise UserError(f"no record {ref!r} (give its id)")
    return found


def _hold_add(args: argparse.Namespace) -> int:
    from waarborg.engine.caseloads.actions import find_subject
    from waarborg.engine.retention.holds import hold_place

    subject = record = None
    if args.subject:
        subject = find_subject(args.subject)
        if subject is None:
            raise UserError(f"no subject {args.subject!r} (give its id or its external id)")
    if args.record:
        record = _record(args.record)
    review = _moment(args.review, "--review") if args.review else None
    until = _moment(args.until, "--until") if args.until else None
    hold = hold_place(ACTOR, reason=args.kind, justification=args.reason, subject=subject,
                      record=record, purpose=args.purpose or "", until=until, review_at=review)
    print(f"hold {hold.pk} placed on {hold.scope()[1]}")
    return 0


def _holds_list(args: argparse.Namespace) -> int:
    from waarborg.engine.retention.holds import holds_list, review_due

    holds = holds_list(include_released=args.all, review_due_only=args.review_due)
    if not holds:
        print("no holds to review" if args.review_due else "no holds in force")
        return 0
    from django.utils import timezone

    def day(moment: Any) -> str:
        return timezone.localtime(moment).date().isoformat()

    print("id\tkind\tcovers\tuntil\treview\treason")
    for hold in holds:
        until = day(hold.until) if hold.until else "until released"
        review = day(hold.review_at) if hold.review_at else "-"
        if review_due(hold):
            review += " (to review)"
        released = f" released {day(hold.released_at)}" if hold.released_at else ""
        print(f"{hold.pk}\t{hold.reason}\t{hold.scope()[1]}\t{until}{released}\t{review}\t{hold.justification}")
    return 0


def _hold_release(args: argparse.Namespace) -> int:
    from waarborg.engine.retention.holds import hold_release
    from waarborg.engine.retention.models import Hold

    hold = Hold.objects.filter(pk=args.hold).first()
    if hold is None:
        raise UserError(f"no hold {args.hold}")
    hold_release(ACTOR, hold)
    print(f"hold {hold.pk} released; the clocks it kept run again")
    return 0


def _extend(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.engine.retention.adjustments import record_extend

    record = _record(args.record)
    record = record_extend(ACTOR, record, reason=args.reason, basis=args.basis)
    until = timezone.localtime(record.expires_at).date().isoformat() if record.expires_at else "open (no date yet)"
    print(f"record {record.pk} extended under rule {record.retention_rule}: kept until {until}")
    return 0


def _recompute(args: argparse.Namespace) -> int:
    from waarborg.engine.audit.log import Entry, append
    from waarborg.engine.policy.active import active
    from waarborg.engine.retention.recompute import recompute_all

    current = active()
    if args.rule and args.rule not in current.policy.retention:
        raise UserError(f"the active policy has no retention rule {args.rule!r}")
    changed = recompute_all(current.policy, args.rule)
    append(Entry(action="retention.recompute", actor="system:cli", policy_version=current.number,
                 detail={"rule": args.rule or "", "clocks_changed": changed}))
    print(f"{changed} clocks changed")
    return 0
