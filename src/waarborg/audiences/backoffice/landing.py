"""Which back-office pages a staff member's roles open, for the navigation and the start page /backoffice/.
One list, so no page shows a link its reader may not follow.

Everyone lands on the start page after logging in: it shows the day's work of their roles and these pages.

A page of an organisation module (`waarborg.modules`) names its module in `MODULE_OF`: it is in the
navigation only where the active policy switches that module on (its route answers 404 elsewhere,
`waarborg.audiences.web.modules`). No module has a back-office page yet; their staff work goes through the API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from waarborg.core.actors import Actor
from waarborg.engine.breaches.permissions import sees_breaches
from waarborg.engine.caseloads.access import caseload_purposes
from waarborg.engine.decisions.queue import decides
from waarborg.engine.policy.active import NoActivePolicy, current
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.lookup import may_look_up

PAGES: tuple[tuple[str, Promise, Callable[[Actor, Policy], bool]], ...] = (
    ("queue", pgettext_lazy("back office page", "Verzoeken"), lambda user, policy: policy.manages(user, "requests")),
    ("assessments", pgettext_lazy("back office page", "Beoordelen"), lambda user, policy: bool(decides(user, policy))),
    ("caseload", pgettext_lazy("back office page", "Mijn cliënten"),
     lambda user, policy: bool(caseload_purposes(user, policy))),
    ("assignments", pgettext_lazy("back office page", "Toewijzingen"),
     lambda user, policy: policy.manages(user, "caseloads")),
    ("breaches", pgettext_lazy("back office page", "Datalekken"), sees_breaches),
    ("retention", pgettext_lazy("back office page", "Bewaartermijnen"),
     lambda user, policy: policy.manages(user, "retention")),
    ("holds", pgettext_lazy("back office page", "Bewaarplichten"), lambda user, policy: policy.manages(user, "retention")),
    ("accountability", pgettext_lazy("back office page", "Verantwoording"),
     lambda user, policy: policy.oversees(user)),
    ("search", pgettext_lazy("back office page", "Zoeken"), lambda user, policy: may_look_up(policy, user)),
)
# page name -> the organisation module it belongs to (none yet).
MODULE_OF: Mapping[str, str] = {}


def pages_for(user: Any) -> list[dict[str, str]]:
    """The pages this user's roles open, in the order above: `{"name", "url", "label"}` (the reader's language)."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "kind", "") != "staff":
        return []
    try:
        policy = current()
    except NoActivePolicy:
        return []
    return [{"name": name, "url": reverse(f"backoffice:{name}"), "label": str(label)}
            for name, label, allowed in PAGES
            if (name not in MODULE_OF or policy.module(MODULE_OF[name]).on) and allowed(user, policy)]


def landing(user: Any) -> str:
    """Everyone lands on the start page: the day's work of their roles (`engine.oversight.dayswork`)."""
    return reverse("backoffice:home")
