"""Extensions and shortenings: what the subject (or staff, where the rule says so) asks of a clock.

- An extension adds the rule's `extension.by` once more (S2-21). It needs the basis the rule demands
  (the subject's request or consent, or a staff decision where `requires: staff`) and a note of where
  that is recorded. It is refused (403, audited) when the rule has no extension (`not_extendable`),
  when one more would pass the rule's ceiling (`retention_ceiling`, S2-22), or when `extension.times`
  is used up (`extension_limit_reached`).
- A shortening on request destroys the data now (S2-20); rules that do not allow it (legal periods:
  S2-23) refuse it.
Each is one transaction: write the adjustment, recompute the dependent clocks, audit. Only roles that
manage retention (`manages: retention`, or the privacy officer) adjust clocks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext

from waarborg.core.errors import Conflict, Invalid
from waarborg.core.language import each_language
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import RetentionRule
from waarborg.engine.retention.clock import compute, rule_of
from waarborg.engine.retention.models import Adjustment
from waarborg.engine.retention.recompute import recompute
from waarborg.engine.vault.models import Record, Subject


def _passes_ceiling(spec: RetentionRule, start: datetime, extensions: int) -> bool:
    """Would the period plus `extensions` extensions, counted from `start`, run past the ceiling?"""
    if spec.ceiling is None or spec.period is None or spec.extension is None:
        return False
    expiry = spec.period.after(start)
    for _ in range(extensions):
        expiry = spec.extension.by.after(expiry)
    return expiry > spec.ceiling.after(start)


def _extend(actor: Any, *, subject: Subject, rule_id: str, basis: str | None, evidence: str,
            at: datetime | None, record: Record | None) -> Adjustment:
    current = active()
    policy = current.policy
    where: dict[str, Any] = {"subject": subject.pk, "record": getattr(record, "pk", None)}
    if not policy.manages(actor, "retention"):
        raise refused(actor, "retention.extend", "role_not_granted",
                      "alleen wie bewaartermijnen beheert mag een termijn verlengen / "
                      "only a role that manages retention extends a period", **where)
    spec = policy.retention.get(rule_id)
    if spec is None:
        raise Invalid({"rule": [f"onbekende bewaarregel / unknown retention rule: {rule_id}"]})
    if spec.extension is None:
        why_nl, why_en = ((f"een wettelijke termijn ({spec.legal_ground})", f"a statutory period ({spec.legal_ground.in_lang('en')})")
                          if spec.reason == "legal" else ("geen verlenging voorzien", "no extension is provided for"))
        raise refused(actor, "retention.extend", "not_extendable",
                      f"bewaarregel '{rule_id}' kan niet worden verlengd: {why_nl} / "
                      f"retention rule '{rule_id}' cannot be extended: {why_en}", **where)
    requires = spec.extension.requires
    basis = basis or requires
    allowed = {requires} | ({"subject_request", "subject_consent"} if requires != "staff" else set())
    if basis not in allowed or not evidence.strip():
        raise Invalid({"basis" if basis not in allowed else "reason": [
            f"een verlenging vraagt een vastgelegd(e) {requires} en waar dat is vastgelegd / "
            f"an extension needs a recorded {requires} and where it is recorded"]})
    refusal: tuple[str, str] | None = None
    with transaction.atomic():
        used = Adjustment.objects.select_for_update().filter(
            subject=subject, rule=rule_id, kind=Adjustment.Kind.EXTENSION).count()
        sample = record or Record.objects.filter(subject=subject, retention_rule=rule_id,
                                                 anonymised_at__isnull=True).first()
        start = (compute(sample, policy).start if sample is not None else None) or timezone.now()
        if spec.ceiling is not None and _passes_ceiling(spec, start, used + 1):
            refusal = ("retention_ceiling", f"nog een verlenging gaat voorbij het plafond van "
                       f"{spec.ceiling.words('nl')} / one more extension would pass the ceiling of "
                       f"{spec.ceiling.words('en')}")
        elif used >= spec.extension.times:
            refusal = ("extension_limit_reached", f"de termijn is al {used} keer verlengd; de regel staat "
                       f"{spec.extension.times} keer toe / already extended {used} time(s), the rule allows "
                       f"{spec.extension.times}")
        else:
            adjustment = Adjustment.objects.create(kind=Adjustment.Kind.EXTENSION, subject=subject, rule=rule_id,
                                                   basis=basis, evidence=evidence.strip()[:200],
                                                   at=at or timezone.now(),
                                                   created_by=actor if getattr(actor, "pk", None) else None)
            records = Record.objects.filter(subject=subject, retention_rule=rule_id, anonymised_at__isnull=True)
            changed = recompute(records.order_by("pk"), policy)
            append(Entry(action="retention.extend", actor=actor, subject=subject,
                         record=getattr(record, "pk", None), policy_version=current.number,
                         detail={"rule": rule_id, "basis": basis, "by": str(spec.extension.by),
                                 "clocks_changed": changed}))
    if refusal is not None:  # audited outside the transaction above, so the entry survives
        raise refused(actor, "retention.extend", refusal[0], refusal[1], **where)
    return adjustment


def record_extend(actor: Any, record: Record, *, reason: str, basis: str | None = None) -> Record:
    """Extend the clock of this record (and of its subject's other records under the same rule) once more.
    `reason`: where the subject's request or consent is recorded (a letter, a case number; no personal data)."""
    subject = record.subject
    if record.anonymised_at is not None or subject is None:
        raise Conflict("Dit gegeven is geanonimiseerd. / This record was anonymised.")
    rule_id, _ = rule_of(record, active().policy)
    _extend(actor, subject=subject, rule_id=rule_id, basis=basis, evidence=reason, at=None, record=record)
    record.refresh_from_db()
    return record


def retention_extend(actor: Any, *, subject: Subject, rule: str, basis: str, evidence: str,
                     at: datetime | None = None) -> Adjustment:
    """Extend the clocks of the subject's records under `rule` once more (S2-21)."""
    return _extend(actor, subject=subject, rule_id=rule, basis=basis, evidence=evidence, at=at, record=None)


def retention_shorten(actor: Any, *, subject: Subject, rule: str, basis: str, evidence: str) -> int:
    """Shorten on request: the subject's records under `rule` are destroyed now (S2-20). Returns how many."""
    from waarborg.engine.retention.sweep import sweep_expired

    current = active()
    policy = current.policy
    if not policy.manages(actor, "retention"):
        raise refused(actor, "retention.shorten", "role_not_granted",
                      "alleen wie bewaartermijnen beheert mag een termijn verkorten",
                      subject=subject)
    spec = policy.retention.get(rule)
    if spec is None:
        raise Invalid({"rule": [f"onbekende bewaarregel {rule!r} / unknown retention rule {rule!r}"]})
    if not spec.shorten_on_request:
        reason = f" ({spec.legal_ground})" if spec.legal_ground else ""
        raise refused(actor, "retention.shorten", "legal_obligation" if spec.reason == "legal" else "not_shortenable",
                      f"bewaarregel {rule!r} kan niet worden verkort{reason}", subject=subject)
    if basis not in ("subject_request", "subject_consent") or not evidence.strip():
        raise Invalid({"basis": ["een verkorting vraagt een vastgelegd verzoek of toestemming van de betrokkene / "
                                 "a shortening needs the subject's recorded request or consent"]})
    now = timezone.now()
    with transaction.atomic():
        Adjustment.objects.create(kind=Adjustment.Kind.SHORTENING, subject=subject, rule=rule, basis=basis,
                                  evidence=evidence.strip(), at=now,
                                  created_by=actor if getattr(actor, "pk", None) else None)
        records = Record.objects.filter(subject=subject, retention_rule=rule, anonymised_at__isnull=True)
        recompute(records, policy)
        ids = list(records.filter(expires_at__lte=now).values_list("pk", flat=True))
        append(Entry(action="retention.shorten", actor=actor, subject=subject, policy_version=current.number,
                     detail={"rule": rule, "basis": basis, "records": len(ids)}))
    # The destruction itself is the sweep's work, with its audit entries; if this process dies
    # here, the clocks already say "now" and the next sweep destroys them.
    report = sweep_expired(now=now, only=ids)
    return report.processed


def shortening_confirmation(rule: str, destroyed: int, subject: Subject) -> dict[str, str]:
    """The confirmation to the subject after a shortening (S2-20): what was destroyed, and which data the law
    makes us keep (S2-23), with its ground. Counts and rule names only: no personal data."""
    policy = active().policy
    spec = policy.retention[rule]
    kept = (Record.objects.filter(subject=subject, anonymised_at__isnull=True)
            .values_list("retention_rule", flat=True).distinct())
    legal = [(rid, policy.retention[rid]) for rid in sorted(set(kept))
             if rid in policy.retention and policy.retention[rid].reason == "legal"]

    def text() -> str:
        lang = get_language()
        said = gettext("Op uw verzoek hebben wij de bewaartermijn \"%(rule)s\" verkort.") % {
            "rule": spec.label.get(lang) if spec.label else rule}
        said += " " + ngettext("Wij hebben %(count)s gegeven vandaag vernietigd.",
                               "Wij hebben %(count)s gegevens vandaag vernietigd.", destroyed) % {"count": destroyed}
        for rid, other in legal:
            said += gettext(" Gegevens die wij volgens de wet moeten bewaren blijven bewaard: \"%(rule)s\" "
                            "(%(ground)s).") % {"rule": other.label.get(lang) if other.label else rid,
                                                "ground": other.legal_ground.in_lang(lang)}
        return said

    return each_language(text)
