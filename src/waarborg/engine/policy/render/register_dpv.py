"""The art. 30 register as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.x).

Each processing activity is a `dpv:Process` (DPV 2 replaces the deprecated `dpv:PersonalDataHandling`
with it) carrying its purpose, legal basis (the GDPR extension's `eu-gdpr:A6-1-a` .. `A6-1-f`, plus
`A9-2-x` for special categories), controller, DPO, personal data, data subjects, recipients, storage
durations and measures. Local nodes get `urn:waarborg:<organisation>:...` identifiers.

Subject groups are `dpv:DataSubject` subclasses (`dpv:Client`, `dpv:Employee`, `dpv:Visitor`...; a group
without its own DPV term is a plain `dpv:DataSubject` with its label). Criminal data is also
`dpv:SensitivePersonalData` and `pd:Criminal` (DPV's personal-data extension), with the art. 10 ground as a
`dpv:Law`. Further processing names the activity whose data it reads (`dct:source`) and its art. 6(4) grounds
as a `dpv:LegalBasis` described in words.
"""

from __future__ import annotations

from typing import Any

from waarborg.engine.policy.schema import Policy

DPV = "https://w3id.org/dpv#"
EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
LOC = "https://w3id.org/dpv/loc#"
PD = "https://w3id.org/dpv/pd#"

