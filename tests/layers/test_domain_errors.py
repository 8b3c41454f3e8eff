"""The domain speaks in its own words (issue 18, item 3): it raises the plain errors of `waarborg.core.errors`
and knows no HTTP, DRF or command line; each audience maps those errors once.

Two halves: the import rule, read from the source itself (AST, so imports inside functions count too), and
the outcomes at the front door that the mapping must keep: a refusal is a 403 with its reason and one audit
entry, invalid input a 422 with field errors, a duplicate a 409 naming what is already there.
"""

from __future__ import annotations

import ast
import inspect
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.vault import factories
from waarborg.core import errors as core_errors

SRC = Path(__file__).resolve().parents[2] / "src" / "waarborg"
FORBIDDEN = ("rest_framework", "drf_spectacular", "django.http", "django.shortcuts", "django.views",
             "waarborg.audiences")
# The domain is every module under these wings: HTTP and the command line live in `audiences/` only. The
# import-linter contracts of `make lint` say the same for the project's own packages; this test adds Django's
# web modules (import-linter can only forbid whole external packages).
DOMAIN = ("core", "conf", "engine", "modules")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, at any depth (`from waarborg.audiences import cli` counts as `waarborg.audiences.cli`)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def _forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def _offences(paths: list[Path]) -> list[str]:
    return sorted({f"{p.relative_to(SRC)}:{line}: {name}" for p in paths for line, name in _imports(p)
                   if _forbidden(name)})


def test_no_domain_module_imports_http_drf_or_an_audience() -> None:
    domain = [p for wing in DOMAIN for p in (SRC / wing).rglob("*.py") if "migrations" not in p.parts]
    assert len(domain) > 150  # the rule looks at the whole domain, not at an empty list
    assert _offences(domain) == []


def test_the_rule_sees_an_offence_where_there_is_one() -> None:
    # The audiences do import DRF and each other's entry points: the scan finds both, inside functions too.
    found = _offences([SRC / "audiences" / "api" / "errors.py", SRC / "__main__.py"])
    assert any(o.startswith("audiences/api/errors.py") and o.endswith("rest_framework") for o in found)
    assert any(o.startswith("__main__.py") and "waarborg.audiences.cli" in o for o in found)


def test_the_core_imports_nothing_of_the_project_nor_of_djangos_web_or_database_side() -> None:
    # core: plain errors, time rules, actor types, the language helpers (Django's translation and date formats
    # are allowed: they are how a text or a date is said, not transport or storage)
    web_or_db = ("rest_framework", "django.http", "django.shortcuts", "django.views", "django.urls", "django.db")
    for path in sorted((SRC / "core").rglob("*.py")):
        names = [name for _, name in _imports(path)]
        assert [n for n in names if n.startswith(web_or_db)
                or (n.startswith("waarborg") and not n.startswith("waarborg.core"))] == [], path


def test_a_refusal_is_made_only_where_its_audit_entry_is_written() -> None:
    # `Refused(...)` is constructed in one place, `audit.refusals.refused`, which writes the entry first: no
    # refusal reaches a caller unaudited, and no mapper needs to (or may) write a second entry.
    made = sorted(f"{p.relative_to(SRC)}:{node.lineno}" for p in SRC.rglob("*.py")
                  for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Refused")
    assert [m.split(":")[0] for m in made] == ["engine/audit/refusals.py"], made


# Each kind and the status both mappers give it (CONTRACT.md's numbers); a new kind fails here until mapped.
STATUS = {"Refused": 403, "Invalid": 422, "NotFound": 404, "Conflict": 409, "TooMany": 429, "NotOffered": 406,
          "Unavailable": 501}
SAMPLES: dict[str, core_errors.DomainError] = {
    "Refused": core_errors.Refused("restricted", "Beperkt. / Restricted."),
    "Invalid": core_errors.Invalid({"at": ["Te laat. / Too late."]}),
    "NotFound": core_errors.NotFound(),
    "Conflict": core_errors.Conflict("Bestaat al. / Exists.", id="42"),
    "TooMany": core_errors.TooMany("Te vaak. / Too often.", wait=60),
    "NotOffered": core_errors.NotOffered("format=xml: kies uit / choose from json"),
    "Unavailable": core_errors.Unavailable("Niet geïnstalleerd. / Not installed."),
}


def test_every_kind_of_domain_error_is_mapped() -> None:
    kinds = {name for name, c in inspect.getmembers(core_errors, inspect.isclass)
             if issubclass(c, core_errors.DomainError) and c is not core_errors.DomainError}
    assert kinds == set(STATUS) == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(STATUS))
