"""The back office on WlzCliëntondersteuning's shipped policy: the privacy officer places a hold on a client from
"Bewaarplichten", sees it listed (marked "te herzien" once its review date passes) and releases it; on a care
file's retention page she reads the clock in words and records the client's request to extend. A client supporter
is refused both pages and the refusal is logged."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client

from tests.conftest import Persona
from tests.holds.conftest import at, client_with_care_file, refusals
from waarborg.engine.retention.models import Hold
from waarborg.engine.vault.models import Record


def session(persona: Persona) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client


@pytest.mark.promise("S2-22")
def test_the_officer_places_sees_and_releases_a_hold(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    officer = session(wlz["officer"])
    answer = officer.post("/backoffice/bewaarplichten/opleggen", {
        "target": "subject", "ref": client["subject"], "kind": "organisation", "reason": "Herindicatie verwacht.",
        "review_at": "2027-03-01"}, follow=True)
    assert answer.status_code == 200
    hold = Hold.objects.get()
    assert f"Bewaarplicht {hold.pk} opgelegd" in answer.content.decode()
    assert (hold.subject_id, hold.reason, hold.created_by) == (
        Record.objects.get(pk=client["care_file"]).subject_id, "organisation", wlz["officer"].user)
    page = officer.get("/backoffice/bewaarplichten/").content.decode()
    assert f'data-hold="{hold.pk}"' in page and "Herindicatie verwacht." in page and "1 maart 2027" in page
    assert "warning-badge\">te herzien" not in page
    with time_machine.travel(at(2027, 3, 2), tick=False):  # (a new session: the old one has expired by then)
        due = session(wlz["officer"]).get("/backoffice/bewaarplichten/", {"te_herzien": "1"}).content.decode()
    assert f'data-hold="{hold.pk}" class="warning"' in due and "warning-badge\">te herzien" in due
    # a bad form comes back as a message, and changes nothing
    bad = officer.post("/backoffice/bewaarplichten/opleggen", {"target": "purpose", "purpose": "client_support",
                                                               "reason": " "}, follow=True).content.decode()
    assert "justification" in bad and Hold.objects.count() == 1
    released = officer.post(f"/backoffice/bewaarplichten/{hold.pk}/opheffen", follow=True).content.decode()
    assert f"Bewaarplicht {hold.pk} opgeheven" in released
    hold.refresh_from_db()
    assert hold.released_at is not None and hold.released_by == wlz["officer"].user


@pytest.mark.promise("S2-21")
def test_the_officer_reads_a_care_files_clock_and_extends_it(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    officer = session(wlz["officer"])
    url = f"/backoffice/gegevens/{client['care_file']}/bewaartermijn"
    page = officer.get(url).content.decode()
    assert "10-01-2029" in page and "De gegevens worden verwijderd op 10-01-2029." in page
    assert 'id="extend-form"' in page and "Woont thuis" not in page  # the clock, never the content
    done = officer.post(f"/backoffice/gegevens/{client['care_file']}/verlengen",
                        {"reason": "brief van 12-05-2028", "basis": "subject_request"}, follow=True).content.decode()
    assert "Verlengd; bewaren tot 10-01-2031" in done
    again = officer.post(f"/backoffice/gegevens/{client['care_file']}/verlengen",
                         {"reason": "nog eens", "basis": "subject_request"}, follow=True).content.decode()
    assert "plafond" in again
    assert Record.objects.get(pk=client["care_file"]).expires_at == at(2031, 1, 10)


def test_a_client_supporter_is_refused_and_logged(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    supporter = session(wlz["supporter"])
    assert Client().get("/backoffice/bewaarplichten/").status_code == 302
    assert supporter.get("/backoffice/bewaarplichten/").status_code == 403
    assert supporter.post("/backoffice/bewaarplichten/opleggen", {
        "target": "subject", "ref": client["subject"], "reason": "x"}).status_code == 403
    assert supporter.get(f"/backoffice/gegevens/{client['care_file']}/bewaartermijn").status_code == 403
    assert refusals("backoffice.holds") == 1 and refusals("backoffice.hold_add") == 1
    assert refusals("backoffice.record_retention") == 1 and not Hold.objects.exists()

