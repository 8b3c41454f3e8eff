"""`waarborg sweep [--dry-run]`."""

from __future__ import annotations

import argparse
from typing import Any

from waarborg.cli import UserError


def register(sub: Any) -> None:
    sweep = sub.add_parser("sweep", help="run the retention sweep now")
    sweep.add_argument("--dry-run", action="store_true", help="print what would go; change nothing")
    sweep.set_defaults(handler=_sweep)


def _sweep(args: argparse.Namespace) -> int:
    raise UserError("the retention sweep is not available yet (retention capability)")
