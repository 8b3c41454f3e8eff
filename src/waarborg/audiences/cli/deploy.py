"""`waarborg check --deploy`: is this installation fit for production? Django's deployment checks plus ours.

Ours, each naming what to change:
- the home and both keys are there (no key is ever generated outside the embedded default);
- WAARBORG_ENV is production and DEBUG is off;
- key files lie outside the source checkout and any git repository, readable by their owner only;
- the database is PostgreSQL, reachable, and the role the platform runs as neither owns the tables nor is a
  superuser (the owner can drop the audit log's append-only trigger: migrations run as the owner, the
  platform as a role with only SELECT/INSERT/UPDATE/DELETE, see `waarborg migrate --grant`);
- a policy is active, mail is really sent, static files are collected, Redis answers when configured;
- staff log in with a second factor (WAARBORG_STAFF_2FA=required, the production default).

Warnings (printed, the check still passes): gunicorn runs several workers without a shared cache
(WAARBORG_CACHE_URL), so each counts rates alone.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from waarborg.conf import home
from waarborg.conf.env import env_str

KEYS = (("WAARBORG_SECRET_KEY", "secret_key"), ("WAARBORG_MASTER_KEY", "master_key"))
PRINTING_BACKENDS = ("django.core.mail.backends.console.EmailBackend", "django.core.mail.backends.locmem.EmailBackend",
                     "django.core.mail.backends.dummy.EmailBackend", "django.core.mail.backends.filebased.EmailBackend")


def django_problems() -> list[str]:
    from django.core import checks

    messages = checks.run_checks(include_deployment_checks=True)
    return [f"{m.id}: {m.msg}" for m in messages if m.level >= checks.WARNING and not m.is_silenced()]


def key_files() -> list[tuple[str, Path]]:
    """Where each key came from, when it came from a file."""
    found = []
    for name, filename in KEYS:
        if env_str(name):
            continue
        named = env_str(f"{name}_FILE")
        path = Path(named) if named else Path(settings.VAR_DIR) / filename
        if path.is_file():
            found.append((name, path.resolve()))
    return found


def _in_repository(path: Path) -> Path | None:
    root = home.checkout()
    if root is not None and path.is_relative_to(root):
        return root
    for parent in path.parents:
        if (parent / ".git").exists():
            return parent
    return None


def key_problems() -> list[str]:
    problems = []
    for name, path in key_files():
        repository = _in_repository(path)
        if repository is not None:
            problems.append(f"{name} is read from {path}, inside the repository {repository}: keep keys outside "
                            f"any checkout (a commit or a copy of the folder would carry them)")
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            problems.append(f"{name} file {path} is readable by others (mode {mode:o}): chmod 600 it")
    return problems


def unapplied_migrations() -> int:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def database_problems() -> list[str]:
    from django.db import connection

    problems = []
    try:
        pending = unapplied_migrations()
    except Exception as exc:  # unreachable, wrong password...: say so, with the driver's class only
        return [f"the database cannot be reached ({type(exc).__name__})"]
    if pending:
        problems.append(f"the database schema is not up to date ({pending} migrations to apply): `waarborg migrate`")
    if connection.vendor != "postgresql":
        return [*problems, f"the database is {connection.vendor}: production runs on PostgreSQL (DATABASE_URL=postgres://...)"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
            user, superuser = cursor.fetchone()
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                           "AND tableowner = current_user ORDER BY tablename")
            owned = [row[0] for row in cursor.fetchall()]
    except Exception as exc:
        return [f"the database cannot be reached ({type(exc).__name__})"]
    if superuser:
        problems.append(f"the database role {user!r} is a superuser: run the platform as a role without it")
    if owned:
        problems.append(f"the database role {user!r} owns {len(owned)} tables (e.g. {owned[0]}): it could drop the "
                        f"audit log's append-only trigger. Migrate as the owner with `waarborg migrate --grant "
                        f"ROLE` and run the platform as ROLE")
    return problems


def platform_problems() -> list[str]:
    problems = list(settings.WAARBORG_NOT_READY)
    if not settings.PRODUCTION:
        problems.append(f"WAARBORG_ENV is {settings.WAARBORG_ENV!r}: set it to production (secure cookies, HSTS, "
                        f"keys never generated)")
    if settings.DEBUG:
        problems.append("DEBUG is on (WAARBORG_DEBUG): error pages would show settings and data")
    if settings.EMAIL_BACKEND in PRINTING_BACKENDS:
        problems.append(f"mail is not sent but kept or printed ({settings.EMAIL_BACKEND}): set WAARBORG_EMAIL_BACKEND "
                        f"to django.core.mail.backends.smtp.EmailBackend and WAARBORG_EMAIL_HOST")
    if settings.PRODUCTION and settings.WAARBORG_STAFF_2FA != "required":
        problems.append(f"WAARBORG_STAFF_2FA is {settings.WAARBORG_STAFF_2FA!r}: staff could reach personal data with "
                        f"a password alone; set it to required")
    if settings.PRODUCTION and not (Path(settings.STATIC_ROOT or ".") / "staticfiles.json").is_file():
        problems.append(f"static files are not collected into {settings.STATIC_ROOT}: run `waarborg collectstatic`")
    return problems


def service_problems() -> list[str]:
    from waarborg.engine.health.checks import broker_url, readiness

    _, body = readiness()
    problems = []
    if body["checks"]["policy"] != "ok":
        problems.append("no policy is active: `waarborg policy activate FILE`")
    if body["checks"]["redis"] == "unavailable":
        problems.append(f"Redis does not answer at WAARBORG_CELERY_BROKER ({broker_url().split('@')[-1]})")
    return problems


def gunicorn_workers() -> int:
    """What deploy/gunicorn.conf.py starts: WAARBORG_WORKERS, else 2 per core and at least 2."""
    import os

    from waarborg.conf.env import env_int

    return env_int("WAARBORG_WORKERS", max(2, 2 * (os.cpu_count() or 1)), minimum=1)


def deploy_warnings() -> list[str]:
    """What works, but not as the operator likely expects: said, without failing the check."""
    warnings = []
    workers = gunicorn_workers()
    if settings.PRODUCTION and not settings.WAARBORG_CACHE_URL and workers > 1:
        warnings.append(f"WAARBORG_CACHE_URL is not set while gunicorn runs {workers} workers (WAARBORG_WORKERS): "
                        f"each counts the API rate limits (WAARBORG_API_RATE) on its own, so they are {workers} times as "
                        f"loose. Set it to a Redis every process shares, e.g. redis://127.0.0.1:6379/1")
    return warnings


def deploy_problems() -> list[str]:
    problems = platform_problems() + key_problems() + django_problems()
    db = database_problems()
    problems += db
    if not any("cannot be reached" in p or "migrations to apply" in p for p in db):
        problems += service_problems()
    return problems

