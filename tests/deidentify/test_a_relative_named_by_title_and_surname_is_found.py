"""A relative written by title and surname only (`meneer El Amrani`, `mevrouw De Boer`) is found; in the
subject's own export the relative who shares her surname is redacted while her own `mevrouw El Amrani` stays."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff
from waarborg.engine.deidentify import deidentify, find


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gesprek met meneer El Amrani over de huur.", "El Amrani"),
        ("Meneer El Amrani belde gisteren.", "El Amrani"),
        ("Haar schoonmoeder, mevrouw De Boer, komt elke week.", "De Boer"),
        ("Mevrouw De Boer was er ook.", "De Boer"),
        ("Toen kwam dhr. Van den Berg binnen.", "Van den Berg"),
        ("Afgesproken met de heer Kahraman en mevrouw Russom.", "Kahraman"),
    ],
)
def test_a_title_before_a_surname_makes_it_a_name(text: str, name: str) -> None:
    assert name in [text[s.start : s.end] for s in find(text)]


def test_in_her_own_notes_her_husband_by_title_and_surname_is_redacted_and_she_is_not() -> None:
    # given a note that names the client in full with her title, and her husband by title and surname
    text = "Mevrouw Fatima El Amrani belde. Meneer El Amrani, haar man, was er ook. Mw. El Amrani is moe."
    # when it is redacted for her own export
    redacted = deidentify(text, keep=["Fatima El Amrani"]).text
    # then her husband is a tag and her own name, in each form, stays
    assert redacted == "Mevrouw Fatima El Amrani belde. Meneer [NAAM-1], haar man, was er ook. Mw. El Amrani is moe."


def test_a_relation_word_before_the_shared_surname_makes_it_someone_else() -> None:
    text = "Mevrouw El Amrani is gevallen. Haar zoon El Amrani bracht haar naar huis."
    assert deidentify(text, keep=["Fatima El Amrani"]).text == (
        "Mevrouw El Amrani is gevallen. Haar zoon [NAAM-1] bracht haar naar huis."
    )


def test_without_anything_to_tell_them_apart_the_surname_stays_hers() -> None:
    assert deidentify("Meneer El Amrani belde.", keep=["Fatima El Amrani"]).text == "Meneer El Amrani belde."


@pytest.mark.promise("S4-18")
def test_kwartiers_access_export_redacts_the_husband_who_shares_the_clients_surname(db: Any) -> None:
    # given Kwartier's shipped policy, the client Fatima El Amrani and a care note about her and her husband
    activate_example("kwartier")
    worker, officer = Persona(*make_staff("sanne", ["social_worker"])), Persona(*make_staff("pia", ["privacy_officer"]))
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    note = "Mevrouw Fatima El Amrani is gevallen. Meneer El Amrani, haar man, belde de huisarts."
    for type_, data in (
        ("client_file", {"name": "Fatima El Amrani", "request": "Hulp bij de post.", "source": "self"}),
        ("care_notes", {"health": note}),
    ):
        stored = worker.post(
            "/api/v1/records",
            {"subject": subject, "type": type_, "data": data},
            format="json",
            HTTP_X_PURPOSE="support",
        )
        assert stored.status_code == 201, stored.content
    request_id = worker.post(
        "/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"}, format="json"
    ).json()["id"]
    assert (
        officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json").status_code == 200
    )
    # when the privacy officer makes the export
    export = json.loads(officer.get(f"/api/v1/requests/{request_id}/export").content)
    # then her husband is a tag, her own name stays
    notes = [r["data"]["health"] for block in export["purposes"] for r in block["records"] if r["type"] == "care_notes"]
    assert notes == ["Mevrouw Fatima El Amrani is gevallen. Meneer [NAAM-1], haar man, belde de huisarts."]
