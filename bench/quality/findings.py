"""List one rule's findings on the benchmark corpus, with the context needed to judge them.

    .venv/bin/python bench/quality/findings.py P103                 # a sample of 30
    .venv/bin/python bench/quality/findings.py B101 --unjudged --limit 50 --seed 2

Every rule runs (``--select ALL``, default-off rules too). Each finding shows its source's genre
and whether the source is edited or raw, the message, the flagged line with the span marked,
and the paragraph around it; its last line is the judgment key to paste into
``judgments/<CODE>.tsv`` followed by the verdict (true, false, harmful-fix) and a reason.
The sample is drawn with a fixed seed, so two people with the same arguments see the same list.
"""

from __future__ import annotations

import argparse
import random
import unicodedata

import judgments
from corpus import Finding, document_text, lint_corpus, source_of

CONTEXT_LINES = 2  # lines shown either side when the paragraph is one line
LONG_LINE = 120  # longer lines are shown as a window around the finding
WINDOW_CHARS = 60  # characters shown either side of the span in such a window


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def paragraph_around(lines: list[str], index: int) -> tuple[int, int]:
    """First and last line index of the blank-line paragraph holding line ``index``."""
    start = index
    while start > 0 and lines[start - 1].strip():
        start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    if start == end or end - start > 12:  # one-line paragraphs, or a long block: a window
        start, end = max(0, index - CONTEXT_LINES), min(len(lines) - 1, index + CONTEXT_LINES)
    return start, end


def show(finding: Finding) -> str:
    source = source_of(finding.path)
    lines = document_text(finding.path, finding.record).split("\n")
    index = min(finding.line, len(lines)) - 1
    start, end = paragraph_around(lines, index)
    where = finding.path + ("" if finding.record == "-" else f" record {finding.record}")
    out = [
        f"── {finding.code} {where}:{finding.line}:{finding.column}  "
        f"[{source.genre}, {source.kind}]  fix: {finding.fix or 'none'}",
        f"   {finding.message}",
    ]
    for number in range(start, end + 1):
        mark = ">" if number == index else " "
        line, offset = lines[number], 0
        if len(line) > LONG_LINE:
            # Long lines (reviews, subtitles) are cut to a window around the finding.
            centre = finding.column - 1 if number == index else 0
            offset = max(0, centre - WINDOW_CHARS)
            cut = line[offset : centre + len(finding.text) + WINDOW_CHARS]
            line = ("…" if offset else "") + cut + ("…" if offset + len(cut) < len(line) else "")
            offset -= 1 if offset else 0
        out.append(f" {mark}{number + 1:4} │ {line}")
        if number == index and finding.text and finding.end_line == finding.line:
            before = line[: finding.column - 1 - offset]
            width = max(1, display_width(finding.text))
            out.append(f"       │ {' ' * display_width(before)}{'^' * width}")
    out.append(
        "   key: "
        + judgments.key_prefix(
            finding.path, finding.record, finding.line, finding.column, finding.text
        ).replace("\t", "⇥")
    )
    out.append(
        "   tsv: "
        + judgments.key_prefix(
            finding.path, finding.record, finding.line, finding.column, finding.text
        )
    )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("code", help="rule code, e.g. P103")
    parser.add_argument("--unjudged", action="store_true", help="only findings not yet judged")
    parser.add_argument("--limit", type=int, default=30, help="how many to show (0: all)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument(
        "--update-open",
        action="store_true",
        help="rewrite judgments/open/CODE.tsv: the findings judged false still reported",
    )
    args = parser.parse_args()
    code = args.code.upper()
    findings = sorted((f for f in lint_corpus() if f.code == code), key=lambda f: f.key)
    judged = {j.key for j in judgments.load(code)}
    if args.update_open:
        false = {j.key for j in judgments.load(code) if j.verdict == "false"}
        still = false & {f.key for f in findings}
        judgments.write_open(code, still)
        print(f"judgments/open/{code}.tsv: {len(still)} of {len(false)} false positives reported")
        return
    if args.unjudged:
        findings = [f for f in findings if f.key not in judged]
    total = len(findings)
    if args.limit and total > args.limit:
        sampled = random.Random(args.seed).sample(findings, args.limit)
        findings = sorted(sampled, key=lambda f: f.key)
    for finding in findings:
        print(show(finding), end="\n\n")
    kind = "unjudged " if args.unjudged else ""
    print(
        f"{len(findings)} of {total} {kind}{code} findings shown (seed {args.seed}); "
        f"{len(judged)} judged in judgments/{code}.tsv"
    )


if __name__ == "__main__":
    main()
