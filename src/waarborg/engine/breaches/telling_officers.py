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
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from waarborg.core.language import joined
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

    def body() -> str:
        when = pgettext("date and time in a mail", "d-m-Y H:i")
        return gettext("Nieuw (mogelijk) datalek (%(kind)s), bron: %(source)s.\nKenmerk: %(reference)s\n"
                       "Bekend sinds: %(aware)s\nMelding aan de AP uiterlijk: %(due)s") % {
            "kind": breach.get_kind_display(), "source": breach.source, "reference": breach.pk,
            "aware": date_format(timezone.localtime(breach.aware_at), when),
            "due": date_format(timezone.localtime(breach.authority_due_at), when)}

    subject = joined(lambda: gettext("[Waarborg] Nieuw datalek %(reference)s") % {"reference": breach.pk},
                     policy.languages)
    try:
        send_mail(subject, joined(body, policy.languages, "\n\n"), None, to)
    except OSError:  # the register shows the breach anyway
        log.exception("could not notify the officers of breach %s", breach.pk)
