"""One language rule for every page (docs/i18n.md), through the front door: the browser's Accept-Language
picks Dutch or English, `?lang=` (the pages' own switch) wins over it, and only the policy's languages count.
Each page is asked in both languages, with the shipped example policy that has it; the answer must carry the
language in `<html lang>` and `Content-Language`, and a sentence of the page in that language (and not the
other's)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import EXAMPLES, activate_example

# (policy, path, status, Dutch sentence, English sentence)
PAGES = [
    ("ikzorginassen", "/", 200, "Hoe wij met uw persoonsgegevens omgaan.", "How we handle your personal data."),
    ("ikzorginassen", "/privacy/", 200, "Hoe lang bewaren wij je gegevens?", "How long do we keep your data?"),
    ("ikzorginassen", "/privacy/versions/", 200, "Privacyverklaring: versies", "Privacy statement: versions"),
    ("kwartier", "/cookies/", 200, "Vraagt uw toestemming", "Needs your consent"),
    ("ikzorginassen", "/tip/", 200, "Stuur ons een tip", "Send us a tip"),
    ("socialekaart", "/sociale-kaart/", 200, "Geen organisaties gevonden.", "No organisations found."),
    ("werkzaak", "/beveiligde-mail/", 200, "Stap 1 van 2: vraag een toegangscode aan",
     "Step 1 of 2: ask for an access code"),
    ("ikzorginassen", "/afmelden/not-a-token", 404, "Deze link is niet geldig.", "This link is not valid."),
    ("ikzorginassen", "/portaal/inloggen", 200, "Wachtwoord vergeten?", "Forgot your password?"),
    ("ikzorginassen", "/portaal/contact", 200, "Zo dient u een privacyverzoek in", "How to make a privacy request"),
    ("ikzorginassen", "/backoffice/inloggen", 200, "Inloggen medewerkers", "Staff log in"),
]


def _page(path: str, **headers: str) -> tuple[int, str, str]:
    answer = Client(**headers).get(path)
    return answer.status_code, answer.get("Content-Language", ""), answer.content.decode()


@pytest.mark.parametrize(("policy", "path", "status", "dutch", "english"), PAGES,
                         ids=[f"{p[0]}{p[1]}" for p in PAGES])
def test_each_page_answers_in_the_browsers_language(db: Any, policy: str, path: str, status: int, dutch: str,
                                                     english: str) -> None:
    # given the example policy that has the page
    activate_example(policy)
    for accept, lang, shown, other in (("en-GB,en;q=0.9", "en", english, dutch),
                                       ("nl-NL,nl;q=0.9", "nl", dutch, english)):
        # when a browser asks for it in that language
        code, content_language, page = _page(path, HTTP_ACCEPT_LANGUAGE=accept)
        # then the whole page is in that language
        assert code == status, (path, accept)
        assert f'<html lang="{lang}"' in page and content_language == lang, (path, accept)
        assert shown in page and other not in page, (path, accept)


def test_a_page_switch_on_the_url_wins_over_the_browser(db: Any) -> None:
    activate_example("socialekaart")
    # the sociale kaart ignored the browser before; now both rules hold there as everywhere
    assert "Social map" in _page("/sociale-kaart/", HTTP_ACCEPT_LANGUAGE="en")[2]
    status, language, page = _page("/sociale-kaart/?lang=nl", HTTP_ACCEPT_LANGUAGE="en")
    assert status == 200 and language == "nl" and "<h1>Sociale kaart</h1>" in page and "Social map" not in page
    # and the language chosen with the switch is carried by the page's own links
    assert '<a href="?lang=nl">Alle</a>' in page and 'href="/privacy/?lang=nl"' in page


def test_the_first_language_the_platform_speaks_is_chosen_and_dutch_is_the_default(db: Any) -> None:
    activate_example("ikzorginassen")
    assert _page("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.8")[1] == "en"
    assert _page("/", HTTP_ACCEPT_LANGUAGE="fr,de")[1] == "nl"
    assert _page("/")[1] == "nl"
    assert _page("/?lang=xx", HTTP_ACCEPT_LANGUAGE="en")[1] == "en"  # an unknown switch value is ignored


def test_the_portal_offers_a_switch_to_the_other_language(db: Any) -> None:
    activate_example("ikzorginassen")
    dutch = _page("/portaal/inloggen")[2]
    english = _page("/portaal/inloggen?lang=en")[2]
    # the switch keeps the page (and its other query parameters) and names each language once, in itself
    assert '<a href="/portaal/inloggen?lang=en" hreflang="en" lang="en">English</a>' in dutch
    assert '<a href="/portaal/inloggen?lang=nl" hreflang="nl" lang="nl">Nederlands</a>' in english
    assert dutch.count(">English<") == 1 and "NL / EN" not in dutch


def test_a_policy_that_speaks_only_dutch_answers_every_page_in_dutch(db: Any) -> None:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    # given the ikzorginassen policy, saying it speaks Dutch only
    source = (EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8")
    activate(load_text("languages: [nl]\n" + source, "ikzorginassen-nl.yaml"))
    for path in ("/", "/privacy/", "/tip/", "/portaal/inloggen", "/backoffice/inloggen"):
        # when an English browser asks, even with the switch on the URL
        for headers, query in (({"HTTP_ACCEPT_LANGUAGE": "en"}, ""), ({}, "?lang=en")):
            status, language, page = _page(path + query, **headers)
            # then the page is Dutch, and offers no English
            assert status == 200 and language == "nl" and '<html lang="nl"' in page, path
            assert 'hreflang="en"' not in page and ">English<" not in page, path
