"""The consent register (toestemmingsregister) as rows: the same lines for the API's JSON, its CSV and the
command line's export. A cell that a spreadsheet would run as a formula is quoted (CSV injection)."""

from __future__ import annotations

import csv
import io
from typing import Any

from waarborg.core.times import rfc3339_or_none as _iso
from waarborg.engine.consent.actions import signatories_of
from waarborg.engine.consent.models import Consent


def consent_row(consent: Consent) -> dict[str, Any]:
    """One line of the consent register (toestemmingsregister)."""
    return {
        "id": str(consent.pk), "subject": str(consent.subject_id), "purpose": consent.purpose,
        "status": consent.status, "given_at": _iso(consent.given_at), "channel": consent.channel,
        "policy_version": consent.policy_version, "statement_version": consent.statement_version,
        "text_version": consent.text_version,
        "evidence": {"document": consent.evidence_document, "scope": list(consent.evidence_scope or [])},
        "signatories": signatories_of(consent),
        "verified_at": _iso(consent.verified_at), "verification_method": consent.verification_method,
        "verified_by": consent.verified_by.get_username() if consent.verified_by else None,
        "withdrawn_at": _iso(consent.withdrawn_at), "withdrawal_channel": consent.withdrawal_channel,
        "consequences": consent.consequences,
        "recorded_at": _iso(consent.recorded_at),
        "recorded_by": consent.recorded_by.get_username() if consent.recorded_by else None,
    }


_CSV_COLUMNS = ("id", "subject", "purpose", "status", "given_at", "channel", "policy_version", "statement_version",
                "text_version", "evidence_document", "evidence_scope", "signatories", "verified_at",
                "verification_method", "verified_by", "withdrawn_at", "withdrawal_channel", "consequences",
                "recorded_at", "recorded_by")


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start with these as formulas (CSV injection): quote them.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def register_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_CSV_COLUMNS)
    for row in rows:
        flat = {**row, "evidence_document": row["evidence"]["document"],
                "evidence_scope": "+".join(row["evidence"]["scope"]),
                "signatories": "; ".join(f"{s['role']}: {s['name']}".rstrip(": ") for s in row["signatories"])}
        writer.writerow([_cell(flat.get(column)) for column in _CSV_COLUMNS])
    return out.getvalue()
