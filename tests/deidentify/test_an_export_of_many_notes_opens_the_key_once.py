"""An access export of a client with many care notes asks for her data key once, and numbers the other people
across all her notes as before (Kwartier's shipped policy, through the API).

Each note used to be opened with a query for the key of its subject, twice (once for the export, once for the
subject's own names), and each name tag was looked up against every name seen in the export so far: an export of
1,000 notes took 2.5 s of CPU, now 0.9 s (docs/benchmarks.md, "How much of an export is de-identification").
"""

from __future__ import annotations

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import Persona
from waarborg.engine.deidentify import Category, find

NOTES = 30
CLIENT_FILE = {"name": "Fatima El Amrani", "phone": "06 12345678", "address": "Kerkstraat 12, 1234 AB Utrecht",
               "request": "Fatima vraagt hulp bij haar post.", "source": "self"}


def _note(i: int) -> str:
    return (f"Gesprek {i}. Mevrouw El Amrani belde over buurman Kees de Vries. Haar dochter Noor{'a' * (i % 3)} "
            f"Bakker komt morgen. Huisarts dr. Mensah{i} heeft haar gezien. Fatima belt zelf op 06-12345678.")


def test_the_key_is_asked_once_and_the_tags_run_across_the_notes(kwartier: dict[str, Persona]) -> None:
    worker, officer = kwartier["social_worker"], kwartier["officer"]
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    for type_, data in [("client_file", CLIENT_FILE)] + [("care_notes", {"health": _note(i)}) for i in range(NOTES)]:
        stored = worker.post("/api/v1/records", {"subject": subject, "type": type_, "data": data}, format="json",
                             HTTP_X_PURPOSE="support")
        assert stored.status_code == 201, stored.content
    request_id = worker.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"},
                             format="json").json()["id"]
    assert officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"},
                        format="json").status_code == 200
    # when the privacy officer fetches the export
    with CaptureQueriesContext(connection) as queries:
        answer = officer.get(f"/api/v1/requests/{request_id}/export")
    assert answer.status_code == 200, answer.content
    # then the client's data key was asked for once, not once per note
    asking = [q["sql"] for q in queries.captured_queries if "vault_subjectkey" in q["sql"]]
    assert len(asking) <= 2, len(asking)  # the records, and the subject's own sealed facts
    notes = [r["data"]["health"] for block in json.loads(answer.content)["purposes"] for r in block["records"]
             if r["type"] == "care_notes"]
    assert len(notes) == NOTES
    # and the same people carry the same tags in every note, the client's own name and number stay
    assert all("buurman [NAAM-1]" in note and "Mevrouw El Amrani belde" in note for note in notes)
    assert all("Fatima belt zelf op 06-12345678." in note for note in notes)
    doctors = {note.split("Huisarts dr. ")[1].split(" ")[0] for note in notes}
    assert len(doctors) == NOTES  # thirty doctors, thirty tags
    daughters = {note.split("Haar dochter ")[1].split(" komt")[0] for note in notes}
    assert daughters == {"[NAAM-2]", "[NAAM-3]", "[NAAM-4]"}, daughters  # Noor, Noora and Nooraa Bakker


def test_a_hint_finds_a_turkish_name_written_in_capitals() -> None:
    # the dotless ı: `AVCI` in the vault is `Avcı` in the note, and the other way round
    text = "Gesprek met mevr. R. Avcı over haar post. Daarna belde R. AVCI terug."
    found = {(text[s.start:s.end], s.category) for s in find(text, hints=["Rukiye Avcı"])}
    assert ("R. Avcı", Category.NAME) in found and ("R. AVCI", Category.NAME) in found
    kept = find(text, keep=["Rukiye AVCI"])
    assert not [s for s in kept if "Avc" in text[s.start:s.end] or "AVC" in text[s.start:s.end]]


def test_the_clients_first_name_after_van_stays_hers(kwartier: dict[str, Persona]) -> None:
    """A user trial saw `De moeder [NAAM-10] belde` in the client's own export: `van Fatima` was taken as one
    name, and a name after a relation word (`moeder`) that does not start with her first name was someone else."""
    worker, officer = kwartier["social_worker"], kwartier["officer"]
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    note = "De moeder van Fatima belde vanuit Marokko. Haar zoon Yassin El Amrani komt morgen langs."
    for type_, data in (("client_file", CLIENT_FILE), ("care_notes", {"health": note})):
        assert worker.post("/api/v1/records", {"subject": subject, "type": type_, "data": data}, format="json",
                           HTTP_X_PURPOSE="support").status_code == 201
    request_id = worker.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"},
                             format="json").json()["id"]
    officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    answer = officer.get(f"/api/v1/requests/{request_id}/export")
    assert answer.status_code == 200, answer.content
    [health] = [r["data"]["health"] for block in json.loads(answer.content)["purposes"] for r in block["records"]
                if r["type"] == "care_notes"]
    assert health == "De moeder van Fatima belde vanuit Marokko. Haar zoon [NAAM-1] komt morgen langs."


def test_the_husband_and_the_son_who_share_her_surname_are_redacted_and_told_apart(
        kwartier: dict[str, Persona]) -> None:
    """A second user trial: `Meneer El Amrani, haar man, kwam langs.` stayed in the client's export (taken for
    her), and `haar man El Amrani ... haar zoon El Amrani` got one tag for two people."""
    worker, officer = kwartier["social_worker"], kwartier["officer"]
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    notes = ["Mevrouw Fatima El Amrani belde over haar post.", "Meneer El Amrani, haar man, kwam langs.",
             "Haar man El Amrani kwam langs met haar zoon El Amrani.", "Mevrouw El Amrani was blij."]
    records = [("client_file", CLIENT_FILE)] + [("care_notes", {"health": note}) for note in notes]
    for type_, data in records:
        assert worker.post("/api/v1/records", {"subject": subject, "type": type_, "data": data}, format="json",
                           HTTP_X_PURPOSE="support").status_code == 201
    request_id = worker.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"},
                             format="json").json()["id"]
    officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    export = json.loads(officer.get(f"/api/v1/requests/{request_id}/export").content)
    texts = [r["data"]["health"] for block in export["purposes"] for r in block["records"] if r["type"] == "care_notes"]
    assert sorted(texts) == sorted(["Mevrouw Fatima El Amrani belde over haar post.",
                                    "Meneer [NAAM-1], haar man, kwam langs.",
                                    "Haar man [NAAM-1] kwam langs met haar zoon [NAAM-2].",
                                    "Mevrouw El Amrani was blij."])
    assert "Soms krijgt één persoon twee aanduidingen" in export["redactions"]["note"]["nl"]
    # and the reviewer sees each field labelled as the export labels it, not by its key
    review = officer.get(f"/api/v1/requests/{request_id}/export?view=review").json()
    labels = {r["id"]: r["labels"]["health"] for block in export["purposes"] for r in block["records"]
              if r["type"] == "care_notes"}
    assert all(field["label"] == labels[field["record"]] for field in review["redactions"])
    assert all(field["label"]["nl"] != "health" for field in review["redactions"])
