"""One defect, one finding: what the engine reports of the findings the rules made.

Rules judge independently, so one defect can be found several times: a doubled ``,,`` is
repeated punctuation and holds two half-width commas; a breadcrumb line that is dropped holds
half-width marks of its own; a document of mojibake holds a replacement character per lost
byte. :func:`reported` keeps one finding per defect, deciding by spans, fixes and one property
of the rule class (``document_verdict``), never by rule names:

- **Covered.** A finding lies inside the range an edit of another finding's fix replaces (a
  finding of no width strictly inside it), so that fix rewrites or removes its text: only the
  outer finding is reported. A safe outer fix covers any finding; an unsafe one covers only
  findings without a safe fix, since ``--fix`` would apply that safe fix on its own and the
  report must list what ``--fix`` does. An edit covers nothing when another edit of its fix
  writes text: the fix may move what it deletes (broken-paragraph puts a caption after the
  joined paragraph), and the finding moves with it. Two findings with the same span both
  stay. A finding covered only by a covered finding is reported (the outermost fix may leave
  it).
- **Verdict.** When a rule that judges the whole document (``document_verdict``: too many
  symbols, not Chinese) reports, the findings no fix touches (replacement characters, GBK
  debris: one per lost byte) are examples of what the verdict says: the first
  ``LISTED_WITH_VERDICT`` are listed, and the first verdict's message counts the rest. Every
  finding with a fix stays listed, since ``--fix`` applies it and the counts must agree.

Only the findings of the rules that ran take part: with the outer rule not selected, the inner
finding is reported.

The corpus rules judge a document after its own rules, with every document at hand. Their
findings have no fix, so they cover nothing; :func:`uncovered` drops the boilerplate
paragraphs (D203) that a fix of the document's reported findings covers (a byline line that
B104 drops is not also a boilerplate paragraph). The verdict's count is not redone: it was
made before.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from cnlint.finding import Applicability, Finding

# Other findings listed beside a document's verdict: enough to show what the debris is.
LISTED_WITH_VERDICT = 10


def reported(findings: Sequence[Finding], verdicts: Collection[str] = ()) -> list[Finding]:
    """The findings to report, one per defect, in the order given (see the module's doc).

    ``verdicts`` are the codes of the rules that judge a whole document. O(f log f).
    """
    if len(findings) < 2:
        return _with_verdict(list(findings), verdicts) if verdicts else list(findings)
    applicabilities = [f.fix_applicability for f in findings]
    covers = _covers(findings, applicabilities)
    if not covers:
        kept = list(findings)
    else:
        judged = [f.code in verdicts for f in findings]
        sweep = _Sweep(findings, judged, applicabilities)
        covered = sweep.covered(covers)
        if covered:
            # Only findings still reported cover others: an inner finding whose cover is
            # itself covered may outlive the outermost fix.
            covered = sweep.covered([c for c in covers if c[3] not in covered])
        kept = [f for i, f in enumerate(findings) if i not in covered]
    return _with_verdict(kept, verdicts) if verdicts else kept


def uncovered(added: Sequence[Finding], findings: Sequence[Finding]) -> list[Finding]:
    """The ``added`` findings that no fix of ``findings`` (already reported) covers."""
    if not added or not findings:
        return list(added)
    combined = [*findings, *added]
    applicabilities = [f.fix_applicability for f in combined]
    covers = [c for c in _covers(combined, applicabilities) if c[3] < len(findings)]
    if not covers:
        return list(added)
    sweep = _Sweep(combined, [False] * len(combined), applicabilities)
    covered = sweep.covered(covers)
    return [f for i, f in enumerate(added, len(findings)) if i not in covered]


# An edit's replaced range, the span of the finding whose fix holds it, and that finding's
# index. Sorted, covers are in start order.
Cover = tuple[int, int, tuple[int, int], int]


def _covers(
    findings: Sequence[Finding], applicabilities: list[Applicability | None]
) -> list[Cover]:
    """The ranges the findings' fixes replace, sorted (see :data:`Cover`).

    An edit covers nothing when another edit of its fix writes text: the fix may move what
    it deletes.
    """
    covers: list[Cover] = []
    for owner, applicability in enumerate(applicabilities):
        if applicability is None:
            continue
        finding = findings[owner]
        span = (finding.start, finding.end)
        # Spans, not the fix: most findings' fixes are never built (see Finding).
        edits = finding.edit_spans()
        if len(edits) == 1:
            start, end, _ = edits[0]
            if start < end:
                covers.append((start, end, span, owner))
            continue
        writing = sum(1 for _, _, content in edits if content)
        covers.extend(
            (start, end, span, owner)
            for start, end, content in edits
            if start < end and writing - bool(content) == 0
        )
    covers.sort()
    return covers


class _Sweep:
    """The findings of one document in start order, ready to be checked against covers."""

    def __init__(
        self,
        findings: Sequence[Finding],
        judged: list[bool],
        applicabilities: list[Applicability | None],
    ) -> None:
        self.findings = findings
        starts = [f.start for f in findings]
        self.order = sorted(range(len(findings)), key=starts.__getitem__)
        self.judged = judged
        self.applicabilities = applicabilities
        self._fixed_alone: list[bool] | None = None

    def covered(self, covers: list[Cover]) -> set[int]:
        """Indexes of the findings inside one of the ``covers``: a safe fix covers any
        finding, an unsafe one only findings without a safe fix (``--fix`` would apply that
        safe fix on its own). Findings of document verdicts are never covered."""
        applicabilities = self.applicabilities
        safe = [c for c in covers if applicabilities[c[3]] is Applicability.SAFE]
        unsafe = [c for c in covers if applicabilities[c[3]] is not Applicability.SAFE]
        covered = self._stabbed(self.judged, safe) if safe else set()
        if unsafe:
            if self._fixed_alone is None:
                self._fixed_alone = [
                    j or a is Applicability.SAFE
                    for a, j in zip(applicabilities, self.judged, strict=True)
                ]
            covered |= self._stabbed(self._fixed_alone, unsafe)
        return covered

    def _stabbed(self, excluded: list[bool], covers: list[Cover]) -> set[int]:
        """Indexes of the findings (bar ``excluded`` ones) inside one of the ``covers``.

        A finding at ``[start, end)`` lies inside a cover that opens at or before ``start``
        and ends at or after ``end`` (a finding of no width: strictly inside), unless the
        cover's finding has the finding's own span. So a sweep in start order need only
        know, of the covers opened so far, the one that ends last and the one that ends last
        among those of another finding span than it: one of the two is the widest cover that
        may count. A cover that ended before a finding needs no removing: it is never the
        widest of any span a finding after it looks for. Constant work per finding and cover.
        """
        findings = self.findings
        closed, open_ = _Widest(), _Widest()  # covers opening at or before / before a finding
        to_closed = to_open = 0
        found: set[int] = set()
        for index in self.order:
            if excluded[index]:
                continue
            finding = findings[index]
            start, end = finding.start, finding.end
            while to_closed < len(covers) and covers[to_closed][0] <= start:
                closed.add(covers[to_closed])
                to_closed += 1
            span = (start, end)
            if start < end:
                if closed.widest_end(span) >= end:
                    found.add(index)
                continue
            while to_open < len(covers) and covers[to_open][0] < start:
                open_.add(covers[to_open])
                to_open += 1
            if open_.widest_end(span) > start:  # a point at the edge of a range survives it
                found.add(index)
        return found


class _Widest:
    """Of the covers added, the end of the one that ends last, and of the one that ends last
    among those of another finding span than that one."""

    __slots__ = ("end", "other_end", "span")

    def __init__(self) -> None:
        self.end, self.span, self.other_end = -1, None, -1

    def add(self, cover: Cover) -> None:
        _, end, span, _ = cover
        if end > self.end:
            if span != self.span:
                self.other_end = self.end
            self.end, self.span = end, span
        elif end > self.other_end and span != self.span:
            self.other_end = end

    def widest_end(self, span: tuple[int, int]) -> int:
        """The end of the widest cover not of a finding with ``span`` (-1: none)."""
        return self.end if span != self.span else self.other_end


def _with_verdict(findings: list[Finding], verdicts: Collection[str]) -> list[Finding]:
    """The findings with the unfixable ones beyond ``LISTED_WITH_VERDICT`` left out and
    counted in the first verdict's message; unchanged when no verdict was given."""
    first = next((i for i, f in enumerate(findings) if f.code in verdicts), None)
    if first is None:
        return findings
    unfixable = [
        i for i, f in enumerate(findings) if f.fix_applicability is None and f.code not in verdicts
    ]
    left_out = set(unfixable[LISTED_WITH_VERDICT:])
    if not left_out:
        return findings
    noun = "finding" if len(left_out) == 1 else "findings"
    note = f"; {len(left_out):,} more {noun} without a fix in this document not listed"
    counted = replace(findings[first], message=findings[first].message + note)
    return [counted if i == first else f for i, f in enumerate(findings) if i not in left_out]
