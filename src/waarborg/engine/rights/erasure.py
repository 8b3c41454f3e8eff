"""Erasure (art. 17 AVG; S0-39, S1-21, S2-27): remove all that no legal ground keeps.

Per record of the subject, in one transaction:
- kept, with its ground, when the law still requires it (art. 17(3)(b) and (e)): the retention rule's
  `reason: legal`, a `fiscal` record type (seven years, art. 52 AWR), a purpose whose basis is a legal
  obligation, a purpose that serves legal claims, or a hold for a dispute, a fraud investigation or a
  legal obligation. What is kept is **restricted** from then on (art. 18(1)(b)-(c)): a restriction per
  purpose through the consent capability (`restriction_set`), so the gates refuse every other use. Each
  kept record says until when: `until` (the date its clock gives, once this request's own hold is
  released) when known, and always `until_words` (Dutch and English), which name the rule when the date
  hangs on an event still to come;
- anonymised when its rule anonymises at expiry (e.g. payouts kept for financial accountability):
  the rule's `keep` fields stay, without any link to the subject, dates generalised;
- deleted otherwise, with the subject's statements.
Every assignment of the subject ends (no caseworker keeps a case that was erased).
If nothing linked to the subject remains, the subject's data key is shredded: every sealed copy,
backups included, becomes unreadable. The answer and its letter list what was kept, why and until when.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import get_language, pgettext, pgettext_lazy

from waarborg.core.errors import Conflict
from waarborg.core.language import each_language, joined
from waarborg.core.times import day_in_words, rfc3339
from waarborg.engine.audit.log import Entry, append, append_many
from waarborg.engine.caseloads.actions import end_for_subject
from waarborg.engine.citizens.accounts import account_erase
from waarborg.engine.consent.objections import restriction_set
from waarborg.engine.consent.state import legal_claims, restrictions
from waarborg.engine.deidentify import Replacer
from waarborg.engine.deidentify.fields import DROPPED, leaving
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import FieldType, Policy
from waarborg.engine.retention.clock import active_holds, compute
from waarborg.engine.retention.explain import Labels, Step
from waarborg.engine.retention.models import Hold
from waarborg.engine.rights import effects, letters
from waarborg.engine.rights.actions import request_answer, require_identity
from waarborg.engine.rights.exports import retention_words, rule_of
from waarborg.engine.rights.models import Request, Statement
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import Unlogged, read_record


def note_erasures(kind: str, ids: list[Any], reason: str, action: str) -> None:
    """Tell the backups' erasure journal what was done (ids only), so a restore replays exactly that."""
    try:
        from waarborg.engine.vault import journal
    except ImportError:  # a build without backups: nothing to re-apply on restore
        return
    journal.note(kind, ids, reason, action=action)


HOLDS_THAT_KEEP = {"dispute": pgettext_lazy("kept after an erasure",
                                             "rechtsvordering of geschil (art. 17 lid 3 sub e AVG)"),
                   "fraud_investigation": pgettext_lazy("kept after an erasure", "fraudeonderzoek"),
                   "legal_obligation": pgettext_lazy("kept after an erasure", "wettelijke plicht (bewaarplicht)")}


def legal_ground(policy: Policy, record: Record) -> str:
    """Why the law makes us keep this record, or "" when nothing does: the law the policy names, else the
    platform's words for the ground in each of the policy's languages ("... / ...": the API's answer and both
    halves of the letter carry the same text)."""
    rule = rule_of(policy, record)
    record_type = policy.record_types.get(record.type)
    purpose = policy.purposes.get(record.purpose)
    law = purpose.basis_detail.law if purpose else ""

    def words(text: Any) -> str:
        return joined(lambda: str(text), policy.languages)

    if rule is not None and rule.reason == "legal":
        return rule.legal_ground or law or words(pgettext_lazy("kept after an erasure", "wettelijke bewaarplicht"))
    if record_type is not None and record_type.fiscal:
        return (rule.legal_ground if rule else "") or law or words(
            pgettext_lazy("kept after an erasure", "fiscale bewaarplicht (art. 52 AWR)"))
    if purpose is not None and str(purpose.basis) == "legal_obligation":
        return law or words(pgettext_lazy("kept after an erasure", "wettelijke verplichting"))
    if purpose is not None and legal_claims(purpose):
        return words(pgettext_lazy("kept after an erasure", "rechtsvordering (art. 17 lid 3 sub e AVG)"))
    holds = sorted({h.reason for h in active_holds(record) if h.reason in HOLDS_THAT_KEEP})
    return "; ".join(words(HOLDS_THAT_KEEP[h]) for h in holds)


