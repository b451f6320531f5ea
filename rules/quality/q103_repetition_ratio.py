"""Q103 repetition-ratio."""

from __future__ import annotations

import html
from collections.abc import Iterator

import numpy as np

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rule import Metric
from cnlint.rules._text.census import content_of
from cnlint.rules._text.examples import CLEAN_NEWS

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
        "flags documents over 0.3. HTML character references (&#12288;) are read as the "
        "characters they stand for, so markup repeated in field labels is html-leftover's, "
        "not repetition."
    )
    severity = Severity.WARNING
    options = {"max-ratio": 0.3, "ngram": 10}
    option_docs = {
        "max-ratio": "Highest allowed share of n-grams that occur more than once.",
        "ngram": "Length of the character n-grams, whitespace excluded.",
    }
    examples = Examples(
        clean=[
            CLEAN_NEWS,
            # nodejieba's review.100: entities in the field labels, the words all different
            "标&#12288;&#12288;签：挺保湿的心&#12288;&#12288;得：用着还不错。挺好的。",
        ],
        bad=[
            # dirty/weibo_kw_002.txt: the same repost scraped again and again
            Bad(
                "用户名：为你守护_1314 微博内容：#全民口罩行动# 从我做起，一起抗击新型肺炎。\n" * 3,
                flagged=[""],
            )
        ],
    )

    metric = Metric("repetition ratio", "max-ratio")

    def check(self, doc: Document) -> Iterator[Finding]:
        size = self.option_values["ngram"]
        repeated, total = repetition(doc, size, self.option_values["max-ratio"])
        if not total:
            return
        share = repeated / total
        if share > self.option_values["max-ratio"]:
            yield self.finding(
                0,
                0,
                f"Repetition ratio {share:.2f} (maximum {self.option_values['max-ratio']}): "
                f"{repeated} of {total} character {size}-grams occur more than once",
            )

    def measure(self, doc: Document) -> float | None:
        repeated, total = repetition(doc, self.option_values["ngram"])
        return repeated / total if total else None


def repetition(doc: Document, size: int, within: float | None = None) -> tuple[int, int]:
    """How many of the document's character ``size``-grams occur more than once, of how many.

    A long document is judged on its first part: repetition shows within 100,000
    characters, and counting every n-gram of a 10 MB dump costs seconds and memory.
    ``within``: see :func:`repeated_ngrams`.
    """
    content = without_entities(content_of(doc)[:MAX_NGRAM_CHARS])
    return repeated_ngrams(content, size, within)


# An HTML character reference (&#12288;, &nbsp;) stands for one character: the same
# reference written twice in a record's field labels (标&#12288;&#12288;签) is html-leftover's
# defect, not ten characters of repeated text. The content is measured as html-leftover's fix
# leaves it (references resolved, the whitespace they stand for dropped), so the ratio is the
# same before and after that fix.
def without_entities(content: str) -> str:
    """The content with its character references resolved, whitespace still left out."""
    if "&" not in content:
        return content
    return "".join(html.unescape(content).split())


_NGRAM_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def repeated_ngrams(content: str, size: int, within: float | None = None) -> tuple[int, int]:
    """How many of the text's character n-grams occur more than once, and how many there are.

    Vectorised (9x faster than a Counter of substrings): each n-gram becomes a 64-bit
    hash, the hashes are sorted, and an n-gram repeats when its hash equals a neighbour's.
    A false match needs a 64-bit collision among at most 100,000 n-grams (odds below one
    in 10^9), which moves the ratio by 1/total at most.

    With ``within`` (a share: the rule's maximum), a text whose share of repeated n-grams
    cannot exceed it gets an upper bound of the count instead, one no greater than
    ``within`` of the total: enough to decide that nothing is reported, without the sort
    (see :func:`repeated_at_most`). Every text over the share gets its exact count.
    """
    total = len(content) - size + 1
    if total <= 0:
        return 0, 0
    hashes = ngram_hashes(content, size, total)
    if within is not None:
        bound = repeated_at_most(hashes)
        if bound / total <= within:
            return bound, total
    hashes.sort()
    same = hashes[1:] == hashes[:-1]
    repeated = np.zeros(total, dtype=bool)
    repeated[1:] |= same
    repeated[:-1] |= same
    return int(np.count_nonzero(repeated)), total


def repeated_at_most(hashes: np.ndarray) -> int:
    """An upper bound of how many of the hashes occur more than once, without sorting.

    Each hash falls into one of at least four times as many buckets as there are hashes
    (its top bits); a hash alone in its bucket occurs once, so the others bound the
    repeated ones. Clean prose repeats few n-grams and scatters the rest: counting the
    buckets costs less than the sort it spares (a third less on a 1.4 KB document).
    """
    bits = max(8, (4 * len(hashes)).bit_length())
    buckets = (hashes >> np.uint64(64 - bits)).astype(np.intp)
    alone = np.count_nonzero(np.bincount(buckets, minlength=1 << bits) == 1)
    return len(hashes) - int(alone)


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
    for width, dtype in _PIECE_TYPES:
        while size - offset >= width:
            shape = (len(data) // 2 - offset - width + 1,)
            pieces.append(np.ndarray(shape, dtype, data, offset=2 * offset, strides=(2,)))
            offset += width
    return pieces


# 4 code units are one 8-byte integer, and so on (dtype objects: a string is parsed per call).
_PIECE_TYPES = [(width, np.dtype(f"<u{2 * width}")) for width in (4, 2, 1)]
