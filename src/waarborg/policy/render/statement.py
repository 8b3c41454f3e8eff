"""The privacyverklaring, generated from the policy (minimal first version)."""

from __future__ import annotations

from html import escape

from waarborg.policy.schema import Policy


def render_statement(policy: Policy, lang: str = "nl", fmt: str = "html") -> str:
    org = policy.organisation
    title = "Privacyverklaring" if lang == "nl" else "Privacy statement"
    lines = [f"# {title} {org.name}", ""]
    for pid, purpose in policy.purposes.items():
        lines += [f"## {purpose.label.get(lang)}", "", purpose.description.get(lang), "", f"id: {pid}", ""]
    text = "\n".join(lines)
    if fmt == "md":
        return text
    return "<!doctype html><html><body><pre>" + escape(text) + "</pre></body></html>\n"
