"""A policy file whose aliases expand to billions of values stops at once with a located problem."""

from __future__ import annotations

import pytest

from waarborg.engine.policy.loader import PolicyError, load_text

BOMB = "a: &a ['x','x','x','x','x','x','x','x','x','x']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))


def test_a_billion_laughs_file_is_refused_quickly() -> None:
    # (10^9 values if expanded: without the cap this test would not end)
    with pytest.raises(PolicyError) as caught:
        load_text(BOMB, "bomb.yaml")
    [problem] = caught.value.problems
    assert problem.file == "bomb.yaml" and "more than 100,000 values" in problem.message
