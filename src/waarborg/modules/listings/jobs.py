"""The sociale kaart's daily job: verification mails when due (S1-05), and yesterday's public reads
written to the audit log as one count per kind of page. Where the policy does not switch the listings module
on, the job registry skips it (`Job.module`)."""

from __future__ import annotations

from typing import Any

from waarborg.modules.listings import public, verification


def daily_job() -> dict[str, Any]:
    summary = verification.send_due()
    summary["public_read_days"] = public.close_days()
    return summary
