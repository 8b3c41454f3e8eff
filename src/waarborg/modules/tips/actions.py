"""The tip action layer: receive a tip (from the public form or through the helpdesk) and list tips for staff.

A tip is a subject of its own: nobody is looked up or linked, and only the fields the record type declares
are stored (minimal data). Where the tip purpose rests on consent, sending the tip is the consent; it is
registered as such (channel `website` from the form, `phone`/`email`/... when the helpdesk takes it), so
the consent register shows every tip's ground. The record goes through the vault's `record_create`: the
gates decide who may write it and the retention rule sets its end (`tip_3m`: three months after it came
in), all in one transaction with the audit entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from waarborg.core.errors import Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.policy.schema import LegalBasis, Policy, RecordType
from waarborg.engine.records.actions import record_create, subject_create
from waarborg.engine.vault import gates
from waarborg.engine.vault.access import check
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import read_records

FORM = "tip"  # the `public_form` value of the record type that holds tips
PAGE_ACTOR = "system:tip_form"
# How a tip reaches us: the form on the site, or the helpdesk (phone, e-mail, letter, at the desk).
CHANNELS = ("website", "phone", "email", "post", "in_person")
LIST_LIMIT = 500  # a work list, newest first; tips are kept three months


@dataclass(frozen=True)
class TipForm:
    """The policy's tip record type: its id, its declaration and its purpose."""

    record_type: str
    spec: RecordType

    @property
    def purpose(self) -> str:
        return self.spec.purpose


def tip_form(policy: Policy) -> TipForm | None:
    """The record type the policy names for tips (`public_form: tip`), under the purpose it names for the tips
    module (`modules.tips.purposes.tips`); None where the module is off: then there is no tip form."""
    tips = policy.module("tips").purpose("tips")
    for name, spec in policy.record_types.items():
        if spec.public_form == FORM and spec.purpose == tips:
            return TipForm(name, spec)
    return None


def tip_receive(actor: Any, policy: Policy, form: TipForm, data: dict[str, Any], *, channel: str) -> Record:
    """Store one tip as a new subject's record. The access check comes first (a caller without the right
    learns nothing from validation); malformed fields answer 422 and store nothing."""
    check(actor, "write", form.purpose)
    if channel not in CHANNELS:
        raise Invalid({"channel": [f"Kies uit {', '.join(CHANNELS)}. (Choose from {', '.join(CHANNELS)}.)"]})
    given = {name: value.strip() if isinstance(value, str) else value for name, value in data.items()}
    given = {name: value for name, value in given.items() if value not in (None, "")}
    with transaction.atomic():
        subject = subject_create(actor, purpose=form.purpose)
        if policy.purposes[form.purpose].basis is LegalBasis.CONSENT:
            consent_give(actor, subject=subject, purpose=form.purpose, channel=channel,
                         evidence={"document": "tipformulier / tip form"} if channel == "website" else None)
        return record_create(actor, subject=subject, type=form.record_type, data=given, purpose=form.purpose,
                             source_kind="subject", channel=channel)


def tips_list(actor: Any, policy: Policy, form: TipForm, purpose: str) -> list[tuple[Record, dict[str, Any]]]:
    """The tips the actor may read, newest first, with their data: one audited read per tip shown.

    A tip whose ground is gone (its consent withdrawn, a restriction) is left out of the list, as a mailing
    selection leaves people out; reading it on its own answers the refusal.
    """
    check(actor, "read", purpose, record_type=form.record_type)
    rows = (Record.objects.filter(type=form.record_type, purpose=form.purpose, anonymised_at=None,
                                  subject__isnull=False, subject__erased_at__isnull=True)
            .select_related("subject").order_by("-collected_at", "-created_at")[:LIST_LIMIT])
    allowed = [record for record in rows if gates.run(gates.AccessContext(
        actor=actor, action="read", purpose=purpose, policy=policy, subject=record.subject, record=record)) is None]
    with transaction.atomic():
        shown = read_records(actor, allowed, purpose, via="tips")  # a `record.read` entry per tip shown
        append(Entry(action="tip.list", actor=actor, purpose=purpose, detail={"count": len(shown)}))
    return shown
