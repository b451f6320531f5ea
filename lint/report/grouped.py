"""Numbers per group of documents (``--group-by``): counts, findings per rule family and
rule, and each document metric's distribution. The groups partition the documents, so their
counts add up to the run's totals."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from cnlint.report.groups import GroupBy
from cnlint.report.metrics import Distribution, DocumentMetric
from cnlint.report.stats import RecordStats, per_10k, share


@dataclass(frozen=True)
class GroupStats:
    name: str
    documents: int
    characters: int
    findings: int
    affected: int  # documents with findings
    families: Counter[str]  # findings per rule family (the code's letters: P, T …)
    rules: Counter[str]  # findings per rule code
    distributions: list[Distribution]  # one per metric, in the metrics' order

    @property
    def density(self) -> float:
        return per_10k(self.findings, self.characters)

    @property
    def affected_share(self) -> float:
        return share(self.affected, self.documents)


class GroupedStats:
    """The documents of a run in groups, with the run's metrics as measured in each document's
    record (where the document was linted)."""

    def __init__(
        self, stats: RecordStats, group_by: GroupBy, metrics: Sequence[DocumentMetric]
    ) -> None:
        self.by = group_by
        self.metrics = list(metrics)
        self.problems: list[str] = []
        labels = group_by.labels(stats.records, self.problems)
        members: defaultdict[str, list[int]] = defaultdict(list)
        for index, label in enumerate(labels):
            members[label].append(index)
        self._stats, self._labels = stats, labels
        self._values = [[doc.measures[m] for doc in stats.documents] for m in range(len(metrics))]
        groups = [self._group(name, indices) for name, indices in members.items()]
        self.groups = sorted(groups, key=lambda g: (-g.documents, g.name))
        # Parenthesised like "(no KEY)" and "(N more groups)": a field value "all" is a group.
        self.total = self._group("(all)", range(len(stats.documents)))

    def pooled(self, name: str, groups: Sequence[GroupStats]) -> GroupStats:
        """One row for several groups (the ones a table leaves out), measured together."""
        names = {group.name for group in groups}
        return self._group(name, [i for i, label in enumerate(self._labels) if label in names])

    def _group(self, name: str, indices: Sequence[int]) -> GroupStats:
        documents = [self._stats.documents[i] for i in indices]
        families: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        for doc in documents:
            for code, _ in doc.findings:
                rules[code] += 1
                families[code.rstrip("0123456789")] += 1
        distributions = [
            Distribution.of(metric, [self._values[m][i] for i in indices])
            for m, metric in enumerate(self.metrics)
        ]
        return GroupStats(
            name,
            len(documents),
            sum(doc.characters for doc in documents),
            sum(len(doc.findings) for doc in documents),
            sum(1 for doc in documents if doc.findings),
            families,
            rules,
            distributions,
        )
