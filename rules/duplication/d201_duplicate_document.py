"""D201 duplicate-document."""

from __future__ import annotations

from cnlint import Bad, Document, Examples, Finding, Severity
from cnlint.fingerprint import stable_hash
from cnlint.rule import DOCUMENT_BREAK, CopyRule

# seed 000, lines 1-3
HEADLINE = "民生事项放心上 暖心服务到身边\n——我省各地干部深入基层为民解难题\n"
LEAD = (
    "民生无小事,枝叶总关情。党史学习教育开展以来,全省各级部门聚焦群众关心关切的焦点,"
    "以“我为群众办实事”实践活动为抓手,把民生事项放在心上,不断推动党史学习教育与为民服务"
    "办实事相结合。\n"
)


class DuplicateDocument(CopyRule):
    code = "D201"
    name = "duplicate-document"
    summary = "The same text as an earlier document (whitespace aside)"
    why = (
        "A page scraped twice, or syndicated by several sites, enters the corpus twice and "
        "doubles its weight in training. The documents are compared by their paragraphs, so "
        "a copy whose indentation or blank lines differ is still a copy. Only the later "
        "document is flagged, on its first paragraph, naming the earlier one."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[HEADLINE + DOCUMENT_BREAK + LEAD],
        bad=[
            Bad(
                HEADLINE + LEAD + DOCUMENT_BREAK + "\u3000\u3000" + HEADLINE + "\n" + LEAD,
                flagged=["民生事项放心上 暖心服务到身边"],
                note="the copy is indented and has a blank line more",
            )
        ],
    )

    # The sketch is the hash of the whole text: documents sharing it are copies.
    transitive = True

    def sketch(self, doc: Document) -> int | None:
        paragraphs = doc.paragraph_texts
        return stable_hash("\n".join(paragraphs)) if paragraphs else None

    def keys(self, sketch: int) -> list[int]:
        return [sketch]

    def score(self, earlier: int, later: int) -> float | None:
        return 1.0 if earlier == later else None

    def copy_finding(self, doc: Document, original: str, score: float) -> Finding | None:
        if not doc.paragraphs:
            return None
        first = doc.paragraphs[0]
        return self.finding(first.start, first.end, f"Duplicate of {original}")
