"""The assessor's queue (`/backoffice/beoordelen/`) on ikzorginassen's shipped policy: the applications without
a decision, oldest first, with buttons to grant, reject and flag. Four eyes where the policy's decisions ask for
it: whoever flags a suspicion of fraud is not offered, and is refused, rejecting on it or clearing it; a
colleague who decides does."""

from __future__ import annotations

import re
from typing import Any

from tests.dayswork.conftest import signed_in
from tests.rights.conftest import audit, colleague


def _cases(page: Any) -> list[str]:
    assert page.status_code == 200, page.content
    return re.findall(r'<li data-record="([^"]+)"', page.content.decode())


def _application(subject: Any) -> Any:
    from waarborg.engine.vault.models import Record

    return Record.objects.get(subject=subject, type="application")


def test_an_assessor_grants_an_application_from_the_queue(personas: dict[str, Any], anna: Any, bert: Any) -> None:
    anna_app, bert_app = _application(anna), _application(bert)
    assessor = signed_in(personas["assessor"])
    # the queue lists both applications, no data of either
    page = assessor.get("/backoffice/beoordelen/")
    assert _cases(page) == [str(anna_app.pk), str(bert_app.pk)]
    assert "Anna de Vries" not in page.content.decode() and "Kerkstraat" not in page.content.decode()
    # she grants Anna's with her reasoning: it leaves the queue, and the decision is on record
    done = assessor.post(f"/backoffice/beoordelen/{anna_app.pk}/beslissen",
                         {"outcome": "granted", "reasoning": "Voldoet aan de voorwaarden"}, follow=True)
    assert "De beslissing is vastgelegd" in done.content.decode()
    assert _cases(assessor.get("/backoffice/beoordelen/")) == [str(bert_app.pk)]
    assert [e.detail["outcome"] for e in audit("decision.set", actor="anna")] == ["granted"]
    # a reasoning is required: the page says so, nothing is decided
    empty = assessor.post(f"/backoffice/beoordelen/{bert_app.pk}/beslissen", {"outcome": "rejected",
                                                                               "reasoning": " "}, follow=True)
    assert "Leg de beslissing uit" in empty.content.decode()
    assert _cases(assessor.get("/backoffice/beoordelen/")) == [str(bert_app.pk)]


def test_a_suspicion_of_fraud_takes_four_eyes(personas: dict[str, Any], bert: Any) -> None:
    app = _application(bert)
    anna_staff = personas["assessor"]
    other = colleague(anna_staff)
    mine, theirs = signed_in(anna_staff), signed_in(other)
    # she flags a suspicion of fraud
    flagged = mine.post(f"/backoffice/beoordelen/{app.pk}/signaleren",
                        {"kind": "suspected_fraud", "reason": "Zelfde rekeningnummer als een andere aanvraag"},
                        follow=True)
    assert "een collega beoordeelt" in flagged.content.decode()
    from waarborg.engine.decisions.models import Flag

    flag = Flag.objects.get(record=app)
    # her queue offers her neither rejecting nor clearing; it says a colleague does
    page = mine.get("/backoffice/beoordelen/").content.decode()
    assert 'value="rejected"' not in page and f"/backoffice/signaleringen/{flag.pk}/opheffen" not in page
    assert "door u gemeld" in page
    # a forged rejection by her is refused, on record
    forged = mine.post(f"/backoffice/beoordelen/{app.pk}/beslissen",
                       {"outcome": "rejected", "reasoning": "Fraude"})
    assert forged.status_code == 403
    assert audit("decision.set.refused", reason="separation_of_duties")
    # her colleague sees both steps, and clears the flag after looking into it
    page = theirs.get("/backoffice/beoordelen/").content.decode()
    assert 'value="rejected"' in page and f"/backoffice/signaleringen/{flag.pk}/opheffen" in page
    cleared = theirs.post(f"/backoffice/signaleringen/{flag.pk}/opheffen",
                          {"reasoning": "Gezamenlijke rekening van echtgenoten"}, follow=True)
    assert "De signalering is opgeheven" in cleared.content.decode()
    assert [e.actor for e in audit("decision.flag_clear")] == [other.user.username]


def test_the_queue_is_for_those_who_decide(personas: dict[str, Any], anna: Any) -> None:
    from django.test import Client

    assert Client().get("/backoffice/beoordelen/").status_code == 302
    for who in ("caseworker", "privacy_officer"):
        assert signed_in(personas[who]).get("/backoffice/beoordelen/").status_code == 403, who
    app = _application(anna)
    forged = signed_in(personas["caseworker"]).post(f"/backoffice/beoordelen/{app.pk}/beslissen",
                                                    {"outcome": "granted", "reasoning": "x"})
    assert forged.status_code == 403 and audit("backoffice.decide.refused", actor="carl")


def test_a_kwartier_worker_sees_only_the_cases_of_her_caseload(kwartier: dict[str, Any]) -> None:
    from tests.caseloads.conftest import new_subject

    jan = new_subject(kwartier["worker"], "support", external_id="kw-401")
    stored = kwartier["worker"].post("/api/v1/records", {"subject": jan, "type": "client_file", "data": {
        "name": "Jan Jansen", "request": "Hulp", "source": "self"}}, format="json", HTTP_X_PURPOSE="support")
    assert stored.status_code == 201, stored.content
    assert _cases(signed_in(kwartier["worker"]).get("/backoffice/beoordelen/")) == [stored.json()["id"]]
    assert _cases(signed_in(kwartier["other_team"]).get("/backoffice/beoordelen/")) == []
