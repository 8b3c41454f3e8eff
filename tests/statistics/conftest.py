"""Helpers for the statistics tests: browsers' User-Agent strings and the raw visit table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import connection

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.5 Mobile/15E148 Safari/604.1")
EDGE_WINDOWS = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87")
CHROME_ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/126.0.0.0 Mobile Safari/537.36")


def raw_visits() -> list[dict[str, Any]]:
    """Every row and column of the visit table, as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM statistics_visit ORDER BY id")
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def activate_example(name: str) -> None:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file

    activate(load_file(EXAMPLES / f"{name}.yaml"))
