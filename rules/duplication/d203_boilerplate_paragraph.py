"""D203 boilerplate-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Severity
from cnlint.fingerprint import HashCounter, stable_hash
from cnlint.rule import DOCUMENT_BREAK, CorpusRule

# seed 002, line 5: the breadcrumb above each story of the site
BREADCRUMB = "当前位置: 奋斗百年路 启航新征程>学党史 悟思想 办实事 开新局>先进典型\n"
# seed 000, lines 1 and 4: two headlines
FIRST = "民生事项放心上 暖心服务到身边\n"
SECOND = "精细化管理 提升城市品质\n"


class BoilerplateParagraph(CorpusRule):
    code = "D203"
    name = "boilerplate-paragraph"
    summary = "A paragraph repeated in many distinct documents (footer, disclaimer, share bar)"
    why = (
        "Site chrome that no line rule knows (a footer, a disclaimer, a share bar) shows "
        "itself by repetition: the same paragraph in many distinct documents of a corpus. "
        "Paragraphs are hashed CCNet style and counted across documents; one found in at "
        "least `boilerplate-min-docs` of them is flagged in each. Copies and near copies "
        "(found by the duplicate rules) do not count: five copies of one page would "
        "otherwise make all its paragraphs boilerplate."
    )
    severity = Severity.WARNING
    options = {"boilerplate-min-docs": 5, "boilerplate-min-chars": 5}
    option_docs = {
        "boilerplate-min-docs": "Distinct documents a paragraph must appear in.",
        "boilerplate-min-chars": "Shorter paragraphs are never boilerplate.",
    }
    examples = Examples(
        clean=[BREADCRUMB + FIRST + DOCUMENT_BREAK + SECOND],
        bad=[
            Bad(
                BREADCRUMB + FIRST + DOCUMENT_BREAK + BREADCRUMB + SECOND,
                flagged=[BREADCRUMB.strip(), BREADCRUMB.strip()],
                options={"boilerplate-min-docs": 2},
            )
        ],
    )

    def begin(self) -> None:
        self._paragraphs = HashCounter()
        self._boilerplate: dict[int, int] | None = None

    def add(self, doc: Document, copy: bool) -> bool:
        if copy or not doc.paragraph_texts:
            return False
        minimum = self.option_values["boilerplate-min-chars"]
        long_enough = {p for p in doc.paragraph_texts if len(p) >= minimum}
        self._paragraphs.add([stable_hash(p) for p in long_enough])
        return False

    def findings(self, doc: Document) -> Iterator[Finding]:
        if self._boilerplate is None:
            self._boilerplate = self._paragraphs.at_least(
                self.option_values["boilerplate-min-docs"]
            )
        minimum = self.option_values["boilerplate-min-chars"]
        for span, text in zip(doc.paragraphs, doc.paragraph_texts, strict=True):
            if len(text) < minimum:
                continue
            count = self._boilerplate.get(stable_hash(text))
            if count is not None:
                message = f"Boilerplate paragraph found in {count} documents"
                yield self.finding(span.start, span.end, message)
