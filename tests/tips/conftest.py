"""ikzorginassen's shipped policy, its tip form at /tip/ and the helpdesk that takes tips by phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import Persona, activate_example, make_staff

PAGE = "/tip/"
TIP = {"tip": "Organiseer een koffieochtend voor mantelzorgers in Assen-Oost.", "email": "mila@example.org"}


@pytest.fixture
def assen(db: Any) -> dict[str, Persona]:
    activate_example("ikzorginassen")
    return {"helpdesk": Persona(*make_staff("hanna", ["helpdesk"])),
            "assessor": Persona(*make_staff("anna", ["assessor"])),
            "officer": Persona(*make_staff("pia", ["privacy_officer"]))}


def send_tip(data: dict[str, Any] | None = None, lang: str = "") -> Any:
    """A visitor fills in the tip form (with its CSRF token, as a browser does) and sends it."""
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(PAGE + (f"?lang={lang}" if lang else ""))
    assert page.status_code == 200
    token = page.context["csrf_token"]
    return visitor.post(PAGE + (f"?lang={lang}" if lang else ""),
                        {"csrfmiddlewaretoken": str(token), **(TIP if data is None else data)})


def tips() -> list[Any]:
    from waarborg.engine.vault.models import Record

    return list(Record.objects.filter(type="tip").order_by("created_at"))