def kept_until(policy: Policy, record: Record) -> dict[str, Any]:
    """Until when a kept record stays: the date when its clock knows it, and always in words."""
    clock = compute(record, policy)
    rule = rule_of(policy, record)
    label = retention_words(rule)
    anonymise = rule is not None and rule.action == "anonymise"
    if clock.expires_at is not None:
        day = timezone.localtime(clock.expires_at).date()

        def until() -> str:
            lang = get_language()
            then = pgettext("kept after an erasure", "daarna geanonimiseerd") if anonymise else pgettext(
                "kept after an erasure", "daarna verwijderd")
            return pgettext("kept after an erasure", "tot %(day)s, %(then)s (%(rule)s)") % {
                "day": day_in_words(day, lang), "then": then, "rule": label[lang]}

        return {"until": rfc3339(clock.expires_at), "until_words": each_language(until)}
    # Open-ended: the rule in words, and why the date is not known yet (an event still to come, a hold).
    holds = [h for h in active_holds(record) if h.reason in HOLDS_THAT_KEEP]
    # the clock names a hold only once it has a date to move
    held = None if clock.held or not holds else Step(pgettext_lazy(
        "retention clock", "Een bewaarplicht (%(reasons)s) houdt de gegevens vast tot die wordt opgeheven."),
        reasons=Labels(Hold.Reason(h.reason).label for h in holds))

    def why() -> str:
        text = clock.words(2) + (f" {held}" if held is not None else "")
        return f"{label[get_language()]}. {text}".strip()

    return {"until_words": each_language(why)}


def _restrict(actor: Any, req: Request, purposes: set[str]) -> dict[str, str]:
    """Kept data serves only its legal ground from now on: restrict each purpose it was kept under."""
    done = {}
    for purpose in sorted(purposes):
        if restrictions(purpose).filter(subject=req.subject_id).exists():
            continue  # already restricted (for this purpose or for all): nothing more to block
        restriction = restriction_set(actor, subject=req.subject, purpose=purpose,
                                      reason=f"verwijderverzoek / erasure request {req.pk}: alleen nog bewaren op "
                                             f"wettelijke grond / kept only on its legal ground")
        done[purpose] = str(restriction.pk)
    return done


def _generalise(value: Any, how: str) -> Any:
    text = str(value)
    if how == "year":
        return text[:4]
    if how == "month":
        return text[:7]
    return value


def anonymise(policy: Policy, record: Record) -> list[str]:
    """Keep only the rule's `keep` fields of the record, unlinked, dates generalised (also a restore's replay)."""
    return _anonymise(policy, record)


def _anonymise(policy: Policy, record: Record) -> list[str]:
    rule = rule_of(policy, record)
    assert rule is not None and rule.anonymise is not None  # the caller checked
    spec = policy.record_types[record.type].fields if record.type in policy.record_types else {}
    # Nobody sees the values: the rule's `keep` fields are rewritten, the rest goes (the caller's entry says so).
    data = read_record("system:erasure", record, record.purpose, via="anonymise", unlogged=Unlogged.SYSTEM)
    how = rule.anonymise.generalise_dates
    replacer = Replacer("tag", None)  # free text de-identified or dropped as the policy says (deidentify.fields)
    kept = {name: (_generalise(value, how) if name in spec and spec[name].type in (FieldType.DATE, FieldType.DATETIME)
                   else leaving(spec.get(name), value, replacer))
            for name, value in data.items() if name in rule.anonymise.keep}
    kept = {name: value for name, value in kept.items() if value is not DROPPED}
    now = timezone.now()
    collected = record.collected_at
    if how == "year":
        collected = collected.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    elif how == "month":
        collected = collected.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    Record.objects.filter(pk=record.pk).update(subject=None, plain=kept, sealed=None, anonymised_at=now,
                                               updated_at=now, collected_at=collected, source_detail="",
                                               channel_detail="")
    return sorted(kept)


