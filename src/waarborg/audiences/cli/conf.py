"""Installation commands: `waarborg check [--deploy]`, `waarborg migrate [--grant ROLE]`, `waarborg collectstatic`,
`waarborg db roles [--role ROLE] [--apply]` (the runtime role's least privilege, as SQL or applied by the owner).

The install script (`deploy/install.sh`, also run by compose and by the topology test) is made of these.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    check = sub.add_parser("check", help="Django's system checks; with --deploy also whether this is fit for production")
    check.add_argument("--deploy", action="store_true", help="deployment checks: exit 1 naming each problem")
    check.set_defaults(handler=_check, needs_ready=False)
    migrate = sub.add_parser("migrate", help="bring the database schema up to date, as the owner of the tables")
    migrate.add_argument("--grant", metavar="ROLE", default=None,
                         help="PostgreSQL: then give ROLE, the role the platform runs as, row rights on every table "
                              "and nothing more (default: WAARBORG_DATABASE_ROLE)")
    migrate.set_defaults(handler=_migrate, before_setup=as_owner)
    db = sub.add_parser("db", help="the database's roles (PostgreSQL)")
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    roles = dsub.add_parser("roles", help="print the SQL that gives the runtime role least privilege; --apply runs it "
                                          "(connected as the owner of the tables)")
    roles.add_argument("--role", metavar="ROLE", default=None,
                       help="the role the platform runs as (default: WAARBORG_DATABASE_ROLE, else waarborg_app)")
    roles.add_argument("--apply", action="store_true",
                       help="run it: create the role if it is missing (its password printed once), grant its rights")
    roles.set_defaults(handler=_db_roles, before_setup=as_owner, needs_ready=False)
    collect = sub.add_parser("collectstatic", help="collect static files under hashed names into WAARBORG_STATIC_ROOT")
    collect.set_defaults(handler=_collectstatic, needs_ready=False)


def _check(args: argparse.Namespace) -> int:
    from django.core import checks

    from waarborg.audiences.cli.deploy import deploy_problems, deploy_warnings

    if not args.deploy:
        errors = [m for m in checks.run_checks() if m.level >= checks.WARNING and not m.is_silenced()]
        for message in errors:
            print(f"{message.id}: {message.msg}", file=sys.stderr)
        return 1 if errors else 0
    problems = deploy_problems()
    for warning in deploy_warnings():
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if problems:
        print(f"waarborg check --deploy: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("waarborg check --deploy: no problems")
    return 0


ROLE = re.compile(r"^[a-z_][a-z0-9_$]{0,62}$")


def grants(role: str, schema: str) -> list[str]:
    """Row rights on every table and sequence, now and for tables made later by the same owner; the audit
    log and its checkpoints additionally lose UPDATE, DELETE and TRUNCATE (their triggers refuse them too)."""
    return [
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"',
        f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{role}"',
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{role}"',
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "{role}"',
        f'REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditentry, audit_auditseal FROM "{role}"',
    ]


def role_sql(role: str, database: str, schema: str) -> list[str]:
    """Everything the runtime role needs, and nothing more: log in, connect, row rights (`grants`)."""
    return [f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS',
            f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"', *grants(role, schema)]


def _db_roles(args: argparse.Namespace) -> int:
    import secrets

    from django.db import ProgrammingError, connection, transaction
    from psycopg import errors, sql

    role = args.role or os.environ.get("WAARBORG_DATABASE_ROLE") or "waarborg_app"
    if not ROLE.match(role):
        raise UserError(f"--role: {role!r} is not a plain PostgreSQL role name")
    if connection.vendor != "postgresql":
        raise UserError("db roles is for PostgreSQL; SQLite has no roles (and cannot protect the audit log from "
                        "whoever has its file: docs/audit.md)")
    database = str(connection.settings_dict["NAME"])
    if not args.apply:
        print("-- The role the platform runs as (DATABASE_URL): row rights on every table, and on the audit log and")
        print("-- its checkpoints only SELECT and INSERT. Run as the owner of the tables (WAARBORG_OWNER_DATABASE_URL);")
        print(f"-- creating the role needs CREATEROLE (or: sudo -u postgres createuser --pwprompt {role}).")
        for statement in role_sql(role, database, "public"):
            print(f"{statement};")
        print(f"-- then give it a password: \\password {role}")
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_schema(), (SELECT tableowner FROM pg_tables "
                       "WHERE schemaname = current_schema() AND tablename = 'audit_auditentry')")
        me, schema, owner = cursor.fetchone()
        if owner is None:
            raise UserError("the tables are not there yet: `waarborg migrate` first")
        if owner != me:
            raise UserError(f"connected as {me!r}, but {owner!r} owns the tables: run this as the owner "
                            "(WAARBORG_OWNER_DATABASE_URL)")
        if role == me:
            raise UserError(f"{role!r} owns the tables: the platform must run as another role")
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        password = None
        statements = role_sql(role, database, schema)
        if cursor.fetchone() is None:
            password = secrets.token_urlsafe(24)
            try:
                cursor.execute(sql.SQL(statements[0] + " PASSWORD {}").format(sql.Literal(password)))
            except ProgrammingError as exc:
                if not isinstance(exc.__cause__, errors.InsufficientPrivilege):
                    raise
                raise UserError(f"{me!r} may not create roles: create it first (sudo -u postgres createuser "
                                f"--pwprompt {role}), then run this again") from None
        for statement in statements[1:]:
            cursor.execute(statement)
    if password:
        print(f"created role {role}; its password (shown once): {password}")
    print(f"granted {role} row rights on schema {schema}; on audit_auditentry and audit_auditseal only SELECT and "
          "INSERT")
    return 0


def as_owner(args: argparse.Namespace) -> None:
    """`waarborg migrate` (and `backup restore`) connect as the owner of the tables; the platform never does.

    WAARBORG_OWNER_DATABASE_URL / _FILE: the owner's postgres:// URL (default: DATABASE_URL, for an
    installation with one role, which `check --deploy` names as a problem). WAARBORG_DATABASE_ROLE: the role
    the platform runs as, given row rights after migrating (`--grant`).
    """
    from waarborg.conf import home
    from waarborg.conf.env import env_database, env_secret

    home.load_config()
    owner = env_secret("WAARBORG_OWNER_DATABASE_URL")
    if owner:
        env_database("WAARBORG_OWNER_DATABASE_URL", owner)  # a URL that does not parse is named as the owner's
        os.environ.pop("DATABASE_URL_FILE", None)
        os.environ["DATABASE_URL"] = owner


def _migrate(args: argparse.Namespace) -> int:
    from django.core.management import call_command
    from django.db import connection, transaction

    args.grant = args.grant or os.environ.get("WAARBORG_DATABASE_ROLE") or None
    if args.grant and not ROLE.match(args.grant):
        raise UserError(f"--grant: {args.grant!r} is not a plain PostgreSQL role name")
    if args.grant and connection.vendor != "postgresql":
        raise UserError("--grant is for PostgreSQL; SQLite has no roles")
    call_command("migrate", verbosity=1, interactive=False)
    if args.grant:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_schema()")
            schema = cursor.fetchone()[0]
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [args.grant])
            if cursor.fetchone() is None:
                raise UserError(f"there is no database role {args.grant!r}: create it first (createuser {args.grant})")
            for statement in grants(args.grant, schema):
                cursor.execute(statement)
        print(f"granted row rights on schema {schema} to {args.grant}")
    return 0


def _collectstatic(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.core.management import call_command

    if not settings.STATIC_ROOT:
        raise UserError("set WAARBORG_STATIC_ROOT (in production it defaults to <home>/static)")
    # Minus Python: the `static/` folders are packages (an `__init__.py` each, so the wheel carries them), and
    # would otherwise publish `/static/__init__.<hash>.py`. (Not a StaticFilesConfig subclass: test servers and
    # tools look for "django.contrib.staticfiles" by name in INSTALLED_APPS.)
    call_command("collectstatic", interactive=False, verbosity=0,
                 ignore_patterns=["__init__.py", "__pycache__", "*.pyc"])
    print(f"static files collected into {settings.STATIC_ROOT}")
    return 0
