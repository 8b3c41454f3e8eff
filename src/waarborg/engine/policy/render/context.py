"""The privacy statement as plain data: every sentence already in the reader's language.

The templates (HTML and Markdown) only lay this out, so both formats say exactly the same thing and
everything AVG art. 13/14 requires is assembled in one place, from the policy alone. The fixed words come from
`texts` through gettext, in the active language; `lang` picks the policy's own texts (`Text.get`), so callers
run this under `translation.override(lang)` (`render_statement`, `register_entries` do).
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext

from waarborg.engine.policy.render import channels as channel_words
from waarborg.engine.policy.render import register_words, texts
from waarborg.engine.policy.render.address import addressing, say
from waarborg.engine.policy.render.groups import contact_line, group_channel_lines, subjects_of
from waarborg.engine.policy.render.words import date_words, join, join_or, mid_sentence, retention_words
from waarborg.engine.policy.schema import Contact, Policy, Purpose, in_lang


def _contact(contact: Contact | None, t: dict[str, Any], lang: str) -> list[str]:
    if contact is None:
        return []
    lines = [in_lang(contact.name, lang)] if contact.name else []
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
    """The legal basis in plain words (the answer to "Waarom wij dit mogen"), with the law, contract or interest
    it rests on."""
    words = say(texts.BASIS[purpose.basis.value])
    named = basis_named(purpose, lang)
    if not named:
        return words
    return f"{words}. {say(texts.BASIS_DETAIL[purpose.basis.value])}: {mid_sentence(named).rstrip('.')}."


_ARTICLE_6 = {"consent": "a", "contract": "b", "legal_obligation": "c", "vital_interest": "d", "public_task": "e",
              "legitimate_interest": "f"}


def register_basis_words(purpose: Purpose, lang: str) -> str:
    """The legal basis by its legal name, for the register: `wettelijke verplichting (art. 6 lid 1 sub c AVG): ...`."""
    words = f"{register_words.REGISTER_BASES[purpose.basis.value]} (art. 6 lid 1 sub {_ARTICLE_6[purpose.basis.value]} AVG)"
    named = basis_named(purpose, lang)
    return f"{words}: {mid_sentence(named)}" if named else words


def basis_named(purpose: Purpose, lang: str) -> str:
    """The law, contract or interest a basis rests on, as the policy names it ("" where it names none)."""
    detail = purpose.basis_detail
    return {
        "contract": in_lang(detail.contract, lang),
        "legal_obligation": in_lang(detail.law, lang),
        "public_task": in_lang(detail.law, lang),
        "legitimate_interest": detail.interest.get(lang) if detail.interest else "",
        "vital_interest": detail.vital.get(lang) if detail.vital else "",
    }.get(purpose.basis.value, "")


def art9_words(purpose: Purpose, lang: str, lead: str = "special_text") -> str:
    """The art. 9 condition as a sentence: in the statement after the "Gevoelige gegevens" label, in the register
    (`lead="special_register"`) on its own."""
    if purpose.art9_condition is None:
        return ""
    words, letter = texts.ART9[purpose.art9_condition.value]
    article = gettext("art. 9 lid 2 sub %(letter)s AVG") % {"letter": letter}
    ground = f"; {in_lang(purpose.art9_ground, lang)}" if purpose.art9_ground else ""
    return say(texts.TEXTS[lead]) % {"cond": f"{say(words)} ({article}{ground})."}


def categories_of(policy: Policy, purpose_id: str) -> list[str]:
    """Category ids a purpose processes, in the policy's order. A purpose without record types of its own
    (aggregate research, statistics) uses the fields marked `policy_use` elsewhere."""
    used = {spec.category for rt in policy.record_types.values() if rt.purpose == purpose_id
            for spec in rt.fields.values()}
    if not used and policy.purposes[purpose_id].statistics:
        used = {spec.category for rt in policy.record_types.values() for spec in rt.fields.values() if spec.policy_use}
    return [c for c in policy.categories if c in used]


_ENUMERATED = re.compile(r"^(?P<base>.+?) \((?P<items>[^()]*,[^()]*)\)$")


def _field_names(policy: Policy, category_id: str, purpose_id: str | None, lang: str) -> list[str] | None:
    """What the purpose's own fields of this category are, in words; None where one cannot be named."""
    if purpose_id is None:
        return None
    names: list[str] = []
    for rt in policy.record_types.values():
        if rt.purpose != purpose_id:
            continue
        for spec in rt.fields.values():
            if spec.category != category_id:
                continue
            name = spec.label.get(lang) if spec.label else (
                say(texts.FIELD_TYPES[spec.type.value]) if spec.type.value in texts.FIELD_TYPES else "")
            if not name:
                return None
            if mid_sentence(name) not in names:
                names.append(mid_sentence(name))
    return names or None


