"""S4-19, S4-20, S4-24, S3-21: a breach notice by e-mail reaches each person, over a real SMTP conversation
(Django's SMTP backend to an aiosmtpd server): their own data categories, both kinds of measures, the AP;
Dutch first, then English. Nobody's mail holds anyone else's data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.breaches.conftest import APPLICATION, MEASURES, applicant, assessed, helpdesk_person, notify

DESCRIPTION = "Mail met aanvragen naar verkeerde ontvanger"  # conftest.register's description


def text_of(message: Any) -> str:
    return str(message.get_body(preferencelist=("plain",)).get_content())


@pytest.mark.promise("S4-19", "S4-20", "S4-24")
def test_each_person_gets_an_email_naming_their_data_the_measures_and_the_ap(officer: Any, personas: Any,
                                                                             relay: Any) -> None:
    # Given Anna, who applied and so has a portal account, and Bert, who asked the helpdesk a question
    anna = applicant(personas["assessor"].user, email="anna@example.nl", name="Anna de Vries")
    bert = helpdesk_person(personas["caseworker"].user, "bert@example.nl")
    breach_id = assessed(officer, ["contact", "address", "message"], [anna, bert])

    # When the privacy officer sends the notices by e-mail
    response = notify(officer, breach_id, "email")

    # Then both are told, each at their own address, and recorded as told by e-mail
    assert response.status_code == 200
    body = response.json()
    assert (body["sent"], body["unreachable"], body["failed"]) == (2, {"count": 0, "affected": []},
                                                                   {"count": 0, "affected": []})
    assert sorted(a for e in relay.envelopes for a in e.rcpt_tos) == ["anna@example.nl", "bert@example.nl"]
    to_anna = relay.mail_to("anna@example.nl")
    assert "Datalek" in to_anna["Subject"] and "Data breach" in to_anna["Subject"]
    assert to_anna["Reply-To"] == "privacy@valtes.nl"
    assert [p.get_content_type() for p in to_anna.iter_parts()] == ["text/plain", "text/html"]
    text = text_of(to_anna)
    assert text.index("Wat er is gebeurd") < text.index("What happened")  # Dutch first
    assert DESCRIPTION in text
    assert "Adresgegevens" in text and "Contactgegevens (e-mail, telefoon)" in text  # hers, in Dutch
    assert "- Address" in text and "Contact details (e-mail, phone)" in text  # and in English
    assert MEASURES["measures_taken"] in text and MEASURES["measures_subject_can_take"] in text
    assert "Autoriteit Persoonsgegevens" in text and "privacy@valtes.nl" in text
    assert "Berichten en vragen" in text_of(relay.mail_to("bert@example.nl"))

    notices = {a["subject"]: a for a in body["affected"]}
    for person in (anna, bert):
        row = notices[str(person.pk)]
        assert row["notice"]["channel"] == "email"
        assert datetime.fromisoformat(row["notice"]["sent_at"]) == datetime.fromisoformat(row["notified_at"])
    assert body["status"] == "notified" and body["subjects_notified_at"]
    # Anna's address is her account's; Bert, without an account, is reached at the one he typed in his ticket
    trail = officer.client.get(f"/api/v1/breaches/{breach_id}/log").json()
    assert sorted(e["detail"]["address_from"] for e in trail if e["event"] == "subject_notified") == [
        "account", "record"]


@pytest.mark.promise("S4-19")
def test_nobodys_mail_holds_another_persons_data(officer: Any, personas: Any, relay: Any) -> None:
    anna = applicant(personas["assessor"].user, email="anna@example.nl", name="Anna de Vries")
    bert = helpdesk_person(personas["caseworker"].user, "bert@example.nl", phone="0699988877")
    breach_id = assessed(officer, ["contact", "address", "message"], [anna, bert])

    notify(officer, breach_id, "email")

    anna_mail = relay.mail_to("anna@example.nl").as_string()
    bert_mail = relay.mail_to("bert@example.nl").as_string()
    assert "bert@example.nl" not in anna_mail and "anna@example.nl" not in bert_mail
    assert "Berichten en vragen" not in anna_mail and "Messages and questions" not in anna_mail  # Bert's category
    assert "Adresgegevens" not in bert_mail  # Anna's category
    # The notice names kinds of data, never the values themselves: neither their own nor anyone else's
    for value in ("Anna de Vries", APPLICATION["address"], APPLICATION["phone"], "0699988877", "uitbetaald"):
        assert value not in anna_mail and value not in bert_mail


@pytest.mark.promise("S3-21")
def test_someone_without_an_address_is_not_marked_notified_but_reported(officer: Any, personas: Any,
                                                                        relay: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.breaches.models import AffectedSubject, BreachLogEntry

    # Given Anna with an account, and Cor who applied without an e-mail address (so no account either)
    anna = applicant(personas["assessor"].user, email="anna@example.nl")
    cor = applicant(personas["assessor"].user)
    breach_id = assessed(officer, ["contact", "address"], [anna, cor])
    cor_row = AffectedSubject.objects.get(subject=cor)

    # When the notices go out by e-mail
    response = notify(officer, breach_id, "email").json()

    # Then Anna is told, Cor is not, and the answer names Cor's row (never an address) so staff can write
    assert response["sent"] == 1
    assert response["unreachable"] == {"count": 1, "affected": [cor_row.pk]}
    assert "ander kanaal" in response["message"] and "another channel" in response["message"]
    cor_row.refresh_from_db()
    assert cor_row.notified_at is None and cor_row.notice == {}
    trail = officer.client.get(f"/api/v1/breaches/{breach_id}/log").json()
    assert [e["detail"] for e in trail if e["event"] == "subjects_unreachable"] == [{"channel": "email", "count": 1}]
    assert AuditEntry.objects.filter(action="breach.subject_unreachable", detail__reason="no_address").count() == 1

    # And a high-risk breach cannot close until Cor is told another way
    officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")
    assert officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json").status_code == 409
    by_letter = notify(officer, breach_id, "letter").json()
    assert by_letter["sent"] == 1 and by_letter["unreachable"]["count"] == 0
    assert officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json").status_code == 200
    assert len(relay.envelopes) == 1  # the letter did not send a second mail to Anna

    stored = " ".join(str(d) for d in BreachLogEntry.objects.values_list("detail", flat=True))
    stored += " ".join(str(d) for d in AuditEntry.objects.values_list("detail", flat=True))
    assert "@example.nl" not in stored


def test_an_address_someone_gave_for_someone_else_or_restricted_is_not_used(officer: Any, personas: Any,
                                                                            relay: Any) -> None:
    from waarborg.engine.consent.objections import restriction_set
    from waarborg.engine.vault.models import Record

    # Given Dirk, whose ticket a representative filed with their own address, and Eva, who restricted the
    # helpdesk's use of her data (art. 18)
    dirk = helpdesk_person(personas["caseworker"].user, "vertegenwoordiger@example.nl")
    Record.objects.filter(subject=dirk).update(source_kind="representative")
    eva = helpdesk_person(personas["caseworker"].user, "eva@example.nl")
    restriction_set(officer.user, subject=eva, purpose="helpdesk", reason="accuracy contested")
    breach_id = assessed(officer, ["contact", "message"], [dirk, eva])

    response = notify(officer, breach_id, "email").json()

    assert response["sent"] == 0 and response["unreachable"]["count"] == 2
    assert relay.envelopes == []


def test_an_address_two_affected_people_share_gets_no_notice(officer: Any, personas: Any, relay: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    # Each notice names one person's data; in a shared mailbox the other would read it.
    first = helpdesk_person(personas["caseworker"].user, "gezin@example.nl")
    second = helpdesk_person(personas["caseworker"].user, "Gezin@example.nl")
    alone = helpdesk_person(personas["caseworker"].user, "fleur@example.nl")
    breach_id = assessed(officer, ["contact", "message"], [first, second, alone])

    response = notify(officer, breach_id, "email").json()

    assert response["sent"] == 1 and response["unreachable"]["count"] == 2
    assert [a for e in relay.envelopes for a in e.rcpt_tos] == ["fleur@example.nl"]
    assert AuditEntry.objects.filter(action="breach.subject_unreachable", detail__reason="shared_address").count() == 2


@pytest.mark.promise("S4-21")
def test_a_refused_mail_leaves_the_person_unnotified_with_the_failure_in_the_trail(
        officer: Any, personas: Any, refusing_relay: Any, caplog: pytest.LogCaptureFixture) -> None:
    from waarborg.engine.breaches.models import AffectedSubject

    gone = helpdesk_person(personas["caseworker"].user, "kapot@example.nl")
    fine = helpdesk_person(personas["caseworker"].user, "goed@example.nl")
    breach_id = assessed(officer, ["contact", "message"], [gone, fine])

    response = notify(officer, breach_id, "email").json()

    gone_row = AffectedSubject.objects.get(subject=gone)
    assert response["sent"] == 1 and response["failed"] == {"count": 1, "affected": [gone_row.pk]}
    assert [a for e in refusing_relay.envelopes for a in e.rcpt_tos] == ["goed@example.nl"]
    assert AffectedSubject.objects.get(subject=gone).notified_at is None
    assert AffectedSubject.objects.get(subject=fine).notice["channel"] == "email"
    trail = officer.client.get(f"/api/v1/breaches/{breach_id}/log").json()
    failures = [e["detail"] for e in trail if e["event"] == "subject_notice_failed"]
    assert failures == [{"channel": "email", "error": "SMTPRecipientsRefused"}]
    ours = " ".join(r.getMessage() for r in caplog.records if r.name.startswith("waarborg"))  # not the test server
    assert "could not be delivered" in ours and "kapot@" not in ours and "kapot@" not in str(trail)

    # A later call tries again (and only for who is still waiting)
    again = notify(officer, breach_id, "email").json()
    assert again["sent"] == 0 and again["failed"]["count"] == 1 and len(refusing_relay.envelopes) == 1


def test_a_relay_that_is_down_tells_nobody_and_says_so(officer: Any, personas: Any, settings: Any) -> None:
    from tests.smtp import free_port
    from waarborg.engine.breaches.models import AffectedSubject

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    person = helpdesk_person(personas["caseworker"].user, "hanna@example.nl")
    breach_id = assessed(officer, ["contact"], [person])

    response = notify(officer, breach_id, "email").json()

    assert response["sent"] == 0 and response["failed"]["count"] == 1
    assert response["status"] == "assessed"
    assert AffectedSubject.objects.get(subject=person).notified_at is None
    trail = officer.client.get(f"/api/v1/breaches/{breach_id}/log").json()
    assert [e["detail"]["error"] for e in trail if e["event"] == "subject_notice_failed"] == [
        "ConnectionRefusedError"]


def test_in_production_a_printing_mail_backend_sends_no_notice(officer: Any, personas: Any, settings: Any) -> None:
    from waarborg.engine.breaches.models import AffectedSubject

    # The console backend "accepts" every mail and delivers none: nobody may be recorded as told by it.
    settings.PRODUCTION = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    person = helpdesk_person(personas["caseworker"].user, "ilse@example.nl")
    breach_id = assessed(officer, ["contact"], [person])

    response = notify(officer, breach_id, "email")

    assert response.status_code == 409 and "WAARBORG_EMAIL_BACKEND" in response.json()["detail"]
    assert AffectedSubject.objects.get(subject=person).notified_at is None
