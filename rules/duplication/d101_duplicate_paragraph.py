"""D101 duplicate-paragraph."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.document import Span
from cnlint.rules._text.blocks import (
    continuation_index,
    drop_range,
    ends_closed,
    is_list_item,
    is_prose,
)
from cnlint.rules._text.paragraph_keys import droppable_in_run, paragraph_keys


def is_complete(index: int, texts: list[str], doc: Document) -> bool:
    """Ends a sentence, or its cut sentence goes on in the next paragraph (seed 001:53+55)."""
    return ends_closed(texts[index]) or continuation_index(doc, index, texts) is not None


def repeated_keys(keys: list[str]) -> set[str]:
    """The keys that occur more than once (a set of them is cheap; most documents have none)."""
    if len(set(keys)) == len(keys):
        return set()
    return {key for key, count in Counter(keys).items() if count > 1}


def follows_a_copy(doc: Document, index: int, copies: set[int]) -> bool:
    """Is the paragraph on the line right after another copy (a run of copies, no blank)?"""
    spans = doc.paragraphs
    before = index - 1
    return before in copies and doc.text.count("\n", spans[before].end, spans[index].start) == 1


def own_line(doc: Document, index: int) -> Span:
    """The paragraph's line with its line break: a copy in a run goes, the run's blank
    line after it stays to separate what is left of the run from the next paragraph."""
    line = doc.line_index(doc.paragraphs[index].start)
    starts = doc.line_starts
    return Span(starts[line], starts[line + 1] if line + 1 < len(starts) else len(doc.text))


class DuplicateParagraph(Rule):
    code = "D101"
    name = "duplicate-paragraph"
    summary = "The same paragraph twice in one document (after folding whitespace and mark width)"
    why = (
        "Templates, 'related article' boxes and sloppy extraction repeat paragraphs inside a "
        "page. Repeats overweight their text in training and inflate every frequency statistic. "
        "Only prose paragraphs count: a heading that recurs as a section title (seed 003's "
        "為群眾辦實事) is structure, not duplication, and so is a list item that recurs in "
        "another list (a law's （六）法律、法规规定的其他情形。 closing two articles' lists)."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Keeps one copy and drops the others with their line. The copy kept is the first "
        "complete one (it ends a sentence, or its sentence goes on in the next paragraph), so a "
        "truncated stray copy is dropped and the copy that continues stays. A copy is dropped "
        "only when it follows the kept one directly (or through other copies: a run of copies "
        "goes in one pass) or stands between blank lines; a copy "
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
            # the Red Cross Society law (china-laws): one item closes two articles' lists
            "（五）未依法公开信息的；\n（六）法律、法规规定的其他情形。\n"
            "第二十七条\u3000自然人、法人或者其他组织有下列情形之一，造成损害的，依法承担民事"
            "责任；构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任：\n"
            "（一）冒用、滥用、篡改红十字标志和名称的；\n（二）利用红十字标志和名称牟利的；\n"
            "（三）制造、发布、传播虚假信息，损害红十字会名誉的；\n"
            "（四）盗窃、损毁或者以其他方式侵害红十字会财产的；\n"
            "（五）阻碍红十字会工作人员依法履行救援、救助、救护职责的；\n"
            "（六）法律、法规规定的其他情形。\n",
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
            if (
                key in repeated
                and len(key) >= self.option_values["min-chars"]
                and is_prose(text)
                and not is_list_item(text)
            ):
                groups[key].append(index)
        spans = doc.paragraphs
        for copies in groups.values():
            if len(copies) < 2:
                continue
            complete = [i for i in copies if is_complete(i, texts, doc)]
            kept = (complete or copies)[0]
            line = doc.position(spans[kept].start)[0]
            members = set(copies)
            for index in copies:
                if index == kept:
                    continue
                message = f"Duplicate of the paragraph at line {line}"
                if droppable_in_run(doc, index, kept, members):
                    dropped = drop_range(doc, index)
                    if follows_a_copy(doc, index, members):
                        dropped = own_line(doc, index)
                    yield self.finding(
                        dropped.start, dropped.end, message, replacement="", title="Drop this copy"
                    )
                else:
                    span = spans[index]
                    yield self.finding(span.start, span.end, message + " (inside a record: kept)")
