"""P101 repeated-punctuation."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules._text.mark_runs import KIND_MARKS, MARK_KIND, mark_runs

# Gate prefilters (see Rule.prefilter): a repeated mark needs two marks of one kind side by
# side, a conflicting pair two marks of different kinds side by side. Most documents have
# neither, so both rules skip them without scanning for mark runs. One branch per first
# mark, each starting with it: `re` (the gate's fallback) then jumps from mark to mark, as
# Hyperscan does (a branch starting with a class makes `re` try every position).
SAME_KIND_PAIR = "|".join(f"{mark}[{KIND_MARKS[kind]}]" for mark, kind in MARK_KIND.items())


class RepeatedPunctuation(Rule):
    code = "P101"
    name = "repeated-punctuation"
    summary = "The same mark written twice or more: ,, ，， 、、 ;; :: 。。"
    why = (
        "Doubled commas and stops are extraction debris (a dropped word or a merged field), not "
        "writing. They teach a model that `,,` is Chinese punctuation and skew punctuation "
        "statistics. `……` and `——` are single marks in Chinese and are not flagged; three or "
        "more `。` are an ellipsis, left to ellipsis-style."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Collapses the run to one mark (the first one written)."
    triggers = ",，、;；:：。"
    prefilter = SAME_KIND_PAIR  # every finding is two or more marks of one kind in a row
    examples = Examples(
        clean=[
            "同志们好!……让我们继续——前进。",
            "代码里写 std::vector 就行。",
            "共计1,000人,分别于08:31到达。",
        ],
        bad=[
            Bad("利民之事,,絲發必興。", fixed="利民之事,絲發必興。", flagged=[",,"]),
            Bad("他说，，我们走吧。。", fixed="他说，我们走吧。", flagged=["，，", "。。"]),
            Bad("要求是：：按时完成", fixed="要求是：按时完成", flagged=["：："]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in mark_runs(doc.text):
            run = match[0]
            start = match.start()
            for i in range(1, len(run) + 1):
                if i < len(run) and MARK_KIND[run[i]] == MARK_KIND[run[i - 1]]:
                    continue
                same = run[start - match.start() : i]
                if len(same) >= 2 and not (same[0] == "。" and len(same) >= 3):
                    yield self.finding(
                        start,
                        match.start() + i,
                        f"Repeated punctuation {same!r}",
                        replacement=same[0],
                        title=f"Collapse to {same[0]!r}",
                    )
                start = match.start() + i
