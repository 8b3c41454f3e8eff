"""Device, usage and location data and information from outside sources (S1-11..S1-14): in the register with
a retention rule, tagged with category, origin and source, and shown in the subject's access export."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from tests.listings.conftest import REDACTIONS
from tests.rights.conftest import colleague
from waarborg.engine.policy.active import current
from waarborg.engine.policy.render.register import register_entries
from waarborg.engine.vault.models import Record

DEVICE = {"device_id": "a1b2c3d4-e5f6", "os_version": "Android 14", "settings": "taal=nl; donkere modus"}
USAGE = {"at": "2026-11-20T10:00:00+01:00", "duration": 240, "content": "/sociale-kaart/?theme=wonen"}
LOCATION_DEVICE = {"location": "52.99,6.56", "origin": "device"}
LOCATION_IP = {"location": "Assen", "origin": "ip"}
FROM_X = {"information": "Profielnaam en profielfoto", "source": "social media: X"}
FROM_REGISTER = {"information": "Vestigingsadres", "source": "public register"}


@pytest.mark.promise("S1-11", "S1-12", "S1-13", "S1-14")
def test_the_register_lists_device_usage_location_and_external_data_each_with_a_retention_rule(kaart: Any) -> None:
    policy = current()
    activity = next(e for e in register_entries(policy) if e["purpose"] == "site_usage")
    labels = {d["category"]: d["label"] for d in activity["personal_data"]}
    assert labels["device"].startswith("Apparaatgegevens")
    assert labels["usage"].startswith("Gebruiksgegevens")
    assert labels["location"].startswith("Locatiegegevens")
    assert labels["external"] == "Informatie uit openbare en commerciële bronnen"
    retention = {r["record_type"]: r for r in activity["retention"]}
    for record_type in ("device_data", "usage_event", "location_data", "external_information"):
        assert retention[record_type]["rule"] == "usage_3m" and retention[record_type]["period"] == "P3M"
    assert set(activity["sources"]) == {"website_form", "public_source"}


def _store(website: Any, subject: str, type: str, data: dict[str, Any], **extra: Any) -> Any:
    answer = website.post("/api/v1/records", {"subject": subject, "type": type, "data": data, "channel": "website",
                                              **extra}, format="json", HTTP_X_PURPOSE="site_usage")
    assert answer.status_code == 201, answer.content
    return Record.objects.get(pk=answer.json()["id"])


@pytest.mark.promise("S1-11", "S1-12", "S1-13", "S1-14")
def test_stored_usage_data_carries_category_origin_and_source_into_the_access_export(kaart: Any) -> None:
    website, officer = kaart["website"], kaart["officer"]
    # Given a visitor with device, usage, location and outside data, stored by the website's service account
    visitor = website.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="site_usage").json()["id"]
    device = _store(website, visitor, "device_data", DEVICE)
    usage = _store(website, visitor, "usage_event", USAGE)
    _store(website, visitor, "location_data", LOCATION_DEVICE)
    _store(website, visitor, "location_data", LOCATION_IP)
    _store(website, visitor, "external_information", FROM_X, source={"kind": "public_source", "detail": "social media: X"})
    _store(website, visitor, "external_information", FROM_REGISTER,
           source={"kind": "public_source", "detail": "public register"})
    # Each has a retention clock of three months (S1-12: usage events carry a rule)
    for record in (device, usage):
        assert record.retention_rule == "usage_3m"
        assert record.collected_at + timedelta(days=89) < record.expires_at <= record.collected_at + timedelta(days=92)
    # When the visitor asks for access (registered by a colleague) and the officer verifies and exports it
    filed = colleague(officer).post("/api/v1/requests", {"subject": visitor, "type": "access",
                                                         "channel": "contact_form"}, format="json").json()["id"]
    assert officer.post(f"/api/v1/requests/{filed}/verify", {"method": "id_copy", "redactions": REDACTIONS},
                        format="json").status_code == 200
    answer = officer.get(f"/api/v1/requests/{filed}/export")
    assert answer.status_code == 200, answer.content
    export = json.loads(answer.content)
    [block] = [p for p in export["purposes"] if p["purpose"] == "site_usage"]
    categories = {c["category"]: c for c in block["categories"]}
    # Then every kind of data is there under its own category
    assert set(categories) == {"device", "usage", "location", "external"}
    assert sorted(categories["device"]["fields"]) == ["device_id", "os_version", "settings"]
    assert sorted(categories["location"]["fields"]) == ["location", "origin"]
    assert all(c["retention"]["nl"] for c in categories.values())
    records = {r["type"]: [] for r in block["records"]}
    for r in block["records"]:
        records[r["type"]].append(r)
    assert records["device_data"][0]["data"] == DEVICE
    # Location data says where it came from: the device or the IP address (S1-13)
    assert sorted(r["data"]["origin"] for r in records["location_data"]) == ["device", "ip"]
    # Outside data names its source (S1-14)
    sources = sorted((r["source"]["kind"], r["source"]["detail"], r["data"]["source"])
                     for r in records["external_information"])
    assert sources == [("public_source", "public register", "public register"),
                       ("public_source", "social media: X", "social media: X")]
    assert "public_source" in categories["external"]["sources"]


@pytest.mark.promise("S1-13")
def test_location_data_without_its_origin_is_refused(kaart: Any) -> None:
    website = kaart["website"]
    visitor = website.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="site_usage").json()["id"]
    for data in ({"location": "Assen"}, {"location": "Assen", "origin": "guess"}):
        answer = website.post("/api/v1/records", {"subject": visitor, "type": "location_data", "data": data},
                              format="json", HTTP_X_PURPOSE="site_usage")
        assert answer.status_code == 422 and "data.origin" in answer.json()["errors"]


@pytest.mark.promise("S1-29")
def test_usage_data_is_not_readable_by_strangers(kaart: Any, anonymous: Any) -> None:
    website = kaart["website"]
    visitor = website.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="site_usage").json()["id"]
    record = _store(website, visitor, "device_data", DEVICE)
    url = f"/api/v1/records/{record.pk}"
    assert anonymous.get(url, {"purpose": "site_usage"}).status_code == 401
    for who in ("editor", "service", "website"):  # the website writes but never reads back
        answer = kaart[who].get(url, {"purpose": "site_usage"})
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert kaart["officer"].get(url, {"purpose": "site_usage"}).status_code == 200
