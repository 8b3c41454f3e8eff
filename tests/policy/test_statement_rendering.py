"""The generated privacy statement says, for every example policy and in both languages, what AVG art. 13/14
requires: each purpose with its basis, each retention period in words, each recipient, each right, the AP."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from django.utils.html import escape
from pydantic import BaseModel

from waarborg.core.language import in_language
from waarborg.engine.policy.loader import load_file, load_text
from waarborg.engine.policy.render import texts
from waarborg.engine.policy.render.address import addressing, say
from waarborg.engine.policy.render.statement import render_statement
from waarborg.engine.policy.render.words import retention_words
from waarborg.engine.policy.schema import Policy, Words

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
LANGS = ["nl", "en"]
FORMATS = ["md", "html"]


def _policy(name: str) -> Policy:
    return load_file(Path(__file__).resolve().parents[2] / "examples" / f"{name}.yaml").policy


def _render(policy: Policy, lang: str, fmt: str) -> tuple[str, object]:
    text = render_statement(policy, lang=lang, fmt=fmt)
    # HTML escapes what it shows; look for the escaped form there.
    return text, (escape if fmt == "html" else str)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_statement_names_every_purpose_retention_recipient_and_right(example: Path, lang: str, fmt: str) -> None:
    # Given an example policy
    policy = load_file(example).policy
    # When its statement is rendered
    text, shown = _render(policy, lang, fmt)
    # Then every purpose, retention period, recipient and right is in it
    for purpose in policy.purposes.values():
        assert shown(purpose.label.get(lang)) in text  # type: ignore[operator]
        assert shown(purpose.description.get(lang)) in text  # type: ignore[operator]
    for record_type in policy.record_types.values():
        with addressing(policy.statement.address):
            words = in_language(lang, lambda rt=record_type: say(retention_words(
                policy, policy.retention[rt.retention], lang)))
        assert shown(words) in text  # type: ignore[operator]
    for recipient in policy.recipients.values():
        assert shown(recipient.label.get(lang)) in text  # type: ignore[operator]
    for right in policy.rights.available:
        with addressing(policy.statement.address):
            name = in_language(lang, lambda r=right: say(texts.RIGHTS[r][0]))
        assert shown(name) in text  # type: ignore[operator]
    assert policy.rights.response_period.words(lang) in text
    assert policy.statement.version in text
    for cookie in policy.cookies:
        assert cookie.name in text


@pytest.mark.promise("S4-24", "S0-41", "S1-28")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_statement_names_the_avg_and_links_to_the_ap_complaint_page(example: Path, lang: str) -> None:
    policy = load_file(example).policy
    html = render_statement(policy, lang=lang, fmt="html")
    assert "AVG" in html and "Autoriteit Persoonsgegevens" in html
    assert f'<a href="{policy.organisation.authority.complaint_url}">' in html
    assert policy.organisation.privacy_contact.email in html


@pytest.mark.parametrize(("example", "lang", "words"), [
    ("ikzorginassen", "nl", "Tot 12 maanden na de sluiting van de volgende ronde."),
    ("ikzorginassen", "en", "Until 12 months after the closing of the next edition."),
    ("ikzorginassen", "nl", "Tot je je uitschrijft."),
    ("ikzorginassen", "nl", "Tot de bijeenkomst is afgerond."),
    ("ikzorginassen", "nl", "3 maanden na ontvangst."),
    ("ikzorginassen", "nl", "Daarna maken wij de gegevens anoniem: niemand kan dan nog zien over wie ze gaan."),
    ("wlzclientondersteuning", "nl",
     "5 jaar na het einde van de dienstverlening; eenmalig te verlengen met 2 jaar, nooit langer dan 7 jaar."),
    ("wlzclientondersteuning", "en",
     "5 years after the end of the service; can be extended once by 2 years, never longer than 7 years."),
    ("wlzclientondersteuning", "nl", "4 weken na ontvangst, of eerder bij het einde van de gesprekken zonder "
                                     "overeenkomst."),
    ("wlzclientondersteuning", "nl", "7 jaar na het einde van de dienstverlening. Daarna wissen wij de "
                                     "gegevens. Zo staat het in de wet:"),
    ("socialekaart", "nl", "Tot het einde van de samenwerking met de opdrachtgever, daarna nog 5 jaar."),
    ("werkzaak", "nl", "10 jaar na de beëindiging van de uitkering."),
    ("kwartier", "en", "15 years after the end of the support."),
])
def test_retention_is_written_out_in_plain_words(example: str, lang: str, words: str) -> None:
    assert words in render_statement(_policy(example), lang=lang, fmt="md")


def test_statement_calls_out_special_categories_and_their_condition() -> None:
    text = render_statement(_policy("wlzclientondersteuning"), lang="nl", fmt="md")
    # the legal term is explained once, in words, before the data it marks
    assert "In de wet heten die bijzondere persoonsgegevens. Hieronder staan ze als ‘gevoelig’." in text
    assert "gegevens over je gezondheid (gevoelig)" in text
    assert "Die gebruiken wij alleen als je daar uitdrukkelijk toestemming voor geeft (art. 9 lid 2 sub a AVG)" in text
    assert "Gevoelige gegevens gebruiken wij nooit voor marketing of reclame." in text
    assert "Ben je jonger dan 16 jaar? Dan moet ook je ouder of voogd toestemming geven, met een handtekening." in text


def test_statement_names_the_law_contract_and_interest_behind_each_basis() -> None:
    text = render_statement(_policy("werkzaak"), lang="nl", fmt="md")
    assert ("**Waarom wij dit mogen:** het is een taak van algemeen belang of openbaar gezag, die de wet ons geeft "
            "(art. 6 lid 1 sub e AVG). Welke wet: Participatiewet, art. 7 en 53a" in text)
    assert "**Waarom wij dit mogen:** je geeft ons toestemming (art. 6 lid 1 sub a AVG)" in text
    text = render_statement(_policy("ikzorginassen"), lang="en", fmt="md")
    assert ("we have a good reason for it (a legitimate interest), and your interests do not weigh more heavily "
            "(GDPR art. 6(1)(f)). Our interest: improving the municipality's carer policy." in text)
    assert ("it is necessary for a contract (GDPR art. 6(1)(b)). It concerns: application for the carer appreciation"
            in text)


def test_statement_names_the_dpo_and_how_to_file_a_request() -> None:
    text = render_statement(_policy("werkzaak"), lang="nl", fmt="md")
    assert "Dat doet onze functionaris gegevensbescherming (FG)." in text
    assert "Zet erboven: 'Verzoek omtrent persoonsgegevens'." in text
    assert "Wij reageren binnen 4 weken op je verzoek." in text
    text = render_statement(_policy("socialekaart"), lang="nl", fmt="md")
    assert "Maak op de kopie van uw identiteitsbewijs zwart: pasfoto, MRZ, paspoortnummer en burgerservicenummer" in text


def test_statement_says_decisions_are_taken_by_people() -> None:
    text = render_statement(_policy("ikzorginassen"), lang="nl", fmt="md")
    assert "Een computer neemt nooit alleen een besluit over je dat grote gevolgen voor je heeft" in text
    assert "Bij beoordelen van de mantelzorgwaardering en uitbetalen van de mantelzorgwaardering beslist altijd een " \
           "medewerker." in text


def test_statement_shows_what_refusing_to_provide_data_means() -> None:
    text = render_statement(_policy("wlzclientondersteuning"), lang="en", fmt="md")
    assert "we may be unable to enter into an agreement with you" in text


@pytest.mark.promise("S0-42")
def test_statement_includes_the_cookie_statement_with_consent_per_cookie() -> None:
    text = render_statement(_policy("werkzaak"), lang="nl", fmt="md")
    assert "| `social_buttons` | sociale media | Twitter, Facebook, LinkedIn |" in text
    assert "alleen na je toestemming" in text
    assert "| `sessionid` | nodig voor de website | van ons |" in text


@pytest.mark.promise("S2-31")
def test_statement_shows_its_version_and_earlier_versions() -> None:
    text = render_statement(_policy("wlzclientondersteuning"), lang="nl", fmt="md")
    assert "Dit is versie 2.2. Die geldt vanaf 1 juli 2020." in text
    assert "- 2.1 (1 januari 2019)" in text
    assert "Wijzigingen worden gepubliceerd op www.wlzclientondersteuning.nl" in text


def test_html_escapes_what_the_policy_author_wrote() -> None:
    source = (Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml").read_text(encoding="utf-8")
    source = source.replace("label: {nl: Nieuwsbrief, en: Newsletter}",
                            "label: {nl: \"<script>alert(1)</script>\", en: Newsletter}", 1)
    html = render_statement(load_text(source).policy, lang="nl", fmt="html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown statement format"):
        render_statement(_policy("kwartier"), fmt="pdf")


def _words_with_english(value: object) -> list[Words]:
    """Every `Words` in the policy that the organisation also wrote in English."""
    if isinstance(value, Words):
        return [value] if value.en and value.en != str(value) else []
    if isinstance(value, BaseModel):
        return [w for name in type(value).model_fields for w in _words_with_english(getattr(value, name))]
    if isinstance(value, Mapping):
        return [w for v in value.values() for w in _words_with_english(v)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [w for v in value for w in _words_with_english(v)]
    return []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_english_statement_shows_no_dutch_words_whose_english_exists(example: Path) -> None:
    # Given an example policy whose short texts (a law, a legal ground, a contact's name) have English too
    policy = load_file(example).policy
    # When its English statement is rendered
    text = render_statement(policy, lang="en", fmt="md")
    # Then none of them shows in Dutch
    dutch = [str(w) for w in _words_with_english(policy) if str(w) not in w.en]
    assert [d for d in dutch if d in text] == []


@pytest.mark.parametrize(("example", "why"), [
    ("lindehof", "Wij doen dat omdat wij er een gerechtvaardigd belang bij hebben."),  # no public task
    ("werkzaak", "Wij doen dat voor een taak van algemeen belang."),  # no legitimate interest
    ("kwartier", "Wij doen dat voor een taak van algemeen belang of omdat wij er een gerechtvaardigd belang bij hebben."),
])
def test_the_objection_names_only_the_bases_its_purposes_have(example: str, why: str) -> None:
    text = render_statement(_policy(example), lang="nl", fmt="md")
    assert why in text
    assert "Heeft u" not in text and "heeft u" not in text  # "hebt u", as the fixed texts say it
