"""D103 repeated-sentence."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.patterns import regex
from cnlint.rules._text.paragraph_keys import folded_text, paragraph_keys

# A "label：value" field: a flattened table or form repeats these legitimately.
FIELD = regex("[^，。：]{1,12}：")
SENTENCE = regex(r"[^。！？!?]+(?:[。！？!?]+[”’」』]?|$)")
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
        self.marks_only = STOP * max(0, int(self.option_values["min-chars"]))

    def check(self, doc: Document) -> Iterator[Finding]:
        bodies = sentence_bodies(doc)
        if not self._may_repeat(STOP.join(bodies)):
            return  # most documents: all paragraphs at once prove that none repeats
        minimum = self.option_values["min-chars"]
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
