"""The active policy: activation of new versions, scheduled activation, and a per-process cache.

A version activated with a future effective moment (`schedule`) is stored and published at once (the
privacy page shows it beside the current one) but the current version stays in force until that moment.
The switch needs no job and survives restarts: whoever first asks for the active policy at or after the
moment promotes the scheduled version (`_promote_due`, one transaction, row-locked, audited like an
activation). The cache remembers when the next switch is due, so a cached policy is never served past it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.engine.policy.loader import LoadedPolicy, load_text
from waarborg.engine.policy.models import PolicyVersion
from waarborg.engine.policy.schema import Policy


class NoActivePolicy(RuntimeError):
    """No policy has been activated yet (`waarborg policy activate FILE`)."""


@dataclass(frozen=True)
class Active:
    number: int
    sha256: str
    policy: Policy
    switch_at: datetime | None = None  # a scheduled version takes over then


_lock = threading.Lock()
_cache: Active | None = None
_checked_at = 0.0
_RECHECK_SECONDS = 2.0  # other processes may activate a new version; look again this often


def invalidate() -> None:
    global _cache, _checked_at
    with _lock:
        _cache = None
        _checked_at = 0.0


def active() -> Active:
    global _cache, _checked_at
    now = time.monotonic()
    cached = _cache
    due = cached is not None and cached.switch_at is not None and timezone.now() >= cached.switch_at
    if cached is not None and now - _checked_at < _RECHECK_SECONDS and not due:
        return cached
    switch_at = _promote_due()
    row = (PolicyVersion.objects.filter(is_current=True)
           .values_list("number", "sha256", "source", "filename").first())
    if row is None:
        raise NoActivePolicy("no policy is active: run `waarborg policy activate FILE`")
    number, sha256, source, filename = row
    if cached is None or (cached.number, cached.sha256) != (number, sha256):
        cached = Active(number, sha256, load_text(source, filename).policy)
    cached = replace(cached, switch_at=switch_at)
    with _lock:
        _cache, _checked_at = cached, now
    return cached


def cached() -> Active | None:
    """The policy this process last read as active, without asking the database (None: not read since the
    last activation). `make promises` uses it to tell which policy a request or command ran under."""
    return _cache


def current() -> Policy:
    return active().policy


def current_version_number() -> int | None:
    try:
        return active().number
    except NoActivePolicy:
        return None


def activate(loaded: LoadedPolicy, by: Any = None) -> PolicyVersion:
    """Store the policy as a new immutable version and make it current (no-op if unchanged). A version
    still waiting for its effective moment is withdrawn: what the operator activates now wins."""
    from waarborg.engine.audit.log import append

    with transaction.atomic():
        current_row = PolicyVersion.objects.select_for_update().filter(is_current=True).first()
        if current_row is not None and current_row.sha256 == loaded.sha256:
            return current_row
        _withdraw_scheduled(by)
        last = PolicyVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
        PolicyVersion.objects.filter(is_current=True).update(is_current=False)
        statement = loaded.policy.statement
        now = timezone.now()
        version = PolicyVersion.objects.create(
            number=last + 1, sha256=loaded.sha256, source=loaded.source, filename=loaded.file,
            organisation=loaded.policy.organisation.id, statement_version=statement.version,
            statement_effective=statement.effective, activated_at=now, effective_at=now,
            activated_by=by if getattr(by, "pk", None) else None, is_current=True,
        )
        append(action="policy.activate", actor=by or "system:cli", policy_version=version.number,
               detail={"version": version.number, "sha256": loaded.sha256,
                       "statement_version": statement.version})
        transaction.on_commit(invalidate)
    invalidate()
    return version


def schedule(loaded: LoadedPolicy, effective_at: datetime, by: Any = None) -> PolicyVersion:
    """Store the policy as a new version that takes effect at `effective_at`; until then the current
    version stays in force. A version scheduled earlier and not yet in force is replaced by this one."""
    from waarborg.engine.audit.log import append

    with transaction.atomic():
        PolicyVersion.objects.select_for_update().filter(is_current=True).first()
        _withdraw_scheduled(by)
        last = PolicyVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
        statement = loaded.policy.statement
        version = PolicyVersion.objects.create(
            number=last + 1, sha256=loaded.sha256, source=loaded.source, filename=loaded.file,
            organisation=loaded.policy.organisation.id, statement_version=statement.version,
            statement_effective=statement.effective, activated_at=timezone.now(), effective_at=effective_at,
            activated_by=by if getattr(by, "pk", None) else None, is_current=False, scheduled=True,
        )
        append(action="policy.schedule", actor=by or "system:cli", policy_version=version.number,
               detail={"version": version.number, "sha256": loaded.sha256, "effective_at": effective_at.isoformat(),
                       "statement_version": statement.version})
        transaction.on_commit(invalidate)
    invalidate()
    return version


def scheduled() -> PolicyVersion | None:
    """The version waiting for its effective moment, if any."""
    return PolicyVersion.objects.filter(scheduled=True).order_by("-number").first()


def _withdraw_scheduled(by: Any) -> None:
    from waarborg.engine.audit.log import append

    for number in PolicyVersion.objects.filter(scheduled=True).values_list("number", flat=True):
        append(action="policy.schedule_withdraw", actor=by or "system:cli", policy_version=number,
               detail={"version": number})
    PolicyVersion.objects.filter(scheduled=True).update(scheduled=False)


def _promote_due() -> datetime | None:
    """Make a scheduled version whose moment has come current; return when the next one is due (or None)."""
    from waarborg.engine.audit.log import append

    pending = PolicyVersion.objects.filter(scheduled=True).values_list("effective_at", flat=True).first()
    if pending is None or pending > timezone.now():
        return pending
    with transaction.atomic():
        row = PolicyVersion.objects.select_for_update().filter(scheduled=True).first()
        if row is None or row.effective_at is None or row.effective_at > timezone.now():
            return row.effective_at if row is not None else None  # another process was first
        PolicyVersion.objects.filter(is_current=True).update(is_current=False)
        row.is_current, row.scheduled = True, False
        row.save(update_fields=["is_current", "scheduled"])
        append(action="policy.activate", actor="system:schedule", policy_version=row.number,
               detail={"version": row.number, "sha256": row.sha256, "statement_version": row.statement_version,
                       "scheduled_for": row.effective_at.isoformat()})
    return None
