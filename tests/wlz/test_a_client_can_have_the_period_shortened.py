"""On a client's request WlzCliëntondersteuning shortens the period of his dossier, which destroys it now, and
confirms that to him; the business administration under its legal 7 years stays (S2-20). Through
POST subjects/{id}/shortenings with the shipped policy active."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.wlz.conftest import CARE_FILE, CLIENT, intake, read, refused, sign, store

LETTER = "brief van de cliënt, zaak 2026-077"


@pytest.fixture
def ended(people: dict[str, Any]) -> dict[str, str]:
    """A client whose service has just ended: his details, his care file and an invoice."""
    supporter, office = people["worker"], people["administration"]
    client = intake(supporter, birth_date="1950-02-03")
    assert sign(supporter, client).status_code == 201
    ids = {"client": client,
           "details": store(supporter, client, "client", CLIENT, "client_support").json()["id"],
           "care_file": store(supporter, client, "care_file", CARE_FILE, "client_support").json()["id"],
           "invoice": store(office, client, "invoice", {"client_name": "Kees Kok", "amount": "120.00",
                                                        "invoice_date": "2026-01-31"}, "administration",
                            source={"kind": "organisation"}).json()["id"]}
    end = timezone.now().isoformat()
    assert supporter.post("/api/v1/events", {"name": "service_ended", "at": end, "subject": client},
                          format="json").status_code == 201
    return ids


def shorten(persona: Any, subject: str, **body: Any) -> Any:
    return persona.post(f"/api/v1/subjects/{subject}/shortenings", {"rule": "dossier_5y", "reason": LETTER, **body},
                        format="json")


@pytest.mark.promise("S2-20")
def test_a_request_to_shorten_destroys_the_dossier_now_and_the_client_gets_a_confirmation(
        people: dict[str, Any], ended: dict[str, str]) -> None:
    officer, office, supporter = people["officer"], people["administration"], people["worker"]
    invoice_until = officer.get(f"/api/v1/records/{ended['invoice']}/retention").json()["expires_at"]
    # when the officer records his written request to shorten the five years
    answer = shorten(officer, ended["client"])
    # then his details and care file are destroyed now, and the confirmation says so and what the law keeps
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert (body["rule"], body["destroyed"]) == ("dossier_5y", 2)
    assert body["confirmation"]["nl"].startswith('Op uw verzoek hebben wij de bewaartermijn "5 jaar na het einde van '
                                                 'de dienstverlening" verkort. Wij hebben 2 gegevens vandaag vernietigd.')
    assert "art. 52 Algemene wet inzake rijksbelastingen" in body["confirmation"]["nl"]
    assert "We destroyed 2 records today." in body["confirmation"]["en"]
    assert read(supporter, ended["care_file"], "client_support").status_code == 404
    assert read(supporter, ended["details"], "client_support").status_code == 404
    # and the deletion and the shortening are in the log
    log = officer.get("/api/v1/audit/entries", {"subject": ended["client"]}).json()["entries"]
    deletions = [e for e in log if e["action"] == "record.delete"]
    assert deletions and {e["detail"]["rule"] for e in deletions} == {"dossier_5y"}
    [shortened] = [e for e in log if e["action"] == "retention.shorten"]
    assert (shortened["actor"], shortened["detail"]["basis"]) == ("pia", "subject_request")
    # the invoice under the legal seven years is untouched
    assert read(office, ended["invoice"], "administration").status_code == 200
    assert officer.get(f"/api/v1/records/{ended['invoice']}/retention").json()["expires_at"] == invoice_until
    assert datetime.fromisoformat(invoice_until) > timezone.now() + timedelta(days=6 * 365)


@pytest.mark.promise("S2-20")
def test_the_legal_period_of_the_administration_cannot_be_shortened(people: dict[str, Any],
                                                                    ended: dict[str, str]) -> None:
    officer = people["officer"]
    answer = shorten(officer, ended["client"], rule="admin_7y")
    assert answer.status_code == 403 and answer.json()["reason"] == "legal_obligation"
    assert "art. 52 Algemene wet inzake rijksbelastingen" in answer.json()["detail"]
    assert len(refused("legal_obligation", ended["client"])) == 1
    assert read(people["administration"], ended["invoice"], "administration").status_code == 200


def test_only_who_manages_retention_shortens_and_only_with_the_request_recorded(
        people: dict[str, Any], ended: dict[str, str], anonymous: Any) -> None:
    assert anonymous.post(f"/api/v1/subjects/{ended['client']}/shortenings", {}, format="json").status_code == 401
    refused_answer = shorten(people["worker"], ended["client"])
    assert refused_answer.status_code == 403 and refused_answer.json()["reason"] == "role_not_granted"
    invalid = people["officer"].post(f"/api/v1/subjects/{ended['client']}/shortenings", {"rule": "dossier_5y"},
                                     format="json")
    assert invalid.status_code == 422 and "reason" in invalid.json()["errors"]
    unknown = shorten(people["officer"], ended["client"], rule="forever")
    assert unknown.status_code == 422 and "rule" in unknown.json()["errors"]
    assert read(people["worker"], ended["care_file"], "client_support").status_code == 200
