"""The decision action layer: decide (people only), flag (anyone, including jobs), clear, talk, pay out.

Why a separate path for people: AVG art. 22 and the seeds (S0-40, S1-17) promise that no decision
with real effect is taken by software. So `decision_set` and `flag_clear` refuse every actor that
is not an authenticated staff member whose role grants `decide` on the case's purpose; jobs
(`"system:..."` actors) and service tokens get `human_decision_required` and can only `flag_raise`.
A suspicion of fraud or misuse takes four eyes: its raiser neither clears it nor rejects the case on it
(403 `separation_of_duties`, audited); a colleague who may decide does.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.actors import Actor
from waarborg.core.errors import Conflict, Invalid, Refused
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.decisions.models import Conversation, Decision, Flag, Payout
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy, stored_encrypted
from waarborg.engine.records.actions import fields_present
from waarborg.engine.vault import keys
from waarborg.engine.vault.access import check
from waarborg.engine.vault.models import Record

# A suspicion of fraud or misuse weighs on a person: whoever raised it never clears it, nor confirms it by
# rejecting the case, alone. A colleague with `decide` on the purpose does (four eyes).
FOUR_EYES = (Flag.Kind.SUSPECTED_FRAUD, Flag.Kind.SUSPECTED_MISUSE)
FOUR_EYES_WORDS = ("U heeft deze signalering zelf gemeld; een collega moet haar beoordelen. / You raised this flag "
                   "yourself; a colleague must judge it.")
HUMAN_ONLY = ("Alleen een medewerker kan hierover beslissen; automatische controles kunnen alleen signaleren. / "
              "Only a person can decide this; automated checks can only raise a flag.")
BANK_FIELDS = {
    "iban": "Zonder bankrekeningnummer kunnen wij niet uitbetalen. / Without a bank account number we cannot pay out.",
    "account_holder": "Zonder tenaamstelling kunnen wij niet uitbetalen. / "
                      "Without the account holder's name we cannot pay out.",
}


def _refuse(actor: Any, action: str, reason: str, detail: str, record: Record | None = None,
            extra: dict[str, Any] | None = None) -> Refused:
    return refused(actor, action, reason, detail, purpose=record.purpose if record else "",
                   subject=record.subject_id if record else None, record=record, detail=extra or {})


def is_human(actor: Actor) -> bool:
    return not isinstance(actor, str) and actor is not None and getattr(actor, "kind", "") == "staff"


def _require_decider(actor: Actor, action: str, record: Record, policy: Policy) -> None:
    if not is_human(actor):
        raise _refuse(actor, action, "human_decision_required", HUMAN_ONLY, record)
    if not policy.grants(actor, "decide", record.purpose):
        raise _refuse(actor, action, "role_not_granted", "Uw rol mag over dit doel niet beslissen. / "
                                                         "Your role may not decide on this purpose.", record)


def _require_case(actor: Actor, action: str, record: Record, policy: Policy) -> None:
    """Only the purposes the policy decides on (`human_decision`) have cases: a policy answer, so a 403."""
    purpose = policy.purposes.get(record.purpose)
    if purpose is None or not purpose.human_decision:
        raise _refuse(actor, action, "not_a_case", "Over gegevens voor dit doel wordt niet beslist. / "
                                                   "Nothing is decided on data of this purpose.", record)


def _gates(actor: Any, action: str, record: Record) -> None:
    """The vault's gates for this case: need-to-know, restriction, objection, consent... (403 + audit)."""
    check(actor, action, record.purpose, subject=record.subject_id, record=record)


def _own_suspicions(actor: Any, record: Record) -> list[Flag]:
    """Open fraud or misuse flags on the case that this person raised."""
    return list(Flag.objects.filter(record=record, cleared_at__isnull=True, kind__in=FOUR_EYES,
                                    raised_by_user_id=getattr(actor, "pk", None)))


def decision_set(actor: Any, record: Record, *, outcome: str, reasoning: str) -> Decision:
    current = active()
    policy = current.policy
    _require_decider(actor, "decision.set", record, policy)
    _require_case(actor, "decision.set", record, policy)
    _gates(actor, "decide", record)
    if outcome not in Decision.Outcome.values:
        raise Invalid({"outcome": ["Kies granted of rejected. / Choose granted or rejected."]})
    own = _own_suspicions(actor, record) if outcome == Decision.Outcome.REJECTED else []
    if own:  # rejecting on one's own open suspicion would confirm it alone
        raise _refuse(actor, "decision.set", "separation_of_duties", FOUR_EYES_WORDS, record,
                      {"flag": str(own[0].pk), "kind": own[0].kind})
    if not reasoning.strip():
        raise Invalid({"reasoning": ["Leg de beslissing uit. / Explain the decision."]})
    with transaction.atomic():
        decision = Decision.objects.create(record=record, purpose=record.purpose, outcome=outcome,
                                           reasoning=reasoning, decided_by=actor, decided_at=timezone.now(),
                                           policy_version=current.number)
        status_set = _set_status(record, policy, outcome)
        append(Entry(action="decision.set", actor=actor, purpose=record.purpose, subject=record.subject_id,
                     record=record, policy_version=current.number,
                     detail={"decision": str(decision.pk), "outcome": outcome, "reviewer": actor.pk,
                             "status_field": status_set}))
    return decision


