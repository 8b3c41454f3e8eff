"""`waarborg policy check` knows the law: a policy that enforcement could not honour, or that breaks a legal
minimum, exits 1 with FILE:LINE:COLUMN at the culprit. Each case changes the valid base policy of
`test_meaning_rules` in one respect; the shipped examples pass every check."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.policy.test_meaning_rules import BASE
from waarborg.audiences.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
CRIMINAL = "  vog:\n    label: VOG\n    criminal: true\npurposes:\n"
GROUPS = "subject_groups:\n  clients:\n    label: Cliënten\n    purposes: [{purposes}]\nroles:\n"
SECOND = ("  complaints:\n    label: Klachten\n    description: Klachten behandelen\n    basis: legal_obligation\n"
          "    basis_detail: {{law: Wkkgz}}\n    further_processing:\n      - of: {of}\n{grounds}record_types:\n")
GROUNDS = ("        compatibility: {link: Klacht over de dienst, context: Cliënt, nature: Gewoon, "
           "consequences: Geen, safeguards: Versleuteld}\n")
RECIPIENT = "recipients:\n  city:\n    label: Gemeente\n    kind: {kind}\n{agreement}    purposes: [service]\n" \
            "    reasons: [legal_obligation]\nroles:\n"

# (name, [(old, new)...], needle at the reported position, message)
CASES = [
    ("fiscal records kept one year",
     [("    retention: one_year\n", "    retention: one_year\n    fiscal: true\n")], "P1Y",
     "record type 'ticket' is fiscal, but retention rule 'one_year' keeps it P1Y after its start: book-keeping data "
     "stays seven years (art. 52 AWR, art. 2:10 BW)"),
    ("fiscal records that may be shortened on request",
     [("    retention: one_year\n", "    retention: one_year\n    fiscal: true\n"),
      ("    period: P1Y\n", "    period: P7Y\n    shorten_on_request: yes\n")], "yes",
     "record type 'ticket' is fiscal, but retention rule 'one_year' may end before seven years (ends_early or "
     "shorten_on_request): book-keeping data stays seven years (art. 52 AWR)"),
    ("special data without an art. 9 ground",
     [("{category: contact, type: email}", "{category: health}")], "label: Dienst",
     "purpose 'service' processes special categories (art. 9 AVG) but names no art9_condition"),
    ("a need-to-know purpose that nobody may assign",
     [("    basis: consent\n", "    basis: consent\n    need_to_know: true\n")], "privacy_officer:\n    label",
     "need-to-know purposes (service) need a role that assigns cases: add `caseloads` to the manages list of a "
     "coordinating role"),
    ("an event that no role may post",
     [("    period: P1Y\n", "    period: P1Y\n    start: {event: ended}\n"),
      ("roles:\n", "events:\n  ended: het einde\nroles:\n")], "het einde",
     "no role may report event 'ended': it needs a role in posted_by that writes one of service"),
    ("retention that waits for a consent withdrawal under a contract",
     [("    period: P1Y\n", "    until: {earliest: [consent_withdrawn, {event: consent_withdrawn, of: record}]}\n"),
      ("    basis: consent\n", "    basis: contract\n    basis_detail: {contract: Overeenkomst}\n"),
      ("roles:\n", "events:\n  consent_withdrawn: de intrekking\nroles:\n")], "until: {earliest",
     "retention rule 'one_year' can never end: it waits for event 'consent_withdrawn', which cannot happen for "
     "service (no role may report it, or nothing records it)"),
    ("criminal data without an art. 10 ground",
     [("purposes:\n", CRIMINAL), ("{category: contact, type: email}", "{category: vog}")], "label: Dienst",
     "purpose 'service' processes criminal data (art. 10 AVG) but names no art10_ground (the law that allows it, "
     "UAVG art. 31-33)"),
    ("a group naming a purpose that does not exist",
     [("roles:\n", GROUPS.format(purposes="service, nowhere"))], "nowhere",
     "subject group 'clients' names purpose 'nowhere', which is not defined"),
    ("a group that exercises its rights by a channel the rights section does not accept",
     [("roles:\n", GROUPS.format(purposes="service").replace("roles:\n", "    channels: [post, portal]\nroles:\n")),
      ("privacy_officer: true\n", "privacy_officer: true\nrights:\n  channels: [email, post]\n")], "portal]",
     "subject group 'clients' exercises its rights by portal, which rights.channels does not list: requests that way "
     "would not be accepted"),
    ("two default groups",
     [("roles:\n", "subject_groups:\n  a:\n    label: A\n    purposes: [service]\n    default: true\n  b:\n"
                    "    label: B\n    purposes: [service]\n    default: yes\nroles:\n")], "yes",
     "subject groups 'a' and 'b' are both the default: one group takes the subjects registered without a group"),
    ("a purpose with records that no group has",
     [("roles:\n", GROUPS.format(purposes="service")),
      ("record_types:\n", "  other:\n    label: Ander\n    description: Ander doel\n    basis: consent\n"
                           "record_types:\n"),
      ("retention:\n", "  note:\n    purpose: other\n    label: Notitie\n    retention: one_year\n"
                        "    fields: {text: {category: contact}}\nretention:\n")], "label: Ander",
     "purpose 'other' belongs to no subject group, so no record of it can be stored: add it to the purposes of a "
     "group"),
    ("further processing of an unknown purpose",
     [("record_types:\n", SECOND.format(of="servce", grounds=GROUNDS))], "servce",
     "purpose 'complaints' further processes purpose 'servce', which is not defined"),
    ("further processing without grounds",
     [("record_types:\n", SECOND.format(of="service", grounds=""))], "of: service",
     "purpose 'complaints' further processes 'service' without grounds: state the compatibility test (art. 6(4) "
     "AVG: link, context, nature, consequences, safeguards) under compatibility, or the law that prescribes it "
     "under law"),
    ("further processing of special data without an art. 9 ground",
     [("record_types:\n", SECOND.format(of="service", grounds=GROUNDS)),
      ("    basis: consent\n", "    basis: consent\n    art9_condition: explicit_consent\n"),
      ("{category: contact, type: email}", "{category: health}")], "of: service",
     "purpose 'complaints' further processes special categories of 'service' (art. 9 AVG) but names no "
     "art9_condition"),
]


def _position(text: str, needle: str) -> tuple[int, int]:
    assert text.count(needle) == 1, f"needle {needle!r} must be unique"
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize(("changes", "needle", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_policy_check_refuses_with_the_location(changes: list[tuple[str, str]], needle: str, message: str,
                                                tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the valid base policy with one thing changed, in a file
    text = BASE
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    line, column = _position(text, needle)
    # When it is checked
    status = main(["policy", "check", str(path)])
    # Then the check fails and names the file, line and column of the culprit
    assert status == 1
    assert f"{path}:{line}:{column}: {message}" in capsys.readouterr().err.splitlines()


# Valid policies that enforcement will not honour as written: a warning with the location, exit 0.
WARNINGS = [
    ("a third party without the agreement disclosures need",
     [("roles:\n", RECIPIENT.format(kind="third_party", agreement=""))], "third_party",
     "warning: recipient 'city' (third_party) has no agreement, so every disclosure to it will be refused: name "
     "the contract or covenant under agreement (only an authority needs none)"),
    ("a processor under a contract instead of a processor agreement",
     [("roles:\n", RECIPIENT.format(kind="processor", agreement="    agreement: {reference: K-1, kind: contract}\n"))],
     "contract}",
     "warning: processor 'city' has a contract, so every disclosure to it will be refused: a processor needs kind "
     "processor_agreement (art. 28 AVG)"),
    ("a recipient of criminal data without a ground of its own",
     [("purposes:\n", CRIMINAL),
      ("    basis: consent\n", "    basis: consent\n    art10_ground: art. 33 lid 2 UAVG\n"),
      ("{category: contact, type: email}", "{category: vog}"),
      ("roles:\n", "recipients:\n  city:\n    label: Gemeente\n    kind: authority\n    purposes: [service]\n"
                    "    categories: [vog]\n    reasons: [legal_obligation]\nroles:\n")], "[vog]",
     "warning: recipient 'city' may receive criminal data (vog) but names no art10_ground, so every disclosure of "
     "it will be refused (art. 10 AVG)"),
]


@pytest.mark.parametrize(("changes", "needle", "message"), [c[1:] for c in WARNINGS], ids=[c[0] for c in WARNINGS])
def test_policy_check_warns_with_the_location(changes: list[tuple[str, str]], needle: str, message: str,
                                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BASE
    for old, new in changes:
        text = text.replace(old, new, 1)
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    line, column = _position(text, needle)
    status = main(["policy", "check", str(path)])
    out, err = capsys.readouterr()
    assert status == 0 and f"{path}: ok (" in out  # with the statement checklist's warnings beside it
    assert f"{path}:{line}:{column}: {message}" in err.splitlines()


def test_the_base_policy_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert main(["policy", "check", str(path)]) == 0


def test_the_shipped_examples_pass_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "check", *map(str, EXAMPLES)]) == 0
    out, err = capsys.readouterr()
    assert out.count(": ok") == len(EXAMPLES)
    # What remains are the checklist's warnings for a privacy officer to weigh (a DPO that seems required).
    assert all(": warning: statement: " in line for line in err.splitlines()), err
