"""Links in mails and letters: the public origin (`WAARBORG_PUBLIC_URL`) and a path, never a request's host,
so a job without a request and a page behind any host name write the same link."""

from __future__ import annotations


def absolute_url(path: str) -> str:
    from django.conf import settings

    return f"{settings.WAARBORG_PUBLIC_URL}/{path.lstrip('/')}"
