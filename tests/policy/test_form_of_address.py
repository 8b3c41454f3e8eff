"""The form of address is the organisation's choice (`statement.address`): an organisation that says "u" gets a
statement in which every generated sentence says "u" too; one that says "je" keeps "je". The fixed Dutch texts
are turned by `render.address.formal`, which knows the words of our own texts: every one of them is turned here,
so a new text with a word it does not know fails this test first."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from waarborg.audiences.cli import main
from waarborg.engine.policy.loader import load_file
from waarborg.engine.policy.render import channels as channel_words
from waarborg.engine.policy.render import texts
from waarborg.engine.policy.render.address import formal

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf|jijzelf)\b", re.IGNORECASE)


def _fixed_texts() -> list[str]:
    found = [str(t) for t in texts.TEXTS.values()]
    for table in (texts.BASIS, texts.SOURCES, texts.RECIPIENT_KINDS, texts.REASONS, channel_words.CHANNELS, texts.IDENTITY,
                  texts.COOKIE_KINDS, texts.FIELD_TYPES):
        found += [str(t) for t in table.values()]
    found += [str(words) for words, _ in texts.ART9.values()]
    found += [str(t) for pair in texts.RIGHTS.values() for t in pair]
    return found


@pytest.mark.parametrize("text", _fixed_texts())
def test_every_fixed_text_has_a_u_form(text: str) -> None:
    turned = formal(text)
    assert INFORMAL.search(turned) is None, turned
    assert not re.search(r"\bu (gegevens|verzoek|identiteitsbewijs|rechten)\b", turned), turned


def test_the_u_form_of_some_sentences() -> None:
    assert formal("Heb je een klacht over hoe wij met je gegevens omgaan?") == \
        "Hebt u een klacht over hoe wij met uw gegevens omgaan?"
    assert formal("Gaf je toestemming, dan mag je die altijd intrekken.") == \
        "Gaf u toestemming, dan mag u die altijd intrekken."
    assert formal("Alleen personeel mag je gegevens verwerken.") == "Alleen personeel mag uw gegevens verwerken."
    assert formal("In deze verklaring lees je welke rechten je hebt.") == \
        "In deze verklaring leest u welke rechten u hebt."


def _statement(capsys: Any, example: str) -> str:
    assert main(["render", "statement", "--policy", str(EXAMPLES / f"{example}.yaml"), "--format", "md"]) == 0
    return str(capsys.readouterr().out)


@pytest.mark.parametrize("example", ["kwartier", "socialekaart"])
def test_an_organisation_that_says_u_gets_a_statement_that_says_u(example: str, capsys: Any) -> None:
    # Given an example whose original statement says "u"
    assert load_file(EXAMPLES / f"{example}.yaml").policy.statement.address == "u"
    # When its Dutch statement is rendered
    text = _statement(capsys, example)
    # Then no sentence says "je", and the generated ones say "u"
    assert INFORMAL.search(text) is None, text[max(0, INFORMAL.search(text).start() - 80):][:160]  # type: ignore[union-attr]
    assert "## Uw rechten" in text and "Wij reageren binnen" in text and "op uw verzoek" in text


def test_an_organisation_that_says_je_keeps_je(capsys: Any) -> None:
    text = _statement(capsys, "werkzaak")
    assert "## Je rechten" in text and "op je verzoek" in text
