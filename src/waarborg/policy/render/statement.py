"""The privacyverklaring (AVG art. 13/14), generated from the policy alone.

`statement_context` assembles every sentence; the Django templates `policy/statement.html` (escaped)
and `policy/statement.md` lay it out, so the web page, the CLI and docs/examples say the same.
"""

from __future__ import annotations

import re

from django.template.loader import get_template

from waarborg.policy.render.context import statement_context
from waarborg.policy.schema import Policy

_TEMPLATES = {"html": "policy/statement.html", "md": "policy/statement.md"}


def render_statement(policy: Policy, lang: str = "nl", fmt: str = "html") -> str:
    if fmt not in _TEMPLATES:
        raise ValueError(f"unknown statement format {fmt!r}: use html or md")
    text = get_template(_TEMPLATES[fmt]).render(statement_context(policy, lang))
    # Template tags leave runs of blank lines; one blank line is all either format needs.
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text
