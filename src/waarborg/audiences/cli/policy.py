"""`waarborg policy check|activate` and `waarborg render statement|register`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date, datetime, time
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    policy = sub.add_parser("policy", help="validate and activate policy files")
    psub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    check = psub.add_parser("check", help="validate only; each problem as FILE:LINE:COLUMN: message")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.set_defaults(handler=_check, needs_django=False)
    act = psub.add_parser("activate", help="validate, store as a new version, make it current")
    act.add_argument("file", metavar="FILE", nargs="?", help="default: WAARBORG_POLICY")
    act.add_argument("--if-none", action="store_true", help="only when no policy is active yet (install scripts)")
    act.add_argument("--effective", metavar="DATE", help="take effect at the start of this day (2027-01-01) or at "
                     "this moment; until then the current version stays in force. Default: the file's "
                     "statement.effective when that lies ahead, else now")
    act.set_defaults(handler=_activate)
    hist = psub.add_parser("history", help="list the stored policy versions")
    hist.set_defaults(handler=_history)

    render = sub.add_parser("render", help="generate the privacy statement or the art. 30 register")
    rsub = render.add_subparsers(dest="render_command", metavar="DOCUMENT", required=True)
    st = rsub.add_parser("statement", help="the privacyverklaring on stdout")
    st.add_argument("--policy", metavar="FILE")
    st.add_argument("--lang", choices=("nl", "en"), default="nl")
    st.add_argument("--format", choices=("html", "md"), default="html")
    st.set_defaults(handler=_render_statement)
    rg = rsub.add_parser("register", help="the register of processing activities on stdout")
    rg.add_argument("--policy", metavar="FILE")
    rg.add_argument("--format", choices=("csv", "json", "jsonld"), default="csv")
    rg.set_defaults(handler=_render_register)


def _load(path: str) -> Any:
    """A policy file that may be published: valid, and its statement passes the art. 13/14 checklist."""
    from waarborg.engine.policy.checklist import checklist
    from waarborg.engine.policy.loader import PolicyError, load_file

    try:
        loaded = load_file(path)
    except PolicyError as exc:
        raise UserError(f"{path} is not a valid policy:\n{exc}") from None
    errors, warnings = checklist(loaded)
    if errors:
        raise UserError(f"{path} is not a valid policy:\n" + "\n".join(map(str, errors)))
    return _with_warnings(loaded, warnings)


def _with_warnings(loaded: Any, warnings: list[Any]) -> Any:
    import dataclasses

    return dataclasses.replace(loaded, warnings=tuple(sorted({*loaded.warnings, *warnings})))


def _check(args: argparse.Namespace) -> int:
    from waarborg.engine.policy.checklist import checklist
    from waarborg.engine.policy.loader import PolicyError, load_file

    failed = False
    for path in args.files:
        try:
            loaded = load_file(path)
            errors, warnings = checklist(loaded)  # the art. 13/14 checklist of the statement it generates
            if errors:
                raise PolicyError(errors)
            loaded = _with_warnings(loaded, warnings)
        except PolicyError as exc:
            failed = True
            for problem in exc.problems:
                print(problem, file=sys.stderr)
        else:
            for warning in loaded.warnings:
                print(warning, file=sys.stderr)
            count = len(loaded.warnings)
            print(f"{path}: ok" + (f" ({count} warning{'' if count == 1 else 's'})" if count else ""))
    return 1 if failed else 0


def _activate(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from waarborg.engine.policy.active import activate, current, current_version_number, schedule

    path = args.file or settings.WAARBORG_POLICY
    loaded = _load(path) if path else None  # an invalid file changes nothing, not even the schema
    for warning in loaded.warnings if loaded else ():
        print(warning, file=sys.stderr)
    call_command("migrate", verbosity=0, interactive=False)
    active = current_version_number() if args.if_none else None
    if active is not None:
        print(f"policy version {active} stays active{f'; {path} not activated' if path else ''}", file=sys.stderr)
        return 0
    if loaded is None:
        raise UserError("name the policy FILE (or set WAARBORG_POLICY)")
    effective_at = _effective(args.effective, loaded.policy.statement.effective)
    if effective_at is not None and current_version_number() is not None:
        in_force = current()
        version = schedule(loaded, effective_at)
        print(f"policy version {version.number} takes effect on {timezone.localtime(effective_at):%Y-%m-%d %H:%M}; "
              "until then the current version stays in force", file=sys.stderr)
        if loaded.policy.statement.notify_subjects:  # the policy says people are told ahead (statement.notify_subjects)
            from waarborg.engine.announcements.policy_change import announce

            told = announce(in_force, loaded.policy, version.number, effective_at)
            print(f"notice of the change mailed to {told.sent} "
                  f"address(es) for {len(told.told)} people; {told.failed} failed, {told.unreachable} people "
                  "without an e-mail address", file=sys.stderr)
    else:
        if effective_at is not None:
            print("no policy is in force yet: this one takes effect now", file=sys.stderr)
        before = current_version_number()
        version = activate(loaded)
        said = "unchanged: it stays active" if version.number == before else "now active"
        print(f"{path}: policy version {version.number} of {loaded.policy.organisation.id}, {said}", file=sys.stderr)
    print(version.number)  # stdout: the number alone, for scripts
    return 0


def _effective(given: str | None, statement_effective: date) -> datetime | None:
    """The future moment the version takes effect, or None for now."""
    from django.utils import timezone

    def day_start(day: date) -> datetime:  # midnight in the organisation's time zone
        return timezone.make_aware(datetime.combine(day, time.min))

    now = timezone.now()
    if given is None:
        moment = day_start(statement_effective)
    else:
        try:
            moment = day_start(date.fromisoformat(given)) if len(given) == 10 else datetime.fromisoformat(given)
        except ValueError:
            raise UserError(f"--effective {given!r}: give a date such as 2027-01-01 or a moment such as "
                            "2027-01-01T09:00+01:00") from None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
    return moment if moment > now else None


def _history(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.engine.policy.active import NoActivePolicy, active
    from waarborg.engine.policy.models import PolicyVersion

    with contextlib.suppress(NoActivePolicy):
        active()  # a scheduled version whose moment has come becomes current first
    for v in PolicyVersion.objects.order_by("number"):
        mark = "*" if v.is_current else " "
        waiting = (f"  takes effect {timezone.localtime(v.effective_at):%Y-%m-%d %H:%M}"
                   if v.scheduled and v.effective_at else "")
        print(f"{mark} {v.number:>4}  {v.activated_at:%Y-%m-%d %H:%M}  {v.organisation}  "
              f"statement {v.statement_version} ({v.statement_effective})  {v.sha256[:12]}{waiting}")
    return 0


def _policy_for(args: argparse.Namespace) -> Any:
    if args.policy:
        return _load(args.policy).policy
    from waarborg.engine.policy.active import NoActivePolicy, current

    try:
        return current()
    except NoActivePolicy as exc:
        raise UserError(f"{exc}, or pass --policy FILE") from None


def _render_statement(args: argparse.Namespace) -> int:
    from waarborg.engine.policy.render.statement import render_statement

    sys.stdout.write(render_statement(_policy_for(args), lang=args.lang, fmt=args.format))
    return 0


def _render_register(args: argparse.Namespace) -> int:
    from waarborg.engine.policy.render.register import render_register

    sys.stdout.write(render_register(_policy_for(args), fmt=args.format))
    return 0
