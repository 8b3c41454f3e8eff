"""`waarborg staff add USERNAME --role ROLE [--role ROLE...] [--token] [--service] [--team T] [--unsigned]`, and
looking after accounts: `staff list`, `staff deactivate USER`, `staff password USER`, `staff token USER`,
`staff roles USER [--set r1,r2]`, `staff sign USER [--on YYYY-MM-DD]` (the confidentiality declaration, S4-08),
`staff lockouts` (who is locked out now), `staff unlock [USERNAME] [--address IP]` (lift a login lockout,
audited), `staff 2fa-reset USERNAME` (remove a
lost second factor: the next login enrols afresh, audited)."""

from __future__ import annotations

import argparse
import secrets
import sys
from datetime import date, datetime, time
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    staff = sub.add_parser("staff", help="staff and service accounts")
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="create a staff account with roles of the active policy")
    add.add_argument("username")
    add.add_argument("--role", action="append", default=[], required=True, metavar="ROLE")
    add.add_argument("--token", action="store_true", help="print an API token as the last line of stdout")
    add.add_argument("--service", action="store_true", help="a service account for an integration")
    add.add_argument("--team", default="", help="a team of the policy's teams (or one an account carries already)")
    add.add_argument("--new-team", action="store_true", help="start a team the policy does not declare, on purpose")
    add.add_argument("--email", default="")
    add.add_argument("--unsigned", action="store_true",
                     help="the confidentiality declaration is not on file yet: no personal data until "
                          "`waarborg staff sign USERNAME`")
    add.set_defaults(handler=_add)
    listing = ssub.add_parser("list", help="every staff and service account: roles, team, active, live tokens")
    listing.set_defaults(handler=_list)
    for name, helptext, handler in (
            ("deactivate", "no more logins; every token of the account is revoked", _deactivate),
            ("password", "a new one-time password (printed once)", _password),
            ("token", "a new API token (last line of stdout); the old ones are revoked", _token)):
        one = ssub.add_parser(name, help=helptext)
        one.add_argument("username")
        one.set_defaults(handler=handler)
    roles = ssub.add_parser("roles", help="show the account's roles, or replace them with --set")
    roles.add_argument("username")
    roles.add_argument("--set", dest="roles", default=None, metavar="R1,R2", help="comma-separated roles")
    roles.set_defaults(handler=_roles)
    sign = ssub.add_parser("sign", help="record a staff member's signed confidentiality declaration")
    sign.add_argument("username")
    sign.add_argument("--on", type=_day, default=None, metavar="YYYY-MM-DD",
                      help="the date on the signed declaration (default: now)")
    sign.set_defaults(handler=_sign)
    unlock = ssub.add_parser("unlock", help="lift a login lockout of an account and/or a source address")
    unlock.add_argument("username", nargs="?", default="")
    unlock.add_argument("--address", default="", metavar="IP", help="the client address that was locked out")
    unlock.set_defaults(handler=_unlock)
    locked = ssub.add_parser("lockouts", help="list the accounts and addresses locked out now (to unlock them)")
    locked.set_defaults(handler=_lockouts)
    reset = ssub.add_parser("2fa-reset", help="remove a staff member's second factor (a lost or new phone): "
                                              "their next login sets up a new one")
    reset.add_argument("username")
    reset.set_defaults(handler=_second_factor_reset)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _add(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.actions import StaffError, staff_create

    try:
        user, password, token = staff_create(
            args.username, args.role, team=args.team, email=args.email,
            service=args.service, with_token=args.token, known_team_only=not args.new_team,
            confidentiality_signed=not args.unsigned,
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

    from waarborg.engine.accounts.actions import StaffError, confidentiality_sign

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


def _lockouts(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.audiences.web.lockout import lockouts

    accounts, addresses = lockouts("system:cli")
    if not accounts and not addresses:
        print("no account and no address is locked out")
    for kind, rows in (("account", accounts), ("address", addresses)):
        for row in rows:
            what = " (second factor included)" if row.second_factor else ""
            print(f"{kind} {row.who}: {row.failures} failed attempts{what}, locked until "
                  f"{timezone.localtime(row.until):%Y-%m-%d %H:%M %Z}")
    if accounts or addresses:
        print("unlock with: waarborg staff unlock USERNAME and/or --address IP", file=sys.stderr)
    return 0


def _unlock(args: argparse.Namespace) -> int:
    import ipaddress

    from waarborg.audiences.web.lockout import unlock

    if not args.username and not args.address:
        raise UserError("name an account (USERNAME) and/or --address IP; `waarborg staff lockouts` lists them")
    if args.address:
        try:
            ipaddress.ip_address(args.address)
        except ValueError:
            raise UserError(f"--address: {args.address!r} is not an IP address") from None
    count = unlock("system:cli", username=args.username, address=args.address)
    what = " and ".join(part for part in (args.username and f"account {args.username}",
                                          args.address and f"address {args.address}") if part)
    print(f"unlocked {what}: its failed attempts are forgotten ({count} stored record(s) of them removed)")
    return 0


def _second_factor_reset(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.actions import second_factor_reset

    user, devices, kinds = _run(second_factor_reset, args.username)
    print(f"second factor of {user.username} removed ({devices} device(s): {', '.join(kinds)}); "
          "their next login sets up a new one. Sessions that entered a code with it no longer count as verified.")
    return 0


def random_password() -> str:
    return secrets.token_urlsafe(15)


def _list(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.maintenance import staff_list

    rows = staff_list()
    width = max([len(r.username) for r in rows] + [8])
    print(f"{'USERNAME':<{width}}  {'KIND':<7}  {'ACTIVE':<6}  {'TOKENS':<6}  {'TEAM':<16}  {'2FA':<11}  ROLES")
    for r in rows:
        # 2FA: what the staff member set up, an authenticator app and/or a passkey, or "no" (services: "-")
        second = "-" if r.kind == "service" else (r.second_factor or "no")
        print(f"{r.username:<{width}}  {r.kind:<7}  {'yes' if r.active else 'no':<6}  {r.tokens:<6}  "
              f"{r.team or '-':<16}  {second:<11}  {', '.join(r.roles) or '-'}")
    return 0


def _run(action: Any, *args: Any) -> Any:
    from waarborg.engine.accounts.actions import StaffError

    try:
        return action(*args)
    except StaffError as exc:
        raise UserError(str(exc)) from None


def _deactivate(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.maintenance import staff_deactivate

    user, revoked = _run(staff_deactivate, args.username)
    print(f"deactivated {user.username}; {revoked} token(s) revoked. Cases assigned to them stay until a "
          "caseload manager hands them over.")
    return 0


def _password(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.maintenance import staff_password

    user, password = _run(staff_password, args.username)
    print(f"new password for {user.username} (shown once): {password}")
    return 0


def _token(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.maintenance import staff_token

    user, key, revoked = _run(staff_token, args.username)
    print(f"new token for {user.username}; {revoked} older token(s) revoked")
    print(key)
    return 0


def _roles(args: argparse.Namespace) -> int:
    from waarborg.engine.accounts.maintenance import staff_account, staff_set_roles

    if args.roles is None:
        user = _run(staff_account, args.username)
        print(", ".join(user.roles or []) or "-")
        return 0
    user, old = _run(staff_set_roles, args.username, [r.strip() for r in args.roles.split(",") if r.strip()])
    print(f"roles of {user.username}: {', '.join(old) or '-'} -> {', '.join(user.roles)}")
    return 0
