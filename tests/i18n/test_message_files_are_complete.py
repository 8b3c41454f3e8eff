"""The message files against the code (`scripts/messages.py --check`, also run by `make lint`): every text the
code marks for translation is in both .po files, translated, and nothing fuzzy; a text added to a template
without a translation, or an entry left untranslated, fails the check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from scripts.messages import PACKAGE, check


@pytest.fixture(autouse=True)
def _gettext() -> None:
    """GNU gettext is needed to build the translations at all (`make install`): missing, it fails, never skips."""
    if shutil.which("msgattrib") is None:
        pytest.fail("GNU gettext is missing: apt-get install gettext (the README's apt line)")


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "waarborg"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    return copy


def test_the_shipped_message_files_are_complete() -> None:
    assert check() == []


def test_a_new_text_in_a_template_without_a_translation_fails_the_check(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    template = copy / "audiences" / "portal" / "templates" / "portal" / "contact.html"
    template.write_text(template.read_text() + '{% translate "Een nieuwe zin zonder vertaling." %}\n')

    problems = check(copy)

    # both files lack the entry, and once added it would still be untranslated
    assert len([p for p in problems if "does not match the code" in p]) == 2
    assert problems and all("Een nieuwe zin zonder vertaling." in p for p in problems)


def test_an_untranslated_or_fuzzy_entry_fails_the_check(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    english = copy / "locale" / "en" / "LC_MESSAGES" / "django.po"
    text = english.read_text()
    text = text.replace('msgid "Wachtwoord vergeten?"\nmsgstr "Forgot your password?"',
                        'msgid "Wachtwoord vergeten?"\nmsgstr ""', 1)
    text = re.sub(r'\n(msgid "Stuur ons een tip"\n)', r'\n#, fuzzy\n\1', text, count=1)
    english.write_text(text)

    [problem] = check(copy)

    assert "untranslated or fuzzy" in problem
    assert "Wachtwoord vergeten?" in problem and "Stuur ons een tip" in problem
