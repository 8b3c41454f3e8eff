"""Text that names no one comes back as it went in, including the tricky cases."""

from __future__ import annotations

import pytest

from waarborg.engine.deidentify import Category, deidentify, find

ORDINARY = [
    "Het kost € 1.234,56 per maand, of 1.234 euro per jaar.",
    "De huurtoeslag stijgt in 2025 met 3,5 procent.",
    "Volgens de Wet maatschappelijke ondersteuning heeft u recht op hulp.",
    "Het UWV en de Sociale Verzekeringsbank betalen in januari uit.",
    "Bel bij spoed altijd 112.",
    "Het spreekuur is op dinsdag van 9.30 tot 12.00 uur.",
    "Kinderen tot 12 jaar betalen niets; vanaf 67 jaar krijgt u AOW.",
    "Het project loopt al 3 jaar en stopt over 2 jaar.",
    "In paragraaf 1.2.10 staat meer over de Jeugdwet.",
    "De folder is vertaald in het Arabisch, het Turks en het Frans.",
    "April was een natte maand. In mei werd het beter.",
    "Gisteren was het druk bij het loket. Morgen is de bibliotheek gesloten.",
    "Rond Kerstmis en het Suikerfeest zijn er extra activiteiten.",
    "Het water kookt bij 100 graden; de thermostaat staat op 19.",
    "Ongeveer 45 procent van de Marokkaanse en Turkse ouderen spreekt Nederlands.",
    "Stap 3: vul het formulier in en stuur het naar de gemeente.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_has_no_personal_data(text: str) -> None:
    assert deidentify(text).text == text


def test_de_bilt_is_a_place_after_in_and_a_name_after_mevrouw() -> None:
    place = find("Zij woont in De Bilt.")
    name = find("Gesprek met mevrouw De Bilt.")
    assert [s.category for s in place] == [Category.CITY]
    assert [s.category for s in name] == [Category.NAME]


def test_april_in_a_date_is_a_date_and_no_name() -> None:
    text = "Op 1 April 2021 en op 3 april kwam zij langs."
    assert [(text[s.start : s.end], s.category) for s in find(text)] == [
        ("1 April 2021", Category.DATE),
        ("3 april", Category.DATE),
    ]


def test_amounts_are_no_phone_numbers() -> None:
    for text in ("Saldo € 1.234,56.", "Totaal 0612,50 euro.", "Bedrag: 1.234.567,89"):
        assert not [s for s in find(text) if s.category is Category.PHONE], text
