"""Tags numbered per value, keyed pseudonyms, removal; and the hints a caller passes."""

from __future__ import annotations

import pytest

from waarborg.engine.deidentify import Category, Replacer, deidentify, find

NOTE = (
    "Mevrouw Fatima El Amrani belde over haar zoon Kofi. Mevrouw El Amrani is bereikbaar op 06-12345678 "
    "en op 06 1234 5678. Kofi Mensah belt morgen vanaf 020-1234567."
)


def test_tags_are_numbered_per_distinct_value_and_a_shorter_form_keeps_its_number() -> None:
    # when the note is tagged
    result = deidentify(NOTE)
    # then one person is one number, in full and by surname; the same phone in two spellings is one
    assert result.text == (
        "Mevrouw [NAAM-1] belde over haar zoon [NAAM-2]. Mevrouw [NAAM-1] is bereikbaar op [TELEFOON-1] "
        "en op [TELEFOON-1]. [NAAM-2] belt morgen vanaf [TELEFOON-2]."
    )


@pytest.mark.parametrize(("note", "tagged"), [
    ("Mevrouw Dijkstra en haar broer Henk Dijkstra.", "Mevrouw [NAAM-1] en haar broer [NAAM-2]."),
    ("J.P. Jansen belde. Later kwam J. Jansen.", "[NAAM-1] belde. Later kwam [NAAM-1]."),
    ("Kofi Mensah belde. K. Mensah en Kofi ook.", "[NAAM-1] belde. [NAAM-1] en [NAAM-1] ook."),
    ("Fatima El Amrani en Yassin El Amrani. Mevrouw El Amrani belde.",
     "[NAAM-1] en [NAAM-2]. Mevrouw [NAAM-3] belde."),
    ("Mevrouw Bakker en meneer Bakker kwamen.", "Mevrouw [NAAM-1] en meneer [NAAM-2] kwamen."),
    ("Haar man El Amrani kwam met haar zoon El Amrani.", "Haar man [NAAM-1] kwam met haar zoon [NAAM-2]."),
    ("Meneer Bakker belde. Bakker kwam later.", "Meneer [NAAM-1] belde. [NAAM-1] kwam later."),
])
def test_a_shorter_form_keeps_the_number_only_where_it_names_the_same_person(note: str, tagged: str) -> None:
    """A user trial saw `Mevrouw [NAAM-1] en haar broer [NAAM-1]`: a surname alone took the number of the only
    full name with it, whatever the gender or however many people of the family the text names."""
    assert deidentify(note).text == tagged


def test_across_the_texts_of_an_export_a_surname_alone_is_not_the_full_name_of_another_text() -> None:
    # given one replacer for the notes of one export (the son in one note, the husband in another)
    replacer = Replacer("tag", None)
    son = deidentify("Haar zoon Yassin El Amrani komt langs.", replacer=replacer).text
    husband = deidentify("Meneer El Amrani, haar man, belde.", replacer=replacer).text
    again = deidentify("Meneer El Amrani belde opnieuw; Yassin komt vrijdag.", replacer=replacer).text
    # then the husband has a number of his own, the same in every note, and the son keeps his
    assert (son, husband) == ("Haar zoon [NAAM-1] komt langs.", "Meneer [NAAM-2], haar man, belde.")
    assert again == "Meneer [NAAM-2] belde opnieuw; [NAAM-1] komt vrijdag."


def test_spans_point_into_the_input_and_say_what_replaced_them() -> None:
    result = deidentify(NOTE)
    assert [NOTE[s.start : s.end] for s in result.spans][:3] == ["Fatima El Amrani", "Kofi", "El Amrani"]
    assert [s.replacement for s in result.spans][:3] == ["[NAAM-1]", "[NAAM-2]", "[NAAM-1]"]


def test_a_keyed_pseudonym_is_the_same_for_the_same_value_and_differs_between_keys() -> None:
    # given two texts naming the same person, and two keys
    one = deidentify("Gesprek met Kofi Mensah.", mode="pseudonym", key=b"dataset-key-one-0123456789")
    again = deidentify("Kofi Mensah belde terug.", mode="pseudonym", key=b"dataset-key-one-0123456789")
    other = deidentify("Gesprek met Kofi Mensah.", mode="pseudonym", key=b"dataset-key-two-0123456789")
    # then the same key gives the same pseudonym in both texts, another key another pseudonym
    first = one.spans[0].replacement
    assert first.startswith("[NAAM-") and len(first) == len("[NAAM-12345678]")
    assert again.spans[0].replacement == first
    assert other.spans[0].replacement != first
    assert "Kofi" not in one.text and "Mensah" not in one.text


def test_within_one_text_a_pseudonym_is_consistent_for_full_and_short_forms() -> None:
    result = deidentify(NOTE, mode="pseudonym", key=b"per-document-key-0123456789")
    names = [s.replacement for s in result.spans if s.category is Category.NAME]
    assert names[0] == names[2]  # Fatima El Amrani, El Amrani
    assert names[1] == names[3] and names[0] != names[1]  # Kofi, Kofi Mensah


def test_pseudonyms_need_a_key() -> None:
    with pytest.raises(ValueError, match="needs a key"):
        deidentify(NOTE, mode="pseudonym")


def test_removal_cuts_the_values_out() -> None:
    assert deidentify("Bel Kofi op 06-12345678.", mode="remove").text == "Bel  op ."


def test_a_hint_is_found_in_full_in_its_parts_and_in_any_case() -> None:
    # given a name the vault knows, and a note that spells it in several ways
    text = "ALIDA KRUITHOF belde. Mevrouw kruithof vroeg naar A. Kruithof-Bos en naar Alida."
    # when searched with the hint
    spans = find(text, hints=["Alida Kruithof"])
    found = [text[s.start : s.end] for s in spans if s.category is Category.NAME]
    # then every spelling is found
    assert "ALIDA KRUITHOF" in found
    assert "kruithof" in found
    assert any("Kruithof" in f for f in found)
    assert "Alida" in found


def test_a_hint_that_is_also_a_dutch_word_is_only_found_capitalised() -> None:
    text = "Roos de Wit kreeg een roos van de buren."
    found = [text[s.start : s.end] for s in find(text, hints=["Roos de Wit"])]
    assert found == ["Roos de Wit"]


def test_a_hint_of_another_category_is_found_as_given() -> None:
    text = "Zij woont op het Achterom 3 sinds maart."
    spans = find(text, hints=[("Achterom 3", Category.ADDRESS)])
    assert [(text[s.start : s.end], s.category) for s in spans] == [("Achterom 3", Category.ADDRESS)]


def test_categories_can_be_limited() -> None:
    result = deidentify(NOTE, categories={Category.PHONE})
    assert "Fatima El Amrani" in result.text and "[TELEFOON-1]" in result.text


def test_kept_values_stay_while_other_people_are_redacted() -> None:
    # given a note that goes to its subject, Fatima El Amrani, and names her neighbour
    text = "Mevrouw El Amrani zegt dat buurvrouw Mensah haar post leest. Fatima belt 06-12345678."
    # when de-identified keeping the subject's own name
    result = deidentify(text, keep=["Fatima El Amrani"], hints=["Ama Mensah"])
    # then her name stays, the neighbour and the number go
    assert result.text == "Mevrouw El Amrani zegt dat buurvrouw [NAAM-1] haar post leest. Fatima belt [TELEFOON-1]."
