"""S4-24, S3-20: the AP notification holds the meldformulier fields the register knows; supplements follow."""

from __future__ import annotations

from typing import Any

import pytest

from tests.breaches.conftest import applicant, register


def test_the_authority_export_needs_the_breach_role(officer: Any, personas: Any, anonymous: Any) -> None:
    breach_id = register(officer).json()["id"]
    assert anonymous.get(f"/api/v1/breaches/{breach_id}/authority-export").status_code == 401
    assert personas["caseworker"].client.get(f"/api/v1/breaches/{breach_id}/authority-export").status_code == 403


@pytest.mark.promise("S4-24")
def test_the_export_holds_every_section_of_the_meldformulier(officer: Any, personas: Any) -> None:
    people = [applicant(personas["assessor"].user) for _ in range(3)]
    breach_id = register(officer, categories=["identity", "address"], kind="website_overexposure",
                         started_at="2026-03-01T12:00:00+01:00").json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/subjects", {"subjects": [str(p.pk) for p in people]},
                        format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {
        "risk": "high", "nature": ["read", "copy"], "cause": "Zoekpagina toonde aanvragen",
        "consequences": "Namen en adressen van aanvragers waren openbaar zichtbaar",
        "prior_measures": "Versleuteling in rust; niet op de zoekpagina", "encrypted": False,
        "measures_taken": "Pagina offline gehaald", "measures_subject_can_take": "Geen actie nodig",
        "follow_up": "Code review van alle publieke pagina's", "ended_at": "2026-03-02T08:00:00+01:00"},
        format="json")
    form = officer.client.get(f"/api/v1/breaches/{breach_id}/authority-export").json()

    assert set(form) >= {"report", "organisation", "timeline", "breach", "personal_data", "people", "prior_measures",
                         "consequences", "follow_up"}
    assert form["organisation"]["name"] == "Valtes B.V." and form["organisation"]["contact"]["email"] == (
        "privacy@valtes.nl")
    assert form["timeline"]["started_at"] == "2026-03-01T11:00:00Z"  # the API's one time format
    assert form["timeline"]["ended_at"] == "2026-03-02T07:00:00Z"
    assert form["breach"]["nature"] == ["copy", "read"] and form["breach"]["kind"] == "website_overexposure"
    assert [c["id"] for c in form["personal_data"]["categories"]] == ["address", "identity"]
    assert form["people"]["count"] == 3 and form["personal_data"]["record_count"] == 3
    assert form["prior_measures"] == {"encrypted": False,
                                      "description": "Versleuteling in rust; niet op de zoekpagina"}
    assert form["consequences"]["risk"] == "high"
    assert form["follow_up"]["measures_taken"] == "Pagina offline gehaald"
    assert form["follow_up"]["subjects_informed"] == 0


@pytest.mark.promise("S4-24")
def test_an_initial_notification_can_be_supplemented(officer: Any) -> None:
    from waarborg.engine.breaches.models import AuthorityNotification

    breach_id = register(officer).json()["id"]
    url = f"/api/v1/breaches/{breach_id}/authority-notifications"
    assert officer.client.post(url, {"kind": "supplement"}, format="json").status_code == 409
    assert officer.client.post(url, {"kind": "initial", "reference": "M-1"}, format="json").status_code == 200
    assert officer.client.post(url, {"kind": "initial"}, format="json").status_code == 409
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {"risk": "low", "cause": "Later gevonden"},
                        format="json")
    assert officer.client.post(url, {"kind": "supplement"}, format="json").status_code == 200

    sent = list(AuthorityNotification.objects.order_by("id"))
    assert [(n.kind, n.form["report"]["reference"]) for n in sent] == [("initial", "M-1"), ("supplement", "M-1")]
    assert sent[0].form["breach"]["cause"] == "" and sent[1].form["breach"]["cause"] == "Later gevonden"
    export = officer.client.get(f"/api/v1/breaches/{breach_id}/authority-export").json()
    assert [n["kind"] for n in export["notifications"]] == ["initial", "supplement"]
