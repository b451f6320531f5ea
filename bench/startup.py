"""Start-up time of ``cnlint check`` on one small file: what pre-commit feels on every commit.

    .venv/bin/python bench/startup.py          # median of 7 runs, and the slowest imports

The file is one clean paragraph (seed-style prose, full-width marks), so the time is the
interpreter, the imports and building the rule set: nearly no linting. The target is 0.3 s.
"""

from __future__ import annotations

import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
TEXT = "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。\n"


def run_once(path: Path) -> tuple[float, float]:
    """Wall time, and CPU time (user + system): on a shared machine the wall time mostly
    measures the other processes, the CPU time what cnlint itself costs."""
    command = [sys.executable, "-m", "cnlint", "check", "--no-cache", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def slowest_imports(path: Path, shown: int = 12) -> list[tuple[int, str]]:
    """The top-level imports by cumulative time (microseconds), from ``-X importtime``."""
    command = [sys.executable, "-X", "importtime", "-m", "cnlint", "check", "--no-cache", str(path)]
    log = subprocess.run(command, capture_output=True, text=True, check=False).stderr
    rows = re.findall(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", log)
    top = [(int(total), name) for total, indent, name in rows if len(indent) <= 2]
    return sorted(top, reverse=True)[:shown]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.txt"
        path.write_text(TEXT, encoding="utf-8")
        runs = [run_once(path) for _ in range(RUNS)]
        walls = sorted(wall for wall, _ in runs)
        cpus = sorted(cpu for _, cpu in runs)
        print(f"cnlint check one small file ({RUNS} runs):")
        print(f"  wall median {statistics.median(walls):.3f} s (min {walls[0]:.3f} s)")
        print(f"  CPU  median {statistics.median(cpus):.3f} s (min {cpus[0]:.3f} s)")
        print("slowest imports (cumulative):")
        for micros, name in slowest_imports(path):
            print(f"  {micros / 1e6:7.3f} s  {name}")


if __name__ == "__main__":
    main()
