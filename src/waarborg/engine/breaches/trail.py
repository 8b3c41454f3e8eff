"""The breach's own trail (`BreachLogEntry`, append-only) and its twin in the audit log, written together.

Each affected person can read the whole trail of their breach (S4-21), so the details written here never
name anyone: who an entry concerns goes into the audit entry's subject only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.breaches.models import Breach, BreachLogEntry


def actor_name(actor: Any) -> str:
    if actor is None:
        return "anonymous"
    return actor if isinstance(actor, str) else actor.get_username()


def write(breach: Breach, actor: Any, event: str, detail: dict[str, Any] | None = None,
          subject: Any = None, at: datetime | None = None) -> None:
    BreachLogEntry.objects.create(breach=breach, at=at or timezone.now(), actor=actor_name(actor),
                                  event=event, detail=detail or {})
    append(Entry(action=f"breach.{event}", actor=actor, subject=subject,
                 detail={"breach": str(breach.pk), **(detail or {})}))
