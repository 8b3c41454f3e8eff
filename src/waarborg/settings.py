"""Django settings, read from the environment through `waarborg.conf.env`.

Every variable is documented where it is read. Bad values fail at start (ConfigError).
"""

from __future__ import annotations

import base64
import os
import re
import secrets
import sys
import warnings
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONCE

from waarborg.audiences.web import proxy as web
from waarborg.conf import home
from waarborg.conf.env import ConfigError, env_bool, env_choice, env_database, env_int, env_secret, env_str

# The configuration file (WAARBORG_CONFIG, else /etc/waarborg/waarborg.env) fills in what the environment
# does not set; see waarborg.conf.home for the order and for who may create the home and its keys.
CONFIG_FILE = home.load_config()

# WAARBORG_ENV: `development` (default: embedded SQLite, generated keys) or `production`
# (keys must be given, DEBUG is off, never generated, HTTPS only).
WAARBORG_ENV = env_choice("WAARBORG_ENV", ("development", "production", "test"), "development")
PRODUCTION = WAARBORG_ENV == "production"

# WAARBORG_HOME (older name WAARBORG_VAR_DIR): the folder of the embedded default's database, generated keys,
# backups and the scheduler's state. Default: `var/` of the source checkout, never the current directory.
VAR_DIR = home.home_dir()
# Why this process cannot serve yet (no home, no keys), in words for the operator. Settings never create a
# key outside `serve`; every entry point (CLI, WSGI, Celery) stops with these before touching data.
WAARBORG_NOT_READY: list[str] = []

# DATABASE_URL / DATABASE_URL_FILE: sqlite:///<home>/waarborg.sqlite3 (the embedded default) or
# postgres://role:password@host/db, the role the platform runs as (not the owner of the tables).
_default_db = f"sqlite:///{VAR_DIR / 'waarborg.sqlite3'}"
# A password's @ # / : ? % must be percent-encoded; a URL that does not parse stops here, naming the variable.
DATABASE_URL, _database = env_database("DATABASE_URL", _default_db)  # or DATABASE_URL_FILE: it holds a password
EMBEDDED = DATABASE_URL.startswith("sqlite")
if EMBEDDED and not PRODUCTION:
    # Nothing on SQLite needs PostgreSQL's modules; DRF would import django.contrib.postgres (and with it
    # psycopg) just because psycopg is installed, which costs every command a tenth of a second.
    sys.modules.setdefault("django.contrib.postgres", None)  # type: ignore[arg-type]
_may_create = WAARBORG_ENV == "test" or (home.may_create() and EMBEDDED)
if not VAR_DIR.is_dir():
    if _may_create:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
    else:
        WAARBORG_NOT_READY.append(home.missing_home(VAR_DIR))


def _generated_secret(name: str, filename: str, make: Callable[[], str]) -> str:
    """A secret from the environment; else the embedded default's file in the home, generated only by
    `serve` (or a test run) on first start. Missing anywhere else: a problem named in WAARBORG_NOT_READY."""
    value = env_secret(name)
    if value:
        return value
    if PRODUCTION:
        raise ConfigError(f"{name} (or {name}_FILE) is required when WAARBORG_ENV=production")
    path = VAR_DIR / filename
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    if not _may_create or not VAR_DIR.is_dir():
        if VAR_DIR.is_dir():
            WAARBORG_NOT_READY.append(f"{name} is not set and {path} does not exist: set {name} (or {name}_FILE); "
                                      f"only `waarborg serve` generates keys, for the embedded default on SQLite")
        return ""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(make())
    if WAARBORG_ENV != "test":
        warnings.warn(
            f"{name} not set: generated one into {path}. Set it explicitly in production.",
            RuntimeWarning,
            stacklevel=1,
        )
    return path.read_text(encoding="utf-8").strip()


