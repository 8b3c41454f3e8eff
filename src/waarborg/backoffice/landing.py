"""Where staff land after logging in: the first back-office page their roles may see.

Request handlers land on the request queue, staff with need-to-know work on their caseload ("Mijn
cliënten"), caseload managers on the assignments, then the breach register and the retention page.
Staff whose roles open none of these land on the queue, which tells them why they may not see it.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from waarborg.breaches.permissions import sees_breaches
from waarborg.caseloads.access import caseload_purposes, may_manage
from waarborg.policy.active import current
from waarborg.retention.authz import manages_retention
from waarborg.rights.handlers import is_handler


def landing(user: Any) -> str:
    policy = current()
    for allowed, page in ((is_handler, "queue"), (lambda u, p: bool(caseload_purposes(u, p)), "caseload"),
                          (may_manage, "assignments"), (sees_breaches, "breaches"),
                          (manages_retention, "retention")):
        if allowed(user, policy):
            return reverse(f"backoffice:{page}")
    return reverse("backoffice:queue")
