"""The platform on the web: its one public origin, and what it believes of the reverse proxy in front.

- `WAARBORG_PUBLIC_URL` is the only origin the platform names: Django answers to its host, trusts it for
  CSRF, and every link in a mail or letter starts with it (`waarborg.conf.links.absolute_url`), whichever host name a request
  (or no request, for jobs) came in on. One host in every link.
- `WAARBORG_TRUSTED_PROXY` names the proxy. Only from its addresses are `X-Forwarded-Proto` (the request
  came over HTTPS) and `X-Forwarded-For` (the client's address) believed; from anyone else they are
  removed before Django sees them, so a client cannot claim HTTPS or another address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from waarborg.conf.env import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
DEVELOPMENT_URL = "http://127.0.0.1:8000"


def public_url(value: str | None, *, production: bool) -> str:
    """The origin `scheme://host[:port]`, validated; required (and https) in production."""
    if not value:
        if production:
            raise ConfigError("WAARBORG_PUBLIC_URL is required when WAARBORG_ENV=production, "
                              "e.g. https://privacy.example.nl")
        return DEVELOPMENT_URL
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        raise ConfigError(f"WAARBORG_PUBLIC_URL must be a URL like https://privacy.example.nl, got {value!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"WAARBORG_PUBLIC_URL must start with https:// (or http:// outside production), got {value!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ConfigError(f"WAARBORG_PUBLIC_URL must be an origin only (scheme, host, port), got {value!r}")
    if production and parts.scheme != "https":
        raise ConfigError("WAARBORG_PUBLIC_URL must be https:// when WAARBORG_ENV=production")
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    return f"{parts.scheme}://{host}{f':{port}' if port else ''}"


def allowed_hosts(origin: str, extra: str | None) -> list[str]:
    hosts = [urlsplit(origin).hostname or ""]
    for name in (extra or "").split(","):
        if name.strip() and name.strip() not in hosts:
            hosts.append(name.strip())
    return hosts


def networks(name: str, value: str) -> tuple[Network, ...]:
    """Comma-separated addresses or networks (`127.0.0.1`, `10.0.0.0/8`, `::1`); a bad one fails loudly."""
    result = []
    for item in value.split(","):
        if item.strip():
            try:
                result.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError:
                raise ConfigError(f"{name}: {item.strip()!r} is not an IP address or network") from None
    return tuple(result)


def within(address: str, nets: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in nets)


FORWARDED = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT",
             "HTTP_FORWARDED")


class TrustedProxyMiddleware:
    """First in the chain: believe the proxy's forwarded headers, and no one else's."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        from django.conf import settings

        self.get_response = get_response
        self.proxies: tuple[Network, ...] = settings.WAARBORG_TRUSTED_PROXY

    def __call__(self, request: Any) -> Any:
        meta = request.META
        peer = meta.get("REMOTE_ADDR", "")
        if self.proxies and within(peer, self.proxies):
            proto = meta.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip().lower()
            if proto in ("http", "https"):
                meta["wsgi.url_scheme"] = proto  # what request.scheme and is_secure() read
            client = self._client(meta.get("HTTP_X_FORWARDED_FOR", ""))
            if client:
                meta["WAARBORG_PROXY_ADDR"], meta["REMOTE_ADDR"] = peer, client
        for name in FORWARDED:
            meta.pop(name, None)
        return self.get_response(request)

    def _client(self, header: str) -> str:
        """The right-most address that is not one of our proxies: the one our proxy actually saw."""
        for candidate in reversed([part.strip() for part in header.split(",") if part.strip()]):
            if not within(candidate, self.proxies):
                return candidate if within(candidate, (ipaddress.ip_network("0.0.0.0/0"),
                                                       ipaddress.ip_network("::/0"))) else ""
        return ""
