"""Corpus statistics: the numbers behind ``--statistics`` and the HTML health report.

Every count here is taken from each file's :class:`FileRecord`: the documents' lengths and
their findings' codes and fixes, made from the same results ``--format json`` writes (in the
worker that linted the file, for ``--statistics``), so the report and the JSON always agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby, pairwise
from typing import TYPE_CHECKING

from cnlint.document import Document
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Applicability, Finding, Severity, pickled_by_fields

if TYPE_CHECKING:
    from cnlint.report.metrics import DocumentMetric

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


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """What the statistics need of one document, without its text: what a worker sends back
    for ``--statistics``."""

    characters: int
    line: int | None  # the record's line in a JSONL file; None for a text file
    findings: tuple[tuple[str, Applicability | None], ...]  # code and fix of each finding
    measures: tuple[float | None, ...] = ()  # each requested metric's value (``--group-by``)

    @property
    def density(self) -> float:
        return per_10k(len(self.findings), self.characters)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class FileRecord:
    """One file's (or part's) documents as records, its error, and the name and severity of
    the first finding of each rule in it."""

    path: str
    error: str | None
    documents: tuple[DocumentRecord, ...]
    rules: tuple[tuple[str, str, Severity], ...]

    @classmethod
    def of(cls, result: FileResult, metrics: Sequence[DocumentMetric] = ()) -> FileRecord:
        documents, first = [], {}
        for document in result.documents:
            doc, found = document.doc, document.findings
            for finding in found:
                first.setdefault(finding.code, (finding.code, finding.name, finding.severity))
            record = DocumentRecord(
                len(doc.text),
                doc.record.line if doc.record is not None else None,
                tuple((f.code, f.fix_applicability) for f in found),
                tuple(metric.value(DocumentStats(doc, found)) for metric in metrics),
            )
            documents.append(record)
        return cls(result.path, result.error, tuple(documents), tuple(first.values()))

    @classmethod
    def joined(cls, parts: list[FileRecord]) -> FileRecord:
        """One record for a file linted in parts (as :func:`cnlint.engine.run.joined` joins
        its results)."""
        if len(parts) == 1:
            return parts[0]
        errors = [part.error for part in parts if part.error]
        first: dict[str, tuple[str, str, Severity]] = {}
        for part in parts:
            for rule in part.rules:
                first.setdefault(rule[0], rule)
        documents = tuple(d for part in parts for d in part.documents)
        return cls(parts[0].path, "; ".join(errors) or None, documents, tuple(first.values()))


class RecordStats:
    """Summary numbers of one run, computed once from its files' records (no text)."""

    def __init__(self, records: Iterable[FileRecord]) -> None:
        self.records = [
            FileRecord.joined(list(parts)) for _, parts in groupby(records, lambda r: r.path)
        ]
        self.documents: Sequence[DocumentRecord | DocumentStats] = [
            document for file in self.records for document in file.documents
        ]
        self.errors = [file for file in self.records if file.error]
        self.files: list[FileStats] = [
            FileStats(
                file.path,
                len(file.documents),
                sum(d.characters for d in file.documents),
                sum(len(d.findings) for d in file.documents),
            )
            for file in self.records
            if not file.error
        ]

    @classmethod
    def of(cls, report: Report, metrics: Sequence[DocumentMetric] = ()) -> RecordStats:
        return cls(FileRecord.of(result, metrics) for result in report.files)

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
        return self._fixes[Applicability.SAFE]

    @cached_property
    def fixable_unsafe(self) -> int:
        """Findings only ``--fix --unsafe-fixes`` can fix (marked ``[~]``)."""
        return self._fixes[Applicability.UNSAFE]

    @cached_property
    def _fixes(self) -> Counter[Applicability | None]:
        return Counter(
            fix for file in self.records for d in file.documents for _, fix in d.findings
        )

    @cached_property
    def affected(self) -> Sequence[DocumentRecord | DocumentStats]:
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
        first: dict[str, tuple[str, str, Severity]] = {}
        for file in self.records:
            for rule in file.rules:
                first.setdefault(rule[0], rule)
            for doc in file.documents:
                for code in {code for code, _ in doc.findings}:
                    documents[code] += 1
                for code, fix in doc.findings:
                    counts[code] += 1
                    fixable[code] += fix is not None
        rows = [
            RuleStats(code, first[code][1], first[code][2], count, documents[code], fixable[code])
            for code, count in counts.items()
        ]
        return sorted(rows, key=lambda r: (-r.findings, r.code))

    def top_files(self, limit: int) -> list[FileStats]:
        with_findings = [f for f in self.files if f.findings]
        return sorted(with_findings, key=lambda f: (-f.findings, -f.density, f.path))[:limit]


class CorpusStats(RecordStats):
    """The numbers of a whole report, and its documents with their text and findings (for
    the reports that show documents: HTML, the full format's summary)."""

    def __init__(self, report: Report) -> None:
        super().__init__([FileRecord.of(result) for result in report.files])
        self.report = report
        self.documents: list[DocumentStats] = [
            DocumentStats(result.doc, result.findings)
            for file in report.files
            for result in file.documents
        ]

    def worst_documents(self) -> list[DocumentStats]:
        """Documents with findings ranked as :meth:`top_files` ranks files: most findings
        first, then the denser, then by name."""
        return sorted(self.affected, key=lambda d: (-len(d.findings), -d.density, d.label))

    def density_histogram(self) -> list[DensityBin]:
        """Documents per defect-density bin (findings per 10,000 characters)."""
        labels = ["0", f"<{DENSITY_EDGES[0]}"]
        labels += [f"{lo}–{hi}" for lo, hi in pairwise(DENSITY_EDGES)]
        labels.append(f"≥{DENSITY_EDGES[-1]}")
        counts = [0] * len(labels)
        for doc in self.documents:
            counts[_density_bin(doc)] += 1
        return [DensityBin(label, n) for label, n in zip(labels, counts, strict=True)]


def _density_bin(doc: DocumentStats) -> int:
    if not doc.findings:
        return 0
    density = doc.density
    for index, edge in enumerate(DENSITY_EDGES):
        if density < edge:
            return index + 1
    return len(DENSITY_EDGES) + 1
