"""`waarborg staff add USERNAME --role ROLE [--role ROLE...] [--token] [--service] [--team T]` and
`waarborg staff unlock [USERNAME] [--address IP]` (lift a login lockout, audited)."""

from __future__ import annotations

import argparse
import secrets
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
    add.set_defaults(handler=_add)
    unlock = ssub.add_parser("unlock", help="lift a login lockout of an account and/or a source address")
    unlock.add_argument("username", nargs="?", default="")
    unlock.add_argument("--address", default="", metavar="IP", help="the client address that was locked out")
    unlock.set_defaults(handler=_unlock)


def _add(args: argparse.Namespace) -> int:
    from waarborg.accounts.actions import StaffError, staff_create

    try:
        user, password, token = staff_create(
            args.username, args.role, team=args.team, email=args.email,
            service=args.service, with_token=args.token,
        )
    except StaffError as exc:
        raise UserError(str(exc)) from None
    print(f"created {'service' if args.service else 'staff'} account {user.username} "
          f"with roles {', '.join(user.roles)}")
    if password:
        print(f"password (shown once): {password}")
    if token:
        print(token)
    return 0


def _unlock(args: argparse.Namespace) -> int:
    import ipaddress

    from waarborg.accounts.lockout import unlock

    if not args.username and not args.address:
        raise UserError("name an account (USERNAME) and/or --address IP")
    if args.address:
        try:
            ipaddress.ip_address(args.address)
        except ValueError:
            raise UserError(f"--address: {args.address!r} is not an IP address") from None
    count = unlock("system:cli", username=args.username, address=args.address)
    what = " and ".join(part for part in (args.username and f"account {args.username}",
                                          args.address and f"address {args.address}") if part)
    print(f"unlocked {what}: {count} failed attempt record(s) cleared")
    return 0


def random_password() -> str:
    return secrets.token_urlsafe(15)
