"""Each meaning rule of rules.py refuses a policy with one FILE:LINE:COLUMN message pointing at the culprit.

Every case starts from a small valid policy, changes one thing, and expects the exact message at the
line and column of the offending value (found by a unique needle in the changed text).
"""

from __future__ import annotations

import pytest

from waarborg.engine.policy.loader import PolicyError, load_text

FILE = "policy.yaml"

BASE = """\
waarborg: 1
organisation:
  id: org
  name: Org
  privacy_contact: {email: privacy@org.nl}
statement:
  version: "2"
  effective: 2024-01-01
categories:
  contact:
    label: Contact
  health:
    label: Gezondheid
    special: true
  bsn:
    label: BSN
    national_id: true
purposes:
  service:
    label: Dienst
    description: De dienst
    basis: consent
record_types:
  ticket:
    purpose: service
    label: Vraag
    retention: one_year
    fields:
      email: {category: contact, type: email}
retention:
  one_year:
    period: P1Y
calendars:
  editions:
    label: Rondes
roles:
  privacy_officer:
    label: Privacyfunctionaris
    privacy_officer: true
"""

# (name, old text, new text, needle marking the reported position, message)
CASES = [
    ("record type names an undefined purpose",
     "    purpose: service\n", "    purpose: nowhere\n", "nowhere",
     "record type 'ticket' names purpose 'nowhere', which is not defined"),
    ("record type names an undefined retention rule",
     "    retention: one_year\n", "    retention: forever\n    # keep one_year used\n", "forever",
     "record type 'ticket' names retention rule 'forever', which is not defined"),
    ("field names an undefined category",
     "{category: contact, type: email}", "{category: secret, type: email}", "secret",
     "field ticket.email names category 'secret', which is not defined"),
    ("choice field without choices",
     "{category: contact, type: email}", "{category: contact, type: choice}", "choice}",
     "field ticket.email is a choice without choices"),
    ("anonymising keeps a special field",
     "      email: {category: contact, type: email}\n",
     "      email: {category: contact, type: email}\n      illness: {category: health}\n", "one_year\n    fields",
     "retention rule 'one_year' keeps 'illness' of 'ticket' after anonymising, but it is special or a BSN: "
     "anonymised data cannot keep it"),
    ("legal obligation without the law",
     "    basis: consent\n", "    basis: legal_obligation\n", "legal_obligation",
     "purpose 'service' rests on legal_obligation: name the law in basis_detail.law"),
    ("public task without the law",
     "    basis: consent\n", "    basis: public_task\n", "public_task",
     "purpose 'service' rests on public_task: name the law in basis_detail.law"),
    ("contract without naming it",
     "    basis: consent\n", "    basis: contract\n", "contract\n",
     "purpose 'service' rests on a contract: name it in basis_detail.contract"),
    ("legitimate interest without naming it",
     "    basis: consent\n", "    basis: legitimate_interest\n", "legitimate_interest",
     "purpose 'service' rests on legitimate interest: name it in basis_detail.interest"),
    ("special categories without an art. 9 condition",
     "{category: contact, type: email}", "{category: health}", "label: Dienst",
     "purpose 'service' processes special categories (art. 9 AVG) but names no art9_condition"),
    ("marketing touching special categories",
     "    basis: consent\n",
     "    basis: consent\n    art9_condition: explicit_consent\n    marketing: true\n", "true\nrecord_types",
     "marketing purpose 'service' may never touch special categories"),
    ("art. 9 condition that needs a law without one",
     "    basis: consent\n", "    basis: consent\n    art9_condition: health_social_care\n", "health_social_care",
     "purpose 'service': art9_condition health_social_care needs art9_ground (the law)"),
    ("BSN without a statutory ground",
     "{category: contact, type: email}", "{category: bsn, type: bsn}", "label: Dienst",
     "purpose 'service' processes a BSN but names no bsn_ground (the BSN needs a statutory ground, UAVG art. 46)"),
    ("automated decisions",
     "    basis: consent\n", "    basis: consent\n    automated_decisions: true\n", "true\nrecord_types",
     "purpose 'service': automated decisions with legal effect are not supported; set human_decision: true "
     "instead (AVG art. 22)"),
    ("statistics that are also marketing",
     "    basis: consent\n", "    basis: consent\n    marketing: true\n    statistics: yes\n", "yes",
     "purpose 'service' cannot be both statistics and marketing"),
    ("retention rule without period or event",
     "    period: P1Y\n", "    action: delete\n", "action: delete",
     "retention rule 'one_year' needs a period, an `until` event, or both"),
    ("retention starting at an undefined calendar",
     "    period: P1Y\n", "    period: P1Y\n    start: {calendar: seasons}\n", "seasons",
     "retention rule 'one_year' starts at calendar 'seasons', which is not defined"),
    ("retention counting from a field that is not a date",
     "    period: P1Y\n", "    period: P1Y\n    start: {latest: [collected, {field: email}]}\n", "email}]",
     "retention rule 'one_year' counts from field 'email', but record type 'ticket' has no date field of that name"),
    ("retention counting from an encrypted date field",
     "    period: P1Y\n", "    period: P1Y\n    until: {earliest: [{field: since}, withdrawn]}\n", "since}",
     "retention rule 'one_year' counts from field 'since' of 'ticket', which is encrypted: a clock can only count "
     "from a date in a category that is not encrypted"),
    ("legal period without its ground",
     "    period: P1Y\n", "    period: P1Y\n    reason: legal\n", "legal\n",
     "retention rule 'one_year' is a legal period: name it in legal_ground"),
    ("anonymising without saying what to keep",
     "    period: P1Y\n", "    period: P1Y\n    action: anonymise\n", "anonymise",
     "retention rule 'one_year' anonymises: say which fields to keep under anonymise.keep"),
    ("period beyond the ceiling",
     "    period: P1Y\n", "    period: P8Y\n    ceiling: P7Y\n", "P8Y",
     "retention rule 'one_year': the period P8Y exceeds the ceiling P7Y"),
    ("extensions beyond the ceiling",
     "    period: P1Y\n", "    period: P5Y\n    ceiling: P7Y\n    extension: {by: P2Y, times: 2}\n", "{by: P2Y",
     "retention rule 'one_year': period plus extensions (P5Y + 2xP2Y) exceeds the ceiling P7Y"),
    ("extension without a ceiling",
     "    period: P1Y\n", "    period: P5Y\n    extension: {by: P2Y}\n", "{by: P2Y",
     "retention rule 'one_year' can be extended, so it needs a ceiling"),
    ("retention rule nobody uses",
     "    period: P1Y\n", "    period: P1Y\n  spare:\n    period: P2Y\n", "period: P2Y",
     "retention rule 'spare' is not used by any record type"),
    ("retention waits for an undeclared event",
     "    period: P1Y\n", "    period: P1Y\n    start: {event: closed}\n", "closed}",
     "retention rule 'one_year' waits for event 'closed', which is not declared under events (declare it with "
     "the words the statement uses and who may report it)"),
    ("retention ends early on an undeclared event",
     "    period: P1Y\n", "    period: P1Y\n    ends_early: [{event: gone, of: record}]\n", "gone,",
     "retention rule 'one_year' waits for event 'gone', which is not declared under events (declare it with "
     "the words the statement uses and who may report it)"),
    ("calendar takes dates from an undeclared event",
     "    label: Rondes\n", "    label: Rondes\n    event: closed\n", "closed",
     "calendar 'editions' takes dates from event 'closed', which is not declared under events"),
    ("event posted by an undefined role",
     "roles:\n", "events:\n  closed:\n    label: de sluiting\n    posted_by: [boss]\nroles:\n", "boss",
     "event 'closed' may be posted by role 'boss', which is not defined"),
    ("organisation-wide event nobody may report",
     "    label: Rondes\n", "    label: Rondes\n    event: closed\n", "de sluiting",
     "event 'closed' is organisation-wide (it adds dates to a calendar): name the roles that may report it in "
     "posted_by"),
    ("event nobody may report",
     "    period: P1Y\n", "    period: P1Y\n    start: {event: ended, of: subject}\n", "het einde",
     "no role may report event 'ended': it needs a role in posted_by that writes one of service"),
    ("need-to-know purpose without anyone who assigns cases",
     "    basis: consent\n", "    basis: consent\n    need_to_know: true\n", "privacy_officer:\n    label",
     "need-to-know purposes (service) need a role that assigns cases: add `caseloads` to the manages list of a "
     "coordinating role"),
    ("recipient names an undefined purpose",
     "roles:\n", "recipients:\n  host:\n    label: Host\n    kind: third_party\n    purposes: [elsewhere]\n"
     "    reasons: [contract]\nroles:\n", "elsewhere",
     "recipient 'host' names purpose 'elsewhere', which is not defined"),
    ("visit statistics given to a third party",
     "    basis: consent\n", "    basis: consent\n    statistics: true\n",
     "service]",
     "recipient 'host': visit statistics ('service') are never given to third parties"),
    ("recipient names an undefined category",
     "roles:\n", "recipients:\n  host:\n    label: Host\n    kind: third_party\n    categories: [gossip]\n"
     "    reasons: [contract]\nroles:\n", "gossip",
     "recipient 'host' names category 'gossip', which is not defined"),
    ("processor without an agreement",
     "roles:\n", "recipients:\n  host:\n    label: Host\n    kind: processor\n    reasons: [agreed_work]\nroles:\n",
     "label: Host",
     "processor 'host' needs an agreement (verwerkersovereenkomst, art. 28 AVG)"),
    ("agreement that ends before it starts",
     "roles:\n", "recipients:\n  host:\n    label: Host\n    kind: processor\n    reasons: [agreed_work]\n"
     "    agreement: {reference: VWO-1, valid_from: 2024-01-01, valid_until: 2023-01-01}\nroles:\n", "2023-01-01",
     "recipient 'host': the agreement ends before it starts"),
    ("recipient without reasons",
     "roles:\n", "recipients:\n  host:\n    label: Host\n    kind: third_party\nroles:\n", "label: Host",
     "recipient 'host' lists no reasons under which data may be disclosed to it"),
    ("recipient outside the EEA without safeguards",
     "roles:\n", "recipients:\n  host:\n    label: Host\n    kind: third_party\n    reasons: [contract]\n"
     "    country: US\nroles:\n", "US",
     "recipient 'host' is outside the EEA (US): name the safeguards (art. 46 AVG)"),
    ("a public form that asks for special data",
     "{category: contact, type: email}", "{category: health, type: longtext}", "{category: health, type: longtext}",
     "field ticket.email is special, criminal, a BSN or financial: a public form never asks for it"),
    ("a public form that asks a date",
     "{category: contact, type: email}", "{category: contact, type: date}", "date}",
     "field ticket.email is a date: a public form asks only text, e-mail or phone"),
    ("a public form under a need-to-know purpose",
     "    basis: consent\n", "    basis: consent\n    need_to_know: true\n", "tip\n    fields",
     "the tip form stores under purpose 'service', which is need-to-know or needs a parent's consent: an "
     "anonymous form can do neither"),
    ("role grants an undefined purpose",
     "    privacy_officer: true\n", "    privacy_officer: true\n    grants:\n      gossip: [read]\n", "[read]",
     "role 'privacy_officer' names purpose 'gossip', which is not defined"),
    ("no privacy officer or DPO",
     "    privacy_officer: true\n", "    privacy_officer: false\n", "privacy_officer:\n    label",
     "no role is a privacy officer or DPO: someone must handle requests and breaches"),
    ("statement version listed twice",
     "  effective: 2024-01-01\n", "  effective: 2024-01-01\n  history:\n    - {version: '1', effective: 2023-01-01}\n"
     "    - {version: '1', effective: 2022-01-01}\n", "'1', effective: 2022",
     "statement version '1' appears twice"),
    ("history that takes effect after the current version",
     "  effective: 2024-01-01\n", "  effective: 2024-01-01\n  history:\n    - {version: '1', effective: 2025-01-01}\n",
     "2025-01-01", "statement version '1' takes effect after the current version"),
]