def _delete(record: Record) -> str:
    """Delete the record; if something protects it (a hold, a register entry), say what and keep it."""
    try:
        with transaction.atomic():
            record.delete()
    except ProtectedError as exc:
        holders = sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})
        return f"vastgehouden door / held by: {', '.join(holders)}"
    return ""


def _label(policy: Policy, record: Record) -> dict[str, str]:
    rt = policy.record_types.get(record.type)
    return {"nl": rt.label.nl, "en": rt.label.en or rt.label.nl} if rt else {"nl": record.type, "en": record.type}


def erase(actor: Any, req: Request) -> dict[str, Any]:
    current = active()
    policy = current.policy
    if req.type != "erasure":
        raise Conflict("Alleen bij een verwijderverzoek. / Only for an erasure request.")
    require_identity(req)
    if not req.is_open:
        raise Conflict("Dit verzoek is al afgehandeld. / This request is already finished.")
    subject = req.subject
    kept: list[dict[str, Any]] = []
    anonymised: list[dict[str, Any]] = []
    deleted: list[dict[str, Any]] = []
    with transaction.atomic():
        # This request's own hold kept the data for the answer; it must not count as a reason to keep.
        effects.release_for(req)
        records = list(Record.objects.select_for_update().filter(subject=subject).order_by("collected_at"))
        entries: list[Entry] = []
        for record in records:
            item: dict[str, Any] = {"record": str(record.pk), "type": record.type, "purpose": record.purpose,
                    "label": _label(policy, record)}
            ground = legal_ground(policy, record)
            rule = rule_of(policy, record)
            if ground:
                kept.append({**item, "ground": ground, **kept_until(policy, record)})
            elif rule is not None and rule.action == "anonymise" and rule.anonymise is not None:
                anonymised.append({**item, "kept_fields": _anonymise(policy, record)})
                entries.append(Entry(action="record.anonymise", actor=actor, purpose=record.purpose, subject=subject,
                                     record=record.pk, detail={"type": record.type, "request": str(req.pk)}))
            else:
                holder = _delete(record)
                if holder:
                    kept.append({**item, "ground": holder, **kept_until(policy, record)})
                    continue
                deleted.append(item)  # (the deleted instance has lost its pk: use the id noted before)
                entries.append(Entry(action="record.delete", actor=actor, purpose=record.purpose, subject=subject,
                                     record=item["record"], detail={"type": record.type, "request": str(req.pk)}))
        restricted = _restrict(actor, req, {k["purpose"] for k in kept})
        for item in kept:
            item["restricted"] = True
        # Written before commit (the journal's own rule): a restored backup erases these again.
        note_erasures("record", [d["record"] for d in deleted], f"request:{req.pk}", "delete")
        note_erasures("record", [a["record"] for a in anonymised], f"request:{req.pk}", "anonymise")
        statements, _ = Statement.objects.filter(subject=subject).delete()
        append_many(entries)
        # The subject's own facts (BSN, birth date) are no record any legal duty names: they go too.
        subject.sealed, subject.bsn_hash = None, None
        shredded = not kept
        note_erasures("subject", [subject.pk], f"request:{req.pk}", "erase" if shredded else "clear")
        if shredded:
            keys.shred(subject)
            subject.external_id, subject.erased_at = None, timezone.now()
        subject.save(update_fields=["sealed", "bsn_hash", "external_id", "erased_at"])
        account_closed = account_erase(actor, subject)
        # Nobody keeps the case: what remains is kept only on its legal ground, restricted.
        unassigned = end_for_subject(actor, subject, f"erasure request {req.pk}")
        append(Entry(action="subject.erase", actor=actor, subject=subject, policy_version=current.number,
                     detail={"request": str(req.pk), "deleted": len(deleted), "anonymised": len(anonymised),
                             "kept": len(kept), "statements": statements, "key_shredded": shredded,
                             "account_closed": account_closed, "restricted": sorted(restricted),
                             "assignments_ended": unassigned}))
        req = request_answer(actor, req, extra=letters.erasure_body(kept, anonymised))
    return {"deleted": deleted, "anonymised": anonymised, "kept": kept, "key_shredded": shredded,
            "account_closed": account_closed,
            "status": req.status, "answer": req.answer}
