"""JSON request bodies with a nesting limit: a body of 100,000 nested brackets fits in the size limit, but
Python's json parser recurses once per level and would crash into a 500. The depth is measured first, without
recursion, over the brackets outside strings; deeper than `WAARBORG_MAX_JSON_DEPTH` (default 32) is a 400 that
says so. No body the platform accepts nests deeper than a few levels (a record's fields, a list of
signatories). A NUL character (`\u0000`) in any string or key is a 400 too: PostgreSQL cannot store one."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from waarborg.audiences.web.bodies import NUL_REFUSED

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")
_OPENING = frozenset(b"[{")


def depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count)."""
    deepest = level = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', body)):
        if match.group()[0] in _OPENING:
            level += 1
            deepest = max(deepest, level)
        else:
            level -= 1
    return deepest


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        body = stream.read() if stream is not None else b""
        limit = settings.WAARBORG_MAX_JSON_DEPTH
        if depth(body) > limit:
            raise ParseError(f"JSON is dieper genest dan {limit} niveaus. / JSON is nested deeper than {limit} levels.")
        try:
            data = super().parse(BytesIO(body), media_type, parser_context)
        except RecursionError:  # the limit set above Python's own: still a 400, never a 500
            raise ParseError("JSON is te diep genest. / JSON is nested too deeply.") from None
        if b"\\u0000" in body and _has_nul(data):
            raise ParseError(NUL_REFUSED)
        return data


def _has_nul(data: Any) -> bool:
    pending = [data]
    while pending:  # no recursion: the depth is bounded above, but a loop needs no bound at all
        item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            pending += item
    return False
