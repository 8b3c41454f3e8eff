"""S4-02, S4-03: Kwartier collects health data only on a ground its statement names (the law for social
support, a vital interest in an emergency), and every purpose that rests on a law or a contract names it.

Driven through the REST API, the public privacy pages and `waarborg policy check` on the shipped policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.kwartier.conftest import intake, store
from waarborg.audiences.cli import main

NOTES = {"health": "Slaapt slecht sinds de verhuizing; huisarts schreef slaapmedicatie voor.",
         "arrangements": "Wekelijks huisbezoek op dinsdag."}


@pytest.mark.promise("S4-02")
def test_health_notes_are_kept_on_the_named_legal_ground_without_asking_consent(kwartier: dict[str, Any]) -> None:
    # given Sanne's new client, who signed no consent
    worker = kwartier["worker"]
    client = intake(worker)
    # when she stores health notes under "support" (UAVG art. 30(3)(a) and the Wmo)
    stored = store(worker, client, "care_notes", NOTES, "support")
    # then they are kept and she reads them back
    assert stored.status_code == 201, stored.content
    shown = worker.get(f"/api/v1/records/{stored.json()['id']}", {"purpose": "support"}).json()
    assert shown["data"]["health"] == NOTES["health"]


@pytest.mark.promise("S4-02")
def test_health_data_in_an_emergency_is_kept_on_the_vital_interest(kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    client = intake(worker)
    report = {"name": "Joke de Vries", "situation": "Gevallen in de badkamer, niet aanspreekbaar",
              "health": "Diabetes type 2", "shared_with": "ambulance"}
    assert store(worker, client, "emergency_report", report, "emergency").status_code == 201


@pytest.mark.promise("S4-02")
def test_health_data_cannot_be_kept_with_a_neighbourhood_signal(kwartier: dict[str, Any]) -> None:
    # signalling rests on a legitimate interest, which is no ground for special data: it has no health field
    worker = kwartier["worker"]
    client = intake(worker)
    answer = store(worker, client, "signal", {"neighbourhood": "Noord", "description": "Vereenzaamt",
                                              "health": "Depressief"}, "signalling")
    assert answer.status_code == 422 and "health" in str(answer.json()["errors"])
    assert worker.get(f"/api/v1/subjects/{client}/records", {"purpose": "signalling"}).json() == []


@pytest.mark.promise("S4-02")
def test_the_statement_names_the_ground_for_health_data_per_purpose(kwartier: dict[str, Any], anonymous: Any) -> None:
    activities = {a["purpose"]: a for a in anonymous.get("/privacy/register.json").json()["activities"]}
    assert "UAVG art. 30 lid 3 sub a" in activities["support"]["art9_text"]
    assert "vitaal belang" in activities["emergency"]["art9_text"]
    special = {a["purpose"] for a in activities.values() if any(d["special"] for d in a["personal_data"])}
    assert special == {"support", "emergency"}
    page = anonymous.get("/privacy/").content.decode()
    assert "In de wet heten die bijzondere persoonsgegevens." in page and "UAVG art. 30 lid 3 sub a" in page


@pytest.mark.promise("S4-02")
def test_a_policy_that_drops_the_legal_ground_for_health_data_is_not_accepted(
        kwartier: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a Kwartier policy whose support purpose keeps health data but no longer names the law behind it
    source = (EXAMPLES / "kwartier.yaml").read_text(encoding="utf-8")
    line = ('    art9_ground: {nl: "UAVG art. 30 lid 3 sub a (instellingen voor maatschappelijke dienstverlening) en Wmo '
            '2015", en: "UAVG art. 30(3)(a) (social service institutions) and Wmo 2015"}\n')
    assert line in source
    broken = tmp_path / "kwartier.yaml"
    broken.write_text(source.replace(line, ""), encoding="utf-8")
    # is refused on activation, naming the purpose, and the shipped policy stays in force
    assert main(["policy", "activate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "purpose 'support'" in err and "art9_ground" in err
    worker = kwartier["worker"]
    assert store(worker, intake(worker), "care_notes", NOTES, "support").status_code == 201


LAWS_AND_CONTRACTS = {
    "support": ("law", "Wet maatschappelijke ondersteuning 2015"),
    "volunteers": ("contract", "Vrijwilligersovereenkomst met Kwartier"),
    "complaints": ("law", "AVG art. 12 en 77"),
    "administration": ("law", "art. 52 Algemene wet inzake rijksbelastingen"),
}


@pytest.mark.promise("S4-03")
def test_each_purpose_on_a_law_or_contract_names_it_in_the_register_and_the_statement(
        kwartier: dict[str, Any], anonymous: Any) -> None:
    activities = {a["purpose"]: a for a in anonymous.get("/privacy/register.json").json()["activities"]}
    on_law_or_contract = {p for p, a in activities.items()
                          if a["legal_basis"] in ("legal_obligation", "public_task", "contract")}
    assert on_law_or_contract == set(LAWS_AND_CONTRACTS)
    page = anonymous.get("/privacy/").content.decode()
    for purpose, (field, reference) in LAWS_AND_CONTRACTS.items():
        assert reference in activities[purpose][field], purpose
        assert reference.lower() in page.lower(), purpose  # mid-sentence in lower case: "een overeenkomst: vrijwilligers..."


@pytest.mark.promise("S4-03")
@pytest.mark.parametrize(("old", "purpose", "missing"), [
    ('    basis_detail: {contract: {nl: "Vrijwilligersovereenkomst met Kwartier", en: "Volunteer agreement with '
     'Kwartier"}}\n', "volunteers", "contract"),
    ('    basis_detail: {law: {nl: "AVG art. 12 en 77; Wmo 2015 art. 3.2 (klachtregeling)", en: "GDPR art. 12 and 77; '
     'Wmo 2015 art. 3.2 (complaints procedure)"}}\n', "complaints", "law"),
])
def test_a_purpose_on_a_law_or_contract_that_does_not_name_it_is_refused(
        kwartier: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        old: str, purpose: str, missing: str) -> None:
    source = (EXAMPLES / "kwartier.yaml").read_text(encoding="utf-8")
    assert old in source
    broken = tmp_path / "kwartier.yaml"
    broken.write_text(source.replace(old, ""), encoding="utf-8")
    assert main(["policy", "check", str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"purpose '{purpose}'" in err and f"basis_detail.{missing}" in err
    assert main(["policy", "check", str(EXAMPLES / "kwartier.yaml")]) == 0
