"""No comment of the policy file and no internal id ever reaches published text.

For every policy in examples/ (a new example is covered the moment it is added), in both languages: the
statement as HTML and Markdown (`waarborg render statement`), the page at /privacy/, and the register as CSV
(`waarborg render register` and /privacy/register.csv). None may show a YAML comment (`# S0-21`) or the id of
a rule, event, purpose, role, record type, category, recipient, calendar or team: an id is the author's
handle, the reader gets words. Cookie names are the real names of the cookies, and the register's `id` column
is the activity's stable reference (docs/policy.md): those two are shown on purpose.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from waarborg.audiences.cli import main
from waarborg.engine.policy.active import activate
from waarborg.engine.policy.loader import load_file
from waarborg.engine.policy.schema import Policy

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
COMMENT = re.compile(r"#\s?S\d-\d|(?<![&\w])# ")


def internal_ids(policy: Policy) -> set[str]:
    sections = (policy.purposes, policy.retention, policy.events, policy.roles, policy.record_types,
                policy.categories, policy.recipients, policy.calendars, policy.teams)
    return {name for section in sections for name in section}


def leaks(policy: Policy, text: str) -> list[str]:
    """The ids (and comments) in `text`. An id of one plain word (`tips`, `identity`) may be an ordinary word
    of the text too: it counts only where it stands as code (in quotes or backticks); an id with an underscore
    (`service_ended`, `tip_3m`) counts wherever it stands."""
    found = []
    if (match := COMMENT.search(text)) is not None:
        found.append(f"comment {text[max(0, match.start() - 40):match.end() + 20]!r}")
    cookies = {c.name for c in policy.cookies}
    plain = re.sub(r"<[^>]+>", " ", text)
    for name in internal_ids(policy) - cookies:
        pattern = re.compile(rf"(?<![\w/.@-]){re.escape(name)}(?![\w/@-])")
        for match in pattern.finditer(plain):
            if "_" in name or plain[max(0, match.start() - 1)] in "`'\"":
                found.append(f"id {name!r} in {plain[max(0, match.start() - 40):match.end() + 20]!r}")
                break
    return found


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def _register_text(csv_text: str) -> str:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    return "\n".join(",".join(v for k, v in row.items() if k != "id") for row in rows) + "\n" + ",".join(rows[0])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_rendered_statement_and_register_show_no_comment_or_id(example: Path, capsys: Any) -> None:
    # Given an example policy
    policy = load_file(example).policy
    # When its statement and register are rendered the way an operator does
    outputs = {f"statement {lang} {fmt}": _cli(capsys, "render", "statement", "--policy", str(example),
                                               "--lang", lang, "--format", fmt)
               for lang in ("nl", "en") for fmt in ("html", "md")}
    outputs["register csv"] = _register_text(_cli(capsys, "render", "register", "--policy", str(example),
                                                  "--format", "csv"))
    # Then none shows a comment or an internal id
    for name, text in outputs.items():
        if name.endswith("md"):  # markdown headings are `# Title` by design
            text = "\n".join(line.lstrip("#") for line in text.splitlines())
        assert leaks(policy, text) == [], name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_privacy_pages_show_no_comment_or_id(example: Path, db: Any) -> None:
    # Given the example active
    policy = activate(load_file(example)) and load_file(example).policy
    client = Client()
    # When a visitor reads the statement in each language, and the register
    for lang in ("nl", "en"):
        page = client.get("/privacy/", {"lang": lang})
        assert page.status_code == 200
        # Then the page shows no comment and no id
        assert leaks(policy, page.content.decode()) == [], lang
    register = client.get("/privacy/register.csv")
    assert register.status_code == 200
    assert leaks(policy, _register_text(register.content.decode())) == []


def test_the_check_finds_a_leaked_id() -> None:
    # The detector itself: a raw event id in a sentence is found, a label is not
    policy = load_file(EXAMPLES[0]).policy
    event = next(name for name in policy.events if "_" in name)
    assert leaks(policy, f"<p>Tot {event}.</p>") != []
    assert leaks(policy, "<p># S0-21 note</p>") != []
    assert leaks(policy, f"<p>{policy.events[event].label.nl}</p>") == []
