"""Single sign-on for staff at the door: the OpenID Connect client (mozilla-django-oidc), pointed at the provider
named by `WAARBORG_OIDC_ISSUER` (what its claims mean here: `waarborg.engine.accounts.sso`).

The protocol is mozilla-django-oidc's: the authorization code flow with PKCE, state and nonce kept in the session,
the code exchanged at the token endpoint with the client secret, the ID token's RS256 signature checked against
the provider's published keys, the claims fetched from the userinfo endpoint. What this module adds:
- the provider's endpoints come from its discovery document (fetched once per process, the issuer in it must be
  the configured one), so an operator sets one URL, not five;
- the ID token must be for this client (`aud`), from this issuer (`iss`) and unexpired: mozilla-django-oidc
  leaves `aud` unchecked;
- the userinfo answer must be about the ID token's `sub` (OpenID Connect Core 5.3.2);
- the account and its roles are decided by `accounts.actions.sso_login`, which puts the login on record.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from waarborg.engine.accounts import sso
from waarborg.engine.accounts.actions import sso_login

# In the session of a staff member the provider logged in with its own second factor (and
# WAARBORG_OIDC_MFA=provider): Waarborg's second factor counts as entered (waarborg.audiences.web.twofactor).
SECOND_FACTOR_BY_PROVIDER = "waarborg_sso_second_factor"

_lock = threading.Lock()
_discovered: dict[str, dict[str, Any]] = {}


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read, or is not the configured issuer's."""


def provider_config() -> dict[str, Any]:
    """The provider's discovery document (`/.well-known/openid-configuration`), read once per process."""
    issuer = str(settings.WAARBORG_OIDC_ISSUER)
    with _lock:
        if issuer in _discovered:
            return _discovered[issuer]
    try:
        answer = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
        answer.raise_for_status()
        config = answer.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"the provider's discovery document could not be read: {type(exc).__name__}") from None
    needed = ("issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")
    if not isinstance(config, dict) or any(not isinstance(config.get(k), str) for k in needed):
        raise ProviderUnavailable("the provider's discovery document lacks an endpoint")
    if config["issuer"].rstrip("/") != issuer:
        raise ProviderUnavailable("the provider's discovery document names another issuer")
    with _lock:
        _discovered[issuer] = config
    return config


def end_session_url(request: Any, id_token: str) -> str | None:
    """Where to send the browser so the provider ends its own session too (OpenID Connect RP-Initiated Logout):
    its `end_session_endpoint` with the ID token it gave as a hint and the back office's login page to come back
    to (register that page at the provider as a post-logout redirect URI). None when the provider offers none
    or cannot be reached: then only Waarborg's session ends."""
    try:
        endpoint = provider_config().get("end_session_endpoint")
    except ProviderUnavailable:
        return None
    if not isinstance(endpoint, str) or not endpoint.startswith(("https://", "http://")):
        return None
    back = request.build_absolute_uri(reverse("backoffice:login"))
    query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": back,
                       "client_id": settings.OIDC_RP_CLIENT_ID})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


class Backend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's code flow, with the endpoints from discovery and Waarborg's account decision.

    Not in AUTHENTICATION_BACKENDS: only the callback page (`backoffice.views_sso`) calls it, so no password
    login ever passes through it, and the session's backend stays Django's ModelBackend."""

    def __init__(self) -> None:  # no super().__init__(): it reads fixed endpoints from the settings
        config = provider_config()
        self.issuer = str(config["issuer"])
        self.OIDC_OP_TOKEN_ENDPOINT = config["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = config["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = config["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = get_user_model()
        self.reason = ""  # why the account was refused, for the page
        self.second_factor = False  # the provider's second factor counts

    def _verify_jws(self, payload: Any, key: Any) -> dict[str, Any]:
        algorithm = jwt.get_unverified_header(payload).get("alg")
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("the ID token is not signed with the expected algorithm")
        try:
            return dict(jwt.decode(payload, key, algorithms=[algorithm], audience=self.OIDC_RP_CLIENT_ID,
                                   issuer=self.issuer, options={"require": ["exp", "iat", "iss", "aud", "sub"]}))
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"the ID token was refused: {type(exc).__name__}") from None

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if not isinstance(userinfo, dict) or userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("the userinfo answer is about someone else than the ID token")
        claims = {**payload, **userinfo}
        username = claims.get(settings.WAARBORG_OIDC_USERNAME_CLAIM)
        groups = sso.claim_values(claims, settings.WAARBORG_OIDC_ROLE_CLAIM)
        self.second_factor = sso.second_factor_by_provider(payload)
        user, self.reason = sso_login(username if isinstance(username, str) else "", groups,
                                      second_factor=self.second_factor)
        return user

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        user = super().authenticate(request, **kwargs)
        if user is None and not self.reason:
            self.reason = "provider_error"  # mozilla-django-oidc turned a SuspiciousOperation into None
        return user
