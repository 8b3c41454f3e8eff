"""One-time access codes for secure mail (S3-41): issue, and redeem exactly once.

A code is bound to the address it was sent to: its stored hash covers address and code together, so
the same digits typed with another address match nothing. Codes live 30 minutes and are spent on
first use; after five wrong tries at an address its open codes are spent too (no guessing).
Every refusal is a 403 with a reason code and a refused audit entry, without the address.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from waarborg.core.errors import Invalid, TooMany
from waarborg.core.language import MAIL_HALVES, joined
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.keyring.crypto import keyed_hash
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.access import refuse
from waarborg.engine.vault.gates import Refusal
from waarborg.modules.securemail.models import AccessCode

MODULE = "securemail"
LIFETIME = timedelta(minutes=30)
MAX_FAILED = 5
# At most this many codes per address per hour: the form cannot be used to flood someone's mailbox.
MAX_PER_HOUR = 5
ACTOR = "system:securemail"


def purpose_for(part: str = "secure_mail", policy: Policy | None = None) -> str:
    """The policy's purpose for secure mail's `part` (`modules.securemail.purposes`): `secure_mail` for codes
    and messages, `questions` for questions by e-mail. NotFound while the policy does not switch it on."""
    return (policy or current()).module(MODULE).require(part)


def normalised(address: str) -> str:
    address = (address or "").strip().lower()
    try:
        validate_email(address)
    except Exception:
        raise Invalid({"email": ["Geen geldig e-mailadres. (Not a valid e-mail address.)"]}) from None
    return address


def address_hash(address: str) -> str:
    return keyed_hash(address, "securemail-address")


def code_hash(address: str, code: str) -> str:
    return keyed_hash(f"{address}\n{code.strip()}", "securemail-code")


def code_request(*, name: str, email: str) -> AccessCode:
    """Send a fresh code to `email`; only its hash is kept."""
    address = normalised(email)
    code = f"{secrets.randbelow(10**8):08d}"
    now = timezone.now()
    recent = AccessCode.objects.filter(address_hash=address_hash(address), created_at__gt=now - timedelta(hours=1))
    if recent.count() >= MAX_PER_HOUR:
        append(Entry(action="securemail.code_throttled", actor=ACTOR, purpose=purpose_for(), outcome="refused",
                     reason="too_many_codes"))
        raise TooMany("Te veel codes aangevraagd; probeer het over een uur opnieuw. "
                      "(Too many codes requested; try again in an hour.)", wait=3600)
    with transaction.atomic():
        row = AccessCode.objects.create(address_hash=address_hash(address), code_hash=code_hash(address, code),
                                        created_at=now, expires_at=now + LIFETIME)
        append(Entry(action="securemail.code_issued", actor=ACTOR, purpose=purpose_for(),
                     detail={"code": str(row.pk), "expires_at": row.expires_at.isoformat()}))

    def body() -> str:
        greeting = gettext("Beste %(name)s,") % {"name": name.strip()} if name.strip() else gettext("Beste afzender,")
        return greeting + "\n\n" + gettext("Uw toegangscode is %(code)s. Hij is 30 minuten geldig en werkt één keer.") % {
            "code": code}

    languages = current().languages
    send_mail(joined(lambda: gettext("Uw toegangscode voor veilig mailen"), languages),
              joined(body, languages, MAIL_HALVES) + "\n", None, [address])
    return row


def code_redeem(email: str, code: str, action: str = "securemail.send") -> AccessCode:
    """Spend the code for this address, or refuse (403, audited as `action`: sending or picking up).

    Runs in its own transaction, so a wrong try is counted even though the refusal ends the request.
    """
    address = normalised(email)
    wanted = code_hash(address, code or "")
    now = timezone.now()
    refusal: Refusal | None = None
    with transaction.atomic():
        candidates = list(AccessCode.objects.select_for_update().filter(address_hash=address_hash(address)))
        match = next((c for c in candidates if hmac.compare_digest(c.code_hash, wanted)), None)
        if match is None:
            for c in (c for c in candidates if c.used_at is None):
                c.failed_attempts += 1
                if c.failed_attempts >= MAX_FAILED:
                    c.used_at = now  # spent: guessing ends here
                c.save(update_fields=["failed_attempts", "used_at"])
            refusal = Refusal("invalid_code", "Deze toegangscode hoort niet bij dit e-mailadres. "
                                              "(This access code does not belong to this address.)")
        elif match.used_at is not None:
            refusal = Refusal("code_used", "Deze toegangscode is al gebruikt; vraag een nieuwe aan. "
                                           "(This access code was used already; request a new one.)")
        elif match.expires_at <= now:
            refusal = Refusal("code_expired", "Deze toegangscode is verlopen; vraag een nieuwe aan. "
                                              "(This access code has expired; request a new one.)")
        else:
            match.used_at = now
            match.save(update_fields=["used_at"])
    if refusal is not None or match is None:
        refuse(None, action, purpose_for(), refusal or Refusal("invalid_code", ""))
    return match
