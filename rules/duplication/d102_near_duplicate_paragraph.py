"""D102 near-duplicate-paragraph."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from zlib import crc32

from rapidfuzz.fuzz import ratio

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.patterns import regex
from cnlint.rules._text.blocks import drop_range, is_prose
from cnlint.rules._text.paragraph_keys import droppable, paragraph_keys

SHINGLE = 4
SKETCH = 6
SKETCH_WINDOW = 64
MAX_BUCKET = 32
# Sketch values a paragraph must share with a member of a full bucket to be compared with it.
FULL_BUCKET_SHARED = 2


def sketch(key: str) -> set[int]:
    """The smallest hashes of a text's character 4-grams (bottom-k MinHash).

    Two texts that share most of their 4-grams very likely share one of these, so only
    paragraphs that meet in a sketch bucket are compared: no all-pairs scan. The 4-grams come
    from the first and last ``SKETCH_WINDOW`` characters, so a long paragraph costs no more
    than a short one; copies that are 90% alike still share most 4-grams there, since an
    insertion in the middle shifts neither end.
    """
    if len(key) > 2 * SKETCH_WINDOW:
        key = key[:SKETCH_WINDOW] + "\0" + key[-SKETCH_WINDOW:]
    # Four bytes a character: a 4-gram is a 16-byte slice. A lone surrogate (from a JSON
    # escape such as \ud800) is encoded as its code point, not an error.
    data = key.encode("utf-32-le", "surrogatepass")
    width = 4 * SHINGLE
    hashes = {crc32(data[i : i + width]) for i in range(0, len(data) - width + 4, 4)}
    return set(heapq.nsmallest(SKETCH, hashes))


# Up to this many distinct long paragraphs, scoring the pairs whose lengths allow a match
# costs less than sketching every paragraph, and clears most documents; above it, the pairs
# grow quadratically and the sketches alone find the candidates.
PAIRWISE_LIMIT = 64
# ratio() is symmetric, but a hair of slack keeps this check at least as permissive as the
# rule's own comparison, whichever way round a pair is scored.
SCORE_SLACK = 1e-6


def reduce_to_bytes(key: str) -> bytes:
    """The low byte of each character's code point (a lone surrogate included)."""
    return key.encode("utf-32-le", "surrogatepass")[::4]


def has_similar_pair(keys: set[str], threshold: float) -> bool:
    """Do any two of these distinct keys score ``threshold`` or more (ratio, 0-100)?

    Every near duplicate is such a pair, so a document without one is clean. Two cheap
    bounds come first. The Indel ratio of two texts is at most 200 × shorter / (sum of
    lengths), so with the keys sorted by length each is scored only against the next ones
    whose length keeps it reachable. And a pair is scored on its texts only when the
    texts reduced to one byte a character (the low byte of its code point) reach it: two
    characters that match stay matched, so the reduced pair scores at least as much, and
    rapidfuzz scores bytes five times faster than Chinese text.
    """
    ordered = sorted(keys, key=len)
    reduced = [reduce_to_bytes(key) for key in ordered]
    cutoff = max(0.0, threshold - SCORE_SLACK)
    for index, short in enumerate(ordered):
        for other in range(index + 1, len(ordered)):
            long = ordered[other]
            if 200 * len(short) < cutoff * (len(short) + len(long)):
                break  # the longer keys are further out of reach
            if ratio(reduced[index], reduced[other], score_cutoff=cutoff) and ratio(
                short, long, score_cutoff=cutoff
            ):
                return True
    return False


