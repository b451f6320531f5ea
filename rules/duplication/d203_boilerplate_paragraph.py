"""D203 boilerplate-paragraph."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from cnlint import Bad, Document, Examples, Finding, Severity
from cnlint.chars import han_count
from cnlint.document import Span
from cnlint.fingerprint import stable_hash
from cnlint.patterns import regex
from cnlint.rule import DOCUMENT_BREAK, CountRule

# Paragraphs that every document of a kind has because of what the documents are, not
# because a site added them: a chapter heading of a law or a book (第一章 总则), a man page's
# section heading (DESCRIPTION 描述, 总览 SYNOPSIS), the description of a command's option
# (--help 显示此帮助信息并退出), and a short sentence people say (谢谢大家。, 嗨，最近如何?).
CHAPTER_HEADING = regex(r"第[一二三四五六七八九十百零〇\d]+[编章节部篇卷回]\s*\S{0,12}")
SECTION_HEADING = regex(
    r"(?:[\u4e00-\u9fff]{1,6}\s*)?[A-Z]{2,}(?: [A-Z]{2,})*(?:\s*[\u4e00-\u9fff]{1,6})?"
)
OPTION = regex(r"-{1,2}[A-Za-z0-9][\w-]*(?:[ ,=]|$)")
# Words only, at most six of them, and the end of the sentence: 谢谢大家。 嗨，最近如何?
SPOKEN_FORMULA = regex(r"[\u4e00-\u9fff，,、 ]{1,10}[。！？!?]{1,3}")
MAX_FORMULA_HAN = 6
LAWS = [
    "中华人民共和国劳动争议调解仲裁法",
    "中华人民共和国红十字会法",
    "中华人民共和国消防法",
    "中华人民共和国医疗保障法",
    "中华人民共和国水法",
]


def is_structure_or_formula(text: str) -> bool:
    """A heading, an option's description or a short spoken formula: repeated by nature."""
    line = text.strip()
    if CHAPTER_HEADING.fullmatch(line) or SECTION_HEADING.fullmatch(line):
        return True
    if OPTION.match(line):
        return True
    return SPOKEN_FORMULA.fullmatch(line) is not None and han_count(line) <= MAX_FORMULA_HAN


# seed 002, line 5: the breadcrumb above each story of the site
BREADCRUMB = "当前位置: 奋斗百年路 启航新征程>学党史 悟思想 办实事 开新局>先进典型\n"
# seed 000, lines 1 and 4: two headlines
FIRST = "民生事项放心上 暖心服务到身边\n"
SECOND = "精细化管理 提升城市品质\n"


class BoilerplateParagraph(CountRule):
    code = "D203"
    name = "boilerplate-paragraph"
    summary = "A paragraph repeated in many distinct documents (footer, disclaimer, share bar)"
    why = (
        "Site chrome that no line rule knows (a footer, a disclaimer, a share bar) shows "
        "itself by repetition: the same paragraph in many distinct documents of a corpus. "
        "Paragraphs are hashed CCNet style and counted across documents; one found in at "
        "least `boilerplate-min-docs` of them is flagged in each. Copies and near copies "
        "(found by the duplicate rules) do not count: five copies of one page would "
        "otherwise make all its paragraphs boilerplate. Nor do paragraphs that every "
        "document of a kind has for what it is: a chapter heading (第一章 总则 in every law), "
        "a man page's section heading (DESCRIPTION 描述, SYNOPSIS), an option's description "
        "(--help 显示此帮助信息并退出), a short spoken formula of at most six Han characters "
        "(谢谢大家。 closing a speech, a dialogue's greeting)."
    )
    severity = Severity.WARNING
    options = {"boilerplate-min-docs": 5, "boilerplate-min-chars": 5}
    option_docs = {
        "boilerplate-min-docs": "Distinct documents a paragraph must appear in.",
        "boilerplate-min-chars": "Shorter paragraphs are never boilerplate.",
    }
    examples = Examples(
        clean=[
            BREADCRUMB + FIRST + DOCUMENT_BREAK + SECOND,
            # benchmark corpus, china-laws: five laws' titles, each law's first chapter
            # heading, and the closing thanks of the New Year addresses
            DOCUMENT_BREAK.join(f"{title}\n\n第一章 总则\n\n谢谢大家。\n" for title in LAWS),
        ],
        bad=[
            Bad(
                BREADCRUMB + FIRST + DOCUMENT_BREAK + BREADCRUMB + SECOND,
                flagged=[BREADCRUMB.strip(), BREADCRUMB.strip()],
                options={"boilerplate-min-docs": 2},
            )
        ],
    )

    def sketch(self, doc: Document) -> frozenset[int]:
        return frozenset(stable_hash(text) for _, text in self._candidates(doc))

    def minimum(self) -> int:
        return self.option_values["boilerplate-min-docs"]

    def count_findings(self, doc: Document, frequent: Mapping[int, int]) -> Iterator[Finding]:
        for span, text in self._candidates(doc):
            count = frequent.get(stable_hash(text))
            if count is not None:
                message = f"Boilerplate paragraph found in {count} documents"
                yield self.finding(span.start, span.end, message)

    def _candidates(self, doc: Document) -> Iterator[tuple[Span, str]]:
        """The paragraphs that may be boilerplate: long enough, no heading or formula."""
        minimum = self.option_values["boilerplate-min-chars"]
        for span, text in zip(doc.paragraphs, doc.paragraph_texts, strict=True):
            if len(text) >= minimum and not is_structure_or_formula(text):
                yield span, text
