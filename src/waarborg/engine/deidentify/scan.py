"""One text as every shape finder sees it: where its numbers start, its lowercase copy, keyword anchors.

The shape finders (`patterns`, `dates`) get one `Text` per text, so what several of them need is worked out once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Where a number starts: a digit with no letter or digit before it. Every shape pattern that begins with a digit
# can only match at one of these, so the text is scanned for them once and each pattern is tried only there,
# instead of each pattern scanning the whole text for itself (ten scans of a million characters cost more than
# all the numbers in it).
_NUMBER = re.compile(r"\d(?<!\w\d)")


class Text:
    """A text with what several finders need from it, worked out once: its lowercase copy and its numbers."""

    __slots__ = ("_low", "numbers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.numbers = [m.start() for m in _NUMBER.finditer(text)]
        self._low: str | None = None

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = lower(self.text)
        return self._low

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)` for a pattern that begins with a digit with no letter or digit before it."""
        match, text, last = pattern.match, self.text, 0
        for i in self.numbers:
            if i >= last and (m := match(text, i)):
                last = m.end()
                yield m


def lower(text: str) -> str:
    """`text` in lowercase with the same length, so offsets stay valid ("İ".lower() is two characters)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def at_keywords(text: str, low: str, keys: tuple[str, ...], pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that start at a keyword: a fast substring search instead of a scan of every position."""
    starts: set[int] = set()
    for key in keys:
        i = low.find(key)
        while i != -1:
            if i == 0 or not low[i - 1].isalnum():
                starts.add(i)
            i = low.find(key, i + 1)
    for i in sorted(starts):
        m = pattern.match(text, i)
        if m:
            yield m
