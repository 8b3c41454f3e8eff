"""Build the pages' NL Design System style sheet from the npm packages (package.json) into the static files.

`make install` runs `npm ci` and then this script. It writes one file, `audiences/web/static/waarborg/nlds.css`
(git-ignored, shipped in the wheel like the compiled translations): the design tokens of NL Design System's
example theme ("voorbeeld"), the Utrecht component library's styles for plain HTML elements (`.utrecht-html`:
headings, paragraphs, links, forms, tables, so a Django form or the generated privacy statement needs no
classes) and the few components the pages use by class. Each organisation's colours are laid over these tokens
by its own small style sheet (waarborg.audiences.web.theme, docs/design.md). Nothing is fetched from a CDN.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
OUT = ROOT / "src" / "waarborg" / "audiences" / "web" / "static" / "waarborg" / "nlds.css"

# In cascade order: the tokens first, then the styles that read them.
SOURCES = (
    "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
    "@utrecht/component-library-css/dist/html.css",
    "@utrecht/skip-link-css/dist/index.css",
    "@utrecht/alert-css/dist/index.css",
    "@utrecht/button-link-css/dist/index.css",
    "@utrecht/link-list-css/dist/index.css",
)


def build() -> str:
    parts = [f"/* Built by scripts/nlds.py from package-lock.json's packages; do not edit. */\n"]
    for source in SOURCES:
        path = MODULES / source
        if not path.is_file():
            raise SystemExit(f"{path} is missing: run `npm ci` in {ROOT} (make install does)")
        parts.append(f"\n/* {source} */\n{path.read_text(encoding='utf-8')}\n")
    return "".join(parts)


def main() -> int:
    text = build()
    if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
