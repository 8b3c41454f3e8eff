"""The active policy: activation of new versions and a per-process cache of the current one."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.policy.loader import LoadedPolicy, load_text
from waarborg.policy.models import PolicyVersion
from waarborg.policy.schema import Policy


class NoActivePolicy(RuntimeError):
    """No policy has been activated yet (`waarborg policy activate FILE`)."""


@dataclass(frozen=True)
class Active:
    number: int
    sha256: str
    policy: Policy


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
    if cached is not None and now - _checked_at < _RECHECK_SECONDS:
        return cached
    row = (PolicyVersion.objects.filter(is_current=True)
           .values_list("number", "sha256", "source", "filename").first())
    if row is None:
        raise NoActivePolicy("no policy is active: run `waarborg policy activate FILE`")
    number, sha256, source, filename = row
    if cached is None or (cached.number, cached.sha256) != (number, sha256):
        cached = Active(number, sha256, load_text(source, filename).policy)
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
    """Store the policy as a new immutable version and make it current (no-op if unchanged)."""
    from waarborg.audit.log import append

    with transaction.atomic():
        current_row = PolicyVersion.objects.select_for_update().filter(is_current=True).first()
        if current_row is not None and current_row.sha256 == loaded.sha256:
            return current_row
        last = PolicyVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
        PolicyVersion.objects.filter(is_current=True).update(is_current=False)
        statement = loaded.policy.statement
        version = PolicyVersion.objects.create(
            number=last + 1, sha256=loaded.sha256, source=loaded.source, filename=loaded.file,
            organisation=loaded.policy.organisation.id, statement_version=statement.version,
            statement_effective=statement.effective, activated_at=timezone.now(),
            activated_by=by if getattr(by, "pk", None) else None, is_current=True,
        )
        append(action="policy.activate", actor=by or "system:cli", policy_version=version.number,
               detail={"version": version.number, "sha256": loaded.sha256,
                       "statement_version": statement.version})
        transaction.on_commit(invalidate)
    invalidate()
    return version
