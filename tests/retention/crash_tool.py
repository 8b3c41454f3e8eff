"""Helper process for the kill -9 test: `populate` a database with expired and live records, or print
its `state` as JSON. Runs outside pytest, against the database named by DATABASE_URL."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo


def populate(count: int) -> dict[str, Any]:
    from waarborg.engine.records.actions import record_create, subject_create
    from waarborg.engine.vault import gates

    gates._gates.clear()  # access is not under test here; the import runs as a system job
    actor = "system:import"
    now = datetime.now(tz=ZoneInfo("Europe/Amsterdam"))
    manifest: dict[str, Any] = {"expired": {}, "live": []}
    tip = {"tip": "Meer bankjes in het park.", "email": "iemand@example.org"}
    payout = {"iban": "NL91ABNA0417164300", "account_holder": "A. Jansen", "amount": "250.00", "edition": 2020,
              "paid_on": "2020-12-15"}
    for i in range(count):
        subject = subject_create(actor)
        if i % 5 == 4:  # still live: collected last week
            record = record_create(actor, subject=subject, type="tip", data=tip, purpose="tips",
                                   collected_at=now - timedelta(days=7))
            manifest["live"].append(str(record.pk))
        elif i % 5 == 3:  # expired long ago, anonymised by the sweep
            record = record_create(actor, subject=subject, type="payout", data=payout, purpose="payout",
                                   collected_at=now - timedelta(days=6 * 365 + i))
            manifest["expired"][str(record.pk)] = "anonymise"
        else:
            record = record_create(actor, subject=subject, type="tip", data=tip, purpose="tips",
                                   collected_at=now - timedelta(days=400 + i))
            manifest["expired"][str(record.pk)] = "delete"
    return manifest


def state() -> dict[str, Any]:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.vault.models import Record

    records = {str(r["id"]): {"subject": str(r["subject_id"]) if r["subject_id"] else None, "plain": r["plain"],
                              "sealed": r["sealed"] is not None, "anonymised": r["anonymised_at"] is not None}
               for r in Record.objects.values("id", "subject_id", "plain", "sealed", "anonymised_at")}
    audits: dict[str, list[str]] = {}
    for record_id, action, detail in AuditEntry.objects.filter(
            action__in=["record.delete", "record.anonymise"]).values_list("record_id", "action", "detail"):
        # A record's own entry, or the sweep's grouped entry listing it.
        for covered in detail["items"]["record"] if not record_id else [record_id]:
            audits.setdefault(covered, []).append(action)
    from waarborg.engine.audit.log import verify

    checked, broken = verify()
    return {"records": records, "audits": audits, "audit_checked": checked,
            "audit_broken": broken.entry_id if broken else None}


def main() -> None:
    import django

    django.setup()
    if sys.argv[1] == "populate":
        print(json.dumps(populate(int(sys.argv[2]))))
    else:
        print(json.dumps(state()))


if __name__ == "__main__":
    main()
