"""What a handled request changes elsewhere: the consent register's gates and the retention clocks.

- Restriction, objection and withdrawal of consent (art. 18, 21, 7(3)) are not carried out here: once
  staff answer such a request, the consent capability's own actions record it (`restriction_set`,
  `objection_record`, `consent_withdraw`), and from then on its gates refuse the processing
  (`restricted`, `objected`, `no_active_consent`).
- A pending access, portability or erasure request places a retention hold (reason
  `rights_request`) on the subject, so the sweep cannot delete what the answer needs; the hold is
  released when the request leaves the open states (answered, refused or closed).

All of it runs inside the caller's transaction: the answer and its effect commit together.
"""

from __future__ import annotations

from typing import Any

from waarborg.core.errors import Invalid
from waarborg.engine.consent.actions import consent_withdraw
from waarborg.engine.consent.models import Consent
from waarborg.engine.consent.objections import objection_record, restriction_set
from waarborg.engine.retention.holds import hold_place, hold_release
from waarborg.engine.retention.models import Hold
from waarborg.engine.rights.models import Request

SYSTEM = "system:rights"
HOLDING = ("access", "portability", "erasure")
HAS_EFFECT = ("restriction", "objection", "withdraw_consent")


def _justification(req: Request) -> str:
    # Only the kind and our reference: a hold's justification is shown to retention staff.
    return f"Lopend {req.type}-verzoek {req.pk} / pending {req.type} request {req.pk}"


def hold_for(req: Request) -> None:
    if req.type in HOLDING:
        hold_place(SYSTEM, subject=req.subject, reason=Hold.Reason.RIGHTS_REQUEST, justification=_justification(req))


def release_for(req: Request) -> None:
    holds = Hold.objects.filter(subject_id=req.subject_id, reason=Hold.Reason.RIGHTS_REQUEST, released_at=None,
                                justification=_justification(req))
    for hold in holds:
        hold_release(SYSTEM, hold)


def check_effect(req: Request) -> None:
    """Refuse to answer when the effect cannot be carried out (before anything is written)."""
    if req.type == "objection" and not req.purpose:
        raise Invalid({"purpose": ["noem het doel waartegen bezwaar is gemaakt / name the purpose objected to"]})


def apply_effect(actor: Any, req: Request) -> dict[str, Any]:
    """Carry out a handled restriction, objection or withdrawal; returns what was recorded (ids only)."""
    channel = req.channel
    if req.type == "restriction":
        restriction = restriction_set(actor, subject=req.subject, purpose=req.purpose,
                                      reason=f"verzoek / request {req.pk}")
        return {"restriction": str(restriction.pk), "scope": req.purpose or "all"}
    if req.type == "objection":
        objection = objection_record(actor, subject=req.subject, purpose=req.purpose, received_at=req.received_at,
                                     channel=channel)
        return {"objection": str(objection.pk)}
    if req.type == "withdraw_consent":
        consents = Consent.objects.filter(subject=req.subject,
                                          status__in=(Consent.Status.ACTIVE, Consent.Status.PENDING))
        if req.purpose:
            consents = consents.filter(purpose=req.purpose)
        withdrawn = [str(consent_withdraw(actor, c, channel=channel).pk) for c in consents.order_by("given_at")]
        return {"withdrawn": withdrawn}
    return {}
