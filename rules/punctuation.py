"""Punctuation rules (P): doubled, conflicting and half-width marks in Chinese text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule, Severity
from cnlint.document import PARAGRAPH
from cnlint.rules.chars import CHINESE, PINYIN_LETTERS, TONED_VOWELS
from cnlint.rules.mojibake import debris_of, in_debris

# Marks that are never written twice in a row, grouped by kind (both widths are one kind).
MARK_KIND = {",": ",", "，": ",", "、": "、", ";": ";", "；": ";", ":": ":", "：": ":", "。": "。"}
MARK_RUN = re.compile("[,，、;；:：。]{2,}")
CHINESE_CHAR = re.compile(f"[{CHINESE}]")
# The marks of each kind, as a regex class body: {",": ",，", "、": "、", ...}.
KIND_MARKS = {
    kind: "".join(mark for mark, its_kind in MARK_KIND.items() if its_kind == kind)
    for kind in dict.fromkeys(MARK_KIND.values())
}
# Gate prefilters (see Rule.prefilter): a repeated mark needs two marks of one kind side by
# side, a conflicting pair two marks of different kinds side by side. Most documents have
# neither, so both rules skip them without scanning for mark runs. One branch per first
# mark, each starting with it: `re` (the gate's fallback) then jumps from mark to mark, as
# Hyperscan does (a branch starting with a class makes `re` try every position).
SAME_KIND_PAIR = "|".join(f"{mark}[{KIND_MARKS[kind]}]" for mark, kind in MARK_KIND.items())
OTHER_KIND_PAIR = "|".join(
    f"{mark}[{''.join(m for m in MARK_KIND if m not in KIND_MARKS[kind])}]"
    for mark, kind in MARK_KIND.items()
)


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
    prefilter = SAME_KIND_PAIR  # every finding is two or more marks of one kind in a row
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
    prefilter = OTHER_KIND_PAIR  # a run of two kinds has two different kinds side by side
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
# A half-width mark in Chinese text (a run of ! and ? counts as one: 好啊!! is one finding).
# The pattern starts with the marks, so `re` jumps from mark to mark (a leading lookbehind or
# group makes it try every position: 4x slower), then checks the context right after the
# first mark, in this order:
# - a Chinese character before it: the mark, the rest of a !? run, and the spaces after it
#   when Chinese follows them (they go too when the mark becomes full-width);
# - else, at the start of a run (inside a !? run, fail at once: linear time on !!!!…), a
#   Chinese character right after the run (no space between).
HALFWIDTH_MARK = re.compile(
    "[!?,:;]"
    f"(?:(?<=[{CHINESE}][!?,:;])(?:(?<=[!?])[!?]*)?(?: +(?=[{CHINESE}]))?"
    f"|(?<![!?][!?])(?:(?<=[!?])[!?]*)?(?=[{CHINESE}]))"
)
# One level of nesting is allowed: 街(社區(qū)) holds a leaked annotation inside an aside.
PAREN_PAIR = re.compile(r"\(((?:[^()\n]|\([^()\n]*\)){0,200})\)")
PINYIN_CONTENT = re.compile(f"[{PINYIN_LETTERS}]*[{TONED_VOWELS}][{PINYIN_LETTERS}]*")


@lru_cache(maxsize=4096)
def halfwidth_fix(marks: str) -> tuple[str, str, str]:
    """Message, full-width replacement and fix title for a run of half-width marks.

    Computed once per distinct run (there are a handful: , : ; ! ? !! …), not per finding.
    """
    wide = "".join(FULLWIDTH[mark] for mark in marks)
    return f"Half-width {marks!r} in Chinese text; use {wide!r}", wide, f"Replace with {wide!r}"


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
            Bad("好的,谢谢!!", fixed="好的，谢谢！！", flagged=[",", "!!"]),
            Bad("文峰区(高新区)深化改革", fixed="文峰区（高新区）深化改革", flagged=["(高新区)"]),
            Bad("你好, 世界", fixed="你好，世界", flagged=[", "]),
            Bad(
                "张德?１颈ㄍㄑ对薄≌叛蕖∷。你好?",
                fixed="张德?１颈ㄍㄑ对薄≌叛蕖∷。你好？",
                flagged=["?"],
                note="dirty/sogoucs_006.txt: the first ? is a lost byte (misaligned-gbk)",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        debris = doc.view(debris_of)
        for match in HALFWIDTH_MARK.finditer(text):
            start, end = match.span()
            marks = match[0].rstrip(" ")
            if debris and in_debris(debris, start, start + len(marks)):
                continue  # a lost byte, not a mark: misaligned-gbk reports it
            message, wide, title = halfwidth_fix(marks)
            yield self.finding(start, end, message, replacement=wide, title=title)
        if "(" in text:
            yield from self._parentheses(text)

    def _parentheses(self, text: str) -> Iterator[Finding]:
        for match in PAREN_PAIR.finditer(text):
            inner = match[1]
            before = text[match.start() - 1 : match.start()]
            # Chinese inside, or after Chinese unless it is a leaked pinyin annotation
            # (pinyin-annotation drops it whole). Pinyin holds no Chinese, so the costlier
            # pinyin test only runs for the second case.
            if CHINESE_CHAR.search(inner) or (
                inner and CHINESE_CHAR.match(before) and not PINYIN_CONTENT.fullmatch(inner)
            ):
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


ELLIPSIS_MARKS = "。.…⋯·・"
# A whole run of ellipsis-like marks that is a wrong ellipsis: one kind of mark only (mixed
# runs such as ……。 are left to the other punctuation rules), and a single …, any ⋯, or
# three or more 。 . · ・. Each branch starts with its mark (so `re` jumps from mark to mark);
# the lookbehind right after it makes the run start there, the lookahead end it.
_WHOLE_RUN = f"(?<![{ELLIPSIS_MARKS}]{{mark}}){{rest}}(?![{ELLIPSIS_MARKS}])"
WRONG_ELLIPSIS = re.compile(
    "|".join(
        [
            "…" + _WHOLE_RUN.format(mark="…", rest=""),
            "⋯" + _WHOLE_RUN.format(mark="⋯", rest="⋯*"),
            *(
                f"{mark}{_WHOLE_RUN.format(mark=mark, rest=mark + mark + '+')}"
                for mark in map(re.escape, "。.·・")
            ),
        ]
    )
)


class EllipsisStyle(Rule):
    code = "P105"
    name = "ellipsis-style"
    summary = "An ellipsis written as 。。。, ..., ···, ⋯ or a single … in Chinese text"
    why = (
        "The Chinese ellipsis is …… (two U+2026, six dots). Dots, stops or a single … are "
        "typing shortcuts or normalisation damage (NFKC turns …… into ......), and they make "
        "one sentence several strings for deduplication and tokenizers. Dots are flagged only "
        "next to Chinese text (not in URLs, code or English); a single middle dot (文峰汇·十二府) "
        "is a separator, not an ellipsis."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Replaces the run with ……."
    triggers = ("。。。", "...", "…", "⋯", "···", "・・・")
    examples = Examples(
        clean=[
            "同志们好！……让我们继续前进。",
            "文峰汇·十二府",
            "Loading... please wait",
            "访问 www.example.com 了解",
            "……",
        ],
        bad=[
            Bad("我想想。。。好吧", fixed="我想想……好吧", flagged=["。。。"]),
            Bad("然后呢...他走了", fixed="然后呢……他走了", flagged=["..."]),
            Bad("等等…我来了", fixed="等等……我来了", flagged=["…"]),
            Bad("这个嘛···算了", fixed="这个嘛……算了", flagged=["···"]),
            Bad("未完待续⋯⋯", fixed="未完待续……", flagged=["⋯⋯"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in WRONG_ELLIPSIS.finditer(text):
            run = match[0]
            before = text[match.start() - 1 : match.start()]
            after = text[match.end() : match.end() + 1]
            if not (CHINESE_CHAR.match(before) or CHINESE_CHAR.match(after)):
                continue
            yield self.finding(
                match.start(),
                match.end(),
                f"Ellipsis written as {run!r}; use ……",
                replacement="……",
                title="Replace with ……",
            )
