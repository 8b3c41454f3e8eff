"""The production topology on one machine, without containers: PostgreSQL (the suite's server, a database and
two roles of its own), Redis, gunicorn, a Celery worker, Celery beat and Debian's nginx with a certificate
made here, each a separate process started as an operator's service manager would.

Every wait is bounded and a watchdog kills whatever still runs when the test overruns (`Stack.deadline`),
so a hanging process fails the test instead of the suite.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"


def require_binaries() -> None:
    """nginx, Redis and openssl are on the fresh-machine list: missing is a skip locally, a failure in CI."""
    missing = [name for name, path in (("nginx", NGINX), ("redis-server", REDIS), ("openssl", OPENSSL))
               if not Path(path).exists()]
    if missing:
        message = f"the HTTPS topology needs {', '.join(missing)} (README: what a fresh machine needs)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def render(template: str, values: dict[str, str]) -> str:
    """Fill ${NAME} placeholders as envsubst does with a list of names; nginx's own $variables stay."""
    def fill(match: re.Match[str]) -> str:
        return values[match.group(1)] if match.group(1) in values else match.group(0)
    return re.sub(r"\$\{([A-Z_]+)\}", fill, template)


@dataclass
class Stack:
    work: Path
    server: dict[str, Any]  # the suite's PostgreSQL: HOST, PORT, USER, PASSWORD
    ports: dict[str, int] = field(default_factory=lambda: {k: free_port() for k in ("https", "http", "app", "redis")})
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    deadline: float = 0.0

    def __post_init__(self) -> None:
        suffix = f"{os.getpid()}_{secrets.token_hex(3)}"
        self.database, self.owner, self.runtime = f"waarborg_topo_{suffix}", f"topo_owner_{suffix}", f"topo_app_{suffix}"
        self.password = secrets.token_urlsafe(16)
        self.public_url = f"https://localhost:{self.ports['https']}"
        self.logs = self.work / "logs"
        self.logs.mkdir(parents=True)
        self.watchdog: threading.Timer | None = None

    # --- the machine ------------------------------------------------------------------------------------
    def _admin(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        s = self.server
        with psycopg.connect(host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432, user=s["USER"],
                             password=s["PASSWORD"] or None, dbname=database, autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def url(self, role: str) -> str:
        s = self.server
        return f"postgres://{role}:{self.password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{self.database}"

    def create_database(self) -> None:
        """One owner (migrations) and one runtime role (the platform), as docs/operator.md sets them up."""
        self._admin(f'CREATE ROLE "{self.owner}" LOGIN PASSWORD \'{self.password}\'')
        self._admin(f'CREATE ROLE "{self.runtime}" LOGIN PASSWORD \'{self.password}\'')
        self._admin(f'CREATE DATABASE "{self.database}" OWNER "{self.owner}"')
        self._admin(f'REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT ALL ON SCHEMA public TO "{self.owner}"',
                    database=self.database)

    def drop_database(self) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        for role in (self.owner, self.runtime):
            self._admin(f'DROP ROLE IF EXISTS "{role}"')

    def make_certificate(self) -> tuple[Path, Path]:
        cert, key = self.work / "tls" / "fullchain.pem", self.work / "tls" / "privkey.pem"
        cert.parent.mkdir()
        subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                       check=True, capture_output=True, timeout=60)
        return cert, key

    def tls(self) -> ssl.SSLContext:
        """A client that trusts exactly the certificate made for this test, and verifies it."""
        return ssl.create_default_context(cafile=str(self.work / "tls" / "fullchain.pem"))

    def write_configuration(self, smtp_port: int) -> Path:
        """The operator's /etc/waarborg/waarborg.env: keys as files outside any checkout, mode 600."""
        keys = self.work / "keys"
        keys.mkdir(mode=0o700)
        import base64

        for name, value in (("secret_key", secrets.token_urlsafe(50)),
                            ("master_key", base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())):
            (keys / name).write_text(value)
            (keys / name).chmod(0o600)
        config = self.work / "waarborg.env"
        config.write_text("\n".join([
            "# written as an operator would write /etc/waarborg/waarborg.env",
            "WAARBORG_ENV=production",
            f"WAARBORG_HOME={self.work / 'home'}",
            f"DATABASE_URL={self.url(self.runtime)}",
            f"WAARBORG_OWNER_DATABASE_URL={self.url(self.owner)}",
            f"WAARBORG_DATABASE_ROLE={self.runtime}",
            f"WAARBORG_SECRET_KEY_FILE={keys / 'secret_key'}",
            f"WAARBORG_MASTER_KEY_FILE={keys / 'master_key'}",
            f"WAARBORG_PUBLIC_URL={self.public_url}",
            "WAARBORG_TRUSTED_PROXY=127.0.0.1",
            f"WAARBORG_CELERY_BROKER=redis://127.0.0.1:{self.ports['redis']}/0",
            f"WAARBORG_CELERY_QUEUE=topology-{self.ports['redis']}",
            "WAARBORG_SCHEDULER_TICK=1",
            f"WAARBORG_POLICY={ROOT / 'examples' / 'ikzorginassen.yaml'}",
            "WAARBORG_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend",
            "WAARBORG_EMAIL_HOST=127.0.0.1",
            f"WAARBORG_EMAIL_PORT={smtp_port}",
            "WAARBORG_METRICS_TOKEN=scrape-token-for-the-test",
            f"WAARBORG_BIND=127.0.0.1:{self.ports['app']}",
            "WAARBORG_WORKERS=2",
            "WAARBORG_LOG_LEVEL=WARNING",
            "",
        ]))
        (self.work / "home").mkdir(mode=0o700)
        return config

    def env(self) -> dict[str, str]:
        """What a service manager gives the processes: the configuration file, nothing else of the test's."""
        base = {k: v for k, v in os.environ.items()
                if not k.startswith(("WAARBORG_", "DATABASE_URL", "DJANGO_", "PYTEST", "CELERY"))}
        bin_dir = str(Path(sys.executable).parent)
        return base | {"WAARBORG_CONFIG": str(self.work / "waarborg.env"), "PYTHONPATH": str(ROOT / "src"),
                       "PATH": f"{bin_dir}{os.pathsep}{base.get('PATH', '')}", "WAARBORG": f"{bin_dir}/waarborg"}

    def run(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), env=self.env(), cwd=self.work, capture_output=True, text=True,
                              timeout=timeout, check=False)

    # --- the processes ----------------------------------------------------------------------------------
    def start(self, name: str, *args: str, env: dict[str, str] | None = None) -> None:
        log = (self.logs / f"{name}.log").open("wb")
        self.processes[name] = subprocess.Popen(list(args), env=env or self.env(), cwd=self.work, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def start_redis(self) -> None:
        self.start("redis", REDIS, "--port", str(self.ports["redis"]), "--bind", "127.0.0.1", "--save", "",
                   "--appendonly", "no", "--dir", str(self.work))

    def start_web(self) -> None:
        self.start("web", sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py"),
                   "waarborg.wsgi:application")

    def start_nginx(self, cert: Path, key: Path) -> None:
        nginx = self.work / "nginx"
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (nginx / sub).mkdir(parents=True, exist_ok=True)
        site = render((DEPLOY / "nginx" / "waarborg.conf.template").read_text(), {
            "WAARBORG_SERVER_NAME": "localhost", "WAARBORG_PUBLIC_URL": self.public_url,
            "WAARBORG_UPSTREAM": f"127.0.0.1:{self.ports['app']}", "WAARBORG_LISTEN_HTTP": f"127.0.0.1:{self.ports['http']}",
            "WAARBORG_LISTEN_HTTPS": f"127.0.0.1:{self.ports['https']}", "WAARBORG_TLS_CERT": str(cert),
            "WAARBORG_TLS_KEY": str(key), "WAARBORG_NGINX_LOG_DIR": str(self.logs)})
        (nginx / "waarborg.conf").write_text(site)
        # Debian's nginx.conf includes sites into http {}; this is that frame, with paths of the test's own, and the
        # shutdown limit the operator guide asks for (browsers keep connections open that would hold a stop up).
        user = "user root;\n" if os.geteuid() == 0 else ""
        (nginx / "nginx.conf").write_text(
            f"{user}worker_processes 1;\nworker_shutdown_timeout 10s;\npid {nginx / 'nginx.pid'};\nerror_log {self.logs / 'nginx.error.log'} warn;\n"
            "events { worker_connections 128; }\n"
            f"http {{\n  client_body_temp_path {nginx / 'body'};\n  proxy_temp_path {nginx / 'proxy'};\n"
            f"  fastcgi_temp_path {nginx / 'fastcgi'};\n  uwsgi_temp_path {nginx / 'uwsgi'};\n"
            f"  scgi_temp_path {nginx / 'scgi'};\n  include {nginx / 'waarborg.conf'};\n}}\n")
        checked = subprocess.run([NGINX, "-t", "-p", str(nginx), "-c", str(nginx / "nginx.conf")],
                                 capture_output=True, text=True, timeout=30, check=False)
        assert checked.returncode == 0, checked.stderr
        self.start("nginx", NGINX, "-p", str(nginx), "-c", str(nginx / "nginx.conf"), "-g", "daemon off;")

    def wait_for(self, url: str, status: int = 200, seconds: float = 60) -> None:
        context = self.tls() if url.startswith("https") else None
        limit = min(time.monotonic() + seconds, self.deadline)
        last: object = None
        while time.monotonic() < limit:
            for name, proc in self.processes.items():
                if proc.poll() is not None:
                    raise AssertionError(f"{name} stopped ({proc.returncode}): {self.log(name)[-2000:]}")
            try:
                with urllib.request.urlopen(url, timeout=5, context=context) as answer:  # noqa: S310
                    last = answer.status
            except urllib.error.HTTPError as exc:
                last = exc.code
            except OSError as exc:
                last = exc
            if last == status:
                return
            time.sleep(0.2)
        raise AssertionError(f"{url} answered {last!r}, not {status}")

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def arm_watchdog(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.watchdog = threading.Timer(seconds, self.kill_all)
        self.watchdog.daemon = True
        self.watchdog.start()

    def stop(self, name: str, sig: int = signal.SIGTERM, seconds: float = 40) -> int:
        """Ask one process to stop as its service manager would; its exit status (it must stop in time)."""
        proc = self.processes[name]
        proc.send_signal(sig)
        try:
            return proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{name} did not stop within {seconds} s") from None

    def kill_all(self) -> None:
        for proc in self.processes.values():
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
        for proc in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)

    def close(self) -> None:
        if self.watchdog is not None:
            self.watchdog.cancel()
        self.kill_all()
        self.drop_database()
