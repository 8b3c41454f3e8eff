"""What an access (art. 15) or portability (art. 20) export contains.

Access: every record of the subject, decrypted, grouped per purpose; per data category the purpose,
legal basis, retention in words, source and recipients from the policy (S4-13); the subject's
statements, requests, disclosures, consents and processing history (S4-14). Everything is selected by
the subject's id (or, in the audit log, their pseudonym): nothing of another subject can slip in
(S3-26, S4-18).
Portability: only what the subject provided (`FieldSpec.subject_provided`, records the subject or
their representative supplied) under consent or contract, as JSON or CSV (S1-23, S3-24).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.utils.translation import get_language, gettext, pgettext_lazy

from waarborg.core.language import each_language
from waarborg.core.language import words as each_words
from waarborg.core.times import rfc3339, rfc3339_or_none
from waarborg.engine.audit.log import about_subject
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import KeyDestroyed, pseudonym
from waarborg.engine.policy.schema import Policy, RetentionRule
from waarborg.engine.rights import adapters, letters, words
from waarborg.engine.rights.models import Request, Statement
from waarborg.engine.rights.summaries import summarise
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record, Subject
from waarborg.engine.vault.reads import Unlogged, read_records, read_subject_facts

BASIS_WORDS = {
    "consent": pgettext_lazy("legal basis in an export", "toestemming (art. 6 lid 1 sub a AVG)"),
    "contract": pgettext_lazy("legal basis in an export", "uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)"),
    "legal_obligation": pgettext_lazy("legal basis in an export", "wettelijke verplichting (art. 6 lid 1 sub c AVG)"),
    "vital_interest": pgettext_lazy("legal basis in an export", "vitaal belang (art. 6 lid 1 sub d AVG)"),
    "public_task": pgettext_lazy("legal basis in an export", "taak van algemeen belang (art. 6 lid 1 sub e AVG)"),
    "legitimate_interest": pgettext_lazy("legal basis in an export", "gerechtvaardigd belang (art. 6 lid 1 sub f AVG)"),
}
SOURCE_WORDS = {
    "subject": pgettext_lazy("source in an export", "van uzelf"),
    "representative": pgettext_lazy("source in an export", "van uw vertegenwoordiger"),
    "involved_person": pgettext_lazy("source in an export", "van een betrokkene"),
    "organisation": pgettext_lazy("source in an export", "van een organisatie"),
    "public_source": pgettext_lazy("source in an export", "uit een openbare bron"),
    "website_form": pgettext_lazy("source in an export", "via een formulier op de website"),
    "municipality": pgettext_lazy("source in an export", "van de gemeente"),
}
PROVIDED_SOURCES = ("subject", "representative", "website_form")
PORTABLE_BASES = ("consent", "contract")


def _text(value: Any) -> dict[str, str]:
    return {"nl": value.get("nl"), "en": value.get("en")} if value is not None else {"nl": "", "en": ""}


def retention_words(rule: RetentionRule | None) -> dict[str, str]:
    if rule is not None and rule.label is not None:
        return _text(rule.label)
    return each_language(lambda: _retention_words(rule))


def _retention_words(rule: RetentionRule | None) -> str:
    if rule is None:
        return gettext("onbekend")
    period = rule.period.words(get_language()) if rule.period else ""
    if rule.period is not None and rule.start == "collected":
        return gettext("%(period)s na verzameling") % {"period": period}
    if rule.until is not None:
        # The names of what it waits for (an event, a date field, or the earliest/latest of several).
        names = [getattr(t, "event", None) or getattr(t, "field", None) or getattr(t, "calendar", None) or str(t)
                 for path, t in rule.terms() if path[0] == "until"]
        return gettext("tot %(names)s") % {"names": " / ".join(f"'{n}'" for n in names)}
    return period or gettext("onbepaald")


def basis_words(basis: str) -> dict[str, str]:
    """A legal basis in words, `{"nl", "en"}` (an unknown one as it is)."""
    return each_words(BASIS_WORDS.get(basis, basis))


def rule_of(policy: Policy, record: Record) -> RetentionRule | None:
    rule = policy.retention.get(record.retention_rule)
    if rule is None and record.type in policy.record_types:
        rule = policy.retention.get(policy.record_types[record.type].retention)
    return rule


def recipients_for(policy: Policy, purpose: str, category: str) -> list[dict[str, Any]]:
    out = []
    for rid, recipient in policy.recipients.items():
        if purpose in recipient.purposes and (not recipient.categories or category in recipient.categories):
            out.append({"id": rid, "label": _text(recipient.label), "kind": recipient.kind,
                        "country": recipient.country})
    return out


SYSTEM = "system:rights"
# The export answers the subject's own request: each making of it is a step of the request, on record as
# `request.review` / `request.deliver` / `request.delivery_received` (rights.delivery), not per record.
OWN = Unlogged.SUBJECTS_OWN_REQUEST


def _readable(records: Any) -> list[tuple[Record, dict[str, Any]]]:
    """Each record with its data, for the export; an erased subject's records are left out."""
    return read_records(SYSTEM, records, via="rights.export", unlogged=OWN)