# WAARBORG_SECRET_KEY / WAARBORG_SECRET_KEY_FILE: Django's signing key (sessions, tokens in links).
SECRET_KEY = _generated_secret("WAARBORG_SECRET_KEY", "secret_key", lambda: secrets.token_urlsafe(50))

# WAARBORG_MASTER_KEY / WAARBORG_MASTER_KEY_FILE: 32 bytes, url-safe base64. Wraps every
# subject's data key (AES-GCM); losing it makes all encrypted fields unreadable.
MASTER_KEY_B64 = _generated_secret(
    "WAARBORG_MASTER_KEY", "master_key", lambda: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
)
try:
    MASTER_KEY = base64.urlsafe_b64decode(MASTER_KEY_B64.encode())
except (ValueError, TypeError) as exc:
    raise ConfigError("WAARBORG_MASTER_KEY must be url-safe base64") from exc
if MASTER_KEY_B64 and len(MASTER_KEY) != 32:
    raise ConfigError("WAARBORG_MASTER_KEY must decode to exactly 32 bytes")

# WAARBORG_DEBUG: Django debug pages; off by default and refused in production.
DEBUG = env_bool("WAARBORG_DEBUG", False)
if DEBUG and PRODUCTION:
    raise ConfigError("WAARBORG_DEBUG cannot be on when WAARBORG_ENV=production")

DATABASES = {"default": _database}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # IMMEDIATE: a writing transaction takes the write lock at BEGIN, so concurrent writers (waitress
    # threads, the scheduler) wait for each other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;",
                                       "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# Each test run gets its own test database, so parallel runs never collide. On SQLite it is a
# file (not memory), so tests can read the raw file and hand it to other processes.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test_waarborg_{os.getpid()}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_waarborg_{os.getpid()}"}

# WAARBORG_POLICY: the policy file activated at start when no policy is active yet.
WAARBORG_POLICY = env_str("WAARBORG_POLICY")

# WAARBORG_PUBLIC_URL: the one public origin, `https://privacy.example.nl` (scheme, host, optional port; no
# path). The host Django answers to, the origin trusted for CSRF, and the host of every link in mails and
# letters (waarborg.conf.links.absolute_url). Required in production, and https there.
WAARBORG_PUBLIC_URL = web.public_url(env_str("WAARBORG_PUBLIC_URL"), production=PRODUCTION)
# WAARBORG_ALLOWED_HOSTS: further host names the service answers to besides the public one (comma-separated),
# e.g. an internal name. Default in development: 127.0.0.1, localhost, testserver; in production none.
ALLOWED_HOSTS = web.allowed_hosts(WAARBORG_PUBLIC_URL, env_str("WAARBORG_ALLOWED_HOSTS",
                                                              "" if PRODUCTION else "127.0.0.1,localhost,testserver"))
CSRF_TRUSTED_ORIGINS = [WAARBORG_PUBLIC_URL]
# WAARBORG_TRUSTED_PROXY: addresses or networks (comma-separated, e.g. `127.0.0.1` or `10.0.0.0/8`) of the
# reverse proxy. Only a request from there may say, in X-Forwarded-Proto and X-Forwarded-For, that it came
# over HTTPS and from which client (waarborg.audiences.web.proxy.TrustedProxyMiddleware); from anyone else these
# headers are dropped. Unset: no proxy is believed.
WAARBORG_TRUSTED_PROXY = web.networks("WAARBORG_TRUSTED_PROXY", env_str("WAARBORG_TRUSTED_PROXY", "") or "")

# WAARBORG_METRICS_NETWORKS: clients (addresses or networks, comma-separated) that may read /metrics
# (default: this machine only). WAARBORG_METRICS_TOKEN / _FILE: or any client sending `Authorization:
# Bearer <token>`. Everyone else gets 404.
WAARBORG_METRICS_NETWORKS = web.networks("WAARBORG_METRICS_NETWORKS",
                                         env_str("WAARBORG_METRICS_NETWORKS", "127.0.0.1,::1") or "")
