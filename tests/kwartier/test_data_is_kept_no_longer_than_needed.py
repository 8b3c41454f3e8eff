"""S4-09: Kwartier keeps data no longer than strictly needed or legally required: every kind of record has a
period with its reason in the statement, each record can say when it goes and why, and the sweep removes what
expired and logs it.

Records are stored (back-dated, as an import would) through the REST API on the shipped policy; the sweep runs
as an operator runs it, `waarborg sweep`."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html import unescape
from typing import Any

import pytest

from tests.kwartier.conftest import CLIENT_FILE, audit_log, intake, store
from waarborg.audiences.cli import main

RECORD_TYPES = ["Cliëntdossier", "Verslagen over gezondheid en zorg", "Melding noodsituatie", "Signaal",
                "Vrijwilliger", "Klacht of vraag", "Factuur"]


def _ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat()


def _retention_rows(page: str) -> dict[str, tuple[str, str]]:
    """The statement's retention list: record type -> (period, why)."""
    section = page[page.index("Hoe lang bewaren wij uw gegevens?"):]  # Kwartier says "u" (statement.address)
    section = section[section.index('<ul class="retention">'):]
    rows = {}
    for name, items in re.findall(r"<li><strong>(.*?)</strong>.*?<ul>(.*?)</ul></li>", section, re.S):
        cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<li>(.*?)</li>", items, re.S)]
        rows[unescape(name)] = (cells[0], cells[1].removeprefix("Waarom: ") if len(cells) > 1 else "")
    return rows


@pytest.mark.promise("S4-09")
def test_the_statement_gives_every_kind_of_record_a_period_and_its_reason(kwartier: dict[str, Any],
                                                                          anonymous: Any) -> None:
    rows = _retention_rows(anonymous.get("/privacy/").content.decode())
    assert list(rows) == RECORD_TYPES
    for name, (period, why) in rows.items():
        assert period and why, name
    # the periods the law imposes say so, with the law
    assert "Zo staat het in de wet: Selectielijst gemeenten 2020" in rows["Cliëntdossier"][0]
    assert "art. 52 Algemene wet inzake rijksbelastingen" in rows["Factuur"][0]
    assert rows["Signaal"][0].startswith("6 maanden")


@pytest.mark.promise("S4-09")
def test_a_client_file_is_kept_until_fifteen_years_after_the_support_ends(kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    client = intake(worker)
    stored = store(worker, client, "client_file", CLIENT_FILE, "support")
    assert stored.status_code == 201 and stored.json()["expires_at"] is None  # open-ended while support runs
    retention = f"/api/v1/records/{stored.json()['id']}/retention"
    # when the support ends
    ended_at = datetime.now(UTC)
    ended = worker.post("/api/v1/events", {"name": "service_ended", "at": ended_at.isoformat(), "subject": client},
                        format="json", HTTP_X_PURPOSE="support")
    assert ended.status_code == 201, ended.content
    # then the file goes fifteen years later, and the record says why
    answer = worker.get(retention, {"purpose": "support"}).json()
    assert answer["rule"] == "support_15y"
    assert datetime.fromisoformat(answer["expires_at"]).year == ended_at.year + 15
    assert "service_ended" in answer["explanation"] and "15" in answer["explanation"]


@pytest.mark.promise("S4-09")
def test_the_sweep_removes_what_expired_keeps_the_rest_and_logs_it(
        kwartier: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    # an emergency of 13 months ago, a signal of 7 months ago, a recent signal and the running client file
    old_emergency = store(worker, client, "emergency_report", {"name": "Joke de Vries", "situation": "Brand in de "
                          "keuken", "shared_with": "brandweer"}, "emergency", collected_at=_ago(400)).json()["id"]
    old_signal = store(worker, client, "signal", {"neighbourhood": "Noord", "name": "Joke de Vries",
                                                 "description": "Vereenzaamt na overlijden partner",
                                                 "received_on": (datetime.now(UTC) - timedelta(days=215)).date()
                                                 .isoformat()},
                       "signalling", collected_at=_ago(215), source={"kind": "involved_person"}).json()["id"]
    new_signal = store(worker, client, "signal", {"neighbourhood": "Noord", "description": "Zoekt vrijwilligerswerk"},
                       "signalling", source={"kind": "involved_person"}).json()["id"]
    assert store(worker, client, "client_file", CLIENT_FILE, "support").status_code == 201
    # a dry run says what would go and changes nothing
    assert main(["sweep", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "emergency_1y: 1 would be deleted" in out and "signal_anonymised: 1 would be anonymised" in out
    assert worker.get(f"/api/v1/records/{old_emergency}", {"purpose": "emergency"}).status_code == 200
    # when the sweep runs
    assert main(["sweep"]) == 0
    out = capsys.readouterr().out
    assert "emergency_1y: 1 deleted" in out and "signal_anonymised: 1 anonymised" in out
    # then the emergency is gone, the old signal keeps only the neighbourhood, the rest is untouched
    assert worker.get(f"/api/v1/records/{old_emergency}", {"purpose": "emergency"}).status_code == 404
    kept = worker.get(f"/api/v1/records/{old_signal}", {"purpose": "signalling"})
    assert kept.status_code == 200
    assert kept.json()["subject"] is None  # no longer about anyone
    assert kept.json()["data"] == {"neighbourhood": "Noord", "received_on": kept.json()["data"]["received_on"]}
    assert len(kept.json()["data"]["received_on"]) == len("2026-05")  # the month only
    assert worker.get(f"/api/v1/records/{new_signal}", {"purpose": "signalling"}).status_code == 200
    assert [r["type"] for r in worker.get(f"/api/v1/subjects/{client}/records",
                                          {"purpose": "support"}).json()] == ["client_file"]
    # and the audit log names what went, by which rule
    deleted = [e for e in audit_log(officer, action="record.delete") if e["detail"].get("rule") == "emergency_1y"]
    assert [e["detail"]["items"]["record"] for e in deleted] == [[old_emergency]]
    assert main(["audit", "verify"]) == 0
