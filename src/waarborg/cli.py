"""`waarborg SUBCOMMAND`: exit 0 on success, 1 on a user error (stderr, nothing changed), 2 on wrong usage.

Each capability adds its own subcommands in `<app>/commands.py` through `register(subparsers)`;
this module only parses, sets Django up and turns `UserError` into exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMAND_MODULES = (
    "waarborg.policy.commands",
    "waarborg.accounts.commands",
    "waarborg.audit.commands",
    "waarborg.vault.commands",
    "waarborg.caseloads.commands",
    "waarborg.retention.commands",
    "waarborg.backups.commands",
    "waarborg.jobs.commands",
    "waarborg.consent.commands",
    "waarborg.breaches.commands",
    "waarborg.deidentify.commands",
    "waarborg.serve",
)


class UserError(Exception):
    """A mistake of the user: printed on stderr, exit status 1, nothing changed."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="waarborg", description="Waarborg: the privacy statement, enforced.")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")
    import django

    django.setup()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_usage(sys.stderr)
        return 2
    try:
        if getattr(args, "needs_django", True):
            setup_django()
        result = handler(args)
    except UserError as exc:
        print(f"waarborg: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
