"""The statement says what enforcement does with groups, further processing and criminal data, in both languages,
and says nothing of them where a policy has none (the five seed examples read as before)."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from waarborg.engine.policy.loader import load_file, load_text
from waarborg.engine.policy.render.statement import render_statement

GROUNDS = """        compatibility:
          link:"""


def test_a_further_purpose_a_law_prescribes_names_the_law() -> None:
    text = (EXAMPLES / "lindehof.yaml").read_text(encoding="utf-8")
    start, end = text.index(GROUNDS), text.index("    sources: [subject, representative]\n  personnel:")
    text = text[:start] + '        law: "Wkkgz art. 11 (onderzoek van een calamiteit)"\n' + text[end:]
    policy = load_text(text, "lindehof.yaml").policy
    dutch = render_statement(policy, "nl", "md")
    assert ("Voor het doel ‘Klachten over onze zorg’ lezen wij ook gegevens die wij kregen voor ‘Zorg en begeleiding "
            "thuis’. Zo staat het in de wet: Wkkgz art. 11 (onderzoek van een calamiteit).") in dutch
    assert "Verband tussen de doelen" not in dutch
    english = render_statement(policy, "en", "md")
    assert "This is what the law says: Wkkgz art. 11" in english and "Using data for another purpose" in english


def test_the_html_statement_has_a_section_per_group() -> None:
    html = render_statement(load_file(EXAMPLES / "lindehof.yaml").policy, "nl", "html")
    for group in ("clients", "relatives", "employees"):
        assert f'<section id="group-{group}">' in html
    assert '<h2 id="further">' in html and '<h2 id="criminal">' not in html
    html = render_statement(load_file(EXAMPLES / "debrug.yaml").policy, "en", "html")
    assert '<h2 id="criminal">Data about criminal offences</h2>' in html and "allowed to have them by law" in html


@pytest.mark.parametrize("example", ["ikzorginassen", "socialekaart", "wlzclientondersteuning", "werkzaak", "kwartier"])
def test_a_policy_without_the_constructs_has_none_of_their_sections(example: str) -> None:
    statement = render_statement(load_file(EXAMPLES / f"{example}.yaml").policy, "nl", "md")
    for heading in ("Over wie wij gegevens hebben", "Gegevens voor een ander doel gebruiken",
                    "## Gegevens over strafbare feiten"):
        assert heading not in statement
