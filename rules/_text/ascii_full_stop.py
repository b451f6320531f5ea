"""The ASCII '.' that ends a Chinese sentence (人们都走了.然后…).

halfwidth-full-stop reports it; the structure rules count it as a sentence end, so that a
document written with '.' for 。 is judged as it will be once that fix has run (a safe fix must
not make another rule report more).
"""

from __future__ import annotations

import re

from cnlint.chars import HAN

# A Chinese character (or a closing quote or bracket after one) before the '.', and after it
# (past closing quotes) the line's end, or (after spaces or not) the next sentence's Chinese
# character or opening mark. Before another mark (.；) it is no full stop but a conflicting
# pair (conflicting-punctuation's). Not a run of dots (an ellipsis: ellipsis-style), not a '.'
# before a letter or digit (说明.txt, 第3.5节, 通讯.Unix reads as a name).
# The pattern starts with the '.', so `re` jumps from dot to dot.
NEXT_SENTENCE = f"[{HAN}“‘「『（《【]"
CLOSERS = "[”’」』）》】]"  # a stop inside a quotation: 他当过轮机员.”
ASCII_FULL_STOP = re.compile(
    rf"\.(?<=[{HAN}”’」』）》]\.)(?!\.)"
    rf"(?: +(?={NEXT_SENTENCE})|(?={CLOSERS}*(?:[ \t]*(?:\r?\n|$)|{NEXT_SENTENCE})))"
)


def last_ascii_full_stop(text: str) -> int:
    """The position of the last '.' in ``text`` that ends a Chinese sentence, or -1."""
    last = -1
    if "." in text:
        for match in ASCII_FULL_STOP.finditer(text):
            last = match.start()
    return last
