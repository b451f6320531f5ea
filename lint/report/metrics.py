"""Document metrics: the numbers the threshold rules judge documents on, and their percentiles.

A rule that flags a document on one number (Q102's symbol ratio, L102's Chinese share …)
declares it as its :class:`~cnlint.rule.Metric` and computes it in ``measure``, the method its
``check`` compares with the option. The values here come from that method, on a rule built
with the run's config, so a percentile read off ``--statistics --group-by`` or a histogram in
the HTML report can be written into the config as the option and means what it says.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cnlint.config import Config
from cnlint.engine.registry import Registry
from cnlint.report.stats import PER_CHARS, DocumentStats
from cnlint.rule import Rule

# The percentiles the tables show; the JSON adds the maximum.
PERCENTILES = (10, 50, 90)
DENSITY = "density"


@dataclass(frozen=True)
class DocumentMetric:
    """One metric of a run: its rule (None for finding density) and the threshold in effect."""

    key: str  # the rule's code, or "density"
    label: str
    rule: Rule | None
    option: str | None  # the rule's option the value is compared with
    threshold: float | None
    flags_above: bool
    share: bool
    enabled: bool  # the rule runs in this configuration (Q101 and Q104 are off by default)

    def value(self, doc: DocumentStats) -> float | None:
        if self.rule is None:
            return doc.density
        return self.rule.measure(doc.doc)

    def beyond(self, value: float) -> bool:
        """Is ``value`` on the flagged side of the threshold (the rule's comparison)?"""
        if self.threshold is None:
            return False
        return value > self.threshold if self.flags_above else value < self.threshold

    @property
    def title(self) -> str:
        """``Symbol ratio (Q102 max-ratio 0.05, flagged above)``."""
        name = self.label[0].upper() + self.label[1:]
        if self.rule is None:
            return f"{name} (findings per {PER_CHARS:,} characters)"
        side = "above" if self.flags_above else "below"
        off = "" if self.enabled else ", rule off"
        return f"{name} ({self.key} {self.option} {self.threshold:g}, flagged {side}{off})"


def document_metrics(registry: Registry, config: Config | None = None) -> list[DocumentMetric]:
    """Every registered rule's metric with the options of ``config`` (defaults without one),
    by code, then the finding density of each document."""
    config = config or Config()
    selected = set(config.selected(registry))
    metrics = []
    for rule_cls in sorted(registry, key=lambda r: r.code):
        declared = rule_cls.metric
        if declared is None:
            continue
        rule = config.configured(rule_cls)
        metrics.append(
            DocumentMetric(
                key=rule_cls.code,
                label=declared.label,
                rule=rule,
                option=declared.threshold,
                threshold=rule.option_values[declared.threshold],
                flags_above=declared.flags_above,
                share=declared.share,
                enabled=rule_cls in selected,
            )
        )
    density = DocumentMetric(DENSITY, "finding density", None, None, None, True, False, True)
    return [*metrics, density]


def measure(documents: Sequence[DocumentStats], metrics: Sequence[DocumentMetric]) -> list[list]:
    """For each metric, each document's value (None where the rule does not judge it)."""
    return [[metric.value(doc) for doc in documents] for metric in metrics]


@dataclass(frozen=True)
class Distribution:
    """A metric over a set of documents: how many were measured, percentiles, beyond."""

    measured: int
    percentiles: dict[int, float]  # empty when nothing was measured
    maximum: float | None
    beyond: int  # documents on the flagged side of the threshold

    @classmethod
    def of(cls, metric: DocumentMetric, values: Sequence[float | None]) -> Distribution:
        measured = sorted(v for v in values if v is not None)
        if not measured:
            return cls(0, {}, None, 0)
        return cls(
            len(measured),
            {p: nearest_rank(measured, p) for p in PERCENTILES},
            measured[-1],
            sum(1 for v in measured if metric.beyond(v)),
        )


def nearest_rank(ordered: Sequence[float], percent: float) -> float:
    """The smallest measured value with at least ``percent`` % of the values at or below it.

    Always one document's value, never an interpolation: set a rule's maximum to p90 and it
    flags exactly the documents above it, at most 10 % (a minimum at p10: under 10 %).
    """
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]
