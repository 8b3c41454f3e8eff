"""Retention rules in plain words, built from the rule itself (never from its free-text label).

"5 jaar na het einde van de dienstverlening; eenmalig te verlengen met 2 jaar, nooit langer dan 7 jaar"
is what the retention sweep will actually do: the main clause comes from the same compiled form
(`policy.anchors.Plan`) that the clock computes with, so the statement and the sweep cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from waarborg.engine.policy.anchors import compile_rule, event_words
from waarborg.engine.policy.schema import Policy, RetentionRule

__all__ = ["date_words", "event_words", "join", "retention_words"]

_MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]


def _times(n: int, lang: str) -> str:
    if lang == "nl":
        return "eenmalig" if n == 1 else f"maximaal {n} keer"
    return "once" if n == 1 else f"up to {n} times"


def retention_words(policy: Policy, rule: RetentionRule, lang: str = "nl") -> str:
    """The whole rule as one sentence, starting with a capital."""
    nl = lang != "en"
    main = compile_rule(rule).words(policy, lang)
    if rule.ends_early:
        early = join([event_words(policy, anchor.event, lang) for anchor in rule.ends_early], lang)
        main += f", of eerder bij {early}" if nl else f", or sooner on {early}"
    limits = []
    if rule.extension:
        limits.append(f"{_times(rule.extension.times, lang)} te verlengen met {rule.extension.by.words(lang)}" if nl
                      else f"can be extended {_times(rule.extension.times, lang)} by {rule.extension.by.words(lang)}")
    if rule.ceiling:
        limits.append(f"nooit langer dan {rule.ceiling.words(lang)}" if nl
                      else f"never longer than {rule.ceiling.words(lang)}")
    text = main + ("; " + ", ".join(limits) if limits else "")
    sentences = [text[:1].upper() + text[1:] + "."]
    if rule.action == "anonymise":
        sentences.append("Daarna bewaren wij alleen nog anonieme gegevens." if nl
                         else "After that we keep only anonymous data.")
    else:
        sentences.append("Daarna verwijderen wij de gegevens." if nl else "After that we delete the data.")
    if rule.extension:
        who = {"subject_request": ("op jouw verzoek", "at your request"),
               "subject_consent": ("met jouw instemming", "with your agreement"),
               "staff": ("als wij de gegevens nog nodig verwachten", "if we expect to still need the data")}
        words = who[rule.extension.requires][0 if nl else 1]
        sentences.append(f"Verlengen gebeurt {words}." if nl else f"The extension is made {words}.")
    if rule.ceiling and rule.holds_allowed:
        sentences.append(f"Verwachten wij de gegevens binnenkort nog nodig te hebben, dan kunnen wij ze langer "
                         f"bewaren, maar nooit langer dan {rule.ceiling.words(lang)}." if nl else
                         f"If we expect to need the data soon, we may keep it longer, but never longer than "
                         f"{rule.ceiling.words(lang)}.")
    if rule.shorten_on_request:
        sentences.append("Op jouw verzoek verkorten wij de termijn; de gegevens worden dan vernietigd." if nl
                         else "At your request we shorten the period; the data is then destroyed.")
    if rule.restart_on_new_record:
        sentences.append("Een nieuwe aanvraag laat de termijn opnieuw beginnen." if nl
                         else "A new application restarts the period.")
    if rule.reason == "legal":
        sentences.append(f"Dit is een wettelijke termijn: {rule.legal_ground}." if nl
                         else f"This is a legal period: {rule.legal_ground}.")
    return " ".join(sentences)


def date_words(day: dt.date, lang: str = "nl") -> str:
    months = _MONTHS_EN if lang == "en" else _MONTHS_NL
    return f"{day.day} {months[day.month - 1]} {day.year}"


def join(items: list[str], lang: str = "nl") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang != "en" else " and ") + items[-1]
