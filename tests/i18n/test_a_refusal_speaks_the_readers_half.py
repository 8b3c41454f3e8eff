"""A refusal says it in both languages, Dutch first ("Dutch. (English.)" or "Dutch / English"); a page shows the
reader's half, and says which language it is in."""

from __future__ import annotations

import pytest
from django.utils import translation

from waarborg.audiences.web.language import reader_half

CASES = [
    ("Alleen wie caseloads beheert (coordinator) wijst toe. (Only a role that manages caseloads (coordinator) "
     "assigns.)", "Alleen wie caseloads beheert (coordinator) wijst toe.",
     "Only a role that manages caseloads (coordinator) assigns."),
    ("Alleen wie bewaartermijnen beheert ziet deze pagina. / Only whoever manages retention sees this page.",
     "Alleen wie bewaartermijnen beheert ziet deze pagina.", "Only whoever manages retention sees this page."),
]


@pytest.mark.parametrize(("both", "dutch", "english"), CASES)
def test_each_reader_gets_their_own_half(both: str, dutch: str, english: str) -> None:
    with translation.override("nl"):
        assert reader_half(both) == (dutch, "nl")
    with translation.override("en"):
        assert reader_half(both) == (english, "en")


def test_a_message_in_one_language_stays_whole_and_says_it_is_dutch() -> None:
    with translation.override("en"):
        assert reader_half("Niet toegestaan (rol).") == ("Niet toegestaan (rol).", "nl")
        assert reader_half("Geen toegang.") == ("Geen toegang.", "nl")
