"""gunicorn for Waarborg: `gunicorn -c deploy/gunicorn.conf.py waarborg.wsgi:application`.

WAARBORG_BIND: where gunicorn listens (default 127.0.0.1:8000; the proxy in front terminates TLS).
WAARBORG_WORKERS: worker processes (default 2 per core, at least 2).
"""

import os

from waarborg.conf.home import load_config

# The same configuration as every waarborg command: the environment, then WAARBORG_CONFIG or
# /etc/waarborg/waarborg.env (read here already, as the settings below come from it too).
load_config()

bind = os.environ.get("WAARBORG_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WAARBORG_WORKERS", str(max(2, 2 * (os.cpu_count() or 1)))))
# Load the app once in the master: a broken configuration stops gunicorn at start, with the reason,
# instead of every worker failing in turn.
preload_app = True
timeout = 60
graceful_timeout = 30  # on SIGTERM, requests under way may finish
# The proxy's forwarded headers are judged by the platform itself (WAARBORG_TRUSTED_PROXY), never here:
# with gunicorn's own list as well, two places would decide whom to believe.
forwarded_allow_ips = "127.0.0.1"
secure_scheme_headers: dict[str, str] = {}
# No access log here: the proxy logs requests (without query strings, addresses shortened); a second log
# of full URLs would be one more place for personal data to end up.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("WAARBORG_LOG_LEVEL", "info").lower()
# No control socket (gunicorn >= 25.1 opens one for `gunicornc` in $XDG_RUNTIME_DIR or $HOME/.gunicorn/, one
# path per user, so two instances under one user would take each other's): systemd reloads with HUP.
control_socket_disable = True
