"""The rights of others in an access or portability export (art. 15(4) and 20(4) GDPR).

A case note handed to the subject names other people too: a neighbour, a doctor, a son with his phone
number. Every free-text field the policy marks `deidentify: redact` (the default for longtext) or `drop`
goes through the de-identifier before the export is made, in every format and on every way out (review,
letter, portal, secure mail): other people's names, addresses, phone numbers, BSNs, ... (`OTHERS`) become tags
(`[NAAM-1]`, numbered across the whole export, so the same neighbour is the same tag in each note),
while the subject's own data stays: the names, addresses and numbers the vault holds for the subject in
their own records (the structured fields, never free text) are `keep` hints.

`drop` redacts here as `redact` does: the subject keeps the right to see what is written about them.
The reviewer's view (`review_view`) shows each redaction with the original value and the reason; it is
for the staff member reviewing the export only and is an audited step like the export itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from waarborg.core.language import each_language, words
from waarborg.engine.deidentify import Category, Hint, Replacer, Span, deidentify, family, find
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.schema import FieldSpec, FieldType, Policy
from waarborg.engine.rights.words import field_label
from waarborg.engine.vault.models import Record, Subject
from waarborg.engine.vault.reads import Unlogged, read_records, read_subject_facts

SYSTEM = "system:rights"
OWN = Unlogged.SUBJECTS_OWN_REQUEST  # part of making the export of the subject's own request

# Structured fields that hold the subject's own name or address (the policy's field ids).
NAME_FIELDS = frozenset({"name", "full_name", "first_name", "first_names", "given_name", "last_name", "surname",
                         "maiden_name", "initials", "counterparty"})
ADDRESS_FIELDS = frozenset({"address", "postal_address", "home_address", "street", "residence", "city", "place"})
# Typed fields whose value is the subject's own identifier.
TYPED = {FieldType.EMAIL: Category.EMAIL, FieldType.PHONE: Category.PHONE, FieldType.POSTCODE: Category.POSTCODE,
         FieldType.BSN: Category.BSN, FieldType.IBAN: Category.IBAN, FieldType.URL: Category.URL}

WHAT = {
    Category.NAME: pgettext_lazy("what another person's data is", "naam"),
    Category.ADDRESS: pgettext_lazy("what another person's data is", "adres"),
    Category.POSTCODE: pgettext_lazy("what another person's data is", "postcode"),
    Category.CITY: pgettext_lazy("what another person's data is", "woonplaats"),
    Category.PHONE: pgettext_lazy("what another person's data is", "telefoonnummer"),
    Category.EMAIL: pgettext_lazy("what another person's data is", "e-mailadres"),
    Category.URL: pgettext_lazy("what another person's data is", "webadres"),
    Category.BSN: pgettext_lazy("what another person's data is", "BSN"),
    Category.IBAN: pgettext_lazy("what another person's data is", "IBAN"),
    Category.IDDOC: pgettext_lazy("what another person's data is", "documentnummer"),
    Category.DATE: pgettext_lazy("what another person's data is", "datum"),
    Category.AGE: pgettext_lazy("what another person's data is", "leeftijd"),
    Category.INSTITUTION: pgettext_lazy("what another person's data is", "instelling"),
    Category.PLATE: pgettext_lazy("what another person's data is", "kenteken"),
}
# What identifies another person. Dates, ages, places and institutions stay: in the subject's own file they
# are mostly the subject's own timeline and the places and organisations of their own life (`Buurthuis De
# Linde`, `huisartsenpraktijk`), and hiding them would leave the subject a file they cannot follow.
OTHERS = frozenset(Category) - {Category.DATE, Category.AGE, Category.CITY, Category.INSTITUTION}
NOTE = gettext_lazy("Om de privacy van anderen te beschermen (art. 15 lid 4 AVG) zijn namen en gegevens van andere "
                    "personen in vrije tekst vervangen door aanduidingen zoals [NAAM-1]. Dezelfde aanduiding staat "
                    "zo veel mogelijk voor dezelfde persoon of hetzelfde gegeven. Soms krijgt één persoon twee "
                    "aanduidingen, bijvoorbeeld als alleen de achternaam is genoemd. Uw eigen gegevens zijn niet "
                    "vervangen.")


@dataclass(frozen=True)
class Redaction:
    """One free-text field of one record, redacted: what it was, what the subject sees, and where."""

    record: str
    type: str
    field: str
    rule: str  # the policy's `deidentify` for the field (default filled in)
    original: str
    redacted: str
    spans: tuple[Span, ...]



def own_hints(policy: Policy, subject: Subject) -> list[Hint]:
    """The subject's own names, address parts and identifiers, as the vault holds them in structured fields."""
    hints: list[Hint] = []
    # Only the record types with such a field are opened: a client's hundreds of care notes hold none.
    types = [name for name, rt in policy.record_types.items() if any(_hint_field(n, spec) for n, spec in rt.fields.items())]
    records = Record.objects.filter(subject=subject, anonymised_at__isnull=True, type__in=types)
    for record, data in read_records(SYSTEM, records, via="rights.redaction", unlogged=OWN):
        rt = policy.record_types[record.type]
        for name, value in data.items():
            spec = rt.fields.get(name)
            if spec is None or not isinstance(value, str) or not value.strip() or spec.type is FieldType.LONGTEXT:
                continue
            if spec.type in TYPED:
                hints.append((value.strip(), TYPED[spec.type]))
            elif name in NAME_FIELDS and spec.type is FieldType.TEXT:
                hints.append(value.strip())
            elif name in ADDRESS_FIELDS and spec.type is FieldType.TEXT:
                hints.extend((value[s.start:s.end], s.category) for s in find(value) if s.category is not Category.NAME)
    try:
        facts = read_subject_facts(SYSTEM, subject, "", via="rights.redaction", unlogged=OWN)
    except KeyDestroyed:
        facts = {}
    if facts.get("bsn"):
        hints.append((str(facts["bsn"]), Category.BSN))
    return hints


