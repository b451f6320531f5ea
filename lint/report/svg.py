"""Inline SVG charts for the HTML report: no script, no network, every label escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    key: str  # what a click filters on (a rule code); empty for none
    label: str
    value: int
    css_class: str = ""
    title: str = ""


ROW_HEIGHT = 24
LABEL_WIDTH = 250
BAR_SPACE = 330
COUNT_WIDTH = 70


def bar_chart(bars: list[Bar], caption: str) -> str:
    """Horizontal bars, one row each, longest first as given; clickable when ``key`` is set."""
    width = LABEL_WIDTH + BAR_SPACE + COUNT_WIDTH
    height = ROW_HEIGHT * len(bars) + 8
    largest = max((b.value for b in bars), default=0) or 1
    rows = []
    for index, item in enumerate(bars):
        y = 4 + index * ROW_HEIGHT
        length = max(2.0, item.value / largest * BAR_SPACE) if item.value else 0
        key = (
            f' data-filter-rule="{escape(item.key)}" tabindex="0" role="button"' if item.key else ""
        )
        rows.append(
            f'<g class="bar {escape(item.css_class)}"{key}>'
            f"<title>{escape(item.title or item.label)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">'
            f"{escape(item.label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{ROW_HEIGHT - 6}"'
            f' rx="2"></rect>'
            f'<text class="count" x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 16}">'
            f"{item.value:,}</text></g>"
        )
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}" aria-label="{escape(caption)}">{"".join(rows)}</svg>'
    )


HIST_WIDTH = 560
HIST_HEIGHT = 200
HIST_AXIS = 36


def histogram(bars: list[Bar], caption: str, axis_label: str) -> str:
    """Vertical bars in the given order (bins), each labelled below and counted above."""
    slot = HIST_WIDTH / max(1, len(bars))
    largest = max((b.value for b in bars), default=0) or 1
    plot = HIST_HEIGHT - HIST_AXIS - 20
    columns = []
    for index, item in enumerate(bars):
        x = index * slot
        tall = max(2.0, item.value / largest * plot) if item.value else 0
        top = 20 + plot - tall
        middle = x + slot / 2
        columns.append(
            f'<g class="bin {escape(item.css_class)}"><title>{escape(item.title)}</title>'
            f'<rect x="{x + 6:.1f}" y="{top:.1f}" width="{slot - 12:.1f}" height="{tall:.1f}"'
            f' rx="2"></rect>'
            f'<text class="count" x="{middle:.1f}" y="{top - 5:.1f}" text-anchor="middle">'
            f"{item.value:,}</text>"
            f'<text x="{middle:.1f}" y="{HIST_HEIGHT - HIST_AXIS + 16}" text-anchor="middle">'
            f"{escape(item.label)}</text></g>"
        )
    return (
        f'<svg class="chart histogram" role="img" viewBox="0 0 {HIST_WIDTH} {HIST_HEIGHT}"'
        f' width="{HIST_WIDTH}" height="{HIST_HEIGHT}" aria-label="{escape(caption)}">'
        f'<line class="axis" x1="0" x2="{HIST_WIDTH}" y1="{20 + plot}" y2="{20 + plot}"></line>'
        f"{''.join(columns)}"
        f'<text class="axis-label" x="{HIST_WIDTH / 2}" y="{HIST_HEIGHT - 4}"'
        f' text-anchor="middle">{escape(axis_label)}</text></svg>'
    )
