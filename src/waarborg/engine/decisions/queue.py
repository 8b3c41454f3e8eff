"""The assessor's queue: cases that wait for a person's decision, and what four eyes asks of each.

A case is a record of the first record type the policy lists under a purpose with `human_decision: true`
(the application of IkZorgInAssen, the benefit file of Werkzaak, the client file of Kwartier...): the
other types of such a purpose (care notes, a plan) are part of a case, not cases of their own. A record type
with every bank field a payout needs (`actions.BANK_FIELDS`) is a payout, not a case: a person pays it out
once its application is granted (`payout_execute`), which checks that decision and the open flags. A case
waits while it has no `Decision`. The queue shows the cases of the purposes the reader may `decide` on,
on need-to-know purposes only those of their caseload, oldest first. It shows no record data: the
assessor opens the case's page, which reads through the vault's audited door.

Four eyes (`actions.FOUR_EYES`): an open suspicion of fraud or misuse that this reader raised blocks
them from rejecting the case and from clearing the flag; the queue says so, and offers those steps
only to a colleague. The actions themselves refuse it again (403 `separation_of_duties`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from waarborg.core.actors import Actor
from waarborg.engine.decisions.actions import BANK_FIELDS, FOUR_EYES, is_human
from waarborg.engine.decisions.models import Flag
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.authorisation import mine, needs_assignment
from waarborg.engine.vault.models import Record

LIMIT = 200  # a queue longer than this is shown in part, oldest first, with the full count


def case_types(policy: Policy) -> dict[str, str]:
    """purpose -> the record type that is its case, for the purposes with a human decision."""
    first: dict[str, str] = {}
    for type_id, spec in policy.record_types.items():
        purpose = policy.purposes.get(spec.purpose)
        if purpose is None or not purpose.human_decision or all(f in spec.fields for f in BANK_FIELDS):
            continue  # a payout is paid (`payout_execute`) once its application is granted, not assessed
        first.setdefault(spec.purpose, type_id)
    return first


def decides(actor: Actor, policy: Policy) -> list[str]:
    """The purposes with cases on which this person may decide."""
    if not is_human(actor):
        return []
    return [p for p in case_types(policy) if policy.grants(actor, "decide", p)]


def awaiting(actor: Actor, policy: Policy) -> Any:
    """The cases without a decision that this person may decide on (a queryset, oldest first)."""
    from django.db.models import Q

    purposes = decides(actor, policy)
    types = case_types(policy)
    where = Q(pk__in=[])
    for purpose in purposes:
        one = Q(purpose=purpose, type=types[purpose])
        if needs_assignment(policy, actor, "decide", purpose):
            one &= Q(subject_id__in=mine(actor).filter(purpose=purpose).values("subject_id"))
        where |= one
    return (Record.objects.filter(where, anonymised_at__isnull=True, subject__erased_at__isnull=True,
                                  decisions__isnull=True)
            .order_by("collected_at", "pk"))


@dataclass
class Case:
    record: Record
    flags: list[Flag] = field(default_factory=list)
    own_flags: list[Any] = field(default_factory=list)  # ids of the open fraud/misuse flags this reader raised

    @property
    def own_suspicion(self) -> bool:
        """This reader raised an open fraud/misuse flag: a colleague judges it, and rejects on it."""
        return bool(self.own_flags)


def queue(actor: Actor, policy: Policy, limit: int = LIMIT) -> tuple[list[Case], int]:
    """(the first `limit` waiting cases with their open flags, how many wait in all)."""
    rows = awaiting(actor, policy)
    total = rows.count()
    records = list(rows.select_related("subject")[:limit])
    flags: dict[Any, list[Flag]] = {}
    for flag in Flag.objects.filter(record__in=records, cleared_at__isnull=True).order_by("raised_at"):
        flags.setdefault(flag.record_id, []).append(flag)
    me = getattr(actor, "pk", None)
    cases = [Case(record=r, flags=flags.get(r.pk, []),
                  own_flags=[f.pk for f in flags.get(r.pk, []) if f.kind in FOUR_EYES and f.raised_by_user_id == me])
             for r in records]
    return cases, total
