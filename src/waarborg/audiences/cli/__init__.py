"""`waarborg SUBCOMMAND`: exit 0 on success, 1 on a user error (stderr, nothing changed), 2 on wrong usage.

Each capability adds its own subcommands in `<app>/commands.py` through `register(subparsers)`;
this module only parses, sets Django up and turns `UserError` (a mistake on the command line) and the
domain's errors (`waarborg.core.errors`: refused, invalid, not found, conflict...) into exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence

from waarborg.conf.env import ConfigError

COMMAND_MODULES = (
    "waarborg.audiences.cli.policy",
    "waarborg.audiences.cli.accounts",
    "waarborg.audiences.cli.audit",
    "waarborg.audiences.cli.vault",
    "waarborg.audiences.cli.caseloads",
    "waarborg.audiences.cli.retention",
    "waarborg.audiences.cli.backups",
    "waarborg.audiences.cli.jobs",
    "waarborg.audiences.cli.consent",
    "waarborg.audiences.cli.breaches",
    "waarborg.audiences.cli.report",
    "waarborg.audiences.cli.deidentify",
    "waarborg.audiences.cli.serve",
    "waarborg.audiences.cli.conf",
)


class UserError(Exception):
    """A mistake of the user on the command line: printed on stderr, exit status 1, nothing changed. Only
    command modules raise it; the domain raises `waarborg.core.errors`, which `message` words the same way."""


def message(exc: Exception) -> str:
    """What the command line says about a domain error: `refused (reason): detail` for a refusal (already
    audited where it was raised), `field: message; ...` for invalid input, the detail otherwise."""
    from waarborg.core.errors import Refused

    if isinstance(exc, Refused):
        return f"refused ({exc.reason}): {exc.detail}"
    return str(exc)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="waarborg", description="Waarborg: the privacy statement, enforced.")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def setup_django(ready: bool = True) -> None:
    """Set Django up; unless `ready` is False, stop when the home or its keys are missing."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")
    import django

    django.setup()
    from django.conf import settings

    if ready and settings.WAARBORG_NOT_READY:
        raise UserError("\n".join(settings.WAARBORG_NOT_READY))


def refuse_root() -> None:
    """In production a command run as root leaves root's files in the home (a backup, a journal line, the
    checkpoint file) that the services, running as the home's owner, then cannot read or append to. So root
    is refused there, unless the home is root's own."""
    from waarborg.conf import home

    if os.geteuid() != 0:
        return
    home.load_config()
    if os.environ.get("WAARBORG_ENV") != "production":
        return
    try:
        place = home.home_dir()
        uid = place.stat().st_uid
    except (ConfigError, OSError):
        return  # no home: the command itself says so
    if uid == 0:
        return
    owner = _user(uid)
    raise UserError(f"in production waarborg does not run as root: the home {place} belongs to {owner}, and files "
                    f"root made there could not be read by the services. Run it as the home's owner: "
                    f"sudo -u {owner} waarborg ...")


def _user(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"'#{uid}'"


def _one_line(message: Warning | str, category: type[Warning], filename: str, lineno: int, line: str | None = None) -> str:
    return f"waarborg: {message}\n"


def _tables_missing(exc: BaseException) -> bool:
    """A database error that says a table does not exist (SQLite and PostgreSQL word it differently)."""
    if "django.db" not in sys.modules:
        return False
    from django.db import DatabaseError

    said = str(exc)
    return isinstance(exc, DatabaseError) and ("no such table" in said or
                                               ("relation" in said and "does not exist" in said))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_usage(sys.stderr)
        return 2
    from waarborg.conf import home
    from waarborg.core.errors import DomainError

    # A warning (a key generated for the embedded default, say) reads as one line, not with Python's source line.
    warnings.formatwarning = _one_line

    try:
        refuse_root()
        if getattr(args, "creates_home", False):
            home.allow_create()  # only `serve`: the embedded default's home and keys, on first start
        if getattr(args, "before_setup", None):
            args.before_setup(args)  # e.g. `migrate` connects as the owner of the tables
        if getattr(args, "needs_django", True):
            setup_django(ready=getattr(args, "needs_ready", True))
        result = handler(args)
    except (UserError, ConfigError) as exc:
        print(f"waarborg: {exc}", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"waarborg: {message(exc)}", file=sys.stderr)
        return 1
    except PermissionError as exc:
        # A file of another user (often root's, from a command run with plain sudo): say which, no traceback.
        print(f"waarborg: permission denied: {exc.filename or exc} ({exc.strerror}): run waarborg as the owner of "
              f"the home (sudo -u <owner> waarborg ...) and give that user the file (chown)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`waarborg deidentify --jsonl < notes | head`): stop quietly, as other commands do.
        # Python would complain again flushing stdout at exit, so stdout goes to nowhere first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        if not _tables_missing(exc):
            raise
        # `staff add` run while `serve` still migrates a new home, or against a database never migrated.
        print("waarborg: the database is not ready: its tables are not (all) there yet. If `waarborg serve` is "
              "preparing it, wait until it says 'serving on'; otherwise run `waarborg migrate`.", file=sys.stderr)
        return 1
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
