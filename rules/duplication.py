"""Duplication rules (D1xx): paragraphs and sentences repeated inside one document.

Corpus-wide duplicates (the same paragraph across many files) are the corpus pass's job.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import combinations
from zlib import crc32

from rapidfuzz.fuzz import ratio

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules.blocks import (
    continuation_index,
    drop_range,
    ends_closed,
    is_prose,
    paragraph_texts,
)

# Comparison keys only, never written back: half-width marks fold to their full-width form
# (the same sentence scraped twice may differ in comma width) and whitespace goes.
WIDTH_FOLD = tuple(zip(",:;!?()", "，：；！？（）", strict=True))


def fold_width(text: str) -> str:
    # str.replace per mark is several times faster than str.translate on Chinese text.
    for half, full in WIDTH_FOLD:
        if half in text:
            text = text.replace(half, full)
    return text


def comparison_key(text: str) -> str:
    # str.split() drops exactly what the regex \s drops (str.isspace), 5x faster than re.sub.
    return "".join(fold_width(text).split())


def paragraph_keys(doc: Document) -> list[str]:
    """Each paragraph's comparison key, computed once per document for all three rules."""
    return doc.view(key_paragraphs)


def key_paragraphs(doc: Document) -> list[str]:
    # A paragraph is a line with something besides whitespace and its key drops all the
    # whitespace, so the non-empty keys of the lines are the paragraphs' keys, in order. One
    # fold of the whole text costs a quarter of a fold per paragraph.
    lines = folded_text(doc).split("\n")
    return [key for key in map("".join, map(str.split, lines)) if key]


def folded_text(doc: Document) -> str:
    """The text with its marks width-folded, computed once per document. Folding replaces
    one character by one, so every offset and span of the text holds in it."""
    return doc.view(fold_document)


def fold_document(doc: Document) -> str:
    return fold_width(doc.text)


def is_complete(index: int, texts: list[str], doc: Document) -> bool:
    """Ends a sentence, or its cut sentence goes on in the next paragraph (seed 001:53+55)."""
    return ends_closed(texts[index]) or continuation_index(doc, index, texts) is not None


def droppable(doc: Document, copy: int, kept: int) -> bool:
    """May the copy's line go without taking a record's only copy of something with it?

    Yes when it follows the kept copy directly (a block scraped twice), or stands alone
    between blank lines (an article's paragraph). A line inside a block of lines is a field
    of a record (a post's text between its user and its date, 【核心课程】 under one
    major): dropping it would leave that record without it, so such a copy is only reported.
    """
    return abs(copy - kept) == 1 or not in_block(doc, copy)


def in_block(doc: Document, index: int) -> bool:
    """Is the paragraph's line next to another non-blank line (no blank line between)?"""
    spans = doc.paragraphs
    text = doc.text
    before = index > 0 and text.count("\n", spans[index - 1].end, spans[index].start) == 1
    after = (
        index + 1 < len(spans) and text.count("\n", spans[index].end, spans[index + 1].start) == 1
    )
    return before or after


def repeated_keys(keys: list[str]) -> set[str]:
    """The keys that occur more than once (a set of them is cheap; most documents have none)."""
    if len(set(keys)) == len(keys):
        return set()
    return {key for key, count in Counter(keys).items() if count > 1}


