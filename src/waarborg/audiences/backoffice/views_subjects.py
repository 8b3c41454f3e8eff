"""A client's page in the back office (the start page is `views_dayswork.home`).

- `/backoffice/clienten/<id>`: one subject for a staff member who works with them: the summary (external
  number, nothing sealed), the assignments they may see, and per purpose their roles may read the records,
  each read through the vault's audited door (`records_of_subject`: one `record.read` per record). A purpose
  the door refuses (not assigned, restricted) says why and shows nothing; a subject the user may not see at all
  answers 403, and every refusal is in the audit log. "Mijn cliënten" links here, not to the Django admin.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from waarborg.audiences.backoffice.views import LOGIN_URL, refused_page
from waarborg.audiences.web.language import reader_half
from waarborg.core.errors import Refused
from waarborg.engine.audit.refusals import refused
from waarborg.engine.caseloads import reads
from waarborg.engine.policy.active import current
from waarborg.engine.records.actions import records_of_subject
from waarborg.engine.rights.words import field_label
from waarborg.engine.vault.models import Record, Subject
from waarborg.engine.vault.reads import record_browse


def _records(user: Any, subject: Subject, policy: Any) -> list[dict[str, Any]]:
    purposes = sorted(set(Record.objects.filter(subject=subject).values_list("purpose", flat=True)),
                      key=lambda p: list(policy.purposes).index(p) if p in policy.purposes else len(policy.purposes))
    blocks = []
    lang = get_language()
    for purpose in purposes:
        if not policy.grants(user, "read", purpose):
            continue  # not this person's work: nothing is attempted, nothing shown
        label = policy.purposes[purpose].label if purpose in policy.purposes else None
        block: dict[str, Any] = {"purpose": purpose, "label": label.get(lang) if label else purpose, "records": []}
        try:
            shown = records_of_subject(user, subject, purpose)
        except Refused as exc:
            block["refused"], block["refused_lang"] = reader_half(str(exc.detail))
            blocks.append(block)
            continue
        for record, data in shown:
            rt = policy.record_types.get(record.type)
            block["records"].append({
                "type": rt.label.get(lang) if rt else record.type, "collected_at": record.collected_at,
                "expires_at": record.expires_at,
                "fields": [(field_label(policy, record.type, name)[lang], value) for name, value in data.items()]})
        blocks.append(block)
    return blocks


def _retention_rows(user: Any, subject: Subject, policy: Any) -> list[dict[str, Any]]:
    """For whoever manages retention: which records the client has, with their clocks, never their content,
    so a hold or an extension can be placed on one of them. Which records exist is itself personal data: the
    look is on record (`record.browse`, filter `subject`)."""
    record_browse(user, filters=["subject"])
    lang = get_language()
    rows = []
    for record in (Record.objects.filter(subject=subject, anonymised_at__isnull=True)
                   .only("pk", "type", "purpose", "collected_at", "expires_at").order_by("collected_at", "pk")):
        rt, purpose = policy.record_types.get(record.type), policy.purposes.get(record.purpose)
        rows.append({"id": record.pk, "type": rt.label.get(lang) if rt else record.type,
                     "purpose": purpose.label.get(lang) if purpose else record.purpose,
                     "collected_at": record.collected_at, "expires_at": record.expires_at})
    return rows


def subject(request: HttpRequest, pk: Any) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{LOGIN_URL}?next={request.path}")
    user, policy = request.user, current()
    found = get_object_or_404(Subject, pk=pk)
    try:
        assignments = reads.of_subject(user, found)
    except Refused:
        assignments = []  # the refusal is audited; the records below decide whether the page opens
    blocks = _records(user, found, policy)
    if not assignments and not any(b["records"] for b in blocks):
        reason = next((b["refused"] for b in blocks if "refused" in b), "")
        return refused_page(request, refused(user, "backoffice.subject", "not_assigned", reason or (
            "Deze cliënt staat niet op uw naam en uw rollen lezen geen gegevens van deze cliënt. / This client is not "
            "assigned to you and your roles read none of their data."), subject=found.pk))
    labels = {p: policy.purposes[p].label.get(get_language()) for p in policy.purposes}
    manages_retention = policy.manages(user, "retention")
    return render(request, "backoffice/subject.html", {
        "subject": found, "blocks": blocks, "manages_retention": manages_retention,
        "retention_rows": _retention_rows(user, found, policy) if manages_retention else [],
        "group_label": policy.group_label(found.group, get_language()) if policy.subject_groups else "",
        "assignments": [{**reads.describe(a), "purpose_label": labels.get(a.purpose, a.purpose)} for a in assignments]})
