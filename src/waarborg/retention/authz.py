"""How retention refuses. Who may see and change retention facts is the policy's answer:

- Reading a record's clock: `policy.grants(actor, "read", purpose)`, or `policy.manages(actor, "retention")`.
- Recording events: `write` on a purpose the event concerns (`posting.py`).
- Holds, extensions and shortenings: `policy.manages(actor, "retention")` (a role that names it, the privacy
  officer, or the platform's own jobs).
A refusal is audited (in its own transaction, so it survives the caller's rollback) and raised.
"""

from __future__ import annotations

from typing import Any

from waarborg.api.errors import Refused
from waarborg.audit.refusals import refused


def refuse(actor: Any, action: str, detail: str, *, reason: str = "role_not_granted", purpose: str = "",
           subject: Any = None, record: Any = None) -> Refused:
    return refused(actor, action, reason, detail, purpose=purpose, subject=subject, record=record)
