"""Building research datasets (S3-12..S3-16): declared, minimised, generalised and pseudonymised.

The builder never stores what it was given. Each input row names the person it is about (`person`:
a subject id, BSN or other reference) and carries values; what is kept is the project pseudonym of
that reference and, per *declared* field, the generalised value. Undeclared input is dropped. Direct
identifiers (name, BSN, address, e-mail, phone, exact birth date, IP...) cannot be declared, and a
value that still looks like one (an e-mail address, an IP address, a BSN-like or phone number) is
refused rather than stored. Quasi-identifiers are generalised: a birth date becomes `birth_year`, a
postcode its four digits. A field named after a free-text field of the policy follows its `deidentify`:
`redact` stores the text with every person, address and number in it replaced by a pseudonym under the
dataset's own key (`[NAAM-K7Q2X4PM]`: the same name links within the dataset, nowhere else), `drop` cannot
be declared (403 `free_text_dropped`), `keep` is checked like any other value.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Invalid
from waarborg.engine.accounts.models import User
from waarborg.engine.deidentify import Replacer
from waarborg.engine.deidentify.fields import leaving
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import FieldSpec, FieldType, Policy
from waarborg.engine.vault.access import refuse
from waarborg.engine.vault.gates import Refusal
from waarborg.modules.research.models import Dataset, DatasetRow, Project, purpose_for
from waarborg.modules.research.projects import audit, may, pseudonym, require_started, text_key

DIRECT_IDENTIFIERS = frozenset({
    "person", "name", "first_name", "last_name", "surname", "initials", "full_name", "bsn", "citizen_service_number",
    "address", "street", "house_number", "email", "e_mail", "phone", "telephone", "mobile", "birth_date",
    "date_of_birth", "ip", "ip_address", "iban", "username", "external_id", "subject", "subject_id",
})
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_DIGITS = re.compile(r"(?<!\d)(?:\+31|0031)?\d{9,10}(?!\d)")
_FIELD = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def _postcode(value: Any) -> str:
    return re.sub(r"\D", "", str(value or ""))[:4]


def _birth_year(row: dict[str, Any]) -> int | None:
    raw = row.get("birth_year") or row.get("birth_date")
    if raw in (None, ""):
        return None
    match = re.match(r"^\s*(\d{4})", str(raw))
    return int(match.group(1)) if match else None


def _looks_identifying(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if _EMAIL.search(value) or _DIGITS.search(value.replace(" ", "").replace("-", "")):
        return True
    for token in re.split(r"[\s,;]+", value.strip()):
        try:
            ipaddress.ip_address(token)
        except ValueError:
            continue
        return True
    return False


def free_text(policy: Policy, name: str) -> FieldSpec | None:
    """The policy's free-text field of this name (the strictest where record types differ), or None."""
    specs = [rt.fields[name] for rt in policy.record_types.values()
             if name in rt.fields and rt.fields[name].type in (FieldType.TEXT, FieldType.LONGTEXT)]
    order = {"drop": 0, "redact": 1, "keep": 2}
    return min(specs, key=lambda spec: order[spec.free_text], default=None)


def _declared(actor: Any, fields: Any, purpose: str) -> list[str]:
    if not isinstance(fields, list) or not fields:
        raise Invalid({"fields": ["Noem de velden die echt nodig zijn. (Declare the fields you really need.)"]})
    errors = [f"{name!r}: geen geldige veldnaam / not a valid field name"
              for name in fields if not isinstance(name, str) or not _FIELD.match(name)]
    if errors:
        raise Invalid({"fields": errors})
    direct = sorted({name for name in fields if name in DIRECT_IDENTIFIERS})
    if direct:  # S3-12: a well-formed wish the rules forbid, so a refusal on record
        refuse(actor, "write", purpose, Refusal("direct_identifier", f"Direct identificerend, nooit in een dataset: "
                                                f"{', '.join(direct)}. (A direct identifier, never in a dataset.)"))
    policy = active().policy
    dropped = sorted({name for name in fields if (spec := free_text(policy, name)) and spec.free_text == "drop"})
    if dropped:
        refuse(actor, "write", purpose, Refusal("free_text_dropped", f"Vrije tekst die het beleid buiten datasets "
                                                f"houdt: {', '.join(dropped)}. (Free text the policy keeps out of "
                                                "datasets.)"))
    return list(dict.fromkeys(fields))


def dataset_create(actor: Any, project: Project, *, purpose_statement: str, fields: Any, purpose: str) -> Dataset:
    may(actor, "write", project, purpose)
    if project.kind != Project.Kind.BIG_DATA:
        refuse(actor, "write", purpose, Refusal("purpose_mismatch", "Datasets horen bij een big-data-project. "
                                                "(Datasets belong to a big-data project.)"))
    require_started(actor, project, "write", purpose)
    if not (purpose_statement or "").strip():
        raise Invalid({"purpose": ["Beschrijf het doel van de dataset. (Declare the dataset's purpose.)"]})
    declared = _declared(actor, fields, purpose)
    with transaction.atomic():
        dataset = Dataset.objects.create(project=project, purpose=purpose_statement.strip(), fields=declared,
                                         created_at=timezone.now(), created_by=actor)
        audit("research.dataset_create", actor, project, dataset=str(dataset.pk), fields=declared)
    return dataset


