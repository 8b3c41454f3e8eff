"""Checked-in generated artifacts: the OpenAPI schema and each example's statement, in each of its languages.

`--check` fails (exit 1) when a checked-in copy differs from what the code generates now;
`--write` regenerates them. CI runs `--check` through `make lint`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")
os.environ.setdefault("WAARBORG_ENV", "test")
os.environ.setdefault("WAARBORG_HOME", tempfile.mkdtemp(prefix="waarborg-gen-"))


def artifacts() -> dict[Path, str]:
    import django

    django.setup()
    from django.core.management import call_command

    from waarborg.engine.policy.loader import load_file
    from waarborg.engine.policy.render.statement import render_statement

    out: dict[Path, str] = {}
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        policy = load_file(example).policy
        for lang in policy.languages:  # the languages the policy speaks (docs/i18n.md)
            out[ROOT / "docs" / "examples" / f"{example.stem}.{lang}.md"] = render_statement(policy, lang=lang, fmt="md")
    with tempfile.NamedTemporaryFile("r", suffix=".yaml") as handle:
        call_command("spectacular", "--file", handle.name, "--validate", "--fail-on-warn")
        out[ROOT / "docs" / "openapi.yaml"] = Path(handle.name).read_text(encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument("--write", action="store_true")
    args = parser.parse_args()
    stale = []
    for path, text in artifacts().items():
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(ROOT))
    if stale:
        print("stale generated files (run `make generated` and commit):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
