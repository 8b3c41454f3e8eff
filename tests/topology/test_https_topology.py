"""The production topology, for real: nginx terminating TLS with a certificate made for the test, gunicorn,
PostgreSQL with an owner and a runtime role, Redis, a Celery worker and Celery beat, each its own process,
installed by deploy/install.sh (the script compose and systemd run) and configured by one file.

Chromium, through https://: a staff login (with the second factor production asks for) and a back-office form, a citizen's application in the portal
(whose mail links to the public host), an API call, a retention sweep run by the scheduler, and a clean
shutdown of every process. Bounded: a watchdog stops everything after four minutes.
"""

from __future__ import annotations

import json
import re
import signal
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tests.portal.conftest import FORM
from tests.smtp import Inbox, smtp_server
from tests.topology.stack import Stack, require_binaries
from tests.twofactor.conftest import code_at

BUDGET_SECONDS = 240
CITIZEN = "carla.topologie@example.nl"


def _api(stack: Stack, method: str, path: str, token: str, body: dict[str, Any] | None = None,
         purpose: str = "") -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(f"{stack.public_url}/api/v1/{path}", method=method,  # noqa: S310
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Token {token}", "Content-Type": "application/json",
                                              **({"X-Purpose": purpose} if purpose else {})})
    try:
        with urllib.request.urlopen(request, timeout=30, context=stack.tls()) as answer:  # noqa: S310
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def _staff(stack: Stack, username: str, role: str) -> tuple[str, str]:
    made = stack.run("waarborg", "staff", "add", username, "--role", role, "--token")
    assert made.returncode == 0, made.stderr
    password = re.search(r"password \(shown once\): (\S+)", made.stdout)
    assert password is not None, made.stdout
    return password.group(1), made.stdout.strip().splitlines()[-1]


@pytest.fixture
def stack(tmp_path: Path) -> Any:
    require_binaries()
    if connection.vendor != "postgresql":
        pytest.skip("the production topology runs on PostgreSQL: the PostgreSQL leg runs it")
    made = Stack(work=tmp_path, server=connection.settings_dict)
    made.arm_watchdog(BUDGET_SECONDS)
    made.create_database()
    try:
        yield made
    finally:
        made.close()


