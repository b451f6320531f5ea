"""Quality rules (Q1xx): document-level metrics, the CJK-aware versions of corpus filters.

Gopher, C4 and FineWeb filter documents on word counts, symbol-to-word ratios, duplicated
n-grams and lines ending in punctuation. They find words by splitting on whitespace and
sentence ends among ``. ? !``, so a Chinese paragraph is one "word" and has no sentence end:
datatrove's defaults drop all five seeds (research/seeds-hands-on.md §4 and §6). These rules
measure the same properties on characters, with Chinese punctuation. Each reports one finding
per document, at its start; the thresholds are options, and the defaults leave the clean
corpus (edited Wikipedia and exam prose) silent with a margin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

import numpy as np

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rules.blocks import ends_closed, paragraph_texts
from cnlint.rules.chars import CJK_PUNCT, HAN, INVISIBLE


def content_of(doc: Document) -> str:
    """The document without whitespace: what every metric here counts (computed once)."""
    return doc.view(strip_whitespace)


def strip_whitespace(doc: Document) -> str:
    # str.split() drops exactly what the regex \s drops (str.isspace), 4x faster than re.sub.
    return "".join(doc.text.split())


# seed 000 lines 1-3 (a headline and its lead), clean and long enough for every Q rule
CLEAN_NEWS = (
    "民生事项放心上 暖心服务到身边\n"
    "——我省各地干部深入基层为民解难题\n"
    "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点，"
    "以“我为群众办实事”实践活动为抓手，把民生事项放在心上，不断推动党史学习教育与为民服务"
    "办实事相结合。今年以来，平鲁区以开展党史学习教育为契机，针对群众反映强烈的城市管理"
    "粗放化、城市品貌不高等问题，大力推进城市精细化管理。\n"
)


class ShortDocument(Rule):
    code = "Q101"
    name = "short-document"
    summary = "A document with too little text to be worth training on"
    why = (
        "Very short documents are mostly page fragments, titles, error pages and comments "
        "without context. Gopher drops documents under 50 words, but counts words between "
        "spaces, so a Chinese page of any length is one or two 'words'. This rule counts "
        "characters instead (whitespace excluded): Chinese averages about 1.5 characters a "
        "word (jieba on the seeds: 1.4-1.8), so the default of 100 characters is close to "
        "Gopher's 50 words."
    )
    severity = Severity.INFO
    # A corpus filter, not a defect of a text: linting a snippet or a test string should not
    # report that it is short. Select it (--select Q101) when judging a corpus.
    default_enabled = False
    options = {"min-chars": 100}
    option_docs = {"min-chars": "Fewer characters than this (whitespace excluded) is short."}
    examples = Examples(
        clean=[CLEAN_NEWS],
        bad=[
            # dirty/weibo_hot_*-like: a headline alone (seed 004 lines 99-101, cut)
            Bad("帮助解决生活难题 群众送锦旗表谢意\n", flagged=[""]),
            Bad(CLEAN_NEWS, flagged=[""], options={"min-chars": 1000}),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        counted = census(doc)
        size = counted[0] if counted else len(content_of(doc))
        minimum = self.config["min-chars"]
        if size < minimum:
            yield self.finding(0, 0, f"Short document: {size} characters (minimum {minimum})")


# Everything a Chinese text is made of; what is left over is a "symbol": markup, emoji,
# box drawing, mojibake (¡£»), binary debris. CJK punctuation is text, not a symbol, which
# is where Data-Juicer's special-character ratio goes wrong on Chinese (0.13-0.19 on clean
# text against a 0.25 threshold).
# Invisible characters (a BOM, zero-width spaces) are neither: E102/E103 report and remove
# them, so they count on neither side of the ratio.
SYMBOL = re.compile(f"[^{HAN}{CJK_PUNCT}{INVISIBLE}\\w\\s.,;:!?'\"()\\-%/·…—“”‘’《》]")
INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")


class CharacterCounter:
    """Counts a text's characters in up to three classes with one numpy pass.

    A lookup table gives each BMP character a 64-bit value holding a 1 in the 21-bit field
    of each class it belongs to, so the sum of the values over the text is the three counts
    side by side: a few microseconds a document, where a regex scans the whole text for
    each count. The table is built from the classes' own regexes, one character at a time,
    so the counts are theirs. Characters beyond the BMP (emoji, rare Han) are not in the
    table: they are counted apart, in a fourth number, for the caller to bound with.
    """

    FIELD = 21  # a text of 2**21 characters or more gets no counts (None)

    def __init__(self, *classes: re.Pattern) -> None:
        self.classes = classes

    @cached_property
    def table(self) -> np.ndarray:
        every = "".join(map(chr, range(0x10000)))
        table = np.zeros(0x10000, dtype=np.uint64)
        for field, pattern in enumerate(self.classes):
            members = [match.start() for match in pattern.finditer(every)]
            table[members] += np.uint64(1 << (self.FIELD * field))
        return table

    def count(self, text: str, units: np.ndarray | None = None) -> list[int] | None:
        """The number of characters in each class, then of those beyond the BMP.

        ``units`` are the text's UTF-16 code units when the caller has them already
        (``doc.view(code_units)``: one encoding per document for every counter).
        """
        if len(text) >> self.FIELD:
            return None
        points = utf16_units(text) if units is None else units
        beyond = 0
        if len(points) != len(text):  # surrogate pairs: take code points instead
            points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            in_bmp = points <= 0xFFFF
            beyond = len(points) - int(np.count_nonzero(in_bmp))
            points = points[in_bmp]
        packed = int(np.take(self.table, points).sum())  # take: faster than table[points]
        mask = (1 << self.FIELD) - 1
        counts = [packed >> (self.FIELD * field) & mask for field in range(len(self.classes))]
        return [*counts, beyond]


def code_units(doc: Document) -> np.ndarray:
    """The document's UTF-16 code units (a doc.view shared by the character counters)."""
    return utf16_units(doc.text)


