"""The policy says per free-text field what the de-identifier does with it (`FieldSpec.deidentify`).

Old policies load unchanged: a longtext field is redacted, every other field kept; `drop` and `keep` are
the policy's own choice; a non-text field cannot carry the setting (one FILE:LINE:COLUMN message).
"""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from tests.policy.test_meaning_rules import BASE
from waarborg.engine.policy.loader import PolicyError, load_file, load_text


def _with_fields(fields: str) -> str:
    return BASE.replace("      email: {category: contact, type: email}\n", fields)


def test_a_shipped_policy_without_the_setting_redacts_its_longtext_and_keeps_the_rest() -> None:
    policy = load_file(EXAMPLES / "kwartier.yaml").policy
    fields = policy.record_types["care_notes"].fields
    assert fields["health"].deidentify is None and fields["health"].free_text == "redact"
    emergency = policy.record_types["emergency_report"].fields
    assert emergency["shared_with"].free_text == "keep"  # a short text field: as written unless the policy says


def test_the_policy_may_drop_or_keep_a_free_text_field() -> None:
    policy = load_text(_with_fields(
        "      email: {category: contact, type: email}\n"
        "      note: {category: contact, type: longtext, deidentify: drop}\n"
        "      own_words: {category: contact, type: longtext, deidentify: keep}\n"
        "      contact_person: {category: contact, deidentify: redact}\n")).policy
    fields = policy.record_types["ticket"].fields
    assert (fields["note"].free_text, fields["own_words"].free_text, fields["contact_person"].free_text) == (
        "drop", "keep", "redact")


def test_a_non_text_field_cannot_carry_the_setting() -> None:
    text = _with_fields("      email: {category: contact, type: email, deidentify: redact}\n")
    with pytest.raises(PolicyError) as raised:
        load_text(text, "policy.yaml")
    assert "deidentify is for free text" in str(raised.value)
    assert "policy.yaml:" in str(raised.value)


def test_an_unknown_value_is_refused() -> None:
    with pytest.raises(PolicyError) as raised:
        load_text(_with_fields("      note: {category: contact, type: longtext, deidentify: blur}\n"), "policy.yaml")
    assert "deidentify" in str(raised.value)
