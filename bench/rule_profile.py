"""Where a lint's time goes: each default rule, the gate and the one-defect step, timed
inside the full default linter, per document of dense and of clean text.

    .venv/bin/python bench/rule_profile.py
    .venv/bin/python bench/rule_profile.py --rounds 5 --top 30

The documents are bench/percore.py's (the bench corpus's defect-dense .txt documents, and
clean prose). A warm linter lints each set once, then ``--rounds`` more times with every
rule's ``check``, the gate's ``select`` and the engine's ``reported`` wrapped in a clock that
counts this thread's CPU time; the round with the least total is printed, the clock's own
cost taken off. A rule's figure includes the shared views it is the first to ask for (lines,
paragraph keys, the character census), which later rules then read for free. The wrapping
costs about a microsecond a call, so the figures add up to more than the lint's own time
(printed on top, from a round without the clock); their shares are what to read.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict

from run import IN_MEMORY_MB, build, clean_documents, in_memory_documents

from cnlint.document import Document
from cnlint.engine import linter as engine
from cnlint.engine.linter import Linter

clock = time.thread_time_ns


def timed(function, name: str, costs: dict[str, int], calls: dict[str, int]):
    """``function`` with the CPU time of each call added to ``costs[name]``."""

    def call(*args):
        start = clock()
        result = function(*args)
        if name not in ("gate", "one-defect step"):
            result = list(result)  # a rule's check is a generator: run it inside the clock
        costs[name] += clock() - start
        calls[name] += 1
        return result

    return call


def clock_cost() -> float:
    """Nanoseconds one timed call pays for its two clock readings."""
    start = clock()
    for _ in range(100_000):
        clock()
        clock()
    return (clock() - start) / 100_000


def lint_all(linter: Linter, texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        linter.lint(Document(text, path="bench.txt"))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=25, help="rules listed per set")
    args = parser.parse_args()
    sets = {"dense": in_memory_documents(build(10)), "clean": clean_documents(IN_MEMORY_MB / 2)}
    linter = Linter()
    for texts in sets.values():
        lint_all(linter, texts)  # compiles the patterns of the rules that run
    plain = {name: min(lint_all(linter, texts) for _ in range(2)) for name, texts in sets.items()}

    costs: dict[str, int] = defaultdict(int)
    calls: dict[str, int] = defaultdict(int)
    for rule in linter.rules:
        rule.check = timed(rule.check, rule.code, costs, calls)
    linter.gate.select = timed(linter.gate.select, "gate", costs, calls)
    engine.reported = timed(engine.reported, "one-defect step", costs, calls)
    overhead = clock_cost()
    loads = [os.getloadavg()[0]]
    for name, texts in sets.items():
        best: tuple[float, dict[str, float]] | None = None
        for _ in range(args.rounds):
            costs.clear()
            calls.clear()
            total = lint_all(linter, texts)
            if best is None or total < best[0]:
                best = (total, {key: ns - overhead * calls[key] for key, ns in costs.items()})
        loads.append(os.getloadavg()[0])
        _, spent = best
        count = len(texts)
        size = sum(len(text.encode()) for text in texts)
        print(
            f"{name}: {count} documents, {size / count / 1000:.1f} KB each, "
            f"{plain[name] / count * 1e6:.0f} us a document untimed"
        )
        ranked = sorted(spent.items(), key=lambda item: -item[1])[: args.top]
        print("  " + ", ".join(f"{key} {ns / count / 1000:.1f}" for key, ns in ranked))
    print(f"(us a document, CPU; load average {min(loads):.1f}-{max(loads):.1f})")


if __name__ == "__main__":
    main()
