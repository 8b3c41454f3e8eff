"""Charts as SVG drawn on the server: no script, no style attribute (the pages' Content Security Policy runs
neither), the same drawing in the browser and in the PDF report (WeasyPrint draws SVG itself).

Each chart is an image with a name (`role="img"`, `<title>` and `<desc>` named by `aria-labelledby`); the
page puts the same numbers beside it as a table, for screen readers and for whoever wants the figures.
Colours are presentation attributes (`fill`), chosen to differ in lightness as well as hue, and each bar
carries its number as text, so nothing is said by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
BAR = 22
GAP = 8
LABEL_W = 220
COLOURS = ("#1f4e79", "#7fb3d5", "#b03a2e", "#f1948a", "#555555")  # dark blue, light blue, dark red, pink, grey


def _open(ident: str, title: str, desc: str, height: int) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id={quoteattr(ident)} role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}">',
            f'<title id="{ident}-title">{escape(title)}</title>',
            f'<desc id="{ident}-desc">{escape(desc)}</desc>',
            f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>']


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def bars(ident: str, title: str, desc: str, rows: Sequence[tuple[str, float]], *, mark: float | None = None,
         mark_label: str = "", empty: str = "") -> SafeString:
    """Horizontal bars, one per row (label, value); `mark` draws a dashed line at that value (a deadline)."""
    mark = mark if rows else None  # no bars: the sentence `empty` says it, a lone deadline line would not
    height = max(len(rows), 1) * (BAR + GAP) + GAP + (24 if mark is not None else 0)
    parts = _open(ident, title, desc, height)
    top = max([v for _, v in rows] + ([mark] if mark is not None else []) + [1])
    scale = (WIDTH - LABEL_W - 60) / top
    if not rows:
        parts.append(f'<text x="8" y="{BAR}" fill="#111111" font-size="14">{escape(empty)}</text>')
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR + GAP)
        width = max(value * scale, 1 if value else 0)
        colour = COLOURS[2] if mark is not None and value > mark else COLOURS[0]
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + BAR - 6}" text-anchor="end" fill="#111111" '
                     f'font-size="13">{escape(label[:32])}</text>')
        parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{colour}"/>')
        parts.append(f'<text x="{LABEL_W + width + 4:.1f}" y="{y + BAR - 6}" fill="#111111" '
                     f'font-size="13">{_number(value)}</text>')
    if mark is not None:
        x = LABEL_W + mark * scale
        bottom = height - 20
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{bottom}" stroke="#b03a2e" stroke-width="2" '
                     'stroke-dasharray="6 4"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" fill="#b03a2e" '
                     f'font-size="13">{escape(mark_label)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def stacked(ident: str, title: str, desc: str, columns: Sequence[tuple[str, Sequence[int]]],
            series: Sequence[str]) -> SafeString:
    """Vertical stacked columns (label, values per series), with a legend of the series below."""
    chart_h, legend_h = 200, 22 * len(series) + 8
    height = chart_h + 30 + legend_h
    parts = _open(ident, title, desc, height)
    top = max([sum(values) for _, values in columns] + [1])
    step = (WIDTH - 40) / max(len(columns), 1)
    width = min(step * 0.7, 48)
    parts.append(f'<line x1="30" y1="{chart_h}" x2="{WIDTH - 5}" y2="{chart_h}" stroke="#111111"/>')
    every = -(-len(columns) // 10)  # at most ten labels under the axis; the table names every column
    for i, (label, values) in enumerate(columns):
        x = 36 + i * step
        y = float(chart_h)
        for s, value in enumerate(values):
            if not value:
                continue
            h = value * (chart_h - 20) / top
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[s % len(COLOURS)]}" stroke="#ffffff"/>')
        total = sum(values)
        if total:
            parts.append(f'<text x="{x + width / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#111111" '
                         f'font-size="12">{total}</text>')
        if i % every == 0 or i == len(columns) - 1:
            parts.append(f'<text x="{x + width / 2:.1f}" y="{chart_h + 16}" text-anchor="middle" fill="#111111" '
                         f'font-size="11">{escape(label)}</text>')
    for s, name in enumerate(series):
        y = chart_h + 30 + s * 22
        parts.append(f'<rect x="36" y="{y}" width="16" height="16" fill="{COLOURS[s % len(COLOURS)]}"/>')
        parts.append(f'<text x="58" y="{y + 13}" fill="#111111" font-size="13">{escape(name)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
