"""T104 truncated-document."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rules._text.blocks import (
    ends_open,
    is_cut_sentence,
    is_furniture,
    punctuates_paragraph_ends,
)
from cnlint.rules._text.open_prose import comma_in_last_sentence, last_clause


class TruncatedDocument(Rule):
    code = "T104"
    name = "truncated-document"
    summary = "The document's text stops mid-sentence (the last prose paragraph is cut off)"
    why = (
        "A download cut at a size limit, a page whose 'read more' was never followed, or a "
        "record truncated by a field limit ends mid-sentence. Such a document teaches a model "
        "that texts end anywhere; a corpus should drop or complete it. Trailing bylines and "
        "photo credits are looked past; a last line that is a heading or a name list is not "
        "taken for a cut sentence."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[
            "防汛形势十分严峻。\n\n袁兆辉 王少科 苏晓晨\n",
            "共建共享城市文明。\n\n(高淑芳 高虹)\n",
        ],
        bad=[
            Bad(
                # /work/shared/corpus/external/dirty/sohu_clickbait_* style: cut at a size limit
                "当天晚上,安阳供电公司制订紧急方案,电力人员紧急抢修,彰德路64号院正常通电。"
                "看着亮起的灯光,彰德\n",
                flagged=["彰德"],
            )
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # The paragraph texts are a shared view (the duplication and quality rules split every
        # document anyway); the document's style, a pass over all of them, is asked last.
        texts = doc.paragraph_texts
        index = len(texts) - 1
        while index >= 0 and is_furniture(texts[index]):
            index -= 1
        if index < 0:
            return  # no paragraph, or only credits
        last = texts[index]
        if not (
            ends_open(last)
            and comma_in_last_sentence(last)
            and is_cut_sentence(last)
            and punctuates_paragraph_ends(doc)
        ):
            return
        end = doc.paragraphs[index].end
        clause = last_clause(last)
        yield self.finding(
            end - len(clause), end, f"The document stops mid-sentence at {clause[-6:]!r}"
        )
