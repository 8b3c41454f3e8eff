"""Query parameters read one way everywhere: a value the endpoint does not know is 422 with a field error
(docs/api.md, "Filters"), never silently ignored, so a typo never looks like an empty result."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from waarborg.core.errors import Invalid

TRUE, FALSE = ("1", "true", "yes"), ("0", "false", "no")


def choose_from(choices: Iterable[str]) -> str:
    return f"kies uit / choose from {', '.join(choices)}"


def flag(request: Any, name: str) -> bool:
    """`?name=1` (or true/yes) is on, `0`/false/no or absent is off; anything else 422."""
    value = (request.query_params.get(name) or "").lower()
    if value and value not in TRUE + FALSE:
        raise Invalid({name: [choose_from(TRUE + FALSE)]})
    return value in TRUE


def choice(request: Any, name: str, choices: Iterable[str], default: str = "") -> str:
    """One of `choices` (or `default` when absent); anything else 422."""
    allowed = tuple(choices)
    value = request.query_params.get(name) or default
    if value and value not in allowed:
        raise Invalid({name: [choose_from(allowed)]})
    return value
