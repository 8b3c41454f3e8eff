"""`Authorization: Token <key>`: the key's sha256 is looked up; revoked tokens fail.

A wrong token counts as a failed login of its source address (waarborg.audiences.web.lockout): an address
that keeps guessing is locked out of every login, and its further wrong tokens answer 429 with
Retry-After instead of 401. A valid token is never slowed by this: the count is read only on failure.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from rest_framework import authentication, exceptions

from waarborg.audiences.web.lockout import locked_message
from waarborg.engine.accounts.actions import token_used
from waarborg.engine.accounts.models import ApiToken

NO_ACCOUNT = {"username": ""}  # a token names no account: only the address counts


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header.")
        try:
            key = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed("Invalid token header.") from exc
        token = token_used(key)
        if token is None:
            self._failed(request)
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        return token.user, token

    def _failed(self, request: Any) -> None:
        from axes.handlers.proxy import AxesProxyHandler

        django_request = getattr(request, "_request", request)
        user_login_failed.send(sender=__name__, credentials=NO_ACCOUNT, request=django_request)
        if AxesProxyHandler.is_locked(django_request, NO_ACCOUNT):
            raise exceptions.Throttled(wait=settings.WAARBORG_LOGIN_LOCKOUT_MINUTES * 60, detail=locked_message(),
                                      code="locked_out")

    def authenticate_header(self, request: Any) -> str:
        return self.keyword
