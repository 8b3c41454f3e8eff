"""The queue lists open requests by due date, the overdue ones first and marked."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.utils import timezone

from tests.backoffice.conftest import session
from tests.rights.conftest import file_request


def test_the_queue_is_ordered_by_due_date_and_marks_what_is_overdue(personas: dict[str, Any], anna: Any,
                                                                   bert: Any) -> None:
    officer = personas["privacy_officer"]
    now = timezone.now()
    recent = file_request(officer, anna, "access", received_at=(now - timedelta(days=2)).isoformat()).data["id"]
    late = file_request(officer, bert, "erasure", "post", received_at=(now - timedelta(days=35)).isoformat()).data["id"]
    middle = file_request(officer, anna, "complaint", received_at=(now - timedelta(days=10)).isoformat()).data["id"]
    closed = file_request(officer, bert, "complaint").data["id"]
    officer.post(f"/api/v1/requests/{closed}/close", {"outcome": "resolved"}, format="json")
    page = session(officer).get("/backoffice/verzoeken/").content.decode()
    rows = re.findall(r'<tr data-request="([0-9a-f-]+)"( class="overdue")?', page)
    assert [r[0] for r in rows] == [late, middle, recent]  # the closed one is not in the open queue
    assert [bool(r[1]) for r in rows] == [True, False, False]
    assert "1 te laat" in page
    everything = session(officer).get("/backoffice/verzoeken/?alle=1").content.decode()
    assert closed in everything
