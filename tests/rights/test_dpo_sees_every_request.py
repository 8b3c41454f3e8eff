"""The FG (DPO) sees every request and is told of each one as it arrives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from tests.conftest import Persona, make_staff
from tests.rights.conftest import file_request

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"


@pytest.fixture
def fg(policy: Any) -> Persona:
    """A policy with an FG role (dpo: true) and a staff member holding it."""
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "\nroles:\n", "\nroles:\n  fg:\n    label: {nl: Functionaris Gegevensbescherming, en: DPO}\n    dpo: true\n", 1)
    activate(load_text(text, "with-fg.yaml"))
    user, key = make_staff("fenna", ["fg"], email="fg@valtes.nl")
    return Persona(user, key)


@pytest.mark.promise("S3-28")
def test_the_fg_sees_every_request_and_is_notified_of_each(
        personas: dict[str, Any], anna: Any, bert: Any, fg: Persona,
        django_capture_on_commit_callbacks: Any) -> None:
    # given requests registered by the helpdesk and by the privacy officer
    with django_capture_on_commit_callbacks(execute=True):
        by_helpdesk = file_request(personas["caseworker"], anna, "erasure", "phone").data["id"]
        by_officer = file_request(personas["privacy_officer"], bert, "access", "email").data["id"]
    # then the FG sees both
    listed = fg.get("/api/v1/requests")
    assert listed.status_code == 200
    assert {r["id"] for r in listed.json()} == {by_helpdesk, by_officer}
    assert fg.get(f"/api/v1/requests/{by_helpdesk}").status_code == 200
    # and was told of each, without any personal data in the mail
    to_fg = [m for m in mail.outbox if "fg@valtes.nl" in m.to]
    assert len(to_fg) == 2
    assert {by_helpdesk, by_officer} == {m.subject.rsplit(" ", 1)[-1] for m in to_fg}
    assert all("privacy@valtes.nl" in m.to for m in to_fg)
    assert not any("Anna" in m.body or "Bert" in m.body for m in mail.outbox)


def test_no_mail_goes_out_for_a_request_that_was_not_stored(personas: dict[str, Any], anna: Any,
                                                            django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        refused = file_request(personas["privacy_officer"], anna, channel="pigeon")
    assert refused.status_code == 422
    assert mail.outbox == []
