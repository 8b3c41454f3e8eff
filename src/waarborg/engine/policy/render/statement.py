"""The privacyverklaring (AVG art. 13/14), generated from the policy alone.

`statement_context` assembles every sentence; the Django templates `policy/statement.html` (escaped)
and `policy/statement.md` lay it out, so the web page, the CLI and docs/examples say the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from django.template.loader import get_template

from waarborg.core.language import in_language
from waarborg.engine.policy.render.context import statement_context
from waarborg.engine.policy.render.groups import group_context
from waarborg.engine.policy.render.words import date_words
from waarborg.engine.policy.schema import Policy


@dataclass(frozen=True)
class Notice:
    kind: Literal["coming", "future"]
    day: date
    url: str


# "body": the statement's content without its document around it, for the site's page (waarborg/page.html)
_TEMPLATES = {"html": "policy/statement.html", "md": "policy/statement.md", "body": "policy/statement_body.html"}


def render_statement(policy: Policy, lang: str = "nl", fmt: str = "html", notice: Notice | None = None) -> str:
    """`notice`: a scheduled version on either side ("coming": a new version applies from that date, on the
    current statement; "future": this version applies only from that date, on the coming one)."""
    if fmt not in _TEMPLATES:
        raise ValueError(f"unknown statement format {fmt!r}: use html, md or body")
    return in_language(lang, lambda: _render(policy, lang, fmt, notice))


def _render(policy: Policy, lang: str, fmt: str, notice: Notice | None) -> str:
    context = statement_context(policy, lang)
    context.update(group_context(policy, lang))  # subject groups, further processing, criminal data
    if notice is not None:
        t = context["t"]
        context["notice"] = {"text": str(t[notice.kind]) % {"date": date_words(notice.day, lang)},
                             "link": str(t[f"{notice.kind}_link"]), "url": notice.url}
    text = get_template(_TEMPLATES[fmt]).render(context)
    # Template tags leave runs of blank lines; one blank line is all either format needs.
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text