def candidate_pairs(
    keys: list[str], eligible: list[int], threshold: float
) -> list[tuple[int, int]]:
    """The pairs of eligible paragraphs whose sketches meet, in order: the ones scored.

    Each paragraph joins a bucket per sketch value, and meets those already there; a
    bucket of MAX_BUCKET paragraphs takes no more. With no more paragraphs than that, no
    bucket fills up, so two paragraphs meet exactly when their sketches share a value; a
    pair that cannot reach the threshold (by its lengths and reduced texts, as in
    ``has_similar_pair``) would be scored in vain, so only the others are sketched.
    """
    if len(eligible) <= MAX_BUCKET:
        cutoff = max(0.0, threshold - SCORE_SLACK)
        reduced = {index: reduce_to_bytes(keys[index]) for index in eligible}
        sketches: dict[int, set[int]] = {}
        pairs = []
        for first, second in combinations(eligible, 2):
            shorter, longer = sorted((len(keys[first]), len(keys[second])))
            if 200 * shorter < cutoff * (shorter + longer):
                continue
            if not ratio(reduced[first], reduced[second], score_cutoff=cutoff):
                continue
            for index in (first, second):
                if index not in sketches:
                    sketches[index] = sketch(keys[index])
            if sketches[first] & sketches[second]:
                pairs.append((first, second))
        return pairs
    return bucket_pairs(keys, eligible)


def bucket_pairs(keys: list[str], eligible: list[int]) -> list[tuple[int, int]]:
    """The pairs of eligible paragraphs that meet in a sketch bucket, in order.

    A bucket takes MAX_BUCKET members, so a paragraph meets at most that many per sketch
    value: the work stays linear. A paragraph that finds a bucket full still meets its
    members, but only those that share another sketch value with it: one shared 4-gram this
    common (的发展，) is no evidence of a copy, while the 200th copy of a paragraph shares
    most of its sketch with the first 32 and must still be found.
    """
    buckets: dict[int, list[int]] = defaultdict(list)
    sketches: dict[int, set[int]] = {}
    candidates: set[tuple[int, int]] = set()
    for index in eligible:
        own = sketches[index] = sketch(keys[index])
        for value in own:
            bucket = buckets[value]
            if len(bucket) < MAX_BUCKET:
                candidates.update((other, index) for other in bucket)
                bucket.append(index)
            else:
                candidates.update(
                    (other, index)
                    for other in bucket
                    if len(own & sketches[other]) >= FULL_BUCKET_SHARED
                )
    return sorted(candidates)


