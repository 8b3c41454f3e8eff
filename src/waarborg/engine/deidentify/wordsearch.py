"""Where given words stand in a text as whole words: for names found once (found again everywhere) and hints."""

from __future__ import annotations

import re
from collections.abc import Iterable


def find_words(text: str, found: Iterable[str], *, ignore_case: bool) -> list[tuple[int, int]]:
    """Where any of `found` stands in `text` as a whole word (or whole words)."""
    wanted = sorted({w for w in found if w}, key=len, reverse=True)
    if not wanted:
        return []
    if ignore_case:
        alternatives = "|".join(re.escape(w) for w in wanted)
        pattern = re.compile(rf"(?<![\w@.-])(?:{alternatives})(?![\w@-]|\.\w)", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text)]
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