CONTEXT = {
    "dpv": DPV,
    "eu-gdpr": EU_GDPR,
    "loc": LOC,
    "pd": PD,
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

LEGAL_BASIS = {
    "consent": "eu-gdpr:A6-1-a",
    "contract": "eu-gdpr:A6-1-b",
    "legal_obligation": "eu-gdpr:A6-1-c",
    "vital_interest": "eu-gdpr:A6-1-d",
    "public_task": "eu-gdpr:A6-1-e",
    "legitimate_interest": "eu-gdpr:A6-1-f",
}

ART9 = {
    "explicit_consent": "a", "employment_social_security": "b", "vital_interest": "c", "not_for_profit": "d",
    "made_public": "e", "legal_claims": "f", "substantial_public_interest": "g", "health_social_care": "h",
    "public_health": "i", "archiving_research": "j",
}

RECIPIENT_TYPES = {
    "processor": "dpv:DataProcessor",
    "third_party": "dpv:ThirdParty",
    "authority": "dpv:Authority",
    "joint_controller": "dpv:JointDataControllers",
    "public": "dpv:Recipient",
}


GROUP_TYPES = {
    "client": "dpv:Client",
    "employee": "dpv:Employee",
    "applicant": "dpv:Applicant",
    "member": "dpv:Member",
    "visitor": "dpv:Visitor",
    "representative": "dpv:GuardianOfDataSubject",
}


def _label(nl: str, en: str = "") -> list[dict[str, str]]:
    labels = [{"@value": nl, "@language": "nl"}]
    if en:
        labels.append({"@value": en, "@language": "en"})
    return labels


def dpv_document(policy: Policy, entries: list[dict[str, Any]]) -> dict[str, Any]:
    org = policy.organisation
    base = f"urn:waarborg:{org.id}:"
    graph: list[dict[str, Any]] = [{
        "@id": f"{base}controller",
        "@type": "dpv:DataController",
        "rdfs:label": org.legal_entity or org.name,
        "dct:identifier": org.kvk or org.id,
    }]
    if org.dpo is not None:
        graph.append({"@id": f"{base}dpo", "@type": "dpv:DataProtectionOfficer",
                      "rdfs:label": org.dpo.name or "FG", "dct:description": org.dpo.email})
    for cid, category in policy.categories.items():
        types = ["dpv:PersonalData"] + (["dpv:SpecialCategoryPersonalData"] if category.special else [])
        types += ["dpv:SensitivePersonalData", "pd:Criminal"] if category.criminal else []
        graph.append({"@id": f"{base}category:{cid}", "@type": types,
                      "rdfs:label": _label(category.label.get("nl"), category.label.en)})
    for rid, recipient in policy.recipients.items():
        graph.append({"@id": f"{base}recipient:{rid}", "@type": RECIPIENT_TYPES[recipient.kind],
                      "rdfs:label": _label(recipient.label.get("nl"), recipient.label.en),
                      "dpv:hasCountry": {"@id": f"loc:{recipient.country}"}})
    for gid, group in policy.subject_groups.items():
        graph.append({"@id": f"{base}group:{gid}", "@type": GROUP_TYPES.get(group.kind, "dpv:DataSubject"),
                      "rdfs:label": _label(group.label.get("nl"), group.label.en)})
    ids = {entry["purpose"]: entry["id"] for entry in entries}
    for entry in entries:
        purpose = policy.purposes[entry["purpose"]]
        bases = [{"@id": LEGAL_BASIS[entry["legal_basis"]]}]
        if purpose.art9_condition is not None:
            bases.append({"@id": f"eu-gdpr:A9-2-{ART9[purpose.art9_condition.value]}"})
        node: dict[str, Any] = {
            "@id": f"{base}activity:{entry['id']}",
            "@type": "dpv:Process",
            "dct:identifier": entry["id"],
            "dct:title": _label(entry["name"]["nl"], entry["name"]["en"]),
            "dct:description": entry["description"],
            "dpv:hasPurpose": {"@id": f"{base}purpose:{entry['purpose']}", "@type": "dpv:Purpose",
                               "rdfs:label": _label(entry["name"]["nl"], entry["name"]["en"])},
            "dpv:hasLegalBasis": bases,
            "dpv:hasDataController": {"@id": f"{base}controller"},
            "dpv:hasPersonalData": [{"@id": f"{base}category:{d['category']}"} for d in entry["personal_data"]],
            "dpv:hasDataSubject": _subjects(base, entry),
            "dpv:hasRecipient": [{"@id": f"{base}recipient:{r['recipient']}"} for r in entry["recipients"]],
            "dpv:hasStorageCondition": [{
                "@type": "dpv:StorageDuration",
                "rdfs:label": r["label"],
                "dct:description": r["words"],
                "dpv:hasDuration": {"@type": "dpv:Duration", "rdf:value": r["period"] or r["rule"]},
            } for r in entry["retention"]],
            "dpv:hasTechnicalOrganisationalMeasure": [
                {"@type": "dpv:TechnicalOrganisationalMeasure", "dct:description": s} for s in entry["security"]],
        }
        if org.dpo is not None:
            node["dpv:hasDataProtectionOfficer"] = {"@id": f"{base}dpo"}
        if entry.get("art10_ground"):
            bases.append({"@type": "dpv:Law", "rdfs:label": entry["art10_ground"],
                          "dct:description": "art. 10 AVG: strafrechtelijke persoonsgegevens"})
        for further in entry.get("further_processing", ()):
            node.setdefault("dct:source", []).append({"@id": f"{base}activity:{ids[further['of']]}"})
            words = further["law"] or "; ".join(f"{k}: {v}" for k, v in (further["compatibility"] or {}).items())
            bases.append({"@type": "dpv:LegalBasis", "rdfs:label": "verenigbare verdere verwerking (art. 6 lid 4 AVG)",
                          "dct:description": words})
            if further.get("keep_for"):  # the other purpose's records stay this much longer for this one
                node["dpv:hasStorageCondition"].append({
                    "@type": "dpv:StorageDuration", "rdfs:label": f"langer bewaard: {further['label']}",
                    "dct:description": f"gegevens voor ‘{further['label']}’ blijven {further['keep_for']} langer "
                                       "bewaard voor deze verwerking (art. 6 lid 4 AVG)",
                    "dpv:hasDuration": {"@type": "dpv:Duration", "rdf:value": further["keep_for"]}})
        graph.append(node)
    return {"@context": CONTEXT, "@graph": graph}


def _subjects(base: str, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The activity's data subjects: its groups by reference, then the purpose's own words not among them."""
    groups = entry.get("subject_groups", [])
    labels = {g["label"] for g in groups}
    return ([{"@id": f"{base}group:{g['group']}"} for g in groups]
            + [{"@type": "dpv:DataSubject", "rdfs:label": s} for s in entry["data_subjects"] if s not in labels])
