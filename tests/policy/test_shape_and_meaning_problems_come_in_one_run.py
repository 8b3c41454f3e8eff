"""One run of `waarborg policy check` reports shape and meaning problems together.

Entries that fail their shape are left out and the rest is checked for meaning, so whoever edits a
policy gets every problem at once instead of batch after batch. Problems that only follow from what was
left out (a reference to a purpose that failed its own shape) are not reported: each reported problem
is real. Every case starts from the small valid policy of test_meaning_rules.py and expects the exact
messages, in file order, at the line and column of a unique needle.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from tests.policy.test_meaning_rules import BASE, FILE
from waarborg.audiences.cli import main
from waarborg.engine.policy.loader import PolicyError, load_text
from waarborg.engine.policy.models import PolicyVersion
from waarborg.engine.policy.schema import Policy

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))

BASIS_CHOICES = ("Input should be 'consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task' "
                 "or 'legitimate_interest'")

# A second purpose, so leaving one out does not empty the section.
NEWSLETTER = "  newsletter:\n    label: Nieuwsbrief\n    description: De nieuwsbrief\n    basis: {basis}\n"
ROLES = "roles:\n"


def changed(*edits: tuple[str, str]) -> str:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} must occur once in the base policy"
        text = text.replace(old, new)
    return text


def located(text: str, needle: str, message: str, file: str = FILE) -> str:
    assert text.count(needle) == 1, f"needle {needle!r} must be unique"
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{file}:{line}:{column}: {message}"


def problems_of(text: str) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        load_text(text, FILE)
    return [str(p) for p in caught.value.problems]


def test_a_shape_error_in_one_purpose_and_a_meaning_error_elsewhere_come_in_one_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a policy whose second purpose has an unknown basis and whose retention rule lacks its law
    text = changed(("record_types:\n", NEWSLETTER.format(basis="whim") + "record_types:\n"),
                   ("    period: P1Y\n", "    period: P1Y\n    reason: legal\n"))
    path = tmp_path / FILE
    path.write_text(text, encoding="utf-8")
    # When it is checked once
    status = main(["policy", "check", str(path)])
    # Then both problems are reported, in file order, at their line and column, and the check fails
    assert status == 1
    assert capsys.readouterr().err.splitlines() == [
        located(text, "whim", f"purposes.newsletter.basis: {BASIS_CHOICES}", str(path)),
        located(text, "legal\n", "retention rule 'one_year' is a legal period: name it in legal_ground", str(path)),
    ]


def test_meaning_is_checked_even_when_the_only_entry_of_a_section_fails_its_shape() -> None:
    # Given the base policy's only purpose with an unknown basis, and a retention rule without its law
    text = changed(("    basis: consent\n", "    basis: whim\n"), ("    period: P1Y\n", "    period: P1Y\n    reason: legal\n"))
    # When it is loaded, then both are reported; the record type naming the purpose is not "undefined"
    assert problems_of(text) == [
        located(text, "whim", f"purposes.service.basis: {BASIS_CHOICES}"),
        located(text, "legal\n", "retention rule 'one_year' is a legal period: name it in legal_ground"),
    ]


# (name, edits, the exact problems as (needle, message)): only the shape problems and what is really wrong.
CONSEQUENCES = [
    ("references to a purpose left out are not undefined",
     [("record_types:\n", NEWSLETTER.format(basis="whim") + "record_types:\n"
       "  letter:\n    purpose: newsletter\n    label: Brief\n    retention: one_year\n"
       "    fields: {email: {category: contact}}\n"),
      (ROLES, "recipients:\n  host:\n    label: Host\n    kind: third_party\n    purposes: [newsletter, nowhere]\n"
       "    reasons: [contract]\n" + ROLES),
      ("    privacy_officer: true\n", "    privacy_officer: true\n    grants: {newsletter: [read]}\n")],
     [("whim", f"purposes.newsletter.basis: {BASIS_CHOICES}"),
      ("nowhere", "recipient 'host' names purpose 'nowhere', which is not defined")]),
    ("a retention rule used only by a record type left out is not unused",
     [("record_types:\n", "record_types:\n  letter:\n    purpose: service\n    label: Brief\n    retention: spare\n"
       "    fields: {email: {category: contact, type: colour}}\n"),
      ("    period: P1Y\n", "    period: P1Y\n  spare:\n    period: P2Y\n")],
     [("colour", "record_types.letter.fields.email.type: Input should be 'text', 'longtext', 'date', 'datetime', "
       "'integer', 'decimal', 'boolean', 'email', 'phone', 'postcode', 'bsn', 'iban', 'url', 'ip' or 'choice'")]),
    ("fields naming a category left out are not undefined",
     [("    label: Contact\n", "    label: Contact\n    public: sometimes\n")],
     [("sometimes", "categories.contact.public: Input should be a valid boolean, unable to interpret input")]),
    ("the only privacy officer role left out does not leave the policy without one",
     [("    privacy_officer: true\n", "    privacy_officer: true\n    colour: red\n")],
     [("colour", "roles.privacy_officer.colour: unknown key 'colour'")]),
    ("a recipient whose only reason is left out does not list no reasons",
     [(ROLES, "recipients:\n  host:\n    label: Host\n    kind: third_party\n    reasons: [whim]\n"
       "    country: US\n" + ROLES)],
     [("whim", "recipients.host.reasons.0: Input should be 'agreed_work', 'contract', 'legal_obligation', "
       "'authority_request', 'public_task', 'public_interest', 'legitimate_interest', 'vital_interest' or 'consent'"),
      ("US", "recipient 'host' is outside the EEA (US): name the safeguards (art. 46 AVG)")]),
    ("a field whose choices were partly left out is not judged on its choices",
     [("{category: contact, type: email}", "{category: contact, type: choice, choices: [7], needs_signed_consent: [ja]}")],
     [("7]", "record_types.ticket.fields.email.choices.0: Input should be a valid string")]),
    ("a misspelled calendars section does not make its calendars undefined",
     [("calendars:\n", "calender:\n"), ("    period: P1Y\n", "    period: P1Y\n    start: {calendar: editions}\n")],
     [("calender", "calender: unknown key 'calender'")]),
]


@pytest.mark.parametrize(("edits", "expected"), [c[1:] for c in CONSEQUENCES], ids=[c[0] for c in CONSEQUENCES])
def test_consequences_of_what_was_left_out_are_not_reported(
        edits: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    # Given the base policy with an entry that fails its shape (and perhaps a real meaning problem)
    text = changed(*edits)
    # When it is loaded, then exactly the shape problems and the real meaning problems are reported
    assert problems_of(text) == [located(text, needle, message) for needle, message in expected]


def test_meaning_problems_after_a_list_item_left_out_point_at_their_own_line() -> None:
    # Given a statement history whose first entry has a broken date and whose second takes effect too late
    text = changed(("  effective: 2024-01-01\n", "  effective: 2024-01-01\n  history:\n"
                    "    - {version: '0', effective: someday}\n    - {version: '1', effective: 2025-01-01}\n"))
    # When it is loaded, then the late entry is named at its own line, not at the entry left out
    assert problems_of(text) == [
        located(text, "someday", "statement.history.0.effective: Input should be a valid date or datetime, "
                "input is too short"),
        located(text, "2025-01-01", "statement version '1' takes effect after the current version"),
    ]


def test_a_broken_organisation_reports_only_its_shape_as_before() -> None:
    # Given a policy whose organisation id is invalid (nothing can be left out) and a retention rule without its law
    text = changed(("  id: org\n", "  id: Org\n"), ("    period: P1Y\n", "    period: P1Y\n    reason: legal\n"))
    # When it is loaded, then the shape problem is reported; the meaning follows once the shape is fixed
    assert problems_of(text) == [located(text, "Org\n  name", "organisation.id: String should match pattern '^[a-z][a-z0-9_]*$'")]


@pytest.mark.parametrize("source", [BASE, *(p.read_text(encoding="utf-8") for p in EXAMPLES)],
                         ids=["base", *(p.stem for p in EXAMPLES)])
def test_a_valid_policy_loads_exactly_as_before(source: str) -> None:
    # Given a valid policy, when it is loaded, then it is exactly what its YAML validates to
    loaded = load_text(source, FILE)
    assert loaded.policy == Policy.model_validate(yaml.safe_load(source))
    assert loaded.source == source and loaded.file == FILE


def everything_wrong(n: int) -> str:
    """A policy with every entry of every section broken, references between them, and junk sections."""
    return "".join([
        "waarborg: 7\norganisation:\n  id: org\n  name: Org\n  privacy_contact: {email: x}\n",
        "statement:\n  version: '1'\n  effective: 2024-01-01\n  history: [1, {version: '0', effective: 2030-01-01}]\n",
        "categories:\n", *(f"  c{i}: {{label: C, special: maybe}}\n" for i in range(n)),
        "purposes:\n", *(f"  p{i}: {{label: P, basis: whim, sources: [nowhere]}}\n" for i in range(n)),
        "record_types:\n", *(f"  r{i}: {{purpose: p{i}, label: R, retention: t{i}, "
                             f"fields: {{f: {{category: c{i}, type: colour, choices: [[]]}}}}}}\n" for i in range(n)),
        "retention:\n", *(f"  t{i}: {{period: forever, start: {{calendar: Bad}}}}\n" for i in range(n)),
        "calendars: [1, 2]\nrecipients: 5\nroles:\n  r: {label: R, grants: {x: [fly]}, privacy_officer: 3}\n",
        "colour: {deep: {deeper: [[[[1]]]]}}\n",
    ])


def test_a_policy_with_everything_wrong_ends_quickly_with_every_problem_once_in_file_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a policy in which every entry of every section is wrong
    path = tmp_path / FILE
    path.write_text(everything_wrong(200), encoding="utf-8")
    # When it is checked
    started = time.monotonic()
    status = main(["policy", "check", str(path)])
    elapsed = time.monotonic() - started
    # Then it fails within seconds, and each problem appears once, located, in file order
    assert status == 1 and elapsed < 10
    lines = capsys.readouterr().err.splitlines()
    assert all(re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+: \S.*", line) for line in lines)
    positions = [tuple(map(int, line[len(str(path)) + 1:].split(":", 2)[:2])) for line in lines]
    assert positions == sorted(positions) and len(set(lines)) == len(lines)
    # every broken entry is named, and the one real meaning problem too; nothing merely follows from them
    assert sum(".basis: Input should be" in line for line in lines) == 200
    assert sum(".type: Input should be" in line for line in lines) == 200
    meaning = [line for line in lines if not re.match(r"\S+:\d+:\d+: [a-z0-9_.]+: ", line)]
    assert meaning == [f"{path}:9:42: statement version '0' takes effect after the current version"]


@pytest.mark.django_db(transaction=True)
def test_activating_a_policy_with_both_kinds_of_problems_names_both_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given an active policy, and a file with a shape error in one purpose and a meaning error elsewhere
    assert main(["policy", "activate", str(EXAMPLES[0])]) == 0
    text = changed(("record_types:\n", NEWSLETTER.format(basis="whim") + "record_types:\n"),
                   ("    period: P1Y\n", "    period: P1Y\n    reason: legal\n"))
    path = tmp_path / FILE
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    # When it is activated
    status = main(["policy", "activate", str(path)])
    # Then activation fails naming both problems, and the active version is unchanged
    assert status == 1
    err = capsys.readouterr().err
    assert located(text, "whim", f"purposes.newsletter.basis: {BASIS_CHOICES}", str(path)) in err
    assert located(text, "legal\n", "retention rule 'one_year' is a legal period: name it in legal_ground", str(path)) in err
    assert list(PolicyVersion.objects.values_list("number", "is_current")) == [(1, True)]
