"""The processing log in the shape of the Dutch standard *Logboek Dataverwerkingen* (Logius).

Each audit entry that processed a subject's data becomes one span, as the standard's Logboek interface
prescribes (OpenTelemetry span fields): `trace_id` (16 bytes, 32 hex), `span_id` (8 bytes, 16 hex),
`name`, `start_time`, `end_time`, `status_code`, `resource` and the `dpl.core.*` attributes:

- `dpl.core.processing_activity_id`: the register entry (verwerkingsactiviteit) of the purpose,
  `<organisation id>/<purpose id>`, as in the art. 30 register;
- `dpl.core.data_subject_id`: the subject's pseudonym (never the BSN or the vault id);
- `dpl.core.data_subject_id_type`: `pseudonym`.

Staff identities stay out, as the standard requires: they remain in the audit log only, for the privacy
officer. Refused attempts are left out too: no data was processed (they stay in the audit log).
Spans are derived from the chained entry, so exporting twice gives identical ids.

`processing_history(subject)` gives the same facts to the subject (citizen portal, access export):
what was done, when, for which purpose and by which role, never by whom.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import pgettext

import waarborg
from waarborg.core.language import in_language
from waarborg.engine.audit.log import about_subject
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring import crypto

SUBJECT_ID_TYPE = "pseudonym"
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def processing_entries(since: datetime | None = None, subject: Any = None) -> QuerySet[AuditEntry]:
    """Entries where a subject's data was processed (refusals excluded), in chain order."""
    entries = AuditEntry.objects.filter(~Q(subject_pseudonym="") | Q(subjects__isnull=False)).exclude(outcome="refused")
    if since is not None:
        entries = entries.filter(at__gte=since)
    if subject is not None:
        entries = entries.filter(about_subject(crypto.pseudonym(getattr(subject, "pk", subject))))
    return entries.order_by("id")


def _timestamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _derived(kind: str, entry: AuditEntry, length: int) -> str:
    return hashlib.sha256(f"{kind}:{entry.hash}".encode()).hexdigest()[:length]


def _organisations() -> dict[int, str]:
    from waarborg.engine.policy.models import PolicyVersion

    return dict(PolicyVersion.objects.values_list("number", "organisation"))


def processing_activity_id(organisation: str, purpose: str) -> str:
    """The register entry of a purpose. Entries without a purpose point at the organisation's register."""
    return f"{organisation}/{purpose}" if purpose else organisation


def span(entry: AuditEntry, organisation: str, subject: str | None = None, item: int = 0) -> dict[str, Any]:
    """One entry as a Logboek Dataverwerkingen span. No actor fields, by design. A grouped entry (one per
    sweep batch and rule) gives one span per subject item: `subject` and `item` say which."""
    ok = entry.outcome == "ok"
    at = _timestamp(entry.at)
    return {
        "trace_id": entry.trace_id if _HEX32.match(entry.trace_id or "") else _derived("trace", entry, 32),
        "span_id": _derived("span", entry, 16) if entry.subjects is None else _derived(f"span:{item}", entry, 16),
        "name": entry.action,
        "start_time": at,
        "end_time": at,
        "status_code": "STATUS_CODE_OK" if ok else "STATUS_CODE_ERROR",
        "status": "OK" if ok else "ERROR",
        "resource": {"attributes": {"service.name": "waarborg", "service.version": waarborg.__version__}},
        "attributes": {
            "dpl.core.processing_activity_id": processing_activity_id(organisation, entry.purpose),
            "dpl.core.data_subject_id": entry.subject_pseudonym if subject is None else subject,
            "dpl.core.data_subject_id_type": SUBJECT_ID_TYPE,
        },
    }


def spans(since: datetime | None = None, subject: Any = None) -> Iterator[dict[str, Any]]:
    organisations = _organisations()
    fallback = organisations[max(organisations)] if organisations else ""
    only = crypto.pseudonym(getattr(subject, "pk", subject)) if subject is not None else None
    # Small fetches: a grouped entry (one sweep batch) is about 0.5 MB.
    for entry in processing_entries(since, subject).iterator(chunk_size=50):
        organisation = organisations.get(entry.policy_version or 0, fallback)
        if entry.subjects is None:
            yield span(entry, organisation)
            continue
        for item, pseudonym in enumerate(entry.subjects):
            if pseudonym and (only is None or pseudonym == only):
                yield span(entry, organisation, pseudonym, item)


def _role_label(entry: AuditEntry, policy: Any, lang: str) -> str:
    """Which role acted, in the subject's language: never the person's name."""
    if entry.actor_kind == "citizen":
        return in_language(lang, lambda: pgettext("processing log", "uzelf"))
    if entry.actor_kind == "system":
        return in_language(lang, lambda: pgettext("processing log", "het systeem (automatisch)"))
    if entry.actor_kind == "service":
        return in_language(lang, lambda: pgettext("processing log", "een gekoppeld systeem"))
    labels = []
    for role in filter(None, entry.actor_roles.split(",")):
        known = policy.roles.get(role) if policy is not None else None
        labels.append(known.label.get(lang) if known is not None else role)
    return ", ".join(labels) or in_language(lang, lambda: pgettext("processing log", "een medewerker"))


def processing_history(subject: Any, lang: str = "nl") -> list[dict[str, Any]]:
    """The subject's own processing history: action, time, purpose and role, without staff names."""
    from waarborg.engine.policy.active import NoActivePolicy, current

    try:
        policy: Any = current()
    except NoActivePolicy:
        policy = None
    history = []
    for entry in processing_entries(subject=subject).defer("detail", "subjects"):
        known = policy.purposes.get(entry.purpose) if policy is not None and entry.purpose else None
        history.append({
            "action": entry.action,
            "at": entry.at,
            "purpose": entry.purpose,
            "purpose_label": known.label.get(lang) if known is not None else entry.purpose,
            "role": _role_label(entry, policy, lang),
            "outcome": entry.outcome,
        })
    return history