def category_words(policy: Policy, category_id: str, lang: str, purpose_id: str | None = None) -> str:
    """A category as a list item, lower case mid-sentence. A label that enumerates its contents
    ("Contactgegevens (adres, e-mail, telefoon)") names only what the purpose's fields hold."""
    t = texts.TEXTS
    category = policy.categories[category_id]
    marks = [say(t["special_mark"])] if category.special else []
    marks += [say(t["bsn_mark"])] if category.national_id and "BSN" not in category.label.get(lang) else []
    marks += [say(t["criminal_mark"])] if category.criminal else []
    marks += [say(t["public_mark"])] if category.public else []
    label = mid_sentence(category.label.get(lang))
    enumerated = _ENUMERATED.match(label)
    listing = enumerated is not None or ", " in label  # "Naam, geslacht en geboortedatum"
    names = _field_names(policy, category_id, purpose_id, lang) if listing else None
    if names and enumerated:
        label = f"{enumerated['base']} ({join(names, lang)})"
    elif names:
        label = join(names, lang)
    return f"{label} ({', '.join(marks)})" if marks else label


def _purposes(policy: Policy, lang: str) -> list[dict[str, Any]]:
    t = texts.TEXTS
    out = []
    for pid, purpose in policy.purposes.items():
        cats = categories_of(policy, pid)
        notes = []
        if purpose.minors_need_parent:
            # Only where someone checks that a parent signed may the statement say so (S2-08); a website
            # cannot check a visitor's age, and says that instead (S1-15).
            checked = purpose.consent_check is not None and "parent" in purpose.consent_check.signatories
            notes.append(say(t["minors_checked" if checked else "minors_unchecked"]) % {"age": purpose.minor_age})
        if purpose.statistics:
            notes.append(say(t["statistics_never_shared"]))
        out.append({
            "id": pid,
            "label": purpose.label.get(lang),
            "description": purpose.description.get(lang),
            "basis": basis_words(purpose, lang),
            "art9": art9_words(purpose, lang),
            "categories": [category_words(policy, c, lang, pid) for c in cats] or [say(t["no_categories"])],
            "special": any(policy.categories[c].special for c in cats),
            "data_subjects": join([mid_sentence(s) for s in subjects_of(policy, pid, lang)], lang),
            "sources": join([say(texts.SOURCES[s.value]) for s in purpose.sources], lang),
            # more than two: a list under the label, not a long sentence (B1)
            "sources_list": [say(texts.SOURCES[s.value]) for s in purpose.sources] if len(purpose.sources) > 2 else [],
            "requirement": purpose.requirement.get(lang) if purpose.requirement else (
                say(t["not_required"]) if purpose.basis.value == "consent" else ""),
            "profiling": purpose.profiling,
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
            "purpose": mid_sentence(purpose.label.get(lang)),
            "words": say(retention_words(policy, rule, lang)),
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
            "kind": say(texts.RECIPIENT_KINDS[recipient.kind]),
            "description": recipient.description.get(lang) if recipient.description else "",
            "purposes": join([mid_sentence(policy.purposes[p].label.get(lang)) for p in recipient.purposes], lang),
            "purposes_list": [mid_sentence(policy.purposes[p].label.get(lang)) for p in recipient.purposes]
            if len(recipient.purposes) > 2 else [],
            "categories": [category_words(policy, c, lang) for c in recipient.categories],
            "reasons": join_or([say(texts.REASONS[r.value]) for r in recipient.reasons], lang),
            "reasons_list": [say(texts.REASONS[r.value]) for r in recipient.reasons] if len(recipient.reasons) > 2 else [],
            "agreement": say(texts.AGREEMENT_KINDS[agreement.kind]) % {"reference": agreement.reference}
            if agreement else "",
            "transfer": say(t["outside_eea"]) % {"country": recipient.country,
                                                 "safeguards": mid_sentence(in_lang(recipient.safeguards, lang))}
            if recipient.country not in EEA else "",
        })
    return out


