"""How a breach notice reaches a person: their e-mail address, or their citizen-portal account.

E-mail goes to the address of the person's citizen-portal account: they gave it to be contacted, and it is
sealed with their own key (also when they closed the account: the address stays until erasure, and the
notice is still owed). Without one, the newest e-mail field of a record the person gave us themselves
(source `subject` or `website_form`) is the fallback, opened with their key. Never used: anonymised records,
records someone else provided (a representative's or referrer's address may be their own, not the
person's), purposes the person had restricted (art. 18), and anything of an erased (shredded) person.

An address two affected people of the same send share is not used either: each notice names one person's
data, and a shared mailbox would show it to the other. Those people, like people without any address, are
reported back so staff can write or call instead. Addresses never leave this module except into the mail's
envelope: not into the trail, the audit log or a log line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from waarborg.engine.accounts.models import User
from waarborg.engine.citizens.accounts import address_of
from waarborg.engine.consent import state
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.schema import FieldType, Policy
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import read_record

OWN_SOURCES = ("subject", "website_form")  # the person typed the address in themselves


@dataclass(frozen=True)
class Address:
    email: str
    source: str  # "account" or "record": where it came from, for the trail (never the address itself)


def _email_fields(policy: Policy) -> dict[str, list[str]]:
    """record type -> its fields of type e-mail."""
    return {name: [f for f, spec in rt.fields.items() if spec.type is FieldType.EMAIL]
            for name, rt in policy.record_types.items()
            if any(spec.type is FieldType.EMAIL for spec in rt.fields.values())}


def _from_accounts(subject_ids: list[Any]) -> dict[Any, Address]:
    found = {}
    for user in User.objects.filter(kind=User.Kind.CITIZEN, subject_id__in=subject_ids,
                                     subject__erased_at__isnull=True):
        email = address_of(user).strip()
        if email:
            found[user.subject_id] = Address(email, "account")
    return found


def _from_records(actor: Any, policy: Policy, subject_ids: list[Any], via: str = "breach.notice") -> dict[Any, Address]:
    fields = _email_fields(policy)
    records = (Record.objects.filter(subject_id__in=subject_ids, type__in=list(fields), anonymised_at__isnull=True,
                                     source_kind__in=OWN_SOURCES, subject__erased_at__isnull=True)
               .order_by("-collected_at", "-created_at"))
    found: dict[Any, Address] = {}
    restricted: dict[str, set[Any]] = {}
    for record in records:
        if record.subject_id in found:
            continue  # the newest record with an address wins
        if record.purpose not in restricted:
            restricted[record.purpose] = set(state.restrictions(record.purpose).filter(subject_id__in=subject_ids)
                                             .values_list("subject_id", flat=True))
        if record.subject_id in restricted[record.purpose]:
            continue
        try:
            data = read_record(actor, record, record.purpose, via=via)  # on record: whose address was read
        except KeyDestroyed:
            continue
        email = next((str(data[f]).strip() for f in fields[record.type] if data.get(f)), "")
        if email:
            found[record.subject_id] = Address(email, "record")
    return found


def addresses(actor: Any, policy: Policy, subject_ids: Iterable[Any], via: str) -> dict[Any, Address]:
    """subject id -> the address a notice to that person goes to (account first, then a record they gave us),
    shared or not. Each record opened for its address leaves a `record.read` entry by `actor` (`via`)."""
    ids = list(subject_ids)
    found = _from_accounts(ids)
    missing = [s for s in ids if s not in found]
    if missing:
        found.update(_from_records(actor, policy, missing, via))
    return found


def by_email(actor: Any, policy: Policy, subject_ids: Iterable[Any]) -> tuple[dict[Any, Address], set[Any]]:
    """(subject id -> usable address, subject ids whose address another affected person shares). Each record
    opened for its address leaves a `record.read` entry by `actor` (via `breach.notice`)."""
    found = addresses(actor, policy, subject_ids, "breach.notice")
    counts = Counter(a.email.lower() for a in found.values())
    shared = {s for s, a in found.items() if counts[a.email.lower()] > 1}
    return {s: a for s, a in found.items() if s not in shared}, shared


def in_portal(subject_ids: Iterable[Any]) -> set[Any]:
    """Subjects who can read a notice in the portal: they have an active citizen account."""
    return set(User.objects.filter(kind=User.Kind.CITIZEN, is_active=True, subject_id__in=list(subject_ids),
                                   subject__erased_at__isnull=True).values_list("subject_id", flat=True))
