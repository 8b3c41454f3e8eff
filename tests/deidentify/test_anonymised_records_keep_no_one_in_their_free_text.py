"""Anonymisation on retention runs a kept free-text field through the de-identifier, or drops it, as the policy
says: after the sweep nobody is named in what remains (the sweep and an erasure request both anonymise).

Kwartier's signals are anonymised after six months, keeping the neighbourhood; here its policy also keeps the
description, once as shipped (longtext: `redact`) and once with `deidentify: drop`. Driven through the CLI
(`policy activate`, `sweep`) and the API (storing the signal).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine

from tests.conftest import EXAMPLES, Persona, make_staff
from waarborg.audiences.cli import main
from waarborg.engine.vault.models import Record

KEEP = "anonymise: {keep: [neighbourhood, received_on], generalise_dates: month}"
DESCRIPTION = "      description: {category: signal, type: longtext, required: true}\n"
SIGNAL = {"neighbourhood": "Assen-Oost", "received_on": "2026-01-10",
          "description": "Buurvrouw mevrouw Jansen (Kerkstraat 12, tel. 06-23456789) maakt zich zorgen om "
                         "Piet de Boer, 82 jaar, die sinds 3 januari 2026 niet meer buiten komt."}


def _policy(tmp_path: Path, description: str) -> str:
    text = (EXAMPLES / "kwartier.yaml").read_text()
    assert KEEP in text and DESCRIPTION in text
    text = text.replace(KEEP, "anonymise: {keep: [neighbourhood, received_on, description], generalise_dates: month}")
    path = tmp_path / "kwartier.yaml"
    path.write_text(text.replace(DESCRIPTION, description))
    return str(path)


def _signal_swept(path: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    with time_machine.travel(datetime(2026, 1, 10, 9, tzinfo=UTC), tick=False):
        assert main(["policy", "activate", path]) == 0
        worker = Persona(*make_staff("sanne", ["social_worker"]))
        subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="signalling").json()["id"]
        stored = worker.post("/api/v1/records", {"subject": subject, "type": "signal", "data": SIGNAL},
                             format="json", HTTP_X_PURPOSE="signalling")
        assert stored.status_code == 201, stored.content
    with time_machine.travel(datetime(2026, 8, 1, 9, tzinfo=UTC), tick=False):
        assert main(["sweep"]) == 0
    assert "signal_anonymised: 1 anonymised" in capsys.readouterr().out
    record = Record.objects.get(pk=stored.json()["id"])
    assert record.subject_id is None and record.sealed is None
    return dict(record.plain)


def test_a_kept_description_is_anonymised_nobody_is_named_in_it(db: Any, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    kept = _signal_swept(_policy(tmp_path, DESCRIPTION), capsys)
    assert kept["neighbourhood"] == "Assen-Oost" and kept["received_on"] == "2026-01"
    description = kept["description"]
    for identifying in ("Jansen", "Kerkstraat 12", "06-23456789", "Piet", "de Boer", "82", "3 januari 2026"):
        assert identifying not in description, identifying
    assert description.startswith("Buurvrouw mevrouw [NAAM-1] ([ADRES-1], tel. [TELEFOON-1]) maakt zich zorgen om "
                                  "[NAAM-2], [LEEFTIJD-1] jaar")


def test_a_description_the_policy_drops_is_not_kept_at_all(db: Any, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    dropped = DESCRIPTION.replace("required: true}", "required: true, deidentify: drop}")
    kept = _signal_swept(_policy(tmp_path, dropped), capsys)
    assert kept == {"neighbourhood": "Assen-Oost", "received_on": "2026-01"}


def test_an_erasure_request_anonymises_the_kept_description_the_same_way(db: Any, tmp_path: Path) -> None:
    # given the signal stored under the policy that keeps its description, and an erasure request, verified
    assert main(["policy", "activate", _policy(tmp_path, DESCRIPTION)]) == 0
    worker, officer = Persona(*make_staff("sanne", ["social_worker"])), Persona(*make_staff("pia", ["privacy_officer"]))
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="signalling").json()["id"]
    stored = worker.post("/api/v1/records", {"subject": subject, "type": "signal", "data": SIGNAL}, format="json",
                         HTTP_X_PURPOSE="signalling")
    assert stored.status_code == 201, stored.content
    filed = worker.post("/api/v1/requests", {"subject": subject, "type": "erasure", "channel": "post"}, format="json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["id"]
    assert officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"},
                        format="json").status_code == 200
    # when the privacy officer carries out the erasure
    erased = officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json")
    assert erased.status_code == 200, erased.content
    # then the signal remains only anonymised, its description with nobody in it
    record = Record.objects.get(pk=stored.json()["id"])
    assert record.subject_id is None and record.anonymised_at is not None
    description = record.plain["description"]
    for identifying in ("Jansen", "Kerkstraat 12", "06-23456789", "Piet", "de Boer"):
        assert identifying not in description, identifying
    assert description.startswith("Buurvrouw mevrouw [NAAM-1] ([ADRES-1], tel. [TELEFOON-1])")
