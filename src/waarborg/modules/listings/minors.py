"""Reports of data about a minor collected without parental consent (S1-16): "dan verwijdert de
websiteleverancier deze informatie".

Anyone may report through the public form; the report is a privacy request of its own (the
reporter's address and words are a `privacy_request` record in the vault, kept as long as requests
are). Nothing is deleted on a report alone: a privacy officer confirms it names a real subject and
checks the reporter's identity as for any erasure request (the policy's method: an ID copy with its
redactions), and only then does the rights app's erasure run. The reporter is told the outcome by
mail; every step is audited.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Conflict
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import current
from waarborg.engine.records.actions import record_create, record_read, subject_create
from waarborg.engine.rights import actions as rights
from waarborg.engine.rights.erasure import erase
from waarborg.engine.vault.models import Subject
from waarborg.modules.listings.actions import REQUEST_TYPE, purpose_for, require_types
from waarborg.modules.listings.models import MinorReport

ACTOR = "system:contact_form"


def minor_report_file(*, email: str, details: str, reference: str = "") -> MinorReport:
    policy = current()
    require_types(policy, REQUEST_TYPE)
    requests = purpose_for("requests", policy)
    with transaction.atomic():
        reporter = subject_create(ACTOR)
        record = record_create(ACTOR, subject=reporter, type=REQUEST_TYPE, purpose=requests,
                               data={"type": "erasure", "email": email,
                                     "details": f"Minderjarige zonder toestemming van ouder of voogd.\n{details}"},
                               source_kind="subject", channel="contact_form")
        report = MinorReport.objects.create(reporter=reporter, record=record, reference=reference[:100],
                                            received_at=timezone.now())
        append(Entry(action="minor_report.create", actor=ACTOR, purpose=requests, subject=reporter,
                     record=record, detail={"report": str(report.pk)}))
    return report


def minor_report_confirm(actor: Any, report: MinorReport, *, subject: Subject, method: str,
                         redactions: list[str]) -> dict[str, Any]:
    """A person confirmed the report: erase `subject` through the rights app, tell the reporter."""
    if report.status != MinorReport.Status.RECEIVED:
        raise Conflict("Deze melding is al afgehandeld. (This report was already handled.)")
    if subject.pk == report.reporter_id:
        raise Conflict("Noem de minderjarige, niet de melder. (Name the minor, not the reporter.)")
    requests = purpose_for("requests")
    with transaction.atomic():
        address = record_read(actor, report.record, requests).get("email", "") if report.record else ""
        # The reporter filed it through the public form; the officer confirming it is the second person who
        # verifies (separation of duties: the one who registers a request never verifies it).
        req = rights.request_file(ACTOR, subject=subject, type="erasure", channel="contact_form",
                                  details=f"Melding minderjarige zonder ouderlijke toestemming {report.pk}")
        rights.identity_verify(actor, req, method=method, redactions=redactions)
        result = erase(actor, req)
        now = timezone.now()
        report.status, report.erasure = MinorReport.Status.ERASED, req
        report.confirmed_by = actor if getattr(actor, "pk", None) else None
        report.confirmed_at = now
        report.reporter_told_at = now if address else None
        report.save()
        append(Entry(action="minor_report.confirm", actor=actor, purpose=requests, subject=subject,
                     detail={"report": str(report.pk), "request": str(req.pk), "deleted": len(result["deleted"]),
                             "kept": len(result["kept"]), "reporter_told": bool(address)}))
        if address:
            send_mail("Uw melding over een minderjarige / Your report about a minor",
                      f"Wij hebben uw melding {report.pk} bevestigd en de gegevens verwijderd "
                      f"({len(result['deleted'])} onderdelen).\n\n"
                      f"We confirmed your report {report.pk} and deleted the data ({len(result['deleted'])} items).",
                      None, [address])
    return {"report": str(report.pk), "request": str(req.pk), "deleted": len(result["deleted"]),
            "kept": result["kept"], "key_shredded": result["key_shredded"], "reporter_told": bool(address)}
