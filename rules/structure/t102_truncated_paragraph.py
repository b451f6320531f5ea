"""T102 truncated-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import HAN_CHAR
from cnlint.rules._text.blocks import (
    continuation_index,
    is_cut_sentence,
    is_furniture,
    punctuates_paragraph_ends,
)
from cnlint.rules._text.open_prose import (
    comma_in_last_sentence,
    continued,
    last_clause,
    open_prose,
)


class TruncatedParagraph(Rule):
    code = "T102"
    name = "truncated-paragraph"
    summary = "A paragraph that stops mid-sentence and is not continued: …启动机关 ⏎ (heading)"
    why = (
        "A paragraph cut off mid-sentence is a stray piece of a page (a teaser, a half-copied "
        "block, a paragraph whose end was lost). It teaches a model that sentences may stop "
        "anywhere. Flagged when a prose line stops where no sentence can end and what follows "
        "is not its continuation (a heading, a list, a new section). The last paragraph of a "
        "document is left to truncated-document."
    )
    severity = Severity.WARNING
    triggers = "\n"
    examples = Examples(
        clean=[
            "居民外出如厕问题,看似一件小事。\n\n“家门口”的便民餐厅 居民放心“食无忧”\n",
            # seed 001 lines 53-55: cut, but continued (broken-paragraph's case)
            "加快补齐农村“民生短板”,启动机关\n\n事业单位和社会服务单位厕所对外开放工作。\n",
            # manpages-zh sort.1: the sentence goes on past a command shown on its own line
            "sort 的完整文档是以Texinfo手册的方式维护的。如果在你那儿正确地安装了 info 和 sort "
            "程序，命令\ninfo sort\n\n应该可以让你访问整个手册。\n",
        ],
        bad=[
            Bad(
                # seed 001 lines 39-41
                "居民外出如厕问题,看似一件小事,但却折射着“大民生”。"
                "真正将群众的利益放在突出的位置,加快补齐农村“民生短板”,启动机关\n\n"
                "“家门口”的便民餐厅 居民放心“食无忧”\n",
                flagged=["启动机关"],
            )
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # Only open prose lines can be cut (see broken-paragraph).
        cut = [
            span
            for span, paragraph in doc.view(open_prose)
            if comma_in_last_sentence(paragraph)
            and is_cut_sentence(paragraph)
            and not continued(doc, span)
        ]
        if not cut:
            return
        spans = doc.paragraphs
        texts = doc.paragraph_texts
        for index in (doc.paragraph_index(span.start) for span in cut):
            text = texts[index]
            if index == len(texts) - 1 or continuation_index(doc, index, texts) is not None:
                continue  # (the last paragraph is truncated-document's)
            if all(is_furniture(t) for t in texts[index + 1 :]):
                continue  # only credits follow: the document's end, truncated-document's case
            if not HAN_CHAR.search(texts[index + 1]):
                # A command or code line shown mid-sentence (…程序，命令 ⏎ info sort ⏎ 应该…)
                continue
            # Asked last: the document's style is a pass over all its paragraphs.
            if not punctuates_paragraph_ends(doc):
                return
            end = spans[index].end
            clause = last_clause(text)
            yield self.finding(
                end - len(clause),
                end,
                f"Paragraph stops mid-sentence at {clause[-6:]!r} and is not continued",
            )
