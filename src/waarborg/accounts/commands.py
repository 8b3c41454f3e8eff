"""`waarborg staff add USERNAME --role ROLE [--role ROLE...] [--token] [--service] [--team T] [--unsigned]` and
`waarborg staff sign USERNAME [--on YYYY-MM-DD]` (the confidentiality declaration, S4-08)."""

from __future__ import annotations

import argparse
import secrets
from datetime import date, datetime, time
from typing import Any

from waarborg.cli import UserError


def register(sub: Any) -> None:
    staff = sub.add_parser("staff", help="staff and service accounts")
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="create a staff account with roles of the active policy")
    add.add_argument("username")
    add.add_argument("--role", action="append", default=[], required=True, metavar="ROLE")
    add.add_argument("--token", action="store_true", help="print an API token as the last line of stdout")
    add.add_argument("--service", action="store_true", help="a service account for an integration")
    add.add_argument("--team", default="")
    add.add_argument("--email", default="")
    add.add_argument("--unsigned", action="store_true",
                     help="the confidentiality declaration is not on file yet: no personal data until "
                          "`waarborg staff sign USERNAME`")
    add.set_defaults(handler=_add)
    sign = ssub.add_parser("sign", help="record a staff member's signed confidentiality declaration")
    sign.add_argument("username")
    sign.add_argument("--on", type=_day, default=None, metavar="YYYY-MM-DD",
                      help="the date on the signed declaration (default: now)")
    sign.set_defaults(handler=_sign)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _add(args: argparse.Namespace) -> int:
    from waarborg.accounts.actions import StaffError, staff_create

    try:
        user, password, token = staff_create(
            args.username, args.role, team=args.team, email=args.email,
            service=args.service, with_token=args.token, confidentiality_signed=not args.unsigned,
        )
    except StaffError as exc:
        raise UserError(str(exc)) from None
    print(f"created {'service' if args.service else 'staff'} account {user.username} "
          f"with roles {', '.join(user.roles)}")
    if args.unsigned and not args.service:
        print(f"no personal data for {user.username} until the signed confidentiality declaration is recorded: "
              f"waarborg staff sign {user.username}")
    if password:
        print(f"password (shown once): {password}")
    if token:
        print(token)
    return 0


def _sign(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.accounts.actions import StaffError, confidentiality_sign

    at = None
    if args.on is not None and args.on != timezone.localdate():
        at = timezone.make_aware(datetime.combine(args.on, time(12, 0)))  # a day: noon, the same date in UTC
    try:
        user = confidentiality_sign(args.username, signed_at=at)
    except StaffError as exc:
        raise UserError(str(exc)) from None
    print(f"confidentiality declaration of {user.username} recorded "
          f"({timezone.localtime(user.confidentiality_signed_at):%Y-%m-%d})")
    return 0


def random_password() -> str:
    return secrets.token_urlsafe(15)
