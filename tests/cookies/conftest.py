"""Helpers for the cookie tests: example policies as the seeds declare them, and what a page sets."""

from __future__ import annotations

from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PUBLIC_PAGES = ("/privacy/", "/privacy/versions/", "/portaal/inloggen", "/portaal/contact", "/cookies/")
# The portal's forms set Django's CSRF cookie; the seed 001 and 003 examples do not list it yet, so these
# tests declare it the way the example should (functional: form security).
CSRF_COOKIE = """
  - name: csrftoken
    kind: functional
    purpose: {nl: Beveiliging van formulieren, en: Form security}
    retention: 1 jaar
"""


def activate(name: str, *, declare_csrf: bool = True) -> Any:
    from waarborg.engine.policy.active import activate as store
    from waarborg.engine.policy.active import current
    from waarborg.engine.policy.loader import load_text

    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    if declare_csrf and "name: csrftoken" not in text:
        text = text.rstrip("\n") + "\n" + CSRF_COOKIE
    store(load_text(text, f"{name}.yaml"))
    return current()


def set_cookies(response: Any) -> dict[str, Any]:
    """The cookies a response sets (name -> morsel), from its Set-Cookie headers."""
    jar = SimpleCookie()
    for header, value in response.items():
        if header.lower() == "set-cookie":
            jar.load(value)
    return {**{n: m for n, m in response.cookies.items() if m.value or m["max-age"] != 0}, **dict(jar)}
