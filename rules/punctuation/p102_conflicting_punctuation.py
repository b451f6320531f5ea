"""P102 conflicting-punctuation."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule
from cnlint.rules._text.mark_runs import KIND_MARKS, MARK_KIND, mark_runs

OTHER_KIND_PAIR = "|".join(
    f"{mark}[{''.join(m for m in MARK_KIND if m not in KIND_MARKS[kind])}]"
    for mark, kind in MARK_KIND.items()
)


class ConflictingPunctuation(Rule):
    code = "P102"
    name = "conflicting-punctuation"
    summary = "Two different marks back to back: ,; ,、 ,。 ;,"
    why = (
        "A comma directly before a stop, an enumeration comma or a semicolon is a leftover of "
        "a field separator or of an edit. One of the two marks is wrong, and a model trained on "
        "it learns to emit both."
    )
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Keeps the later mark, which is the one the sentence needs (`,、` → `、`, `,;` → `;`); "
        "when the run holds a `。`, keeps the `。`."
    )
    triggers = ",，、;；:：。"
    prefilter = OTHER_KIND_PAIR  # a run of two kinds has two different kinds side by side
    examples = Examples(
        clean=["群众的获得感、幸福感、安全感。", "时间：2021年9月17日;地点:太原。"],
        bad=[
            Bad("群眾的獲得感,、幸福感", fixed="群眾的獲得感、幸福感", flagged=[",、"]),
            Bad("貧困戶所需所盼,;農田管理", fixed="貧困戶所需所盼;農田管理", flagged=[",;"]),
            Bad("千年不變的宗旨,。知責", fixed="千年不變的宗旨。知責", flagged=[",。"]),
            Bad("工作完成了。，大家", fixed="工作完成了。大家", flagged=["。，"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in mark_runs(doc.text):
            run = match[0]
            kinds = {MARK_KIND[c] for c in run}
            if len(kinds) < 2:
                continue
            keep = "。" if "。" in run else run[-1]
            yield self.finding(
                match.start(),
                match.end(),
                f"Conflicting punctuation {run!r}",
                replacement=keep,
                title=f"Keep {keep!r}",
            )