def _set_status(record: Record, policy: Policy, outcome: str) -> bool:
    """Mirror the outcome in the case's own `status` field, when its type has one that allows it.

    This is the one place a final outcome reaches a record (the gate in `gates.py` refuses it
    everywhere else). `status` is never a protected category in the seeds; if it were, it stays
    sealed and only the Decision row carries the outcome.
    """
    spec = policy.record_types[record.type].fields.get("status")
    if spec is None or (spec.choices and outcome not in spec.choices):
        return False
    if stored_encrypted(policy.categories[spec.category], spec):
        return False
    record.plain = {**record.plain, "status": outcome}
    record.updated_at = timezone.now()
    record.save(update_fields=["plain", "updated_at"])
    return True


def flag_raise(actor: Any, record: Record, *, kind: str, reason: str) -> Flag:
    """Anyone working on the case may flag it, a job (`"system:..."`) or a service token included."""
    policy = active().policy
    if not isinstance(actor, str) and not policy.grants_any(actor, ("write", "decide"), record.purpose):
        raise _refuse(actor, "decision.flag", "role_not_granted", "Uw rol werkt niet aan dit doel. / "
                                                                   "Your role does not work on this purpose.", record)
    _require_case(actor, "decision.flag", record, policy)
    writes = isinstance(actor, str) or policy.grants(actor, "write", record.purpose)
    _gates(actor, "write" if writes else "decide", record)
    if kind not in Flag.Kind.values:
        raise Invalid({"kind": [f"Kies uit / choose from: {', '.join(Flag.Kind.values)}"]})
    if not reason.strip():
        raise Invalid({"reason": ["Geef de reden van de signalering. / Give the reason for the flag."]})
    with transaction.atomic():
        flag = Flag.objects.create(record=record, kind=kind, reason=reason, raised_at=timezone.now(),
                                   raised_by=actor if isinstance(actor, str) else actor.get_username(),
                                   raised_by_user=None if isinstance(actor, str) else actor)
        append(Entry(action="decision.flag", actor=actor, purpose=record.purpose, subject=record.subject_id,
                     record=record, detail={"flag": str(flag.pk), "kind": kind}))
    return flag


def flag_clear(actor: Any, flag: Flag, *, reasoning: str) -> Flag:
    policy = active().policy
    record = flag.record
    _require_decider(actor, "decision.flag_clear", record, policy)
    _gates(actor, "decide", record)
    if flag.kind in FOUR_EYES and flag.raised_by_user_id is not None and flag.raised_by_user_id == actor.pk:
        raise _refuse(actor, "decision.flag_clear", "separation_of_duties", FOUR_EYES_WORDS, record,
                      {"flag": str(flag.pk), "kind": flag.kind})
    if flag.cleared_at is not None:
        raise Conflict("Deze signalering is al opgeheven. / This flag was already cleared.")
    if not reasoning.strip():
        raise Invalid({"reasoning": ["Leg uit waarom de signalering vervalt. / Explain why the flag is cleared."]})
    with transaction.atomic():
        flag.cleared_at = timezone.now()
        flag.cleared_by = actor
        flag.clear_reasoning = reasoning
        flag.save(update_fields=["cleared_at", "cleared_by", "clear_reasoning"])
        append(Entry(action="decision.flag_clear", actor=actor, purpose=record.purpose, subject=record.subject_id,
                     record=record, detail={"flag": str(flag.pk), "kind": flag.kind}))
    return flag


