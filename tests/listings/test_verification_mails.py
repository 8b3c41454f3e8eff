"""Twice a year each listed organisation is asked to check its data (S1-05); unanswered mails only flag a
listing, a person decides about removing it (S1-17)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from tests.listings.conftest import DE_LINDE, HUURTEAM, add_listing, audited
from waarborg.engine.jobs.models import JobRun
from waarborg.engine.jobs.registry import run_job
from waarborg.modules.listings.models import Listing, VerificationMail

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 1, 1, 6, 0, tzinfo=AMSTERDAM)


def run_daily(days: int, start: datetime = START, every: int = 1) -> list[JobRun]:
    """The scheduler's slot for the job, once a day (or every few days), over `days` days."""
    runs = []
    with time_machine.travel(start, tick=False) as clock:
        for day in range(0, days, every):
            clock.move_to(start + timedelta(days=day))
            runs.append(run_job("sociale_kaart", "scheduler"))
    return runs


def _link(body: str) -> str:
    match = re.search(r"https?://\S+/sociale-kaart/controle/(\S+)", body)
    assert match, body
    return match.group(1)


@pytest.mark.promise("S1-05")
def test_over_a_year_each_organisation_gets_exactly_two_verification_mails_six_months_apart(
        kaart: Any, mailoutbox: list[Any]) -> None:
    # Given two listed organisations with a verification address, and one without
    with time_machine.travel(START - timedelta(days=1), tick=False):
        add_listing(kaart["editor"], DE_LINDE, verification_email="controle@delinde.example.nl")
        add_listing(kaart["editor"], HUURTEAM, verification_email="beheer@huurteam.example.nl")
        no_address = add_listing(kaart["editor"], {**DE_LINDE, "name": "Buurthuis Oost"},
                                 verification_email="").json()["id"]
    # When the job runs every day for a year
    runs = run_daily(365)
    assert all(run.outcome == "ok" for run in runs)
    # Then each address got exactly two mails, about six months apart, each with a link to check the data
    by_address: dict[str, list[Any]] = {}
    for message in mailoutbox:
        assert len(message.to) == 1
        by_address.setdefault(message.to[0], []).append(message)
    assert sorted(by_address) == ["beheer@huurteam.example.nl", "controle@delinde.example.nl"]
    for address, messages in by_address.items():
        assert len(messages) == 2, address
        assert all("/sociale-kaart/controle/" in m.body and "controleren" in m.body for m in messages)
    sent = VerificationMail.objects.filter(status="sent").order_by("at")
    for listing in Listing.objects.exclude(verification=None):
        first, second = [m.at for m in sent.filter(listing=listing)]
        assert 178 <= (second - first).days <= 186
    # And every send is logged, without the address
    logged = audited("listing.verification_sent")
    assert len(logged) == 4
    assert all("@" not in str(e.detail) for e in logged)
    # And the organisation without a verification address is reported (once per half-year, not daily)
    reported = [run.summary["without_address"] for run in runs if run.summary.get("without_address")]
    assert reported == [[no_address], [no_address]]
    assert len(audited("listing.verification_no_address")) == 2


@pytest.mark.promise("S1-05")
def test_the_signed_link_shows_the_public_data_and_records_the_confirmation(kaart: Any,
                                                                            mailoutbox: list[Any]) -> None:
    add_listing(kaart["editor"])
    run_daily(1)
    token = _link(mailoutbox[0].body)
    with time_machine.travel(START + timedelta(days=3), tick=False):
        page = Client().get(f"/sociale-kaart/controle/{token}")
        assert page.status_code == 200 and DE_LINDE["name"] in page.content.decode()
        assert "controle@delinde.example.nl" not in page.content.decode()
        assert Client().post(f"/sociale-kaart/controle/{token}").status_code == 200
        # A forged or altered link opens nothing
        assert Client().get(f"/sociale-kaart/controle/{token[:-2]}xx").status_code == 404
    assert VerificationMail.objects.get(status="sent").confirmed_at is not None
    assert len(audited("listing.verification_confirm")) == 1
    # Nor does a link older than four months
    with time_machine.travel(START + timedelta(days=121), tick=False):
        assert Client().get(f"/sociale-kaart/controle/{token}").status_code == 404


@pytest.mark.promise("S1-17")
def test_unanswered_verification_mails_only_flag_the_listing_until_an_editor_removes_it(
        kaart: Any, mailoutbox: list[Any], anonymous: Any) -> None:
    # Given a listing whose organisation never answers
    with time_machine.travel(START - timedelta(days=1), tick=False):
        created = add_listing(kaart["editor"]).json()
    # When the job has run for a year and a half (three mails, none confirmed)
    run_daily(3 * 183, every=7)
    listing = Listing.objects.get(pk=created["id"])
    # Then the listing is flagged for an editor, and still on the public map
    assert len(mailoutbox) == 3
    assert listing.flag_reason == "verification_unanswered" and listing.flagged_at is not None
    assert listing.published is True
    assert [item["id"] for item in anonymous.get("/api/v1/sociale-kaart/listings").json()] == [created["id"]]
    assert [e.actor for e in audited("listing.flag")] == ["system:listing_verification"]
    flagged = kaart["editor"].get("/api/v1/listings", {"purpose": "listing"}).json()
    assert flagged[0]["flagged"] is True and flagged[0]["flag_reason"] == "verification_unanswered"
    # And only a person takes it off the map, which is recorded with who and why
    answer = kaart["editor"].post(f"/api/v1/listings/{created['id']}/unpublish",
                                  {"reason": "verification_unanswered"}, format="json")
    assert answer.status_code == 200
    assert anonymous.get("/api/v1/sociale-kaart/listings").json() == []
    [decision] = audited("listing.unpublish")
    assert decision.actor == "eva" and decision.detail["reason"] == "verification_unanswered"


def test_a_failing_mail_relay_records_nothing_and_the_next_run_tries_again(kaart: Any, mailoutbox: list[Any],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from waarborg.modules.listings import verification

    add_listing(kaart["editor"])

    def relay_down(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError("relay down")

    with monkeypatch.context() as patch:
        patch.setattr(verification, "send_mail", relay_down)
        [failed] = run_daily(1)
    assert len(failed.summary["failed"]) == 1 and not VerificationMail.objects.exists()
    run_daily(1, start=START + timedelta(days=1))
    assert len(mailoutbox) == 1 and VerificationMail.objects.filter(status="sent").count() == 1


def test_an_organisation_that_restricted_the_processing_gets_no_verification_mail(kaart: Any,
                                                                                  mailoutbox: list[Any]) -> None:
    from waarborg.engine.consent.objections import restriction_set

    created = add_listing(kaart["editor"]).json()
    listing = Listing.objects.get(pk=created["id"])
    restriction_set(kaart["officer"].user, subject=listing.subject, purpose="verification")
    [run] = run_daily(1)
    assert run.summary["refused"] == [created["id"]] and mailoutbox == []
    assert len(audited("read.refused", reason="restricted")) == 1
