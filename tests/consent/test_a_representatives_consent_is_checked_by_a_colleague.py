"""A legal representative signs the consent statement for a client (signatory `representative`); WlzCliëntondersteuning's
shipped policy (`consent_check` on client support) has a colleague check the signed document before it counts
(S2-08): the one who recorded it never checks it alone, and only with the methods the policy names."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import _people, assign, audit, new_subject, store

CARE = {"care_situation": "Woont in een kleinschalige woonvorm", "health": "Dementie, fase 2"}
SIGNED = {"document": "TV-2026-014", "scope": ["general", "special"], "text_version": "2026-01"}


@pytest.fixture
def wlz(db: Any) -> dict[str, Any]:
    """WlzCliëntondersteuning's shipped policy: client supporters wendy and wim, coordinator cor."""
    return _people("wlzclientondersteuning", {"worker": ("wendy", ["client_supporter"], ""),
                                              "colleague": ("wim", ["client_supporter"], ""),
                                              "leader": ("cor", ["coordinator"], "")})


def _consent(persona: Any, subject: str, role: str, name: str = "") -> Any:
    return persona.post("/api/v1/consents", {"subject": subject, "purpose": "client_support", "channel": "post",
                                             "signatories": [{"role": role, "name": name}], "evidence": SIGNED},
                        format="json")


@pytest.mark.promise("S2-05", "S2-08")
def test_a_representatives_consent_waits_for_a_colleagues_check(wlz: dict[str, Any]) -> None:
    wendy, wim = wlz["worker"], wlz["colleague"]
    client = new_subject(wendy, "client_support", birth_date="1941-02-03")
    # Given the client's mentor signed the consent statement on paper, and Wendy records it
    given = _consent(wendy, client, "representative", "M. de Boer (mentor)")
    assert given.status_code == 201, given.content
    consent = given.json()["id"]
    assert given.json()["status"] == "pending_verification"
    # Then no care data may be stored yet
    blocked = store(wendy, client, "care_file", CARE, "client_support")
    assert blocked.status_code == 403 and blocked.json()["reason"] == "special_category_forbidden"
    # Wendy cannot check her own recording
    alone = wendy.post(f"/api/v1/consents/{consent}/verify", {"method": "paper_form"}, format="json")
    assert alone.status_code == 403 and alone.json()["reason"] == "separation_of_duties"
    assert len(audit("consent.verify.refused", reason="separation_of_duties")) == 1
    # Her colleague checks it, with a method the policy names (a paper form, not the portal it does not have)
    assert assign(wlz["leader"], client, "client_support", staff="wim").status_code == 201
    wrong = wim.post(f"/api/v1/consents/{consent}/verify", {"method": "portal"}, format="json")
    assert wrong.status_code == 422 and "paper_form" in wrong.json()["errors"]["method"][0]
    checked = wim.post(f"/api/v1/consents/{consent}/verify", {"method": "paper_form"}, format="json")
    assert checked.status_code == 200, checked.content
    assert checked.json()["status"] == "active" and checked.json()["verified_by"] == "wim"
    assert checked.json()["signatories"] == [{"role": "representative", "name": "M. de Boer (mentor)"}]
    # And from then on the care file is stored
    assert store(wendy, client, "care_file", CARE, "client_support").status_code == 201


@pytest.mark.promise("S2-05")
def test_a_clients_own_signature_counts_at_once(wlz: dict[str, Any]) -> None:
    client = new_subject(wlz["worker"], "client_support", birth_date="1960-06-01")
    given = _consent(wlz["worker"], client, "self")
    assert given.status_code == 201 and given.json()["status"] == "active"


def test_a_representative_must_be_named(wlz: dict[str, Any]) -> None:
    client = new_subject(wlz["worker"], "client_support", birth_date="1960-06-01")
    answer = _consent(wlz["worker"], client, "representative")
    assert answer.status_code == 422 and "signatories.0.name" in answer.json()["errors"]
