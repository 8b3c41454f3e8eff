"""The example policies carry notes (`# S0-25`) for their readers; a note written after the text of a folded
block scalar (`>-`) is not a YAML comment but part of the text, and would be published in the statement."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
NOTE = re.compile(r"#\s*S\d-\d")


def _texts(node: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [found for key, value in node.items() for found in _texts(value, f"{path}.{key}")]
    if isinstance(node, list):
        return [found for i, value in enumerate(node) for found in _texts(value, f"{path}[{i}]")]
    return [(path, node)] if isinstance(node, str) else []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_no_promise_note_ends_up_in_a_text_of_the_policy(example: Path) -> None:
    texts = _texts(yaml.safe_load(example.read_text(encoding="utf-8")))
    assert [path for path, text in texts if NOTE.search(text)] == []
