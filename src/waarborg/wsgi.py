"""The WSGI application for gunicorn (`waarborg.wsgi:application`) and `waarborg serve`.

A process that cannot serve (no home, no keys) stops here at start with the reason, not at the first request.
"""

import os

from django.core.wsgi import get_wsgi_application

from waarborg.conf.env import ConfigError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402 - after the application has set Django up

if settings.WAARBORG_NOT_READY:
    raise ConfigError("; ".join(settings.WAARBORG_NOT_READY))
