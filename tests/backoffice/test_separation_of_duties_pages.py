"""The request page shows who registered, verified and reviewed; it offers no step a person may not take, and a
forged POST or download by the registrar gets a 403 page in Dutch, audited."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.backoffice.conftest import session
from tests.conftest import Persona, activate_example, make_staff
from tests.rights.conftest import ALL_REDACTIONS, audit, colleague, file_request
from waarborg.engine.rights.models import Delivery, Request


def test_a_visitor_is_sent_to_the_login_for_every_new_step(personas: dict[str, Any], anna: Any) -> None:
    request_id = file_request(personas["caseworker"], anna).data["id"]
    answer = Client().post(f"/backoffice/verzoeken/{request_id}/versturen", {"channel": "letter"})
    assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen")
    helpdesk = session(personas["caseworker"])
    assert helpdesk.post(f"/backoffice/verzoeken/{request_id}/versturen", {"channel": "letter"}).status_code == 403
    assert audit("backoffice.send.refused", actor="carl")


@pytest.mark.promise("S1-25", "S3-25")
def test_the_registrar_is_offered_no_step_of_a_colleague_and_a_forged_one_is_refused_in_dutch(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    registrar = colleague(officer)
    request_id = file_request(registrar, anna, "access", "post", id_copy="post/2026-041.pdf").data["id"]
    mine = session(registrar)
    # the registrar's page says who registered it and offers no verification
    page = mine.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert "data-registered-by>pia-collega (u)" in page
    assert "U heeft dit verzoek geregistreerd" in page
    assert f"/backoffice/verzoeken/{request_id}/verifieren" not in page
    # a forged verification is refused with a page in Dutch, and audited
    forged = mine.post(f"/backoffice/verzoeken/{request_id}/verifieren",
                       {"method": "id_copy", "redactions": ALL_REDACTIONS})
    assert forged.status_code == 403
    text = forged.content.decode()
    assert "Niet toegestaan" in text and "een collega moet de identiteit vaststellen" in text
    assert '<html lang="nl"' in text and 'data-reason="separation_of_duties"' in text
    [entry] = audit("request.verify.refused")
    assert (entry.actor, entry.reason) == ("pia-collega", "separation_of_duties")
    assert not Request.objects.get(pk=request_id).identity_verified

    # when a colleague verifies it in the back office
    theirs = session(officer)
    page = theirs.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert f"/backoffice/verzoeken/{request_id}/verifieren" in page and "(u)" not in page
    theirs.post(f"/backoffice/verzoeken/{request_id}/verifieren", {"method": "id_copy", "redactions": ALL_REDACTIONS})
    # then the registrar still sees no export and no send button, and a forged download or letter is refused
    page = mine.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert "data-verified-by>pia<" in page
    assert f"/backoffice/verzoeken/{request_id}/export" not in page
    assert f"/backoffice/verzoeken/{request_id}/versturen" not in page
    for forged in (mine.get(f"/backoffice/verzoeken/{request_id}/export?format=json"),
                   mine.post(f"/backoffice/verzoeken/{request_id}/versturen", {"channel": "letter", "format": "html"})):
        assert forged.status_code == 403 and "een collega moet de export" in forged.content.decode()
        assert "Anna de Vries" not in forged.content.decode()
    assert [e.action for e in audit("request.review.refused")] == ["request.review.refused"]
    assert [e.action for e in audit("request.deliver.refused")] == ["request.deliver.refused"]

    # the colleague reviews the export and makes the letter: the page shows who did what
    assert theirs.get(f"/backoffice/verzoeken/{request_id}/export?format=json").status_code == 200
    letter = theirs.post(f"/backoffice/verzoeken/{request_id}/versturen", {"channel": "letter", "format": "html"})
    assert letter.status_code == 200 and "attachment" in letter["Content-Disposition"]
    assert "Anna de Vries" in letter.content.decode()
    page = theirs.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert re.search(r"data-reviewed-by>pia<", page)
    assert "brief, HTML, aan subject, door pia" in page
    assert 'data-step="delivered"' in page and 'data-step="verified"' in page
    assert list(Delivery.objects.values_list("channel", "by__username")) == [("letter", "pia")]


def test_secure_mail_is_offered_in_the_back_office_only_where_the_policy_has_it(db: Any) -> None:
    activate_example("werkzaak")
    front = Persona(*make_staff("fenna", ["front_office"]))
    dpo, officer = Persona(*make_staff("fred", ["dpo"])), Persona(*make_staff("pia", ["privacy_officer"]))
    subject = front.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="questions").json()["id"]
    request_id = front.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "email",
                                                 "requester": {"contact": "jan@example.nl"}},
                            format="json").json()["id"]
    dpo.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    page = session(officer).get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert "Versturen via beveiligde mail" in page and "jan@example.nl" in page
    sent = session(officer).post(f"/backoffice/verzoeken/{request_id}/versturen", {"channel": "secure_mail"},
                                 follow=True)
    assert "Verstuurd naar de verzoeker" in sent.content.decode()
    assert list(Delivery.objects.values_list("channel", "to")) == [("secure_mail", "subject")]
    # under ikzorginassen there is no such button
    activate_example("ikzorginassen")
    officer2 = Persona(*make_staff("ivo", ["privacy_officer"]))
    page = session(officer2).get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert "Versturen via beveiligde mail" not in page and "Brief maken" in page
