"""D201 duplicate-document."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Severity
from cnlint.engine.fingerprint import stable_hash
from cnlint.rule import DOCUMENT_BREAK, CorpusRule
from cnlint.rules._text.corpus import label

# seed 000, lines 1-3
HEADLINE = "民生事项放心上 暖心服务到身边\n——我省各地干部深入基层为民解难题\n"
LEAD = (
    "民生无小事,枝叶总关情。党史学习教育开展以来,全省各级部门聚焦群众关心关切的焦点,"
    "以“我为群众办实事”实践活动为抓手,把民生事项放在心上,不断推动党史学习教育与为民服务"
    "办实事相结合。\n"
)


class DuplicateDocument(CorpusRule):
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

    def begin(self) -> None:
        self._labels: list[str] = []
        self._first_by_hash: dict[int, int] = {}
        self._copy_of: dict[int, int] = {}
        self._cursor = 0

    def add(self, doc: Document, copy: bool) -> bool:
        index = len(self._labels)
        self._labels.append(label(doc))
        paragraphs = doc.paragraph_texts
        if not paragraphs:
            return False
        earlier = self._first_by_hash.setdefault(stable_hash("\n".join(paragraphs)), index)
        if earlier == index:
            return False
        self._copy_of[index] = earlier
        return True

    def findings(self, doc: Document) -> Iterator[Finding]:
        index = self._cursor
        self._cursor += 1
        earlier = self._copy_of.get(index)
        if earlier is not None and doc.paragraphs:
            first = doc.paragraphs[0]
            yield self.finding(first.start, first.end, f"Duplicate of {self._labels[earlier]}")
