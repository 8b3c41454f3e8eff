"""Criminal data (art. 10 AVG, a VOG) never leaves without a ground of the recipient's own: the host organisation of
Vrijwilligerspunt De Brug names one and hears that a volunteer's VOG is in order; the same policy without that
ground refuses the disclosure with 403 `criminal_data_no_ground`, on record, while the volunteer's other data may
still go. `policy check` warns about such a recipient beforehand (tests/policy/test_checks_that_know_the_law.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import EXAMPLES, Persona, make_staff
from tests.disclosures.conftest import refused_entries

GROUND = '    art10_ground: "art. 33 lid 4 sub a UAVG: de organisatie beoordeelt'


def _de_brug(with_ground: bool) -> None:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    text = (EXAMPLES / "debrug.yaml").read_text(encoding="utf-8")
    if not with_ground:
        assert text.count(GROUND) == 1
        start = text.index(GROUND)
        text = text[:start] + text[text.index("\n", start) + 1:]
    loaded = load_text(text, "debrug.yaml")
    assert bool(loaded.warnings) is not with_ground  # `policy check` says it beforehand
    activate(loaded)


def _volunteer_with_a_vog(consultant: Persona) -> str:
    subject = consultant.post("/api/v1/subjects", {"group": "volunteers"}, format="json",
                              HTTP_X_PURPOSE="vog").json()["id"]
    for type, purpose, data in (
            ("volunteer_profile", "volunteering", {"name": "Ahmed El Amrani", "email": "ahmed@example.org"}),
            ("vog_check", "vog", {"issued_on": "2026-11-20", "screening": "kinderen"})):
        answer = consultant.post("/api/v1/records", {"subject": subject, "type": type, "data": data}, format="json",
                                 HTTP_X_PURPOSE=purpose)
        assert answer.status_code == 201, answer.content
    return str(subject)


def _tell_host(consultant: Persona, subject: str, purpose: str, categories: list[str]) -> Any:
    return consultant.post("/api/v1/disclosures", {
        "subject": subject, "recipient": "host_organisations", "purpose": purpose, "reason": "legitimate_interest",
        "categories": categories}, format="json")


@pytest.mark.django_db
def test_a_vog_goes_only_to_a_recipient_with_its_own_art10_ground() -> None:
    from waarborg.engine.disclosures.models import Disclosure

    # given De Brug's policy, but without the host organisation's art. 10 ground
    _de_brug(with_ground=False)
    consultant = Persona(*make_staff("daan", ["consultant"]))
    ahmed = _volunteer_with_a_vog(consultant)
    # when the consultant tells the host organisation that the VOG is in order
    refused = _tell_host(consultant, ahmed, "vog", ["vog"])
    # then it is refused with the reason, on record, and nothing left
    assert refused.status_code == 403 and refused.json()["reason"] == "criminal_data_no_ground", refused.content
    assert "art. 10" in refused.json()["detail"]
    assert len(refused_entries("criminal_data_no_ground")) == 1 and not Disclosure.objects.exists()
    # his name and e-mail address for the introduction may still go
    assert _tell_host(consultant, ahmed, "volunteering", ["identity", "contact"]).status_code == 201


@pytest.mark.django_db
def test_with_the_ground_the_same_disclosure_is_made() -> None:
    _de_brug(with_ground=True)
    consultant = Persona(*make_staff("daan", ["consultant"]))
    told = _tell_host(consultant, _volunteer_with_a_vog(consultant), "vog", ["vog"])
    assert told.status_code == 201, told.content
    assert told.json()["categories"] == ["vog"]
