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


# Words of Dutch that English text does not use: one of them in an English page is a text left untranslated.
# ("de" and "van" are left out: they are in people's names, "Anna de Vries".)
DUTCH = ["het", "een", "uw", "niet", "wordt", "zijn", "voor", "naar", "deze", "geen", "wij", "onze", "gegevens",
         "verzoek", "verzoeken", "aanvraag", "bekijk", "terug", "opslaan", "versturen", "inloggen", "wachtwoord",
         "toestemming", "betrokkene", "datalek", "datalekken", "bewaartermijn", "nog", "dagen", "heeft", "kunt"]
LEFTOVERS = """([lang, words]) => {
    const found = [], dutch = new Set(words);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, template, [hidden], [aria-hidden=true]')) continue;
        const said = parent.closest('[lang]');  // a text marked as another language says so itself
        if (said && said.lang.split('-')[0] !== lang) continue;
        const text = node.textContent.trim();
        if (text.toLowerCase().split(/[^a-zà-ÿ]+/).some(w => dutch.has(w))) found.push(text.slice(0, 80));
    }
    return found.slice(0, 5);
}"""


class Checker:
    """Runs every check on the page as it is now, at both widths, and collects what fails (all at once, so one
    run names every problem)."""

    def __init__(self, page: Any, axe: Path) -> None:
        self.page, self.axe, self.problems, self.checked = page, axe, [], []

    def __call__(self, label: str, *, keyboard: bool = False, lang: str | None = None, within: Any = None,
                 known: tuple[str, ...] = ()) -> None:
        """`within`: an axe context (the parts of a page too large to check whole); `known`: rules that fail in
        a third party's page where we cannot change it, each named in the accessibility statement."""
        page = self.page
        if lang is not None:
            self.speaks(label, lang)
        for width in (WIDE, NARROW):
            page.set_viewport_size({"width": width, "height": 800})
            where = f"{label} @{width}"
            if not page.evaluate("typeof window.axe !== 'undefined'"):  # the context's init script put it there
                page.add_script_tag(path=str(self.axe))
            rules = {**RULES, "rules": {rule: {"enabled": False} for rule in known}}
            result = page.evaluate("([within, rules]) => axe.run(within || document, rules)", [within, rules])
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

    def speaks(self, label: str, lang: str) -> None:
        """The page says it is in `lang` (`<html lang>`, WCAG 3.1.1), and an English page holds no Dutch text."""
        said = self.page.evaluate("document.documentElement.lang")
        if said != lang:
            self.problems.append(f"{label}: <html lang={said!r}>, not {lang!r}")
        if lang == "en":
            left = self.page.evaluate(LEFTOVERS, [lang, DUTCH])
            if left:
                self.problems.append(f"{label}: Dutch left in the English page: {left}")

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


FOCUSED = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
    const s = getComputedStyle(e); return {tag: e.tagName, name: e.name || '', text: (e.innerText || e.value || '')
    .trim().slice(0, 40), shown: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none',
    style: ['outline', s.outlineStyle, s.outlineWidth, 'shadow', s.boxShadow].join(' ')}
}"""


class Keyboard:
    """Only the keys a keyboard user has: Tab and Shift+Tab to move, typing, Enter and Space, arrows in a list.
    Every stop on the way must show where the focus is (WCAG 2.4.7); `problems` names each that does not."""

    def __init__(self, page: Any) -> None:
        self.page, self.problems, self.stops = page, [], 0

    def tab_to(self, selector: str, *, back: bool = False, most: int = 80) -> dict[str, Any]:
        """Tab (or Shift+Tab) until the focus is on `selector`, checking each stop on the way."""
        for _ in range(most):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            self.stops += 1
            here = self.page.evaluate(FOCUSED)
            if here is not None and not here["shown"]:
                self.problems.append(f"{self.page.url}: the focus on {here['tag']} {here['name'] or here['text']!r} "
                                     f"is not visible ({here['style']})")
            if self.page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
                return here or {}
        raise AssertionError(f"{selector} is not reached by Tab within {most} stops on {self.page.url}")

    def type_into(self, selector: str, text: str) -> None:
        """Tab to a field, clear what it holds, and type."""
        self.tab_to(selector)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)

    def choose(self, selector: str, value: str) -> None:
        """Tab to a list (a closed <select>) and step with the arrow keys to the option `value`."""
        self.tab_to(selector)
        steps = self.page.evaluate("""([s, v]) => { const e = document.querySelector(s);
            return [...e.options].findIndex(o => o.value === v) - e.selectedIndex }""", [selector, value])
        for _ in range(abs(steps)):
            self.page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
        assert self.page.evaluate("s => document.querySelector(s).value", selector) == value

    def type_moment(self, selector: str, moment: Any) -> None:
        """Tab to a date-and-time field and type a moment into its parts. The order of day and month is the
        browser's (its own language, not the page's): typed day first, and if the field reads otherwise, again
        month first."""
        self.tab_to(selector)
        expected = moment.strftime("%Y-%m-%dT%H:%M")
        # the clock is the browser's too: 24 hours, or 12 with an AM/PM part (typed as its letter)
        clocks = (moment.strftime("%H%M"), moment.strftime("%I%M") + ("P" if moment.hour >= 12 else "A"))
        for order in ("%d%m%Y", "%m%d%Y"):
            for clock in clocks:
                self.page.keyboard.type(moment.strftime(order))
                self.page.keyboard.press("ArrowRight")  # a year may have more digits: the arrow moves to the hour
                self.page.keyboard.type(clock)
                if self.page.evaluate("s => document.querySelector(s).value", selector) == expected:
                    return
                for _ in range(8):
                    self.page.keyboard.press("ArrowLeft")  # back to the field's first part
        raise AssertionError(f"{selector} does not take {expected} from the keyboard")

    def press(self, selector: str, key: str = "Enter") -> None:
        """Tab to a button or link and press it (Enter, or Space for a button or a checkbox)."""
        self.tab_to(selector)
        self.page.keyboard.press(key)

    def log_in(self, url: str, username: str, password: str) -> None:
        self.page.goto(url)
        self.type_into("input[name=username]", username)
        self.type_into("input[name=password]", password)
        self.page.keyboard.press("Enter")  # Enter in a form's field sends the form
        self.page.wait_for_url(lambda u: "inloggen" not in u)
