"""L104 japanese-paragraph: a paragraph in Japanese inside a Chinese corpus."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import characters
from cnlint.rules._text.varieties import KANA, kana_counts


class JapaneseParagraph(Rule):
    code = "L104"
    name = "japanese-paragraph"
    summary = "A paragraph in Japanese (kana and kanji) inside a Chinese corpus"
    why = (
        "Japanese pages share most characters with Chinese, so a character-level filter "
        "takes them for Chinese, and a document-level language ID keeps a Japanese paragraph "
        "inside a Chinese page (song lyrics, quoted notices, bilingual product pages). Kana "
        "never occur in Chinese prose except for a quoted name or a nickname, while Japanese "
        "prose is mostly kana. A paragraph is reported, with its share, when it holds at least "
        "`min-kana` kana that make up `min-share` (30%) or more of its kana and Han characters; "
        "S104 reports shorter kana runs inside Chinese sentences (拉面（ラーメン）) and leaves "
        "such paragraphs to this rule."
    )
    severity = Severity.WARNING
    options = {"min-share": 0.3, "min-kana": 10}
    option_docs = {
        "min-share": "Share of kana among the paragraph's kana and Han characters (0-1).",
        "min-kana": "Fewer kana than this never make a paragraph Japanese.",
    }
    triggers = characters(KANA)
    examples = Examples(
        clean=[
            "暗夜の残剑\n",  # a forum nickname (dirty corpus tieba_iphone_001.txt)
            "日本拉面（ラーメン）的汤头以猪骨为主。\n",
        ],
        bad=[
            Bad(
                "正文。\n我々日本人は文法など解らなくても、日本語をしゃべるのには困らない。\n",
                flagged=["我々日本人は文法など解らなくても、日本語をしゃべるのには困らない。"],
                note="iwaoka2.exblog.jp, a Japanese essay (1999)",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        min_share = self.option_values["min-share"]
        min_kana = self.option_values["min-kana"]
        for span in doc.paragraphs:
            kana, letters = kana_counts(doc.slice(span))
            if kana >= min_kana and kana >= min_share * letters:
                yield self.finding(
                    span.start,
                    span.end,
                    f"Japanese paragraph: {kana} of {letters} letters ({kana / letters:.0%}) "
                    "are kana",
                )