def _records(content: dict[str, Any]) -> list[dict[str, Any]]:
    if content.get("kind") == "portability":
        return list(content.get("records", ()))
    return [record for block in content.get("purposes", ()) for record in block["records"]]


def _hint_field(name: str, spec: FieldSpec) -> bool:
    """Whether a field of this kind can hold the subject's own name, address or identifier (`own_hints`)."""
    return spec.type in TYPED or (spec.type is FieldType.TEXT and (name in NAME_FIELDS or name in ADDRESS_FIELDS))


def redact_export(policy: Policy, subject: Subject, content: dict[str, Any]) -> list[Redaction]:
    """Redact the free text of an access or portability export in place; answer what was redacted."""
    keep = own_hints(policy, subject)
    replacer = Replacer("tag", None)
    done: list[Redaction] = []
    fields: list[tuple[dict[str, Any], str, str, FieldSpec]] = []
    for record in _records(content):
        rt = policy.record_types.get(record["type"])
        if rt is None:
            continue
        for name, value in record["data"].items():
            spec = rt.fields.get(name)
            if spec is not None and spec.free_text != "keep" and isinstance(value, str):
                fields.append((record, name, value, spec))
    # `Mevrouw Fatima El Amrani` in one note tells `meneer El Amrani` in another from her (family.subject_gender).
    gender = family.subject_gender((value for _, _, value, _ in fields), keep)
    for record, name, value, spec in fields:
        result = deidentify(value, keep=keep, replacer=replacer, categories=OTHERS, subject_gender=gender)
        if result.spans:
            record["data"][name] = result.text
            done.append(Redaction(record["id"], record["type"], name, spec.free_text, value, result.text,
                                  result.spans))
    content["redactions"] = {"count": sum(len(r.spans) for r in done), "fields": len(done), "note": words(NOTE)}
    return done


def review_view(policy: Policy, request_id: str, content: dict[str, Any], done: list[Redaction]) -> dict[str, Any]:
    """For the reviewer only: each redacted field with the original, what the subject sees, and per span why."""
    fields = []
    for r in done:
        fields.append({
            "record": r.record, "type": r.type, "field": r.field,
            "label": field_label(policy, r.type, r.field),  # as the export labels it
            "rule": r.rule, "original": r.original, "redacted": r.redacted,
            "spans": [{"start": s.start, "end": s.end, "category": s.category.value, "value": r.original[s.start:s.end],
                       "replacement": s.replacement, "why": _why(s.category)} for s in r.spans],
        })
    return {"kind": content.get("kind"), "request": request_id,
            "view": "review", "redactions": fields, "count": sum(len(f["spans"]) for f in fields),
            "note": words(gettext_lazy("Alleen voor wie de export controleert: dit is niet wat de betrokkene krijgt."))}


def _why(category: Category) -> dict[str, str]:
    return each_language(lambda: gettext("%(what)s in vrije tekst, niet van de betrokkene zelf: rechten van anderen "
                                         "(art. 15 lid 4 AVG)") % {"what": WHAT[category]})
