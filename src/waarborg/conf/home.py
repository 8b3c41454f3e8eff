"""Where a Waarborg process finds its configuration and its home, and who may create them.

A command must never guess from the directory it happens to be run in: a `var/` made by accident holds a
new master key, and data sealed with it is lost with that directory. So every process looks in this order:

1. the environment;
2. the configuration file: `WAARBORG_CONFIG` (a path; empty means none), else `/etc/waarborg/waarborg.env`
   when it exists. `KEY=VALUE` lines, `#` comments: the format of systemd's `EnvironmentFile=` and
   compose's `env_file:`, so the service units and an operator's shell read the same file. A variable
   already in the environment wins over the file. Test runs (`WAARBORG_ENV=test`) never read it;
3. the home, `WAARBORG_HOME` (`WAARBORG_VAR_DIR` is its older name), else the embedded default: the
   `var/` folder of the source checkout this code runs from (what `make run` uses), whichever directory
   the command is started from. An installed package outside a checkout has no embedded default.

Only `waarborg serve` (and so `make run`) may create the home and generate keys into it, and only for
the embedded default (SQLite) or a test run; it calls `allow_create()` before Django is set up. Every
other command finds the home and its keys or stops with `problem()`, and never makes a new key.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from waarborg.conf.env import ConfigError

DEFAULT_CONFIG = Path("/etc/waarborg/waarborg.env")
_CHECKOUT = Path(__file__).resolve().parents[3]
_create_allowed = False


def allow_create() -> None:
    """Called by `serve` only: this process may create the home and the embedded default's keys."""
    global _create_allowed
    _create_allowed = True


def may_create() -> bool:
    return _create_allowed


def checkout() -> Path | None:
    """The source checkout this code runs from (src layout), or None for an installed package."""
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "src" / "waarborg").is_dir():
        return _CHECKOUT
    return None


def config_file() -> Path | None:
    named = os.environ.get("WAARBORG_CONFIG")
    if named is not None:
        return Path(named) if named else None
    return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None


def parse_config(text: str, source: str) -> dict[str, str]:
    """`KEY=VALUE` lines (values may be quoted as in a shell); anything else is an error with its line."""
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        if not sep or not key.replace("_", "").isalnum():
            raise ConfigError(f"{source}:{number}: expected KEY=VALUE")
        try:
            parts = shlex.split(value, comments=True)
        except ValueError as exc:
            raise ConfigError(f"{source}:{number}: {exc}") from None
        values[key] = " ".join(parts)
    return values


def load_config() -> Path | None:
    """Put the configuration file's variables into the environment (the environment wins)."""
    if os.environ.get("WAARBORG_ENV") == "test":
        return None
    path = config_file()
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"WAARBORG_CONFIG: cannot read {path}: {exc.strerror}") from None
    for key, value in parse_config(text, str(path)).items():
        os.environ.setdefault(key, value)
    return path


def home_dir() -> Path:
    """WAARBORG_HOME, else the checkout's var/; an installed package needs WAARBORG_HOME."""
    named = os.environ.get("WAARBORG_HOME") or os.environ.get("WAARBORG_VAR_DIR") or ""  # the older name, if alone
    if named:
        return Path(named).expanduser().resolve()
    root = checkout()
    if root is None:
        raise ConfigError(f"WAARBORG_HOME is not set and this installation has no embedded default: set it "
                          f"(or write it into {DEFAULT_CONFIG}, or name a file in WAARBORG_CONFIG)")
    return root / "var"


def missing_home(home: Path) -> str:
    return (f"no Waarborg home at {home}: start `waarborg serve` (or `make run`) once to create the embedded "
            f"default, or set WAARBORG_HOME (or WAARBORG_CONFIG) to where it is")
