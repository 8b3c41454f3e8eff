"""The privacy statement as plain data: every sentence already in the reader's language.

The templates (HTML and Markdown) only lay this out, so both formats say exactly the same thing and
everything AVG art. 13/14 requires is assembled in one place, from the policy alone.
"""

from __future__ import annotations

from typing import Any

from waarborg.engine.policy.render import texts
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
    words = texts.BASIS[lang][purpose.basis.value]
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
    words, letter = texts.ART9[lang][purpose.art9_condition.value]
    article = f"art. 9 lid 2 sub {letter} AVG" if lang == "nl" else f"GDPR art. 9(2)({letter})"
    ground = f"; {purpose.art9_ground}" if purpose.art9_ground else ""
    return texts.TEXTS[lang]["special_text"].format(cond=f"{words} ({article}{ground}).")


def categories_of(policy: Policy, purpose_id: str) -> list[str]:
    """Category ids a purpose processes, in the policy's order. A purpose without record types of its own
    (aggregate research, statistics) uses the fields marked `policy_use` elsewhere."""
    used = {spec.category for rt in policy.record_types.values() if rt.purpose == purpose_id
            for spec in rt.fields.values()}
    if not used and policy.purposes[purpose_id].statistics:
        used = {spec.category for rt in policy.record_types.values() for spec in rt.fields.values() if spec.policy_use}
    return [c for c in policy.categories if c in used]


def category_words(policy: Policy, category_id: str, lang: str) -> str:
    t = texts.TEXTS[lang]
    category = policy.categories[category_id]
    marks = [t["special_mark"]] if category.special else []
    marks += [t["bsn_mark"]] if category.national_id and "BSN" not in category.label.get(lang) else []
    marks += [t["criminal_mark"]] if category.criminal else []
    marks += [t["public_mark"]] if category.public else []
    label = category.label.get(lang)
    return f"{label} ({', '.join(marks)})" if marks else label


