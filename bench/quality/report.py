"""The quality benchmark's report: precision per rule, noise per genre, recall per category.

    .venv/bin/python bench/quality/report.py              # the report, as text
    .venv/bin/python bench/quality/report.py --markdown   # for docs/quality-benchmark.md

It lints the benchmark corpus with every rule, reads the judgments (judgments/<CODE>.tsv),
the defects cnlint is known to miss (missed.tsv) and injects defects in unseen wording
(inject.py), then prints:

- per rule: findings, judged (of the current findings), true / false / harmful-fix, judged
  precision (true / judged; a harmful fix counts against), unjudged, and stale judgments
  (judged findings no longer reported);
- per genre and kind (edited, raw): characters, findings of the default rules per 10,000
  characters, and findings judged false per 10,000 (a lower bound while judging goes on);
- per category: recall on missed.tsv and on the injected defects;
- one line per target of issue 13, met or the gap.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass

import inject
import judgments
from categories import CATEGORIES
from corpus import HERE, Finding, corpus_documents, lint_corpus, source_of

from cnlint.engine.registry import load_registry

PER_10K = 10_000
TARGET_FALSE_PER_10K = 1.0
TARGET_PRECISION = 0.9
TARGET_INJECTED = 0.9
TARGET_MISSED = 0.8
MISSED_COLUMNS = ["path", "record", "line", "category", "text", "note"]


@dataclass(frozen=True)
class Missed:
    path: str
    record: str
    line: int
    category: str
    text: str
    note: str


def load_missed() -> list[Missed]:
    lines = (HERE / "missed.tsv").read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != MISSED_COLUMNS:
        raise ValueError(f"missed.tsv: the header must be {' '.join(MISSED_COLUMNS)}")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(MISSED_COLUMNS) or cells[3] not in CATEGORIES:
            raise ValueError(f"missed.tsv:{number}: 6 columns, category in categories.py")
        path, record, row, category, text, note = cells
        rows.append(
            Missed(
                path,
                record,
                int(row),
                category,
                judgments.unescape(text),
                judgments.unescape(note),
            )
        )
    return rows


def missed_found(row: Missed, findings: list[Finding]) -> bool:
    codes = CATEGORIES[row.category]
    return any(
        f.code in codes
        and f.path == row.path
        and f.record == row.record
        and f.line <= row.line <= f.end_line
        for f in findings
    )


@dataclass
class RuleRow:
    code: str
    name: str
    default: bool
    findings: int = 0
    true: int = 0
    false: int = 0
    harmful: int = 0
    stale: int = 0

    @property
    def judged(self) -> int:
        return self.true + self.false + self.harmful

    @property
    def precision(self) -> float | None:
        return self.true / self.judged if self.judged else None


def rule_rows(findings: list[Finding]) -> list[RuleRow]:
    rows = {r.code: RuleRow(r.code, r.name, r.default_enabled) for r in load_registry()}
    keys: dict[str, set] = defaultdict(set)
    for finding in findings:
        rows[finding.code].findings += 1
        keys[finding.code].add(finding.key)
    for code, judged in judgments.load_all().items():
        row = rows[code]
        for judgment in judged:
            if judgment.key not in keys[code]:
                row.stale += 1
            elif judgment.verdict == "true":
                row.true += 1
            elif judgment.verdict == "false":
                row.false += 1
            else:
                row.harmful += 1
    return sorted(rows.values(), key=lambda row: row.code)


@dataclass
class GenreRow:
    genre: str
    kind: str
    characters: int = 0
    findings: int = 0
    judged_false: int = 0

    def per_10k(self, count: int) -> float:
        return count * PER_10K / self.characters if self.characters else 0.0


def genre_rows(findings: list[Finding]) -> list[GenreRow]:
    defaults = {r.code for r in load_registry() if r.default_enabled}
    false_keys = {
        (code, j.key)
        for code, judged in judgments.load_all().items()
        for j in judged
        if j.verdict == "false"
    }
    rows: dict[tuple[str, str], GenreRow] = {}

    def row_of(path: str) -> GenreRow:
        source = source_of(path)
        key = (source.genre, source.kind)
        return rows.setdefault(key, GenreRow(source.genre, source.kind))

    for path, _record, text in corpus_documents():
        row_of(path).characters += len(text)
    for finding in findings:
        if finding.code in defaults:
            row = row_of(finding.path)
            row.findings += 1
            row.judged_false += (finding.code, finding.key) in false_keys
    return sorted(rows.values(), key=lambda row: (row.kind, row.genre))


def recall_rows(
    findings: list[Finding], injected: dict[str, tuple[int, int]]
) -> list[tuple[str, int, int, int, int]]:
    """(category, missed found, missed listed, injected found, injected)."""
    listed = load_missed()
    rows = []
    for category in CATEGORIES:
        mine = [row for row in listed if row.category == category]
        found = sum(missed_found(row, findings) for row in mine)
        rows.append((category, found, len(mine), *injected.get(category, (0, 0))))
    return rows


def ratio(found: int, total: int) -> str:
    return f"{found / total:.2f}" if total else "–"


def targets(rules: list[RuleRow], genres: list[GenreRow], recall) -> list[str]:
    lines = []
    noisy = [
        f"{g.genre} {g.per_10k(g.judged_false):.1f}"
        for g in genres
        if g.kind == "edited" and g.per_10k(g.judged_false) > TARGET_FALSE_PER_10K
    ]
    lines.append(
        f"edited text ≤ {TARGET_FALSE_PER_10K:g} judged-false finding per 10,000 characters in "
        f"every genre: {'met' if not noisy else 'gap: ' + ', '.join(noisy)}"
    )
    judged = [r for r in rules if r.default and r.judged]
    low = [f"{r.code} {r.precision:.2f}" for r in judged if r.precision < TARGET_PRECISION]
    unjudged = [r.code for r in rules if r.default and r.findings and not r.judged]
    lines.append(
        f"default rules judged precision ≥ {TARGET_PRECISION}: "
        f"{len(judged) - len(low)} of {len(judged)} judged rules met"
        + (f"; gap: {', '.join(low)}" if low else "")
        + (f"; not judged yet: {', '.join(unjudged)}" if unjudged else "")
    )
    short = [f"{c} {ratio(f, n)}" for c, _, _, f, n in recall if n and f / n < TARGET_INJECTED]
    lines.append(
        f"injected-defect recall ≥ {TARGET_INJECTED} in every category: "
        + ("met" if not short else "gap: " + ", ".join(short))
    )
    found = sum(row[1] for row in recall)
    listed = sum(row[2] for row in recall)
    overall = found / listed if listed else 0.0
    lines.append(
        f"recall on the listed missed defects ≥ {TARGET_MISSED}: {found}/{listed} = "
        f"{overall:.2f}, " + ("met" if overall >= TARGET_MISSED else "gap")
    )
    harmful = sum(r.harmful for r in rules)
    lines.append(
        "zero judged harmful safe fixes: "
        + ("met" if not harmful else f"gap: {harmful} judged harmful-fix")
    )
    return lines


def table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def render(findings: list[Finding], injected: dict[str, tuple[int, int]], markdown: bool) -> str:
    rules = rule_rows(findings)
    genres = genre_rows(findings)
    recall = recall_rows(findings, injected)
    heading = "### " if markdown else "== "
    rule_table = [
        [
            r.code,
            r.name + ("" if r.default else " (off)"),
            str(r.findings),
            str(r.judged),
            f"{r.true}/{r.false}/{r.harmful}",
            f"{r.precision:.2f}" if r.precision is not None else "–",
            str(r.findings - r.judged),
            str(r.stale),
        ]
        for r in rules
        if r.findings or r.judged or r.stale
    ]
    genre_table = [
        [
            g.genre,
            g.kind,
            f"{g.characters:,}",
            f"{g.per_10k(g.findings):.1f}",
            f"{g.per_10k(g.judged_false):.2f}",
        ]
        for g in genres
    ]
    recall_table = [
        [c, f"{mf}/{mn}", ratio(mf, mn), f"{jf}/{jn}", ratio(jf, jn)]
        for c, mf, mn, jf, jn in recall
    ]
    counts = Counter(f.code for f in findings)
    parts = [
        f"{heading}Per rule ({sum(counts.values()):,} findings, every rule on)",
        table(
            [
                "rule",
                "name",
                "findings",
                "judged",
                "true/false/harmful",
                "precision",
                "unjudged",
                "stale",
            ],
            rule_table,
            markdown,
        ),
        f"{heading}Per genre (default rules)",
        table(
            ["genre", "kind", "characters", "findings /10k", "judged false /10k"],
            genre_table,
            markdown,
        ),
        f"{heading}Recall per category",
        table(
            ["category", "missed.tsv found", "recall", "injected found", "recall"],
            recall_table,
            markdown,
        ),
        f"{heading}Targets (issue 13)",
        "\n".join(("- " if markdown else "") + line for line in targets(rules, genres, recall)),
    ]
    return "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args()
    injected, _ = inject.measure()
    print(render(lint_corpus(), injected, args.markdown), end="")


if __name__ == "__main__":
    main()
