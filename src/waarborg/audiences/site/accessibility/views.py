"""`/toegankelijkheid/`: the accessibility statement (toegankelijkheidsverklaring), in the layout Dutch public
bodies use (the model of the Besluit digitale toegankelijkheid overheid): the standard, the status, what was
tested and how, the known problems, and where to report one.

The status is the platform's honest one: every page and state passes axe-core's WCAG 2.1 A/AA rules at 1280 and
320 pixels wide, with a keyboard check (tests/a11y), but no independent expert has audited it, so the
model's status is C ("eerste maatregelen genomen"), not A. Change STATUS and TESTED when that changes.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from waarborg.engine.policy.active import NoActivePolicy, current

STATUS = "C"
TESTED = dt.date(2026, 12, 3)  # the day tests/a11y first passed on every page; the suite runs at every change


def accessibility(request: HttpRequest) -> HttpResponse:
    try:
        organisation = current().organisation
    except NoActivePolicy:
        organisation = None
    return render(request, "site/accessibility.html", {
        "organisation": organisation, "status": STATUS, "tested": TESTED,
        "contact": organisation.privacy_contact if organisation else None})
