"""Build the pages' NL Design System style sheet from the npm packages (package.json) into the static files.

`make install` runs `npm ci` and then this script. It writes one file, `audiences/web/static/waarborg/nlds.css`
(git-ignored, shipped in the wheel like the compiled translations): the design tokens of NL Design System's
example theme ("voorbeeld"), the Utrecht component library's styles for plain HTML elements (`.utrecht-html`:
headings, paragraphs, links, forms, tables, so a Django form or the generated privacy statement needs no
classes) and the few components the pages use by class. Each organisation's colours are laid over these tokens
by its own small style sheet (waarborg.audiences.web.theme, docs/design.md). Nothing is fetched from a CDN.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
OUT = ROOT / "src" / "waarborg" / "audiences" / "web" / "static" / "waarborg" / "nlds.css"

# The theme's design tokens: 2,800 custom properties for every NL Design System component of every community;
# only those the styles below read (directly or through another token) are kept, a tenth of them.
TOKENS = "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"
# The styles that read them, in cascade order.
SOURCES = (
    "@utrecht/component-library-css/dist/html.css",
    "@utrecht/skip-link-css/dist/index.css",
    "@utrecht/alert-css/dist/index.css",
    "@utrecht/button-link-css/dist/index.css",
    "@utrecht/link-list-css/dist/index.css",
)


_DECLARATION = re.compile(r"^\s*(--[\w-]+):\s*([^;]*);.*$", re.MULTILINE)
_USE = re.compile(r"var\((--[\w-]+)")
# What the platform's own style sheet and each organisation's colours (waarborg.audiences.web.theme) set or read.
OWN = ROOT / "src" / "waarborg" / "audiences" / "web"


def _read(source: str) -> str:
    path = MODULES / source
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run `npm ci` in {ROOT} (make install does)")
    return path.read_text(encoding="utf-8")


def used_tokens(tokens: str, styles: str) -> str:
    """The token sheet with only the declarations `styles` need, followed through tokens that name tokens."""
    values = dict(_DECLARATION.findall(tokens))
    wanted, todo = set(), set(_USE.findall(styles)) | set(re.findall(r"(--basis-[\w-]+)", styles))
    while todo:
        name = todo.pop()
        if name in wanted or name not in values:
            continue
        wanted.add(name)
        todo |= set(_USE.findall(values[name]))
    return _DECLARATION.sub(lambda m: m.group(0) if m.group(1) in wanted else "", tokens).replace("\n\n", "\n")


def build() -> str:
    styles = {source: _read(source) for source in SOURCES}
    own = "".join(path.read_text(encoding="utf-8") for path in (OWN / "static" / "waarborg" / "waarborg.css",
                                                                 OWN / "theme.py"))
    tokens = used_tokens(_read(TOKENS), "".join(styles.values()) + own)
    parts = ["/* Built by scripts/nlds.py from package-lock.json's packages; do not edit. */\n",
             f"\n/* {TOKENS} (the tokens used below) */\n{tokens}\n"]
    parts += [f"\n/* {source} */\n{text}\n" for source, text in styles.items()]
    return "".join(parts)


def main() -> int:
    text = build()
    if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
