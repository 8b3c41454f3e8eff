"""The CMS (S1-06): listings are created, corrected, published and unpublished only here.

Every function goes through the vault's action layer (`record_create`, `record_update`), so the
gates decide who may (an editor: `write` on `listing`, `decide` to unpublish) and every change lands
in the audit log with old and new values. The verification address is a record of its own, under
its own purpose, so nothing that reads listings can reach it (S1-04).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Policy
from waarborg.engine.records.actions import record_create, record_update, subject_create
from waarborg.engine.vault.access import check
from waarborg.modules.listings.models import Listing

MODULE = "listings"
# The record types of examples/socialekaart.yaml this module stores; the purposes they serve are the policy's
# (`modules.listings.purposes`: listing, verification, feedback, requests), asked through `purpose_for`.
LISTING_TYPE, VERIFICATION_TYPE = "listing", "verification_address"
TICKET_TYPE, REQUEST_TYPE = "feedback_ticket", "privacy_request"
# S1-02: the municipality supplies the data, or the organisation itself ("self" is the vault's `subject`).
SOURCES = {"municipality": "municipality", "self": "subject"}
LISTING_FIELDS = ("name", "address", "phone", "email", "theme")
# Why a listing leaves the map: codes, never free text (the audit log holds no personal data).
UNPUBLISH_REASONS = ("verification_unanswered", "organisation_stopped", "on_request", "contract_ended", "other")


def purpose_for(part: str, policy: Policy | None = None) -> str:
    """The policy's purpose for the sociale kaart's `part` (NotFound while the policy does not switch it on)."""
    return (policy or current()).module(MODULE).require(part)


def require_types(policy: Policy, *types: str) -> None:
    missing = [t for t in types if t not in policy.record_types]
    if missing:
        raise Conflict(f"Het actieve privacybeleid kent geen {', '.join(missing)}: de sociale kaart is hier niet "
                       f"in gebruik. (The active policy has no {', '.join(missing)}.)")


def source_of(record: Any) -> str:
    return {v: k for k, v in SOURCES.items()}.get(record.source_kind, record.source_kind)


def listing_create(actor: Any, *, data: dict[str, Any], source: str, verification_email: str = "") -> Listing:
    """A new listed organisation: its public record and, if given, its verification address."""
    policy = current()
    require_types(policy, LISTING_TYPE, VERIFICATION_TYPE)
    listing_purpose, verification_purpose = purpose_for("listing", policy), purpose_for("verification", policy)
    check(actor, "write", listing_purpose, record_type=LISTING_TYPE)
    if verification_email:
        check(actor, "write", verification_purpose, record_type=VERIFICATION_TYPE)
    if source not in SOURCES:
        raise Invalid({"source": [f"Kies uit {', '.join(SOURCES)}. (Choose from {', '.join(SOURCES)}.)"]})
    with transaction.atomic():
        subject = subject_create(actor, purpose=listing_purpose)
        record = record_create(actor, subject=subject, type=LISTING_TYPE, data=data, purpose=listing_purpose,
                               source_kind=SOURCES[source], channel="api")
        verification = None
        if verification_email:
            verification = record_create(actor, subject=subject, type=VERIFICATION_TYPE,
                                         data={"email": verification_email}, purpose=verification_purpose,
                                         source_kind=SOURCES[source], channel="api")
        listing = Listing.objects.create(subject=subject, record=record, verification=verification,
                                         created_at=timezone.now())
        append(Entry(action="listing.publish", actor=actor, purpose=listing_purpose, subject=subject, record=record,
                     detail={"listing": str(listing.pk), "recipient": "public"}))
    return listing


def listing_update(actor: Any, listing: Listing, data: dict[str, Any]) -> Listing:
    """Correct public fields; the vault audits old and new values."""
    record_update(actor, listing.record, purpose_for("listing"), data)
    return listing


def verification_address_set(actor: Any, listing: Listing, email: str) -> Listing:
    verification_purpose = purpose_for("verification")
    if listing.verification is not None:
        record_update(actor, listing.verification, verification_purpose, {"email": email})
        return listing
    with transaction.atomic():
        listing.verification = record_create(actor, subject=listing.subject, type=VERIFICATION_TYPE,
                                             data={"email": email}, purpose=verification_purpose,
                                             source_kind=listing.record.source_kind, channel="api")
        listing.save(update_fields=["verification"])
    return listing


def listing_publish(actor: Any, listing: Listing, *, published: bool, reason: str = "") -> Listing:
    """Take a listing off the map or put it back: a person decides (S1-17), with a reason."""
    listing_purpose = purpose_for("listing")
    check(actor, "decide", listing_purpose, subject=listing.subject, record=listing.record)
    if not published and reason not in UNPUBLISH_REASONS:
        raise Invalid({"reason": [f"Kies een reden uit {', '.join(UNPUBLISH_REASONS)}. (Choose a reason.)"]})
    with transaction.atomic():
        listing.published = published
        if published:
            listing.flagged_at, listing.flag_reason = None, ""
        listing.save(update_fields=["published", "flagged_at", "flag_reason"])
        append(Entry(action="listing.publish" if published else "listing.unpublish", actor=actor,
                     purpose=listing_purpose, subject=listing.subject, record=listing.record,
                     detail={"listing": str(listing.pk), "recipient": "public",
                             "reason": reason}))
    return listing


def listings_list(actor: Any, purpose: str) -> list[Listing]:
    """Every listing with its state, for staff who read listings under `purpose`; the look is on record. The
    staff list shows the plain (public) fields only, so no sealed value is opened."""
    check(actor, "read", purpose, record_type=LISTING_TYPE)
    rows = list(Listing.objects.select_related("record").all())
    with transaction.atomic():
        append(Entry(action="listing.list", actor=actor, purpose=purpose, detail={"count": len(rows)}))
    return rows
