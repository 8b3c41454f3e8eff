"""Citizen accounts (S0-13, S0-14, S0-15, S0-31): the only writer of accounts of kind `citizen`.

"Na je eerste aanvraag maken wij een account voor je aan": the first record of a record type the
policy marks `creates_account: true` (seed 000: the award application) creates exactly one account,
linked to its subject. `vault.actions.record_create` calls `account_for_new_record` itself, inside
its transaction, with the values it was just given (the address is not read back from the vault):
the record and its account commit together, or neither.

- The username is generated (`b-` and ten letters and digits), unique case-insensitively; it says
  nothing about the person. The e-mail address of the application is where the activation link
  goes; it is sealed with the subject's key (`AccountAddress`), never kept in the clear (S0-21).
  Without an e-mail address there is no way to send the link, so no account is made; a later record
  with an address makes it.
- The account has no password until the citizen sets one through the activation link, which is
  e-mailed after commit. Passwords are argon2 hashes (settings.PASSWORD_HASHERS); no page, API or
  export shows them.
- Deactivating an account blocks login at once (Django refuses inactive users, also for sessions
  already open). The subject's data is not touched: it stays until its own retention date (S0-31).
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from waarborg.core.errors import Conflict, Invalid
from waarborg.core.language import LANGUAGES, MAIL_HALVES, joined
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.citizens.models import AccountAddress
from waarborg.engine.keyring.crypto import KeyDestroyed, keyed_hash
from waarborg.engine.policy.active import NoActivePolicy, current
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record, Subject

log = logging.getLogger(__name__)
SYSTEM = "system:portal"


ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud over the phone without mistakes


def free_username() -> str:
    while True:
        name = "b-" + "".join(secrets.choice(ALPHABET) for _ in range(10))
        if not User.objects.filter(username__iexact=name).exists():
            return name


def email_hash(email: str) -> str:
    return keyed_hash(email.strip().lower(), "account-email")


def address_of(user: User) -> str:
    """The account's e-mail address, opened with the subject's key ("" once shredded or absent)."""
    found = AccountAddress.objects.filter(user=user).first()
    if found is None or user.subject_id is None:
        return ""
    try:
        return str(keys.open_sealed(user.subject_id, bytes(found.sealed), f"account:{user.pk}").get("email", ""))
    except KeyDestroyed:
        return ""


def accounts_for(email: str) -> Any:
    """Active citizen accounts registered with this e-mail address (for a password reset)."""
    return User.objects.filter(kind=User.Kind.CITIZEN, is_active=True, address__email_hash=email_hash(email))


def public_url() -> str:
    # One host in every link: WAARBORG_PUBLIC_URL, whichever host the request that led to the mail came in on.
    return str(settings.WAARBORG_PUBLIC_URL)


def account_create(actor: Any, *, subject: Subject, email: str, username: str = "",
                   base_url: str = "") -> User:
    """Create the subject's citizen account and e-mail the activation link (after commit)."""
    email = email.strip()
    if not email:
        raise Invalid({"email": ["een account vraagt een e-mailadres / an account needs an e-mail address"]})
    if username and User.objects.filter(username__iexact=username.strip()).exists():
        raise Conflict("Deze gebruikersnaam bestaat al. / This username is taken.")
    if User.objects.filter(subject=subject).exists():
        raise Conflict("Deze betrokkene heeft al een account. / This subject already has an account.")
    try:
        with transaction.atomic():
            user = User(username=username.strip().lower() or free_username(), kind=User.Kind.CITIZEN,
                        subject=subject, is_staff=False)
            user.set_unusable_password()
            user.save(force_insert=True)
            AccountAddress.objects.create(user=user, email_hash=email_hash(email),
                                          sealed=keys.seal(subject, {"email": email}, f"account:{user.pk}"))
            append(Entry(action="account.create", actor=actor, subject=subject,
                         detail={"user_id": user.pk, "kind": "citizen"}))
    except IntegrityError:  # a concurrent twin (same subject or username) won the race
        raise Conflict("Dit account bestaat al. / This account already exists.") from None
    transaction.on_commit(lambda: send_activation(user, email, base_url))
    return user


def activation_link(user: User, base_url: str = "") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("portal:activate", kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)})
    return f"{(base_url or public_url()).rstrip('/')}{path}"


def send_activation(user: User, email: str, base_url: str = "") -> None:
    """The activation mail, in each of the policy's languages (Dutch, then English): the platform does not know
    which one the applicant reads."""
    languages: tuple[str, ...] = LANGUAGES
    try:
        policy = current()
        organisation, languages = policy.organisation.name, policy.languages
    except NoActivePolicy:
        organisation = "Waarborg"
    context = {"user": user, "organisation": organisation, "link": activation_link(user, base_url)}
    body = joined(lambda: render_to_string("portal/email/activation.txt", context), languages, MAIL_HALVES) + "\n"
    subject = joined(lambda: gettext("Uw account bij %(organisation)s") % {"organisation": organisation}, languages)
    try:
        send_mail(subject, body, None, [email])
    except OSError:  # the relay is down: staff can resend the link from a password reset
        log.exception("could not send the activation mail of account %s", user.pk)


def account_for_new_record(record: Record, data: dict[str, Any], policy: Policy) -> User | None:
    """After the subject's first record of a `creates_account` type, their account (S0-13).

    `data` holds the record's values as `record_create` was given them: the activation link goes to
    its `email`. Called inside `record_create`'s transaction; the mail leaves after commit."""
    record_type = policy.record_types.get(record.type)
    if record.subject_id is None or record_type is None or not record_type.creates_account:
        return None
    if User.objects.filter(subject_id=record.subject_id).exists():
        return None  # a later application: the account is already there
    email, subject = str(data.get("email") or ""), record.subject
    if not email or subject is None:
        return None
    try:
        return account_create(SYSTEM, subject=subject, email=email, base_url=public_url())
    except Conflict:  # a concurrent first application made it; there is still exactly one account
        return None


def account_erase(actor: Any, subject: Subject) -> bool:
    """Erasure (art. 17): the subject's account closes and its sealed address goes. The account row
    stays without anything personal (its username is generated), so the audit trail's actor ids hold."""
    closed = False
    for user in User.objects.filter(subject=subject, kind=User.Kind.CITIZEN):
        AccountAddress.objects.filter(user=user).delete()
        user.is_active, user.email, user.first_name, user.last_name = False, "", "", ""
        user.set_unusable_password()
        user.save(update_fields=["is_active", "email", "first_name", "last_name", "password"])
        append(Entry(action="account.erase", actor=actor, subject=subject, detail={"user_id": user.pk}))
        closed = True
    return closed


def password_set(user: User, password: str) -> User:
    """The citizen sets their password from the activation or reset link (already checked by the page's
    token and Django's password validators): hashed with argon2, and on record."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        append(Entry(action="account.password_set", actor=user, subject=user.subject_id, detail={"user_id": user.pk}))
    return user


def account_deactivate(actor: Any, user: User) -> User:
    """Close the account: login stops at once; the data stays until its retention date (S0-31)."""
    if user.kind != User.Kind.CITIZEN:
        raise Conflict("Alleen burgeraccounts. / Citizen accounts only.")
    with transaction.atomic():
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        append(Entry(action="account.deactivate", actor=actor, subject=user.subject_id,
                     detail={"user_id": user.pk}))
    return user
