"""The FG and the privacy team hear of every new breach at once (S3-28), whoever registered or reported it.

The mail names no person and quotes nothing of the description: only the breach's id, its kind, when the
organisation became aware and the AP deadline. It is sent after the breach is committed; a relay failure is
logged and loses nothing, since the register shows the breach anyway.
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from waarborg.engine.accounts.models import User
from waarborg.engine.breaches.models import Breach
from waarborg.engine.policy.schema import Policy

log = logging.getLogger(__name__)


def officer_addresses(policy: Policy) -> list[str]:
    """The FG, the privacy contact, where breaches are reported, and every account with a breach role."""
    org = policy.organisation
    addresses = {org.privacy_contact.email, org.dpo.email if org.dpo else "", policy.breaches.report_to}
    for user in User.objects.filter(is_active=True).exclude(email=""):
        if policy.manages(user, "breaches") or policy.oversees(user):
            addresses.add(user.email)
    return sorted(a for a in addresses if a and "@" in a)


def tell_officers(policy: Policy, breach: Breach) -> None:
    """Mail the officers once the breach is stored (call inside the action's transaction)."""
    transaction.on_commit(lambda: _send(policy, breach))


def _send(policy: Policy, breach: Breach) -> None:
    to = officer_addresses(policy)
    if not to:
        return
    aware = timezone.localtime(breach.aware_at).strftime("%d-%m-%Y %H:%M")
    due = timezone.localtime(breach.authority_due_at).strftime("%d-%m-%Y %H:%M")
    body = (f"Nieuw (mogelijk) datalek ({breach.get_kind_display()}), bron: {breach.source}.\n"
            f"Kenmerk: {breach.pk}\nBekend sinds: {aware}\nMelding aan de AP uiterlijk: {due}\n\n"
            f"New (possible) data breach ({breach.kind}), source: {breach.source}. Reference {breach.pk}, "
            f"aware since {aware}, report to the AP by {due}.")
    try:
        send_mail(f"[Waarborg] Nieuw datalek / new breach {breach.pk}", body, None, to)
    except OSError:  # the register shows the breach anyway
        log.exception("could not notify the officers of breach %s", breach.pk)
