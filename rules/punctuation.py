"""Punctuation rules (P): doubled, conflicting and half-width marks in Chinese text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules.chars import CHINESE, PINYIN_LETTERS, TONED_VOWELS

# Marks that are never written twice in a row, grouped by kind (both widths are one kind).
MARK_KIND = {",": ",", "，": ",", "、": "、", ";": ";", "；": ";", ":": ":", "：": ":", "。": "。"}
MARK_RUN = re.compile("[,，、;；:：。]{2,}")
CHINESE_CHAR = re.compile(f"[{CHINESE}]")


def mark_runs(text: str) -> Iterator[re.Match[str]]:
    """Runs of two or more marks that sit in Chinese text.

    A run made only of ASCII marks with no Chinese neighbour (``std::cout``) is not Chinese text.
    """
    for match in MARK_RUN.finditer(text):
        run = match[0]
        if not run.isascii():
            yield match
            continue
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if CHINESE_CHAR.match(before) or CHINESE_CHAR.match(after):
            yield match


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


FULLWIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# A mark, then any spaces after it (they go too when the mark becomes full-width).
HALFWIDTH_MARK = re.compile(r"[,:;!?]( *)")
# One level of nesting is allowed: 街(社區(qū)) holds a leaked annotation inside an aside.
PAREN_PAIR = re.compile(r"\(((?:[^()\n]|\([^()\n]*\)){0,200})\)")
PINYIN_CONTENT = re.compile(f"[{PINYIN_LETTERS}]*[{TONED_VOWELS}][{PINYIN_LETTERS}]*")


class HalfwidthPunctuation(Rule):
    code = "P103"
    name = "halfwidth-punctuation"
    summary = "ASCII , : ; ! ? ( ) used inside Chinese sentences instead of ， ： ； ！ ？ （ ）"
    why = (
        "Chinese text uses full-width marks. Half-width ones inside Chinese sentences come from "
        "careless normalisation (NFKC, ftfy's width fix) or from scrapers; they make the same "
        "sentence look like two different strings to deduplication and teach a model mixed "
        "typography. Marks between digits (1,000 or 08:31), in URLs, code and English "
        "sentences are left alone: only a mark with a Chinese character or Chinese mark beside "
        "it is flagged, and parentheses only when they hold Chinese or follow a Chinese character."
    )
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Replaces the mark with its full-width form and drops spaces right after it; "
        "parentheses are converted as a pair."
    )
    triggers = ",:;!?("
    examples = Examples(
        clean=[
            "共计1,000人，时间08:31。",
            "访问 https://www.gov.cn/ 了解详情。",
            "He said: hello, world! Is it ok?",
            "函数f(x)的值为0。",
            "(1)加强组织领导。",
            "据《人民日报》报道：“三基”，“三化”。",
        ],
        bad=[
            Bad(
                "签订责任状”,并明确",
                fixed="签订责任状”，并明确",
                flagged=[","],
                note="a comma after a closing quote",
            ),
            Bad(
                "来源:山西日报时间:2021-09-17",
                fixed="来源：山西日报时间：2021-09-17",
                flagged=[":", ":"],
            ),
            Bad("“咚!咚!咚!”", fixed="“咚！咚！咚！”", flagged=["!", "!", "!"]),
            Bad("文峰区(高新区)深化改革", fixed="文峰区（高新区）深化改革", flagged=["(高新区)"]),
            Bad("你好, 世界", fixed="你好，世界", flagged=[", "]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in HALFWIDTH_MARK.finditer(text):
            start, mark_end = match.start(), match.start() + 1
            before = text[start - 1 : start]
            after = text[mark_end : mark_end + 1]
            if CHINESE_CHAR.match(before) or (CHINESE_CHAR.match(after) and not match[1]):
                end = match.end() if self._chinese_follows(text, match.end()) else mark_end
                mark = match[0][0]
                yield self.finding(
                    start,
                    end,
                    f"Half-width {mark!r} in Chinese text; use {FULLWIDTH[mark]!r}",
                    replacement=FULLWIDTH[mark],
                    title=f"Replace with {FULLWIDTH[mark]!r}",
                )
        if "(" in text:
            yield from self._parentheses(text)

    @staticmethod
    def _chinese_follows(text: str, position: int) -> bool:
        return bool(CHINESE_CHAR.match(text, position))

    def _parentheses(self, text: str) -> Iterator[Finding]:
        for match in PAREN_PAIR.finditer(text):
            inner = match[1]
            if PINYIN_CONTENT.fullmatch(inner):
                continue  # a leaked pinyin annotation: pinyin-annotation drops it whole
            before = text[match.start() - 1 : match.start()]
            if CHINESE_CHAR.search(inner) or (inner and CHINESE_CHAR.match(before)):
                yield self.finding(
                    match.start(),
                    match.end(),
                    f"Half-width parentheses around {inner!r} in Chinese text; use （ ）",
                    edits=[
                        Edit(match.start(), match.start() + 1, "（"),
                        Edit(match.end() - 1, match.end(), "）"),
                    ],
                    title="Replace with （ ）",
                )
