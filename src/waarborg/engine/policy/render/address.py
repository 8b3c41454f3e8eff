"""The form of address: the organisation says "je" or "u" to its readers (`statement.address`).

The fixed Dutch sentences are written once, with "je" (their msgids); for an organisation that says "u" they
are turned into the "u" form here: "je" before a noun becomes "uw" ("je gegevens" -> "uw gegevens"), "je"
as subject or object becomes "u", and an inverted verb takes the "u" form ("Heb je" -> "Hebt u"). This is
not a general Dutch grammar: it knows the words of our own fixed texts, and a test turns every one of them
(tests/policy/test_form_of_address.py), so a new text with a word it does not know fails there first.

Only the fixed texts are turned: the organisation's own texts are in its own words (`policy check` warns
where they say "je" in a statement that says "u").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_ADDRESS: ContextVar[str] = ContextVar("statement_address", default="je")

# Nouns (and the adjectives before them) that "je" is the possessive of in our fixed texts.
POSSESSED = frozenset({
    "gegevens", "persoonsgegevens", "identiteitsbewijs", "identiteit", "rechten", "verzoek", "apparaat",
    "toestemming", "vertegenwoordiger", "uitdrukkelijke", "ouder", "browser", "eigen", "hulpvraag", "account",
    "wachtwoord", "e-mailadres", "cookiekeuze", "keuze", "privacy", "klacht", "bezwaar", "situatie", "naam",
    "adres", "kind", "kinderen", "gezondheid", "mening", "vraag", "aanvraag", "dossier", "cliëntondersteuner",
    "contactgegevens", "bezoek", "computer", "telefoon", "instemming", "vrijwilligerswerk", "ip-adres",
    "opmerking", "opmerkingen", "voorkeursinstellingen", "vragen", "privacyverzoek", "leven", "werk", "uitkering",
    "huishouden", "inkomen", "bericht", "berichten", "afspraak", "afspraken", "bankrekeningnummer",
})
# An inverted verb before "je" ("Heb je") and its form before "u" ("Hebt u").
INVERTED = {
    "heb": "hebt", "ben": "bent", "doe": "doet", "vermoed": "vermoedt", "dien": "dient", "lees": "leest", "wil": "wilt",
    "kun": "kunt", "kan": "kunt", "word": "wordt", "vind": "vindt", "maak": "maakt", "geef": "geeft", "stuur": "stuurt",
    "vraag": "vraagt", "zoek": "zoekt", "bel": "belt", "meld": "meldt", "krijg": "krijgt", "woon": "woont",
    "moet": "moet", "mag": "mag", "gaf": "gaf", "kreeg": "kreeg", "was": "was", "had": "had", "zou": "zou",
    "kon": "kon", "denk": "denkt", "heeft": "heeft", "kunt": "kunt", "wilde": "wilde", "zag": "zag", "stond": "stond",
}

_WORD = re.compile(r"\b(\w+)(\s+)(je|jij)\b(?=(\W*)(\S*))|\b(jijzelf|jezelf|jouw|jou|jij|je)\b(?=\s*(\S*))",
                   re.IGNORECASE)


def _case(like: str, word: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def formal(text: str) -> str:
    """`text` (a fixed Dutch sentence with "je") in the "u" form."""

    def one(match: re.Match[str]) -> str:
        if match.group(1):  # a word, then "je"/"jij": an inverted verb?
            verb, space, pronoun = match.group(1), match.group(2), match.group(3)
            following = re.sub(r"\W+$", "", match.group(5).lower())
            # "Gaf je toestemming" opens a sentence: an inverted verb; "mag je gegevens verwerken" mid-sentence:
            # a possessive.
            starts = match.start() == 0 or re.search(r"[.?!:;]\s*$", match.string[:match.start()]) is not None
            if verb.lower() in INVERTED and (starts or following not in POSSESSED):
                return f"{_case(verb, INVERTED[verb.lower()])}{space}{_case(pronoun, 'u')}"
            return f"{verb}{space}{_case(pronoun, _pronoun(pronoun, following))}"
        word, following = match.group(6), re.sub(r"\W+$", "", match.group(7).lower())
        return _case(word, _pronoun(word, following))

    return _WORD.sub(one, text)


def _pronoun(word: str, following: str) -> str:
    low = word.lower()
    if low in ("jijzelf", "jezelf"):
        return "uzelf"
    if low == "jouw" or (low == "je" and following in POSSESSED):
        return "uw"
    return "u"


@contextmanager
def addressing(address: str) -> Iterator[None]:
    """Within: `say` turns fixed texts into this form of address (for Dutch; English has only "you")."""
    token = _ADDRESS.set(address)
    try:
        yield
    finally:
        _ADDRESS.reset(token)


def say(text: Any) -> str:
    """A fixed text (lazy or not) as a string, in the form of address in force."""
    from django.utils.translation import get_language

    words = str(text)
    if _ADDRESS.get() == "u" and (get_language() or "nl").startswith("nl"):
        return formal(words)
    return words
