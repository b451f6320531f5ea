"""The gate, rule by rule: on how many documents it lets each rule run, and on how many the rule
then reports anything, on dense text (the bench corpus) and on clean prose.

    .venv/bin/python bench/gate.py          # the 10 MB bench corpus and 5 MB of clean prose

A rule the gate lets through on most documents but that reports on few is where a sharper
trigger or prefilter would save time; bench/run.py prints the same table after its per-rule
costs.
"""

from __future__ import annotations

import time
from collections import Counter

from run import IN_MEMORY_MB, MB, build, clean_documents, in_memory_documents

from cnlint.document import Document
from cnlint.engine.linter import Linter


def gate_counts(linter: Linter, docs: list[str]) -> tuple[Counter[str], Counter[str], float]:
    """Per rule code: documents the gate lets the rule run on, documents it reports on; and
    the gate's CPU seconds for all the documents."""
    passed: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    gate_time = 0.0
    for text in docs:
        doc = Document(text, path="bench.txt")
        start = time.process_time()
        selected = linter.gate.select(linter.rules, text)
        gate_time += time.process_time() - start
        passed.update(rule.code for rule in selected)
        reported.update({finding.code for finding in linter.lint(doc)})
    return passed, reported, gate_time


def print_table(dense: list[str], clean: list[str]) -> None:
    linter = Linter()
    dense_passed, dense_reported, dense_gate = gate_counts(linter, dense)
    clean_passed, clean_reported, clean_gate = gate_counts(linter, clean)
    engine = linter.gate.matcher.name
    dense_mb = sum(len(t.encode()) for t in dense) / MB
    clean_mb = sum(len(t.encode()) for t in clean) / MB
    print(
        f"\nGate ({engine}), documents each rule runs on / reports on: dense {len(dense)} "
        f"documents ({dense_mb:.1f} MB, gate {dense_gate / len(dense) * 1e6:.0f} µs a "
        f"document), clean {len(clean)} ({clean_mb:.1f} MB, gate "
        f"{clean_gate / max(1, len(clean)) * 1e6:.0f} µs a document):"
    )
    print(f"  {'rule':36} {'dense runs':>10} {'reports':>8} {'clean runs':>11} {'reports':>8}")

    def share(count: int, docs: list[str]) -> str:
        return f"{count / max(1, len(docs)):.0%}"

    rows = sorted(linter.rules, key=lambda r: (-dense_passed[r.code], r.code))
    for rule in rows:
        print(
            f"  {rule.code + ' ' + rule.name:36} {share(dense_passed[rule.code], dense):>10} "
            f"{share(dense_reported[rule.code], dense):>8} "
            f"{share(clean_passed[rule.code], clean):>11} "
            f"{share(clean_reported[rule.code], clean):>8}"
        )


def main() -> None:
    print_table(in_memory_documents(build(10)), clean_documents(IN_MEMORY_MB / 2))


if __name__ == "__main__":
    main()
