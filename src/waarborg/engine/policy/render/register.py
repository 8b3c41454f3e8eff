"""The register of processing activities (verwerkingsregister, AVG art. 30), generated from the policy.

One entry per purpose. Its id is the purpose id plus a short hash of the entry's canonical JSON, so the
id stays put while the activity stays the same and changes as soon as anything recorded about it does
(a new category, recipient, retention rule...): an auditor can see at a glance what changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from typing import Any

from waarborg.core.language import in_language
from waarborg.engine.policy.render import register_words
from waarborg.engine.policy.render.context import EEA, art9_words, categories_of, register_basis_words
from waarborg.engine.policy.render.groups import subjects_of
from waarborg.engine.policy.render.words import retention_words
from waarborg.engine.policy.schema import Contact, Policy

CONTENT_TYPES = {"csv": "text/csv", "json": "application/json", "jsonld": "application/ld+json"}



def _contact(contact: Contact | None) -> dict[str, str] | None:
    if contact is None:
        return None
    return {"name": str(contact.name), "email": contact.email, "phone": contact.phone, "url": contact.url}


def controller(policy: Policy) -> dict[str, Any]:
    org = policy.organisation
    return {"id": org.id, "name": org.name, "legal_entity": org.legal_entity, "kvk": org.kvk,
            "contact": _contact(org.privacy_contact)}


def _entry(policy: Policy, pid: str) -> dict[str, Any]:
    purpose = policy.purposes[pid]
    detail = purpose.basis_detail
    cats = categories_of(policy, pid)
    recipients = [(rid, r) for rid, r in policy.recipients.items() if pid in r.purposes]
    return {
        "purpose": pid,
        "name": {"nl": purpose.label.get("nl"), "en": purpose.label.get("en")},
        "description": purpose.description.get("nl"),
        "controller": controller(policy),
        "dpo": _contact(policy.organisation.dpo),
        "legal_basis": purpose.basis.value,
        "legal_basis_text": register_basis_words(purpose, "nl"),
        "law": detail.law,
        "contract": detail.contract,
        "interest": detail.interest.get("nl") if detail.interest else "",
        "art9_condition": purpose.art9_condition.value if purpose.art9_condition else None,
        "art9_text": art9_words(purpose, "nl", lead="special_register"),
        "data_subjects": subjects_of(policy, pid, "nl"),
        "personal_data": [{
            "category": c,
            "label": policy.categories[c].label.get("nl"),
            "special": policy.categories[c].special,
            "criminal": policy.categories[c].criminal,
            "national_id": policy.categories[c].national_id,
        } for c in cats],
        "sources": [s.value for s in purpose.sources],
        "recipients": [{
            "recipient": rid,
            "label": r.label.get("nl"),
            "kind": r.kind,
            "agreement": r.agreement.reference if r.agreement else None,
            "agreement_kind": r.agreement.kind if r.agreement else None,
            "reasons": [x.value for x in r.reasons],
            "country": r.country,
        } for rid, r in recipients],
        "transfers_outside_eea": [{"recipient": rid, "label": r.label.get("nl"), "country": r.country,
                                   "safeguards": r.safeguards}
                                  for rid, r in recipients if r.country not in EEA],
        "retention": [{
            "record_type": rt_id,
            "label": rt.label.get("nl"),
            "rule": rt.retention,
            "period": str(policy.retention[rt.retention].period or ""),
            "reason": policy.retention[rt.retention].reason,
            "legal_ground": policy.retention[rt.retention].legal_ground,
            "words": retention_words(policy, policy.retention[rt.retention], "nl"),
        } for rt_id, rt in policy.record_types.items() if rt.purpose == pid],
        "automated_decisions": purpose.automated_decisions,
        "human_decision": purpose.human_decision,
        "security": [s.get("nl") for s in policy.statement.security],
        **_constructs(policy, pid),
    }


def _constructs(policy: Policy, pid: str) -> dict[str, Any]:
    """Subject groups, the art. 10 ground and further processing: keys only where the policy uses them, so the
    ids of activities that use none stay what they were."""
    purpose = policy.purposes[pid]
    out: dict[str, Any] = {}
    groups = [{"group": gid, "label": g.label.get("nl"), "kind": g.kind}
              for gid, g in policy.subject_groups.items() if pid in g.purposes]
    if groups:
        out["subject_groups"] = groups
    if any(policy.categories[c].criminal for c in categories_of(policy, pid)) or purpose.art10_ground:
        out["art10_ground"] = purpose.art10_ground
    if purpose.further_processing:
        out["further_processing"] = [{
            "of": f.of, "label": policy.purposes[f.of].label.get("nl"), "access": list(f.access), "law": f.law,
            "compatibility": {k: v.get("nl") for k, v in f.compatibility} if f.compatibility else None,
            **({"keep_for": str(f.keep_for)} if f.keep_for is not None else {}),
        } for f in purpose.further_processing]
    return out


def entry_id(purpose: str, entry: dict[str, Any]) -> str:
    canonical = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return f"{purpose}-{hashlib.sha256(canonical.encode()).hexdigest()[:10]}"


def register_entries(policy: Policy) -> list[dict[str, Any]]:
    """Every processing activity, in the policy's order, each with its stable id first. The register is kept in
    Dutch (the AP's language; the ids hash its words), whatever language the request that asks for it reads."""
    return in_language("nl", lambda: [{"id": entry_id(pid, entry), **entry}
                                      for pid, entry in ((pid, _entry(policy, pid)) for pid in policy.purposes)])


# The CSV is for people (a privacy officer, the AP): words, not codes; the JSON formats keep the codes. Its `id`
# is the activity's stable reference (see above), the one identifier it shows on purpose.
_CSV_COLUMNS = [
    "id", "name", "controller", "dpo", "legal_basis", "legal_basis_text", "art9", "art10",
    "data_subjects", "personal_data", "special_categories", "criminal_data", "sources", "further_processing",
    "recipients", "transfers_outside_eea", "retention", "security",
]


def _yes_no(value: bool) -> str:
    return str(register_words.REGISTER_WORDS["yes" if value else "no"])


def _csv_row(entry: dict[str, Any]) -> dict[str, str]:
    ctl = entry["controller"]
    dpo = entry["dpo"]
    words = register_words.REGISTER_WORDS
    data = entry["personal_data"]
    return {
        "id": entry["id"],
        "name": entry["name"]["nl"],
        "controller": "; ".join(x for x in (ctl["legal_entity"] or ctl["name"], ctl["contact"]["email"]) if x),
        "dpo": "; ".join(x for x in (dpo["name"], dpo["email"]) if x) if dpo else "",
        "legal_basis": str(register_words.REGISTER_BASES[entry["legal_basis"]]),
        "legal_basis_text": entry["legal_basis_text"],
        "art9": entry["art9_text"],
        "art10": f"ja: {entry['art10_ground']}" if "art10_ground" in entry else "nee",
        "data_subjects": "; ".join(entry["data_subjects"]),
        "personal_data": "; ".join(d["label"] + (f" [{words['special']}]" if d["special"] else "")
                                   + (f" [{words['criminal']}]" if d["criminal"] else "") for d in data),
        "special_categories": _yes_no(any(d["special"] for d in data)),
        "criminal_data": _yes_no(any(d["criminal"] for d in data)),
        "sources": "; ".join(str(register_words.REGISTER_SOURCES[s]) for s in entry["sources"]),
        "further_processing": "; ".join(
            " en ".join(filter(None, ("leest" if "read" in f["access"] else "",
                                      f"bewaart {f['keep_for']} langer" if "keep_for" in f else "")))
            + f" gegevens van '{f['label']}' ({f['law'] or 'verenigbaar, art. 6 lid 4 AVG'})"
            for f in entry.get("further_processing", ())),
        "recipients": "; ".join(
            f"{r['label']} ({register_words.REGISTER_KINDS[r['kind']]}, {r['agreement'] or words['no_agreement']})"
            for r in entry["recipients"]),
        "transfers_outside_eea": "; ".join(f"{t['label']} ({t['country']}: {t['safeguards']})"
                                           for t in entry["transfers_outside_eea"]) or str(words["none"]),
        "retention": "; ".join(f"{r['label']}: {r['words']}" for r in entry["retention"]),
        "security": " ".join(entry["security"]),
    }


def render_register(policy: Policy, fmt: str = "csv") -> str:
    entries = register_entries(policy)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_csv_row(e) for e in entries)
        return buffer.getvalue()
    if fmt == "json":
        document = {
            "controller": controller(policy),
            "dpo": _contact(policy.organisation.dpo),
            "statement_version": policy.statement.version,
            "activities": entries,
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonld":
        from waarborg.engine.policy.render.register_dpv import dpv_document

        return json.dumps(dpv_document(policy, entries), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown register format {fmt!r}: use csv, json or jsonld")
