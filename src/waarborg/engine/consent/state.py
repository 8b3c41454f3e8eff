"""Questions about a subject's standing for a purpose, shared by the gates and the mailing selection.

Each question has a per-subject form (for the gates) and a bulk form over many subjects (for
`eligible_subjects`), built from the same querysets so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from waarborg.engine.consent.models import Consent, Objection, OptOut, Restriction
from waarborg.engine.policy.schema import Art9Condition, LegalBasis, Purpose

GUARDIANS = ("parent", "guardian")
OBJECTABLE = (LegalBasis.PUBLIC_TASK, LegalBasis.LEGITIMATE_INTEREST)


def moment(at: Any = None) -> datetime:
    if isinstance(at, datetime):
        return at
    if isinstance(at, date):
        return datetime(at.year, at.month, at.day, tzinfo=timezone.get_current_timezone())
    return timezone.now()


def active_consents(purpose: str, at: Any = None) -> QuerySet[Consent]:
    """Consents for `purpose` in force at `at` (and not withdrawn since: a withdrawal acts at once)."""
    return Consent.objects.filter(purpose=purpose, status=Consent.Status.ACTIVE, given_at__lte=moment(at),
                                  withdrawn_at__isnull=True)


def active_consent(subject: Any, purpose: str, at: Any = None, *, special: bool = False) -> Consent | None:
    consents = active_consents(purpose, at).filter(subject=pk_of(subject)).order_by("-given_at")
    for consent in consents:
        if not special or "special" in (consent.evidence_scope or []):
            return consent
    return None


def pending_consent(subject: Any, purpose: str) -> Consent | None:
    return Consent.objects.filter(subject=pk_of(subject), purpose=purpose, status=Consent.Status.PENDING).first()


def objections(purpose: str) -> QuerySet[Objection]:
    """Objections that stop `purpose`: recorded and not overridden by compelling grounds."""
    return Objection.objects.filter(purpose=purpose, overridden_at__isnull=True)


def restrictions(purpose: str) -> QuerySet[Restriction]:
    return Restriction.objects.filter(Q(purpose="") | Q(purpose=purpose), lifted_at__isnull=True)


def optouts(purpose: str) -> QuerySet[OptOut]:
    return OptOut.objects.filter(Q(purpose="") | Q(purpose=purpose), reversed_at__isnull=True)


def objectable(purpose: Purpose) -> bool:
    return purpose.basis in OBJECTABLE


def legal_claims(purpose: Purpose) -> bool:
    """Restricted data may still serve legal claims (art. 18(2)); such a purpose says so in the policy
    (`legal_claims: true`, or special data under the art. 9(2)(f) exception for legal claims)."""
    return purpose.legal_claims or purpose.art9_condition is Art9Condition.LEGAL_CLAIMS


def restricted_subjects(purpose: str, among: Iterable[Any], at: Any = None) -> set[str]:
    """Of `among`, the subjects whose processing for `purpose` is restricted (art. 18) at `at`.

    A restriction in force (not lifted, on this purpose or on all) blocks the purpose, unless the
    subject consented to this purpose after the last such restriction was set (art. 18(2)).
    """
    ids = [pk_of(s) for s in among]
    since: dict[str, datetime] = {}
    for subject_id, set_at in restrictions(purpose).filter(subject__in=ids).values_list("subject_id", "set_at"):
        since[str(subject_id)] = max(set_at, since.get(str(subject_id), set_at))
    if not since:
        return set()
    consented: dict[str, datetime] = {}
    for subject_id, given_at in active_consents(purpose, at).filter(subject__in=list(since)).values_list(
            "subject_id", "given_at"):
        consented[str(subject_id)] = max(given_at, consented.get(str(subject_id), given_at))
    return {s for s, set_at in since.items() if not (s in consented and consented[s] > set_at)}


def restricted(subject: Any, purpose: str, at: Any = None, *, any_in_force: bool | None = None) -> bool:
    # Asked on every read of a record (the restriction gate). Most people have no restriction: then one
    # indexed look-up (restriction_subject) with a prepared statement, instead of building the ORM query.
    # `any_in_force`: the answer to that look-up, when the read already fetched it with its record in this
    # transaction (`restriction_in_force_sql`).
    if any_in_force is False:
        return False
    if any_in_force is None:
        with connection.cursor() as cursor:
            cursor.execute(_ANY_RESTRICTION, [Restriction._meta.get_field("subject").get_db_prep_value(
                pk_of(subject), connection)])
            if cursor.fetchone() is None:
                return False
    return bool(restricted_subjects(purpose, [subject], at))


_ANY_RESTRICTION = f"SELECT 1 FROM {Restriction._meta.db_table} WHERE subject_id = %s AND lifted_at IS NULL LIMIT 1"  # noqa: S608


def restriction_in_force_sql(subject_column: str) -> str:
    """The look-up of `restricted` as an SQL expression over a subject id column, for a read that fetches it
    with its record in one statement."""
    return (f"EXISTS (SELECT 1 FROM {Restriction._meta.db_table} "  # noqa: S608
            f"WHERE subject_id = {subject_column} AND lifted_at IS NULL)")


def age_on(birth_date: Any, on: date) -> int | None:
    if not birth_date:
        return None
    born = birth_date if isinstance(birth_date, date) else date.fromisoformat(str(birth_date)[:10])
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def is_minor(subject: Any, purpose: Purpose, at: Any = None) -> bool:
    """Under the purpose's minor_age on that day. An unknown birth date is not a known minor."""
    from waarborg.engine.keyring.crypto import KeyDestroyed
    from waarborg.engine.vault.models import Subject
    from waarborg.engine.vault.reads import Unlogged, read_subject_facts

    if not purpose.minors_need_parent:
        return False
    if not isinstance(subject, Subject):
        subject = Subject.objects.get(pk=subject)
    try:
        # Only the age is worked out here and compared; nobody sees the birth date.
        facts = read_subject_facts("system:consent", subject, "", via="minor_check", unlogged=Unlogged.SYSTEM)
    except KeyDestroyed:  # an erased (crypto-shredded) subject has no known birth date any more
        return False
    age = age_on(facts.get("birth_date"), timezone.localdate(moment(at)))
    return age is not None and age < purpose.minor_age


def subject_ids(queryset: QuerySet[Any], among: Iterable[Any]) -> set[str]:
    return {str(pk) for pk in queryset.filter(subject__in=list(among)).values_list("subject_id", flat=True)}


def pk_of(subject: Any) -> Any:
    return getattr(subject, "pk", subject)
