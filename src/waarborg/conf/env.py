"""Strict helpers that read settings from the environment and fail loudly.

A bad value stops the process at start with the variable's name in the message, never later at
the first request. Secrets can come from `NAME_FILE` (a path) instead of `NAME` itself, so they
stay out of process listings and shell history.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class ConfigError(RuntimeError):
    """A setting in the environment is missing or malformed."""


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be a boolean (true/false), got {value!r}")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {value!r}") from exc
    if minimum is not None and number < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {number}")
    return number


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = env_str(name, default) or default
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def env_secret(name: str) -> str | None:
    """`NAME` or the contents of the file named by `NAME_FILE`; never both."""
    direct = env_str(name)
    path = env_str(f"{name}_FILE")
    if direct and path:
        raise ConfigError(f"set {name} or {name}_FILE, not both")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{name}_FILE points to {path!r}, which cannot be read: {exc.strerror}") from exc
    return direct


def env_database(name: str, default: str) -> tuple[str, dict[str, Any]]:
    """A database URL from `NAME` (or `NAME_FILE`), checked and parsed: (url, Django's DATABASES entry).

    A password holding `@ # / ? :` must be percent-encoded (`@` as `%40`, `#` as `%23`, `/` as `%2F`): unencoded,
    the URL either does not parse or, worse, parses into another host and database. Both stop here, naming
    the variable, never the URL (it holds the password)."""
    import dj_database_url

    url = env_secret(name) or default
    source = f"{name}_FILE" if env_str(f"{name}_FILE") else name
    if not url.startswith(("sqlite://", "postgres://", "postgresql://")):
        raise ConfigError(f"{source} must be sqlite:// or postgres://, got scheme {url.split(':', 1)[0]!r}")
    hint = (f"{source} is not a valid database URL: percent-encode special characters in the user name and "
            f"password (@ as %40, # as %23, / as %2F, : as %3A, ? as %3F, % as %25)")
    try:
        parsed: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError:  # dj_database_url.ParseError, a port that is no number...; its text may quote the URL
        raise ConfigError(hint) from None
    if not url.startswith("sqlite") and not parsed.get("NAME"):
        raise ConfigError(f"{hint}; it names no database")
    return url, parsed
