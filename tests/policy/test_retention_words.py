"""Retention rules are written out from the rule itself, whatever shape the rule has."""

from __future__ import annotations

import pytest

from waarborg.engine.policy.loader import load_text
from waarborg.engine.policy.render.words import retention_words
from waarborg.engine.policy.schema import Policy

POLICY = """\
organisation: {id: org, name: Org, privacy_contact: {email: p@example.org}}
statement: {version: "1", effective: 2024-01-01}
categories: {contact: {label: Contact}}
purposes: {service: {label: Dienst, description: Dienst, basis: consent}}
record_types:
  ticket: {purpose: service, label: Vraag, retention: rule, fields: {email: {category: contact},
           ends_on: {category: contact, type: date, label: {nl: Einddatum, en: End date}}}}
calendars:
  seasons: {label: {nl: Einde van een seizoen, en: End of a season}, dates: [2025-06-30]}
roles: {po: {label: PO, privacy_officer: true, grants: {service: [read, write]}}}
events:
  case_closed: {nl: het sluiten van de zaak, en: the closing of the case}
  consent_withdrawn: {nl: je je uitschrijft of je toestemming intrekt, en: you unsubscribe or withdraw your consent}
  contract_ended: {nl: het einde van de overeenkomst, en: the end of the contract}
  no_deal: {nl: het einde van de gesprekken zonder overeenkomst, en: the end of the talks without an agreement}
retention:
  rule:
"""


def _words(rule: str, lang: str = "nl") -> str:
    policy: Policy = load_text(POLICY + "".join(f"    {line}\n" for line in rule.splitlines())).policy
    return retention_words(policy, policy.retention["rule"], lang)


@pytest.mark.parametrize(("rule", "lang", "expected"), [
    ("period: P6W", "nl", "6 weken na ontvangst. Daarna wissen wij de gegevens."),
    ("period: P1Y", "en", "1 year after we receive it. Then we erase the data."),
    ("period: P2Y\nstart: {calendar: seasons}", "nl", "Tot 2 jaar na de eerste datum (einde van een seizoen) na het verzamelen."),
    ("period: P2Y\nstart: {calendar: seasons, occurrence: 3}", "en",
     "Until 2 years after the third date (end of a season) after collection."),
    ("period: P3M\nstart: {event: case_closed, of: record}", "nl", "3 maanden na het sluiten van de zaak."),
    ("period: P4W\nends_early: [{event: no_deal, of: subject}]", "nl",
     "4 weken na ontvangst, of eerder bij het einde van de gesprekken zonder overeenkomst. Daarna wissen wij"),
    ("period: P4W\nends_early: [{event: no_deal}]", "en",
     "4 weeks after we receive it, or sooner on the end of the talks without an agreement. Then we erase"),
    ("until: {event: consent_withdrawn}", "en", "Until you unsubscribe or withdraw your consent."),
    ("until: {event: contract_ended}\nperiod: P1M", "nl", "Tot het einde van de overeenkomst, daarna nog 1 maand."),
    ("period: P2Y\nstart: {earliest: [contract_ended, consent_withdrawn]}", "nl",
     "2 jaar na het einde van de overeenkomst of je je uitschrijft of je toestemming intrekt, wat het eerst komt."),
    ("period: P2Y\nstart: {latest: [{event: case_closed, of: record}, contract_ended]}", "en",
     "2 years after the closing of the case and the end of the contract, whichever comes last."),
    ("period: P1Y\nstart: {field: ends_on}", "nl", "1 jaar na de datum 'einddatum' in het dossier."),
    ("until: {earliest: [contract_ended, {field: ends_on}]}\nperiod: P1M", "en",
     "Until the end of the contract or the date 'end date' in the file, whichever comes first, then 1 month more."),
    ("start: {event: case_closed, of: record}\nuntil: {event: contract_ended}\nperiod: P1Y", "nl",
     "Tot het einde van de overeenkomst, maar niet eerder dan het sluiten van de zaak, daarna nog 1 jaar."),
    ("period: P1Y\nextension: {by: P6M, times: 3, requires: staff}\nceiling: P3Y", "nl",
     "1 jaar na ontvangst; maximaal 3 keer te verlengen met 6 maanden, nooit langer dan 3 jaar. Daarna wissen "
     "wij de gegevens. Wij verlengen als wij verwachten dat wij de gegevens nog nodig hebben."),
    ("period: P1Y\naction: anonymise\nanonymise: {keep: [email]}", "en",
     "1 year after we receive it. Then we make the data anonymous: nobody can see any more who they are about."),
    ("period: P7Y\nreason: legal\nlegal_ground: art. 52 AWR", "nl",
     "7 jaar na ontvangst. Daarna wissen wij de gegevens. Zo staat het in de wet: art. 52 AWR."),
    ("period: P1Y\nshorten_on_request: true", "en",
     "1 year after we receive it. Then we erase the data. If you ask, we erase the data sooner."),
])
def test_rule_in_words(rule: str, lang: str, expected: str) -> None:
    assert _words(rule, lang).startswith(expected)
