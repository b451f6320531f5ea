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

import heapq
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
    judged = [f.code in verdicts for f in findings]
    covered = _covered(findings, judged, range(len(findings)))
    if covered:
        # Only findings still reported cover others: an inner finding whose cover is itself
        # covered may outlive the outermost fix.
        outer = [i for i in range(len(findings)) if i not in covered]
        covered = _covered(findings, judged, outer)
    kept = [f for i, f in enumerate(findings) if i not in covered]
    return _with_verdict(kept, verdicts) if verdicts else kept


def uncovered(added: Sequence[Finding], findings: Sequence[Finding]) -> list[Finding]:
    """The ``added`` findings that no fix of ``findings`` (already reported) covers."""
    if not added or not findings:
        return list(added)
    combined = [*findings, *added]
    covered = _covered(combined, [False] * len(combined), range(len(findings)))
    return [f for i, f in enumerate(added, len(findings)) if i not in covered]


def _covered(findings: Sequence[Finding], judged: list[bool], owners: Sequence[int]) -> set[int]:
    """Indexes of the findings an edit of an ``owners`` finding's fix covers."""
    safe, unsafe = [], []
    for owner in owners:
        finding = findings[owner]
        applicability = finding.fix_applicability
        if applicability is None:
            continue
        into = safe if applicability is Applicability.SAFE else unsafe
        # Spans, not the fix: most findings' fixes are never built (see Finding).
        edits = finding.edit_spans()
        if len(edits) == 1:
            start, end, _ = edits[0]
            if start < end:
                into.append((start, end, owner))
            continue
        writing = sum(1 for _, _, content in edits if content)
        into.extend(
            (start, end, owner)
            for start, end, content in edits
            if start < end and writing - bool(content) == 0
        )
    covered = _stabbed(findings, judged, safe) if safe else set()
    if unsafe:
        # An unsafe fix covers no finding that --fix would fix alone.
        kept_from_unsafe = [
            j or f.fix_applicability is Applicability.SAFE
            for f, j in zip(findings, judged, strict=True)
        ]
        covered |= _stabbed(findings, kept_from_unsafe, unsafe)
    return covered


def _stabbed(
    findings: Sequence[Finding], excluded: list[bool], covers: list[tuple[int, int, int]]
) -> set[int]:
    """Indexes of the findings (bar ``excluded`` ones) inside a cover of another finding.

    A sweep in start order with the open covers in a heap by end: the widest open cover is
    checked first, and the few that cannot count (the finding's own edit, one with the
    finding's own span) are set aside and put back, so each finding costs O(log c).
    """
    covers.sort()
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    heap: list[tuple[int, int, int]] = []
    taken = 0
    found: set[int] = set()
    for index in order:
        if excluded[index]:
            continue
        finding = findings[index]
        start, end = finding.start, finding.end
        while taken < len(covers) and covers[taken][0] <= start:
            cover_start, cover_end, owner = covers[taken]
            heapq.heappush(heap, (-cover_end, cover_start, owner))
            taken += 1
        while heap and -heap[0][0] < start:
            heapq.heappop(heap)  # ends before this finding, so before every later one
        aside = []
        while heap and -heap[0][0] >= end:
            cover_end, cover_start, owner = -heap[0][0], heap[0][1], heap[0][2]
            if _contains(findings, owner, index, cover_start, cover_end):
                found.add(index)
                break
            aside.append(heapq.heappop(heap))
        for cover in aside:
            heapq.heappush(heap, cover)
    return found


def _contains(findings: Sequence[Finding], owner: int, index: int, start: int, end: int) -> bool:
    inner, outer = findings[index], findings[owner]
    if owner == index or (outer.start, outer.end) == (inner.start, inner.end):
        return False
    if inner.start == inner.end:  # a point at the edge of a replaced range survives it
        return start < inner.start < end
    return start <= inner.start and inner.end <= end


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
