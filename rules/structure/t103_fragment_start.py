"""T103 fragment-start."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.chars import HAN, HAN_CHAR, LINE_SPACE
from cnlint.rules._text.blocks import (
    CLOSED_ENDINGS,
    ECHO_WINDOW,
    ends_closed,
    is_caption,
    is_prose,
)

# Characters that end a word but rarely start a sentence; a paragraph opening with one of
# them, after a paragraph that ended a sentence, is the tail of a word cut in two.
FRAGMENT_PROBE = 6
WORD_USES = 4


class FragmentStart(Rule):
    code = "T103"
    name = "fragment-start"
    summary = "A paragraph that starts mid-sentence or mid-word: 道安彩嘉园… (…街 is lost)"
    why = (
        "When the start of a paragraph is lost in extraction (the rest of a line that was cut, "
        "a page that began mid-sentence), the paragraph opens with a punctuation mark or with "
        "the tail of a word. It is not a sentence a model should learn from. Flagged when a "
        "paragraph opens with a mark that cannot start a sentence (，。、；：）》), or when its "
        "opening words occur elsewhere in the same document right after a Han character that "
        "forms a word with its first character (街道 ⏎ 道安彩嘉园… while the lead says "
        "银杏大街街道安彩嘉园), and the paragraph before it is complete."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[
            "7月29日,银杏大街街道安彩嘉园二期业主代表送来锦旗。\n\n"
            "安彩嘉园二期地下车库进水严重,小区停电。\n",
            "第一段。\n\n“我们街道行动快。”一位居民说。\n",
        ],
        bad=[
            Bad(
                # seed 004 lines 101-103
                "7月29日,银杏大街街道安彩嘉园二期业主代表将一面锦旗郑重地交到该街道党工委"
                "副书记郝彬手中,以此表达对银杏大街街道在这次特大暴雨后为民服务的感激之情。\n\n"
                "道安彩嘉园二期地下车库进水严重,小区停电。"
                "银杏大街街道党工委第一时间组织街道机关、安彩嘉园社区等50余人组成救援队伍。\n",
                flagged=["道"],
            ),
            Bad("第一段写完了。\n\n,并且提出了整改意见。\n", flagged=[","]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        first = VISIBLE.search(text)
        if not first:
            return
        if first[0] in CANNOT_START:
            start = first.start()
            yield self.finding(start, start + 1, f"Paragraph starts with {first[0]!r}")
        # The other paragraphs: only those that open like a fragment, each found from its
        # line's start without splitting the document.
        for match in FRAGMENT_OPENING.finditer(text, first.start()):
            if not ends_closed(last_visible_before(doc, match.start())):
                continue  # the previous paragraph is open: broken-paragraph's case
            start = match.end()
            paragraph = text[start : doc.line_end(start)].rstrip()
            if paragraph[0] in CANNOT_START:
                yield self.finding(start, start + 1, f"Paragraph starts with {paragraph[0]!r}")
                continue
            # (The first paragraph is a title or lead: it introduces phrases, it does not
            # echo them.) The echo is asked first: it is rare, and prose and captions are not.
            word = cut_word(text, paragraph, start)
            if word and is_prose(paragraph) and not is_caption(paragraph):
                yield self.finding(
                    start,
                    start + 1,
                    f"Paragraph starts mid-word: elsewhere the text reads {word!r}",
                )


CANNOT_START = frozenset("，,、。；;：）)》」』】？！?!")
VISIBLE = re.compile(r"\S")
# A paragraph after the first that may be a fragment: after its line's start and indentation,
# a mark that cannot start a sentence, or the Han opening that cut_word probes. The line
# before must end closed (or in whitespace: a blank line, trailing space, looked at in Python).
# Newline-first, so re jumps from line to line at memchr speed.
FRAGMENT_OPENING = re.compile(
    f"\n(?<=[{re.escape(''.join(sorted(CLOSED_ENDINGS)))}{LINE_SPACE}\n]\n)[{LINE_SPACE}]*"
    f"(?=[{''.join(sorted(CANNOT_START))}]|[{HAN}]{{{FRAGMENT_PROBE}}})"
)
HAN_PROBE = re.compile(f"[{HAN}]{{{FRAGMENT_PROBE}}}")


def cut_word(text: str, paragraph: str, start: int) -> str:
    """The longer phrase this paragraph's opening is the tail of, if the document shows one.

    The opening (``FRAGMENT_PROBE`` characters, all Han) must occur elsewhere right after a
    Han character, and that character with the paragraph's first one must be a word the
    document uses on its own (``WORD_USES`` times): 街道 in 银杏大街街道安彩嘉园 for 道安彩嘉园.
    """
    if not HAN_PROBE.match(paragraph):
        return ""
    probe = paragraph[:FRAGMENT_PROBE]
    # The echo is looked for near the paragraph (a lead, the paragraphs around it), which
    # also keeps the search linear in long documents.
    low, high = max(0, start - ECHO_WINDOW), start + ECHO_WINDOW
    position = text.find(probe, low, high)
    while position != -1:
        if position != start and position > 0 and HAN_CHAR.match(text[position - 1]):
            word = text[position - 1] + probe[0]
            # The word must stand on its own elsewhere, not only in front of this phrase.
            uses = text.count(word, low, high) - text.count(word + probe[1:], low, high)
            if uses >= WORD_USES:
                return text[position - 1 : position + FRAGMENT_PROBE]
        position = text.find(probe, position + 1, high)
    return ""


def last_visible_before(doc: Document, end: int) -> str:
    """The last character of the paragraph before offset ``end`` (at a line's start)."""
    text = doc.text
    if not text[end - 1].isspace():
        return text[end - 1]  # no trailing space, no blank line: the usual case
    previous = next(doc.paragraphs_before(end), None)
    return text[previous.end - 1] if previous else ""
