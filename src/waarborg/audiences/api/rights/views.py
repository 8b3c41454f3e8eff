"""REST endpoints of data-subject requests. Thin: parse, check the role, call an action, answer."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request as HttpRequest
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.rights import serializers
from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339, rfc3339_or_none
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import current
from waarborg.engine.rights import actions, corrections, duties, erasure, matching
from waarborg.engine.rights.actions import TYPES
from waarborg.engine.rights.handlers import may_file, may_intake, require_handler
from waarborg.engine.rights.models import Request
from waarborg.engine.vault.models import Subject


def _iso(moment: Any) -> str | None:
    return rfc3339_or_none(moment)


def summary(req: Request) -> dict[str, Any]:
    return {"id": str(req.pk), "subject": str(req.subject_id), "type": req.type, "channel": req.channel,
            "purpose": req.purpose, "received_at": rfc3339(req.received_at), "due_at": rfc3339(req.due_at),
            "status": req.status, "identity_verified": req.identity_verified,
            "overdue": req.is_open and req.due_at < timezone.now()}


def who(user: Any) -> dict[str, str] | None:
    """Who took a step: a staff member by username, the subject (a citizen in the portal), or nobody (a form)."""
    if user is None:
        return None
    if getattr(user, "kind", "") == "citizen":
        return {"kind": "subject"}
    return {"kind": str(getattr(user, "kind", "staff")), "username": user.get_username()}


def detail(req: Request) -> dict[str, Any]:
    steps = list(req.steps.select_related("by"))
    return {
        **summary(req),
        "details": actions.details_of(req),
        "requester": duties.requester_of(req).as_dict(),
        "registered_by": who(req.created_by),
        "verified_by": who(req.identity_verified_by) if req.identity_verified else None,
        "reviewed_by": list({s.by.get_username(): who(s.by) for s in steps if s.action == "reviewed" and s.by}.values()),
        "first_due_at": rfc3339(req.first_due_at),
        "extension": {"reason": req.extension_reason, "at": _iso(req.extended_at), "subject_told_at": _iso(req.subject_told_at)}
        if req.extended_at else None,
        "identity": {"method": req.identity_method, "verified_at": _iso(req.identity_verified_at),
                     "redactions_confirmed": req.redactions_confirmed, "id_copy_held": bool(req.id_copy_ref),
                     "id_copy_deleted_at": _iso(req.id_copy_deleted_at)},
        "started_at": _iso(req.started_at), "answered_at": _iso(req.answered_at), "rejected_at": _iso(req.rejected_at),
        "closed_at": _iso(req.closed_at), "outcome": req.outcome, "answer": req.answer,
        "steps": [{"action": s.action or s.status, "status": s.status, "at": _iso(s.at), "by": who(s.by), "note": s.note}
                  for s in steps],
        "deliveries": [{"format": d.format, "to": d.to, "channel": d.channel, "recipient": d.recipient, "at": _iso(d.at),
                        "by": who(d.by), "received_at": _iso(d.received_at)}
                       for d in req.deliveries.select_related("by")],
    }


def handled(request: HttpRequest, pk: Any, action: str) -> Request:
    """The request `pk`, once the caller is known to handle requests (else 403, audited)."""
    require_handler(request.user, current(), action, request_id=pk)
    return get_object_or_404(Request.objects.select_related("subject"), pk=pk)


class RequestsView(APIView):
    @extend_schema(operation_id="requests_list", request=None,
                   parameters=[OpenApiParameter("overdue", OpenApiTypes.BOOL,
                                                description="Only open requests past their deadline"),
                               OpenApiParameter("type", OpenApiTypes.STR, enum=list(TYPES)),
                               OpenApiParameter("status", OpenApiTypes.STR, enum=list(Request.Status.values))],
                   responses={200: OpenApiResponse(description="Every request (the FG sees all), by due date.")})
    def get(self, request: HttpRequest) -> Response:
        require_handler(request.user, current(), "request.list")
        params = request.query_params
        errors = {name: [f"kies uit / choose from {', '.join(choices)}"]
                  for name, choices in (("type", TYPES), ("status", Request.Status.values),
                                        ("overdue", ("1", "true", "yes", "0", "false", "no")))
                  if params.get(name) and params[name] not in choices}
        if errors:
            raise Invalid(errors)
        rows = actions.overdue() if params.get("overdue") in ("1", "true", "yes") else Request.objects.order_by("due_at")
        if params.get("type"):
            rows = rows.filter(type=params["type"])
        if params.get("status"):
            rows = rows.filter(status=params["status"])
        return Response([summary(r) for r in rows])

    @extend_schema(operation_id="requests_create", request=serializers.RequestCreate,
                   responses={201: serializers.RequestCreated})
    def post(self, request: HttpRequest) -> Response:
        policy = current()
        user = request.user
        if not may_intake(user, policy):
            raise refused(user, "request.create", "role_not_granted", "Uw account mag geen verzoeken registreren. / "
                          "Your account may not register requests.")
        data = _valid(serializers.RequestCreate, request.data)
        subject = Subject.objects.filter(pk=data["subject"]).first()
        if subject is None:
            raise Invalid({"subject": ["onbekende betrokkene / unknown subject"]})
        if not may_file(user, policy, subject):
            raise refused(user, "request.create", "role_not_granted",
                          "Alleen voor uzelf. / Only for yourself.", subject=subject)
        req = actions.request_file(user, subject=subject, type=data["type"], channel=data["channel"],
                                   received_at=data.get("received_at"), purpose=data["purpose"],
                                   details=data["details"], id_copy=data["id_copy"],
                                   requester=duties.requester_from(data.get("requester")))
        return Response({"id": str(req.pk), "due_at": rfc3339(req.due_at), "status": req.status},
                        status=status.HTTP_201_CREATED)


class RequestView(APIView):
    @extend_schema(operation_id="request_get", request=None, responses={200: OpenApiResponse(description="The request")})
    def get(self, request: HttpRequest, pk: Any) -> Response:
        req = actions.request_read(request.user, handled(request, pk, "request.read"))
        return Response(detail(req))


class ComplaintsView(APIView):
    """The complaints register (S4-17): every complaint, its status and its answer."""

    @extend_schema(operation_id="complaints_list", request=None,
                   responses={200: OpenApiResponse(description="The complaints register")})
    def get(self, request: HttpRequest) -> Response:
        require_handler(request.user, current(), "complaint.list")
        rows = Request.objects.filter(type="complaint").order_by("-received_at")
        return Response([{**summary(r), "outcome": r.outcome, "answered_at": _iso(r.answered_at), "closed_at": _iso(r.closed_at),
                          "answer": r.answer} for r in rows])


def _action_view(name: str, serializer_class: type[Any] | None, run: Any, description: str) -> type[APIView]:
    class ActionView(APIView):
        @extend_schema(operation_id=f"request_{name}", request=serializer_class, description=description,
                       responses={200: OpenApiResponse(description=description)})
        def post(self, request: HttpRequest, pk: Any) -> Response:
            req = handled(request, pk, f"request.{name}")
            data = _valid(serializer_class, request.data) if serializer_class else {}
            return Response(run(request.user, req, data))

    ActionView.__name__ = f"Request{name.title().replace('_', '')}View"
    return ActionView


def _match(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    return detail(matching.request_match(user, req, subject_id=data["subject"]))


def _verify(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    return detail(actions.identity_verify(user, req, method=data["method"], redactions=data["redactions"]))


def _id_copy(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    return detail(actions.id_copy_receive(user, req, reference=data["reference"], text=data["text"]))


def _extend(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    req, notice = actions.request_extend(user, req, reason=data["reason"], by=data["by"])
    return {**detail(req), "notice": notice}


def _answer(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    return detail(actions.request_answer(user, req, nl=data["nl"], en=data["en"]))


def _reject(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    if not data["nl"].strip():
        raise Invalid({"nl": ["geef de reden van de afwijzing / give the reason for the refusal"]})
    return detail(actions.request_answer(user, req, nl=data["nl"], en=data["en"], status=Request.Status.REJECTED))


def _close(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    return detail(actions.request_close(user, req, outcome=data["outcome"], nl=data["nl"], en=data["en"]))


def _rectify(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    record = corrections.record_correct(user, req, record_id=data["record"], data=data["data"])
    return {"record": str(record.pk), "fields": sorted(data["data"]), "status": req.status}


def _complete(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    statement = corrections.statement_add(user, req, text=data["statement"], record_id=data["record"])
    return {"statement": str(statement.pk), "status": req.status}


def _erase(user: Any, req: Request, data: dict[str, Any]) -> dict[str, Any]:
    return erasure.erase(user, req)


VerifyView = _action_view("verify", serializers.Verify, _verify,
                          "Record identity verification (S1-25, S1-26), by a handler other than who registered the "
                          "request (else 403 separation_of_duties); portal_login is the subject's own, in the portal.")
MatchView = _action_view("match", serializers.Match, _match,
                         "Put a request that came in without an account (the contact form) on the subject it is "
                         "about (find it with GET subjects?bsn=); the empty form subject goes. Whoever matched "
                         "never verifies, reviews or sends; whoever verified does not match (403 "
                         "separation_of_duties).")
IdCopyView = _action_view("id_copy", serializers.IdCopy, _id_copy, "Register an ID copy (checked for redaction).")
ExtendView = _action_view("extend", serializers.Extend, _extend, "Extend the deadline once, with a reason.")
AnswerView = _action_view("answer", serializers.Answer, _answer, "Answer the request.")
RejectView = _action_view("reject", serializers.Answer, _reject, "Refuse the request, with the reason.")
CloseView = _action_view("close", serializers.Close, _close, "Close the request (complaints: resolved/unresolved).")
RectifyView = _action_view("rectify", serializers.Rectify, _rectify, "Correct fields of a record (old/new audited).")
CompleteView = _action_view("complete", serializers.Complete, _complete, "Add the subject's statement.")
EraseView = _action_view("erase", None, _erase, "Erase what no legal obligation keeps; lists what was kept.")
