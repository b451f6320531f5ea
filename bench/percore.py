"""Lint speed per core against AutoCorrect, and against another version of cnlint, measured
side by side: the figures of issue 17's per-core targets.

    .venv/bin/python bench/percore.py                        # this checkout and AutoCorrect
    .venv/bin/python bench/percore.py --against /tmp/base    # and an earlier version
    .venv/bin/python bench/percore.py --rounds 9

An earlier version is a folder holding its package as ``cnlint/`` (the sources of lint/ with
rules/ inside it as cnlint/rules/), for example built from a commit with
``git archive REV lint rules | tar -x -C DIR`` then ``mv DIR/lint DIR/cnlint`` and
``mv DIR/rules DIR/cnlint/rules``; it runs with this checkout's environment.

Each variant lives in its own process that loads the documents once (the bench corpus's
defect-dense .txt documents, and clean prose, as bench/run.py reads them) and lints them all
once before measuring, so patterns are compiled and caches are warm. Then, round after
round, every variant lints each set once, in alternating order, timed in CPU seconds. On a
shared machine the other load slows all variants of a round alike: the per-round ratios and
their median are the figures to compare, with the load average printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SETS = ("dense", "clean")
AUTOCORRECT = "autocorrect"


def serve(variant: str) -> None:
    """In a child process: load the sets, warm up, then lint a set per line read on stdin and
    print its MB/s (CPU time)."""
    import time

    from run import IN_MEMORY_MB, MB, build, clean_documents, in_memory_documents

    from cnlint.document import Document

    sets = {"dense": in_memory_documents(build(10)), "clean": clean_documents(IN_MEMORY_MB / 2)}
    size = {name: sum(len(t.encode()) for t in docs) / MB for name, docs in sets.items()}
    if variant == AUTOCORRECT:
        import autocorrect_py

        def lint(text: str) -> None:
            autocorrect_py.lint_for(text, "bench.txt")
    else:
        from cnlint.engine.linter import Linter

        linter = Linter()

        def lint(text: str) -> None:
            linter.lint(Document(text, path="bench.txt"))

    for docs in sets.values():
        for text in docs:
            lint(text)
    print("ready", flush=True)
    for line in sys.stdin:
        docs = sets[line.strip()]
        start = time.process_time()
        for text in docs:
            lint(text)
        print(json.dumps(size[line.strip()] / (time.process_time() - start)), flush=True)


def start(variant: str, package: str | None) -> subprocess.Popen:
    env = dict(os.environ)
    if package:
        env["PYTHONPATH"] = package  # ahead of the editable install of this checkout
    command = [sys.executable, __file__, "--serve", variant]
    child = subprocess.Popen(
        command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    if child.stdout.readline().strip() != "ready":
        sys.exit(f"{variant}: the child process failed")
    return child


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", help="folder holding another version as cnlint/")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    variants = {"cnlint": start("cnlint", None)}
    if args.against:
        variants["against"] = start("against", args.against)
    try:
        variants[AUTOCORRECT] = start(AUTOCORRECT, None)
    except SystemExit:
        print("AutoCorrect: not installed (pip install -r bench/requirements.txt)")
    speeds: dict[tuple[str, str], list[float]] = {(v, s): [] for v in variants for s in SETS}
    loads = []
    for round_ in range(args.rounds):
        for name in SETS:
            order = list(variants) if round_ % 2 == 0 else list(reversed(variants))
            for variant in order:
                variants[variant].stdin.write(name + "\n")
                variants[variant].stdin.flush()
                speeds[variant, name].append(json.loads(variants[variant].stdout.readline()))
        loads.append(os.getloadavg()[0])
    for child in variants.values():
        child.stdin.close()
        child.wait()

    print(
        f"Lint only, 1 core, {args.rounds} rounds, load average {min(loads):.1f}-{max(loads):.1f}:"
    )
    for (variant, name), values in speeds.items():
        print(
            f"  {variant:12} {name:5} {statistics.median(values):6.2f} MB/s median, "
            f"{max(values):6.2f} best"
        )

    def ratio(a: tuple[str, str], b: tuple[str, str]) -> float:
        return statistics.median(x / y for x, y in zip(speeds[a], speeds[b], strict=True))

    print("Ratios (median of the rounds' ratios):")
    if "against" in variants:
        for name in SETS:
            print(f"  {name}: cnlint / against = {ratio(('cnlint', name), ('against', name)):.3f}")
    if AUTOCORRECT in variants:
        dense = ratio(("cnlint", "dense"), (AUTOCORRECT, "dense"))
        clean = ratio(("cnlint", "clean"), (AUTOCORRECT, "dense"))
        print(f"  cnlint / AutoCorrect, dense text: {dense:.2f}")
        print(f"  cnlint on clean prose / AutoCorrect on dense text: {clean:.2f}")


if __name__ == "__main__":
    main()
