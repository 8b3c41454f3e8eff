"""Each category of personal data is found in the ways Dutch notes write it (table-driven)."""

from __future__ import annotations

import pytest

from waarborg.engine.deidentify import Category, find

C = Category

CASES: list[tuple[str, str, Category]] = [
    # names: titles, initials, particles, many origins
    ("Gesprek met mevrouw Fatima El Amrani over de huur.", "Fatima El Amrani", C.NAME),
    ("Mw. Bouzid belde terug.", "Bouzid", C.NAME),
    ("Overleg met dhr. J.P. van der Berg.", "J.P. van der Berg", C.NAME),
    ("Afspraak met de heer De Vries.", "De Vries", C.NAME),
    ("Haar zoon Kofi Mensah komt elke week.", "Kofi Mensah", C.NAME),
    ("Meneer Yılmaz heeft een nieuwe baan.", "Yılmaz", C.NAME),
    ("Piotr Kowalczyk werkt in de kassen.", "Piotr Kowalczyk", C.NAME),
    ("Selam Tesfaye is vorig jaar aangekomen.", "Selam Tesfaye", C.NAME),
    ("Contact met mevrouw Ramdin-Jagessar.", "Ramdin-Jagessar", C.NAME),
    ("Volgens buurvrouw Ter Horst is het rustig.", "Ter Horst", C.NAME),
    ("Gisteren belde Tesfalidet over zijn uitkering.", "Tesfalidet", C.NAME),  # no lexicon knows him
    ("Hoi Ama, kun je bellen?", "Ama", C.NAME),
    # addresses with additions, postcodes in every spacing, places
    ("Zij woont op de Kerkstraat 126-2 in Assen.", "Kerkstraat 126-2", C.ADDRESS),
    ("Adres: Lindelaan 100 II, 9401 AB Assen.", "Lindelaan 100 II", C.ADDRESS),
    ("Hij woont aan de Brink 12a te Rolde.", "Brink 12a", C.ADDRESS),
    ("Nieuw adres: Burg. Jansenstraat 4, Emmen.", "Burg. Jansenstraat 4", C.ADDRESS),
    ("Postcode 9401AB.", "9401AB", C.POSTCODE),
    ("Postcode 9401 AB.", "9401 AB", C.POSTCODE),
    ("Postcode 9401  AB Assen.", "9401  AB", C.POSTCODE),
    ("Zij verhuist naar Alphen aan den Rijn.", "Alphen aan den Rijn", C.CITY),
    ("Hij woont in De Bilt.", "De Bilt", C.CITY),
    ("Geboren in 's-Hertogenbosch.", "'s-Hertogenbosch", C.CITY),
    # phone numbers in all Dutch forms
    ("Bel 06-12345678.", "06-12345678", C.PHONE),
    ("Bel 06 1234 5678.", "06 1234 5678", C.PHONE),
    ("Bel 0031 6 12345678.", "0031 6 12345678", C.PHONE),
    ("Bel +31 (0)20 123 4567.", "+31 (0)20 123 4567", C.PHONE),
    ("Bel +31612345678.", "+31612345678", C.PHONE),
    ("Bel 020-1234567.", "020-1234567", C.PHONE),
    ("Bel (0592) 123456.", "(0592) 123456", C.PHONE),
    ("Bel 0900-1234567.", "0900-1234567", C.PHONE),
    ("De buurman (06-23456789) belde.", "06-23456789", C.PHONE),  # the parentheses are not the number
    # e-mail, URLs
    ("Mail f.elamrani@hotmail.com graag.", "f.elamrani@hotmail.com", C.EMAIL),
    ("Zie www.facebook.com/fatima.elamrani voor foto's.", "www.facebook.com/fatima.elamrani", C.URL),
    ("Zie https://www.instagram.com/kofi_m85.", "https://www.instagram.com/kofi_m85", C.URL),
    # BSN (11-proof) and IBAN (mod-97), with and without spaces
    ("BSN 123456782.", "123456782", C.BSN),
    ("Burgerservicenummer 1234 56 782 bekend.", "1234 56 782", C.BSN),
    ("Nummer 123.456.782 klopt.", "123.456.782", C.BSN),
    ("IBAN NL91ABNA0417164300.", "NL91ABNA0417164300", C.IBAN),
    ("Rekening NL91 ABNA 0417 1643 00 graag.", "NL91 ABNA 0417 1643 00", C.IBAN),
    ("Rekening nl91abna0417164300 graag.", "nl91abna0417164300", C.IBAN),
    ("Belgische rekening BE71096123456769.", "BE71096123456769", C.IBAN),
    # identity documents and licence plates
    ("Paspoortnummer NW12K3P45.", "NW12K3P45", C.IDDOC),
    ("ID-kaart nr. IR5P3K8L2 is verlopen.", "IR5P3K8L2", C.IDDOC),
    ("Rijbewijsnummer 5012345678.", "5012345678", C.IDDOC),
    ("V-nummer 1234567890 bij de IND.", "1234567890", C.IDDOC),
    ("Auto met kenteken 12-ABC-3.", "12-ABC-3", C.PLATE),
    ("Kenteken XX-99-XX.", "XX-99-XX", C.PLATE),
    # dates, birth dates, ages
    ("Afspraak op 3 maart 2021.", "3 maart 2021", C.DATE),
    ("Afspraak op 03-03-2021.", "03-03-2021", C.DATE),
    ("Afspraak op 3/3/21.", "3/3/21", C.DATE),
    ("Afspraak op 3 mrt. 2021.", "3 mrt. 2021", C.DATE),
    ("Afspraak op 2021-03-03.", "2021-03-03", C.DATE),
    ("Geboren op 12 mei 1948.", "12 mei 1948", C.DATE),
    ("Zij is geboren in 1948.", "1948", C.DATE),
    ("Mevrouw (82 jaar) woont alleen.", "82", C.AGE),
    ("De 82-jarige bewoner.", "82", C.AGE),
    ("Zij is 82 jaar.", "82", C.AGE),
    ("Hij is 82 jaar oud.", "82", C.AGE),
    ("Een vrouw van 82 jaar.", "82", C.AGE),
    ("Leeftijd: 82.", "82", C.AGE),
    # institutions
    ("Hij zit op Basisschool De Regenboog.", "Basisschool De Regenboog", C.INSTITUTION),
    ("Ingeschreven bij huisartsenpraktijk Van Dijk.", "Van Dijk", C.INSTITUTION),
    ("Zij werkt bij Jansen Transport B.V. in de nacht.", "Jansen Transport B.V.", C.INSTITUTION),
    ("Opgenomen bij Lentis voor behandeling.", "Lentis", C.INSTITUTION),
    ("Overleg met Stichting Welzijn Ouderen.", "Stichting Welzijn Ouderen", C.INSTITUTION),
]


@pytest.mark.parametrize(("text", "value", "category"), CASES, ids=[c[1] for c in CASES])
def test_the_value_is_found_whole_with_its_category(text: str, value: str, category: Category) -> None:
    # given a sentence holding the value; when it is searched
    spans = find(text)
    # then one span covers the whole value, with the right category
    start = text.index(value)
    covering = [s for s in spans if s.start <= start and s.end >= start + len(value)]
    assert covering, f"{value!r} not covered in {[(text[s.start : s.end], s.category) for s in spans]}"
    assert covering[0].category is category


def test_a_bsn_that_fails_the_eleven_proof_is_no_bsn_unless_it_is_called_one() -> None:
    assert not [s for s in find("Ordernummer 123456789 is verzonden.") if s.category is C.BSN]
    assert [s for s in find("BSN: 123456789") if s.category is C.BSN]


def test_a_dutch_iban_with_a_typo_in_its_check_digits_is_still_hidden() -> None:
    assert [s.category for s in find("Rekening NL19ABNA0417164300.")] == [C.IBAN]
