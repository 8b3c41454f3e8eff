"""S0-13: an account is made after the first application; a later one, logged in, comes pre-filled
and makes no second account."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.portal.conftest import FORM, link_in, set_password
from tests.vault.stored import record_data
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.citizens.accounts import address_of
from waarborg.engine.vault.models import Record

PASSWORD = "een-lang-wachtwoord-42"


@pytest.mark.promise("S0-13")
def test_the_first_application_creates_exactly_one_account_and_a_later_one_comes_prefilled(
        policy: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given nobody has an account yet
    assert not User.objects.filter(kind=User.Kind.CITIZEN).exists()
    # when Carla sends her first application in the portal
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves once the account is committed
        sent = Client().post("/portaal/aanvraag", FORM)
    assert sent.status_code == 200 and "Wij hebben een account voor u aangemaakt" in sent.content.decode()
    # then exactly one account exists, a citizen linked to her subject, without a password yet
    [account] = User.objects.filter(kind=User.Kind.CITIZEN)
    [application] = Record.objects.filter(type="application")
    assert account.subject_id == application.subject_id and re.fullmatch(r"b-[a-z2-9]{10}", account.username)
    assert account.email == "" and address_of(account) == "carla@example.nl"  # sealed, not in the clear
    assert not account.has_usable_password() and account.is_active
    assert application.source_kind == "subject" and application.channel == "portal"
    # and she gets one e-mail with her username and a link to set her password
    [mail] = mailoutbox
    assert mail.to == ["carla@example.nl"] and account.username in mail.body
    assert f"{settings.WAARBORG_PUBLIC_URL}/portaal/wachtwoord/" in mail.body  # the public host, from any mail client
    assert set_password(link_in(mail), PASSWORD).status_code == 302
    client = Client()
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302

    # when she applies again the next year, logged in, the form holds what we know
    form = client.get("/portaal/aanvraag").content.decode()
    for known in ("Carla Jansen", "Brink 4, Assen", "Markt 8, Assen", "0611122233"):
        assert f'value="{known}"' in form, known
    assert "Wij hebben het formulier ingevuld" in form
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post("/portaal/aanvraag", {**FORM, "edition": "2027", "hours_per_week": "14"})
    assert again.status_code == 200
    # then there are two applications and still one account, and no second mail
    assert Record.objects.filter(type="application", subject_id=account.subject_id).count() == 2
    assert User.objects.filter(kind=User.Kind.CITIZEN).count() == 1 and len(mailoutbox) == 1
    latest = Record.objects.filter(type="application").order_by("-created_at").first()
    assert latest is not None and record_data(latest)["hours_per_week"] == 14
    assert AuditEntry.objects.filter(action="account.create").count() == 1


def test_an_application_with_bad_values_creates_nothing(policy: Any, mailoutbox: Any) -> None:
    sent = Client().post("/portaal/aanvraag", {**FORM, "birth_date": "gisteren"})
    assert sent.status_code == 200 and 'class="errorlist"' in sent.content.decode()
    assert not Record.objects.exists() and not User.objects.filter(kind=User.Kind.CITIZEN).exists()
    assert not mailoutbox


def test_staff_recording_a_first_application_also_opens_the_account(
        personas: dict[str, Any], mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    from waarborg.engine.records.actions import record_create, subject_create

    assessor = personas["assessor"].user
    subject = subject_create(assessor)
    data = {k: v for k, v in FORM.items() if k not in ("hours_per_week", "relationship")}
    with django_capture_on_commit_callbacks(execute=True):
        record_create(assessor, subject=subject, type="application", purpose="eligibility", data=data)
    [account] = User.objects.filter(subject=subject)
    assert account.kind == User.Kind.CITIZEN and address_of(account) == "carla@example.nl"
    assert [m.to for m in mailoutbox] == [["carla@example.nl"]]


def test_other_records_open_no_account(personas: dict[str, Any]) -> None:
    from waarborg.engine.records.actions import record_create, subject_create

    helpdesk = personas["caseworker"].user
    subject = subject_create(helpdesk)
    record_create(helpdesk, subject=subject, type="helpdesk_ticket", purpose="helpdesk",
                  data={"question": "Hoe werkt het?", "email": "dirk@example.nl"})
    assert not User.objects.filter(subject=subject).exists()