# Second changes some cases need, by the start of their message.
_PUBLIC_FORM = ("    retention: one_year\n", "    retention: one_year\n    public_form: tip\n")
_ALSO = {
    # the record type must be the tip form's
    "field ticket.email is special, criminal": _PUBLIC_FORM,
    "field ticket.email is a date": _PUBLIC_FORM,
    "the tip form stores under": _PUBLIC_FORM,
    # the event must be declared, without posted_by
    "event 'closed' is organisation-wide": ("roles:\n", "events:\n  closed: de sluiting\nroles:\n"),
    "no role may report event 'ended'": ("roles:\n", "events:\n  ended: het einde\nroles:\n"),
    # visit statistics need a third-party recipient of that purpose
    "recipient 'host': visit statistics": ("roles:\n", "recipients:\n  host:\n    label: Host\n    kind: third_party\n"
                                           "    purposes: [service]\n    reasons: [contract]\nroles:\n"),
    # the rule must anonymise and keep the special field
    "retention rule 'one_year' keeps": ("    period: P1Y\n",
                                        "    period: P1Y\n    action: anonymise\n    anonymise: {keep: [illness]}\n"),
    # the clock's date field is a BSN-category date (encrypted); `withdrawn` must be declared
    "retention rule 'one_year' counts from field 'since'": (
        "      email: {category: contact, type: email}\n",
        "      email: {category: contact, type: email}\n      since: {category: bsn, type: date}\n"
        "events:\n  withdrawn: {nl: de intrekking, en: the withdrawal}\n"),
    # marketing must touch a special field
    "marketing purpose": ("      email: {category: contact, type: email}\n",
                          "      email: {category: contact, type: email}\n      illness: {category: health}\n"),
}


def _position(text: str, needle: str) -> tuple[int, int]:
    assert text.count(needle) == 1, f"needle {needle!r} must be unique"
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def test_the_base_policy_is_valid() -> None:
    assert load_text(BASE, FILE).policy.organisation.id == "org"


@pytest.mark.parametrize(("old", "new", "needle", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_meaning_rule_reports_file_line_column(old: str, new: str, needle: str, message: str) -> None:
    # Given the valid base policy with one thing changed
    assert old in BASE
    text = BASE.replace(old, new, 1)
    for start, (also_old, also_new) in _ALSO.items():
        if message.startswith(start):
            text = text.replace(also_old, also_new, 1)
    line, column = _position(text, needle)
    # When it is loaded
    with pytest.raises(PolicyError) as caught:
        load_text(text, FILE)
    # Then the problem names the file, line and column of the culprit
    assert f"{FILE}:{line}:{column}: {message}" in [str(p) for p in caught.value.problems]
