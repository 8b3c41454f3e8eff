"""`waarborg audit verify` reads the log fast (audit.walk) and still checks exactly what each MAC covers: the
content it assembles from plain rows equals, byte for byte, the canonical form the entry was keyed with."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from waarborg.audiences.cli import main
from waarborg.engine.audit import walk
from waarborg.engine.audit.log import Entry, _canonical, append_many, hashed, iterate

pytestmark = [pytest.mark.promise("S0-22", "S4-12"), pytest.mark.django_db]


def test_the_walk_gives_the_content_each_mac_covers(processed: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # Given entries of every shape: odd text, no actor, a whole second, a sealed correction, a grouped entry
    append_many([
        Entry(action="record.read", actor="system:bench", purpose="tips", detail={"note": "é\u00e9 \"q\" \\ \n ☃", "n": 1.5,
                                                                                   "list": [3, None, True], "z": {"b": 1, "a": 2}}),
        Entry(action="staff.login", actor=None, at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), detail={}),
        Entry(action="record.update", actor="system:x", changes={"old": {"a": 1}, "new": {"a": 2}}, detail={"fields": ["a"]}),
        Entry(action="record.erase", actor="system:sweep", subjects=["s1", None], detail={"items": {"record": ["r1", "r2"]}}),
    ])
    # when the walk reads the log, then its content is the canonical form of every entry
    walked = list(walk.entries(chunk=3))
    plain = list(iterate(3))
    assert [w[:3] for w in walked] == [p[:3] for p in plain]
    assert [w[3] for w in walked] == [_canonical(hashed(p[3])) for p in plain]
    # and the log verifies
    assert main(["audit", "verify"]) == 0, capsys.readouterr().err
