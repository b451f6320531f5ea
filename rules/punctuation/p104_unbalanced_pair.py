"""P104 unbalanced-pair."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.document import PARAGRAPH

PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "「": "」", "『": "』"}
OPENER_OF = {closer: opener for opener, closer in PAIRS.items()}
PAIR_MARK = re.compile("[“”‘’《》（）()【】「」『』]")
# ’ between Latin letters is an apostrophe (don’t); ) after a short label at the start of a
# line is an enumerator (1) 2) a) 一）); :) and :( are emoticons.
APOSTROPHE = re.compile("(?<=[A-Za-z])’(?=[A-Za-z])")
ENUMERATOR = re.compile(r"\s*[(（]?[0-9A-Za-z一二三四五六七八九十]{1,3}[)）]")
# What the quick balance test reads: every pair mark and line end, and, with a few
# characters more than the mark (junk that never cancels out), each mark the paragraph walk
# skips: an enumerator's ) at a paragraph start (after a line end and the line's indent; not
# \s*, which would rescan every run of blank lines from each of its line ends), an
# apostrophe (the letter after it) and an emoticon's parenthesis (the : ; = before it).
# Every branch starts with a literal, so `re` jumps from candidate to candidate.
BALANCE_TOKEN = re.compile(
    "|".join(
        [
            r"\n[^\S\n]*[(（]?[0-9A-Za-z一二三四五六七八九十]{1,3}[)）]",
            "’(?<=[A-Za-z]’)[A-Za-z]",
            ":[()]",
            ";[()]",
            "=[()]",
            *map(re.escape, [*PAIRS.keys(), *PAIRS.values(), "\n"]),
        ]
    )
)
CLOSED_PAIRS = [opener + closer for opener, closer in PAIRS.items()]
MAX_NESTING = 8  # rounds of pair removal; prose nests two or three levels deep


def unbalanced_lines(text: str) -> list[int]:
    """Indices of the lines whose pair marks might not pair up; most documents have none.

    Removing adjacent pairs (“”, 《》 …) from the line's marks until nothing changes leaves
    nothing exactly when the marks nest properly; a line where the walk would skip a mark
    keeps that mark's junk. Any other line gives the walk nothing to report. Each round
    removes one level of nesting; marks nested deeper than MAX_NESTING stay, and their lines
    are walked (linear time on ((((…)))) too).
    """
    tokens = "".join(BALANCE_TOKEN.findall("\n" + text))  # the \n: a first-line enumerator
    for _ in range(MAX_NESTING):
        previous = tokens
        for pair in CLOSED_PAIRS:
            tokens = tokens.replace(pair, "")
        if tokens == previous:
            break
    if not tokens.strip("\n"):
        return []
    return [index for index, marks in enumerate(tokens.split("\n")[1:]) if marks]


class UnbalancedPair(Rule):
    code = "P104"
    name = "unbalanced-pair"
    summary = "Quotes and brackets that do not pair up within a paragraph: “…”” 《… 【…"
    why = (
        "An opening quote without its closing one (or the reverse) is the trace of a cut: text "
        "was lost or glued from two places, as in seed 001's “咚!咚!咚!”张大娘,…胡萝卜”, "
        "where the sentence that opened the last quote is gone. Marks are matched per "
        "paragraph. A quotation that runs over several paragraphs, each opening with “ and "
        "only the last one closing, is the Chinese convention and is not flagged, nor are "
        "apostrophes (don’t), enumerators (1) 2)) and emoticons."
    )
    severity = Severity.WARNING
    triggers = tuple(PAIRS) + tuple(OPENER_OF)
    examples = Examples(
        clean=[
            "他说：“‘为人民服务’是宗旨。”《人民日报》（2021年）【先进典型】「一」『二』",
            "“第一段引文继续，\n“第二段引文结束。”",
            "1) 加强领导\n2) 落实责任",
            # dirty/cwt_dirty_004.txt:11: an enumerator in brackets opens the paragraph
            "（1）笛卡尔闭满子范畴的研究：完全解决了公开问题。\n（2）罗马一大教授正面评价了论文。",
            "Don’t panic :)",
        ],
        bad=[
            Bad(
                "“咚!咚!咚!”张大娘,这是您想要吃的西葫芦、胡萝卜”昨日",
                flagged=["”"],
                note="seed 001, line 35 (D16)",
            ),
            Bad("开展“我为群众办实事”关注留守儿童”实践活动", flagged=["”"], note="seed 004:47"),
            Bad("据《人民日报报道，今年", flagged=["《"]),
            Bad("文峰区（高新区深化改革】", flagged=["（", "】"]),
            Bad(
                "取名为”桂花董糖“，并投之市场",
                flagged=["”桂花董糖“"],
                note="cmrc2018_014 (corpus/external/clean): the one finding there, and right",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        lines = unbalanced_lines(text)
        if not lines:
            return  # every pair closes on its line: no walk needed (most documents)
        line_starts = doc.line_starts
        for line in lines:
            # The line's paragraph (the same span doc.paragraphs holds): the document's
            # other paragraphs are not needed.
            paragraph = PARAGRAPH.search(text, line_starts[line])
            next_line = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
            if paragraph is not None and paragraph.start() < next_line:
                yield from self._paragraph(text, paragraph.start(), paragraph.end())

    def _paragraph(self, text: str, start: int, end: int) -> Iterator[Finding]:
        unclosed, stray = self._unmatched(text, start, end)
        following = PARAGRAPH.search(text, end)  # the next paragraph
        if following is not None and following[0][0] == "“":
            unclosed = [p for p in unclosed if text[p] != "“"]  # quote goes on
        reversed_pairs = self._reversed(text, stray, unclosed)
        paired = {p for pair in reversed_pairs for p in pair}
        for closer, opener in reversed_pairs:
            yield self.finding(
                closer,
                opener + 1,
                f"Marks reversed: {text[closer]}…{text[opener]} instead of "
                f"{OPENER_OF[text[closer]]}…{text[closer]}",
            )
        for position in sorted(set(unclosed + stray) - paired):
            mark = text[position]
            if mark in PAIRS:
                message = f"{mark} is never closed with {PAIRS[mark]} in this paragraph"
            else:
                message = f"{mark} closes an {OPENER_OF[mark]} that was never opened"
            yield self.finding(position, position + 1, message)

    @staticmethod
    def _reversed(text: str, stray: list[int], unclosed: list[int]) -> list[tuple[int, int]]:
        """A stray closer followed by an unclosed opener of its kind: ”桂花董糖“ (one defect)."""
        pairs = []
        openers = sorted(unclosed)
        for closer in sorted(stray):
            match = next(
                (o for o in openers if o > closer and PAIRS[text[o]] == text[closer]), None
            )
            if match is not None:
                pairs.append((closer, match))
                openers.remove(match)
        return pairs

    @staticmethod
    def _unmatched(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
        """Offsets of openers left open and of closers that close nothing."""
        stack: list[int] = []
        stray: list[int] = []
        skip = enumerator_marks(text, start)
        for match in PAIR_MARK.finditer(text, start, end):
            position, mark = match.start(), match[0]
            if position in skip or APOSTROPHE.match(text, position):
                continue
            if mark in "()" and text[position - 1 : position] in (":", ";", "="):
                continue
            if mark in PAIRS:
                stack.append(position)
                continue
            opener = OPENER_OF[mark]
            depth = next(
                (i for i in range(len(stack) - 1, -1, -1) if text[stack[i]] == opener), None
            )
            if depth is None:
                stray.append(position)
            else:
                stray.extend(stack[depth + 1 :])  # opened inside, never closed
                del stack[depth:]
        return stack, stray


def enumerator_marks(text: str, start: int) -> set[int]:
    """Offsets of the brackets of an enumerator opening the paragraph at ``start``: the ) of
    1) 一）, and both brackets of （1） (1) — which pair, but may be written (1） too."""
    enumerator = ENUMERATOR.match(text, start)
    if enumerator is None:
        return set()
    marks = {enumerator.end() - 1}
    label = enumerator[0].lstrip()
    if label[0] in "(（":
        marks.add(enumerator.end() - len(label))
    return marks