WAARBORG_METRICS_TOKEN = env_secret("WAARBORG_METRICS_TOKEN") or ""

# WAARBORG_CLAMD: ClamAV daemon for scanning uploads, `unix:/run/clamav/clamd.ctl` or `tcp:host:3310`.
# Unset: only built-in test signatures (EICAR) are checked.
WAARBORG_CLAMD = env_str("WAARBORG_CLAMD", "") or ""
if WAARBORG_CLAMD and not WAARBORG_CLAMD.startswith(("unix:", "tcp:")):
    raise ConfigError("WAARBORG_CLAMD must start with unix: or tcp:")

# WAARBORG_BACKUP_DIR: where `waarborg backup create` writes encrypted backups.
WAARBORG_BACKUP_DIR = Path(env_str("WAARBORG_BACKUP_DIR", str(VAR_DIR / "backups")) or VAR_DIR / "backups")
# WAARBORG_ERASURE_JOURNAL: the erasure journal; keep it OUTSIDE the database and its backups, so a
# restore can re-apply erasures made after the backup was taken.
WAARBORG_ERASURE_JOURNAL = Path(
    env_str("WAARBORG_ERASURE_JOURNAL", str(VAR_DIR / "erasure-journal.jsonl")) or VAR_DIR / "erasure-journal.jsonl"
)
# WAARBORG_AUDIT_CHECKPOINTS: the file the signed audit checkpoints are appended to (waarborg.engine.audit.checkpoints).
# Outside the database, where its administrator cannot reach; `chattr +a` makes it append-only.
WAARBORG_AUDIT_CHECKPOINTS = Path(env_str("WAARBORG_AUDIT_CHECKPOINTS", "") or VAR_DIR / "audit-checkpoints.jsonl")

# WAARBORG_MAX_BODY_BYTES: larger request bodies get 413 (default 1 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("WAARBORG_MAX_BODY_BYTES", 1024 * 1024, minimum=1024)
# WAARBORG_MAX_JSON_DEPTH: JSON bodies nested deeper get 400 (waarborg.audiences.api.parsers); far below Python's limit.
WAARBORG_MAX_JSON_DEPTH = env_int("WAARBORG_MAX_JSON_DEPTH", 32, minimum=4)
if WAARBORG_MAX_JSON_DEPTH > 500:
    raise ConfigError("WAARBORG_MAX_JSON_DEPTH must be at most 500 (Python's parser recurses once per level)")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "axes",
    "csp",
    # Staff's second factor (waarborg.engine.accounts.twofactor): TOTP devices and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",  # passkeys as a second factor (the same gate as the app's code)
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "waarborg.engine.policy",
    "waarborg.engine.audit",
    "waarborg.engine.accounts",
    "waarborg.engine.vault",
    "waarborg.engine.consent",
    "waarborg.engine.citizens",
    "waarborg.engine.retention",
    "waarborg.engine.rights",
    "waarborg.modules.recordings",
    "waarborg.modules.research",
    "waarborg.modules.securemail",
    "waarborg.engine.disclosures",
    "waarborg.engine.breaches",
    "waarborg.engine.decisions",
    "waarborg.engine.backups",
    "waarborg.engine.oversight",
    "waarborg.modules.listings",
    "waarborg.modules.tips",
    "waarborg.engine.jobs",
    "waarborg.modules.statistics",
    "waarborg.modules.mailings",
    # The page skeleton, error pages and style sheets every page shares (docs/design.md).
    "waarborg.audiences.web",
    "waarborg.audiences.api",
    "waarborg.audiences.portal",
    "waarborg.audiences.site",
    "waarborg.audiences.backoffice",
]