def conversation_open(actor: Any, record: Record, *, message: str, flag: Flag | None = None,
                      kind: str = Conversation.Kind.CONVERSATION) -> Conversation:
    """The subject (or staff on their behalf) asks for a conversation or appeal about the case."""
    policy = active().policy
    own = getattr(actor, "subject_id", None) is not None and actor.subject_id == record.subject_id
    if not own and not policy.grants_any(actor, ("read", "write", "decide"), record.purpose):
        raise _refuse(actor, "decision.conversation", "role_not_granted",
                      "Alleen de betrokkene of een behandelaar. / Only the person or a case handler.", record)
    if flag is not None and flag.record_id != record.pk:
        raise Invalid({"flag": ["Deze signalering hoort niet bij deze zaak. / This flag belongs to another case."]})
    if not message.strip():
        raise Invalid({"message": ["Schrijf waarover u in gesprek wilt. / Say what you want to discuss."]})
    if kind not in Conversation.Kind.values:
        raise Invalid({"kind": [f"Kies uit / choose from: {', '.join(Conversation.Kind.values)}"]})
    with transaction.atomic():
        conversation = Conversation.objects.create(record=record, flag=flag, kind=kind, opened_at=timezone.now(),
                                                   opened_by=actor.get_username())
        conversation.sealed = keys.seal(record.subject_id, {"message": message}, f"conversation:{conversation.pk}")
        conversation.save(update_fields=["sealed"])
        append(Entry(action="decision.conversation", actor=actor, purpose=record.purpose,
                     subject=record.subject_id, record=record,
                     detail={"conversation": str(conversation.pk), "kind": kind,
                             "flag": str(flag.pk) if flag else ""}))
    return conversation


def conversation_message(conversation: Conversation) -> str:
    sealed = bytes(conversation.sealed) if conversation.sealed else None
    opened = keys.open_sealed(conversation.record.subject_id, sealed, f"conversation:{conversation.pk}")
    return str(opened.get("message", ""))


def flags_visible_to(actor: Actor, policy: Policy, *, open_only: bool = True) -> Any:
    """Flags on cases of the purposes the actor reads or decides: the assessor's work list."""
    purposes = [p for p in policy.purposes if policy.grants_any(actor, ("read", "decide"), p)]
    flags = Flag.objects.filter(record__purpose__in=purposes).select_related("record")
    return flags.filter(cleared_at__isnull=True) if open_only else flags


def open_flags(*records: Record) -> list[Flag]:
    return list(Flag.objects.filter(record__in=records, cleared_at__isnull=True).order_by("raised_at"))


def latest_decision(record: Record) -> Decision | None:
    return Decision.objects.filter(record=record).order_by("-decided_at", "-id").first()


def payout_execute(actor: Any, application: Record, payout_record: Record) -> Payout:
    """Pay a granted award: a person does it, no open flag, and the bank details are there (S0-09, S0-10)."""
    policy = active().policy
    _require_decider(actor, "payout", payout_record, policy)
    _require_case(actor, "payout", payout_record, policy)
    _gates(actor, "decide", payout_record)
    if application.subject_id is None or application.subject_id != payout_record.subject_id:
        raise Invalid({"payout_record": ["Deze uitbetaling hoort bij een andere persoon. / "
                                         "This payout belongs to someone else."]})
    decision = latest_decision(application)
    if decision is None or decision.outcome != Decision.Outcome.GRANTED:
        raise Conflict("Deze aanvraag is (nog) niet toegekend door een medewerker. / "
                       "This application has not been granted by a person.")
    blocking = open_flags(application, payout_record)
    if blocking:
        kinds = ", ".join(sorted({f.kind for f in blocking}))
        raise _refuse(actor, "payout", "payout_blocked",
                      f"Uitbetaling geblokkeerd door een signalering ({kinds}); een medewerker moet die eerst "
                      f"opheffen. / Payout blocked by a flag ({kinds}) until a person clears it.", payout_record,
                      {"flags": [str(f.pk) for f in blocking]})
    if Payout.objects.filter(payout_record=payout_record).exists():
        raise Conflict("Deze uitbetaling is al gedaan. / This payout was already made.")
    present = fields_present(payout_record)  # which bank fields hold a value: no value is read
    missing = {name: [text] for name, text in BANK_FIELDS.items() if name not in present}
    if missing:
        with transaction.atomic():
            append(Entry(action="payout.refused", actor=actor, purpose=payout_record.purpose, outcome="refused",
                         reason="missing_bank_details", subject=payout_record.subject_id, record=payout_record,
                         detail={"missing": sorted(missing)}))
        raise Invalid(missing)
    with transaction.atomic():
        payout = Payout.objects.create(application=application, payout_record=payout_record, decision=decision,
                                       paid_at=timezone.now(), paid_by=actor)
        append(Entry(action="payout.execute", actor=actor, purpose=payout_record.purpose,
                     subject=payout_record.subject_id, record=payout_record,
                     detail={"payout": str(payout.pk), "decision": str(decision.pk)}))
    return payout
