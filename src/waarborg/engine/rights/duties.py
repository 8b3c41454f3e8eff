"""Separation of duties on data-subject requests, and who the requester is.

A rights request is the one door through which a staff member may see all of a person's data at once:
the access export ignores purposes and caseloads, because the subject is entitled to everything. So no
single staff member may open that door alone:

- whoever **registered** a request (typed in a letter, a call, an e-mail), or **matched** a request that came
  in without an account to the subject it is about, never verifies the requester's identity, never
  reviews the export and never sends it; and whoever verified the identity does not match it: those steps are for a colleague, or for the
  subject themselves (a citizen confirming in the portal, logged in: `portal_login`). A service account
  (an intake integration) may register, but takes none of those steps: they are a person's;
- the **reviewer** (a staff member who sees the export: a download in the back office or through the
  API, or the letter they print and post) differs from the registrar. The reviewer may be the colleague
  who verified the identity: two people are enough to stop one person acting alone, and a verifier who
  lies about an identity releases the data to the requester anyway, reviewing or not. Requiring a third
  person would stop small organisations with one privacy officer from answering at all.

Each refusal is a 403 `separation_of_duties`, written to the audit log before it is raised.

The requester (the subject, a guardian or parent, or a representative) is sealed with the subject's data
key like the request's details: name, contact and authorisation are personal data of someone else, never
in the audit log, and unreadable once the subject's key is shredded after an erasure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import pgettext_lazy

from waarborg.core.errors import Invalid, Refused
from waarborg.engine.audit.refusals import refused
from waarborg.engine.rights.models import Request
from waarborg.engine.vault import keys

SEPARATION = "separation_of_duties"
KINDS = ("subject", "guardian", "representative")
KIND_WORDS = {"subject": pgettext_lazy("requester", "de betrokkene zelf"),
              "guardian": pgettext_lazy("requester", "ouder of voogd"),
              "representative": pgettext_lazy("requester", "vertegenwoordiger (gemachtigde)")}

# What each step is called in a refusal, Dutch first.
STEP_WORDS = {
    "request.verify": ("de identiteit vaststellen", "verify the identity"),
    "request.review": ("de export bekijken", "review the export"),
    "request.deliver": ("de export versturen", "send the export"),
    "request.match": ("het verzoek aan de betrokkene koppelen", "match the request to its subject"),
}


@dataclass(frozen=True)
class Requester:
    kind: str = "subject"
    name: str = ""
    contact: str = ""
    authorisation: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def requester_from(data: dict[str, Any] | None) -> Requester:
    """Check the requester as given (`POST requests`, a form); 422 for what is malformed."""
    if not data:
        return Requester()
    kind = str(data.get("kind") or "subject")
    values = {name: str(data.get(name) or "").strip() for name in ("name", "contact", "authorisation")}
    errors: dict[str, list[str]] = {}
    if kind not in KINDS:
        errors["requester.kind"] = [f"kies uit / choose from {', '.join(KINDS)}"]
    elif kind != "subject" and not values["name"]:
        errors["requester.name"] = ["noem de ouder, voogd of vertegenwoordiger / name the guardian or representative"]
    if errors:
        raise Invalid(errors)
    return Requester(kind=kind, **values)


def seal_requester(req: Request, requester: Requester) -> None:
    """Store the requester on `req` (not saved): the kind in the clear, the rest sealed."""
    req.requester_kind = requester.kind
    facts = {k: v for k, v in requester.as_dict().items() if k != "kind" and v}
    req.requester_sealed = keys.seal(req.subject_id, facts, f"requester:{req.pk}") if facts else None


def requester_of(req: Request) -> Requester:
    try:
        facts = keys.open_sealed(req.subject_id, bytes(req.requester_sealed) if req.requester_sealed else None,
                                 f"requester:{req.pk}")
    except Exception:  # the subject's key was shredded after an erasure: only the kind is left
        facts = {}
    return Requester(kind=req.requester_kind or "subject", **{k: str(facts.get(k, "")) for k in
                                                             ("name", "contact", "authorisation")})


def _pk(actor: Any) -> Any:
    return getattr(actor, "pk", None)


def registered_by(actor: Any, req: Request) -> bool:
    """Did this account register the request? (A request from a form or a job has no registrar.)"""
    return req.created_by_id is not None and _pk(actor) == req.created_by_id


def is_staff(actor: Any) -> bool:
    return getattr(actor, "kind", "") in ("staff", "service")


def matched_by(actor: Any, req: Request) -> bool:
    """Did this account match the request to its subject (`matching.request_match`)?"""
    return _pk(actor) is not None and req.steps.filter(action="matched", by_id=_pk(actor)).exists()


def may_take_step(actor: Any, req: Request) -> bool:
    """May this staff member verify, review or send for `req`? Not if they registered it or matched it to its
    subject (deciding whose data answers it), nor as a service."""
    return not registered_by(actor, req) and not matched_by(actor, req) and getattr(actor, "kind", "") != "service"


def require_other_than_registrar(actor: Any, req: Request, action: str) -> None:
    """Refuse (403 `separation_of_duties`, audited) when the registrar tries a step that is a colleague's, or a
    service account (an integration) tries one at all: the second pair of eyes is a person's."""
    nl, en = STEP_WORDS.get(action, ("deze stap zetten", "take this step"))
    if getattr(actor, "kind", "") == "service":
        raise separation_refusal(actor, req, action, f"Een koppeling mag niet {nl}; dat doet een medewerker. "
                                                     f"/ A service account may not {en}; a staff member does.")
    if registered_by(actor, req):
        raise separation_refusal(actor, req, action,
                                 f"U heeft dit verzoek zelf geregistreerd; een collega moet {nl}. "
                                 f"/ You registered this request yourself; a colleague must {en}.")
    if matched_by(actor, req):
        raise separation_refusal(actor, req, action,
                                 f"U heeft dit verzoek zelf aan de betrokkene gekoppeld; een collega moet {nl}. "
                                 f"/ You matched this request to its subject yourself; a colleague must {en}.")


def separation_refusal(actor: Any, req: Request, action: str, message: str, reason: str = SEPARATION) -> Refused:
    return refused(actor, action, reason, message, subject=req.subject_id,
                   detail={"request": str(req.pk), "type": req.type})