class NearDuplicateParagraph(Rule):
    code = "D102"
    name = "near-duplicate-paragraph"
    summary = "Two paragraphs of one document that are almost the same (rapidfuzz ratio)"
    why = (
        "A paragraph repeated with a small edit (a changed date, a dropped clause, a typo "
        "fixed in one copy) is a duplicate for training purposes, and exact matching misses "
        "it. Candidates meet through shared 4-gram sketches (bottom-k MinHash), so a long "
        "document costs a few comparisons per paragraph instead of all pairs; each candidate "
        "pair is then scored with rapidfuzz's normalized Indel ratio. Two entries of a list "
        "under different labels (an option list's -P and -L, a law's 第八十九条 and "
        "第九十条) read alike because they are parallel: they are not compared."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the shorter copy when all of its text is in the longer one (a copy cut short) "
        "and it follows the longer one directly or stands between blank lines. Copies that "
        "differ both ways (a changed date, another user's repost) are only reported: either "
        "may hold the detail that was right. Unsafe: the judgement that they are one "
        "paragraph is a similarity score."
    )
    options = {"threshold": 90.0, "min-chars": 20}
    option_docs = {
        "threshold": "Minimum rapidfuzz ratio (0-100) of the two paragraphs' comparison keys.",
        "min-chars": "Shorter paragraphs (whitespace excluded) are ignored.",
    }
    triggers = "\n"
    examples = Examples(
        clean=[
            "7月24日下午,该街道辖区除彰德路64号院外,所有停电小区均通了生活用电。\n\n"
            "7月24日晚9时许,北大街街道辖区所有停电小区、院落全部恢复了通电。\n",
        ],
        bad=[
            Bad(
                # seed 001 line 109, and a copy cut short after it
                "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。"
                "通过网格员持续走访调查,做到爱心卡发放快、准、稳。\n\n"
                "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。"
                "通过网格员持续走访调查,做到爱心卡发放快\n\n"
                "活动开始。\n",
                fixed="交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。"
                "通过网格员持续走访调查,做到爱心卡发放快、准、稳。\n\n"
                "活动开始。\n",
                flagged=[
                    "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。"
                    "通过网格员持续走访调查,做到爱心卡发放快\n\n"
                ],
                note="the shorter copy holds nothing the longer one lacks",
            ),
            Bad(
                # seed 001 line 109, and a copy with one word changed
                "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。\n\n"
                "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项长期化工作。\n\n"
                "活动开始。\n",
                fixed="交通路社区用一点恒心暖民心,将《红色代办卡》作为一项常态化工作。\n\n"
                "交通路社区用一点恒心暖民心,将《红色代办卡》作为一项长期化工作。\n\n"
                "活动开始。\n",
                flagged=["交通路社区用一点恒心暖民心,将《红色代办卡》作为一项长期化工作。"],
                note="the copies differ both ways: reported, not dropped",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        keys = paragraph_keys(doc)
        threshold = self.option_values["threshold"]
        long_keys = {key for key in keys if len(key) >= self.option_values["min-chars"]}
        if len(long_keys) < 2:
            return
        if len(long_keys) <= PAIRWISE_LIMIT and not has_similar_pair(long_keys, threshold):
            return  # most documents: no two paragraphs come near, nothing to sketch
        texts = doc.paragraph_texts
        eligible = [
            index
            for index, key in enumerate(keys)
            if len(key) >= self.option_values["min-chars"] and is_prose(texts[index])
        ]
        # A paragraph reported as a copy gives way to the one it copies: a later paragraph
        # that met it (in a full sketch bucket, the only member it met) is compared with that
        # one instead.
        kept_for: dict[int, int] = {}
        scored: set[tuple[int, int]] = set()
        spans = doc.paragraphs
        for pair in candidate_pairs(keys, eligible, threshold):
            first, second = sorted(kept_copy(kept_for, index) for index in pair)
            if first == second or (first, second) in scored:
                continue
            scored.add((first, second))
            a, b = keys[first], keys[second]
            if a == b:
                continue  # exact copies are duplicate-paragraph's
            if parallel_entries(texts[first], texts[second]):
                continue  # -P arg 把 arg 传给后处理器 / -L arg 把 arg 传给打印机
            score = ratio(a, b, score_cutoff=threshold)
            if not score:
                continue
            drop, keep = (first, second) if len(a) < len(b) else (second, first)
            kept_for[drop] = keep
            message = (
                f"Near duplicate ({score:.0f}%) of the paragraph at line "
                f"{doc.position(spans[keep].start)[0]}"
            )
            if keys[drop] in keys[keep] and droppable(doc, drop, keep):
                lost = drop_range(doc, drop)
                yield self.finding(
                    lost.start, lost.end, message, replacement="", title="Drop the shorter copy"
                )
            else:
                yield self.finding(spans[drop].start, spans[drop].end, message)


def kept_copy(kept_for: dict[int, int], index: int) -> int:
    """The paragraph that stays for ``index``: itself, or what it was reported a copy of."""
    while index in kept_for:
        index = kept_for[index]
    return index


# The label an entry of a list opens with: an article (第八十九条), an enumerator ((三), 3.),
# or a term of a definition or option list (-width, r, d[尺寸]) before its first space.
ENTRY_LABEL = regex(
    r"(?:第[一二三四五六七八九十百千零〇两\d]+条|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,3}[.、．)）]|[一二三四五六七八九十]{1,3}、"
    r"|-{0,2}[A-Za-z][\w-]{0,15}(?:\[[^\]\s]{1,6}\])?(?=[ \u3000\t]))"
)


def parallel_entries(first: str, second: str) -> bool:
    """Two entries of one list, each under its own label, worded alike on purpose.

    An option list (-P arg 把 arg 传给后处理器, -L arg 把 arg 传给打印机), a type list
    (d[尺寸] 有符号十进制数…, u[尺寸] 无符号十进制数…) or two penalty articles of a law
    read alike because they are parallel, not because one copies the other.
    """
    label_one, label_two = ENTRY_LABEL.match(first), ENTRY_LABEL.match(second)
    return bool(label_one and label_two and label_one[0] != label_two[0])
