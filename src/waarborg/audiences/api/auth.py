"""`Authorization: Token <key>`: the key's sha256 is looked up; revoked tokens fail.

A wrong token counts as a failed login of its source address (waarborg.audiences.web.lockout): an address
that keeps guessing is locked out of every login, and its further wrong tokens answer 429 with
Retry-After instead of 401. A valid token is never slowed by this: the count is read only on failure.

A valid token is stamped as used (`last_used_at`) once per request, as late as possible: inside the
transaction of an audited read (`stamp_in`), so the request waits for one durable commit and not for two,
else by `TokenStampMiddleware` when the answer is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from rest_framework import authentication, exceptions

from waarborg.audiences.web.lockout import locked_message
from waarborg.engine.accounts.actions import token_stamp, token_used
from waarborg.engine.accounts.models import ApiToken

NO_ACCOUNT = {"username": ""}  # a token names no account: only the address counts


# Dutch first, English second, as every refusal of the API (a caller's program may show it to a person)
BAD_HEADER = "Ongeldige Authorization-kop: gebruik 'Token <sleutel>'. (Invalid token header.)"
UNKNOWN_TOKEN = "Deze sleutel bestaat niet of is ingetrokken. (Invalid or revoked token.)"  # noqa: S105 (a message, not a secret)


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(BAD_HEADER)
        try:
            key = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(BAD_HEADER) from exc
        token = token_used(key, stamp=False)
        if token is None:
            self._failed(request)
            raise exceptions.AuthenticationFailed(UNKNOWN_TOKEN)
        getattr(request, "_request", request).waarborg_token_unstamped = token.pk
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


def stamp_in(request: Any) -> None:
    """Stamp the request's token now, in the caller's transaction (an audited read calls it inside its own)."""
    django_request = getattr(request, "_request", request)
    token_id = getattr(django_request, "waarborg_token_unstamped", None)
    if token_id is not None:
        token_stamp(token_id)

        def stamped() -> None:  # a rollback takes the stamp along: then the middleware stamps again
            django_request.waarborg_token_unstamped = None

        transaction.on_commit(stamped)


class TokenStampMiddleware:
    """Stamps the token of a request that did not stamp it inside a transaction of its own (`stamp_in`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        stamp_in(request)
        return response
