"""Deadlines in words, Dutch first: "nog 3 dagen", "3 dagen te laat", "nog 5 uur"."""

from __future__ import annotations

from django.utils.translation import gettext, ngettext


def days_left(days: int, overdue: bool = False) -> str:
    """Whole calendar days to a deadline (negative: past it)."""
    if days < 0:
        return ngettext("%(n)d dag te laat", "%(n)d dagen te laat", -days) % {"n": -days}
    if overdue:
        return gettext("vandaag te laat")
    if days == 0:
        return gettext("vandaag")
    return ngettext("nog %(n)d dag", "nog %(n)d dagen", days) % {"n": days}


def hours_left(hours: float) -> str:
    """Hours to a deadline such as the 72 hours for the AP (negative: past it)."""
    if hours < 0:
        late = int(-hours) or 1
        return ngettext("%(n)d uur te laat", "%(n)d uur te laat", late) % {"n": late}
    left = int(hours)
    if left == 0:
        return gettext("minder dan een uur")
    return ngettext("nog %(n)d uur", "nog %(n)d uur", left) % {"n": left}
