"""The art. 30 register as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.x).

Each processing activity is a `dpv:Process` (DPV 2 replaces the deprecated `dpv:PersonalDataHandling`
with it) carrying its purpose, legal basis (the GDPR extension's `eu-gdpr:A6-1-a` .. `A6-1-f`, plus
`A9-2-x` for special categories), controller, DPO, personal data, data subjects, recipients, storage
durations and measures. Local nodes get `urn:waarborg:<organisation>:...` identifiers.
"""

from __future__ import annotations

from typing import Any

from waarborg.engine.policy.schema import Policy

DPV = "https://w3id.org/dpv#"
EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
LOC = "https://w3id.org/dpv/loc#"

CONTEXT = {
    "dpv": DPV,
    "eu-gdpr": EU_GDPR,
    "loc": LOC,
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
        graph.append({"@id": f"{base}category:{cid}", "@type": types,
                      "rdfs:label": _label(category.label.get("nl"), category.label.en)})
    for rid, recipient in policy.recipients.items():
        graph.append({"@id": f"{base}recipient:{rid}", "@type": RECIPIENT_TYPES[recipient.kind],
                      "rdfs:label": _label(recipient.label.get("nl"), recipient.label.en),
                      "dpv:hasCountry": {"@id": f"loc:{recipient.country}"}})
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
            "dpv:hasDataSubject": [{"@type": "dpv:DataSubject", "rdfs:label": s} for s in entry["data_subjects"]],
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
        graph.append(node)
    return {"@context": CONTEXT, "@graph": graph}
