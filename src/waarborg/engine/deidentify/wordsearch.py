"""Where given words stand in a text as whole words: for names found once (found again everywhere) and hints."""

from __future__ import annotations

import re
from collections.abc import Iterable

from waarborg.engine.deidentify.scan import at_keywords, lower

# Letters the engine's case-insensitive matching takes as another letter that `str.lower` leaves alone: the
# Turkish dotless ı (`Avcı` is `AVCI`) and the long s. Folded in both the text and the words before the search.
_FOLD = str.maketrans("ıſ", "is")


def find_words(text: str, found: Iterable[str], *, ignore_case: bool) -> list[tuple[int, int]]:
    """Where any of `found` stands in `text` as a whole word (or whole words)."""
    wanted = sorted({w for w in found if w}, key=len, reverse=True)
    if not wanted:
        return []
    if ignore_case:
        alternatives = "|".join(re.escape(w) for w in wanted)
        pattern = re.compile(rf"(?<![\w@.-])(?:{alternatives})(?![\w@-]|\.\w)", re.IGNORECASE)
        # `finditer`'s matches, but the pattern is tried only where one of the words starts (a substring search
        # in the lowercase text): an alternation that ignores case has no literal prefix for the engine to skip
        # to, so it was tried at every position of every text.
        spans: list[tuple[int, int]] = []
        last = 0
        low, keys = lower(text).translate(_FOLD), tuple({lower(w).translate(_FOLD) for w in wanted})
        for m in at_keywords(text, low, keys, pattern):
            if m.start() >= last:
                spans.append(m.span())
                last = m.end()
        return spans
    # Case-sensitive: plain substring search, no pattern to compile for every text.
    out: list[tuple[int, int]] = []
    n = len(text)
    for word in wanted:
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            left_ok = i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "@.-_")
            right_ok = j == n or not (
                text[j].isalnum() or text[j] in "@-_" or (text[j] == "." and j + 1 < n and text[j + 1].isalnum())
            )
            if left_ok and right_ok:
                out.append((i, j))
            i = text.find(word, j)
    return out
