"""Shared set-up of the benchmark scripts: a separate PostgreSQL database, never `postgres` or `test*`."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/waarborg_bench_vault"


def bench_home() -> Path:
    """The benchmarks' own home (BENCH_HOME, default bench/out/home) with keys made once, as an operator
    would: the platform never generates keys for a PostgreSQL installation. Later runs must find the same
    keys, else the sealed rows of an earlier run cannot be read."""
    import base64
    import secrets

    home = Path(os.environ.get("BENCH_HOME", str(ROOT / "bench" / "out" / "home")))
    home.mkdir(parents=True, exist_ok=True)
    for name, make in (("secret_key", lambda: secrets.token_urlsafe(50)),
                       ("master_key", lambda: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())):
        path = home / name
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(make())
    return home


def environment(database_url: str) -> dict[str, str]:
    """The variables a benchmark process runs with: its database, the bench home and its keys."""
    home = bench_home()
    return {"DATABASE_URL": database_url, "WAARBORG_HOME": str(home), "WAARBORG_CONFIG": "",
            "WAARBORG_SECRET_KEY_FILE": str(home / "secret_key"), "WAARBORG_MASTER_KEY_FILE": str(home / "master_key"),
            "WAARBORG_ENV": os.environ.get("WAARBORG_ENV", "development"), "PYTHONPATH": str(ROOT / "src"),
            "WAARBORG_API_RATE": "off"}  # the benchmarks measure reads, not the API's rate limit


def setup() -> None:
    """Point Django at the bench database (BENCH_DATABASE_URL) and set it up."""
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    name = url.rsplit("/", 1)[-1].split("?")[0]
    if not url.startswith(("postgres://", "postgresql://")) or name in ("postgres", "") or name.startswith("test"):
        sys.exit(f"refusing to benchmark on {url!r}: create a database of its own (createdb waarborg_bench_vault)")
    for key, value in environment(url).items():
        os.environ[key] = value if key in ("DATABASE_URL", "WAARBORG_HOME", "WAARBORG_CONFIG") \
            else os.environ.get(key, value)
    os.environ.setdefault("WAARBORG_LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import warnings

    warnings.filterwarnings("ignore", message=".*not set: generated one.*")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def machine() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"PostgreSQL {version}")


def bench_user(username: str = "bench-assessor") -> tuple[object, str]:
    """The assessor who reads (roles of the seed-000 policy), with a fresh API token."""
    from waarborg.engine.accounts.actions import staff_create
    from waarborg.engine.accounts.models import ApiToken, User

    user = User.objects.filter(username=username).first()
    if user is None:
        user, _, _ = staff_create(username, ["assessor"], by="system:bench")
    _, key = ApiToken.issue(user, name="bench")
    return user, key
