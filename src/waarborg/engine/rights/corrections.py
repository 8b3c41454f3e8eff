"""Rectification and completion (art. 16 AVG; S0-38, S2-27, S4-15).

A correction goes through the vault's `record_update`, which rewrites the fields and seals the old
and new values into its audit entry (`changes=`), so the log keeps what changed and when without
showing personal data in the clear. The vault acts as `system:rights`: the platform carrying out the
subject's own instruction, so the handler (a privacy officer, who may only read) needs no write grant
on the purpose. Who handled it is the `request.rectify` entry written in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import active
from waarborg.engine.records.actions import record_update
from waarborg.engine.rights.actions import mark_in_progress, require_identity
from waarborg.engine.rights.models import Request, Statement
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record

CORRECTING = ("rectification", "completion", "erasure")  # art. 17(1)(d): wrong data may also be removed
RIGHTS_ACTOR = "system:rights"


def _request_record(req: Request, record_id: Any) -> Record:
    record = Record.objects.filter(pk=record_id, subject_id=req.subject_id).first() if record_id else None
    if record is None:
        raise Invalid({"record": ["geen gegevens van deze betrokkene / not a record of this subject"]})
    return record


def record_correct(actor: Any, req: Request, *, record_id: Any, data: dict[str, Any]) -> Record:
    policy = active().policy
    if req.type not in CORRECTING[:1]:
        raise Conflict("Alleen bij een correctieverzoek. / Only for a rectification request.")
    require_identity(req)
    if not req.is_open:
        raise Conflict("Dit verzoek is al afgehandeld. / This request is already finished.")
    record = _request_record(req, record_id)
    spec = policy.record_types[record.type].fields
    errors = {f"data.{name}": ["onbekend veld / unknown field"] for name in data if name not in spec}
    errors.update({f"data.{name}": [f"te lang / longer than {spec[name].max_length}"]
                   for name, value in data.items()
                   if name in spec and isinstance(value, str) and len(value) > spec[name].max_length})
    if not data:
        errors["data"] = ["geef de te corrigeren velden / name the fields to correct"]
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        # The vault writes and audits the change (old and new values sealed into `changes`). It acts as
        # the platform carrying out the subject's instruction: the handler's own roles need not grant
        # writing under the record's purpose. Who handled it is the `request.rectify` entry next to it.
        record = record_update(RIGHTS_ACTOR, record, record.purpose, data)
        mark_in_progress(actor, req)
        append(Entry(action="request.rectify", actor=actor, purpose=record.purpose, subject=record.subject_id,
                     record=record, detail={"request": str(req.pk), "fields": sorted(data)}))
    return record


def statement_add(actor: Any, req: Request, *, text: str, record_id: Any = None) -> Statement:
    """Completion: the subject's own statement, kept with their data and shown in every export."""
    if req.type not in ("completion", "rectification"):
        raise Conflict("Alleen bij een verzoek tot aanvulling of correctie. / Only for a completion request.")
    require_identity(req)
    if not req.is_open:
        raise Conflict("Dit verzoek is al afgehandeld. / This request is already finished.")
    if not text.strip():
        raise Invalid({"statement": ["een lege verklaring / an empty statement"]})
    record = _request_record(req, record_id) if record_id else None
    with transaction.atomic():
        statement = Statement(request=req, subject_id=req.subject_id, record=record, at=timezone.now())
        statement.sealed = keys.seal(req.subject_id, {"text": text.strip()}, f"statement:{statement.pk}")
        statement.save(force_insert=True)
        mark_in_progress(actor, req)
        append(Entry(action="statement.add", actor=actor, subject=req.subject_id, record=record,
                     detail={"request": str(req.pk), "statement": str(statement.pk)}))
    return statement
