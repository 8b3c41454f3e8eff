"""Only staff whose role handles requests get into the back office; others are refused and logged."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.backoffice.conftest import session
from tests.rights.conftest import PASSWORD, audit, citizen_account, file_request

STAFF_PASSWORD = "backoffice-wachtwoord-9"


def test_a_visitor_is_sent_to_the_login(personas: dict[str, Any], anna: Any) -> None:
    request_id = file_request(personas["privacy_officer"], anna).data["id"]
    for path in ("/backoffice/verzoeken/", f"/backoffice/verzoeken/{request_id}",
                 f"/backoffice/verzoeken/{request_id}/export"):
        answer = Client().get(path)
        assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen"), path


def test_staff_without_a_request_role_are_refused_and_logged(personas: dict[str, Any], anna: Any) -> None:
    request_id = file_request(personas["privacy_officer"], anna).data["id"]
    helpdesk = session(personas["caseworker"])
    assert helpdesk.get("/backoffice/verzoeken/").status_code == 403
    answer = helpdesk.post(f"/backoffice/verzoeken/{request_id}/verifieren",
                           {"method": "id_copy", "redactions": ["photo", "mrz", "document_number", "bsn"]})
    assert answer.status_code == 403
    assert [e.reason for e in audit("backoffice.queue.refused")] == ["role_not_granted"]
    assert len(audit("backoffice.verify.refused")) == 1
    assert personas["privacy_officer"].get(f"/api/v1/requests/{request_id}").json()["identity_verified"] is False


def test_staff_log_in_with_their_password_citizens_cannot(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"].user
    officer.set_password(STAFF_PASSWORD)
    officer.save()
    client = Client()
    wrong = client.post("/backoffice/inloggen", {"username": "pia", "password": "fout"})
    assert wrong.status_code == 200 and 'role="alert"' in wrong.content.decode()
    assert [e.reason for e in audit("backoffice.login", outcome="refused")] == ["wrong_credentials"]
    right = client.post("/backoffice/inloggen", {"username": "pia", "password": STAFF_PASSWORD})
    assert right.status_code == 302 and right["Location"] == "/backoffice/"
    assert client.get("/backoffice/verzoeken/").status_code == 200
    # a citizen's portal account does not open the back office
    username = citizen_account(anna).username
    citizen = Client().post("/backoffice/inloggen", {"username": username, "password": PASSWORD})
    assert citizen.status_code == 200 and "voor medewerkers" in citizen.content.decode()
