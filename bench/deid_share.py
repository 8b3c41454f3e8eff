"""Benchmark: how much of an access export is de-identification (issue 17), on PostgreSQL, through the API.

    createdb -h 127.0.0.1 -U postgres waarborg_bench_deid
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/waarborg_bench_deid \
        .venv/bin/python -m bench.deid_share [--notes 20 200] [--repeat 5]

Kwartier's shipped policy: a client with her client file and N care notes (`care_notes.health`, longtext, so
`deidentify: redact`), the texts of the de-identification benchmark's case notes (`bench/deid_notes.py`, seed
0). Her access request is filed and verified; then the privacy officer fetches the export as JSON through
`GET /api/v1/requests/{id}/export`, `--repeat` times. Measured in the same process, in CPU time: the whole
request, and the time spent inside the de-identifier's two calls of the export (`redaction.find` for the
subject's own values, `redaction.deidentify` for each free-text field). The share says what a faster or a
slower de-identifier would change for the person waiting for the export: at the share s, a de-identifier k
times as fast makes the export 1 / (1 - s + s / k) times as fast.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common, deid_notes

EXAMPLES = common.ROOT / "examples"
CLIENT_FILE = {"name": "Fatima El Amrani", "phone": "06 12345678", "address": "Kerkstraat 12, 1234 AB Utrecht",
               "request": "Mevrouw vraagt hulp bij haar post.", "source": "self"}


class Clock:
    """CPU time spent inside the wrapped functions (not nested: the export calls them one after another)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - start

        return timed


def _client(key: str) -> Any:
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _staff(username: str, role: str) -> str:
    from waarborg.engine.accounts.actions import staff_create
    from waarborg.engine.accounts.models import ApiToken, User

    user = User.objects.filter(username=username).first() or staff_create(username, [role], by="system:bench")[0]
    return ApiToken.issue(user, name="bench")[1]


def _request(worker: Any, officer: Any, notes: list[str]) -> str:
    """A new client with her file and `notes`, and her access request, verified."""
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    records = [("client_file", CLIENT_FILE)] + [("care_notes", {"health": text}) for text in notes]
    for type_, data in records:
        stored = worker.post("/api/v1/records", {"subject": subject, "type": type_, "data": data}, format="json",
                             HTTP_X_PURPOSE="support")
        if stored.status_code != 201:
            sys.exit(f"storing a {type_} answered {stored.status_code}: {stored.content[:300]!r}")
    filed = worker.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"}, format="json")
    request_id = filed.json()["id"]
    verified = officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    if verified.status_code != 200:
        sys.exit(f"verifying answered {verified.status_code}: {verified.content[:300]!r}")
    return str(request_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, nargs="+", default=[20, 200], help="care notes of the client")
    parser.add_argument("--repeat", type=int, default=5, help="exports per size (the median is reported)")
    args = parser.parse_args()
    common.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the notices, not on the console
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file
    from waarborg.engine.rights import redaction

    activate(load_file(EXAMPLES / "kwartier.yaml"))
    worker, officer = _client(_staff("bench-sanne", "social_worker")), _client(_staff("bench-pia", "privacy_officer"))
    texts = [doc.text for doc in deid_notes.corpus(random.Random(0), 2_000_000) if doc.kind == "note"]
    clock = Clock()
    redaction.find, redaction.deidentify = clock.wrap(redaction.find), clock.wrap(redaction.deidentify)
    print(f"{common.machine()}; kwartier's shipped policy; GET /api/v1/requests/{{id}}/export (JSON), "
          f"median of {args.repeat}")
    print("| care notes | characters of free text | export, CPU | of which de-identification | share |")
    print("|---:|---:|---:|---:|---:|")
    for count in args.notes:
        notes = texts[:count]
        request_id = _request(worker, officer, notes)
        whole, inside = [], []
        for _ in range(args.repeat + 1):  # the first export warms the caches and is not counted
            clock.seconds = 0.0
            start = time.process_time()
            answer = officer.get(f"/api/v1/requests/{request_id}/export")
            whole.append(time.process_time() - start)
            inside.append(clock.seconds)
            if answer.status_code != 200:
                sys.exit(f"the export answered {answer.status_code}: {answer.content[:300]!r}")
        shares = [i / w for w, i in zip(whole[1:], inside[1:], strict=True)]
        print(f"| {count} | {sum(map(len, notes)):,} | {statistics.median(whole[1:]) * 1000:,.0f} ms "
              f"| {statistics.median(inside[1:]) * 1000:,.0f} ms | {statistics.median(shares):.0%} |")


if __name__ == "__main__":
    main()
