"""`waarborg audit verify` names the first broken entry, even when the append-only triggers are gone."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from waarborg.audiences.cli import main
from waarborg.engine.audit import append_only
from waarborg.engine.audit.models import AuditEntry

pytestmark = pytest.mark.promise("S0-22", "S4-12")


def tamper(sql: str, params: list[Any]) -> None:
    """What an attacker with the table owner's rights would do: drop the triggers, then edit."""
    append_only.lift(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_intact_chain_exits_0_and_prints_the_count(processed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    total = AuditEntry.objects.count()
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"audit chain intact: {total} entries"


def test_an_edited_entry_is_named(processed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the read of the application, rewritten to look like it had another purpose
    read = AuditEntry.objects.get(action="record.read")
    tamper("UPDATE audit_auditentry SET purpose = 'helpdesk' WHERE id = %s", [read.pk])
    # when the chain is verified, then it fails at exactly that entry
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"broken at entry {read.pk}:" in err
    assert "changed" in err


def test_an_edited_actor_is_named_even_when_it_is_the_first_entry(processed: Any,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    first = AuditEntry.objects.order_by("id").first()
    assert first is not None
    tamper("UPDATE audit_auditentry SET actor = 'someone-else' WHERE id = %s", [first.pk])
    assert main(["audit", "verify"]) == 1
    assert f"broken at entry {first.pk}:" in capsys.readouterr().err


def test_a_deleted_middle_entry_is_named_once_a_checkpoint_sealed_it(processed: Any,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # Given the log ... subject.create, record.create, record.read, sealed by a checkpoint
    assert main(["audit", "checkpoint"]) == 0
    created = AuditEntry.objects.get(action="record.create")
    # when the record.create is removed
    tamper("DELETE FROM audit_auditentry WHERE id = %s", [created.pk])
    # then verify names exactly that entry as removed
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"broken at entry {created.pk}:" in err
    assert "removed" in err


def test_an_entry_timed_in_local_time_still_verifies(policy: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # Given an entry whose time was given in Amsterdam time (the database hands it back in UTC)
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from waarborg.engine.audit.log import append

    append(action="record.read", actor="system:import", at=timezone.now().astimezone(ZoneInfo("Europe/Amsterdam")))
    # then the chain is intact
    assert main(["audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
