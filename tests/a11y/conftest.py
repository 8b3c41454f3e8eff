"""The accessibility check of every page (docs/design.md): axe-core from npm (package.json, `make install`) run
inside the page in Chromium, at 1280 and 320 pixels wide."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import browser  # noqa: F401 - fixture
from tests.rights.conftest import administrator, anna, bert  # noqa: F401 - fixtures

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDE, NARROW = 1280, 320
# WCAG 2.1 A and AA: the norm of the accessibility statement (/toegankelijkheid/)
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def axe() -> Path:
    if not AXE.is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{AXE} is missing: `make install` runs npm ci")
        pytest.skip("axe-core is not installed (make install)")
    return AXE


class Checker:
    """Runs every check on the page as it is now, at both widths, and collects what fails (all at once, so one
    run names every problem)."""

    def __init__(self, page: Any, axe: Path) -> None:
        self.page, self.axe, self.problems, self.checked = page, axe, [], []

    def __call__(self, label: str, *, keyboard: bool = False) -> None:
        page = self.page
        for width in (WIDE, NARROW):
            page.set_viewport_size({"width": width, "height": 800})
            where = f"{label} @{width}"
            if not page.evaluate("typeof window.axe !== 'undefined'"):  # the context's init script put it there
                page.add_script_tag(path=str(self.axe))
            result = page.evaluate("rules => axe.run(document, rules)", RULES)
            for v in result["violations"]:
                targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
                self.problems.append(f"{where}: {v['id']} ({v['impact']}): {v['help']} at {targets}")
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                wide = page.evaluate("""w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect()
                    .right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1)).slice(0, 3)
                    .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40))""", inner)
                self.problems.append(f"{where}: scrolls sideways ({scroll} > {inner} px): {wide}")
            self.checked.append(where)
        if keyboard:
            self.focus_is_visible(label)

    def focus_is_visible(self, label: str, stops: int = 6) -> None:
        """Tab through the first stops: each lands on something, and shows where it is (an outline or a ring)."""
        page = self.page
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.evaluate("window.scrollTo(0, 0)")
        for stop in range(stops):
            page.keyboard.press("Tab")
            shown = page.evaluate("""() => { const e = document.activeElement; if (!e || e === document.body) return null;
                const s = getComputedStyle(e); return [e.tagName, s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                || s.boxShadow !== 'none'] }""")
            if shown is None:
                break
            if not shown[1]:
                self.problems.append(f"{label}: Tab stop {stop + 1} ({shown[0]}) shows no focus")
