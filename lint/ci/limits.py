"""CI limits: when a run fails, by count or by density, not only "any finding fails".

Without limits a run fails on any finding at or above ``fail-on`` (Report.exit_code).
With ``max-findings`` and/or ``max-density`` a corpus is held to a quality level
instead of to zero: the run fails only when a limit is exceeded.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnlint.engine.run import FileResult, Report
from cnlint.finding import Severity, pickled_by_fields

DENSITY_UNIT = 10_000  # density is findings per 10,000 characters


@dataclass(frozen=True)
class Limits:
    max_findings: int | None = None
    max_density: float | None = None

    @property
    def active(self) -> bool:
        return self.max_findings is not None or self.max_density is not None


@dataclass(frozen=True)
class Verdict:
    exit_code: int
    failing: int
    characters: int
    reasons: tuple[str, ...] = ()

    @property
    def density(self) -> float:
        return DENSITY_UNIT * self.failing / self.characters if self.characters else 0.0


@pickled_by_fields  # a worker sends one per file it renders (cnlint.report.rendered)
@dataclass
class Tally:
    """What a verdict needs of a run, counted file by file so results need not be kept."""

    fail_on: Severity
    failing: int = 0
    characters: int = 0
    errors: int = 0

    def add(self, result: FileResult) -> None:
        rank = self.fail_on.rank
        for document in result.documents:
            self.characters += len(document.doc.text)  # after fixing, when fixing
            self.failing += sum(1 for f in document.findings if f.severity.rank >= rank)
        self.errors += bool(result.error)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (a worker's, of the files it linted)."""
        self.failing += other.failing
        self.characters += other.characters
        self.errors += other.errors

    @classmethod
    def of(cls, report: Report) -> Tally:
        tally = cls(report.fail_on)
        for result in report.files:
            tally.add(result)
        return tally

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else 1 if self.failing else 0


def evaluate(tally: Tally, limits: Limits) -> Verdict:
    failing = tally.failing
    verdict = Verdict(tally.exit_code, failing, tally.characters)
    if tally.errors or not limits.active:
        return verdict
    reasons = []
    if limits.max_findings is not None and failing > limits.max_findings:
        reasons.append(f"{failing} findings exceed max-findings {limits.max_findings}")
    if limits.max_density is not None and verdict.density > limits.max_density:
        reasons.append(
            f"{verdict.density:.2f} findings at or above {tally.fail_on.value} per "
            f"{DENSITY_UNIT:,} characters exceed "
            f"max-density {limits.max_density:g}"
        )
    return Verdict(1 if reasons else 0, failing, verdict.characters, tuple(reasons))