def test_the_https_topology_serves_staff_citizens_the_api_and_the_scheduler_then_stops_cleanly(
        stack: Stack, browser: Any) -> None:
    with smtp_server(Inbox()) as inbox:
        # given a machine configured as the operator guide says, installed by the one install script
        cert, key = stack.make_certificate()
        stack.write_configuration(smtp_port=int(_smtp_port(inbox)))
        stack.start_redis()
        installed = stack.run("bash", str(Path(__file__).resolve().parents[2] / "deploy" / "install.sh"))
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert "waarborg check --deploy: no problems" in installed.stdout
        officer_password, officer_token = _staff(stack, "pia", "privacy_officer")
        _, helpdesk_token = _staff(stack, "carl", "helpdesk")

        # when gunicorn, the worker and nginx run as services next to Redis (the scheduler comes later)
        stack.start_web()
        stack.start("worker", "waarborg", "worker")
        stack.start_nginx(cert, key)
        stack.wait_for(f"{stack.public_url}/health/ready")

        # then plain HTTP is sent to HTTPS, and HTTPS answers with HSTS
        stack.wait_for(f"http://127.0.0.1:{stack.ports['http']}/health/live")
        redirect = _no_redirect(f"http://127.0.0.1:{stack.ports['http']}/privacy/")
        assert redirect == (301, f"{stack.public_url}/privacy/")
        with urllib.request.urlopen(f"{stack.public_url}/privacy/", context=stack.tls(), timeout=30) as page:  # noqa: S310
            assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")

        context = browser.new_context(ignore_https_errors=True, locale="nl-NL")
        staff = context.new_page()
        # a member of staff logs in over HTTPS and registers a breach with the back office's form
        staff.goto(f"{stack.public_url}/backoffice/datalekken/")
        staff.get_by_label("Gebruikersnaam").fill("pia")
        staff.get_by_label("Wachtwoord").fill(officer_password)
        staff.get_by_role("button", name="Inloggen").click()
        # production asks staff for a second factor: her first login sets up her authenticator app
        staff.get_by_label("Code uit de app").fill(code_at(staff.locator("#secret").inner_text(), datetime.now(UTC)))
        staff.get_by_role("button", name="Instellen", exact=True).click()
        staff.locator("#recovery-codes li").first.wait_for()  # the next page, not the form still shown
        assert staff.locator("#recovery-codes li").count() == 10
        staff.get_by_role("link", name="Ik heb de codes bewaard. Verder").click()
        staff.get_by_label("Ontdekt op").fill("2026-01-05T09:30")
        staff.get_by_label("Wat is er gebeurd?").fill("Brief naar het verkeerde adres")
        staff.get_by_role("button", name="Registreren").click()
        staff.wait_for_url(re.compile(r"/backoffice/datalekken/[0-9a-f-]{36}$"))
        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["sessionid"]["secure"] and cookies["sessionid"]["httpOnly"] and cookies["csrftoken"]["secure"]
        status, breaches = _api(stack, "GET", "breaches", officer_token)
        assert status == 200 and [b["aware_at"] for b in breaches] == ["2026-01-05T08:30:00Z"]

        # a citizen sends an application through the portal, and the mail's link names the public host
        context.close()
        citizen = browser.new_context(ignore_https_errors=True, locale="nl-NL").new_page()
        citizen.goto(f"{stack.public_url}/portaal/aanvraag")
        for name, value in (FORM | {"email": CITIZEN}).items():
            field = citizen.locator(f'[name="{name}"]')
            if field.evaluate("e => e.tagName") == "SELECT":
                field.select_option(value)
            elif field.get_attribute("type") != "hidden":
                field.fill(value)
        citizen.locator("form button[type=submit]").click()
        citizen.get_by_text("Wij hebben een account voor u aangemaakt", exact=False).wait_for()
        link = _wait_for_link(stack, inbox)
        assert link.startswith(f"{stack.public_url}/portaal/wachtwoord/")
        citizen.goto(link)
        assert citizen.locator('input[type="password"]').count() == 2  # the set-password form, over HTTPS
        citizen.context.close()

        # an integration files a helpdesk question of two years ago through the API: already past retention
        status, subject = _api(stack, "POST", "subjects", helpdesk_token, {})
        assert status == 201, subject
        status, record = _api(stack, "POST", "records", helpdesk_token, {
            "subject": subject["id"], "type": "helpdesk_ticket", "collected_at": "2024-01-10T10:00:00+01:00",
            "data": {"question": "Wanneer wordt de waardering uitbetaald?"}}, purpose="helpdesk")
        assert status == 201 and record["expires_at"] == "2025-01-10T09:00:00Z", record

        # when the scheduler starts, it has the worker sweep what expired
        stack.start("scheduler", "waarborg", "scheduler", "--celery")
        swept = _wait_until_swept(stack, helpdesk_token, record["id"])
        assert swept == 404
        metrics = _metrics(stack)
        assert 'waarborg_job_last_success_timestamp_seconds{job="retention_sweep"}' in metrics
        assert "waarborg_records_overdue_for_sweep 0.0" in metrics

        # then every process stops cleanly when asked, as systemd or compose would ask
        for name, sig in (("scheduler", signal.SIGTERM), ("worker", signal.SIGTERM), ("web", signal.SIGTERM),
                          ("nginx", signal.SIGQUIT), ("redis", signal.SIGTERM)):
            assert stack.stop(name, sig) == 0, stack.log(name)[-3000:]
        unfinished = stack.run("waarborg", "jobs", "list")
        assert unfinished.returncode == 0 and " running" not in unfinished.stdout


def _smtp_port(inbox: Inbox) -> int:
    from django.conf import settings

    return int(settings.EMAIL_PORT)  # smtp_server points this process's settings at the server it started


def _no_redirect(url: str) -> tuple[int, str]:
    class Stop(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    try:
        urllib.request.build_opener(Stop).open(url, timeout=30)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Location"]
    raise AssertionError(f"{url} did not redirect")


def _wait_for_link(stack: Stack, inbox: Inbox) -> str:
    while time.monotonic() < stack.deadline:
        messages = inbox.messages_to(CITIZEN)
        if messages:
            body = messages[0].get_body(preferencelist=("plain",)).get_content()
            found = re.search(r"https?://\S+/portaal/wachtwoord/\S+/", body)
            assert found, body
            return found.group(0)
        time.sleep(0.2)
    raise AssertionError("no activation mail arrived")


def _wait_until_swept(stack: Stack, token: str, record: str) -> int:
    while time.monotonic() < stack.deadline:
        status, _ = _api(stack, "GET", f"records/{record}?purpose=helpdesk", token)
        if status != 200:
            return status
        time.sleep(0.5)
    raise AssertionError(f"the scheduler did not sweep in time:\n{stack.log('scheduler')[-2000:]}\n"
                         f"{stack.log('worker')[-2000:]}")


def _metrics(stack: Stack) -> str:
    request = urllib.request.Request(f"{stack.public_url}/metrics",  # noqa: S310
                                     headers={"Authorization": "Bearer scrape-token-for-the-test"})
    with urllib.request.urlopen(request, context=stack.tls(), timeout=30) as answer:  # noqa: S310
        return answer.read().decode()