MIDDLEWARE = [
    "waarborg.audiences.web.proxy.TrustedProxyMiddleware",
    "waarborg.audiences.web.probes.ProbesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every answer (waarborg.audiences.web.headers). Before the public-pages middleware, so
    # it writes the header after the cookie banner (and the origins it allows) was added.
    "waarborg.audiences.web.headers.Middleware",
    "waarborg.audiences.web.static.Middleware",  # WhiteNoise
    "waarborg.audiences.web.bodies.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of every page: ?lang=, Accept-Language, Dutch; only the policy's languages (docs/i18n.md).
    "waarborg.audiences.web.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session entered its second factor (django-otp)?
    "django_otp.middleware.OTPMiddleware",
    "waarborg.audiences.web.idle.IdleLogoutMiddleware",
    # Until a staff member who needs one entered the second factor, the session opens nothing but that page.
    "waarborg.audiences.web.twofactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "waarborg.audiences.site.cookies.middleware.PublicPagesMiddleware",
    # Last: turns a login that axes locked out into a 429 (waarborg.audiences.web.lockout.lockout_response).
    "axes.middleware.AxesMiddleware",
    # Stamps an API token as used when the answer is ready, unless an audited read stamped it in its own
    # transaction (waarborg.audiences.api.auth).
    "waarborg.audiences.api.auth.TokenStampMiddleware",
]

ROOT_URLCONF = "waarborg.urls"
WSGI_APPLICATION = "waarborg.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "waarborg.audiences.web.language.context",
                # `theme`: the organisation's name, logo and colours' style sheet (docs/design.md)
                "waarborg.audiences.web.theme.context",
            ]
        },
    }
]

# Passwords: argon2 first (S0-15); the others only verify hashes imported from elsewhere.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if WAARBORG_ENV == "test" or "pytest" in sys.modules:
    # Tests create many accounts; argon2 stays the algorithm, with the cheapest parameters.
    PASSWORD_HASHERS = ["waarborg.engine.accounts.hashers.FastArgon2PasswordHasher"]
# Every password login passes the lockout first (waarborg.audiences.web.lockout), then Django's own check.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Lockout after failed logins, shared by every process through the database (waarborg.audiences.web.lockout).
# WAARBORG_LOGIN_FAILURES_PER_ACCOUNT: wrong passwords for one account, from anywhere, before it locks.
WAARBORG_LOGIN_FAILURES_PER_ACCOUNT = env_int("WAARBORG_LOGIN_FAILURES_PER_ACCOUNT", 5, minimum=1)
# WAARBORG_LOGIN_FAILURES_PER_ADDRESS: failed logins (any account) and wrong API tokens from one client
# address before that address locks. Raise it when many staff share one address (an office NAT).
WAARBORG_LOGIN_FAILURES_PER_ADDRESS = env_int("WAARBORG_LOGIN_FAILURES_PER_ADDRESS", 20, minimum=1)
# WAARBORG_LOGIN_LOCKOUT_MINUTES: how long a lockout lasts after the last failed try.
WAARBORG_LOGIN_LOCKOUT_MINUTES = env_int("WAARBORG_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
AXES_HANDLER = "waarborg.audiences.web.lockout.Handler"
AXES_FAILURE_LIMIT = WAARBORG_LOGIN_FAILURES_PER_ACCOUNT
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=WAARBORG_LOGIN_LOCKOUT_MINUTES)
AXES_USERNAME_CALLABLE = "waarborg.audiences.web.lockout.account_key"  # a keyed hash, never the typed name
AXES_CLIENT_IP_CALLABLE = "waarborg.audiences.web.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "waarborg.audiences.web.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # logins are in the audit log; axes would keep names and addresses forever
AXES_ENABLE_ADMIN = False  # unlock through `waarborg staff unlock` or the users' admin action (audited)
AXES_VERBOSE = False
# What axes keeps of a failed attempt's form never holds a password, a name or a second-factor code.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# WAARBORG_STAFF_2FA: a second factor for staff (an authenticator app's code, or a one-time recovery code) after
# the password, at the back office and the Django admin (waarborg.audiences.web.twofactor):
# `required` (default in production): every staff account enrols at its first login and enters a code at each;
# `optional` (default in development and tests): staff who enrolled enter a code, the others may enrol;
# `off`: nobody is asked. A policy with `staff: {two_factor: required}` requires it whatever this says.
# API tokens are not affected: they are for services, and only an operator issues them.
WAARBORG_STAFF_2FA = env_choice("WAARBORG_STAFF_2FA", ("required", "optional", "off"),
                                "required" if PRODUCTION else "optional")
