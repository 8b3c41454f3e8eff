"""Searching a person in the back office (`/backoffice/zoeken/?q=`): by BSN (through its keyed hash, as `GET
subjects?bsn=`), by external number, or by name (names are sealed: the system compares only the records the
searcher may read, a bounded number). Only people the searcher may see are found, and every search is on
record without what was typed. Kwartier's shipped policy (need-to-know caseloads) and ikzorginassen's."""

from __future__ import annotations

import json
from typing import Any

from tests.caseloads.conftest import new_subject
from tests.dayswork.conftest import signed_in
from tests.rights.conftest import audit

CLIENT_FILE = {"name": "Jan Önal", "request": "Hulp bij de administratie", "source": "self"}


def _client(kwartier: dict[str, Any], external_id: str, name: str, bsn: str = "") -> str:
    worker = kwartier["worker"]
    subject = new_subject(worker, "support", external_id=external_id, **({"bsn": bsn} if bsn else {}))
    stored = worker.post("/api/v1/records", {"subject": subject, "type": "client_file",
                                             "data": {**CLIENT_FILE, "name": name}},
                         format="json", HTTP_X_PURPOSE="support")
    assert stored.status_code == 201, stored.content
    return subject


def _found(page: Any) -> list[str]:
    import re

    assert page.status_code == 200, page.content
    return re.findall(r'<tr data-subject="([^"]+)"', page.content.decode())


def test_a_worker_finds_her_client_by_name_bsn_and_number_and_others_do_not(kwartier: dict[str, Any]) -> None:
    jan = _client(kwartier, "kw-301", "Jan Önal", bsn="111222333")
    sanne, saskia = signed_in(kwartier["worker"]), signed_in(kwartier["other_team"])
    # by name, without accents and in part; the matching name is shown
    by_name = sanne.get("/backoffice/zoeken/", {"q": "jan onal"})
    assert _found(by_name) == [jan] and "Jan Önal" in by_name.content.decode()
    # by BSN (spaces allowed) and by external number
    assert _found(sanne.get("/backoffice/zoeken/", {"q": "1112 22 333"})) == [jan]
    assert _found(sanne.get("/backoffice/zoeken/", {"q": "kw-301"})) == [jan]
    # Saskia, of the other team, does not find him by name: his client file is not hers to read
    page = saskia.get("/backoffice/zoeken/", {"q": "jan onal"})
    assert _found(page) == [] and "Önal" not in page.content.decode()
    # by number she does, as `GET subjects?external_id=` answers her: Kwartier's policy lets social workers act
    # for anyone in an emergency, without a caseload; she sees the number, no name, and his page stays closed
    page = saskia.get("/backoffice/zoeken/", {"q": "kw-301"})
    assert _found(page) == [jan] and "Önal" not in page.content.decode()
    assert saskia.get(f"/backoffice/clienten/{jan}").status_code == 403


def test_need_to_know_staff_find_no_one_outside_their_caseload(personas: dict[str, Any], anna: Any) -> None:
    # ikzorginassen's project leader works on event registrations, assigned ones only
    peter = signed_in(personas["project_leader"])
    for q in ("111222333", "aanvraag-17", "anna de vries"):
        assert _found(peter.get("/backoffice/zoeken/", {"q": q})) == [], q


def test_every_search_is_on_record_without_what_was_typed(kwartier: dict[str, Any]) -> None:
    _client(kwartier, "kw-302", "Petra Visser", bsn="111222333")
    sanne = signed_in(kwartier["worker"])
    sanne.get("/backoffice/zoeken/", {"q": "visser"})
    sanne.get("/backoffice/zoeken/", {"q": "111222333"})
    [by_name] = audit("subject.search", actor="sanne")
    assert by_name.detail == {"by": "name", "compared": 1, "found": 1, "truncated": False}
    assert [e.detail["by"] for e in audit("subject.lookup", actor="sanne")] == ["bsn"]
    assert audit("record.read", actor="sanne", detail__via="backoffice.search")  # the name shown is a read
    logged = json.dumps([e.detail for e in audit("subject.search") + audit("subject.lookup")])
    for typed in ("visser", "Visser", "111222333"):
        assert typed not in logged


def test_a_name_search_compares_a_bounded_number_of_records(kwartier: dict[str, Any],
                                                            monkeypatch: Any) -> None:
    from waarborg.engine.vault import search

    monkeypatch.setattr(search, "MAX_COMPARED", 2)
    for n in range(3):
        _client(kwartier, f"kw-31{n}", f"Klaas {n}")
    page = signed_in(kwartier["worker"]).get("/backoffice/zoeken/", {"q": "klaas"})
    assert len(_found(page)) == 2 and "Zoek op nummer of BSN" in page.content.decode()
    assert audit("subject.search")[0].detail["truncated"] is True


def test_an_outsider_is_refused_and_a_visitor_sent_to_log_in(personas: dict[str, Any], anna: Any) -> None:
    from django.test import Client

    assert Client().get("/backoffice/zoeken/", {"q": "anna"}).status_code == 302
    refused = signed_in(personas["outsider"]).get("/backoffice/zoeken/", {"q": "anna de vries"})
    assert refused.status_code == 403 and "Anna" not in refused.content.decode()
    assert audit("subject.search.refused", actor="otto")
    # the assessor reads applications without a caseload: she finds Anna by name
    assert _found(signed_in(personas["assessor"]).get("/backoffice/zoeken/", {"q": "anna de"})) == [str(anna.pk)]