def _source_words(kind: str) -> dict[str, str]:
    return each_words(SOURCE_WORDS.get(kind, kind))


def _record_view(policy: Policy, record: Record, data: dict[str, Any]) -> dict[str, Any]:
    rt = policy.record_types.get(record.type)
    return {
        "id": str(record.pk), "type": record.type, "type_label": _text(rt.label) if rt else {"nl": record.type, "en": ""},
        "collected_at": rfc3339(record.collected_at),
        "expires_at": rfc3339_or_none(record.expires_at),
        "retention": retention_words(rule_of(policy, record)),
        "source": {"kind": record.source_kind, "detail": record.source_detail,
                   "words": _source_words(record.source_kind)},
        "channel": record.channel, "data": data,
        "labels": {name: words.field_label(policy, record.type, name) for name in data},
    }


CLASS_WORDS = {
    "general": pgettext_lazy("class of data", "algemeen persoonsgegeven"),
    "special": pgettext_lazy("class of data", "bijzonder persoonsgegeven"),
}


def class_of(policy: Policy, category: str) -> str:
    """General or special data (S2-01), as the record read shows it per field: criminal data counts as special."""
    known = policy.categories.get(category)
    return "special" if known is not None and (known.special or known.criminal) else "general"


def _purpose_block(policy: Policy, purpose_id: str, items: list[tuple[Record, dict[str, Any]]]) -> dict[str, Any]:
    purpose = policy.purposes.get(purpose_id)
    basis = str(purpose.basis) if purpose else ""
    categories: dict[str, dict[str, Any]] = {}
    for record, data in items:
        rt = policy.record_types.get(record.type)
        for name in data:
            spec = rt.fields.get(name) if rt else None
            cid = spec.category if spec else "unknown"
            block = categories.setdefault(cid, {
                "category": cid,
                "label": _text(policy.categories[cid].label) if cid in policy.categories else {"nl": cid, "en": cid},
                "class": class_of(policy, cid), "class_words": each_words(CLASS_WORDS[class_of(policy, cid)]),
                "purpose": purpose_id, "purpose_label": _text(purpose.label) if purpose else {"nl": purpose_id, "en": ""},
                "legal_basis": basis,
                "legal_basis_words": basis_words(basis),
                "retention": retention_words(rule_of(policy, record)),
                "sources": [], "recipients": recipients_for(policy, purpose_id, cid), "fields": [],
            })
            if name not in block["fields"]:
                block["fields"].append(name)
            if record.source_kind not in block["sources"]:
                block["sources"].append(record.source_kind)
                block.setdefault("source_words", []).append(_source_words(record.source_kind))
    return {
        "purpose": purpose_id,
        "label": _text(purpose.label) if purpose else {"nl": purpose_id, "en": ""},
        "description": _text(purpose.description) if purpose else {"nl": "", "en": ""},
        "legal_basis": basis,
        "legal_basis_words": basis_words(basis),
        "legal_basis_detail": purpose.basis_detail.model_dump(mode="json", exclude_defaults=True) if purpose else {},
        "categories": list(categories.values()),
        "records": [_record_view(policy, record, data) for record, data in items],
    }


