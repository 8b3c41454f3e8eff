"""The application form's choices read in the reader's language (`choice_labels` in the policy), while the value
stored stays the policy's own: ikzorginassen's relationship to the person cared for, in Dutch and in English."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.conftest import EXAMPLES
from waarborg.engine.policy.loader import PolicyError, load_text


@pytest.mark.parametrize(("lang", "shown"), [
    ("nl", ["partner", "ouder", "kind", "familie", "buur", "vriend", "anders"]),
    ("en", ["partner", "parent", "child", "family", "neighbour", "friend", "other"])])
def test_the_relationship_choices_read_in_the_readers_language(policy: Any, lang: str, shown: list[str]) -> None:
    page = Client().get("/portaal/aanvraag", {"lang": lang}).content.decode()
    select = re.search(r'<select name="relationship".*?</select>', page, re.S)
    assert select is not None, page
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group())
    assert options[1:] == list(zip(["partner", "ouder", "kind", "familie", "buur", "vriend", "anders"], shown,
                                   strict=True))


def test_a_label_for_a_choice_that_does_not_exist_is_refused_with_its_line() -> None:
    text = (EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8").replace(
        "buur: {nl: buur, en: neighbour}", "buurman: {nl: buurman, en: neighbour}")
    with pytest.raises(PolicyError) as refused:
        load_text(text, "ikzorginassen.yaml")
    assert any("choice_labels names 'buurman', which is not one of its choices" in str(p)
               for p in refused.value.problems), refused.value
    assert all(p.line > 1 for p in refused.value.problems)
