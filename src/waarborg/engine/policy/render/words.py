"""Retention rules in plain words, built from the rule itself (never from its free-text label).

"5 jaar na het einde van de dienstverlening; eenmalig te verlengen met 2 jaar, nooit langer dan 7 jaar"
is what the retention sweep will actually do: the main clause comes from the same compiled form
(`policy.anchors.Plan`) that the clock computes with, so the statement and the sweep cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import pgettext, pgettext_lazy

from waarborg.core.language import in_language
from waarborg.engine.policy.anchors import compile_rule, event_words
from waarborg.engine.policy.schema import Policy, RetentionRule, in_lang

__all__ = ["date_words", "event_words", "join", "join_or", "mid_sentence", "retention_words"]

def _times(n: int) -> str:
    return pgettext("retention rule in words", "eenmalig") if n == 1 else pgettext(
        "retention rule in words", "maximaal %(n)s keer") % {"n": n}


_WHO = {"subject_request": pgettext_lazy("retention rule in words", "op jouw verzoek"),
        "subject_consent": pgettext_lazy("retention rule in words", "met jouw instemming"),
        "staff": pgettext_lazy("retention rule in words", "als wij verwachten dat wij de gegevens nog nodig hebben")}


def retention_words(policy: Policy, rule: RetentionRule, lang: str = "nl") -> str:
    """The whole rule as one sentence, starting with a capital."""
    return in_language(lang, lambda: _retention_words(policy, rule, lang))


def _retention_words(policy: Policy, rule: RetentionRule, lang: str) -> str:
    main = compile_rule(rule).words(policy, lang)
    if rule.ends_early:
        early = join([event_words(policy, anchor.event, lang) for anchor in rule.ends_early], lang)
        main += pgettext("retention rule in words", ", of eerder bij %(events)s") % {"events": early}
    limits = []
    if rule.extension:
        limits.append(pgettext("retention rule in words", "%(times)s te verlengen met %(by)s") % {
            "times": _times(rule.extension.times), "by": rule.extension.by.words(lang)})
    if rule.ceiling:
        limits.append(pgettext("retention rule in words", "nooit langer dan %(ceiling)s") % {
            "ceiling": rule.ceiling.words(lang)})
    text = main + ("; " + ", ".join(limits) if limits else "")
    sentences = [text[:1].upper() + text[1:] + "."]
    if rule.action == "anonymise":
        sentences.append(pgettext("retention rule in words",
                                  "Daarna maken wij de gegevens anoniem: niemand kan dan nog zien over wie ze gaan."))
    else:
        sentences.append(pgettext("retention rule in words", "Daarna wissen wij de gegevens."))
    if rule.extension:
        sentences.append(pgettext("retention rule in words", "Wij verlengen %(who)s.") % {
            "who": _WHO[rule.extension.requires]})
    if rule.ceiling and rule.holds_allowed:
        sentences.append(pgettext("retention rule in words", "Hebben wij de gegevens binnenkort nog nodig? Dan "
                                  "kunnen wij ze langer bewaren, maar nooit langer dan %(ceiling)s.") % {
            "ceiling": rule.ceiling.words(lang)})
    if rule.shorten_on_request:
        sentences.append(pgettext("retention rule in words", "Vraag je erom? Dan wissen wij de gegevens eerder."))
    if rule.restart_on_new_record:
        sentences.append(pgettext("retention rule in words", "Doe je een nieuwe aanvraag? Dan begint de termijn "
                                  "opnieuw."))
    if rule.reason == "legal":
        sentences.append(pgettext("retention rule in words", "Zo staat het in de wet: %(ground)s.") % {
            "ground": in_lang(rule.legal_ground, lang)})
    return " ".join(sentences)


def date_words(day: dt.date, lang: str = "nl") -> str:
    """`3 december 2026` / `3 December 2026`: Django's month names, in `lang`."""
    return in_language(lang, lambda: date_format(day, "j F Y"))


def join(items: list[str], lang: str = "nl") -> str:
    """`a, b en c` / `a, b and c`."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return in_language(lang, lambda: pgettext("retention rule in words", "%(items)s en %(last)s") % {
        "items": ", ".join(items[:-1]), "last": items[-1]})


def join_or(items: list[str], lang: str = "nl") -> str:
    """`a, b of c` / `a, b or c`: one of several (ways to send a request, to prove who you are)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return in_language(lang, lambda: pgettext("list of alternatives", "%(items)s of %(last)s") % {
        "items": ", ".join(items[:-1]), "last": items[-1]})


# Words that keep their capital mid-sentence (names of laws, bodies, places): the first word of a label is
# lowered only when it is an ordinary word.
PROPER = frozenset({
    "Nederland", "Europese", "Autoriteit", "DigiD", "Wmo", "Wlz", "AVG", "UAVG", "Participatiewet", "Archiefwet",
    "Gemeentewet", "Wet", "Besluit", "Selectielijst", "Rijksoverheid", "Google", "Facebook", "Twitter", "LinkedIn", "YouTube", "Microsoft", "Sociale",
    "Verwey-Jonker", "Cryptshare", "Sim",
})


def mid_sentence(label: str) -> str:
    """A label as it reads inside a sentence or list: `Naam en adres` -> `naam en adres`, but `BSN`,
    `DigiD`, `Sim Analytics` and `Werkzaak Rivierenland` keep their capitals (an acronym, a name, or a
    first word followed by another capitalised word)."""
    words = label.split(" ")
    first = words[0] if words else ""
    bare = first.strip(",.;:()")
    if not first[:1].isupper() or bare in PROPER or bare.endswith("wet") or any(ch.isupper() for ch in first[1:]):
        return label
    if len(words) > 1 and words[1][:1].isupper():
        return label
    return first[:1].lower() + label[len(first[:1]):]