EEA = {  # the European Economic Area: transfers elsewhere need art. 46 safeguards
    "NL", "BE", "LU", "DE", "FR", "IT", "ES", "PT", "AT", "IE", "DK", "SE", "FI", "PL", "CZ", "SK", "SI", "HU",
    "HR", "RO", "BG", "GR", "CY", "MT", "EE", "LV", "LT", "IS", "NO", "LI",
}


def _objection_why(purposes: list[Purpose]) -> str:
    """The text naming the bases (public task, legitimate interest) the objectable purposes actually have."""
    bases = {p.basis.value for p in purposes}
    return "objection_both" if len(bases) > 1 else f"objection_{bases.pop()}"


def _rights(policy: Policy, lang: str) -> dict[str, Any]:
    """The rights and how to use them, following the channels the organisation declares: no portal sentence
    for an organisation without a portal, one way to prove who you are ("or"), the objection of art. 21
    stated on its own where a purpose rests on a public task or a legitimate interest."""
    t = texts.TEXTS
    rights = policy.rights
    items = [{"name": say(texts.RIGHTS[r][0]), "text": say(texts.RIGHTS[r][1])} for r in rights.available]
    how = [say(t["response_text"]) % {"period": rights.response_period.words(lang),
                                      "extension": rights.extension_max.words(lang)}]
    by_group = group_channel_lines(policy, lang)  # a group with fewer ways is held to them
    if by_group:
        # The organisation's own line names every way; a group held to fewer is told only its own (and where).
        how.append(say(t["channels_by_group"]))
        how.extend(by_group)
    else:
        channels = [c.value for c in rights.channels]
        how.append(say(t["channels_text"]) % {"ways": join_or([say(channel_words.CHANNEL_WAYS[c]) for c in channels], lang)})
        if rights.request_address:
            how.append(rights.request_address.get(lang).rstrip(".") + ".")
        elif contact := contact_line(policy, channels, lang):
            how.append(contact)
    methods = [m for m in rights.identity_verification if m != "portal_login" or "portal" in rights.channels]
    if methods:
        how.append(say(t["identity_text"]) % {"methods": join_or([say(texts.IDENTITY[m]) for m in methods], lang)})
    if rights.id_copy_redaction and "id_copy" in methods:
        how.append(say(t["redaction_text"]) % {
            "items": join([mid_sentence(in_lang(i, lang)) for i in rights.id_copy_redaction], lang)})
    how.append(say(t["others_text"]))
    objectable = [p for p in policy.purposes.values() if p.basis.value in ("public_task", "legitimate_interest")]
    objection = {"intro": say(t["objection_intro"]), "purposes": [p.label.get(lang) for p in objectable],
                 "text": " ".join((say(t[_objection_why(objectable)]), say(t["objection_text"]))),
                 "marketing": say(t["objection_marketing"]) if any(p.marketing for p in policy.purposes.values())
                 else ""} if objectable else None
    return {"items": items, "how": how, "response_period": rights.response_period.words(lang),
            "objection": objection}


