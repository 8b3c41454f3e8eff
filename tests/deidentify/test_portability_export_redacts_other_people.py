"""A portability export (art. 20) carries what the client provided, with the other people in its free text
redacted (art. 20(4) GDPR: without harming the rights of others), in JSON and CSV alike. WlzCliëntondersteuning's
shipped policy, unchanged: the care file's `care_providers` is longtext, so `deidentify: redact` by default.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tests.conftest import Persona, activate_example, make_staff

PROVIDERS = "Huisarts dr. Visser in Assen. Buurvrouw Ans Mulder (06-34567890) kijkt dagelijks bij Kees Kok."


def test_a_wlz_clients_portable_care_file_names_only_him(db: Any) -> None:
    # given Kees, his consent for his care file, and a care file he gave that names his doctor and neighbour
    activate_example("wlzclientondersteuning")
    wendy, pia = Persona(*make_staff("wendy", ["client_supporter"])), Persona(*make_staff("pia", ["privacy_officer"]))
    kees = wendy.post("/api/v1/subjects", {"birth_date": "1950-02-03"}, format="json",
                      HTTP_X_PURPOSE="client_support").json()["id"]
    client = {"subject": kees, "type": "client", "data": {"name": "Kees Kok", "birth_date": "1950-02-03"}}
    assert wendy.post("/api/v1/records", client, format="json", HTTP_X_PURPOSE="client_support").status_code == 201
    consent = wendy.post("/api/v1/consents", {
        "subject": kees, "purpose": "client_support", "channel": "in_person",
        "signatories": [{"role": "self", "name": "Kees Kok"}],
        "evidence": {"document": "toestemmingsverklaring-kok.pdf", "scope": ["general", "special"]}}, format="json")
    assert consent.status_code == 201, consent.content
    care = wendy.post("/api/v1/records", {"subject": kees, "type": "care_file", "source": {"kind": "subject"}, "data": {
        "care_situation": "Woont thuis.", "care_providers": PROVIDERS}}, format="json", HTTP_X_PURPOSE="client_support")
    assert care.status_code == 201, care.content
    filed = wendy.post("/api/v1/requests", {"subject": kees, "type": "portability", "channel": "post"}, format="json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["id"]
    assert pia.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json").status_code == 200
    # when the privacy officer makes the portable file, as JSON and as CSV
    answer = pia.get(f"/api/v1/requests/{request_id}/export")
    assert answer.status_code == 200, answer.content
    export = json.loads(answer.content)
    [record] = [r for r in export["records"] if r["type"] == "care_file"]
    # then the doctor, the neighbour and her number are tags; his own name and the place stay
    assert record["data"]["care_providers"] == ("Huisarts dr. [NAAM-1] in Assen. Buurvrouw [NAAM-2] ([TELEFOON-1]) "
                                                "kijkt dagelijks bij Kees Kok.")
    assert export["redactions"]["count"] == 3
    rows = csv.DictReader(io.StringIO(pia.get(f"/api/v1/requests/{request_id}/export?format=csv").content.decode()))
    assert {r["value"] for r in rows if r["field"] == "care_providers"} == {record["data"]["care_providers"]}