def processing_history(policy: Policy, subject: Subject) -> list[dict[str, Any]]:
    """What was done with the subject's data, when, and by which role (never which colleague): the codes for
    machines, and the same in words (`action_words`, `by_words`, `purpose_label`) for the letter."""
    rows = AuditEntry.objects.filter(about_subject(pseudonym(subject.pk))).order_by("id").defer("detail", "subjects")
    out = []
    for e in rows:
        purpose = policy.purposes.get(e.purpose) if e.purpose else None
        out.append({"at": rfc3339(e.at), "action": e.action, "purpose": e.purpose, "outcome": e.outcome,
                    "by": e.actor_roles or e.actor_kind, "action_words": words.action_words(e.action, e.outcome),
                    "by_words": words.roles_words(policy, e.actor_roles, e.actor_kind),
                    "purpose_label": _text(purpose.label) if purpose else {"nl": "", "en": ""}})
    return out


def statements_of(subject: Subject) -> list[dict[str, Any]]:
    out = []
    for statement in Statement.objects.filter(subject=subject):
        try:
            text = keys.open_sealed(subject, bytes(statement.sealed), f"statement:{statement.pk}").get("text", "")
        except KeyDestroyed:
            continue
        out.append({"id": str(statement.pk), "at": rfc3339(statement.at), "text": text,
                    "record": str(statement.record_id) if statement.record_id else None})
    return out


def requests_of(subject: Subject) -> list[dict[str, Any]]:
    return [{"id": str(r.pk), "type": r.type, "channel": r.channel, "received_at": rfc3339(r.received_at),
             "due_at": rfc3339(r.due_at), "status": r.status}
            for r in Request.objects.filter(subject=subject).order_by("received_at")]


def account_of(subject: Subject) -> dict[str, Any] | None:
    """The subject's portal account: who they log in as and since when. Never the password or its hash."""
    from waarborg.engine.accounts.models import User
    from waarborg.engine.citizens.accounts import address_of

    user = User.objects.filter(subject=subject).first()
    if user is None:
        return None
    return {"username": user.username, "email": address_of(user) or user.email, "created_at": rfc3339(user.date_joined),
            "last_login": rfc3339_or_none(user.last_login), "active": user.is_active}


CONSENT_STATUS_WORDS = {
    "active": pgettext_lazy("consent status", "actief"),
    "pending_verification": pgettext_lazy("consent status", "wacht op verificatie"),
    "withdrawn": pgettext_lazy("consent status", "ingetrokken"),
    "refused": pgettext_lazy("consent status", "geweigerd"),
}


