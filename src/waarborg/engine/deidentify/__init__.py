"""De-identification of Dutch free text: find the people in a case note and replace what identifies them.

    >>> from waarborg.engine.deidentify import deidentify
    >>> deidentify("Mw. Bouzid (82 jaar) belt 06-12345678.").text
    'Mw. [NAAM-1] ([LEEFTIJD-1] jaar) belt [TELEFOON-1].'

`find(text, hints=...)` gives the spans; `deidentify(text, mode=..., hints=..., key=...)` gives the text
with each span replaced, and the spans with offsets into the *input* and what replaced them (a reviewer's
view needs both). Categories: `spans.Category`.

Design, and why:
- **Rules and lexicons, no model.** Social-domain notes are short, varied and full of names of every
  origin; a statistical model would have to ship inside a package, load offline, stay under 200 MB and run
  at millions of characters a second. Rules reach that (see docs/benchmarks.md) and can be read and fixed by
  whoever maintains the product. Each finder explains itself: `patterns` (everything with a shape: numbers,
  e-mail, URL) and `dates` (dates, ages), `names` (capitalised runs: names, streets, places, institutions), `lexicons`
  (the word lists in `data/`, written for Waarborg, plus the OpenTaal word list to tell Dutch words from
  names).
- **Standard library regular expressions and set lookups**, not Aho-Corasick: every lexicon entry starts
  with a capital, so one regular expression finds the candidate runs and a set lookup per word decides;
  an Aho-Corasick automaton (pyahocorasick) would find each entry also inside longer words and need the
  same boundary checks afterwards, for no gain in speed at this size.
- **python-stdnum** for the BSN 11-proof and IBAN mod-97 and country formats, imported on the first
  candidate only (it costs about 0.1 s).
- **Fail towards hiding.** Overlapping finds merge into one span covering both; a name found once is
  found everywhere in the text; a Dutch-shaped IBAN with a wrong check digit is still hidden; a
  capitalised word inside a sentence is a name unless a list says it names no one.
- **Keep**: values the caller wants left in place (`keep=[subject's name]` when the subject receives his
  own notes in an access export: only the other people are redacted).
- **Hints**: names the caller knows (the subject, registered relatives) are always found, in full and
  in their parts (first name, surname with and without particles, initial and surname), in any case
  except where the part is an ordinary Dutch word, which is then only found capitalised.
- **Nothing loads at import** (the word lists are read on first use), so `import waarborg.engine.deidentify`
  and `waarborg deidentify` on empty input start at once. No Django: the package is plain Python.

Limits: names written entirely in lowercase without a title, a surname that is also a Dutch word at the
very start of a sentence without anything else to go on, and names inside words (`Jansenstraat` is found as
a street, not as the name Jansen) are not found as names; see docs/deidentify.md.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from waarborg.engine.deidentify.replace import MODES, Mode, Replacer, name_words, normalise
from waarborg.engine.deidentify.spans import LABELS, Category, Found, Span, merge

__all__ = ["LABELS", "MODES", "STRUCTURED", "Category", "Hint", "Mode", "Replacer", "Result", "Span", "deidentify", "find"]

# The categories with a shape, found without any word list: what log scrubbing uses.
STRUCTURED: frozenset[Category] = frozenset(
    {Category.BSN, Category.IBAN, Category.EMAIL, Category.PHONE, Category.IDDOC, Category.POSTCODE, Category.PLATE}
)

Hint = str | tuple[str, Category]


@dataclass(frozen=True, slots=True)
class Result:
    text: str
    spans: tuple[Span, ...]


def find(
    text: str,
    *,
    hints: Iterable[Hint] = (),
    keep: Iterable[Hint] = (),
    categories: Collection[Category] | None = None,
    subject_gender: str | None = None,
) -> list[Span]:
    """The personal data in `text`: sorted, non-overlapping spans with offsets into `text`.

    `keep`: values that stay, found as hints are (the subject's own name in an export to the subject);
    a span that is exactly such a value is left out. `subject_gender` ("f", "m"): the kept person's, as the
    other texts of the same export give it (`family.subject_gender`), to tell family with the surname apart.
    """
    spans = _find(text, hints, categories)
    kept = list(keep)
    if not kept:
        return spans
    from waarborg.engine.deidentify import family
    from waarborg.engine.deidentify import hints as hinting

    own = {(s.start, s.end) for s in hinting.find(text, kept)}
    # A kept number in another spelling (`06 12345678` kept, `06-12345678` written) is the same value.
    values = {(c, normalise(c, v)) for v, c in (h if isinstance(h, tuple) else (h, Category.NAME) for h in kept)}
    # A kept name in a shorter or titled form (`mevrouw El Amrani`, `F. El Amrani`) is the same person: every
    # word of it (particles aside) is a word of the kept name ...
    names = [words for v in kept if isinstance(v, str) and (words := name_words(v))]
    mine = [s for s in spans
            if (s.start, s.end) in own or (s.category, normalise(s.category, text[s.start : s.end])) in values
            or (s.category is Category.NAME and _within(name_words(text[s.start : s.end]), names))]
    # ... unless it is the surname alone after a relation or a title that is not the subject's: `haar man
    # El Amrani`, `meneer El Amrani` where the text calls her `mevrouw Fatima El Amrani`. Family share surnames.
    others = family.relatives(text, [(s.start, s.end) for s in mine if s.category is Category.NAME], kept,
                              subject_gender)
    kept_spans = {(s.start, s.end) for s in mine} - others
    return [s for s in spans if (s.start, s.end) not in kept_spans]


def _within(words: frozenset[str], names: list[frozenset[str]]) -> bool:
    return bool(words) and any(words <= name for name in names)


def _find(text: str, hints: Iterable[Hint], categories: Collection[Category] | None) -> list[Span]:
    from waarborg.engine.deidentify import chains, names, patterns
    from waarborg.engine.deidentify import hints as hinting

    wanted = set(Category) if categories is None else set(categories)
    found: list[Found] = []
    shaped = patterns.Text(text)
    for category, finder in patterns.FINDERS:
        if category in wanted:
            found.extend(finder(shaped))
    if wanted - STRUCTURED - {Category.URL, Category.DATE, Category.AGE}:
        found.extend((chains.with_particle(text, s[0]) if s[2] is Category.NAME else s[0], s[1], s[2])
                     for s in names.find(text, merge(found)) if s[2] in wanted)
        if Category.AGE in wanted:
            found.extend(list(patterns.ages_after_names(text, found)))
    hint_list = list(hints)
    if not hint_list:
        return [Span(*s) for s in merge(found)]
    hinted = {(s.start, s.end): s.category for s in hinting.find(text, hint_list) if s.category in wanted}
    found.extend((start, end, category) for (start, end), category in hinted.items())
    # What the caller knows wins: a hinted name is a name even where a finder saw a street.
    return [Span(start, end, hinted.get((start, end), category)) for start, end, category in merge(found)]


def deidentify(
    text: str,
    *,
    mode: Mode = "tag",
    hints: Iterable[Hint] = (),
    keep: Iterable[Hint] = (),
    key: bytes | None = None,
    categories: Collection[Category] | None = None,
    replacer: Replacer | None = None,
    subject_gender: str | None = None,
) -> Result:
    """`text` with its personal data replaced (see `replace` for the modes); spans point into `text`.

    `replacer`: one `Replacer(mode, key)` for the texts of one document (an export, a record), so a tag
    means the same value in each of them; `mode` and `key` are then the replacer's."""
    replacer = replacer or Replacer(mode, key)
    found = find(text, hints=hints, keep=keep, categories=categories, subject_gender=subject_gender)
    replacer.learn_names(text, [(s.start, s.end) for s in found if s.category is Category.NAME])
    out: list[str] = []
    spans: list[Span] = []
    last = 0
    for span in found:
        replacement = replacer(span, text[span.start : span.end])
        out.append(text[last : span.start])
        out.append(replacement)
        spans.append(Span(span.start, span.end, span.category, replacement))
        last = span.end
    out.append(text[last:])
    return Result("".join(out), tuple(spans))