# Single sign-on for staff through OpenID Connect (mozilla-django-oidc; waarborg.audiences.web.sso, docs/operator.md).
# On when WAARBORG_OIDC_ISSUER is set: the back office's login page offers "Inloggen via <organisation>", the
# identity provider (Keycloak, Entra ID, ...) logs the staff member in, and Waarborg lets in an existing staff
# account only (never creates one) with the roles the provider's claims map to.
# WAARBORG_OIDC_ISSUER: the provider's issuer URL; its endpoints come from <issuer>/.well-known/openid-configuration.
WAARBORG_OIDC_ISSUER = (env_str("WAARBORG_OIDC_ISSUER", "") or "").rstrip("/")
if WAARBORG_OIDC_ISSUER and not WAARBORG_OIDC_ISSUER.startswith(("https://", "http://")):
    raise ConfigError("WAARBORG_OIDC_ISSUER must be an https:// URL")
if WAARBORG_OIDC_ISSUER.startswith("http://") and PRODUCTION:
    raise ConfigError("WAARBORG_OIDC_ISSUER must be https:// when WAARBORG_ENV=production")
# WAARBORG_OIDC_CLIENT_ID, WAARBORG_OIDC_CLIENT_SECRET / _FILE: the confidential client registered at the provider,
# with redirect URI <WAARBORG_PUBLIC_URL>/backoffice/sso/terug.
WAARBORG_OIDC_CLIENT_ID = env_str("WAARBORG_OIDC_CLIENT_ID", "") or ""
WAARBORG_OIDC_CLIENT_SECRET = env_secret("WAARBORG_OIDC_CLIENT_SECRET") or ""
if WAARBORG_OIDC_ISSUER and not (WAARBORG_OIDC_CLIENT_ID and WAARBORG_OIDC_CLIENT_SECRET):
    raise ConfigError("WAARBORG_OIDC_ISSUER needs WAARBORG_OIDC_CLIENT_ID and WAARBORG_OIDC_CLIENT_SECRET (or _FILE)")