def _with_purpose_labels(policy: Policy, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consent-register rows with the purpose (and a consent's status) in words, for the readable letter."""
    out = []
    for row in rows:
        purpose = policy.purposes.get(str(row.get("purpose") or ""))
        extra: dict[str, Any] = {}
        if purpose is not None:
            extra["purpose_label"] = _text(purpose.label)
        if row.get("kind") == "consent" and row.get("status") in CONSENT_STATUS_WORDS:
            extra["status_words"] = each_words(CONSENT_STATUS_WORDS[row["status"]])
        out.append({**row, **extra})
    return out


def disclosures_of(policy: Policy, subject: Subject) -> list[dict[str, Any]]:
    return summarise(policy, _with_purpose_labels(policy, adapters.rows_for("disclosures", subject)))


def _request_head(req: Request) -> dict[str, Any]:
    return {"id": str(req.pk), "type": req.type, "received_at": rfc3339(req.received_at), "due_at": rfc3339(req.due_at),
            "type_words": words.code_words(words.REQUEST_WORDS, req.type)}


def _controller(policy: Policy) -> dict[str, Any]:
    org = policy.organisation
    return {"name": org.name, "legal_entity": org.legal_entity, "privacy_contact": org.privacy_contact.email,
            "dpo": org.dpo.email if org.dpo else ""}


def _complaint(policy: Policy) -> dict[str, Any]:
    ap = policy.organisation.authority
    return {"authority": ap.name, "url": ap.url, "complaint_url": ap.complaint_url,
            "text": letters.complaint_right(policy)}


def disclosures_export(policy: Policy, req: Request) -> dict[str, Any]:
    """A `disclosures` request (to whom was my data disclosed?) gets that list, and nothing else of the subject."""
    return {"kind": "disclosures", "request": _request_head(req), "controller": _controller(policy),
            "disclosures": disclosures_of(policy, req.subject), "complaint": _complaint(policy)}


def access_export(policy: Policy, req: Request) -> dict[str, Any]:
    subject = req.subject
    grouped: dict[str, list[tuple[Record, dict[str, Any]]]] = {}
    for record, data in _readable(Record.objects.filter(subject=subject).order_by("purpose", "collected_at")):
        grouped.setdefault(record.purpose, []).append((record, data))
    try:
        facts = read_subject_facts(SYSTEM, subject, "", via="rights.export", unlogged=OWN)
    except KeyDestroyed:
        facts = {}
    return {
        "kind": "access",
        "request": _request_head(req),
        "controller": _controller(policy),
        "subject": {"id": str(subject.pk), "external_id": subject.external_id, **facts},
        "account": account_of(subject),
        "purposes": [_purpose_block(policy, pid, items) for pid, items in grouped.items()],
        "statements": statements_of(subject),
        "disclosures": disclosures_of(policy, subject),
        "consents": summarise(policy, _with_purpose_labels(policy, adapters.rows_for("consent", subject))),
        "requests": requests_of(subject),
        "processing": processing_history(policy, subject),
        "complaint": _complaint(policy),
    }


def portability_export(policy: Policy, req: Request) -> dict[str, Any]:
    def portable(record: Record) -> bool:
        purpose, rt = policy.purposes.get(record.purpose), policy.record_types.get(record.type)
        return purpose is not None and rt is not None and str(purpose.basis) in PORTABLE_BASES

    records = []
    chosen = Record.objects.filter(subject=req.subject, source_kind__in=PROVIDED_SOURCES).order_by("collected_at")
    for record, data in _readable([record for record in chosen if portable(record)]):
        rt = policy.record_types[record.type]
        provided = {k: v for k, v in data.items() if k in rt.fields and rt.fields[k].subject_provided}
        if provided:
            records.append({"id": str(record.pk), "type": record.type, "purpose": record.purpose,
                            "collected_at": rfc3339(record.collected_at), "data": provided,
                            "type_label": _text(rt.label),
                            "labels": {name: words.field_label(policy, record.type, name) for name in provided}})
    return {"kind": "portability", "format": "waarborg-portability/1", "controller": policy.organisation.name,
            "subject": str(req.subject_id), "records": records, "complaint": _complaint(policy)}


def portability_csv(export: dict[str, Any]) -> str:
    """One row per field: stable columns whatever the record types are."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["record", "type", "purpose", "collected_at", "field", "value"])
    for record in export["records"]:
        for field, value in record["data"].items():
            writer.writerow([record["id"], record["type"], record["purpose"], record["collected_at"], field,
                             "" if value is None else value])
    return out.getvalue()


DISCLOSURES_CSV_COLUMNS = ("at", "recipient", "recipient_label", "purpose", "reason", "categories", "fields")


def disclosures_csv(export: dict[str, Any]) -> str:
    """One row per disclosure: when, to whom, for which purpose, on which ground, which data."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(DISCLOSURES_CSV_COLUMNS)
    for row in export["disclosures"]:
        writer.writerow([row.get("at"), row.get("recipient"), row.get("recipient_label"), row.get("purpose"),
                         row.get("reason"), " ".join(row.get("categories") or ()), " ".join(row.get("fields") or ())])
    return out.getvalue()


ACCESS_CSV_COLUMNS = ("purpose", "record", "type", "field", "value")


def access_csv(export: dict[str, Any]) -> str:
    """The records of an access export, one row per field: stable columns whatever the record types are.

    A value that is itself a list or an object is written as JSON. The explanations per purpose (basis,
    retention, recipients) and the history are in the JSON, HTML and PDF forms of the same export."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ACCESS_CSV_COLUMNS)
    for block in export["purposes"]:
        for record in block["records"]:
            for field, value in record["data"].items():
                if isinstance(value, dict | list):
                    value = json.dumps(value, ensure_ascii=False, default=str)
                writer.writerow([block["purpose"], record["id"], record["type"], field,
                                 "" if value is None else value])
    return out.getvalue()


def localise(value: Any, lang: str) -> Any:
    """Replace every {"nl", "en"} text by the one language (for the readable letter)."""
    if isinstance(value, dict):
        if set(value) == {"nl", "en"}:
            return value.get(lang) or value.get("nl")
        return {k: localise(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, lang) for v in value]
    return value
