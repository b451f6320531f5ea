"""The HTML report's document-metric histograms: one inline SVG per threshold rule, the
configured threshold drawn as a line, so a curator can see how many documents an option
value keeps and read a better one off the data.

Ten bins lie between 0 and the threshold, so the threshold is an edge, and bins are closed on
the side the rule does not flag (a rule that flags values above the maximum keeps a value equal
to it): every bar is all flagged or all kept, and flagged bars are drawn in the error colour.
The axis runs to the largest value or twice the threshold, but to three times the threshold at
most (to 1 for a share); documents beyond go in one last bar. Bar heights are on a square-root
scale: the clean majority in the first bar would otherwise flatten the tail a curator needs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from cnlint.report.metrics import DocumentMetric, measure
from cnlint.report.stats import CorpusStats

WIDTH = 560
HEIGHT = 190
TOP = 22  # room for the threshold's label
AXIS = 34  # below the plot: tick labels and the axis caption
BINS_BELOW = 10  # bins between 0 and the threshold
SPAN = 3  # the axis ends at three times the threshold at most
# The page's palette (report.css): the rule's colour for a flagged bar and the threshold.
FLAGGED = "fill: var(--error)"
LINE = "stroke: var(--error)"
LABEL = "fill: var(--error)"


@dataclass(frozen=True)
class Bin:
    low: float
    high: float | None  # None: the open last bar
    documents: int
    flagged: bool


@dataclass(frozen=True)
class Bins:
    bins: list[Bin]
    threshold_edge: int  # the threshold is the lower edge of this bin (or the end, at len)


def metric_histograms(stats: CorpusStats, metrics: Sequence[DocumentMetric]) -> str:
    """The section of histograms, one per metric with a threshold (every threshold rule)."""
    shown = [metric for metric in metrics if metric.threshold is not None]
    if not shown or not stats.documents:
        return ""
    figures = []
    for metric, values in zip(shown, measure(stats.documents, shown), strict=True):
        measured = [value for value in values if value is not None]
        caption = (
            f"{escape(metric.title)} <small>{len(measured):,} of {len(values):,} documents "
            f"measured, {sum(map(metric.beyond, measured)):,} beyond the threshold</small>"
        )
        chart = histogram_svg(metric, binned(metric, measured)) if measured else "<p>None.</p>"
        figures.append(
            f'<figure class="metric" data-metric="{escape(metric.key)}">'
            f"<figcaption>{caption}</figcaption>{chart}</figure>"
        )
    return (
        '<section id="metrics"><h2>Document metrics <small>(the numbers the threshold rules '
        "judge; set an option where the data says)</small></h2>"
        f'<div class="charts">{"".join(figures)}</div></section>'
    )


def binned(metric: DocumentMetric, values: Sequence[float]) -> Bins:
    """Documents per bin, the threshold on an edge; one more, open bin for the values
    beyond the axis, if any."""
    threshold = metric.threshold or 0.0
    largest = max(values)
    if threshold > 0:
        below, step = BINS_BELOW, threshold / BINS_BELOW
        end = min(max(2 * threshold, largest), SPAN * threshold)
        if metric.share:
            end = max(min(end, 1.0), threshold)
    else:  # a zero threshold: nothing to align with
        end = largest if largest > 0 else 1.0
        below, step = 0, end / BINS_BELOW
    count = max(1, math.ceil(end / step - EPSILON))
    counts = [0] * (count + 1)
    for value in values:
        counts[_index(value / step, count, metric.flags_above)] += 1
    edges = [index * step for index in range(count + 1)]
    drawn = [
        Bin(edges[i], edges[i + 1], counts[i], _flagged(metric, i, below)) for i in range(count)
    ]
    if counts[count]:
        drawn.append(Bin(edges[count], None, counts[count], _flagged(metric, count, below)))
    return Bins(drawn, below)


# Values computed as ratios land a rounding error away from an edge (0.05 / 0.01): within
# this many steps of an edge, a value is on it.
EPSILON = 1e-9


def _index(position: float, count: int, flags_above: bool) -> int:
    """The bin of a value ``position`` steps from 0; ``count`` is the open last bin.

    Bins are (a, b] when values above the threshold are flagged (0 goes in the first), so a
    value equal to the threshold is in the last kept bin; [a, b) when values below it are
    (the end, 1.0 for a share, goes in the last regular bin).
    """
    if position > count + EPSILON:
        return count
    index = math.ceil(position - EPSILON) - 1 if flags_above else math.floor(position + EPSILON)
    return min(max(index, 0), count - 1)


def _flagged(metric: DocumentMetric, index: int, below: int) -> bool:
    return index >= below if metric.flags_above else index < below


def histogram_svg(metric: DocumentMetric, histogram: Bins) -> str:
    drawn = histogram.bins
    plot = HEIGHT - TOP - AXIS
    slot = WIDTH / len(drawn)
    tallest = math.sqrt(max(b.documents for b in drawn) or 1)
    bars = []
    for index, item in enumerate(drawn):
        tall = max(1.5, math.sqrt(item.documents) / tallest * plot) if item.documents else 0
        style = f' style="{FLAGGED}"' if item.flagged else ""
        bars.append(
            f'<rect x="{index * slot + 1:.1f}" y="{TOP + plot - tall:.1f}"'
            f' width="{max(slot - 2, 1):.1f}" height="{tall:.1f}"{style}>'
            f"<title>{escape(_span(metric, item))}: {item.documents:,} documents"
            f"{' (flagged)' if item.flagged else ''}</title></rect>"
        )
    x = histogram.threshold_edge * slot
    base = TOP + plot
    ticks = [
        _tick(0, _number(metric, drawn[0].low), "start"),
        _tick(WIDTH, _end_label(metric, drawn[-1]), "end"),
    ]
    line = (
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 4}" y2="{base}" style="{LINE}"'
        f' stroke-width="2" stroke-dasharray="5 3"></line>'
        f'<text x="{x:.1f}" y="{TOP - 8}" text-anchor="{_anchor(x)}" style="{LABEL}">'
        f"{escape(f'{metric.option} {_number(metric, metric.threshold)}')}</text>"
    )
    return (
        f'<svg class="chart histogram" role="img" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" aria-label="{escape(metric.title)}">'
        f"{''.join(bars)}"
        f'<line class="axis" x1="0" x2="{WIDTH}" y1="{base}" y2="{base}"></line>'
        f"{''.join(ticks)}{line}"
        f'<text class="axis-label" x="{WIDTH / 2}" y="{HEIGHT - 4}" text-anchor="middle">'
        f"{escape(metric.label)} (documents: square-root scale)</text></svg>"
    )


def _tick(x: float, label: str, anchor: str) -> str:
    y = HEIGHT - AXIS + 14
    return f'<text x="{x}" y="{y}" text-anchor="{anchor}">{escape(label)}</text>'


def _anchor(x: float) -> str:
    if x < WIDTH * 0.15:
        return "start"
    return "end" if x > WIDTH * 0.85 else "middle"


def _end_label(metric: DocumentMetric, last: Bin) -> str:
    if last.high is None:
        return f"> {_number(metric, last.low)}"
    return _number(metric, last.high)


def _span(metric: DocumentMetric, item: Bin) -> str:
    if item.high is None:
        return f"over {_number(metric, item.low)}"
    return f"{_number(metric, item.low)}–{_number(metric, item.high)}"


def _number(metric: DocumentMetric, value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.3g}" if metric.share else f"{value:,.0f}"
