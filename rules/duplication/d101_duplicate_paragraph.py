"""D101 duplicate-paragraph."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules._text.blocks import (
    continuation_index,
    drop_range,
    ends_closed,
    is_prose,
)
from cnlint.rules._text.paragraph_keys import droppable, paragraph_keys


def is_complete(index: int, texts: list[str], doc: Document) -> bool:
    """Ends a sentence, or its cut sentence goes on in the next paragraph (seed 001:53+55)."""
    return ends_closed(texts[index]) or continuation_index(doc, index, texts) is not None


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
        texts = doc.paragraph_texts
        groups: dict[str, list[int]] = defaultdict(list)
        for index, (text, key) in enumerate(zip(texts, keys, strict=True)):
            if key in repeated and len(key) >= self.option_values["min-chars"] and is_prose(text):
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
