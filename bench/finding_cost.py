"""Where building a finding's objects goes, in microseconds (best of 7, one process):

    .venv/bin/python bench/finding_cost.py

A rule builds each finding through ``Rule.finding``: a ``Finding``; a fix that replaces the
finding's span is kept as a tuple until ``fix`` is read, which builds its ``Edit`` and ``Fix``
(other fixes, ``edits=``, are built at once). Beside them: a plain tuple of the same values (the
floor), the same frozen slots dataclass with the ``__init__`` dataclasses generates (what
``finding.slot_init`` replaces), and pickle round trips (what a ``--jobs`` worker's result costs
per finding when findings cross back to the parent), with the fixes pending and built.

Then, on the dense bench documents (bench/out/corpus-10mb, built by bench/run.py; the first
MB ``--lint-mb`` of them), what the pending fixes save in a real lint: one lint's
``Rule.finding`` calls and one-defect steps (``cnlint.engine.defects.reported``) are recorded
and replayed as made and with every fix read right after its finding is built (what building
fixes at once costs), best of 5 each, beside the lint's own CPU time.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
import timeit
from dataclasses import dataclass
from pathlib import Path

from cnlint.document import Document
from cnlint.engine import linter as linter_module
from cnlint.engine.defects import reported
from cnlint.engine.linter import Linter
from cnlint.finding import Applicability, Edit, Finding, Fix, FixSafety, Severity
from cnlint.rule import Rule

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import time_linter  # bench/run.py, beside this script

ROUNDS, NUMBER = 7, 20_000
DENSE = Path(__file__).resolve().parent / "out" / "corpus-10mb"


@dataclass(frozen=True, slots=True)
class GeneratedInit:
    """Finding's fields with the dataclass-generated ``__init__``."""

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: Fix | None = None


class Fixing(Rule):
    code, name, fix_safety = "X999", "bench-rule", FixSafety.SAFE


def microseconds(make, per: int = 1) -> float:
    """Best time of ``make()`` divided by ``per`` (the objects it handles)."""
    number = max(1, NUMBER // per)
    return min(timeit.repeat(make, number=number, repeat=ROUNDS)) / number / per * 1e6


def recorded_lint(texts: list[str]) -> tuple[list, list, float]:
    """The ``Rule.finding`` calls of one lint of ``texts``, how many of them each one-defect
    step follows (with its verdicts), and the lint's CPU seconds (the faster of two passes)."""
    linter = Linter()
    calls: list[tuple[Rule, tuple, dict]] = []
    steps: list[tuple[int, frozenset[str]]] = []
    finding, step = Rule.finding, linter_module.reported

    def recording_finding(rule, *args, **kwargs):
        calls.append((rule, args, kwargs))
        return finding(rule, *args, **kwargs)

    def recording_step(findings, verdicts=()):
        steps.append((len(calls), frozenset(verdicts)))
        return step(findings, verdicts)

    Rule.finding, linter_module.reported = recording_finding, recording_step
    try:
        for text in texts:
            linter.lint(Document(text, path="bench.txt"))
    finally:
        Rule.finding, linter_module.reported = finding, step
    return calls, steps, time_linter(linter, texts)


def lint_replay(megabytes: float) -> None:
    import run  # bench/run.py: the bench documents

    if not (DENSE / "built").exists():
        print(f"\n{DENSE} not built: run bench/run.py --sizes 10 first")
        return
    texts, size = [], 0.0
    for text in run.in_memory_documents(DENSE):
        if size >= megabytes:
            break
        texts.append(text)
        size += len(text.encode()) / 1e6
    calls, steps, lint = recorded_lint(texts)

    def pending() -> list[Finding]:
        return [rule.finding(*args, **kwargs) for rule, args, kwargs in calls]

    def built() -> list[Finding]:
        made = pending()
        for finding in made:
            finding.fix  # noqa: B018 -- reading it builds the Fix
        return made

    def step_lists(made: list[Finding]) -> list[tuple[list[Finding], frozenset[str]]]:
        # Each step's findings of Rule.finding (P103's unsafe '?' builds its Finding itself
        # and is not replayed), sorted as the linter sorts them.
        lists, taken = [], 0
        for upto, verdicts in steps:
            lists.append(
                (sorted(made[taken:upto], key=lambda f: (f.start, f.end, f.code)), verdicts)
            )
            taken = upto
        return lists

    def best(run_once) -> float:
        times = []
        for _ in range(5):
            start = time.process_time()
            run_once()
            times.append(time.process_time() - start)
        return min(times)

    rows = {}
    for label, make in (("fixes pending", pending), ("fixes built", built)):
        lists = step_lists(make())
        rows[label] = (best(make), best(lambda lists=lists: [reported(f, v) for f, v in lists]))
    print(
        f"\nOne lint of {size:.1f} MB of dense text ({len(texts)} documents): "
        f"{len(calls):,} Rule.finding calls, {len(steps):,} one-defect steps, {lint:.3f} s CPU"
    )
    for label, (making, stepping) in rows.items():
        print(
            f"  {label:14} Rule.finding {making / len(calls) * 1e6:5.2f} µs a call, "
            f"one-defect steps {stepping * 1e3:6.1f} ms"
        )
    saved = sum(rows["fixes built"]) - sum(rows["fixes pending"])
    print(f"  pending fixes save {saved * 1e3:.1f} ms: {saved / lint:.1%} of the lint")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lint-mb", type=float, default=5.0, help="dense text replayed")
    args = parser.parse_args()
    rule = Fixing()
    warning = Severity.WARNING
    rows = {
        "tuple of the 7 values": lambda: ("P103", "n", warning, 1, 2, "m", None),
        "Finding, dataclass-generated __init__": lambda: GeneratedInit(
            "P103", "n", warning, 1, 2, "m", None
        ),
        "Finding": lambda: Finding("P103", "n", warning, 1, 2, "m", None),
        "Edit": lambda: Edit(1, 2, ","),
        "Fix": lambda: Fix(Applicability.SAFE, (), ""),
        "Rule.finding, no fix": lambda: rule.finding(1, 2, "m"),
        "Rule.finding with a replacement fix": lambda: rule.finding(1, 2, "m", replacement=","),
        "  the same, its fix read (built)": lambda: rule.finding(1, 2, "m", replacement=",").fix,
        "  the same, its fix_applicability read": lambda: (
            rule.finding(1, 2, "m", replacement=",").fix_applicability
        ),
        "Rule.finding with edits=[Edit] (built at once)": lambda: rule.finding(
            1, 2, "m", edits=[Edit(1, 2, ",")]
        ),
    }
    for label, make in rows.items():
        print(f"{label:48} {microseconds(make):6.2f} µs")
    pending = [rule.finding(i, i + 1, "半角逗号", replacement=",") for i in range(1000)]
    built = [rule.finding(i, i + 1, "半角逗号", replacement=",") for i in range(1000)]
    for finding in built:
        assert finding.fix is not None  # reading it builds the Fix
    for label, batch in (("fixes pending", pending), ("fixes built", built)):
        trip = microseconds(lambda batch=batch: pickle.loads(pickle.dumps(batch)), per=len(batch))
        size = len(pickle.dumps(batch)) / len(batch)
        print(f"{'pickle round trip per finding, ' + label:48} {trip:6.2f} µs {size:5.0f} bytes")
    lint_replay(args.lint_mb)


if __name__ == "__main__":
    main()
