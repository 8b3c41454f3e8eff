"""Helpers for the rights tests: subjects with records under several purposes, filed requests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.conftest import Persona, make_staff

ALL_REDACTIONS = ["photo", "mrz", "document_number", "bsn"]

APPLICATION = {"name": "Anna de Vries", "email": "anna@example.nl", "phone": "0612345678",
               "address": "Kerkstraat 1, Assen", "postcode": "9401 AA", "birth_date": "1970-05-01",
               "care_recipient_address": "Molenweg 3, Assen", "edition": 2025, "hours_per_week": 12,
               "relationship": "ouder", "status": "granted"}
PAYOUT = {"iban": "NL91ABNA0417164300", "account_holder": "A. de Vries", "amount": "200.00", "edition": 2025,
          "paid_on": "2025-12-15"}
LEDGER = {"description": "Uitbetaling mantelzorgwaardering 2025", "amount": "200.00", "counterparty": "A. de Vries",
          "iban": "NL91ABNA0417164300"}
HELPDESK = {"question": "Waarom is mijn aanvraag nog niet behandeld?", "email": "anna@example.nl"}

OTHER_APPLICATION = {"name": "Bert Bakker", "email": "bert@example.nl", "phone": "0687654321",
                     "address": "Dorpsstraat 9, Assen", "birth_date": "1955-01-02",
                     "care_recipient_address": "Beekweg 7, Assen", "edition": 2025, "status": "submitted"}


@pytest.fixture
def administrator(policy: Any) -> Persona:
    user, key = make_staff("adam", ["administration"])
    return Persona(user, key)


@pytest.fixture
def anna(personas: dict[str, Persona], administrator: Persona) -> Any:
    """A subject with records under eligibility, payout, helpdesk and administration (fiscal)."""
    from waarborg.engine.records.actions import record_create, subject_create

    assessor, helpdesk = personas["assessor"].user, personas["caseworker"].user
    subject = subject_create(assessor, birth_date=date(1970, 5, 1), bsn="111222333", external_id="aanvraag-17")
    record_create(assessor, subject=subject, type="application", data=APPLICATION, purpose="eligibility")
    record_create(assessor, subject=subject, type="payout", data=PAYOUT, purpose="payout")
    record_create(helpdesk, subject=subject, type="helpdesk_ticket", data=HELPDESK, purpose="helpdesk")
    record_create(administrator.user, subject=subject, type="ledger_entry", data=LEDGER, purpose="administration",
                  source_kind="organisation")
    return subject


@pytest.fixture
def bert(personas: dict[str, Persona]) -> Any:
    """Another subject, whose data must never show up in Anna's answers."""
    from waarborg.engine.records.actions import record_create, subject_create

    assessor = personas["assessor"].user
    subject = subject_create(assessor, bsn="123456782", external_id="aanvraag-18")
    record_create(assessor, subject=subject, type="application", data=OTHER_APPLICATION, purpose="eligibility")
    return subject


PASSWORD = "zeer-geheim-wachtwoord-17"


def citizen_account(subject: Any, password: str = PASSWORD) -> Any:
    """The account the subject's first application opened (S0-13), with its password set."""
    from waarborg.engine.accounts.models import User

    account = User.objects.get(subject=subject, kind=User.Kind.CITIZEN)
    account.set_password(password)
    account.save(update_fields=["password"])
    return account


def file_request(persona: Any, subject: Any, type: str = "access", channel: str = "email", **extra: Any) -> Any:
    return persona.post("/api/v1/requests", {"subject": str(subject.pk), "type": type, "channel": channel, **extra},
                        format="json")


def colleague(persona: Any, suffix: str = "collega") -> Persona:
    """A second account with the same roles as `persona`: the other person separation of duties asks for."""
    from waarborg.engine.accounts.models import ApiToken, User

    username = f"{persona.user.username}-{suffix}"
    user = User.objects.filter(username=username).first()
    if user is None:
        return Persona(*make_staff(username, list(persona.user.roles or [])))
    _, key = ApiToken.issue(user)
    return Persona(user, key)


def verified_request(officer: Any, subject: Any, type: str = "access", *, registrar: Any = None,
                     **extra: Any) -> str:
    """A request registered by a colleague (`registrar`, default: a second account with the officer's roles) and
    verified by `officer` with a fully redacted ID copy: two people, as separation of duties requires."""
    filed = file_request(registrar or colleague(officer), subject, type, **extra)
    assert filed.status_code == 201, filed.content
    verified = officer.post(f"/api/v1/requests/{filed.data['id']}/verify",
                            {"method": "id_copy", "redactions": ALL_REDACTIONS}, format="json")
    assert verified.status_code == 200, verified.content
    return str(filed.data["id"])


def audit(action: str, **filters: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, **filters))
