"""Finding a person in the back office by name, external number or BSN, among the people the searcher may see.

One box, three ways, tried in this order:

1. **BSN**: nine digits that pass the 11-proof are looked up through the keyed hash (`lookup.subjects_find`,
   the same look-up as `GET /api/v1/subjects?bsn=`); the BSN is never compared in the clear and never logged.
2. **External number**: anything without letters, or one word with a digit in it ("kw-001"): an exact match
   on `external_id` (`lookup.subjects_find`).
3. **Name**: names live sealed in record data, under each subject's own key, so no database index can find
   them. The system opens, through the vault's read door, the records that hold a `name` field and that the
   searcher may read anyway: only purposes one of their roles reads, on need-to-know purposes only their
   caseload, and only where the vault's gates (restriction, objection, consent...) would let them read the
   record. It compares at most `MAX_COMPARED` of them, the most recently changed first, and says when there
   were more ("search by number or BSN instead"). Values that do not match are seen by no one
   (`Unlogged.SEARCH`); the names that match are shown and each such read is a `record.read` entry.

Why not a blind index of names (a keyed hash per name word)? It would let anyone with database access test
guesses of names against every subject, and it would need a migration of every record's data. A bounded scan
of what the searcher may read anyway keeps the exposure to their own work; the bound keeps a page fast.

Every search is on record: `subject.lookup` entries as `subjects_find` writes them for BSN and number, and for a
name one `subject.search` entry with `by: name`, how many records were compared and how many people were
found, never the name typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from waarborg.core.errors import Invalid
from waarborg.engine.audit.log import Entry, append_many
from waarborg.engine.policy.active import active
from waarborg.engine.vault import gates
from waarborg.engine.vault.access import refuse
from waarborg.engine.vault.authorisation import mine, needs_assignment
from waarborg.engine.vault.lookup import may_look_up, subjects_find
from waarborg.engine.vault.models import Record, Subject
from waarborg.engine.vault.reads import Unlogged, read_records
from waarborg.engine.vault.validation import check_bsn

MAX_COMPARED = 300  # records opened for one name search: a few hundred decrypts stay well under a second
NAME_FIELD = "name"
VIA = "backoffice.search"


@dataclass
class Found:
    subject: Subject
    names: list[str] = field(default_factory=list)  # only for a name search: the matching names shown


@dataclass
class Search:
    by: str  # bsn | external_id | name
    found: list[Found]
    compared: int = 0  # name search: records compared
    truncated: bool = False  # name search: more records than MAX_COMPARED were candidates


def _folded(text: str) -> str:
    """Lower case without accents, so 'Önal' finds 'onal' and 'Cliënt' finds 'client'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _as_bsn(query: str) -> str | None:
    digits = re.sub(r"[\s.]", "", query)
    if not re.fullmatch(r"\d{8,9}", digits):
        return None
    try:
        return check_bsn(digits)
    except Invalid:
        return None


def subjects_search(actor: Any, query: str) -> Search:
    query = query.strip()
    if len(query) < 2:
        raise Invalid({"q": ["Typ ten minste twee tekens. / Type at least two characters."]})
    bsn = _as_bsn(query)
    if bsn:
        return Search("bsn", [Found(s) for s in subjects_find(actor, bsn=bsn)])
    letters, digits = re.search(r"[^\W\d_]", query), re.search(r"\d", query)
    if not letters or (digits and " " not in query):  # digits, or one word with digits ("kw-001"): a number
        return Search("external_id", [Found(s) for s in subjects_find(actor, external_id=query)])
    return _by_name(actor, query)


def _candidates(actor: Any, policy: Any) -> Any:
    """The records with a name that the searcher's roles read, on need-to-know purposes their caseload only."""
    from django.db.models import Q

    where = Q(pk__in=[])
    for purpose in policy.purposes:
        if not policy.grants(actor, "read", purpose):
            continue
        types = [t for t, spec in policy.record_types.items() if spec.purpose == purpose and NAME_FIELD in spec.fields]
        if not types:
            continue
        one = Q(purpose=purpose, type__in=types)
        if needs_assignment(policy, actor, "read", purpose):
            one &= Q(subject_id__in=mine(actor).filter(purpose=purpose).values("subject_id"))
        where |= one
    return (Record.objects.filter(where, anonymised_at__isnull=True, subject__erased_at__isnull=True)
            .select_related("subject").order_by("-updated_at", "pk"))


def _by_name(actor: Any, query: str) -> Search:
    current = active()
    policy = current.policy
    if isinstance(actor, str) or not may_look_up(policy, actor):
        refuse(actor, "subject.search", "", gates.Refusal(
            "role_not_granted", "Uw rol werkt met niemands gegevens; zoeken kan niet. (Your roles work with no "
                                "one's data: no search.)"))
    rows = list(_candidates(actor, policy)[:MAX_COMPARED + 1])
    truncated = len(rows) > MAX_COMPARED
    rows = rows[:MAX_COMPARED]
    allowed: dict[tuple[Any, str], bool] = {}
    readable = []
    for record in rows:
        key = (record.subject_id, record.purpose)
        if key not in allowed:  # the gates' answer only: nothing is attempted, so nothing to refuse on record
            ctx = gates.AccessContext(actor=actor, action="read", purpose=record.purpose, policy=policy,
                                      subject=record.subject, record=record)
            allowed[key] = gates.run(ctx) is None
        if allowed[key]:
            readable.append(record)
    words = _folded(query).split()
    matched: dict[Any, list[Record]] = {}
    names: dict[Any, list[str]] = {}
    for record, data in read_records(actor, readable, via=VIA, unlogged=Unlogged.SEARCH):
        name = str(data.get(NAME_FIELD) or "")
        if name and all(w in _folded(name) for w in words):
            matched.setdefault(record.subject_id, []).append(record)
            if name not in names.setdefault(record.subject_id, []):
                names[record.subject_id].append(name)
    shown = [r for records in matched.values() for r in records]
    read_records(actor, shown, via=VIA)  # the names shown: each read on record
    subjects = {r.subject_id: r.subject for r in shown if r.subject is not None}
    found = [Found(subjects[sid], names[sid]) for sid in matched if sid in subjects]
    detail = {"by": "name", "compared": len(readable), "found": len(found), "truncated": truncated}
    with transaction.atomic():
        append_many([Entry(action="subject.search", actor=actor, policy_version=current.number, detail=detail)])
    return Search("name", found, compared=len(readable), truncated=truncated)