def utf16_units(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


# Whitespace, invisible characters outside it, and symbols: what Q101 and Q102 count.
COUNTER = CharacterCounter(
    re.compile(r"\s"), re.compile(f"(?!\\s){INVISIBLE_CHAR.pattern}"), SYMBOL
)


def census(doc: Document) -> tuple[int, int, int] | None:
    """Characters of the content (no whitespace), invisible ones among them, and at most
    how many symbols (the BMP's, plus every character beyond it, which may be one),
    computed once per document; None for a text too long to count."""
    return doc.view(count_classes)


def count_classes(doc: Document) -> tuple[int, int, int] | None:
    counts = COUNTER.count(doc.text, doc.view(code_units))
    if counts is None:
        return None
    spaces, invisible, symbols, beyond_bmp = counts
    return len(doc.text) - spaces, invisible, symbols + beyond_bmp


class SymbolRatio(Rule):
    code = "Q102"
    name = "symbol-ratio"
    summary = "Too many characters that are neither text nor punctuation (markup, mojibake, junk)"
    why = (
        "Markup (<p>, **), emoji runs, box drawing, mojibake (¡£»¶) and binary debris mean "
        "the document was not extracted as text. Gopher caps the ratio of # and … to words "
        "at 0.1; on Chinese that ratio is meaningless (no word boundaries), and generic "
        "'special character' ratios count every CJK mark as special. Here Han characters, "
        "letters and digits of any script, CJK punctuation and common ASCII punctuation are "
        "text; the rest are symbols. The clean corpus stays under 0.005; the default flags "
        "documents over 0.05."
    )
    severity = Severity.WARNING
    options = {"max-ratio": 0.05}
    option_docs = {"max-ratio": "Highest allowed share of symbols among non-space characters."}
    examples = Examples(
        clean=[CLEAN_NEWS, "共计1,000人，增长10%（同比）。时间08:31，网址 https://www.gov.cn/ 。"],
        bad=[
            # dirty/mnbvc_charset_001.txt: GBK bytes read as latin-1
            Bad("¸ü¶à¾«Ð£Ð¡ËµÃâ·ÑÏÂÔØ£ºhttp://www.zxcs8.com/\n", flagged=[""]),
            # dirty/xwlb_cctv_*: HTML markup left in the transcript
            Bad("<p>本台消息</p><p>国务院召开常务会议。</p>", flagged=[""]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        counted = census(doc)
        if counted and not self._may_exceed(counted):
            return  # most documents: the census proves the share is under the maximum
        content = content_of(doc)
        size = len(content) - len(INVISIBLE_CHAR.findall(content))
        if not size:
            return
        symbols = len(SYMBOL.findall(content))  # few on any text worth keeping: cheap
        share = symbols / size
        if share > self.config["max-ratio"]:
            yield self.finding(
                0,
                0,
                f"Symbol ratio {share:.3f} (maximum {self.config['max-ratio']}): "
                f"{symbols} of {size} characters are not text",
            )

    def _may_exceed(self, counted: tuple[int, int, int]) -> bool:
        content, invisible, most_symbols = counted
        size = content - invisible
        return bool(size) and most_symbols / size > self.config["max-ratio"]


MAX_NGRAM_CHARS = 100_000


class RepetitionRatio(Rule):
    code = "Q103"
    name = "repetition-ratio"
    summary = "A large share of the document's character n-grams occur more than once"
    why = (
        "Repeated blocks (templates, navigation, copied records, spam) make a document "
        "worthless or harmful for training. Gopher and FineWeb measure the share of text "
        "in duplicated word n-grams; on Chinese the words must come from a segmenter (jieba "
        "made datatrove's FineWeb-2 Chinese set run at 0.36 MB/s). Character n-grams need "
        "none: ten characters are about six or seven words, near Gopher's longest n-gram "
        "length. Duplicated paragraphs are reported one by one by duplicate-paragraph; this "
        "rule judges the whole document. Clean prose stays under 0.2 (the clean corpus's "
        "maximum is 0.199, seed 001 with four duplicated paragraphs scores 0.15); the default "
        "flags documents over 0.3."
    )
    severity = Severity.WARNING
    options = {"max-ratio": 0.3, "ngram": 10}
    option_docs = {
        "max-ratio": "Highest allowed share of n-grams that occur more than once.",
        "ngram": "Length of the character n-grams, whitespace excluded.",
    }
    examples = Examples(
        clean=[CLEAN_NEWS],
        bad=[
            # dirty/weibo_kw_002.txt: the same repost scraped again and again
            Bad(
                "用户名：为你守护_1314 微博内容：#全民口罩行动# 从我做起，一起抗击新型肺炎。\n" * 3,
                flagged=[""],
            )
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # A long document is judged on its first part: repetition shows within 100,000
        # characters, and counting every n-gram of a 10 MB dump costs seconds and memory.
        content = content_of(doc)[:MAX_NGRAM_CHARS]
        size = self.config["ngram"]
        repeated, total = repeated_ngrams(content, size)
        if not total:
            return
        share = repeated / total
        if share > self.config["max-ratio"]:
            yield self.finding(
                0,
                0,
                f"Repetition ratio {share:.2f} (maximum {self.config['max-ratio']}): "
                f"{repeated} of {total} character {size}-grams occur more than once",
            )


_NGRAM_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def repeated_ngrams(content: str, size: int) -> tuple[int, int]:
    """How many of the text's character n-grams occur more than once, and how many there are.

    Vectorised (9x faster than a Counter of substrings): each n-gram becomes a 64-bit
    hash, the hashes are sorted, and an n-gram repeats when its hash equals a neighbour's.
    A false match needs a 64-bit collision among at most 100,000 n-grams (odds below one
    in 10^9), which moves the ratio by 1/total at most.
    """
    total = len(content) - size + 1
    if total <= 0:
        return 0, 0
    hashes = ngram_hashes(content, size, total)
    hashes.sort()
    same = hashes[1:] == hashes[:-1]
    repeated = np.zeros(total, dtype=bool)
    repeated[1:] |= same
    repeated[:-1] |= same
    return int(np.count_nonzero(repeated)), total


def ngram_hashes(content: str, size: int, total: int) -> np.ndarray:
    """The polynomial hash (modulo 2**64) of the pieces of each of the ``total`` n-grams.

    Where every character is one UTF-16 code unit (the BMP), a piece is up to four
    characters read as one integer straight from the encoded bytes (a strided view, no
    copy): a 10-gram is three pieces, two multiply-adds instead of nine, and numpy calls
    on a short document cost more than their arithmetic. Elsewhere a piece is a code point.
    """
    data = content.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(content):
        pieces = bmp_pieces(data, size)
    else:
        codes = np.frombuffer(content.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        pieces = [codes[offset:] for offset in range(size)]
    hashes = pieces[0][:total].astype(np.uint64)
    for piece in pieces[1:]:
        hashes *= _NGRAM_MULTIPLIER  # wraps modulo 2**64, as intended
        hashes += piece[:total]
    return hashes


def bmp_pieces(data: bytes, size: int) -> list[np.ndarray]:
    """For each piece of a ``size``-gram (4, 4 … then 2 and 1 characters), the integers
    of that piece of every n-gram: piece k of the n-gram at i is element i of array k."""
    pieces, offset = [], 0
    for width in (4, 2, 1):
        while size - offset >= width:
            shape = (len(data) // 2 - offset - width + 1,)
            dtype = f"<u{2 * width}"  # 4 code units are one 8-byte integer, and so on
            pieces.append(np.ndarray(shape, dtype, data, offset=2 * offset, strides=(2,)))
            offset += width
    return pieces


class UnterminatedLines(Rule):
    code = "Q104"
    name = "unterminated-lines"
    summary = "Much of the document's text sits in lines that do not end with punctuation"
    why = (
        "Menus, tables, lists of links, code and data dumps are lines without sentence ends. "
        'C4 drops every line not ending in `. ? ! "` and FineWeb wants 12% of lines to end '
        "in punctuation; neither knows 。！？…” so every Chinese line fails them. Here a line "
        "is terminated by Chinese or ASCII sentence marks and closing quotes or brackets, "
        "and the share is weighted by characters, so short headings (unterminated by nature) "
        "weigh little: the seeds, full of headings, stay at or under 0.15. Documents with "
        "fewer lines than min-lines are left alone (a one-line record is truncated-document's "
        "business)."
    )
    severity = Severity.WARNING
    options = {"max-share": 0.5, "min-lines": 5}
    option_docs = {
        "max-share": "Highest allowed share of characters in lines without a terminal mark.",
        "min-lines": "Documents with fewer non-empty lines are not judged.",
    }
    examples = Examples(
        clean=[CLEAN_NEWS],
        bad=[
            # dirty/webextract_006.txt: a conference programme scraped as text
            Bad(
                "会议议程\n12月10日 代表注册\n地  点：南开大学校内明珠园\n"
                "12月10日晚 经济学院院长、主任联席会\n时  间：7:00－9:30\n"
                "地  点：南开大学办公楼一楼会议室\n",
                flagged=[""],
            )
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        lines = paragraph_texts(doc)  # sliced once for every rule that reads paragraphs
        if len(lines) < self.config["min-lines"]:
            return
        total = sum(map(len, lines))
        open_chars = sum(len(line) for line in lines if not ends_closed(line))
        share = open_chars / total
        if share > self.config["max-share"]:
            yield self.finding(
                0,
                0,
                f"{share:.0%} of the text is in lines without terminal punctuation "
                f"(maximum {self.config['max-share']:.0%})",
            )
