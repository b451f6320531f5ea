"""What each output format costs a whole ``cnlint check`` run: CPU seconds and peak RSS of
one process, format by format, side by side on the same corpus.

    .venv/bin/python bench/formats.py            # the 10 MB bench corpus
    .venv/bin/python bench/formats.py --size 50  # builds bench/out/corpus-50mb first

Each format is one fresh ``cnlint check CORPUS --format F --no-cache --jobs 1`` writing its
output to a file in bench/out/ (removed after its size is taken); its CPU time (user + system)
and peak RSS come from the kernel's account of that process (``wait4``), so the other sessions
on a shared machine do not count.
One worker keeps every byte of the run in that one process. The formats run in turn,
``--repeat`` rounds (default 3), and each keeps its least CPU time and peak RSS: the other
sessions' load only ever adds to them. The targets (issue 17): ``json``
at most 1.15× ``concise``, ``sarif`` at most 1.3×, every format's peak RSS within 1.2× of
``concise``'s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, build

FORMATS = ("concise", "jsonl", "json", "sarif", "junit", "gitlab", "github")
TARGETS = {"json": 1.15, "sarif": 1.3}
MEMORY_TARGET = 1.2


def measure(corpus: Path, output_format: str) -> tuple[float, float, float]:
    """CPU seconds, peak RSS in MB, and output in MB of one run."""
    command = [sys.executable, "-m", "cnlint", "check", str(corpus), "--format", output_format]
    command += ["--no-cache", "--jobs", "1", "--no-respect-gitignore"]
    out = ROOT / "bench" / "out" / f"formats.{output_format}"
    with out.open("wb") as stdout:
        process = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {process.returncode}")
    size = out.stat().st_size / 1e6
    out.unlink()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    args = parser.parse_args()
    corpus = build(args.size)
    formats = ["concise", *(f for f in args.formats if f != "concise")]
    rounds = [{fmt: measure(corpus, fmt) for fmt in formats} for _ in range(args.repeat)]
    figures = {
        fmt: tuple(min(round_[fmt][i] for round_ in rounds) for i in range(3)) for fmt in formats
    }
    cpu_base, rss_base, _ = figures["concise"]
    print(f"{corpus.name}, one process each, least of {args.repeat} rounds")
    print("| format | CPU s | × concise | peak RSS MB | × concise | output MB |")
    print("|---|---|---|---|---|---|")
    for fmt, (cpu, rss, size) in figures.items():
        target = f" (target ≤ {TARGETS[fmt]}×)" if fmt in TARGETS else ""
        print(
            f"| {fmt} | {cpu:.2f} | {cpu / cpu_base:.2f}×{target} | {rss:.0f} | "
            f"{rss / rss_base:.2f}× | {size:.1f} |"
        )
    worst = max(rss / rss_base for _, rss, _ in figures.values())
    print(f"largest peak RSS: {worst:.2f}× concise (target ≤ {MEMORY_TARGET}×)")


if __name__ == "__main__":
    main()
