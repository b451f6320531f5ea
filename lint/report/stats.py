"""Corpus statistics: the numbers behind ``--statistics`` and the HTML health report.

Every count here is taken from ``report.findings``, the same list ``--format json``
writes, so the report and the JSON always agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from cnlint.document import Document
from cnlint.engine.run import Report
from cnlint.finding import Applicability, Finding, Severity

PER_CHARS = 10_000
# Upper edges of the defect-density bins (findings per 10,000 characters); the first bin is
# "exactly 0", the last is open-ended. Log-like steps: clean prose sits near 0, a scraped page
# full of half-width punctuation in the hundreds.
DENSITY_EDGES = (10, 50, 100, 250, 500)


def per_10k(findings: int, characters: int) -> float:
    return findings * PER_CHARS / characters if characters else 0.0


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class RuleStats:
    code: str
    name: str
    severity: Severity
    findings: int
    documents: int
    fixable: int


@dataclass(frozen=True)
class DocumentStats:
    doc: Document
    findings: list[Finding]

    @property
    def characters(self) -> int:
        return len(self.doc.text)

    @property
    def density(self) -> float:
        return per_10k(len(self.findings), self.characters)

    @property
    def label(self) -> str:
        record = self.doc.record
        if record is None:
            return self.doc.path
        suffix = f" ({record.id})" if record.id else ""
        return f"{self.doc.path}:{record.line}{suffix}"


@dataclass(frozen=True)
class FileStats:
    path: str
    documents: int
    characters: int
    findings: int

    @property
    def density(self) -> float:
        return per_10k(self.findings, self.characters)


@dataclass(frozen=True)
class DensityBin:
    label: str
    documents: int


class CorpusStats:
    """Summary numbers of one run, computed once from a :class:`Report`."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.documents: list[DocumentStats] = [
            DocumentStats(result.doc, result.findings)
            for file in report.files
            for result in file.documents
        ]
        self.files: list[FileStats] = [
            FileStats(
                file.path,
                len(file.documents),
                sum(len(d.doc.text) for d in file.documents),
                sum(len(d.findings) for d in file.documents),
            )
            for file in report.files
            if not file.error
        ]

    @cached_property
    def characters(self) -> int:
        return sum(d.characters for d in self.documents)

    @cached_property
    def findings(self) -> int:
        return sum(len(d.findings) for d in self.documents)

    @cached_property
    def fixable(self) -> int:
        return self.fixable_safe + self.fixable_unsafe

    @cached_property
    def fixable_safe(self) -> int:
        """Findings ``--fix`` can fix (marked ``[*]``)."""
        return sum(1 for d in self.documents for f in d.findings if _is(f, Applicability.SAFE))

    @cached_property
    def fixable_unsafe(self) -> int:
        """Findings only ``--fix --unsafe-fixes`` can fix (marked ``[~]``)."""
        return sum(1 for d in self.documents for f in d.findings if _is(f, Applicability.UNSAFE))

    @cached_property
    def affected(self) -> list[DocumentStats]:
        return [d for d in self.documents if d.findings]

    @property
    def density(self) -> float:
        return per_10k(self.findings, self.characters)

    @property
    def affected_share(self) -> float:
        return share(len(self.affected), len(self.documents))

    @property
    def fixable_share(self) -> float:
        return share(self.fixable, self.findings)

    @cached_property
    def rules(self) -> list[RuleStats]:
        """One row per rule that found something, most findings first."""
        counts: Counter[str] = Counter()
        fixable: Counter[str] = Counter()
        documents: defaultdict[str, int] = defaultdict(int)
        first: dict[str, Finding] = {}
        for doc in self.documents:
            for code in {f.code for f in doc.findings}:
                documents[code] += 1
            for finding in doc.findings:
                counts[finding.code] += 1
                fixable[finding.code] += finding.fix_applicability is not None
                first.setdefault(finding.code, finding)
        rows = [
            RuleStats(
                code,
                first[code].name,
                first[code].severity,
                count,
                documents[code],
                fixable[code],
            )
            for code, count in counts.items()
        ]
        return sorted(rows, key=lambda r: (-r.findings, r.code))

    def worst_documents(self) -> list[DocumentStats]:
        """Documents with findings ranked as :meth:`top_files` ranks files: most findings
        first, then the denser, then by name."""
        return sorted(self.affected, key=lambda d: (-len(d.findings), -d.density, d.label))

    def top_files(self, limit: int) -> list[FileStats]:
        with_findings = [f for f in self.files if f.findings]
        return sorted(with_findings, key=lambda f: (-f.findings, -f.density, f.path))[:limit]

    def density_histogram(self) -> list[DensityBin]:
        """Documents per defect-density bin (findings per 10,000 characters)."""
        labels = ["0", f"<{DENSITY_EDGES[0]}"]
        labels += [f"{lo}–{hi}" for lo, hi in pairwise(DENSITY_EDGES)]
        labels.append(f"≥{DENSITY_EDGES[-1]}")
        counts = [0] * len(labels)
        for doc in self.documents:
            counts[_density_bin(doc)] += 1
        return [DensityBin(label, n) for label, n in zip(labels, counts, strict=True)]


def _is(finding: Finding, applicability: Applicability) -> bool:
    return finding.fix_applicability is applicability


def _density_bin(doc: DocumentStats) -> int:
    if not doc.findings:
        return 0
    density = doc.density
    for index, edge in enumerate(DENSITY_EDGES):
        if density < edge:
            return index + 1
    return len(DENSITY_EDGES) + 1
