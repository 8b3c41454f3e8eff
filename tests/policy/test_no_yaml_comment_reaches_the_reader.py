"""A comment in a policy file is for its authors: none of the notes in the shipped examples (`# S0-21..24`)
may show in the statement at /privacy/ or in the register. Inside a folded text (`nl: >-`) YAML keeps a `#`
as text, so the notes go on the key's line; this test reads what the reader gets, for all five examples."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.conftest import activate_example
from tests.front_door import SHIPPED
from waarborg.audiences.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# A promise note (`#S0-21`, `# S1-33`) or any `# ` comment text.
COMMENT = re.compile(r"#\s?S\d-\d|(?<![&\w])# ")


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("example", SHIPPED)
def test_no_comment_of_the_policy_file_reaches_statement_or_register(example: str, capsys: Any) -> None:
    file = str(EXAMPLES / f"{example}.yaml")
    outputs = {f"statement {lang} {fmt}": _cli(capsys, "render", "statement", "--policy", file, "--lang", lang,
                                                "--format", fmt)
               for lang in ("nl", "en") for fmt in ("html", "md")}
    outputs |= {f"register {fmt}": _cli(capsys, "render", "register", "--policy", file, "--format", fmt)
                for fmt in ("csv", "json", "jsonld")}
    for name, text in outputs.items():
        if name.endswith("md"):  # markdown headings are `# Title` by design: look at the lines' text only
            text = "\n".join(line.lstrip("#") for line in text.splitlines())
        found = COMMENT.search(text)
        assert found is None, (name, text[max(0, found.start() - 80):found.end() + 40])


@pytest.mark.parametrize("example", SHIPPED)
def test_the_privacy_page_shows_no_comment_of_the_policy_file(example: str, db: Any) -> None:
    activate_example(example)
    for lang in ("nl", "en"):
        page = Client().get("/privacy/", {"lang": lang})
        assert page.status_code == 200
        text = re.sub(r"<[^>]+>", " ", page.content.decode())
        found = COMMENT.search(text)
        assert found is None, text[max(0, found.start() - 80):found.end() + 40]
