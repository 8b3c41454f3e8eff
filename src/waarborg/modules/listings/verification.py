"""Twice a year every listed organisation is asked to check its data (S1-05).

The daily job (`waarborg.modules.listings.jobs:daily_job`) looks at every published listing: when its last
verification is six months old (or there is none), it is due. A due listing with a verification
address gets a mail with a signed link to its page; one without is reported instead, and that
report counts as the verification of that half-year, so it is not repeated every day. Each send and
each report is one `VerificationMail` row and one audit entry; the address itself is read through
the vault (an audited read under the `verification` purpose) and never written anywhere else.

Unanswered mails never take a listing off the map (S1-17): after two unconfirmed mails in a row the
listing is flagged for an editor, who decides (`listing_publish`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from waarborg.conf.links import absolute_url
from waarborg.core.errors import Refused
from waarborg.core.language import MAIL_HALVES, joined
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import current
from waarborg.engine.policy.periods import Period
from waarborg.engine.records.actions import record_read
from waarborg.engine.vault.access import ensure_logged
from waarborg.modules.listings.actions import purpose_for
from waarborg.modules.listings.models import Listing, VerificationMail
from waarborg.modules.listings.public import published

log = logging.getLogger(__name__)

ACTOR = "system:listing_verification"
INTERVAL = Period.parse("P6M")  # "2 per jaar"
UNANSWERED_LIMIT = 2  # unconfirmed mails in a row before an editor is asked to look
LINK_VALID_DAYS = 120
_SALT = "waarborg.modules.listings.verification"


def token_for(mail: VerificationMail) -> str:
    return signing.dumps({"mail": mail.pk}, salt=_SALT, compress=True)


def mail_of(token: str) -> VerificationMail | None:
    """The mail a link belongs to, or None when the link is forged or too old."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=LINK_VALID_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    return VerificationMail.objects.select_related("listing__record").filter(pk=payload.get("mail")).first()


def link_for(mail: VerificationMail) -> str:
    return absolute_url(reverse("listings:verify", args=[token_for(mail)]))  # the platform's page, one host


def is_due(listing: Listing, now: datetime) -> bool:
    last = listing.mails.order_by("-at").values_list("at", flat=True).first()
    return last is None or INTERVAL.after(timezone.localtime(last)) <= now


def unanswered(listing: Listing) -> int:
    """Sent mails since the last confirmed one."""
    count = 0
    for mail in listing.mails.filter(status=VerificationMail.Status.SENT).order_by("-at"):
        if mail.confirmed_at is not None:
            break
        count += 1
    return count


def _flag(listing: Listing, now: datetime) -> bool:
    if listing.flagged_at is not None or unanswered(listing) < UNANSWERED_LIMIT:
        return False
    listing.flagged_at, listing.flag_reason = now, "verification_unanswered"
    listing.save(update_fields=["flagged_at", "flag_reason"])
    append(Entry(action="listing.flag", actor=ACTOR, purpose=purpose_for("listing"), subject=listing.subject_id,
                 record=listing.record_id, detail={"listing": str(listing.pk), "reason": listing.flag_reason,
                                                   "unanswered": unanswered(listing)}))
    return True


def _body(policy: Any, listing: Listing, link: str) -> str:
    name = listing.record.plain.get("name", "")

    def text() -> str:
        return gettext("Beste %(name)s,\n\nTwee keer per jaar vragen wij de organisaties op de sociale kaart hun "
                       "gegevens te controleren. Klopt alles nog? Bekijk en bevestig uw gegevens via:\n%(link)s\n\n"
                       "Klopt er iets niet, geef het door via het reactieformulier op die pagina.") % {
            "name": name, "link": link}

    return f"{joined(text, policy.languages, MAIL_HALVES)}\n\n{policy.organisation.name}"


def send_one(listing: Listing, now: datetime) -> str:
    """Send (or report) the due verification of one listing; returns the outcome."""
    policy = current()
    verification = purpose_for("verification", policy)
    if listing.verification is None:
        with transaction.atomic():
            VerificationMail.objects.create(listing=listing, status=VerificationMail.Status.NO_ADDRESS, at=now)
            append(Entry(action="listing.verification_no_address", actor=ACTOR, purpose=verification,
                         subject=listing.subject_id, outcome="error", reason="no_address",
                         detail={"listing": str(listing.pk)}))
        return VerificationMail.Status.NO_ADDRESS
    try:
        with transaction.atomic():
            address = record_read(ACTOR, listing.verification, verification)["email"]
            _flag(listing, now)
            mail = VerificationMail.objects.create(listing=listing, status=VerificationMail.Status.SENT, at=now)
            subject = joined(lambda: gettext("Controleer uw gegevens op de sociale kaart"), policy.languages)
            send_mail(subject, _body(policy, listing, link_for(mail)), None, [address])
            append(Entry(action="listing.verification_sent", actor=ACTOR, purpose=verification,
                         subject=listing.subject_id, record=listing.verification_id,
                         detail={"listing": str(listing.pk), "mail": mail.pk}))
    except Refused as exc:  # e.g. the organisation restricted the processing: the gates said no
        ensure_logged(exc)
        VerificationMail.objects.create(listing=listing, status=VerificationMail.Status.REFUSED, at=now)
        return VerificationMail.Status.REFUSED
    except OSError:  # the mail relay failed: nothing was recorded, so tomorrow's run tries again
        log.exception("verification mail for listing %s could not be sent", listing.pk)
        return "failed"
    return VerificationMail.Status.SENT


def send_due(now: datetime | None = None) -> dict[str, Any]:
    """The job's work: every due listing mailed or reported. The summary holds ids, never addresses."""
    moment = now or timezone.now()
    outcome: dict[str, list[str]] = {"sent": [], "no_address": [], "refused": [], "failed": []}
    for listing in published().select_related("record"):
        if is_due(listing, moment):
            outcome[send_one(listing, moment)].append(str(listing.pk))
    flagged = [str(pk) for pk in Listing.objects.exclude(flagged_at=None).values_list("pk", flat=True)]
    if outcome["no_address"]:
        log.warning("%d listed organisations have no verification address", len(outcome["no_address"]))
    return {"sent": len(outcome["sent"]), "without_address": outcome["no_address"], "refused": outcome["refused"],
            "failed": outcome["failed"], "flagged": flagged}


def verification_confirm(mail: VerificationMail) -> VerificationMail:
    """The organisation followed the link and confirmed its data."""
    with transaction.atomic():
        if mail.confirmed_at is None:
            mail.confirmed_at = timezone.now()
            mail.save(update_fields=["confirmed_at"])
            listing = mail.listing
            if listing.flag_reason == "verification_unanswered":
                listing.flagged_at, listing.flag_reason = None, ""
                listing.save(update_fields=["flagged_at", "flag_reason"])
            append(Entry(action="listing.verification_confirm", actor="system:verification_link",
                         purpose=purpose_for("verification"), subject=listing.subject_id,
                         detail={"listing": str(listing.pk), "mail": mail.pk}))
    return mail