# WAARBORG_OIDC_SCOPES: what is asked of the provider (default `openid profile email`; add the scope that brings
# the role claim, e.g. `groups`, where the provider needs one).
WAARBORG_OIDC_SCOPES = env_str("WAARBORG_OIDC_SCOPES", "openid profile email") or ""
# WAARBORG_OIDC_USERNAME_CLAIM: the claim that names the Waarborg staff account (default `preferred_username`;
# compared with the account name, case-insensitively). An account that does not exist is refused.
WAARBORG_OIDC_USERNAME_CLAIM = env_str("WAARBORG_OIDC_USERNAME_CLAIM", "preferred_username") or ""
# WAARBORG_OIDC_ROLE_CLAIM: the claim with the staff member's groups or roles at the provider (default `groups`).
WAARBORG_OIDC_ROLE_CLAIM = env_str("WAARBORG_OIDC_ROLE_CLAIM", "groups") or ""
# WAARBORG_OIDC_ROLES: which provider group gives which role of the policy, `group=role,group=role` (a group may
# appear more than once). Unset: a claim value that is a role id of the active policy is that role. At each
# login the account's roles become exactly the mapped ones (audited as `staff.roles` when they change); none
# mapped: refused.
WAARBORG_OIDC_ROLES = env_str("WAARBORG_OIDC_ROLES", "") or ""
# WAARBORG_OIDC_MFA: does the provider's own second factor count as Waarborg's? `provider` (default): when the ID
# token says so (an `amr` value or the `acr` in WAARBORG_OIDC_MFA_VALUES), no authenticator code is asked on top;
# otherwise the staff member enters Waarborg's own second factor as after a password (WAARBORG_STAFF_2FA).
# `waarborg`: always Waarborg's own second factor as well, whatever the provider did.
WAARBORG_OIDC_MFA = env_choice("WAARBORG_OIDC_MFA", ("provider", "waarborg"), "provider")
# WAARBORG_OIDC_MFA_VALUES: the `amr`/`acr` values that mean a second factor was used (RFC 8176's names by default;
# Keycloak: the acr of your step-up level, e.g. `gold`; Entra ID: `mfa`).
WAARBORG_OIDC_MFA_VALUES = env_str("WAARBORG_OIDC_MFA_VALUES", "mfa,otp,hwk,swk,sms,sc,fpt,face,iris") or ""
# WAARBORG_STAFF_PASSWORD_LOGIN: `on` (default) or `off`: with single sign-on on, `off` refuses staff passwords
# at the back office and the admin (audited, reason `password_login_off`); staff log in through the provider only.
WAARBORG_STAFF_PASSWORD_LOGIN = env_bool("WAARBORG_STAFF_PASSWORD_LOGIN", True)
if not WAARBORG_STAFF_PASSWORD_LOGIN and not WAARBORG_OIDC_ISSUER:
    raise ConfigError("WAARBORG_STAFF_PASSWORD_LOGIN=off needs single sign-on (WAARBORG_OIDC_ISSUER): "
                      "otherwise no staff member could log in")
# mozilla-django-oidc's own names; the provider's endpoints are looked up at first use (waarborg.audiences.web.sso).
OIDC_RP_CLIENT_ID = WAARBORG_OIDC_CLIENT_ID
OIDC_RP_CLIENT_SECRET = WAARBORG_OIDC_CLIENT_SECRET
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = WAARBORG_OIDC_SCOPES
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "backoffice:sso_callback"
# The ID token stays in the (server-side) session, as the hint the provider's logout asks for: logging out of the
# back office ends the provider's session too (RP-Initiated Logout; waarborg.audiences.web.sso.end_session_url).
OIDC_STORE_ID_TOKEN = True
# django-otp: after each wrong code a device waits 1, 2, 4, 8... seconds before it checks another (on top of
# the lockout above); the admin never shows a device's secret.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Passkeys (django-otp-webauthn) as a second factor only: after the password (or single sign-on), never instead
# of it. A passkey belongs to a domain (the relying party): by default the host of WAARBORG_PUBLIC_URL, and it
# answers only from that origin, as CSRF does. WAARBORG_PASSKEY_RP_ID: a parent domain instead (e.g.
# `gemeente.nl` for `privacy.gemeente.nl`), to keep passkeys when the public address moves below it. Changing
# the domain later makes every passkey stop working (staff then log in with a recovery code and add a new one).
# An IP address cannot be a relying party: on http://127.0.0.1 passkeys are not offered (use http://localhost).
WAARBORG_PASSKEY_RP_ID = env_str("WAARBORG_PASSKEY_RP_ID", "") or urlsplit(WAARBORG_PUBLIC_URL).hostname or ""
OTP_WEBAUTHN_RP_ID = WAARBORG_PASSKEY_RP_ID
OTP_WEBAUTHN_ALLOWED_ORIGINS = [WAARBORG_PUBLIC_URL]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME_CALLABLE = "waarborg.audiences.web.passkeys.rp_name"  # the organisation's name
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "waarborg.passkeys"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Dutch is the default and the language of the source texts (msgids); English is translated in
# locale/en (docs/i18n.md). A policy may narrow these down with `languages:`. Each name is in its own language:
# the language switch shows it to a reader of the other one.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [Path(__file__).parent / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files (the admin, Swagger UI and Redoc from drf-spectacular-sidecar, our pages) are served by
# WhiteNoise from the app itself, never from another host. Collected (production, a container image) under
# hashed names by `waarborg collectstatic`, cached for a year, compressed; else straight from the apps.
STATIC_URL = "static/"
# WAARBORG_STATIC_ROOT: where `waarborg collectstatic` puts them (default <home>/static in production; elsewhere
# unset, and WhiteNoise finds the files in the apps).
_static_root = env_str("WAARBORG_STATIC_ROOT", str(VAR_DIR / "static") if PRODUCTION else None)
STATIC_ROOT = Path(_static_root) if _static_root else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "waarborg.audiences.web.static.Storage" if STATIC_ROOT
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = STATIC_ROOT is None
# Only the hashed names are kept (templates name files through the manifest), and source maps are not
# compressed: with gzip only (waarborg.audiences.web.static) `collectstatic` takes a seventh of WhiteNoise's default.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz",
                                       "br", "swf", "flv", "woff", "woff2", "map"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cookies, HSTS and redirects: in production every page is HTTPS only (WAARBORG_PUBLIC_URL is https there).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_AGE = 60 * 60 * 8
