"""`waarborg assign`, `unassign`, `handover` and `caseload`: caseloads from the command line.

The CLI acts as the platform ("system:cli"), like every other command: it may assign without a role,
and every change is audited under that name. SUBJECT is the subject's id or its external id. A mistake
(an unknown name, a staff member without a grant on the purpose, a twin) exits 1 and changes nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from waarborg.audiences.cli import UserError

ACTOR = "system:cli"
_OPTIONS = {"staff": "--to", "to": "--to", "team": "--team", "purpose": "--purpose", "from": "--from"}


def register(sub: Any) -> None:
    assign = sub.add_parser("assign", help="put a subject in a staff member's or team's caseload",
                            description="Need-to-know purposes: from now on they may open the subject's records.")
    assign.add_argument("subject", metavar="SUBJECT", help="the subject's id or external id")
    assign.add_argument("--purpose", required=True, metavar="P", help="a need-to-know purpose of the active policy")
    to = assign.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="USERNAME", help="a staff member whose roles grant something on the purpose")
    to.add_argument("--team", metavar="TEAM", help="a team of the policy, or one a staff account carries")
    assign.set_defaults(handler=_assign)

    unassign = sub.add_parser("unassign", help="end an assignment: access ends at once, the history stays")
    unassign.add_argument("subject", metavar="SUBJECT", help="the subject's id or external id")
    unassign.add_argument("--purpose", required=True, metavar="P")
    of = unassign.add_mutually_exclusive_group(required=True)
    of.add_argument("--from", dest="from_", metavar="USERNAME")
    of.add_argument("--team", metavar="TEAM")
    unassign.set_defaults(handler=_unassign)

    handover = sub.add_parser("handover", help="hand over every case of a leaving colleague in one step")
    handover.add_argument("--from", dest="from_", required=True, metavar="USERNAME", help="the leaving colleague")
    to = handover.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="USERNAME")
    to.add_argument("--team", metavar="TEAM")
    handover.add_argument("--purpose", default="", metavar="P", help="only the cases of this purpose")
    handover.set_defaults(handler=_handover)

    caseload = sub.add_parser("caseload", help="list a staff member's or a team's cases")
    who = caseload.add_mutually_exclusive_group(required=True)
    who.add_argument("username", nargs="?", metavar="USERNAME", help="their own cases and their team's")
    who.add_argument("--team", metavar="TEAM")
    caseload.add_argument("--purpose", default="", metavar="P")
    caseload.add_argument("--all", action="store_true", help="ended assignments too")
    caseload.set_defaults(handler=_caseload)


def _run(step: Callable[[], Any]) -> Any:
    """The caseload's own wording of a duplicate and of invalid options; other domain errors reach the CLI."""
    from waarborg.core.errors import Invalid
    from waarborg.engine.caseloads.actions import AlreadyAssigned

    try:
        return step()
    except AlreadyAssigned as exc:
        raise UserError(f"already assigned (assignment {exc.existing.pk}): {exc.detail}") from None
    except Invalid as exc:
        raise UserError("; ".join(f"{_OPTIONS.get(field, field)}: {' '.join(msgs)}"
                                  for field, msgs in exc.errors.items())) from None


def _subject(ref: str) -> Any:
    from waarborg.engine.caseloads.actions import find_subject

    subject = find_subject(ref)
    if subject is None:
        raise UserError(f"no subject {ref!r} (give its id or its external id)")
    return subject


def _staff(username: str) -> Any:
    from waarborg.engine.caseloads.actions import find_staff

    user = find_staff(username)
    if user is None:
        raise UserError(f"no staff account named {username!r}")
    return user


def _whom(user: Any, team: str) -> str:
    return user.get_username() if user is not None else f"team {team}"


def _assign(args: argparse.Namespace) -> int:
    from waarborg.engine.caseloads.actions import assign

    subject = _subject(args.subject)
    user = _staff(args.to) if args.to else None
    done = _run(lambda: assign(ACTOR, subject, args.purpose, user=user, team=args.team or ""))
    print(f"assigned subject {subject.pk} for {args.purpose} to {_whom(user, args.team)} (assignment {done.pk})")
    return 0


def _unassign(args: argparse.Namespace) -> int:
    from waarborg.engine.caseloads.actions import unassign
    from waarborg.engine.vault.models import Assignment

    subject = _subject(args.subject)
    user = _staff(args.from_) if args.from_ else None
    rows = Assignment.objects.filter(subject=subject, purpose=args.purpose, ended_at__isnull=True)
    found = (rows.filter(user=user) if user is not None else rows.filter(team=args.team)).first()
    if found is None:
        raise UserError(f"subject {subject.pk} is not assigned to {_whom(user, args.team)} for {args.purpose}")
    _run(lambda: unassign(ACTOR, found))
    print(f"ended assignment {found.pk}: {_whom(user, args.team)} no longer has subject {subject.pk} "
          f"for {args.purpose}")
    return 0


def _handover(args: argparse.Namespace) -> int:
    from waarborg.engine.caseloads.actions import handover

    leaver = _staff(args.from_)
    user = _staff(args.to) if args.to else None
    moved = _run(lambda: handover(ACTOR, leaver, user=user, team=args.team or "", purpose=args.purpose))
    scope = f" for {args.purpose}" if args.purpose else ""
    print(f"handed over {len(moved)} case(s){scope} from {leaver.get_username()} to {_whom(user, args.team)}")
    return 0


def _local(moment: Any) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).isoformat(timespec="minutes")


def _caseload(args: argparse.Namespace) -> int:
    from waarborg.engine.caseloads.reads import caseload, describe

    user = _staff(args.username) if args.username else None
    rows = _run(lambda: caseload(ACTOR, user=user, team=args.team or "", purpose=args.purpose,
                                 include_ended=args.all))
    if not rows:
        print(f"no cases for {_whom(user, args.team)}")
        return 0
    print("assignment\tsubject\texternal_id\tpurpose\twith\tsince\tvia" + ("\tended" if args.all else ""))
    for row in map(describe, rows):
        line = [str(row["id"]), str(row["subject"]), row["external_id"] or "-", row["purpose"],
                row["staff"] or f"team {row['team']}", _local(row["since"]), row["via"]]
        if args.all:
            line.append(_local(row["ended_at"]) if row["ended_at"] else "-")
        print("\t".join(line))
    return 0