class DuplicateParagraph(Rule):
    code = "D101"
    name = "duplicate-paragraph"
    summary = "The same paragraph twice in one document (after folding whitespace and mark width)"
    why = (
        "Templates, 'related article' boxes and sloppy extraction repeat paragraphs inside a "
        "page. Repeats overweight their text in training and inflate every frequency statistic. "
        "Only prose paragraphs count: a heading that recurs as a section title (seed 003's "
        "為群眾辦實事) is structure, not duplication."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Keeps one copy and drops the others with their line. The copy kept is the first "
        "complete one (it ends a sentence, or its sentence goes on in the next paragraph), so a "
        "truncated stray copy is dropped and the copy that continues stays. A copy is dropped "
        "only when it follows the kept one directly or stands between blank lines; a copy "
        "inside a block of lines (one field of a record: a post between its user and date) is "
        "only reported, since the record would lose it."
    )
    options = {"min-chars": 10}
    option_docs = {
        "min-chars": "Shorter paragraphs (in characters, whitespace excluded) are ignored."
    }
    triggers = "\n"
    examples = Examples(
        clean=[
            # seed 003 lines 4, 20, 30: a recurring section heading
            "為群眾辦實事\n就得“大事兒實事兒有人干”\n為群眾辦實事\n就得“難事兒愁事兒有人辦”\n",
            "文明从细节做起。\n\n和谐从小区党支部做起。\n",
        ],
        bad=[
            Bad(
                # seed 001 lines 109, 141 and 147, then a closing line
                "“一点恒心”暖民心。交通路社区用一点恒心暖民心。\n\n活动开始。\n\n"
                "“一点恒心”暖民心。交通路社区用一点恒心暖民心。\n\n(张晋晋)\n",
                fixed="“一点恒心”暖民心。交通路社区用一点恒心暖民心。\n\n活动开始。\n\n(张晋晋)\n",
                flagged=["“一点恒心”暖民心。交通路社区用一点恒心暖民心。\n\n"],
                note="the finding covers what the fix deletes: the line and the blank line after",
            ),
            Bad(
                # seed 001 lines 39, 41, 53, 55: the first copy is a truncated stray
                "真正将群众的利益放在突出的位置,加快补齐农村“民生短板”,启动机关\n\n"
                "“家门口”的便民餐厅\n\n"
                "真正将群众的利益放在突出的位置，加快补齐农村“民生短板”，启动机关\n\n"
                "事业单位厕所对外开放。\n",
                fixed="“家门口”的便民餐厅\n\n"
                "真正将群众的利益放在突出的位置，加快补齐农村“民生短板”，启动机关\n\n"
                "事业单位厕所对外开放。\n",
                flagged=["真正将群众的利益放在突出的位置,加快补齐农村“民生短板”,启动机关\n\n"],
                note="mark width differs between the copies; the complete one stays",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        keys = paragraph_keys(doc)
        repeated = repeated_keys(keys)
        if not repeated:
            return  # most documents: every key is unique, no paragraph is judged
        texts = paragraph_texts(doc)
        groups: dict[str, list[int]] = defaultdict(list)
        for index, (text, key) in enumerate(zip(texts, keys, strict=True)):
            if key in repeated and len(key) >= self.config["min-chars"] and is_prose(text):
                groups[key].append(index)
        spans = doc.paragraphs
        for copies in groups.values():
            if len(copies) < 2:
                continue
            complete = [i for i in copies if is_complete(i, texts, doc)]
            kept = (complete or copies)[0]
            line = doc.position(spans[kept].start)[0]
            for index in copies:
                if index == kept:
                    continue
                message = f"Duplicate of the paragraph at line {line}"
                if droppable(doc, index, kept):
                    dropped = drop_range(doc, index)
                    yield self.finding(
                        dropped.start, dropped.end, message, replacement="", title="Drop this copy"
                    )
                else:
                    span = spans[index]
                    yield self.finding(span.start, span.end, message + " (inside a record: kept)")


SHINGLE = 4
SKETCH = 6
SKETCH_WINDOW = 64
MAX_BUCKET = 32


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
    data = key.encode("utf-32-le")  # four bytes a character: a 4-gram is a 16-byte slice
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
    reduced = [key.encode("utf-32-le")[::4] for key in ordered]
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
        reduced = {index: keys[index].encode("utf-32-le")[::4] for index in eligible}
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
    """The pairs of eligible paragraphs that meet in a sketch bucket, in order."""
    buckets: dict[int, list[int]] = defaultdict(list)
    candidates: set[tuple[int, int]] = set()
    for index in eligible:
        for value in sketch(keys[index]):
            bucket = buckets[value]
            if len(bucket) >= MAX_BUCKET:
                continue  # a 4-gram this common (的发展，) is no evidence of a copy
            candidates.update((other, index) for other in bucket)
            bucket.append(index)
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
        "pair is then scored with rapidfuzz's normalized Indel ratio."
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
        threshold = self.config["threshold"]
        long_keys = {key for key in keys if len(key) >= self.config["min-chars"]}
        if len(long_keys) < 2:
            return
        if len(long_keys) <= PAIRWISE_LIMIT and not has_similar_pair(long_keys, threshold):
            return  # most documents: no two paragraphs come near, nothing to sketch
        texts = paragraph_texts(doc)
        eligible = [
            index
            for index, key in enumerate(keys)
            if len(key) >= self.config["min-chars"] and is_prose(texts[index])
        ]
        dropped: set[int] = set()
        spans = doc.paragraphs
        for first, second in candidate_pairs(keys, eligible, threshold):
            a, b = keys[first], keys[second]
            if a == b or first in dropped or second in dropped:
                continue  # exact copies are duplicate-paragraph's
            score = ratio(a, b, score_cutoff=threshold)
            if not score:
                continue
            drop, keep = (first, second) if len(a) < len(b) else (second, first)
            dropped.add(drop)
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


# A "label：value" field: a flattened table or form repeats these legitimately.
FIELD = re.compile("[^，。：]{1,12}：")
SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』]?|$)")
# Where sentences can start in a comparison key (! and ? are folded to ！ and ？ there).
STOP = "。"
CUTS = "！？”’」』"


def sentence_bodies(doc: Document) -> list[str]:
    """Each paragraph's key with a 。 at every stop and closing quote (a cut), up to its
    last cut: the pieces between cuts are where sentences start, and what follows the last
    cut ends the paragraph without ending a sentence, so no repeat is made of it.
    """
    keys = paragraph_keys(doc)
    if not keys:
        return []
    cut = "\n".join(keys)
    for mark in CUTS:  # one str.replace per mark for the whole document
        cut = cut.replace(mark, STOP)
    return [line.rpartition(STOP)[0] for line in cut.split("\n")]


class RepeatedSentence(Rule):
    code = "D103"
    name = "repeated-sentence"
    summary = "The same sentence twice inside one paragraph"
    why = (
        "A sentence written twice in a row (one sentence or a run of them) is extraction "
        "debris: a pull quote, a caption or a teaser merged into the body, a block scraped "
        "twice. It overweights that sentence and reads as a stutter. The same sentence further "
        "apart is often the author's (a summary restated in the body, a procedure repeated "
        "for each batch), so it is only reported. Short sentences (slogans, 咚！咚！) and "
        "label：value fields (a flattened table repeats 总分：538分 for every row) are ignored."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Deletes the second copy only when it follows the first immediately (the same "
        "sentence, or run of up to three sentences, twice in a row): that copy adds nothing. "
        "A copy further apart is left alone, since deleting it would drop what the text says "
        "at that place. Unsafe: deliberate repetition exists in rhetoric."
    )
    options = {"min-chars": 12}
    option_docs = {"min-chars": "Shorter sentences (whitespace excluded) are ignored."}
    triggers = ("。", "！", "？", "!", "?")
    examples = Examples(
        clean=["咚!咚!咚!有人敲门。", "坚持,坚持,再坚持。我们一定能成功。"],
        bad=[
            Bad(
                # seed 001 line 141 with its last sentence written twice
                "随后,进行了现场体验实弹射击,接受军事训练。随后,进行了现场体验实弹射击,"
                "接受军事训练。通过此次活动,党员受到了教育。\n",
                fixed="随后,进行了现场体验实弹射击,接受军事训练。通过此次活动,党员受到了教育。\n",
                flagged=["随后,进行了现场体验实弹射击,接受军事训练。"],
            ),
            Bad(
                # dirty/uninews_004.txt: a procedure stated for one batch and again for the
                # next, with another sentence between; reported, never deleted
                "如没有出现符合投档条件的院校专业组，则不能投档。专科批次按同样办法投档。"
                "如没有出现符合投档条件的院校专业组，则不能投档。\n",
                fixed="如没有出现符合投档条件的院校专业组，则不能投档。专科批次按同样办法投档。"
                "如没有出现符合投档条件的院校专业组，则不能投档。\n",
                flagged=["如没有出现符合投档条件的院校专业组，则不能投档。"],
                note="not adjacent: no fix",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.marks_only = STOP * max(0, int(self.config["min-chars"]))

    def check(self, doc: Document) -> Iterator[Finding]:
        bodies = sentence_bodies(doc)
        if not self._may_repeat(STOP.join(bodies)):
            return  # most documents: all paragraphs at once prove that none repeats
        minimum = self.config["min-chars"]
        folded = folded_text(doc)  # ! ? fold to ！ ？, stops too: the same sentences
        for span, body in zip(doc.paragraphs, bodies, strict=True):
            if not self._may_repeat(body):
                continue
            sentences = [
                (m.start(), m.end(), counted_key(m[0]))
                for m in SENTENCE.finditer(folded, span.start, span.end)
            ]
            yield from self._repeats(sentences, minimum)

    def _may_repeat(self, body: str) -> bool:
        """Can two sentences of this paragraph body (or of these, joined) be the same?

        A repeat is a run of sentences whose keys occur twice in a paragraph's key; the
        first sentence of the run that has a word in it begins right after a cut (or at
        the start), so the piece between that cut and the next occurs twice. A run without
        words (” 。。。。) is a run of at least min-chars cuts. str.split and a set find
        that at C speed; a regex scan for the pieces costs ten times more.
        """
        pieces = body.split(STOP)
        distinct = set(pieces)
        distinct.discard("")
        return len(distinct) < len(pieces) - pieces.count("") or self.marks_only in body

    def _repeats(self, sentences: list[tuple[int, int, str]], minimum: int) -> Iterator[Finding]:
        keys = [key for _, _, key in sentences]
        seen: set[str] = set()
        index = 0
        while index < len(sentences):
            run = immediate_repeat(keys, index, minimum)
            if run:
                start, end = sentences[index][0], sentences[index + run - 1][1]
                yield self.finding(
                    start, end, "Sentence repeated right after itself", replacement=""
                )
                index += run
                continue
            key = keys[index]
            if len(key) >= minimum and key in seen:
                start, end = sentences[index][:2]
                yield self.finding(start, end, "Sentence repeated earlier in this paragraph")
            seen.add(key)
            index += 1


MAX_RUN = 3


def counted_key(folded_sentence: str) -> str:
    """The comparison key of a width-folded sentence, or "" for a label：value field,
    which never counts as a repeat."""
    key = "".join(folded_sentence.split())
    # 普通类（物理）：总分538分。 recurs in a table for each school
    return "" if FIELD.match(key) else key


def immediate_repeat(keys: list[str], index: int, minimum: int) -> int:
    """How many sentences from ``index`` repeat the ones right before them (0 if none).

    A run of sentences scraped twice (A B A B) is one repeat of length 2; its sentences
    together must reach ``minimum`` characters, and none may be blank (short or a field).
    """
    for run in range(1, MAX_RUN + 1):
        if index - run < 0 or index + run > len(keys):
            break
        if keys[index] != keys[index - run]:
            continue  # the runs differ at their first sentence: no need to compare them all
        copy = keys[index : index + run]
        if all(copy) and copy == keys[index - run : index] and len("".join(copy)) >= minimum:
            return run
    return 0
