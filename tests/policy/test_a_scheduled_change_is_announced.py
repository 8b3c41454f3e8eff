"""Where the policy says so (`statement.notify_subjects: true`), scheduling a new version with `waarborg policy
activate FILE --effective DATE` mails every person with an e-mail address the coming change and its date, over a
real SMTP conversation, Dutch first and then English, saying "je" or "u" as the organisation's statement does
(`statement.address`); the audit log says who was told, never to which address."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.breaches.conftest import applicant, helpdesk_person
from tests.smtp import Inbox, smtp_server
from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import pseudonym

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"


@pytest.fixture
def relay() -> Iterator[Inbox]:
    """Django's SMTP backend talking to a real SMTP server."""
    with smtp_server(Inbox()) as inbox:
        yield inbox


def _coming_version(tmp_path: Path, notify: bool, address: str = "") -> Path:
    """Version 2.0 of the shipped policy, with a summary of what changes; announced ahead if `notify`; saying
    `address` ("u") where given (the shipped file says nothing: "je")."""
    text = EXAMPLE.read_text(encoding="utf-8")
    new = ('  version: "2.0"\n  effective: 2024-01-01\n'
           + ("  notify_subjects: true\n" if notify else "")
           + (f"  address: {address}\n" if address else "")
           + "  history:\n    - version: \"2.0\"\n      effective: 2024-01-01\n"
           + "      summary: {nl: Tips bewaren wij nu zes maanden, en: We now keep tips for six months}\n")
    text = text.replace('  version: "1.0"\n  effective: 2024-01-01\n', new, 1)
    assert "notify_subjects" in text or not notify
    path = tmp_path / "ikzorginassen-2.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _activate(capsys: pytest.CaptureFixture[str], path: Path, day: str) -> str:
    status = main(["policy", "activate", str(path), "--effective", day])
    out, err = capsys.readouterr()
    assert status == 0 and out.strip() == "2", err
    return err


def _body(message: Any) -> str:
    return str(message.get_body(preferencelist=("plain",)).get_content())


def test_everyone_with_an_address_is_told_of_the_coming_version_and_its_date(
        personas: Any, relay: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the shipped policy in force, Anna (who applied: a portal account), Bert (who typed his address in a
    # helpdesk question) and Carla (who left no address)
    anna = applicant(personas["assessor"].user, email="anna@example.nl", name="Anna de Vries")
    bert = helpdesk_person(personas["caseworker"].user, "bert@example.nl")
    carla = helpdesk_person(personas["caseworker"].user)
    day = (timezone.localdate() + timedelta(days=28)).isoformat()

    # When the operator schedules version 2, which says people are told ahead, four weeks from now
    err = _activate(capsys, _coming_version(tmp_path, notify=True), day)

    # Then Anna and Bert each get one mail with the date, the summary and the link, Dutch first
    assert sorted(a for e in relay.envelopes for a in e.rcpt_tos) == ["anna@example.nl", "bert@example.nl"]
    mail = relay.mail_to("anna@example.nl")
    assert "Nieuwe privacyverklaring van Valtes" in mail["Subject"] and "New privacy statement" in mail["Subject"]
    assert mail["Reply-To"] == "privacy@valtes.nl"
    text = _body(mail)
    assert text.index("Beste lezer,") < text.index("Dear reader,")  # the statement says "je"
    assert "Je leest de nieuwe versie hier" in text and "U leest" not in text and "Beste heer" not in text
    assert "(versie 2.0). Tot die datum geldt de huidige versie." in text
    assert "Tips bewaren wij nu zes maanden" in text and "We now keep tips for six months" in text
    assert "/privacy/versions/2/" in text
    assert day[:4] in text
    assert "notice of the change mailed to 2 address(es) for 2 people; 0 failed, 1 people without an e-mail" in err
    # And the audit log says who was told (never the address) and what the announcement did
    told = set(AuditEntry.objects.filter(action="policy.notice_sent").values_list("subject_pseudonym", flat=True))
    assert told == {pseudonym(anna.pk), pseudonym(bert.pk)}
    assert pseudonym(carla.pk) not in told
    summary = AuditEntry.objects.get(action="policy.announce")
    assert (summary.detail["sent"], summary.detail["unreachable"], summary.detail["version"]) == (2, 1, 2)
    assert "example.nl" not in str(list(AuditEntry.objects.values_list("detail", flat=True)))


def test_a_policy_that_does_not_say_so_tells_nobody(personas: Any, relay: Any, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # Given Anna with an address
    applicant(personas["assessor"].user, email="anna@example.nl", name="Anna de Vries")
    # When a version without notify_subjects is scheduled
    err = _activate(capsys, _coming_version(tmp_path, notify=False),
                    (timezone.localdate() + timedelta(days=28)).isoformat())
    # Then no mail goes out and nothing is announced
    assert relay.envelopes == [] and "notice of the change" not in err
    assert not AuditEntry.objects.filter(action__in=("policy.announce", "policy.notice_sent")).exists()


def test_an_organisation_that_says_u_says_it_in_the_notice_too(personas: Any, relay: Any, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # Given Anna with an address, and a coming version whose statement says "u"
    applicant(personas["assessor"].user, email="anna@example.nl", name="Anna de Vries")
    # When it is scheduled with a notice
    _activate(capsys, _coming_version(tmp_path, notify=True, address="u"),
              (timezone.localdate() + timedelta(days=28)).isoformat())
    # Then the Dutch half says "u" throughout, the English half "you"
    text = _body(relay.mail_to("anna@example.nl"))
    assert text.index("Beste heer, mevrouw,") < text.index("Dear Sir or Madam,")
    assert "U leest de nieuwe versie hier" in text and "U krijgt dit bericht omdat wij gegevens van u hebben." in text
    assert "Je leest" not in text and "Beste lezer" not in text
