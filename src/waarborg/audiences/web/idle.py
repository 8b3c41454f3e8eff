"""Staff sessions end after `WAARBORG_STAFF_IDLE_MINUTES` without a request (default 30): a screen left open
on a shared desk does not keep special-category data a click away. The last request's time is kept in the
session (written at most once a minute, so a busy page does not write the session on every request); the
next request after the idle period logs the member out, audited as `session.idle_logout`, and answers as a
logged-out request would (the login page, or 401/403 from the API). Citizens keep the portal's own session
length (SESSION_COOKIE_AGE)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.db import transaction

from waarborg.engine.audit.log import Entry, append

KEY = "waarborg_last_seen"
WRITE_EVERY = 60  # seconds


class IdleLogoutMiddleware:
    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "kind", "") == "staff":
            now = time.time()
            last = request.session.get(KEY)
            if last is not None and now - float(last) > settings.WAARBORG_STAFF_IDLE_MINUTES * 60:
                with transaction.atomic():
                    append(Entry(action="session.idle_logout", actor=user,
                                 detail={"minutes": settings.WAARBORG_STAFF_IDLE_MINUTES}))
                logout(request)  # a fresh, anonymous session; the view sees an anonymous user
            elif last is None or now - float(last) >= WRITE_EVERY:
                request.session[KEY] = now
        return self.get_response(request)
