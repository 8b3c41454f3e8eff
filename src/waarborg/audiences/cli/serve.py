"""`waarborg serve [--policy FILE] [--host H] [--port P]`: migrate, activate, serve with waitress."""

from __future__ import annotations

import argparse
import os
import secrets
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="migrate, activate the policy and serve the platform")
    serve.add_argument("--policy", metavar="FILE", help="activate this policy file first")
    # WAARBORG_HOST / WAARBORG_PORT (the environment or the configuration file): the defaults of --host and
    # --port (127.0.0.1:8000, the embedded default's address; production runs gunicorn behind a proxy instead,
    # see docs/operator.md). Read when the command runs, after the configuration file was.
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--threads", type=int, default=8)
    serve.set_defaults(handler=_serve, creates_home=True)


def prepare(policy_file: str | None) -> None:
    """Migrate, activate the policy if asked or none is active yet, create the first admin once."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from waarborg.engine.policy.active import activate, current_version_number
    from waarborg.engine.policy.loader import PolicyError, load_file

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("preparing the database (migrations; the first time takes a minute) ...", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    if settings.STATIC_ROOT and not (Path(settings.STATIC_ROOT) / "staticfiles.json").is_file():
        call_command("collectstatic", interactive=False, verbosity=0)  # hashed names need their manifest
    path = policy_file or (settings.WAARBORG_POLICY if current_version_number() is None else None)
    if path:
        try:
            version = activate(load_file(path))
        except PolicyError as exc:
            raise UserError(f"{path} is not a valid policy:\n{exc}") from None
        print(f"policy {path} active as version {version.number}")
    if current_version_number() is None:
        raise UserError("no policy is active: pass --policy FILE or set WAARBORG_POLICY")
    _first_admin()


def _first_admin() -> None:
    from django.utils import timezone

    from waarborg.engine.accounts.models import User
    from waarborg.engine.audit.log import append
    from waarborg.engine.policy.active import current

    if User.objects.filter(is_superuser=True).exists():
        return
    policy = current()
    roles = [name for name, role in policy.roles.items() if role.oversees]
    password = secrets.token_urlsafe(15)
    user = User(username="admin", kind=User.Kind.STAFF, is_staff=True, is_superuser=True, roles=roles,
                confidentiality_signed_at=timezone.now())
    user.set_password(password)
    user.save()
    append(action="staff.create", actor="system:serve", detail={"user_id": user.pk, "roles": roles, "first_admin": True})
    bar = "=" * 64
    print(f"{bar}\nFirst admin account (shown once, change the password after logging in):\n"
          f"  username: admin\n  password: {password}\n  roles:    {', '.join(roles)}\n{bar}", flush=True)


# This machine by name: a passkey needs a host name (an IP address cannot be its relying party), and browsers
# treat http://localhost as secure as https.
_LOOPBACK = frozenset(["", "0.0.0.0", "::", "127.0.0.1", "::1", "localhost"])  # noqa: S104 (a wildcard is no link host)


def _links_to_this_server(host: str, port: int) -> str:
    """Without WAARBORG_PUBLIC_URL (development), links in mails and letters point at the address this server
    listens on, port included, instead of the default http://127.0.0.1:8000; on this machine by the name
    localhost, so passkeys work there too. A set public URL always wins. Returns the address to open."""
    from django.conf import settings

    if os.environ.get("WAARBORG_PUBLIC_URL") or settings.PRODUCTION:
        return str(settings.WAARBORG_PUBLIC_URL)
    name = "localhost" if host in _LOOPBACK else host
    origin = _origin(name, port)
    settings.WAARBORG_PUBLIC_URL = origin
    settings.CSRF_TRUSTED_ORIGINS = [origin]
    if not os.environ.get("WAARBORG_PASSKEY_RP_ID"):
        settings.WAARBORG_PASSKEY_RP_ID = settings.OTP_WEBAUTHN_RP_ID = name
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [origin]
    if name not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, name]
    return origin


def _origin(name: str, port: int) -> str:
    return f"http://{f'[{name}]' if ':' in name else name}:{port}"


def _port_free(host: str, port: int) -> None:
    """Refuse in words when the address is taken (another `waarborg serve`, say) or cannot be had here."""
    import socket

    try:
        family, kind, proto, _, where = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as waitress binds
            probe.bind(where)
    except socket.gaierror as exc:
        raise UserError(f"cannot serve on {host}: {exc.strerror or exc}; give --host an address of this machine") from None
    except OSError as exc:
        raise UserError(f"cannot serve on {host} port {port}: {exc.strerror or exc}. Is another server running "
                        "there? Stop it, or choose another port with --port.") from None


def _serve(args: argparse.Namespace) -> int:
    from waitress import serve

    from waarborg.wsgi import application

    args.host = args.host or os.environ.get("WAARBORG_HOST") or "127.0.0.1"
    try:
        args.port = args.port or int(os.environ.get("WAARBORG_PORT") or "8000")
    except ValueError:
        raise UserError(f"WAARBORG_PORT is {os.environ.get('WAARBORG_PORT')!r}, not a port number") from None
    _port_free(args.host, args.port)  # before the database is touched: a second `serve` changes nothing
    prepare(args.policy)
    address = _links_to_this_server(args.host, args.port)
    print(f"Waarborg serving on {address}/  (privacy statement: /privacy/, API: /api/v1/docs/)", flush=True)
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="waarborg")
    return 0
