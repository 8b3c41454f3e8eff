"""The municipal policy report may carry free text the policy marks for policy use: in the rows only (each text
is its own, so never in the k-anonymous groups), with everyone in it replaced by tags; a field marked
`deidentify: drop` stays out. Ik zorg in Assen's policy with two such fields added to the application.
"""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import EXAMPLES, Persona, make_staff
from waarborg.engine.policy.active import activate
from waarborg.engine.policy.loader import load_text

ANCHOR = "      status: {category: payout, type: choice, choices: [submitted, granted, rejected]}\n"
PARTNERS = ["Marieke de Wit", "Fatma Yıldız", "Kwame Mensah", "Agnieszka Nowak", "Tesfay Ghebre"]
ADDED = ("      experience: {category: care_situation, type: longtext, policy_use: true}\n"
         "      private_note: {category: care_situation, type: longtext, policy_use: true, deidentify: drop}\n")


def test_free_text_for_policy_use_is_in_the_rows_with_no_one_named_and_dropped_text_is_not(db: Any) -> None:
    from waarborg.engine.records.actions import record_create, subject_create

    text = (EXAMPLES / "ikzorginassen.yaml").read_text()
    assert ANCHOR in text
    activate(load_text(text.replace(ANCHOR, ANCHOR + ADDED)))
    officer, assessor = Persona(*make_staff("pia", ["privacy_officer"])), Persona(*make_staff("anna", ["assessor"]))
    # given five carers, each telling about their care in their own words
    for i in range(5):
        subject = subject_create(assessor.user)
        record_create(assessor.user, subject=subject, type="application", purpose="eligibility", data={
            "name": f"Jan Persoon{i}", "phone": f"06111111{i:02d}", "address": f"Kerkstraat {i + 1}, Assen",
            "birth_date": "1960-05-01", "care_recipient_address": f"Molenweg {i + 1}, Assen", "edition": 2025,
            "hours_per_week": 12, "relationship": "partner",
            "experience": f"Ik zorg voor mijn vrouw {PARTNERS[i]}; de thuiszorg belt 06-2222222{i} te laat.",
            "private_note": "Vertrouwelijk: schulden bij de buren."})
    # when the privacy officer asks the policy report
    answer = officer.get("/api/v1/statistics/policy-report", HTTP_X_PURPOSE="policy_research")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    # then the groups are as before, and each row carries the experience with nobody in it
    assert body["groups"] == [{"hours_per_week": "8-15", "relationship": "partner", "count": 5}]
    assert body["texts"] == ["experience"] and len(body["rows"]) == 5
    said = json.dumps(body, ensure_ascii=False)
    assert "06-2222222" not in said and "Persoon" not in said
    for partner in PARTNERS:
        assert partner.split()[0] not in said and partner.split()[-1] not in said
    assert {r["experience"] for r in body["rows"]} == {
        "Ik zorg voor mijn vrouw [NAAM-1]; de thuiszorg belt [TELEFOON-1] te laat."}
    # and the field the policy drops is nowhere
    assert "private_note" not in said and "schulden" not in said
