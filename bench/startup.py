"""Start-up time of ``cnlint check``: what pre-commit feels on every commit.

    .venv/bin/python bench/startup.py          # 7 runs each, and where the time goes

- ``cnlint check --no-cache`` of one small file: one clean paragraph (seed-style prose,
  full-width marks), so the time is the interpreter, the imports and building the rule set,
  nearly no linting. Target 0.3 s.
- ``cnlint check`` of one seed (about 6 KB, dozens of findings), with the results cache as a
  user has it (a second run reads the findings back) and with ``--no-cache``. Target 0.5 s wall.
- Where the time goes: the stages of a start timed inside one process (the least of the runs),
  then the slowest imports (``-X importtime``).

Every child runs with a bytecode cache in a temporary folder (``PYTHONPYCACHEPREFIX``), warmed
by one run first: an installed cnlint has its ``.pyc`` files, but an environment that sets
``PYTHONDONTWRITEBYTECODE`` (this project's does) makes every process compile cnlint's
sources again, which is measured and printed apart. On a shared machine the wall time mostly
measures the other processes; the CPU time (user + system) is what cnlint itself costs.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
TEXT = "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。\n"
CHECK = ["-m", "cnlint", "check"]
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_35d55cf4af66c7c1.txt"

# The stages of ``cnlint check --no-cache FILE``, imported and run one after the other in one
# process; each later stage finds the modules of the earlier ones already imported.
STAGES = r"""
import json, os, sys, time
spent = {}
last = time.process_time()
def stage(name):
    global last
    now = time.process_time()
    spent[name] = now - last
    last = now
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as cnlint.cli sets it before numpy loads
import numpy; stage("numpy (the gate's table, character counts)")
import typer, typer.main; stage("typer")
import rich.console; stage("rich (the full report)")
import importlib.metadata; stage("importlib.metadata (finds the rule plugins)")
import cnlint.cli; stage("cnlint.cli and the engine's modules")
from cnlint.engine.registry import load_registry
registry = load_registry(); stage("rule modules (the registry)")
from cnlint.engine.linter import Linter
Linter(registry=registry).prepare(); stage("rule set and gate")
sys.argv = ["cnlint", "check", "--no-cache", sys.argv[1]]
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    cnlint.cli.main()
stage("check: typer's parsing, config, lint, report")
print(json.dumps(spent))
"""


def child_env(pycache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def run_once(arguments: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall time, and CPU time (user + system) of the child ``python *arguments``."""
    command = [sys.executable, *arguments]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=env, cwd=cwd)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def timings(arguments: list[str], env: dict[str, str], cwd: Path) -> list[float]:
    """Median wall, median CPU and least CPU (the least disturbed by other load)."""
    run_once(arguments, env, cwd)  # warm: bytecode cache, results cache, Hyperscan database
    runs = [run_once(arguments, env, cwd) for _ in range(RUNS)]
    cpus = [cpu for _, cpu in runs]
    return [statistics.median(wall for wall, _ in runs), statistics.median(cpus), min(cpus)]


def stages(path: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds of CPU per stage, the least over the runs."""
    runs = []
    for _ in range(RUNS):
        done = subprocess.run(
            [sys.executable, "-c", STAGES, str(path)], capture_output=True, text=True, env=env
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {name: min(run[name] for run in runs) for name in runs[0]}


def slowest_imports(path: Path, env: dict[str, str], shown: int = 12) -> list[tuple[int, str]]:
    """The top-level imports by cumulative time (microseconds), from ``-X importtime``."""
    command = [sys.executable, "-X", "importtime", "-m", "cnlint", "check", "--no-cache", str(path)]
    log = subprocess.run(command, capture_output=True, text=True, env=env, check=False).stderr
    rows = re.findall(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", log)
    top = [(int(total), name) for total, indent, name in rows if len(indent) <= 2]
    return sorted(top, reverse=True)[:shown]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        small = work / "one.txt"
        small.write_text(TEXT, encoding="utf-8")
        seed = work / SEED.name
        shutil.copy(SEED, seed)
        cached = child_env(work / "pycache")
        uncached = child_env(None)
        load = os.getloadavg()[0]
        print(f"cnlint check, {RUNS} runs: median wall / median CPU / least CPU (load {load:.1f})")
        for label, arguments, env in (
            ("one small file, --no-cache", [*CHECK, "--no-cache", small.name], cached),
            ("one small file, --no-cache, no .pyc", [*CHECK, "--no-cache", small.name], uncached),
            ("one seed (6.6 KB), results cache", [*CHECK, seed.name], cached),
            ("one seed (6.6 KB), --no-cache", [*CHECK, "--no-cache", seed.name], cached),
            ("the interpreter alone (python -c pass)", ["-c", "pass"], cached),
        ):
            wall, cpu, least = timings(arguments, env, work)
            print(f"  {label:38} {wall:6.3f} s / {cpu:6.3f} s / {least:6.3f} s")
        print("where the CPU time of one small file goes (least of the runs):")
        spent = stages(small, cached)
        for name, seconds in spent.items():
            print(f"  {seconds:6.3f} s  {name}")
        print(f"  {sum(spent.values()):6.3f} s  in all, after the interpreter's own start")
        print("slowest imports (cumulative):")
        for micros, name in slowest_imports(small, cached):
            print(f"  {micros / 1e6:7.3f} s  {name}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
