"""`waarborg deidentify [--jsonl] [--mode tag|pseudonym|remove] [--key-file FILE]`: a filter, stdin to stdout.

Plain: all of stdin is one text; it comes back with each find replaced (`[NAAM-1]` by default). With
`--jsonl`, each input line `{"id": ..., "text": "...", "hints": [...]}` ("hints" optional: names known to
be personal, or `[value, category]` pairs such as `["Achterom 3", "ADDRESS"]`) gives one output line `{"id": ..., "text": "<redacted>", "spans": [{"start", "end",
"category"}]}` with offsets into the input text. Needs no database and no Django set-up.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    p = sub.add_parser("deidentify", help="replace personal data in Dutch free text (stdin to stdout)")
    p.add_argument("--jsonl", action="store_true", help='one JSON object a line: {"id", "text"[, "hints"]}')
    p.add_argument("--mode", choices=("tag", "pseudonym", "remove"), default="tag", help="what replaces a find")
    p.add_argument("--key-file", type=Path, help="the key of --mode pseudonym (same key, same pseudonyms)")
    p.set_defaults(handler=_deidentify, needs_django=False)


def _key(args: argparse.Namespace) -> bytes | None:
    if args.mode != "pseudonym":
        if args.key_file is not None:
            raise UserError(f"--key-file is for --mode pseudonym; with --mode {args.mode} no key is used")
        return None
    if args.key_file is None:
        raise UserError("--mode pseudonym needs --key-file")
    try:
        key = args.key_file.read_bytes().strip()
    except OSError as exc:
        raise UserError(f"cannot read the key file {args.key_file}: {exc.strerror}") from None
    if len(key) < 16:
        raise UserError(f"the key in {args.key_file} is shorter than 16 bytes")
    return key


def _hints(given: Any, number: int) -> list[Any]:
    """A hint is a name (`"Fatima El Amrani"`) or a value with its category (`["Achterom 3", "ADDRESS"]`)."""
    from waarborg.engine.deidentify import Category

    wrong = (f'line {number}: "hints" must be a list of names, or of [value, category] pairs with a category '
             f"from {', '.join(c.value for c in Category)}")
    if not isinstance(given, list):
        raise UserError(wrong)
    hints: list[Any] = []
    for hint in given:
        if isinstance(hint, str):
            hints.append(hint)
        elif (isinstance(hint, list) and len(hint) == 2 and isinstance(hint[0], str)
              and hint[1] in {c.value for c in Category}):
            hints.append((hint[0], Category(hint[1])))
        else:
            raise UserError(wrong)
    return hints


def _deidentify(args: argparse.Namespace) -> int:
    from waarborg.engine.deidentify import deidentify

    key = _key(args)
    if not args.jsonl:
        sys.stdout.write(deidentify(sys.stdin.read(), mode=args.mode, key=key).text)
        return 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise UserError(f'line {number}: expected an object with a "text" string')
        hints = _hints(item.get("hints", []), number)
        result = deidentify(item["text"], mode=args.mode, key=key, hints=hints)
        out = {"id": item.get("id"), "text": result.text, "spans": [s.as_json() for s in result.spans]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0