# WAARBORG_STAFF_IDLE_MINUTES: a staff session ends after this long without a request (waarborg.audiences.web.idle).
WAARBORG_STAFF_IDLE_MINUTES = env_int("WAARBORG_STAFF_IDLE_MINUTES", 30, minimum=1)
SECURE_SSL_REDIRECT = PRODUCTION
# WAARBORG_HSTS_SECONDS: how long browsers must keep to HTTPS (default a year in production, 0 elsewhere).
SECURE_HSTS_SECONDS = env_int("WAARBORG_HSTS_SECONDS", 365 * 24 * 3600 if PRODUCTION else 0, minimum=0)
# WAARBORG_HSTS_SUBDOMAINS: extend HSTS to every subdomain of the public host. Off by default: the platform
# often lives on a subdomain of a municipality whose other subdomains are not ours to bind (security.W005
# is silenced for that reason, and W021: preloading is the domain owner's decision).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("WAARBORG_HSTS_SUBDOMAINS", False)
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
if not PRODUCTION:  # passkeys on http://localhost in development (browsers count it as secure); production is https
    SILENCED_SYSTEM_CHECKS.append("otp_webauthn.E031")
X_FRAME_OPTIONS = "DENY"
# A form post without a valid CSRF token: a Dutch-first page in the site's look, not Django's English one.
CSRF_FAILURE_VIEW = "waarborg.audiences.web.errorpages.csrf_failure"
# No page tells another site where a visitor came from (the path can name a request or a person's page).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# The Content Security Policy (django-csp; waarborg.audiences.web.headers says what may widen it and why): our own
# files only, inline code only with the request's nonce, never framed, forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],  # the request's nonce, when a page used it
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],  # Redoc parses the schema in a worker
        "frame-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# EMAIL_URL-like settings: Django's SMTP backend in production, console by default.