def _minimal(actor: Any, dataset: Dataset, row: dict[str, Any], index: int, purpose: str,
             texts: dict[str, FieldSpec], replacer: Replacer) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in dataset.fields:
        if name in texts and isinstance(row.get(name), str):
            # Free text the policy redacts: every person, address and number in it becomes a pseudonym under
            # the dataset's key, so the text stays readable and links within the dataset, and nobody is named.
            values[name] = leaving(texts[name], row[name], replacer)
            continue
        if name == "birth_year":
            values[name] = _birth_year(row)
        elif name == "postcode":
            values[name] = _postcode(row.get("postcode")) or None
        else:
            value = row.get(name)
            if isinstance(value, (dict, list)):
                raise Invalid({f"rows.{index}.{name}": ["Alleen enkelvoudige waarden. (Scalar values only.)"]})
            if _looks_identifying(value):
                refuse(actor, "write", purpose, Refusal("direct_identifier", f"rows.{index}.{name}: deze waarde lijkt "
                                                        "iemand te identificeren en wordt niet bewaard. (This value "
                                                        "looks identifying and is not stored.)"))
            values[name] = value
    return values


def dataset_collect(actor: Any, dataset: Dataset, rows: Any, purpose: str) -> int:
    project = dataset.project
    may(actor, "write", project, purpose)
    require_started(actor, project, "write", purpose)
    if not isinstance(rows, list) or not rows:
        raise Invalid({"rows": ["Geef ten minste één rij. (Give at least one row.)"]})
    kept = []
    now = timezone.now()
    policy = active().policy
    texts = {name: spec for name in dataset.fields
             if (spec := free_text(policy, name)) is not None and spec.free_text == "redact"}
    replacer = Replacer("pseudonym", text_key(project, str(dataset.pk))) if texts else Replacer("tag", None)
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not str(row.get("person") or "").strip():
            raise Invalid({f"rows.{i}.person": ["Over wie gaat deze rij? (Whom is this row about?)"]})
        kept.append(DatasetRow(dataset=dataset, pseudonym=pseudonym(project, str(row["person"])),
                               values=_minimal(actor, dataset, row, i, purpose, texts, replacer),
                               collected_at=now, collected_by=actor))
    with transaction.atomic():
        DatasetRow.objects.bulk_create(kept)
        audit("research.collect", actor, project, dataset=str(dataset.pk), rows=len(kept))
    return len(kept)


def dataset_rows(actor: Any, dataset: Dataset, purpose: str) -> list[dict[str, Any]]:
    may(actor, "read", dataset.project, purpose)
    with transaction.atomic():
        rows = [{"id": r.pseudonym, **r.values} for r in dataset.rows.all()]
        audit("research.dataset_read", actor, dataset.project, dataset=str(dataset.pk), rows=len(rows))
    return rows


def allowed_recipients() -> list[str]:
    """Processors with an agreement in force that the policy lists for research (S3-13)."""
    policy = active().policy
    today = timezone.localdate()
    research = purpose_for(Project.Kind.BIG_DATA)
    return [rid for rid, r in policy.recipients.items()
            if r.kind == "processor" and r.agreement is not None and research in r.purposes
            and (r.agreement.valid_from is None or r.agreement.valid_from <= today)
            and (r.agreement.valid_until is None or today <= r.agreement.valid_until)]


def dataset_assign(actor: Any, dataset: Dataset, *, user: User | None = None, recipient: str = "",
                   purpose: str) -> Dataset:
    """Hand a dataset to a Werkzaak researcher or a processor under agreement; anyone else is refused."""
    may(actor, "write", dataset.project, purpose)
    if (user is None) == (not recipient):
        raise Invalid({"user": ["Kies een onderzoeker of een verwerker. (Choose a researcher or a processor.)"]})
    policy = active().policy
    researcher = (user is not None and user.is_active and user.kind == User.Kind.STAFF
                  and policy.grants(user, "read", purpose_for(Project.Kind.BIG_DATA)))
    if user is not None and not researcher:
        refuse(actor, "disclose", purpose, Refusal("recipient_not_allowed", "Alleen onderzoekers van Werkzaak "
                                                   "Rivierenland krijgen een dataset. (Only Werkzaak researchers.)"))
    if recipient and recipient not in allowed_recipients():
        refuse(actor, "disclose", purpose, Refusal("recipient_not_allowed", "Alleen een verwerker met een "
                                                   "verwerkersovereenkomst voor onderzoek krijgt een dataset. (Only a "
                                                   "processor with an agreement for research.)"))
    with transaction.atomic():
        dataset.assigned_user, dataset.assigned_recipient = user, recipient
        dataset.assigned_at = timezone.now()
        dataset.save(update_fields=["assigned_user", "assigned_recipient", "assigned_at"])
        audit("research.dataset_assign", actor, dataset.project, dataset=str(dataset.pk),
              to="researcher" if user else recipient, user_id=getattr(user, "pk", None))
    return dataset
