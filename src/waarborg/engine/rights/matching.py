"""Matching a request to the subject it is about: the handler's step for requests that came in without an account.

Why it exists: the contact form (S1-24) does not know who the sender is in our files, so it files the
request on a subject of its own, which holds nothing. Until a handler matches it to the real subject
(found with `GET subjects?bsn=`), an access export would be empty and an erasure would erase nothing.

Matching decides whose data answers the request, so it counts like registering it (`duties`): whoever
matched never verifies the requester's identity, reviews or sends the export, and whoever verified the
identity does not match. A service account never matches. Each refusal is a 403 `separation_of_duties`.

The move, in one transaction: the request's sealed details and requester are opened with the placeholder's
key and sealed again with the real subject's; the retention hold of a pending request moves along; the
placeholder, now without anything, has its key shredded and is marked erased. The audit entry names the
real subject (pseudonymised, like every entry) and the placeholder's pseudonym, never an id in the clear.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent.models import Consent
from waarborg.engine.keyring.crypto import pseudonym
from waarborg.engine.rights import duties, effects
from waarborg.engine.rights.actions import details_of, step_without_change
from waarborg.engine.rights.models import Request
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record, Subject


def _holds_nothing(subject_id: Any, req: Request) -> bool:
    """A placeholder: no records, no consents, no other requests."""
    return not (Record.objects.filter(subject_id=subject_id).exists()
                or Consent.objects.filter(subject_id=subject_id).exists()
                or Request.objects.filter(subject_id=subject_id).exclude(pk=req.pk).exists())


def request_match(actor: Any, req: Request, *, subject_id: Any) -> Request:
    """Put `req` on the subject `subject_id`; the placeholder it was filed on goes."""
    if not req.is_open:
        raise Conflict(f"Dit verzoek is al afgehandeld ({req.status}). / This request is already finished.")
    if getattr(actor, "kind", "") == "service":
        duties.require_other_than_registrar(actor, req, "request.match")  # raises for a service account
    if req.identity_verified_by_id is not None and req.identity_verified_by_id == getattr(actor, "pk", None):
        raise duties.separation_refusal(
            actor, req, "request.match", "U heeft de identiteit van de verzoeker vastgesteld; een collega koppelt "
            "het verzoek aan de betrokkene. / You verified the requester's identity; a colleague matches the "
            "request to its subject.")
    target = Subject.objects.filter(pk=subject_id, erased_at__isnull=True).first()
    if target is None:
        raise Invalid({"subject": ["onbekende betrokkene / unknown subject"]})
    if target.pk == req.subject_id:
        raise Conflict("Het verzoek staat al op deze betrokkene. / The request is on this subject already.")
    placeholder = req.subject_id
    if not _holds_nothing(placeholder, req):
        raise Conflict("Het verzoek staat op een betrokkene met gegevens; koppelen kan alleen vanaf een leeg "
                       "formulier-dossier. / The request is on a subject with data; only a request on an empty "
                       "form subject is matched.")
    details = details_of(req)
    requester = duties.requester_of(req)
    with transaction.atomic():
        effects.release_for(req)
        req.subject = target
        req.details_sealed = keys.seal(target, {"details": details}, f"request:{req.pk}") if details else None
        duties.seal_requester(req, requester)
        req.save(update_fields=["subject", "details_sealed", "requester_kind", "requester_sealed"])
        effects.hold_for(req)
        step_without_change(req, "matched", actor)
        shredded = bool(keys.shred(placeholder))
        Subject.objects.filter(pk=placeholder).update(erased_at=timezone.now(), external_id=None)
        append(Entry(action="request.match", actor=actor, subject=target, purpose=req.purpose,
                     detail={"request": str(req.pk), "type": req.type, "from": pseudonym(placeholder),
                             "placeholder_shredded": shredded}))
    return req


def awaits_match(req: Request) -> bool:
    """Open and filed on an empty subject of its own (the contact form's): a handler should match it."""
    return req.is_open and req.subject_id is not None and _holds_nothing(req.subject_id, req)
