"""The privacy statement as plain data: every sentence already in the reader's language.

The templates (HTML and Markdown) only lay this out, so both formats say exactly the same thing and
everything AVG art. 13/14 requires is assembled in one place, from the policy alone. The fixed words come from
`texts` through gettext, in the active language; `lang` picks the policy's own texts (`Text.get`), so callers
run this under `translation.override(lang)` (`render_statement`, `register_entries` do).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from waarborg.engine.policy.render import texts
from waarborg.engine.policy.render.groups import subjects_of
from waarborg.engine.policy.render.words import date_words, join, retention_words
from waarborg.engine.policy.schema import Contact, Policy, Purpose


def _contact(contact: Contact | None, t: dict[str, Any]) -> list[str]:
    if contact is None:
        return []
    lines = [contact.name] if contact.name else []
    if contact.address:
        a = contact.address
        lines += [x for x in (a.street, a.po_box, " ".join(p for p in (a.postcode, a.city) if p)) if x]
    if contact.email:
        lines.append(f"{t['field_email']}: {contact.email}")
    if contact.phone:
        lines.append(f"{t['field_phone']}: {contact.phone}")
    if contact.url:
        lines.append(f"{t['field_web']}: {contact.url}")
    return lines


def basis_words(purpose: Purpose, lang: str) -> str:
    """The legal basis in words, with the law, contract or interest it rests on."""
    words = str(texts.BASIS[purpose.basis.value])
    detail = purpose.basis_detail
    named = {
        "contract": detail.contract,
        "legal_obligation": detail.law,
        "public_task": detail.law,
        "legitimate_interest": detail.interest.get(lang) if detail.interest else "",
        "vital_interest": detail.vital.get(lang) if detail.vital else "",
    }.get(purpose.basis.value, "")
    return f"{words}: {named}" if named else words


def art9_words(purpose: Purpose, lang: str) -> str:
    if purpose.art9_condition is None:
        return ""
    words, letter = texts.ART9[purpose.art9_condition.value]
    article = gettext("art. 9 lid 2 sub %(letter)s AVG") % {"letter": letter}
    ground = f"; {purpose.art9_ground}" if purpose.art9_ground else ""
    return str(texts.TEXTS["special_text"]) % {"cond": f"{words} ({article}{ground})."}


def categories_of(policy: Policy, purpose_id: str) -> list[str]:
    """Category ids a purpose processes, in the policy's order. A purpose without record types of its own
    (aggregate research, statistics) uses the fields marked `policy_use` elsewhere."""
    used = {spec.category for rt in policy.record_types.values() if rt.purpose == purpose_id
            for spec in rt.fields.values()}
    if not used and policy.purposes[purpose_id].statistics:
        used = {spec.category for rt in policy.record_types.values() for spec in rt.fields.values() if spec.policy_use}
    return [c for c in policy.categories if c in used]


def category_words(policy: Policy, category_id: str, lang: str) -> str:
    t = texts.TEXTS
    category = policy.categories[category_id]
    marks = [str(t["special_mark"])] if category.special else []
    marks += [str(t["bsn_mark"])] if category.national_id and "BSN" not in category.label.get(lang) else []
    marks += [str(t["criminal_mark"])] if category.criminal else []
    marks += [str(t["public_mark"])] if category.public else []
    label = category.label.get(lang)
    return f"{label} ({', '.join(marks)})" if marks else label


def _purposes(policy: Policy, lang: str) -> list[dict[str, Any]]:
    t = texts.TEXTS
    out = []
    for pid, purpose in policy.purposes.items():
        cats = categories_of(policy, pid)
        notes = []
        if purpose.minors_need_parent:
            notes.append(str(t["minors"]) % {"age": purpose.minor_age})
        if purpose.statistics:
            notes.append(str(t["statistics_never_shared"]))
        out.append({
            "id": pid,
            "label": purpose.label.get(lang),
            "description": purpose.description.get(lang),
            "basis": basis_words(purpose, lang),
            "art9": art9_words(purpose, lang),
            "categories": [category_words(policy, c, lang) for c in cats] or [str(t["no_categories"])],
            "special": any(policy.categories[c].special for c in cats),
            "data_subjects": subjects_of(policy, pid, lang),
            "sources": join([str(texts.SOURCES[s.value]) for s in purpose.sources], lang),
            "requirement": purpose.requirement.get(lang) if purpose.requirement else (
                str(t["not_required"]) if purpose.basis.value == "consent" else ""),
            "notes": notes,
        })
    return out


def _retention(policy: Policy, lang: str) -> list[dict[str, str]]:
    rows = []
    for rt in policy.record_types.values():
        rule = policy.retention[rt.retention]
        purpose = policy.purposes[rt.purpose]
        rows.append({
            "record_type": rt.label.get(lang),
            "purpose": purpose.label.get(lang),
            "words": retention_words(policy, rule, lang),
            "why": rule.justification.get(lang) if rule.justification else "",
        })
    return rows


def _recipients(policy: Policy, lang: str) -> list[dict[str, Any]]:
    t = texts.TEXTS
    out = []
    for recipient in policy.recipients.values():
        agreement = recipient.agreement
        out.append({
            "label": recipient.label.get(lang),
            "kind": str(texts.RECIPIENT_KINDS[recipient.kind]),
            "description": recipient.description.get(lang) if recipient.description else "",
            "purposes": join([policy.purposes[p].label.get(lang) for p in recipient.purposes], lang),
            "categories": join([category_words(policy, c, lang) for c in recipient.categories], lang),
            "reasons": join([str(texts.REASONS[r.value]) for r in recipient.reasons], lang),
            "agreement": str(t["agreement_text"]) % {"kind": texts.AGREEMENT_KINDS[agreement.kind],
                                                     "reference": agreement.reference} if agreement else "",
            "transfer": str(t["outside_eea"]) % {"country": recipient.country, "safeguards": recipient.safeguards}
            if recipient.country not in EEA else "",
        })
    return out


EEA = {  # the European Economic Area: transfers elsewhere need art. 46 safeguards
    "NL", "BE", "LU", "DE", "FR", "IT", "ES", "PT", "AT", "IE", "DK", "SE", "FI", "PL", "CZ", "SK", "SI", "HU",
    "HR", "RO", "BG", "GR", "CY", "MT", "EE", "LV", "LT", "IS", "NO", "LI",
}


def _rights(policy: Policy, lang: str) -> dict[str, Any]:
    t = texts.TEXTS
    rights = policy.rights
    items = [{"name": str(texts.RIGHTS[r][0]), "text": str(texts.RIGHTS[r][1])} for r in rights.available]
    how = [str(t["response_text"]) % {"period": rights.response_period.words(lang),
                                      "extension": rights.extension_max.words(lang)}]
    how.append(str(t["channels_text"]) % {
        "channels": join([str(texts.CHANNELS[c.value]) for c in rights.channels], lang)})
    if rights.request_address:
        how.append(rights.request_address.get(lang) + ".")
    how.append(str(t["identity_text"]) % {
        "methods": join([str(texts.IDENTITY[m]) for m in rights.identity_verification], lang)})
    if rights.id_copy_redaction:
        how.append(str(t["redaction_text"]) % {"items": join(list(rights.id_copy_redaction), lang)})
    how.append(str(t["others_text"]))
    return {"items": items, "how": how, "response_period": rights.response_period.words(lang)}


def _cookies(policy: Policy, lang: str) -> list[dict[str, str]]:
    t = texts.TEXTS
    return [{
        "name": c.name,
        "kind": str(texts.COOKIE_KINDS[c.kind]),
        "provider": c.provider or policy.organisation.name,
        "purpose": c.purpose.get(lang),
        "retention": c.retention,
        "consent": str(t["consent_needed"] if c.consent_required else t["consent_not_needed"]),
    } for c in policy.cookies]


def statement_context(policy: Policy, lang: str = "nl") -> dict[str, Any]:
    lang = "en" if lang == "en" else "nl"
    t = texts.TEXTS
    org = policy.organisation
    st = policy.statement
    human = [p.label.get(lang) for p in policy.purposes.values() if p.human_decision]
    breaches = policy.breaches
    breach_lines = [
        str(t["breach_text"]) % {"deadline": breaches.authority_deadline.words(lang), "authority": org.authority.name},
        str(t["breach_always"] if breaches.notify_subjects == "always" else t["breach_high_risk"]),
    ]
    if breaches.report_to:
        breach_lines.append(str(t["breach_report"]) % {"to": breaches.report_to})
    recipients = _recipients(policy, lang)
    return {
        "lang": lang,
        "t": t,
        "org": {
            "name": org.name,
            "legal_entity": org.legal_entity,
            "kvk": org.kvk,
            "description": org.description.get(lang) if org.description else "",
            "website": org.website,
            "address": _contact(Contact(address=org.address), t) if org.address else [],
            "services": [s.get(lang) for s in org.services],
        },
        "intro": str(t["intro"]) % {"org": org.name},
        "controller_text": str(t["controller_text"]) % {"org": org.legal_entity or org.name},
        "contact": _contact(org.privacy_contact, t),
        "dpo": _contact(org.dpo, t),
        "authority": {"name": org.authority.name, "url": org.authority.url,
                      "complaint_url": org.authority.complaint_url},
        "complaint_text": str(t["complaint_text"]) % {"authority": org.authority.name},
        "purposes": _purposes(policy, lang),
        "marketing_special": str(t["marketing_special"]) if any(
            p.marketing for p in policy.purposes.values()) and any(
            c.special for c in policy.categories.values()) else "",
        "human_text": str(t["human_text"]) % {"purposes": join(human, lang)} if human else "",
        "retention": _retention(policy, lang),
        "recipients": recipients,
        "has_processors": any(r.kind == "processor" for r in policy.recipients.values()),
        "all_in_eea": all(not r["transfer"] for r in recipients),
        "rights": _rights(policy, lang),
        "security": [s.get(lang) for s in st.security],
        "breaches": breach_lines,
        "backup_text": str(t["backup_text"]) % {"period": policy.backups.retention.words(lang)},
        "cookies": _cookies(policy, lang),
        "notes": [n.get(lang) for n in st.notes],
        "version_text": str(t["version_text"]) % {"version": st.version, "effective": date_words(st.effective, lang)},
        "history": [{"version": h.version, "effective": date_words(h.effective, lang),
                     "summary": h.summary.get(lang) if h.summary else ""} for h in st.history],
        "changes": st.changes.get(lang) if st.changes else "",
    }
