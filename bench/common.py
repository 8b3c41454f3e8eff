"""Shared set-up of the benchmark scripts: a separate PostgreSQL database, never `postgres` or `test*`."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/waarborg_bench_vault"


def setup() -> None:
    """Point Django at the bench database (BENCH_DATABASE_URL) and set it up."""
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    name = url.rsplit("/", 1)[-1].split("?")[0]
    if not url.startswith(("postgres://", "postgresql://")) or name in ("postgres", "") or name.startswith("test"):
        sys.exit(f"refusing to benchmark on {url!r}: create a database of its own (createdb waarborg_bench_vault)")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("WAARBORG_VAR_DIR", str(ROOT / "bench" / "out" / "var"))
    os.environ.setdefault("WAARBORG_ENV", "development")
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
    from waarborg.accounts.actions import staff_create
    from waarborg.accounts.models import ApiToken, User

    user = User.objects.filter(username=username).first()
    if user is None:
        user, _, _ = staff_create(username, ["assessor"], by="system:bench")
    _, key = ApiToken.issue(user, name="bench")
    return user, key
