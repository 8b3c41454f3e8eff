"""Finding a subject that is already known: by BSN (through its keyed hash) or by external id.

Why it exists: without it, staff who take a call or a letter cannot find the person's file and register
them a second time, which splits the file and the caseload. A look-up answers only ids, and only of
subjects the caller may see:

- on a purpose where one of the caller's roles may read or write without a caseload, every subject;
- on a need-to-know purpose, the subjects assigned to the caller or their team;
- whoever manages caseloads finds every subject: they are the ones who assign a found case.

Every look-up is audited (what was searched by, never the value; which subjects were shown). The BSN is
never compared in the clear: it is checked (11-proof), hashed with the keyed hash and matched on that.

A second registration of a known BSN (`vault.actions.subject_create`) answers 409. It names the existing
subject only to a caller who may see it. Anyone else gets a 409 without an id: they hold the BSN already and
may write personal data for the organisation, so "this person is known here" is the least that stops a
duplicate; which file, and what is in it, stays closed until a caseload manager assigns the case. That
attempt is audited with the existing subject, so the caseload manager (and the privacy officer) can see it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from waarborg.core.actors import Actor
from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append, append_many
from waarborg.engine.keyring.crypto import keyed_hash
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.access import check, refuse
from waarborg.engine.vault.authorisation import confidentiality, mine, needs_assignment, staff_only
from waarborg.engine.vault.gates import AccessContext, Refusal
from waarborg.engine.vault.models import Subject
from waarborg.engine.vault.validation import check_bsn

_WORK = ("read", "write")


def _open_and_caseload(policy: Policy, actor: Actor, purposes: Iterable[str]) -> tuple[bool, list[str]]:
    """(does the caller see every subject, the need-to-know purposes where only their caseload counts)."""
    if policy.manages(actor, "caseloads"):
        return True, []
    caseload: list[str] = []
    for purpose in purposes:
        actions = [a for a in _WORK if policy.grants(actor, a, purpose)]
        if any(not needs_assignment(policy, actor, a, purpose) for a in actions):
            return True, []
        if actions:
            caseload.append(purpose)
    return False, caseload


def assigned_subjects_of(actor: Any, purposes: list[str]) -> Any:
    """The caller's (or their team's) active assignments on these purposes."""
    return mine(actor).filter(purpose__in=purposes)


def visible(policy: Policy, actor: Actor, subject_ids: list[Any], purpose: str = "") -> set[Any]:
    """Which of these subjects the caller may see (under `purpose`, or under any purpose)."""
    if not subject_ids or isinstance(actor, str):
        return set(subject_ids) if isinstance(actor, str) else set()
    everyone, caseload = _open_and_caseload(policy, actor, [purpose] if purpose else list(policy.purposes))
    if everyone:
        return set(subject_ids)
    if not caseload:
        return set()
    return set(assigned_subjects_of(actor, caseload).filter(subject_id__in=subject_ids)
               .values_list("subject_id", flat=True))


def may_look_up(policy: Policy, actor: Actor) -> bool:
    """Anyone who may work with subjects: a read or write grant on some purpose, or managing caseloads."""
    return policy.manages(actor, "caseloads") or any(
        policy.grants(actor, a, p) for p in policy.purposes for a in _WORK)


def subjects_find(actor: Any, *, bsn: str = "", external_id: str = "", purpose: str = "") -> list[Subject]:
    """The subjects with this BSN or external id that the caller may see, oldest first; audited."""
    current = active()
    policy = current.policy
    if bool(bsn) == bool(external_id):
        raise Invalid({"bsn": ["zoek op bsn of op external_id, één van beide / search by bsn or by external_id, "
                               "one of them"]})
    if purpose:
        check(actor, "read", purpose)
    else:
        ctx = AccessContext(actor=actor, action="read", purpose="", policy=policy)
        refusal = staff_only(ctx) or confidentiality(ctx)
        if refusal is None and not isinstance(actor, str) and not may_look_up(policy, actor):
            refusal = Refusal("role_not_granted", "Uw rol werkt met niemands gegevens; opzoeken kan niet. "
                                                  "(Your roles work with no one's data: no look-up.)")
        if refusal is not None:
            refuse(actor, "subject.lookup", "", refusal)
    found = Subject.objects.filter(erased_at__isnull=True)
    found = found.filter(bsn_hash=keyed_hash(check_bsn(bsn))) if bsn else found.filter(external_id=external_id)
    rows = list(found.order_by("created_at", "id"))
    shown_ids = visible(policy, actor, [s.pk for s in rows], purpose)
    shown = [s for s in rows if s.pk in shown_ids]
    by = "bsn" if bsn else "external_id"
    with transaction.atomic():
        entries = [Entry(action="subject.lookup", actor=actor, purpose=purpose, subject=s,
                         policy_version=current.number, detail={"by": by, "found": len(shown)}) for s in shown]
        append_many(entries or [Entry(action="subject.lookup", actor=actor, purpose=purpose,
                                      policy_version=current.number, detail={"by": by, "found": 0})])
    return shown


def known_twin(actor: Any, *, bsn_hash: str | None, external_id: str | None, purpose: str) -> Conflict | None:
    """The 409 for registering a subject that exists (same BSN or external id), or None when it is new.

    The id travels in the answer only to a caller who may see that subject (see the module docstring);
    the attempt is audited with the existing subject either way, in its own transaction.
    """
    twin = None
    if bsn_hash:
        twin = Subject.objects.filter(bsn_hash=bsn_hash, erased_at__isnull=True).order_by("created_at", "id").first()
    by = "bsn"
    if twin is None and external_id:
        twin, by = Subject.objects.filter(external_id=external_id).first(), "external_id"
    if twin is None:
        return None
    current = active()
    shown = twin.pk in visible(current.policy, actor, [twin.pk], purpose)
    with transaction.atomic():
        append(Entry(action="subject.create", actor=actor, subject=twin, purpose=purpose, outcome="conflict",
                     reason="subject_exists", policy_version=current.number, detail={"by": by, "id_shown": shown}))
    field = "BSN" if by == "bsn" else "external_id"
    if shown:
        return Conflict(f"Er is al een betrokkene met dit {field}; gebruik die. (A subject with this {field} "
                        "exists: use it.)", id=str(twin.pk))
    return Conflict(f"Deze persoon is al bij ons bekend, maar niet in uw caseload. Vraag wie de caseloads beheert "
                    f"om de toewijzing. (A subject with this {field} exists but is not in your caseload: ask "
                    "whoever manages caseloads to assign it.)")
