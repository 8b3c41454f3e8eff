"""WlzCliëntondersteuning's client dossier, as staff and the client see it: each field general or special
(S2-01), processing on the agreement or on the law (S2-02), and where each piece of data came from (S2-13).
Driven through the REST API and `waarborg render register` with the shipped policy active."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.wlz.conftest import CARE_FILE, CLIENT, intake, read, sign, store, verified_access_export
from waarborg.audiences.cli import main

SPECIAL = {"care_situation", "health"}


def _register(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["render", "register", "--format", "json"]) == 0
    return {e["purpose"]: e for e in json.loads(capsys.readouterr().out)["activities"]}


@pytest.mark.promise("S2-01")
def test_every_dossier_field_is_general_or_special_in_the_record_the_register_and_the_access_export(
        people: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    supporter, officer = people["worker"], people["officer"]
    # given a client with his details and, after the signed statement, his care file
    client = intake(supporter, birth_date="1950-02-03")
    details = store(supporter, client, "client", CLIENT | {"email": "kees@example.nl", "postcode": "8261 AB"},
                    "client_support").json()["id"]
    assert sign(supporter, client).status_code == 201
    care_file = store(supporter, client, "care_file", CARE_FILE, "client_support").json()["id"]
    # when the supporter reads them, then every field says its class
    fields = read(supporter, care_file, "client_support").json()["fields"]
    assert {name: f["class"] for name, f in fields.items()} == {
        "care_situation": "special", "health": "special", "wlz_indication": "special", "care_providers": "special"}
    fields = read(supporter, details, "client_support").json()["fields"]
    assert set(fields) == {"name", "birth_date", "agreement_status", "email", "postcode"}
    assert {f["class"] for f in fields.values()} == {"general"}
    # and the processing register marks the health and care situation as special data
    entry = _register(capsys)["client_support"]
    assert {d["category"] for d in entry["personal_data"] if d["special"]} == SPECIAL
    assert {d["category"] for d in entry["personal_data"] if not d["special"]} >= {"identity", "contact", "agreement"}
    # and so does the client's access export, per category
    export = verified_access_export(officer, supporter, client)
    [dossier] = [p for p in export["purposes"] if p["purpose"] == "client_support"]
    classes = {c["category"]: c["class"] for c in dossier["categories"]}
    assert classes == {"identity": "general", "contact": "general", "address": "general", "birth_date": "general",
                       "agreement": "general", "care_situation": "special", "health": "special"}
    health = next(c for c in dossier["categories"] if c["category"] == "health")
    assert health["class_words"]["nl"] == "bijzonder persoonsgegeven"
    letter = officer.get(f"/api/v1/requests/{export['request']['id']}/export", {"format": "html"}).content.decode()
    assert "Gegevens over je gezondheid (bijzonder persoonsgegeven)" in letter
    assert "Naam en geslacht (algemeen persoonsgegeven)" in letter


@pytest.mark.promise("S2-02")
def test_the_dossier_rests_on_the_agreement_in_each_of_its_stages_and_the_administration_on_the_law(
        people: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    supporter, administration = people["worker"], people["administration"]
    # the register names the agreement for the dossier and the tax law for the administration
    register = _register(capsys)
    assert register["client_support"]["legal_basis"] == "contract"
    assert "Overeenkomst cliëntondersteuning" in register["client_support"]["contract"]
    assert register["administration"]["legal_basis"] == "legal_obligation"
    assert "art. 52 Algemene wet inzake rijksbelastingen" in register["administration"]["law"]
    # given a prospect: her dossier rests on the agreement being made
    client = intake(supporter, birth_date="1962-07-01")
    details = store(supporter, client, "client", CLIENT, "client_support")
    assert details.status_code == 201, details.content
    shown = read(supporter, details.json()["id"], "client_support").json()
    assert (shown["basis"], shown["data"]["agreement_status"]) == ("contract", "prospect")
    # the agreement becomes active once the statement is signed, and later ends: the basis stays the agreement
    assert sign(supporter, client).status_code == 201
    for stage in ("active", "ended"):
        answer = supporter.patch(f"/api/v1/records/{details.json()['id']}", {"data": {"agreement_status": stage}},
                                 format="json", HTTP_X_PURPOSE="client_support")
        assert answer.status_code == 200, answer.content
        shown = read(supporter, details.json()["id"], "client_support").json()
        assert (shown["basis"], shown["data"]["agreement_status"]) == ("contract", stage)
    # an invoice rests on the legal obligation
    invoice = store(administration, client, "invoice", {"client_name": "Kees Kok", "amount": "120.00",
                                                        "invoice_date": "2026-01-31"}, "administration",
                    source={"kind": "organisation"})
    assert invoice.status_code == 201, invoice.content
    assert read(administration, invoice.json()["id"], "administration").json()["basis"] == "legal_obligation"


@pytest.mark.promise("S2-13")
def test_each_record_keeps_its_source_and_the_access_export_shows_it(people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    client = intake(supporter, birth_date="1950-02-03")
    assert sign(supporter, client).status_code == 201
    # given data from the client's daughter, from his home-care provider and from a public source
    sources = [({"kind": "representative", "detail": "dochter, gemachtigd"}, "client", CLIENT),
               ({"kind": "organisation", "detail": "Thuiszorg De Linde"}, "care_file", CARE_FILE),
               ({"kind": "public_source", "detail": "Wlz-indicatieregister"}, "care_file",
                {"care_situation": "Indicatie VV4 afgegeven."})]
    stored = [store(supporter, client, type, data, "client_support", source=source).json()["id"]
              for source, type, data in sources]
    # then each record shows its own source
    assert [read(supporter, r, "client_support").json()["source"] for r in stored] == [s for s, _, _ in sources]
    # and a source the statement does not name is refused, nothing stored
    gossip = store(supporter, client, "care_file", CARE_FILE, "client_support", source={"kind": "gossip"})
    assert gossip.status_code == 422 and "source.kind" in gossip.json()["errors"]
    # and the access export tells the client where each record came from, in words
    export = verified_access_export(officer, supporter, client)
    [dossier] = [p for p in export["purposes"] if p["purpose"] == "client_support"]
    assert [(r["source"]["kind"], r["source"]["words"]["nl"]) for r in dossier["records"]] == [
        ("representative", "van uw vertegenwoordiger"), ("organisation", "van een organisatie"),
        ("public_source", "uit een openbare bron")]
    assert {c["category"]: c["sources"] for c in dossier["categories"]}["care_situation"] == [
        "organisation", "public_source"]