def _purposes(policy: Policy, lang: str) -> list[dict[str, Any]]:
    t = texts.TEXTS[lang]
    out = []
    for pid, purpose in policy.purposes.items():
        cats = categories_of(policy, pid)
        notes = []
        if purpose.minors_need_parent:
            notes.append(t["minors"].format(age=purpose.minor_age))
        if purpose.statistics:
            notes.append(t["statistics_never_shared"])
        out.append({
            "id": pid,
            "label": purpose.label.get(lang),
            "description": purpose.description.get(lang),
            "basis": basis_words(purpose, lang),
            "art9": art9_words(purpose, lang),
            "categories": [category_words(policy, c, lang) for c in cats] or [t["no_categories"]],
            "special": any(policy.categories[c].special for c in cats),
            "data_subjects": [s.get(lang) for s in purpose.data_subjects],
            "sources": join([texts.SOURCES[lang][s.value] for s in purpose.sources], lang),
            "requirement": purpose.requirement.get(lang) if purpose.requirement else (
                t["not_required"] if purpose.basis.value == "consent" else ""),
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
    t = texts.TEXTS[lang]
    out = []
    for recipient in policy.recipients.values():
        agreement = recipient.agreement
        out.append({
            "label": recipient.label.get(lang),
            "kind": texts.RECIPIENT_KINDS[lang][recipient.kind],
            "description": recipient.description.get(lang) if recipient.description else "",
            "purposes": join([policy.purposes[p].label.get(lang) for p in recipient.purposes], lang),
            "categories": join([category_words(policy, c, lang) for c in recipient.categories], lang),
            "reasons": join([texts.REASONS[lang][r.value] for r in recipient.reasons], lang),
            "agreement": t["agreement_text"].format(kind=texts.AGREEMENT_KINDS[lang][agreement.kind],
                                                    reference=agreement.reference) if agreement else "",
            "transfer": t["outside_eea"].format(country=recipient.country, safeguards=recipient.safeguards)
            if recipient.country not in EEA else "",
        })
    return out


EEA = {  # the European Economic Area: transfers elsewhere need art. 46 safeguards
    "NL", "BE", "LU", "DE", "FR", "IT", "ES", "PT", "AT", "IE", "DK", "SE", "FI", "PL", "CZ", "SK", "SI", "HU",
    "HR", "RO", "BG", "GR", "CY", "MT", "EE", "LV", "LT", "IS", "NO", "LI",
}


def _rights(policy: Policy, lang: str) -> dict[str, Any]:
    t = texts.TEXTS[lang]
    rights = policy.rights
    items = [{"name": texts.RIGHTS[lang][r][0], "text": texts.RIGHTS[lang][r][1]} for r in rights.available]
    how = [t["response_text"].format(period=rights.response_period.words(lang),
                                     extension=rights.extension_max.words(lang))]
    how.append(t["channels_text"].format(channels=join([texts.CHANNELS[lang][c.value] for c in rights.channels], lang)))
    if rights.request_address:
        how.append(rights.request_address.get(lang) + ".")
    how.append(t["identity_text"].format(methods=join([texts.IDENTITY[lang][m] for m in rights.identity_verification],
                                                      lang)))
    if rights.id_copy_redaction:
        how.append(t["redaction_text"].format(items=join(list(rights.id_copy_redaction), lang)))
    how.append(t["others_text"])
    return {"items": items, "how": how, "response_period": rights.response_period.words(lang)}


def _cookies(policy: Policy, lang: str) -> list[dict[str, str]]:
    t = texts.TEXTS[lang]
    return [{
        "name": c.name,
        "kind": texts.COOKIE_KINDS[lang][c.kind],
        "provider": c.provider or policy.organisation.name,
        "purpose": c.purpose.get(lang),
        "retention": c.retention,
        "consent": t["consent_needed"] if c.consent_required else t["consent_not_needed"],
    } for c in policy.cookies]


def statement_context(policy: Policy, lang: str = "nl") -> dict[str, Any]:
    lang = "en" if lang == "en" else "nl"
    t = texts.TEXTS[lang]
    org = policy.organisation
    st = policy.statement
    human = [p.label.get(lang) for p in policy.purposes.values() if p.human_decision]
    breaches = policy.breaches
    breach_lines = [
        t["breach_text"].format(deadline=breaches.authority_deadline.words(lang), authority=org.authority.name),
        t["breach_always"] if breaches.notify_subjects == "always" else t["breach_high_risk"],
    ]
    if breaches.report_to:
        breach_lines.append(t["breach_report"].format(to=breaches.report_to))
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
        "intro": t["intro"].format(org=org.name),
        "controller_text": t["controller_text"].format(org=org.legal_entity or org.name),
        "contact": _contact(org.privacy_contact, t),
        "dpo": _contact(org.dpo, t),
        "authority": {"name": org.authority.name, "url": org.authority.url,
                      "complaint_url": org.authority.complaint_url},
        "complaint_text": t["complaint_text"].format(authority=org.authority.name),
        "purposes": _purposes(policy, lang),
        "marketing_special": t["marketing_special"] if any(
            p.marketing for p in policy.purposes.values()) and any(
            c.special for c in policy.categories.values()) else "",
        "human_text": t["human_text"].format(purposes=join(human, lang)) if human else "",
        "retention": _retention(policy, lang),
        "recipients": recipients,
        "has_processors": any(r.kind == "processor" for r in policy.recipients.values()),
        "all_in_eea": all(not r["transfer"] for r in recipients),
        "rights": _rights(policy, lang),
        "security": [s.get(lang) for s in st.security],
        "breaches": breach_lines,
        "backup_text": t["backup_text"].format(period=policy.backups.retention.words(lang)),
        "cookies": _cookies(policy, lang),
        "notes": [n.get(lang) for n in st.notes],
        "version_text": t["version_text"].format(version=st.version, effective=date_words(st.effective, lang)),
        "history": [{"version": h.version, "effective": date_words(h.effective, lang),
                     "summary": h.summary.get(lang) if h.summary else ""} for h in st.history],
        "changes": st.changes.get(lang) if st.changes else "",
    }
