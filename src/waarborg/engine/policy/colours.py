"""Colours of an organisation's theme (docs/design.md): parsing `#rrggbb`, WCAG 2.1 contrast, and the few shades
the pages derive from one primary colour. A policy whose colour would make text unreadable does not load:
contrast is checked here, once, rather than hoped for on every page.
"""

from __future__ import annotations

import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
TEXT = "#1a1a1a"  # the pages' body text (waarborg.css)
MIN_CONTRAST = 4.5  # WCAG 2.1 1.4.3, normal text


def rgb(colour: str) -> tuple[int, int, int]:
    if not HEX.match(colour):
        raise ValueError(f"a colour is written as #rrggbb, got {colour!r}")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (_linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2.1's contrast ratio, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """`share` of `other` mixed into `colour` (0: colour itself, 1: other)."""
    a, b = rgb(colour), rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))
