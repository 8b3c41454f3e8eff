"""Everyone can read the sociale kaart: name, address, phone and public e-mail, and nothing else (S1-01,
S1-03, S1-04), browsed and searched by theme (S1-33)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.listings.conftest import DE_LINDE, HUURTEAM, add_listing, audited
from waarborg.modules.listings.models import PublicReads

PUBLIC_KEYS = {"id", "name", "address", "phone", "email", "theme", "theme_label"}


@pytest.mark.promise("S1-01", "S1-03", "S1-04")
def test_an_anonymous_visitor_reads_a_listing_without_its_verification_address(kaart: Any, anonymous: Any) -> None:
    # Given a listing with a separate verification address
    created = add_listing(kaart["editor"], verification_email="controle@delinde.example.nl")
    assert created.status_code == 201, created.content
    # When a visitor without an account or purpose header asks for the map and for the listing
    listed = anonymous.get("/api/v1/sociale-kaart/listings")
    one = anonymous.get(f"/api/v1/sociale-kaart/listings/{created.json()['id']}")
    # Then both show name, address, phone and public e-mail
    assert listed.status_code == 200 and one.status_code == 200
    assert set(one.json()) == PUBLIC_KEYS
    assert {k: one.json()[k] for k in ("name", "address", "phone", "email")} == {
        k: DE_LINDE[k] for k in ("name", "address", "phone", "email")}
    assert listed.json() == [one.json()]
    # And the verification address appears nowhere: not in the JSON, not on the HTML pages
    page = Client().get(f"/sociale-kaart/{created.json()['id']}").content.decode()
    index = Client().get("/sociale-kaart/").content.decode()
    assert DE_LINDE["name"] in page and DE_LINDE["phone"] in index
    for text in (listed.content.decode(), one.content.decode(), page, index):
        assert "controle@delinde.example.nl" not in text


@pytest.mark.promise("S1-03")
def test_a_listing_is_published_under_the_contract_with_the_municipality(kaart: Any) -> None:
    from waarborg.engine.vault.models import Record

    created = add_listing(kaart["editor"]).json()
    record = Record.objects.get(pk=created["record"])
    assert (record.purpose, record.basis) == ("listing", "contract")
    published = audited("listing.publish")
    assert [e.detail["recipient"] for e in published] == ["public"]


@pytest.mark.promise("S1-01")
def test_a_listing_holds_no_other_fields_than_name_address_phone_email_and_theme(kaart: Any) -> None:
    answer = add_listing(kaart["editor"], {**DE_LINDE, "birth_date": "1970-01-01"})
    # the serializer ignores unknown keys; the vault stores only declared fields
    assert answer.status_code == 201
    from waarborg.engine.vault.models import Record

    assert set(Record.objects.get(pk=answer.json()["record"]).plain) == {"name", "address", "phone", "email", "theme"}


@pytest.mark.promise("S1-33")
def test_visitors_browse_and_search_the_map_by_theme(kaart: Any, anonymous: Any) -> None:
    add_listing(kaart["editor"], DE_LINDE)
    add_listing(kaart["editor"], HUURTEAM)
    # The four themes of the statement, with how many organisations each has
    themes = anonymous.get("/api/v1/sociale-kaart/themes").json()
    assert [(t["id"], t["label"], t["count"]) for t in themes] == [
        ("wonen", "Wonen", 1), ("zorg_welzijn", "Zorg & welzijn", 1), ("werk_inkomen", "Werk & inkomen", 0),
        ("kinderen_jeugd", "Kinderen & jeugd", 0)]
    # Browsing one theme shows only its organisations; searching narrows by name
    wonen = anonymous.get("/api/v1/sociale-kaart/listings", {"theme": "wonen"}).json()
    assert [item["name"] for item in wonen] == ["Huurteam Assen"]
    found = anonymous.get("/api/v1/sociale-kaart/listings", {"theme": "zorg_welzijn", "q": "linde"}).json()
    assert [item["name"] for item in found] == ["Zorgboerderij De Linde"]
    assert anonymous.get("/api/v1/sociale-kaart/listings", {"theme": "wonen", "q": "linde"}).json() == []
    # The public page does the same
    page = Client().get("/sociale-kaart/", {"theme": "wonen"}).content.decode()
    assert "Huurteam Assen" in page and "De Linde" not in page
    assert anonymous.get("/api/v1/sociale-kaart/listings", {"theme": "sport"}).status_code == 422


def test_public_reads_are_counted_per_day_and_audited_once_not_per_visitor(kaart: Any, anonymous: Any) -> None:
    import time_machine

    from waarborg.modules.listings.jobs import daily_job
    from waarborg.modules.listings.public import close_days

    created = add_listing(kaart["editor"]).json()
    before = len(audited("listing.public_reads"))
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        for _ in range(3):
            anonymous.get(f"/api/v1/sociale-kaart/listings/{created['id']}")
        anonymous.get("/api/v1/sociale-kaart/listings")
        # no entry per visitor while the day runs
        assert len(audited("listing.public_reads")) == before
        assert close_days() == 0
    with time_machine.travel("2026-03-03 06:00 +01:00", tick=False):
        daily_job()
    entries = {e.detail["kind"]: e.detail for e in audited("listing.public_reads")}
    assert entries["listing"]["count"] == 3 and entries["list"]["count"] == 1
    assert entries["listing"]["day"] == "2026-03-02"
    assert all(e.actor_kind == "system" and not e.subject_pseudonym for e in audited("listing.public_reads"))
    assert PublicReads.objects.filter(audited_at=None).count() == 0


def test_an_unpublished_listing_is_not_on_the_public_map(kaart: Any, anonymous: Any) -> None:
    created = add_listing(kaart["editor"]).json()
    answer = kaart["editor"].post(f"/api/v1/listings/{created['id']}/unpublish", {"reason": "organisation_stopped"},
                                  format="json")
    assert answer.status_code == 200 and answer.json()["published"] is False
    assert anonymous.get("/api/v1/sociale-kaart/listings").json() == []
    assert anonymous.get(f"/api/v1/sociale-kaart/listings/{created['id']}").status_code == 404


def test_a_listing_whose_processing_is_restricted_is_withheld_from_the_public_map(kaart: Any, anonymous: Any) -> None:
    from waarborg.engine.consent.objections import restriction_lift, restriction_set
    from waarborg.modules.listings.models import Listing

    created = add_listing(kaart["editor"]).json()
    listing = Listing.objects.get(pk=created["id"])
    restriction = restriction_set(kaart["officer"].user, subject=listing.subject, purpose="listing",
                                  reason="accuracy contested")
    assert anonymous.get("/api/v1/sociale-kaart/listings").json() == []
    assert anonymous.get(f"/api/v1/sociale-kaart/listings/{created['id']}").status_code == 404
    restriction_lift(kaart["officer"].user, restriction)
    assert [item["id"] for item in anonymous.get("/api/v1/sociale-kaart/listings").json()] == [created["id"]]