def test_the_api_and_the_pages_give_each_kind_its_status(name: str) -> None:
    from waarborg.audiences.api.errors import exception_handler
    from waarborg.audiences.web.errors import status_of

    exc = SAMPLES[name]
    response = exception_handler(exc, {})
    assert response is not None and response.status_code == STATUS[name] == status_of(exc)


def test_the_api_bodies_of_the_domain_errors() -> None:
    from waarborg.audiences.api.errors import exception_handler

    def answer(name: str) -> Any:
        response = exception_handler(SAMPLES[name], {})
        assert response is not None
        return response

    assert answer("Refused").data == {"reason": "restricted", "detail": "Beperkt. / Restricted."}
    assert answer("Invalid").data == {"errors": {"at": ["Te laat. / Too late."]}}
    assert answer("Conflict").data == {"detail": "Bestaat al. / Exists.", "id": "42"}
    assert answer("NotFound").data == {"detail": "Niet gevonden. / Not found."}
    assert answer("TooMany")["Retry-After"] == "60"


# --- The front door: the mapping keeps the contract's answers -------------------------------------------

RECORDS = "/api/v1/records"


@pytest.fixture
def subject(personas: Any) -> Any:
    from waarborg.engine.records.actions import subject_create

    return subject_create(personas["assessor"].user, bsn=factories.VALID_BSN)


def _record(subject: Any, **changes: Any) -> dict[str, Any]:
    return {"subject": str(subject.pk), "type": "application", "data": factories.application(), **changes}


@pytest.mark.promise("S3-19")
def test_a_refusal_in_the_engine_is_a_403_with_its_reason_and_one_audit_entry(personas: Any, subject: Any) -> None:
    # Given a helpdesk worker, whose role may not write award applications (examples/ikzorginassen.yaml)
    before = len(factories.entries(outcome="refused"))
    # When they try to create one
    response = personas["caseworker"].post(RECORDS, _record(subject), format="json", HTTP_X_PURPOSE="eligibility")
    # Then the answer is the contract's 403, and the attempt is on record exactly once
    assert response.status_code == 403
    body = response.json()
    assert set(body) == {"reason", "detail"} and body["reason"] == "role_not_granted" and body["detail"]
    refused = factories.entries(outcome="refused")[before:]
    assert [(e.action, e.actor, e.reason) for e in refused] == [("write.refused", "carl", "role_not_granted")]


@pytest.mark.promise("S3-19")
def test_a_refusal_decided_in_a_view_is_audited_once_as_well(personas: Any) -> None:
    # Given a staff member without a role, when they ask for the audit log
    response = personas["outsider"].get("/api/v1/audit/entries")
    # Then 403 with the reason, and one refused entry written by the engine's `refused`
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    refused = factories.entries(outcome="refused")
    assert [(e.action, e.actor, e.reason) for e in refused] == [("audit.read.refused", "otto", "role_not_granted")]


def test_a_moment_too_far_ahead_is_a_422_naming_the_field(personas: Any, subject: Any) -> None:
    # Given an assessor, when a record's collection time lies ten minutes ahead (the core's time rule)
    ahead = (timezone.now() + timedelta(minutes=10)).isoformat()
    response = personas["assessor"].post(RECORDS, _record(subject, collected_at=ahead), format="json",
                                         HTTP_X_PURPOSE="eligibility")
    # Then the contract's 422 with the field and the rule's words in both languages
    assert response.status_code == 422
    assert response.json() == {"errors": {"collected_at": [
        "Mag niet meer dan 5 minuten in de toekomst liggen. / Must not lie more than 5 minutes in the future."]}}


def test_a_field_the_record_type_does_not_declare_is_a_422(personas: Any, subject: Any) -> None:
    data = factories.application(shoe_size=44)
    response = personas["assessor"].post(RECORDS, _record(subject, data=data), format="json",
                                         HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["data.shoe_size"]


def test_a_duplicate_registration_is_a_409_with_the_id_of_what_is_there(personas: Any) -> None:
    # Given a subject registered under an external id
    assessor = personas["assessor"]
    first = assessor.post("/api/v1/subjects", {"external_id": "AS-7"}, format="json", HTTP_X_PURPOSE="eligibility")
    assert first.status_code == 201
    # When the same external id is registered again
    again = assessor.post("/api/v1/subjects", {"external_id": "AS-7"}, format="json", HTTP_X_PURPOSE="eligibility")
    # Then 409, the body names the existing subject next to the words, and nothing new was made
    assert again.status_code == 409
    assert again.json() == {"detail": again.json()["detail"], "id": first.json()["id"]}
    assert "external_id" in again.json()["detail"]
    from waarborg.engine.vault.models import Subject

    assert Subject.objects.count() == 1