def _cookies(policy: Policy, lang: str) -> list[dict[str, str]]:
    t = texts.TEXTS
    return [{
        "name": c.name,
        "kind": say(texts.COOKIE_KINDS[c.kind]),
        "provider": c.provider if c.provider and c.provider != policy.organisation.name else say(t["cookie_us"]),
        "purpose": c.purpose.get(lang),
        "retention": in_lang(c.retention, lang),
        "consent": say(t["consent_needed"] if c.consent_required else t["consent_not_needed"]),
    } for c in policy.cookies]


def statement_context(policy: Policy, lang: str = "nl") -> dict[str, Any]:
    with addressing(policy.statement.address):
        return _statement_context(policy, "en" if lang == "en" else "nl")


def _statement_context(policy: Policy, lang: str) -> dict[str, Any]:
    t = {key: say(text) for key, text in texts.TEXTS.items()}
    org = policy.organisation
    st = policy.statement
    human = [mid_sentence(p.label.get(lang)) for p in policy.purposes.values() if p.human_decision]
    profiling = [mid_sentence(p.label.get(lang)) for p in policy.purposes.values() if p.profiling]
    breaches = policy.breaches
    breach_lines = [
        t["breach_what"],
        t["breach_text"] % {"deadline": breaches.authority_deadline.words(lang), "authority": org.authority.name},
        t["breach_always"] if breaches.notify_subjects == "always" else t["breach_high_risk"],
    ]
    if breaches.report_to:
        breach_lines.append(t["breach_report"] % {"to": breaches.report_to})
    recipients = _recipients(policy, lang)
    purposes = _purposes(policy, lang)
    return {
        "lang": lang,
        "t": t,
        "org": {
            "name": org.name,
            "legal_entity": org.legal_entity,
            "kvk": org.kvk,
            "description": org.description.get(lang) if org.description else "",
            "website": org.website,
            "address": _contact(Contact(address=org.address), t, lang) if org.address else [],
            "services": [s.get(lang) for s in org.services],
        },
        "intro": t["intro"] % {"org": org.name},
        "commitments": [c.get(lang) for c in st.commitments],
        "controller_text": t["controller_text"] % {"org": org.legal_entity or org.name},
        "contact": _contact(org.privacy_contact, t, lang),
        "dpo": _contact(org.dpo, t, lang),
        "authority": {"name": org.authority.name, "url": org.authority.url,
                      "complaint_url": org.authority.complaint_url},
        "complaint_text": t["complaint_text"] % {"authority": org.authority.name},
        "purposes": purposes,
        "special_intro": t["special_intro"] if any(p["special"] for p in purposes) else "",
        "marketing_special": t["marketing_special"] if any(
            p.marketing for p in policy.purposes.values()) and any(
            c.special for c in policy.categories.values()) else "",
        "human_text": t["human_text"] % {"purposes": join(human, lang)} if human else "",
        # Profiling is said per purpose; "no profiling" only where no purpose profiles.
        "profiling_text": t["profiling_text"] % {"purposes": join(profiling, lang)} if profiling else t["no_profiling"],
        "retention": _retention(policy, lang),
        "recipients": recipients,
        "has_processors": any(r.kind == "processor" for r in policy.recipients.values()),
        "all_in_eea": all(not r["transfer"] for r in recipients),
        "rights": _rights(policy, lang),
        "security": [s.get(lang) for s in st.security],
        "breaches": breach_lines,
        "backup_text": t["backup_text"] % {"period": policy.backups.retention.words(lang)},
        "cookies": _cookies(policy, lang),
        "notes": [n.get(lang) for n in st.notes],
        "version_text": t["version_text"] % {"version": st.version, "effective": date_words(st.effective, lang)},
        "history": [{"version": h.version, "effective": date_words(h.effective, lang),
                     "summary": h.summary.get(lang) if h.summary else ""} for h in st.history],
        "changes": st.changes.get(lang) if st.changes else "",
    }
