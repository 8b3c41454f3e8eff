"""The public read path: the sociale kaart without an account and without a purpose header (S1-03).

Only fields whose category the policy marks `public: true` ever leave this module; everything else
a listing's subject has (the verification address, S1-04) is another record under another purpose
and is never selected here. Publishing is the purpose itself, so reading a published listing needs
no access check; it is accounted for in aggregate: a count per day and kind of page, which the daily
job writes to the audit log once the day is over (`close_days`). Visitors leave no trace.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from waarborg.core.errors import Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent import state
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Policy, stored_encrypted
from waarborg.engine.vault.reads import Unlogged, read_record
from waarborg.modules.listings.actions import LISTING_TYPE, purpose_for
from waarborg.modules.listings.models import Listing, PublicReads

# S1-33: the themes of the sociale kaart, as the policy's `theme` choices name them.
THEMES: dict[str, Promise] = {
    "wonen": pgettext_lazy("sociale kaart theme", "Wonen"),
    "zorg_welzijn": pgettext_lazy("sociale kaart theme", "Zorg & welzijn"),
    "werk_inkomen": pgettext_lazy("sociale kaart theme", "Werk & inkomen"),
    "kinderen_jeugd": pgettext_lazy("sociale kaart theme", "Kinderen & jeugd"),
}


def theme_label(theme: str, lang: str) -> str:
    """A theme in words (`lang`: the page's or the API's `?lang=`); a theme without words as it is."""
    with translation.override(lang):
        return str(THEMES.get(theme, theme))


def public_fields(policy: Policy, record_type: str = LISTING_TYPE) -> list[str]:
    """The fields of `record_type` whose category is published on purpose."""
    spec = policy.record_types.get(record_type)
    if spec is None:
        return []
    return [name for name, field in spec.fields.items()
            if field.category in policy.categories and policy.categories[field.category].public]


def themes(policy: Policy) -> list[str]:
    spec = policy.record_types.get(LISTING_TYPE)
    field = spec.fields.get("theme") if spec else None
    return list(field.choices) if field else []


def published() -> QuerySet[Listing]:
    """Listings on the map. A restricted organisation (art. 18: processing blocked) is withheld, as the
    vault's restriction gate would withhold it from staff."""
    listing = purpose_for("listing")
    withheld = state.restrictions(listing).values("subject_id")
    return (Listing.objects.filter(published=True, record__anonymised_at=None, record__purpose=listing)
            .exclude(subject_id__in=withheld)
            .select_related("record").order_by("record__plain__name", "created_at"))


def view(policy: Policy, listing: Listing, lang: str = "nl") -> dict[str, Any]:
    """What a visitor sees of one listing: its id and the public fields, nothing else."""
    record = listing.record
    fields = public_fields(policy, record.type)
    spec = policy.record_types[record.type].fields
    # Public categories are normally not encrypted, but a policy may say otherwise: open the seal only then.
    sealed = any(stored_encrypted(policy.categories[spec[name].category], spec[name]) for name in fields)
    data = read_record(None, record, record.purpose, via="sociale_kaart", unlogged=Unlogged.PUBLISHED) if sealed \
        else record.plain
    out: dict[str, Any] = {"id": str(listing.pk)}
    for name in fields:
        out[name] = data.get(name) or ""
    if "theme" in out:
        out["theme_label"] = theme_label(out["theme"], lang)
    return out


def search(policy: Policy, *, theme: str = "", q: str = "") -> QuerySet[Listing]:
    """Browse by theme and search by name (S1-33)."""
    rows = published()
    if theme:
        if theme not in themes(policy):
            raise Invalid({"theme": [f"Kies uit {', '.join(themes(policy))}. (Unknown theme.)"]})
        rows = rows.filter(record__plain__theme=theme)
    if q.strip():
        rows = rows.filter(record__plain__name__icontains=q.strip()[:100])
    return rows


def count(kind: str, day: date | None = None) -> None:
    """One more public read of `kind` today. No visitor, address or listing is noted."""
    today = day or timezone.localdate()
    updated = PublicReads.objects.filter(day=today, kind=kind).update(count=F("count") + 1)
    if updated:
        return
    try:
        with transaction.atomic():
            PublicReads.objects.create(day=today, kind=kind, count=1)
    except IntegrityError:  # another visitor created today's row first
        PublicReads.objects.filter(day=today, kind=kind).update(count=F("count") + 1)


def close_days(today: date | None = None) -> int:
    """Write one audit entry per finished day and kind of page; returns how many were written."""
    before = today or timezone.localdate()
    written, listing = 0, purpose_for("listing")
    with transaction.atomic():
        for row in PublicReads.objects.select_for_update().filter(day__lt=before, audited_at=None).order_by("day"):
            append(Entry(action="listing.public_reads", actor="system:sociale_kaart", purpose=listing,
                         detail={"day": row.day.isoformat(), "kind": row.kind, "count": row.count,
                                 "published": published().count(), "recipient": "public"}))
            row.audited_at = timezone.now()
            row.save(update_fields=["audited_at"])
            written += 1
    return written


def policy_or_none() -> Policy | None:
    """The active policy, where it switches the sociale kaart on."""
    policy = current()
    return policy if policy.module("listings").on and LISTING_TYPE in policy.record_types else None
