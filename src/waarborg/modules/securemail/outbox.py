"""Secure mail to a requester: the answer to a rights request, picked up with an access code (S3-41 outward).

Where the policy offers secure mail (Werkzaak), staff may send the export of a verified request this way
instead of by letter. The e-mail holds only a link, never data; on the page behind it the requester asks
for a one-time access code at the same address (the `codes` of incoming secure mail: bound to the address,
30 minutes, spent on use, five wrong tries), and with it downloads the export, made at that moment.

The address is the requester's contact on the request; only its keyed hash is kept here. The link works
for `LIFETIME`; each pick-up is audited (`request.delivery_received`), a wrong code or address is refused
(403, audited as `securemail.pickup.refused`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from waarborg.core.errors import Conflict, Invalid
from waarborg.core.language import joined
from waarborg.core.times import rfc3339
from waarborg.engine.audit.refusals import refused
from waarborg.engine.citizens.accounts import public_url
from waarborg.engine.policy.active import current
from waarborg.engine.rights import delivery as rights_delivery
from waarborg.engine.rights.delivery import Channel, Export
from waarborg.engine.rights.duties import requester_of
from waarborg.engine.rights.models import Request
from waarborg.modules.securemail import codes
from waarborg.modules.securemail.models import SecureDelivery

LIFETIME = timedelta(days=14)
PICKUP = "securemail.pickup"


def _address(req: Request) -> str:
    contact = requester_of(req).contact
    try:
        return codes.normalised(contact)
    except Invalid:
        raise Invalid({"requester.contact": ["Voor beveiligde mail is het e-mailadres van de verzoeker nodig. / "
                                             "Secure mail needs the requester's e-mail address."]}) from None


def send(actor: Any, req: Request, *, fmt: str, lang: str = "nl") -> dict[str, Any]:
    """Log the delivery and mail the pick-up link to the requester's address (after commit)."""
    now = timezone.now()
    with transaction.atomic():
        # First who may send and whether anything may go out at all; then where to (rolled back if nowhere).
        logged = rights_delivery.deliver_by(actor, req, channel="secure_mail", fmt=fmt)
        address = _address(req)
        waiting = SecureDelivery.objects.create(delivery=logged, address_hash=codes.address_hash(address),
                                                lang=lang, created_at=now, expires_at=now + LIFETIME)
        link = f"{public_url().rstrip('/')}{reverse('securemail:pickup', kwargs={'pk': waiting.pk})}"
        policy = current()
        organisation = policy.organisation.name

        def body() -> str:
            until = date_format(timezone.localtime(waiting.expires_at), pgettext("date in a letter", "d-m-Y"))
            return gettext("Het antwoord op uw privacyverzoek staat voor u klaar. Haal het op via %(link)s\nOp die "
                           "pagina vraagt u met dit e-mailadres een toegangscode aan. De link werkt tot %(until)s.") % {
                "link": link, "until": until}

        subject = joined(lambda: gettext("Antwoord op uw verzoek bij %(organisation)s") % {
            "organisation": organisation}, policy.languages)
        text = joined(body, policy.languages, "\n\n") + "\n"
        transaction.on_commit(lambda: send_mail(subject, text, None, [address]))
    return {"delivery": logged.pk, "channel": "secure_mail", "to": logged.to, "format": logged.format,
            "expires_at": rfc3339(waiting.expires_at)}


def waiting(pk: Any) -> SecureDelivery:
    """The delivery behind a link, while it works; else 409 (gone, expired, or the request was refused)."""
    found = SecureDelivery.objects.select_related("delivery__request").filter(pk=pk).first()
    if found is None or found.expires_at <= timezone.now():
        raise Conflict("Deze link werkt niet (meer); vraag ons het antwoord opnieuw te sturen. / "
                       "This link does not work (any more); ask us to send the answer again.")
    return found


def code_for(found: SecureDelivery, email: str) -> None:
    """Send an access code, but only to the address the link went to (silently nothing for another)."""
    address = codes.normalised(email)
    if codes.address_hash(address) == found.address_hash:
        codes.code_request(name="", email=address)


def pick_up(found: SecureDelivery, *, email: str, code: str) -> Export:
    """The export, for the right address with a valid code; else 403 (audited)."""
    address = codes.normalised(email)
    req = found.delivery.request
    if codes.address_hash(address) != found.address_hash:
        raise refused(None, PICKUP, "wrong_address", "Dit is niet het adres waarheen wij de link stuurden. / "
                      "This is not the address we sent the link to.", purpose=codes.purpose_for(), subject=req.subject_id,
                      detail={"request": str(req.pk)})
    codes.code_redeem(address, code, action=PICKUP)
    made = rights_delivery.picked_up(found.delivery, found.lang)
    SecureDelivery.objects.filter(pk=found.pk).update(pickups=found.pickups + 1)
    return made


def register() -> None:
    """Offer secure mail as a way to send an export, where the policy has it (from AppConfig.ready)."""
    from waarborg.modules.securemail.messages import offered

    rights_delivery.register_channel("secure_mail", Channel(offered=offered, send=send))
