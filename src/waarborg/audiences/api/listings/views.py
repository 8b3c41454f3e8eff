"""REST endpoints of the sociale kaart. Thin: parse, call an action, answer.

Public (no account, no purpose header): the listings, the feedback form and the minor report.
Staff: the CMS (editors), feedback tickets (customer service), minor reports (privacy officer).
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.listings import serializers
from waarborg.audiences.api.purpose import purpose_of
from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339
from waarborg.engine.policy.active import current
from waarborg.engine.records.actions import record_read
from waarborg.engine.rights.handlers import require_handler
from waarborg.engine.vault.access import check
from waarborg.engine.vault.models import Subject
from waarborg.modules.listings import actions, feedback, minors, public
from waarborg.modules.listings.actions import LISTING_TYPE, purpose_for
from waarborg.modules.listings.models import Listing, MinorReport, Ticket

PURPOSE = OpenApiParameter("X-Purpose", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False)
ERRORS = {400: OpenApiResponse(description="No purpose named."), 401: OpenApiResponse(description="Not authenticated."),
          403: OpenApiResponse(description='Refused: `{"reason", "detail"}`, audited.'),
          422: OpenApiResponse(description='`{"errors": {...}}`')}


def _fields(body: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if v != "" else None) for k, v in body.items() if k in actions.LISTING_FIELDS}


LANG = OpenApiParameter("lang", OpenApiTypes.STR, enum=["nl", "en"], description="en: the themes' words in English")


def _lang(request: Request) -> str:
    return "en" if (request.query_params.get("lang") or "").startswith("en") else "nl"


def _staff_view(listing: Listing, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(listing.pk), "subject": str(listing.subject_id), "record": str(listing.record_id),
            **{k: data.get(k) for k in actions.LISTING_FIELDS}, "source": actions.source_of(listing.record),
            "published": listing.published, "has_verification_address": listing.verification_id is not None,
            "flagged": listing.flagged_at is not None, "flag_reason": listing.flag_reason}


# Public ---------------------------------------------------------------------------------------------

class PublicListingsView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="public_listings", parameters=[
        OpenApiParameter("theme", OpenApiTypes.STR, description="only this theme (422 for a theme the map lacks)"),
        OpenApiParameter("q", OpenApiTypes.STR, description="part of the name"),
        LANG],
                   responses={200: serializers.PublicListing(many=True)},
                   description="The sociale kaart: published listings with their public fields only (S1-03).")
    def get(self, request: Request) -> Response:
        policy = current()
        actions.require_types(policy, LISTING_TYPE)
        rows = public.search(policy, theme=request.query_params.get("theme", ""), q=request.query_params.get("q", ""))
        public.count("list")
        return Response([public.view(policy, listing, _lang(request)) for listing in rows])


class PublicListingView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="public_listing", parameters=[LANG], responses={200: serializers.PublicListing})
    def get(self, request: Request, pk: Any) -> Response:
        policy = current()
        actions.require_types(policy, LISTING_TYPE)
        listing = get_object_or_404(public.published(), pk=pk)
        public.count("listing")
        return Response(public.view(policy, listing, _lang(request)))


class PublicThemesView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="public_themes", parameters=[LANG],
                   responses={200: OpenApiResponse(description="Themes and counts.")})
    def get(self, request: Request) -> Response:
        policy = current()
        actions.require_types(policy, LISTING_TYPE)
        lang = _lang(request)
        return Response([{"id": t, "label": public.theme_label(t, lang),
                          "count": public.search(policy, theme=t).count()} for t in public.themes(policy)])


class FeedbackView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="feedback_submit", request=serializers.FeedbackIn,
                   responses={201: OpenApiResponse(description='`{"id"}` of the customer-service ticket.'),
                              403: ERRORS[403], 422: ERRORS[422]},
                   description="The feedback form (S1-08): a comment, the page, optionally an e-mail address.")
    def post(self, request: Request) -> Response:
        body = _valid(serializers.FeedbackIn, request.data)
        listing = Listing.objects.filter(pk=body["listing"]).first() if body.get("listing") else None
        ticket = feedback.feedback_submit(comment=body["comment"], page=body.get("page", ""),
                                          email=body.get("email", ""), listing=listing,
                                          under_age=body.get("under_16", False), guardian=body.get("guardian"))
        return Response({"id": str(ticket.pk)}, status=201)


class MinorReportsView(APIView):
    @extend_schema(operation_id="minor_reports_file", request=serializers.MinorReportIn,
                   responses={201: OpenApiResponse(description='`{"id"}` of the report.'), 422: ERRORS[422]},
                   description="Report data about a minor collected without parental consent (S1-16).")
    def post(self, request: Request) -> Response:
        body = _valid(serializers.MinorReportIn, request.data)
        report = minors.minor_report_file(email=body["email"], details=body["details"],
                                          reference=body.get("reference", ""))
        return Response({"id": str(report.pk), "status": report.status}, status=201)

    @extend_schema(operation_id="minor_reports_list", responses={200: OpenApiResponse(description="Reports.")})
    def get(self, request: Request) -> Response:
        require_handler(request.user, current(), "minor_report.list")
        return Response([{"id": str(r.pk), "status": r.status, "reference": r.reference,
                          "received_at": rfc3339(r.received_at)} for r in MinorReport.objects.all()])

    def get_permissions(self) -> list[Any]:
        # Anyone may report; only the privacy officer sees the reports.
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]


class MinorReportConfirmView(APIView):
    @extend_schema(operation_id="minor_reports_confirm", request=serializers.MinorConfirmIn,
                   responses={200: OpenApiResponse(description="What was erased; the reporter was told."),
                              **ERRORS})
    def post(self, request: Request, pk: Any) -> Response:
        require_handler(request.user, current(), "minor_report.confirm")
        report = get_object_or_404(MinorReport, pk=pk)
        body = _valid(serializers.MinorConfirmIn, request.data)
        if body.get("ticket"):
            subject = get_object_or_404(Ticket, pk=body["ticket"]).subject
        elif body.get("subject"):
            subject = get_object_or_404(Subject, pk=body["subject"])
        else:
            raise Invalid({"subject": ["Noem de betrokkene of het ticket. (Name the subject or the ticket.)"]})
        return Response(minors.minor_report_confirm(request.user, report, subject=subject, method=body["method"],
                                                    redactions=body["redactions"]))


# Staff: the CMS -----------------------------------------------------------------------------------

class ListingsView(APIView):
    @extend_schema(operation_id="listings_create", request=serializers.ListingIn, parameters=[PURPOSE],
                   responses={201: OpenApiResponse(description='`{"id", "record"}`'), **ERRORS},
                   description="Editors add an organisation to the sociale kaart (S1-06).")
    def post(self, request: Request) -> Response:
        purpose = purpose_of(request, reads=False)
        check(request.user, "write", purpose, record_type=LISTING_TYPE)
        body = _valid(serializers.ListingIn, request.data)
        listing = actions.listing_create(request.user, data={k: v for k, v in _fields(body).items() if v is not None},
                                         source=body["source"], verification_email=body.get("verification_email", ""))
        return Response({"id": str(listing.pk), "record": str(listing.record_id)}, status=201)

    @extend_schema(operation_id="listings_list", parameters=[PURPOSE],
                   responses={200: OpenApiResponse(description="Every listing, with state."), **ERRORS})
    def get(self, request: Request) -> Response:
        rows = actions.listings_list(request.user, purpose_of(request))
        return Response([_staff_view(listing, listing.record.plain) for listing in rows])


class ListingView(APIView):
    @extend_schema(operation_id="listings_read", parameters=[PURPOSE], responses={200: OpenApiResponse(), **ERRORS})
    def get(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request)
        listing = get_object_or_404(Listing.objects.select_related("record"), pk=pk)
        return Response(_staff_view(listing, record_read(request.user, listing.record, purpose)))

    @extend_schema(operation_id="listings_correct", request=serializers.ListingPatch, parameters=[PURPOSE],
                   responses={200: OpenApiResponse(), **ERRORS},
                   description="Correct a listing; old and new values go to the audit log.")
    def patch(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request, reads=False)
        listing = get_object_or_404(Listing.objects.select_related("record"), pk=pk)
        check(request.user, "write", purpose, record=listing.record, record_type=LISTING_TYPE)
        body = _valid(serializers.ListingPatch, request.data)
        if not body:
            raise Invalid({"data": ["Noem de velden die je corrigeert. (Name the fields to correct.)"]})
        actions.listing_update(request.user, listing, _fields(body))
        listing.record.refresh_from_db()
        return Response(_staff_view(listing, listing.record.plain))


class VerificationAddressView(APIView):
    @extend_schema(operation_id="listings_verification_address", request=serializers.AddressIn,
                   parameters=[PURPOSE], responses={204: None, **ERRORS},
                   description="Set the organisation's verification address (never public, S1-04).")
    def put(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request, reads=False)
        check(request.user, "write", purpose, record_type="verification_address")
        listing = get_object_or_404(Listing, pk=pk)
        body = _valid(serializers.AddressIn, request.data)
        actions.verification_address_set(request.user, listing, body["email"])
        return Response(status=204)


class PublishView(APIView):
    published = True

    @extend_schema(request=serializers.PublishIn, responses={200: OpenApiResponse(), **ERRORS},
                   description="An editor puts a listing on the map or takes it off, with a reason (S1-17).")
    def post(self, request: Request, pk: Any) -> Response:
        listing = get_object_or_404(Listing.objects.select_related("record"), pk=pk)
        body = _valid(serializers.PublishIn, request.data)
        actions.listing_publish(request.user, listing, published=self.published, reason=body.get("reason", ""))
        return Response(_staff_view(listing, listing.record.plain))


class UnpublishView(PublishView):
    published = False


# Staff: customer service --------------------------------------------------------------------------

class TicketsView(APIView):
    @extend_schema(operation_id="tickets_list", parameters=[PURPOSE],
                   responses={200: OpenApiResponse(description="Tickets: page, status, whether an address came."),
                              **ERRORS})
    def get(self, request: Request) -> Response:
        purpose = purpose_of(request)
        check(request.user, "read", purpose, record_type="feedback_ticket")
        rows = Ticket.objects.all()
        return Response([{"id": str(t.pk), "page": t.page, "listing": str(t.listing_id) if t.listing_id else None,
                          "status": t.status, "created_at": rfc3339(t.created_at),
                          "record": str(t.record_id) if t.record_id else None} for t in rows])


class TicketMessageView(APIView):
    @extend_schema(operation_id="tickets_message", request=serializers.MessageIn, parameters=[PURPOSE],
                   responses={201: OpenApiResponse(), 409: OpenApiResponse(description="No address."), **ERRORS},
                   description="Mail the sender: `feedback_outcome` or `additional_information` only (S1-09).")
    def post(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request, reads=False)
        if purpose != purpose_for("feedback"):
            check(request.user, "write", purpose, record_type="feedback_ticket")
        ticket = get_object_or_404(Ticket.objects.select_related("record", "subject"), pk=pk)
        body = _valid(serializers.MessageIn, request.data)
        message = feedback.feedback_message(request.user, ticket, kind=body["kind"], text=body["text"])
        return Response({"ticket": str(ticket.pk), "kind": message.kind, "sent_at": rfc3339(message.at)},
                        status=201)

