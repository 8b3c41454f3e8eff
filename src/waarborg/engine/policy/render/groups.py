"""The statement's sections on groups of data subjects, further processing and criminal data.

Kept apart from `context.py` so the three constructs (docs/policy.md#subject_groups, #further-processing,
#criminal-data) say in one place what enforcement does: a group's purposes are the only ones its members'
records are stored under; a further purpose reads exactly the records named, for the reasons given; criminal
data is sealed and goes only to a recipient with a ground of its own. The wording avoids addressing the reader
("u" or "je"), so it reads right in either form of address.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

from waarborg.engine.policy.render import channels as channel_words
from waarborg.engine.policy.render import texts
from waarborg.engine.policy.render.words import join_or
from waarborg.engine.policy.schema import Policy

TEXTS: dict[str, Any] = {
    "groups": pgettext_lazy("privacy statement", "Over wie wij gegevens hebben"),
    "groups_intro": pgettext_lazy(
        "privacy statement",
        "Wij hebben gegevens van verschillende groepen mensen. Hieronder staat per groep waarvoor wij die "
        "gegevens gebruiken. Ook staat er hoe iemand uit die groep zijn rechten kan gebruiken."),
    "group_purposes": pgettext_lazy("privacy statement", "Voor deze doelen"),
    "group_channels": pgettext_lazy("privacy statement", "Een verzoek doen"),
    # The rights section: a group that uses fewer ways than the organisation offers is told which (its
    # requests through another way are refused: `rights.actions.require_group_channel`).
    "group_channels_text": pgettext_lazy("privacy statement", "%(group)s kunnen alleen %(ways)s."),
    "group_all_channels_text": pgettext_lazy("privacy statement", "%(group)s kunnen %(ways)s."),
    "others_channels_text": pgettext_lazy("privacy statement", "Anderen kunnen %(ways)s."),
    "further": pgettext_lazy("privacy statement", "Gegevens voor een ander doel gebruiken"),
    "further_intro": pgettext_lazy(
        "privacy statement",
        "Soms gebruiken wij gegevens voor een ander doel dan waarvoor wij ze kregen. Dat doen wij alleen in de "
        "gevallen hieronder. En alleen als het nieuwe doel past bij het eerste doel (art. 6 lid 4 AVG). Wij "
        "schrijven op wie deze gegevens bekijkt en voor welk doel."),
    "further_item": pgettext_lazy(
        "privacy statement", "Voor het doel ‘%(purpose)s’ lezen wij ook gegevens die wij kregen voor ‘%(of)s’."),
    "further_law": pgettext_lazy("privacy statement", "Zo staat het in de wet: %(law)s."),
    "further_keep": pgettext_lazy(
        "privacy statement",
        "Voor het doel ‘%(purpose)s’ bewaren wij gegevens die wij kregen voor ‘%(of)s’ nog %(period)s langer "
        "dan hun eigen bewaartermijn."),
    "link": pgettext_lazy("privacy statement", "Verband tussen de doelen"),
    "context": pgettext_lazy("privacy statement", "Hoe wij de gegevens kregen"),
    "nature": pgettext_lazy("privacy statement", "Soort gegevens"),
    "consequences": pgettext_lazy("privacy statement", "Gevolgen voor de mensen om wie het gaat"),
    "safeguards": pgettext_lazy("privacy statement", "Hoe wij de gegevens beschermen"),
    "criminal": pgettext_lazy("privacy statement", "Gegevens over strafbare feiten"),
    "criminal_item": pgettext_lazy(
        "privacy statement",
        "Voor het doel ‘%(purpose)s’ gebruiken wij gegevens over strafbare feiten: %(categories)s. In de wet "
        "heten die strafrechtelijke gegevens (art. 10 AVG). Wij mogen dat vanwege %(ground)s."),
    "criminal_safe": pgettext_lazy(
        "privacy statement",
        "Deze gegevens slaan wij altijd versleuteld op. Wij geven ze alleen aan een ontvanger die ze volgens de "
        "wet zelf mag hebben."),
}

_GROUNDS = ("link", "context", "nature", "consequences", "safeguards")


def subjects_of(policy: Policy, purpose_id: str, lang: str) -> list[str]:
    """The categories of data subjects of a purpose (art. 30(1)(c)): the purpose's own words, then the groups
    whose members may have records of it."""
    named = [s.get(lang) for s in policy.purposes[purpose_id].data_subjects]
    groups = [g.label.get(lang) for g in policy.subject_groups.values() if purpose_id in g.purposes]
    return named + [g for g in groups if g not in named]


def ways(channels: list[str], lang: str, capital: bool = False) -> str:
    """"bellen, een brief sturen of langskomen": the ways to file a request, as what one can do."""
    text = join_or([str(channel_words.CHANNEL_WAYS[c]) for c in channels], lang)
    return text[:1].upper() + text[1:] if capital else text


def contact_line(policy: Policy, channels: list[str], lang: str) -> str:
    """"Bel 0570 61 20 00, schrijf naar Postbus 120, 7400 AC Deventer of kom langs.": where to reach us through
    exactly these channels, from the privacy contact (else the organisation's address)."""
    contact = policy.organisation.privacy_contact
    visit = policy.organisation.address
    post = (contact.address if contact and contact.address else None) or visit

    def place(a: Any) -> str:
        return ", ".join(x for x in (a.street or a.po_box, " ".join(p for p in (a.postcode, a.city) if p)) if x)

    detail = {"phone": contact.phone if contact else "", "email": contact.email if contact else "",
              "post": place(post) if post else "", "in_person": place(visit) if visit and visit.street else ""}
    same = "post" in channels and detail["in_person"] and detail["in_person"] == detail["post"]
    parts = []
    for c in channels:
        if c == "in_person" and same:  # "schrijf naar Brugstraat 8 ... of kom langs op dat adres"
            parts.append(str(texts.TEXTS["visit_same"]))
            continue
        if c not in channel_words.CHANNEL_REACH:
            continue
        with_detail, without = channel_words.CHANNEL_REACH[c]
        parts.append(str(with_detail) % {"to": detail[c]} if detail.get(c) else str(without))
    if not parts:
        return ""
    text = join_or(parts, lang)
    return text[:1].upper() + text[1:] + "."


def group_ways(policy: Policy, group: str, lang: str) -> str:
    """"Cliënten kunnen alleen bellen, een brief sturen of langskomen. Bel 0570 61 20 00, schrijf naar ...": the
    ways `group` files a request and where, in the active language (the statement, and the answer to a request
    that came another way)."""
    spec = policy.subject_groups[group]
    channels = [str(c) for c in spec.channels]
    return " ".join(filter(None, (str(TEXTS["group_channels_text"]) % {
        "group": spec.label.get(lang), "ways": ways(channels, lang)}, contact_line(policy, channels, lang))))


def restricting_groups(policy: Policy) -> list[str]:
    """The groups whose own rights channels differ from the organisation's (in the policy's order)."""
    everyone = {str(c) for c in policy.rights.channels}
    return [gid for gid, spec in policy.subject_groups.items()
            if spec.channels and {str(c) for c in spec.channels} != everyone]


def group_channel_lines(policy: Policy, lang: str) -> list[str]:
    """For the rights section, where a group is held to fewer ways: each group with its ways and where to reach
    us through them; then, if some purpose has no group, everyone else with the organisation's ways."""
    if not restricting_groups(policy):
        return []
    lines = []
    for gid, spec in policy.subject_groups.items():
        if spec.channels:
            lines.append(group_ways(policy, gid, lang))
        else:
            channels = [str(c) for c in policy.rights.channels]
            lines.append(" ".join(filter(None, (str(TEXTS["group_all_channels_text"]) % {
                "group": spec.label.get(lang), "ways": ways(channels, lang)}, contact_line(policy, channels, lang)))))
    grouped = {p for spec in policy.subject_groups.values() for p in spec.purposes}
    if any(pid not in grouped for pid in policy.purposes):
        channels = [str(c) for c in policy.rights.channels]
        lines.append(" ".join(filter(None, (str(TEXTS["others_channels_text"]) % {"ways": ways(channels, lang)},
                                            contact_line(policy, channels, lang)))))
    return lines


def _group_reach(policy: Policy, channels: list[str], lang: str) -> str:
    """A group's ways with where to use them; the contact line alone where it names every way."""
    line = contact_line(policy, channels, lang)
    if all(c in channel_words.CHANNEL_REACH for c in channels):
        return line
    return " ".join(filter(None, (ways(channels, lang, capital=True) + ".", line)))


def group_context(policy: Policy, lang: str) -> dict[str, Any]:
    """The statement's group, further-processing and criminal-data sections (empty where the policy has none)."""
    label = {pid: p.label.get(lang) for pid, p in policy.purposes.items()}
    groups = [{
        "id": gid,
        "label": group.label.get(lang),
        "description": group.description.get(lang) if group.description else "",
        "purposes": "; ".join(label[p] for p in group.purposes if p in label),
        "channels": _group_reach(policy, [str(c) for c in group.channels], lang) if group.channels else "",
        "statement": group.statement.get(lang) if group.statement else "",
    } for gid, group in policy.subject_groups.items()]
    further = []
    for pid, purpose in policy.purposes.items():
        for spec in purpose.further_processing:
            grounds = spec.compatibility
            names = {"purpose": label[pid], "of": label.get(spec.of, spec.of)}
            further.append({
                "text": " ".join(filter(None, (
                    str(TEXTS["further_item"]) % names if "read" in spec.access else "",
                    str(TEXTS["further_keep"]) % {**names, "period": spec.keep_for.words(lang)}
                    if "keep" in spec.access and spec.keep_for is not None else ""))),
                "law": str(TEXTS["further_law"]) % {"law": spec.law} if spec.law else "",
                "grounds": [{"name": str(TEXTS[g]), "text": getattr(grounds, g).get(lang)} for g in _GROUNDS]
                if grounds else [],
            })
    criminal = []
    for pid, purpose in policy.purposes.items():
        cats = [policy.categories[spec.category].label.get(lang)
                for rt in policy.record_types.values() if rt.purpose == pid for spec in rt.fields.values()
                if spec.category in policy.categories and policy.categories[spec.category].criminal]
        if cats:
            criminal.append(str(TEXTS["criminal_item"]) % {
                "purpose": label[pid], "categories": "; ".join(dict.fromkeys(cats)),
                "ground": purpose.art10_ground})
    return {"g": TEXTS, "subject_groups": groups, "further": further, "criminal": criminal}
