"""`waarborg serve --port P` in development (no WAARBORG_PUBLIC_URL): the link in a mail points at this server,
port included, by the name localhost (a passkey needs a host name), not at the default http://127.0.0.1:8000. A citizen applies in the portal of a server started
as an operator would (ikzorginassen's shipped policy); the console mail backend prints the account mail."""

from __future__ import annotations

import http.cookiejar
import re
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import clean_env, free_port, wait_for
from tests.portal.conftest import FORM

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"
pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database: the SQLite leg runs it")


def test_a_mail_from_a_server_on_another_port_links_to_that_port(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "waarborg", "serve", "--policy", str(EXAMPLE), "--port", str(port)],
                            cwd=tmp_path, env=clean_env(WAARBORG_HOME=str(tmp_path / "home"), WAARBORG_ENV="development"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_for(f"{base}/health/ready", seconds=90) == 200
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form = opener.open(f"{base}/portaal/aanvraag").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token is not None
        body = urllib.parse.urlencode({**FORM, "csrfmiddlewaretoken": token.group(1)}).encode()
        sent = opener.open(urllib.request.Request(f"{base}/portaal/aanvraag", data=body,  # noqa: S310
                                                  headers={"Referer": f"{base}/portaal/aanvraag"}))
        assert sent.status == 200
    finally:
        watchdog.cancel()
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    links = re.findall(r"http://[^\s/]+/portaal/wachtwoord/\S+", out)
    assert links, out[-2000:]
    assert all(link.startswith(f"http://localhost:{port}/") for link in links), links
    assert f"serving on http://localhost:{port}/" in out


def test_the_port_in_the_configuration_file_is_the_one_served(tmp_path: Path) -> None:
    """A user trial wrote WAARBORG_PORT into the configuration file, as docs/operator.md lists it, and `serve`
    still took 8000: the default was read before the file was."""
    port = free_port()
    config = tmp_path / "waarborg.env"
    config.write_text(f"WAARBORG_PORT={port}\nWAARBORG_HOME={tmp_path / 'home'}\n")
    proc = subprocess.Popen([sys.executable, "-m", "waarborg", "serve", "--policy", str(EXAMPLE)], cwd=tmp_path,
                            env=clean_env(WAARBORG_CONFIG=str(config), WAARBORG_ENV="development"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        assert wait_for(f"http://127.0.0.1:{port}/health/ready", seconds=90) == 200
    finally:
        watchdog.cancel()
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert f"serving on http://localhost:{port}/" in out


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0", "::1"])  # noqa: S104 (what an operator may pass to --host)
def test_on_this_machine_passkeys_belong_to_localhost(host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An IP address cannot be a passkey's relying party: a server started on 127.0.0.1 names itself localhost,
    so staff trying passkeys on `make run` can set one up."""
    from django.conf import settings
    from django.test import override_settings

    from waarborg.audiences.cli.serve import _links_to_this_server

    monkeypatch.delenv("WAARBORG_PUBLIC_URL", raising=False)
    monkeypatch.delenv("WAARBORG_PASSKEY_RP_ID", raising=False)
    keep = ("WAARBORG_PUBLIC_URL", "CSRF_TRUSTED_ORIGINS", "WAARBORG_PASSKEY_RP_ID", "OTP_WEBAUTHN_RP_ID",
            "OTP_WEBAUTHN_ALLOWED_ORIGINS", "ALLOWED_HOSTS")
    with override_settings(**{k: getattr(settings, k) for k in keep}):
        assert _links_to_this_server(host, 8123) == "http://localhost:8123"
        assert settings.OTP_WEBAUTHN_RP_ID == "localhost"
        assert settings.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["http://localhost:8123"]
        assert "localhost" in settings.ALLOWED_HOSTS


def test_a_port_already_taken_is_refused_in_words_before_the_database_is_touched(tmp_path: Path) -> None:
    """A user trial started a second `waarborg serve` on a port in use: it migrated, activated the policy, printed
    "serving on" and then a traceback (OSError: Address already in use)."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "waarborg", "serve", "--policy", str(EXAMPLE), "--port", str(port)],
                                cwd=tmp_path, env=clean_env(WAARBORG_HOME=str(tmp_path / "home"),
                                                            WAARBORG_ENV="development"),
                                capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"cannot serve on 127.0.0.1 port {port}" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr and "serving on" not in result.stdout
    assert "preparing the database" not in result.stdout  # a fresh home: it would have migrated first
