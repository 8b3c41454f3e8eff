"""Holds, extensions and shortenings: the facts people add to a retention clock.

- A hold (rights request, dispute, fraud investigation, legal obligation) keeps data past its expiry,
  never past the rule's ceiling (S2-22), and only under rules that allow holds.
- An extension needs the basis the rule demands (the subject's request or consent: S2-21) and is
  refused once the rule's `extension.times` is used up.
- A shortening on request destroys the data now (S2-20); rules that do not allow it (legal
  periods: S2-23) refuse it.
Each is one transaction: write the fact, recompute the dependent clocks, audit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from waarborg.api.errors import Invalid
from waarborg.audit.log import Entry, append
from waarborg.policy.active import active
from waarborg.retention.authz import manages_retention, refuse
from waarborg.retention.clock import recompute, rule_of
from waarborg.retention.models import Adjustment, Hold
from waarborg.vault.models import Record, Subject


def _records_of(subject: Subject | None, record: Record | None) -> Any:
    live = Record.objects.filter(anonymised_at__isnull=True)
    if record is not None:
        return live.filter(pk=record.pk)
    return live.filter(subject=subject)


def hold_place(actor: Any, *, reason: str, justification: str, subject: Subject | None = None,
               record: Record | None = None, until: datetime | None = None) -> Hold:
    current = active()
    if not manages_retention(actor, current.policy):
        raise refuse(actor, "retention.hold", "alleen wie bewaartermijnen beheert mag een bewaarplicht opleggen",
                     subject=subject, record=record)
    errors: dict[str, list[str]] = {}
    if subject is None and record is None:
        errors["subject"] = ["noem een betrokkene of een gegeven / name a subject or a record"]
    if reason not in Hold.Reason.values:
        errors["reason"] = [f"kies uit / choose from: {', '.join(Hold.Reason.values)}"]
    if record is not None:
        _, rule = rule_of(record, current.policy)
        if not rule.holds_allowed:
            errors["record"] = ["de bewaarregel van dit gegeven staat geen bewaarplicht toe / "
                                "this record's retention rule allows no holds"]
    if not justification.strip():
        errors["justification"] = ["een bewaarplicht vraagt een onderbouwing / a hold needs a justification"]
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        hold = Hold.objects.create(subject=subject, record_id=getattr(record, "pk", None), reason=reason,
                                   justification=justification.strip(), until=until, created_at=timezone.now(),
                                   created_by=actor if getattr(actor, "pk", None) else None)
        changed = recompute(_records_of(subject, record), current.policy)
        append(Entry(action="retention.hold", actor=actor, subject=subject, record=record,
                     policy_version=current.number,
                     detail={"hold": hold.pk, "reason": reason, "until": until.isoformat() if until else None,
                             "clocks_changed": changed}))
    return hold


def hold_release(actor: Any, hold: Hold) -> Hold:
    current = active()
    if not manages_retention(actor, current.policy):
        raise refuse(actor, "retention.hold_release", "alleen wie bewaartermijnen beheert mag een bewaarplicht opheffen")
    with transaction.atomic():
        hold.released_at = timezone.now()
        hold.save(update_fields=["released_at"])
        records = Record.objects.filter(anonymised_at__isnull=True).filter(
            Q(pk=hold.record_id) if hold.record_id else Q(subject_id=hold.subject_id))
        changed = recompute(records, current.policy)
        append(Entry(action="retention.hold_release", actor=actor, subject=hold.subject_id, record=hold.record_id,
                     policy_version=current.number, detail={"hold": hold.pk, "clocks_changed": changed}))
    return hold


def holds_list(*, include_released: bool = False) -> list[Hold]:
    holds = Hold.objects.order_by("created_at", "pk")
    if not include_released:
        holds = holds.filter(released_at__isnull=True)
    return list(holds)


def retention_extend(actor: Any, *, subject: Subject, rule: str, basis: str, evidence: str,
                     at: datetime | None = None) -> Adjustment:
    """Extend the clocks of the subject's records under `rule` once more (S2-21)."""
    current = active()
    policy = current.policy
    if not manages_retention(actor, policy):
        raise refuse(actor, "retention.extend", "alleen wie bewaartermijnen beheert mag een termijn verlengen",
                     subject=subject)
    spec = policy.retention.get(rule)
    if spec is None or spec.extension is None:
        raise Invalid({"rule": [f"bewaarregel {rule!r} kan niet worden verlengd / rule {rule!r} cannot be extended"]})
    allowed = {spec.extension.requires} | ({"subject_request", "subject_consent"}
                                           if spec.extension.requires != "staff" else set())
    if basis not in allowed or not evidence.strip():
        raise Invalid({"basis": [f"een verlenging vraagt een vastgelegd(e) {spec.extension.requires} met bewijs / "
                                 f"an extension needs a recorded {spec.extension.requires} with evidence"]})
    with transaction.atomic():
        used = Adjustment.objects.select_for_update().filter(
            subject=subject, rule=rule, kind=Adjustment.Kind.EXTENSION).count()
        if used >= spec.extension.times:
            raise refuse(actor, "retention.extend", f"de termijn is al {used} keer verlengd; de regel staat "
                         f"{spec.extension.times} keer toe", reason="extension_limit_reached", subject=subject)
        adjustment = Adjustment.objects.create(kind=Adjustment.Kind.EXTENSION, subject=subject, rule=rule,
                                               basis=basis, evidence=evidence.strip(), at=at or timezone.now(),
                                               created_by=actor if getattr(actor, "pk", None) else None)
        changed = recompute(Record.objects.filter(subject=subject, retention_rule=rule, anonymised_at__isnull=True),
                            policy)
        append(Entry(action="retention.extend", actor=actor, subject=subject, policy_version=current.number,
                     detail={"rule": rule, "basis": basis, "by": str(spec.extension.by), "clocks_changed": changed}))
    return adjustment


def retention_shorten(actor: Any, *, subject: Subject, rule: str, basis: str, evidence: str) -> int:
    """Shorten on request: the subject's records under `rule` are destroyed now (S2-20). Returns how many."""
    from waarborg.retention.sweep import sweep_expired

    current = active()
    policy = current.policy
    if not manages_retention(actor, policy):
        raise refuse(actor, "retention.shorten", "alleen wie bewaartermijnen beheert mag een termijn verkorten",
                     subject=subject)
    spec = policy.retention.get(rule)
    if spec is None:
        raise Invalid({"rule": [f"onbekende bewaarregel {rule!r} / unknown retention rule {rule!r}"]})
    if not spec.shorten_on_request:
        reason = f" ({spec.legal_ground})" if spec.legal_ground else ""
        raise refuse(actor, "retention.shorten", f"bewaarregel {rule!r} kan niet worden verkort{reason}",
                     reason="legal_obligation" if spec.reason == "legal" else "not_shortenable", subject=subject)
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
