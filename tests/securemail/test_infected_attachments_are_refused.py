"""S2-24: uploads are virus-scanned (the EICAR test file is refused and nothing is stored), backups run on a
schedule, and changes to who may access what are logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.securemail.conftest import SENDER, ask_code
from waarborg.engine.accounts.actions import staff_create
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.jobs.registry import job
from waarborg.engine.vault.scan import threat_in

# The standard anti-virus test file (harmless by design), split so this source file is not flagged itself.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


@pytest.mark.promise("S2-24")
def test_an_infected_attachment_is_refused_and_nothing_is_stored(
        werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    from waarborg.modules.securemail.models import SecureAttachment, SecureMessage

    code = ask_code(public, mailoutbox)
    body = {"name": "Jan Jansen", "email": SENDER, "code": code, "message": "zie bijlage",
            "attachment": SimpleUploadedFile("factuur.pdf", EICAR, content_type="application/pdf")}
    answer = public.post("/api/v1/secure-mail/messages", body, format="multipart")
    assert answer.status_code == 422
    assert "virus" in answer.json()["errors"]["attachment"][0]
    assert SecureMessage.objects.count() == 0 and SecureAttachment.objects.count() == 0
    # the code was not spent on the refused upload: a clean attachment still goes through with it
    body["attachment"] = SimpleUploadedFile("factuur.pdf", b"%PDF-1.4 factuur", content_type="application/pdf")
    assert public.post("/api/v1/secure-mail/messages", body, format="multipart").status_code == 201


@pytest.mark.promise("S2-24")
def test_backups_are_scheduled_and_access_changes_are_logged(policy: Any) -> None:
    assert threat_in(EICAR) == "Eicar-Test-Signature" and threat_in(b"gewone tekst") is None
    assert job("backup_create").daily_at is not None and job("backup_prune").daily_at is not None
    staff_create("nina", ["helpdesk"], by="system:cli")
    entry = AuditEntry.objects.get(action="staff.create")
    assert entry.detail["roles"] == ["helpdesk"]