# WAARBORG_EMAIL_BACKEND: dotted path of a Django mail backend.
EMAIL_BACKEND = env_str("WAARBORG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# WAARBORG_EMAIL_HOST / WAARBORG_EMAIL_PORT: the SMTP relay.
EMAIL_HOST = env_str("WAARBORG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("WAARBORG_EMAIL_PORT", 25, minimum=1)
# WAARBORG_EMAIL_TIMEOUT: seconds to wait for the relay before a send counts as failed. A breach notice is
# handed over while its person's row is locked, so a hanging relay must not hold that lock forever.
EMAIL_TIMEOUT = env_int("WAARBORG_EMAIL_TIMEOUT", 30, minimum=1)
# WAARBORG_DEFAULT_FROM_EMAIL: sender of mails to citizens and staff.
DEFAULT_FROM_EMAIL = env_str("WAARBORG_DEFAULT_FROM_EMAIL", "privacy@localhost")

# API rate limits (waarborg.audiences.api.throttles): over the limit, 429 with Retry-After. `N/s`, `N/min`, `N/hour`,
# `N/day`, or `off`. WAARBORG_API_RATE: per API token (or staff session). WAARBORG_API_ANON_RATE: per client
# address, for calls without a token.
_RATE = r"(off|[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day))"
WAARBORG_API_RATE = env_str("WAARBORG_API_RATE", "1200/min") or ""
WAARBORG_API_ANON_RATE = env_str("WAARBORG_API_ANON_RATE", "120/min") or ""
for _name, _value in (("WAARBORG_API_RATE", WAARBORG_API_RATE), ("WAARBORG_API_ANON_RATE", WAARBORG_API_ANON_RATE)):
    if not re.fullmatch(_RATE, _value):
        raise ConfigError(f"{_name} must look like 1200/min (or N/s, N/hour, N/day, or off), got {_value!r}")
# WAARBORG_CACHE_URL: a Redis (redis://host:6379/1) that every process shares, for the API's rate counts.
# Unset: each process counts on its own (fine for the embedded default, which serves from one process).
WAARBORG_CACHE_URL = env_secret("WAARBORG_CACHE_URL") or ""
if WAARBORG_CACHE_URL and not WAARBORG_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ConfigError("WAARBORG_CACHE_URL must be a redis:// (or rediss://, unix://) URL")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": WAARBORG_CACHE_URL}
          if WAARBORG_CACHE_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "waarborg.audiences.api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "waarborg.audiences.api.errors.exception_handler",
    # An unknown `?format=` is 406, not 404 (waarborg.audiences.api.negotiation).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "waarborg.audiences.api.negotiation.ContentNegotiation",
    # Times by one rule (waarborg.core.times): serializers use waarborg.audiences.api.times.DateTimeField.
    "DEFAULT_RENDERER_CLASSES": ["waarborg.audiences.api.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "UNAUTHENTICATED_USER": None,
    # JSON with a nesting limit (waarborg.audiences.api.parsers); forms and uploads as DRF parses them.
    "DEFAULT_PARSER_CLASSES": ["waarborg.audiences.api.parsers.JSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    "DEFAULT_THROTTLE_CLASSES": ["waarborg.audiences.api.throttles.PerToken", "waarborg.audiences.api.throttles.PerAddress"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Waarborg API",
    "DESCRIPTION": "Personal data under a purpose, with consent, retention, rights and breaches.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc from our own static files (drf-spectacular-sidecar), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every status the API can answer, on every operation (waarborg.audiences.api.responses).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "waarborg.audiences.api.responses.add_common_responses"],
    # The same general/special choice appears in records (field class) and consents (scope).
    "ENUM_NAME_OVERRIDES": {
        "DataClassEnum": ["general", "special"],
        "BreachKindEnum": "waarborg.engine.breaches.models.Kind",
        # The breach appears in two answers (BreachOut, and NoticesOut with what a notify call did).
        "BreachRiskEnum": "waarborg.engine.breaches.models.Risk",
        "BreachStatusEnum": "waarborg.engine.breaches.models.Status",
        "SourceKindEnum": "waarborg.engine.policy.schema.SourceKind",
    },
}

# Logging: never personal data. Only our own messages, which carry ids, never values.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record passes the scrubber on its way out: no BSN, IBAN, e-mail or phone number in a log.
    "filters": {"scrub": {"()": "waarborg.engine.deidentify.logfilter.Scrub"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub"]}},
    "root": {"handlers": ["console"], "level": env_str("WAARBORG_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},  # one line per login otherwise; the audit log has the logins
        "weasyprint": {"level": "WARNING"},  # a line per step of every PDF otherwise (report accountability)
        "fontTools": {"level": "WARNING"},  # the same, for the fonts WeasyPrint embeds
        # Django's own handlers (console, mail_admins, django.server) do not scrub: use ours instead.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
