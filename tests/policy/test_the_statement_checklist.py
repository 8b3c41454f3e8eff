"""`waarborg policy check` runs the AVG art. 13/14 checklist on the statement a policy generates: what would
publish something false or invented is an error (exit 1, nothing activated), what a privacy officer should look
at is a warning; each at FILE:LINE:COLUMN. Every case changes the valid base policy of `test_meaning_rules` in
one respect and goes through the command line, as an operator would."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.policy.test_meaning_rules import BASE
from waarborg.audiences.cli import main

OBJECTION_LEFT_OUT = "rights:\n  available: [access, rectification, erasure, restriction, complaint, portability, " \
                     "withdraw_consent]\nroles:\n"

# (name, [(old, new)...], needle at the reported position, message)
ERRORS = [
    ("a placeholder address",
     [("privacy@org.nl", "privacy@org.example.nl")], "privacy@org.example.nl",
     "email 'privacy@org.example.nl' is a placeholder: give the real one before publishing"),
    ("a version nobody set",
     [('  version: "2"\n', '  version: "TODO"\n')], '"TODO"',
     "version 'TODO' is a placeholder: give the version you publish"),
    ("an effective date nobody set",
     [("  effective: 2024-01-01\n", "  effective: 1970-01-01\n")], "1970-01-01",
     "effective date 1970-01-01 is a placeholder: give the real date"),
    ("an empty version",
     [('  version: "2"\n', '  version: ""\n')], '""',
     "version '' is a placeholder: give the version you publish"),
    ("an earlier version with a date nobody set",
     [("  effective: 2024-01-01\n", "  effective: 2024-01-01\n  history:\n    - {version: \"1\", effective: 1970-01-01}\n")],
     "1970-01-01", "effective date 1970-01-01 is a placeholder: give the real date"),
    ("an earlier version nobody numbered",
     [("  effective: 2024-01-01\n", "  effective: 2024-01-01\n  history:\n    - {version: x.x, effective: 2023-01-01}\n")],
     "x.x", "version 'x.x' is a placeholder: give the version you publish"),
    ("a placeholder address in the rights text",
     [("roles:\n", "rights:\n  request_address: Mail naar privacy@org.example.nl\nroles:\n")],
     "Mail naar privacy@org.example.nl",
     "'Mail naar privacy@org.example.nl' names a placeholder address (example.*, .test, localhost): give the real one"),
    ("a recipient at a test address",
     [("roles:\n", "recipients:\n  it:\n    label: ICT-leverancier\n    kind: processor\n"
                   "    agreement: {reference: VWO-1}\n    purposes: [service]\n    categories: [contact]\n"
                   "    reasons: [agreed_work]\n    description: Beheer van servers, dpa@leverancier.test\nroles:\n")],
     "Beheer van servers, dpa@leverancier.test",
     "'Beheer van servers, dpa@leverancier.test' names a placeholder address (example.*, .test, localhost): give "
     "the real one"),
    ("a placeholder text",
     [("    description: De dienst\n", "    description: TODO beschrijven\n")], "TODO beschrijven",
     "this text is a placeholder (TODO, XXX, [invullen]...): write it before publishing"),
    ("a privacy contact nobody can reach",
     [("  privacy_contact: {email: privacy@org.nl}\n", "  privacy_contact: {name: Privacy}\n")], "{name: Privacy}",
     "the privacy contact needs a way to reach it (email, phone, url or address), art. 13(1)(a) AVG"),
    ("a public task without the right to object",
     [("    basis: consent\n", "    basis: public_task\n    basis_detail: {law: Wmo 2015}\n"),
      ("roles:\n", OBJECTION_LEFT_OUT)], "[access, rectification",
     "purpose service rests on a public task or a legitimate interest: the right to object must be stated, "
     "separately (art. 21(4) AVG); add objection"),
    ("consent that cannot be withdrawn",
     [("roles:\n", "rights:\n  available: [access, rectification, erasure, restriction, objection, complaint, "
                   "portability]\nroles:\n")], "[access, rectification",
     "purposes service rest on consent: say that it can be withdrawn at any time (art. 13(2)(c) AVG); add "
     "withdraw_consent"),
    ("a right every statement names, left out",
     [("roles:\n", "rights:\n  available: [rectification, erasure, restriction, objection, complaint, "
                   "portability, withdraw_consent]\nroles:\n")], "[rectification",
     "the right 'access' is missing: every statement names it (art. 13(2)(b),(d) AVG)"),
    ("'no profiling' beside a profiling purpose",
     [("    basis: consent\n", "    basis: consent\n    profiling: true\n"),
      ("  effective: 2024-01-01\n", "  effective: 2024-01-01\n  notes: [Er is geen profilering.]\n")],
     "Er is geen profilering.",
     "this text denies profiling, but service profiles: say the same everywhere (art. 13(2)(f) AVG)"),
    ("analytics called anonymous while its provider gets the IP address",
     [("roles:\n", "recipients:\n  stats:\n    label: Sim Analytics\n    kind: processor\n"
                   "    agreement: {reference: VWO-1}\n    purposes: [service]\n    categories: [contact]\n"
                   "    reasons: [agreed_work]\ncookies:\n  - name: sim\n    kind: analytical\n"
                   "    provider: Sim Analytics\n    purpose: Anonieme statistieken\nroles:\n")],
     "Anonieme statistieken",
     "cookie 'sim' is called anonymous, but Sim Analytics receives contact (recipient 'stats'): say what it "
     "receives"),
    ("a purpose without a source",
     [("    basis: consent\n", "    basis: consent\n    sources: []\n")], "[]",
     "purpose 'service' names no source: say where the data comes from (art. 14(2)(f) AVG)"),
]

WARNINGS = [
    ("a public task without a DPO",
     [("    basis: consent\n", "    basis: public_task\n    basis_detail: {law: Wmo 2015}\n")], "id: org",
     "no DPO named, while purpose service rests on a public task or processes care data: a public body or large-scale "
     "special data needs a DPO (art. 37(1) AVG); name organisation.dpo"),
    ("Dutch where the English statement needs English",
     [], "Dienst",
     "the English statement shows purposes.service.label in Dutch: write it as {nl: ..., en: ...}"),
    ("'je' in a statement that says 'u'",
     [("  effective: 2024-01-01\n", "  effective: 2024-01-01\n  address: u\n"),
      ("    description: De dienst\n", "    description: De dienst die je vroeg\n")], "De dienst die je vroeg",
     "the statement says 'u' (statement.address), but this Dutch text says 'je'"),
    ("a contract that does not say whether data must be given",
     [("    basis: consent\n", "    basis: contract\n    basis_detail: {contract: Overeenkomst}\n")], "label: Dienst",
     "purpose 'service': say whether people must give these data and what happens if they do not (requirement, "
     "art. 13(2)(e) AVG)"),
]


def _write(tmp_path: Path, changes: list[tuple[str, str]], needle: str) -> tuple[Path, int, int]:
    text = BASE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    assert text.count(needle) >= 1, needle
    offset = text.index(needle)
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize(("changes", "needle", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS])
def test_policy_check_refuses_an_unpublishable_statement(changes: list[tuple[str, str]], needle: str, message: str,
                                                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the base policy with one thing a published statement must not say (or must say)
    path, line, column = _write(tmp_path, changes, needle)
    # When it is checked, or activated
    status = main(["policy", "check", str(path)])
    _, err = capsys.readouterr()
    # Then the check fails at the culprit, and activation refuses it too
    assert status == 1
    assert f"{path}:{line}:{column}: statement: {message}" in err.splitlines(), err
    assert main(["policy", "activate", str(path)]) == 1
    assert main(["render", "statement", "--policy", str(path)]) == 1  # a placeholder never renders


@pytest.mark.parametrize(("changes", "needle", "message"), [c[1:] for c in WARNINGS], ids=[c[0] for c in WARNINGS])
def test_policy_check_warns_where_a_privacy_officer_should_look(changes: list[tuple[str, str]], needle: str,
                                                               message: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path, line, column = _write(tmp_path, changes, needle)
    status = main(["policy", "check", str(path)])
    out, err = capsys.readouterr()
    assert status == 0 and f"{path}: ok (" in out
    assert f"{path}:{line}:{column}: warning: statement: {message}" in err.splitlines(), err


def test_a_statement_without_a_version_is_refused_where_the_version_belongs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the base policy whose statement has no version at all
    path = tmp_path / "policy.yaml"
    path.write_text(BASE.replace('  version: "2"\n', ""), encoding="utf-8")
    # When it is checked, activated or rendered, then it fails at the statement, and nothing renders
    assert main(["policy", "check", str(path)]) == 1
    assert f"{path}:7:3: statement: required key 'version' is missing" in capsys.readouterr().err.splitlines()
    assert main(["policy", "activate", str(path)]) == 1
    assert main(["render", "statement", "--policy", str(path)]) == 1
