"""Django settings, read from the environment through `waarborg.conf.env`.

Every variable is documented where it is read. Bad values fail at start (ConfigError).
"""

from __future__ import annotations

import base64
import os
import secrets
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import dj_database_url

from waarborg.conf.env import ConfigError, env_bool, env_choice, env_int, env_secret, env_str

# WAARBORG_ENV: `development` (default: embedded SQLite, generated keys) or `production`
# (keys must be given, DEBUG is off, never generated).
WAARBORG_ENV = env_choice("WAARBORG_ENV", ("development", "production", "test"), "development")
PRODUCTION = WAARBORG_ENV == "production"

# WAARBORG_VAR_DIR: where the embedded default keeps its database, generated keys and backups.
VAR_DIR = Path(env_str("WAARBORG_VAR_DIR", str(Path.cwd() / "var")) or "var").resolve()


def _generated_secret(name: str, filename: str, make: Callable[[], str]) -> str:
    """Read a secret from the environment, or (development only) generate it once into var/."""
    value = env_secret(name)
    if value:
        return value
    if PRODUCTION:
        raise ConfigError(f"{name} (or {name}_FILE) is required when WAARBORG_ENV=production")
    path = VAR_DIR / filename
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
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
if len(MASTER_KEY) != 32:
    raise ConfigError("WAARBORG_MASTER_KEY must decode to exactly 32 bytes")

# WAARBORG_DEBUG: Django debug pages; off by default and refused in production.
DEBUG = env_bool("WAARBORG_DEBUG", False)
if DEBUG and PRODUCTION:
    raise ConfigError("WAARBORG_DEBUG cannot be on when WAARBORG_ENV=production")

# WAARBORG_ALLOWED_HOSTS: comma-separated host names the service answers to.
ALLOWED_HOSTS = [h.strip() for h in (env_str("WAARBORG_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver") or "").split(",") if h.strip()]

# DATABASE_URL: sqlite:///var/waarborg.sqlite3 (default, embedded) or postgres://user@host/db.
_default_db = f"sqlite:///{VAR_DIR / 'waarborg.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", _default_db) or _default_db
if not DATABASE_URL.startswith(("sqlite://", "postgres://", "postgresql://")):
    raise ConfigError(f"DATABASE_URL must be sqlite:// or postgres://, got scheme {DATABASE_URL.split(':', 1)[0]!r}")
if DATABASE_URL.startswith("sqlite") and "var/" in DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
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

# WAARBORG_PUBLIC_URL: where citizens reach the site (e.g. https://www.ikzorginassen.nl), for links in
# e-mails sent outside a web request (activation, unsubscribe, verification links).
WAARBORG_PUBLIC_URL = (env_str("WAARBORG_PUBLIC_URL", "http://localhost:8000") or "").rstrip("/")

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

# WAARBORG_MAX_BODY_BYTES: larger request bodies get 413 (default 1 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("WAARBORG_MAX_BODY_BYTES", 1024 * 1024, minimum=1024)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "waarborg.policy",
    "waarborg.audit",
    "waarborg.accounts",
    "waarborg.vault",
    "waarborg.consent",
    "waarborg.retention",
    "waarborg.rights",
    "waarborg.recordings",
    "waarborg.research",
    "waarborg.securemail",
    "waarborg.disclosures",
    "waarborg.breaches",
    "waarborg.decisions",
    "waarborg.backups",
    "waarborg.listings",
    "waarborg.tips",
    "waarborg.jobs",
    "waarborg.statistics",
    "waarborg.mailings",
    "waarborg.api",
    "waarborg.portal",
    "waarborg.backoffice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "waarborg.api.middleware.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "waarborg.statistics.middleware.PublicPagesMiddleware",
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
    PASSWORD_HASHERS = ["waarborg.accounts.hashers.FastArgon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [Path(__file__).parent / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_AGE = 60 * 60 * 8

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

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "waarborg.accounts.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "waarborg.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Waarborg API",
    "DESCRIPTION": "Personal data under a purpose, with consent, retention, rights and breaches.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The same general/special choice appears in records (field class) and consents (scope).
    "ENUM_NAME_OVERRIDES": {
        "DataClassEnum": ["general", "special"],
        "BreachKindEnum": "waarborg.breaches.models.Kind",
        # The breach appears in two answers (BreachOut, and NoticesOut with what a notify call did).
        "BreachRiskEnum": "waarborg.breaches.models.Risk",
        "BreachStatusEnum": "waarborg.breaches.models.Status",
        "SourceKindEnum": "waarborg.policy.schema.SourceKind",
    },
}

# Logging: never personal data. Only our own messages, which carry ids, never values.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record passes the scrubber on its way out: no BSN, IBAN, e-mail or phone number in a log.
    "filters": {"scrub": {"()": "waarborg.deidentify.logfilter.Scrub"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub"]}},
    "root": {"handlers": ["console"], "level": env_str("WAARBORG_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Django's own handlers (console, mail_admins, django.server) do not scrub: use ours instead.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
