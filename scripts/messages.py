"""The message files (`src/waarborg/locale/{nl,en}/LC_MESSAGES/django.po`) against the code (docs/i18n.md).

`--check` (in `make lint`) fails (exit 1) when
- a text marked for translation in a template or a module is missing from a .po file, or a .po file still
  holds a text the code no longer has: Django's `makemessages` is run on a copy of the sources, and what
  it writes must equal the checked-in files (the creation date aside);
- an entry is untranslated or fuzzy (`msgattrib`), in any language.
`--update` runs the same `makemessages` on the real files and fills the Dutch catalogue's new entries with
their msgid (the source texts are Dutch); English entries stay empty (or fuzzy: msgmerge's guess from a similar
text) until someone translates them.
Both need GNU gettext (`xgettext`, `msgmerge`, `msgattrib`, `msgen`): the README's apt line installs it.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "waarborg"
LANGUAGES = ("nl", "en")
# One entry per text, no file:line references (they would change with every edit and every moved file).
OPTIONS = ["--no-location", "--no-wrap", "--no-obsolete", "--extension=html,txt,py,md",
           "--ignore=locale/*", "--ignore=migrations/*", "--ignore=deidentify/data/*", "--ignore=*/static/*"]
_CREATED = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)


def po_file(base: Path, lang: str) -> Path:
    return base / "locale" / lang / "LC_MESSAGES" / "django.po"


def makemessages(package: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}  # no settings: ./locale only
    args = [sys.executable, "-m", "django", "makemessages", *OPTIONS, *(f"--locale={lang}" for lang in LANGUAGES)]
    subprocess.run(args, cwd=package, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def unfinished(po: Path) -> str:
    """The untranslated and fuzzy entries of `po`, as msgattrib prints them ("" when there are none)."""
    found = []
    for flag in ("--untranslated", "--only-fuzzy"):
        out = subprocess.run(["msgattrib", flag, "--no-obsolete", "--no-wrap", str(po)],  # noqa: S603, S607
                             check=True, capture_output=True, text=True).stdout
        found.append(out.split("\n\n", 1)[1] if "\n\n" in out else "")  # the header comes first
    return "".join(found).strip()


def check(package: Path = PACKAGE) -> list[str]:
    """What is wrong with `package`'s message files (nothing: an empty list)."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="waarborg-messages-") as tmp:
        copy = Path(tmp) / "waarborg"
        shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        makemessages(copy)
        for lang in LANGUAGES:
            ours, fresh = po_file(package, lang), po_file(copy, lang)
            name = f"locale/{lang}/LC_MESSAGES/django.po"
            if not ours.exists():
                problems.append(f"{name} is missing: run `make messages`")
                continue
            before, after = _CREATED.sub("", ours.read_text("utf-8")), _CREATED.sub("", fresh.read_text("utf-8"))
            if before != after:
                diff = difflib.unified_diff(before.splitlines(), after.splitlines(), name, "makemessages",
                                            lineterm="", n=1)
                problems.append(f"{name} does not match the code (run `make messages`, then translate):\n"
                                + "\n".join(diff))
            rest = unfinished(fresh)
            if rest:
                problems.append(f"{name} has untranslated or fuzzy entries:\n{rest}")
    return problems


def update() -> int:
    old = {lang: po_file(PACKAGE, lang).read_text("utf-8") for lang in LANGUAGES if po_file(PACKAGE, lang).exists()}
    makemessages(PACKAGE)
    nl = str(po_file(PACKAGE, "nl"))
    # Dutch is the source language: a fuzzy guess msgmerge made is dropped, and every empty entry is its msgid.
    clear = ["msgattrib", "--no-wrap", "--clear-fuzzy", "--empty", "--clear-previous", "-o", nl, nl]
    subprocess.run(clear, check=True)  # noqa: S603
    subprocess.run(["msgen", "--no-wrap", "-o", nl, nl], check=True)  # noqa: S603, S607  (GNU gettext, on the PATH)
    for lang, before in old.items():  # only a new creation date: keep the file as it was
        po = po_file(PACKAGE, lang)
        if _CREATED.sub("", before) == _CREATED.sub("", po.read_text("utf-8")):
            po.write_text(before, "utf-8")
    status = 0
    for lang in LANGUAGES:
        rest = unfinished(po_file(PACKAGE, lang))
        if rest:
            print(f"{po_file(PACKAGE, lang).relative_to(ROOT)}: translate these entries:\n{rest}", file=sys.stderr)
            status = 1
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument("--update", action="store_true")
    args = parser.parse_args()
    if args.update:
        return update()
    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
