"""A bounded schemathesis run over every operation of the checked-in OpenAPI schema (docs/openapi.yaml): about
1,000 generated requests with a fixed seed, through the WSGI application, as a privacy officer with a token,
under the shipped seed-000 policy. Every answer must be no server error, have a status the schema names for
that operation, and a body and content type as the schema says."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261203
EXAMPLES = 9  # per operation: about 1,000 requests over the ~116 operations


@pytest.mark.django_db
def test_a_bounded_generated_run_finds_no_server_error_and_no_schema_violation(personas: Any, settings: Any) -> None:
    import schemathesis
    from django.core import signals
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import close_old_connections
    from hypothesis import HealthCheck, given, seed
    from hypothesis import settings as hypothesis_settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    settings.WAARBORG_API_RATE = "off"  # the run measures answers, not the rate limit
    schema = schemathesis.openapi.from_path(ROOT / "docs" / "openapi.yaml")
    schema.app = WSGIHandler()
    # As Django's test client does: the requests share the test's database connection (and its transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    headers = {"Authorization": f"Token {personas['privacy_officer'].key}", "X-Purpose": "eligibility"}
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    failures: list[str] = []
    requests = 0
    operations = 0
    started, cpu = time.monotonic(), time.process_time()
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @seed(SEED)
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
                             suppress_health_check=list(HealthCheck), print_blob=False)
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            nonlocal requests
            requests += 1
            response = case.call(headers=headers)
            try:
                case.validate_response(response, checks=checks)
            except (Exception, BaseExceptionGroup) as exc:  # one line per distinct failure; the run goes on
                failures.append(f"{case.operation.method.upper()} {case.operation.path} -> {response.status_code}: "
                                f"{str(exc).strip().splitlines()[0][:200]}")

        run()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    print(f"schemathesis: {operations} operations, {requests} requests in {seconds:.1f} s "
          f"({cpu:.1f} s of this process's CPU), {len(failures)} failures")
    assert operations >= 100 and requests >= 800
    assert sorted(set(failures)) == []
    # Within a minute of work; `make test` runs both databases' legs at once on a shared machine, so the bound is
    # on this process's CPU time (alone: about 20 s wall on SQLite), not on the wall clock.
    assert cpu < 60
