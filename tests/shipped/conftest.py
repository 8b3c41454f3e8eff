"""Front-door proofs on the shipped policies: helpers that drive the REST API and the CLI as users do.

Tests here change no example policy and no gate: each activates `examples/<org>.yaml` exactly as shipped
(`tests.conftest.activate_example`) and then works only through HTTP (DRF's APIClient, Django's test client)
and `waarborg.audiences.cli.main`. What they assert is what a user would see: status, body, CLI output, mail.

Personas per organisation (each with an API token):
- ikzorginassen: the `personas` fixture of tests/conftest.py, plus `nina` (newsletter editor), `ad`
  (financial administration) and `cora` (coordinator).
- socialekaart (`sk`): privacy officer `pia`, editor `eddie`, customer service `kim`, the website's service
  account `web`.
- werkzaak (`wz`): consultants `connie` (team werk) and `kees` (team inkomen), team leader `tara`, front
  office `fenna`, privacy team `pia`, DPO `fg`, researcher `rita`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import Persona, activate_example, make_staff

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    """A moment in Dutch local time (the organisations' calendar)."""
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


def iso(moment: datetime) -> str:
    return moment.isoformat()


@pytest.fixture
def ikz(personas: dict[str, Persona]) -> dict[str, Persona]:
    """Seed 000 as shipped, with the personas of tests/conftest.py and three more roles of the policy."""
    return {**personas,
            "editor": Persona(*make_staff("nina", ["newsletter_editor"])),
            "administration": Persona(*make_staff("ad", ["administration"])),
            "coordinator": Persona(*make_staff("cora", ["coordinator"]))}


@pytest.fixture
def sk(db: Any) -> dict[str, Persona]:
    activate_example("socialekaart")
    staff = {"privacy_officer": ("pia", ["privacy_officer"]), "editor": ("eddie", ["editor"]),
             "customer_service": ("kim", ["customer_service"]), "website": ("web", ["website"]),
             "outsider": ("otto", [])}
    return {name: Persona(*make_staff(username, roles)) for name, (username, roles) in staff.items()}


@pytest.fixture
def wz(db: Any) -> dict[str, Persona]:
    activate_example("werkzaak")
    staff = {"worker": ("connie", ["consultant"], "werk"), "colleague": ("kees", ["consultant"], "inkomen"),
             "leader": ("tara", ["team_leader"], ""), "front_office": ("fenna", ["front_office"], ""),
             "privacy_officer": ("pia", ["privacy_officer"], ""), "dpo": ("fg", ["dpo"], ""),
             "researcher": ("rita", ["researcher"], ""), "outsider": ("otto", [], "")}
    return {name: Persona(*make_staff(username, roles, team=team))
            for name, (username, roles, team) in staff.items()}


def created(answer: Any) -> dict[str, Any]:
    """The body of a 201, or a failure that shows what the server said."""
    assert answer.status_code == 201, (answer.status_code, answer.content[:500])
    body: dict[str, Any] = answer.json()
    return body


def subject(persona: Persona, purpose: str = "", **body: Any) -> str:
    """POST /api/v1/subjects: the new subject's id."""
    headers = {"HTTP_X_PURPOSE": purpose} if purpose else {}
    return str(created(persona.post("/api/v1/subjects", body, format="json", **headers))["id"])


def record(persona: Persona, subject_id: str, type: str, data: dict[str, Any], purpose: str,
           **extra: Any) -> dict[str, Any]:
    """POST /api/v1/records: the answer's body (`id`, `type`, `purpose`, `expires_at`)."""
    return created(persona.post("/api/v1/records", {"subject": subject_id, "type": type, "data": data, **extra},
                                format="json", HTTP_X_PURPOSE=purpose))


def cli(capsys: pytest.CaptureFixture[str], *argv: str, now: datetime | None = None) -> tuple[int, str, str]:
    """`waarborg ARGV` in this process (at `now` if given): exit status, stdout, stderr."""
    from waarborg.audiences.cli import main

    capsys.readouterr()
    if now is None:
        status = main(list(argv))
    else:
        with time_machine.travel(now, tick=False):
            status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def frozen() -> Iterator[Any]:
    """Time stands still (a Monday in 2026), so deadlines and clocks are exact; `frozen.move_to` moves it."""
    with time_machine.travel(at(2026, 3, 2, 10), tick=False) as traveller:
        yield traveller


# Every redaction the seed-001 policy asks staff to confirm on an ID copy (S1-26), and the generic ones.
SK_REDACTIONS = ["photo", "mrz", "document_number", "bsn", "pasfoto", "MRZ", "paspoortnummer",
                 "Burgerservicenummer (BSN)"]
DE_LINDE = {"name": "Zorgboerderij De Linde", "address": "Lindelaan 4, 9401 AB Assen", "phone": "0592 123456",
            "email": "info@delinde.example.nl", "theme": "zorg_welzijn"}


def listing(editor: Persona, source: str = "municipality", **data: Any) -> dict[str, Any]:
    """POST /api/v1/listings (seed 001): the new listing."""
    body = {**DE_LINDE, **data, "source": source, "verification_email": "controle@delinde.example.nl"}
    return created(editor.post("/api/v1/listings", body, format="json", HTTP_X_PURPOSE="listing"))


def second(persona: Persona, username: str) -> Persona:
    """A colleague with the same roles: the second person separation of duties asks for."""
    return Persona(*make_staff(username, list(persona.user.roles or [])))


def verified(registrar: Persona, verifier: Persona, subject_id: str, type: str, channel: str,
             redactions: list[str], **extra: Any) -> dict[str, Any]:
    """A request registered by one staff member and verified (ID copy, redacted) by another: the request."""
    filed = created(registrar.post("/api/v1/requests", {"subject": subject_id, "type": type, "channel": channel,
                                                        **extra}, format="json"))
    answer = verifier.post(f"/api/v1/requests/{filed['id']}/verify", {"method": "id_copy", "redactions": redactions},
                           format="json")
    assert answer.status_code == 200, answer.content
    return filed


BENEFIT = {"name": "Jan Jansen", "birth_date": "1980-04-12", "bsn": "111222333", "address": "Dorpsstraat 1, Tiel",
           "email": "jan@example.nl", "income": "950.00", "iban": "NL91ABNA0417164300"}


def intake(consultant: Persona, purpose: str = "benefits", data: dict[str, Any] | None = None) -> tuple[str, str]:
    """Werkzaak: a consultant's intake (the new subject lands in their caseload) and the benefit file, with
    what the client told at the intake: ids."""
    person = subject(consultant, purpose)
    file = record(consultant, person, "benefit_file", data or BENEFIT, "benefits", source={"kind": "subject"})
    return person, str(file["id"])


def audit_entries(officer: Persona, **query: Any) -> list[dict[str, Any]]:
    """The audit log as the privacy officer (or DPO) reads it through the API."""
    answer = officer.get("/api/v1/audit/entries", {"limit": 1000, **query})
    assert answer.status_code == 200, answer.content
    entries: list[dict[str, Any]] = answer.json()["entries"]
    return entries
