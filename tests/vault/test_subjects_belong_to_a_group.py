"""A subject belongs to one group of the policy's `subject_groups`; a policy without groups (the first five examples)
works as before: no group is asked, none may be named, and every purpose is open to every subject."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff


@pytest.mark.django_db
def test_without_groups_in_the_policy_a_subject_has_none_and_may_have_every_purpose() -> None:
    from waarborg.engine.vault.models import Record, Subject

    activate_example("kwartier")
    worker = Persona(*make_staff("sanne", ["social_worker"], team="wijkteam_noord"))
    named = worker.post("/api/v1/subjects", {"group": "clients"}, format="json", HTTP_X_PURPOSE="support")
    assert named.status_code == 422 and "group" in named.json()["errors"]
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    stored = worker.post("/api/v1/records", {"subject": subject, "type": "client_file", "data": {
        "name": "Joke de Vries", "request": "Hulp bij de administratie", "source": "self"}}, format="json",
        HTTP_X_PURPOSE="support")
    assert stored.status_code == 201, stored.content
    assert Subject.objects.get(pk=subject).group == "" and Record.objects.get().group == ""


@pytest.mark.django_db
def test_a_subject_of_the_old_policy_joins_the_default_group_of_a_new_one() -> None:
    from waarborg.engine.vault.models import Record

    # given a subject registered before the policy had groups
    activate_example("kwartier")
    worker = Persona(*make_staff("sanne", ["social_worker"], team="wijkteam_noord"))
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    # when a policy with groups takes over, the subject counts as one of its default group (clients)
    activate_example("lindehof")
    carer = Persona(*make_staff("esther", ["carer"], team="team_oost"))
    _assign(subject, "home_care", "esther")
    stored = carer.post("/api/v1/records", {"subject": subject, "type": "care_report",
                                            "data": {"report": "Kennismaking"}}, format="json",
                        HTTP_X_PURPOSE="home_care")
    assert stored.status_code == 201, stored.content
    assert Record.objects.get(pk=stored.json()["id"]).group == "clients"
    # and a relatives-only purpose stays closed to them
    refused = carer.post("/api/v1/records", {"subject": subject, "type": "contact_person", "data": {
        "name": "Marieke", "phone": "0612345678", "relation": "kind"}}, format="json", HTTP_X_PURPOSE="contact_persons")
    assert refused.status_code == 403 and refused.json()["reason"] == "group_purpose_mismatch"


def _assign(subject: str, purpose: str, username: str) -> Any:
    from waarborg.audiences.cli import main

    assert main(["assign", subject, "--purpose", purpose, "--to", username]) == 0
