"""Staff are offered only what they can do, on ikzorginassen's shipped policy: a wrong verification method
lists the methods staff can use (never `portal_login`, the subject's own step in the portal), and an erasure
request shows its erase button only once the identity is verified."""

from __future__ import annotations

from typing import Any

from tests.backoffice.conftest import session
from tests.rights.conftest import ALL_REDACTIONS, colleague, file_request


def test_a_wrong_method_lists_the_methods_staff_can_use(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    filed = file_request(colleague(officer), anna, "access").data["id"]
    answer = officer.post(f"/api/v1/requests/{filed}/verify", {"method": "fax"}, format="json")
    assert answer.status_code == 422
    assert answer.json()["errors"]["method"] == ["kies uit / choose from id_copy"]


def test_the_erase_button_shows_only_once_the_identity_is_verified(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    filed = file_request(colleague(officer), anna, "erasure").data["id"]
    page = session(officer).get(f"/backoffice/verzoeken/{filed}").content.decode()
    assert f"/backoffice/verzoeken/{filed}/verwijderen" not in page
    assert "Verwijderen kan pas na vaststelling van de identiteit" in page
    verified = officer.post(f"/api/v1/requests/{filed}/verify", {"method": "id_copy", "redactions": ALL_REDACTIONS},
                            format="json")
    assert verified.status_code == 200
    page = session(officer).get(f"/backoffice/verzoeken/{filed}").content.decode()
    assert f"/backoffice/verzoeken/{filed}/verwijderen" in page
