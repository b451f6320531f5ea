"""Peak memory of cnlint on one JSONL file of 10k, 100k and 1M records.

    .venv/bin/python bench/memory.py                  # 10k, 100k, 1M records
    .venv/bin/python bench/memory.py --records 10000 100000
    .venv/bin/python bench/memory.py --records 1000000 --modes lint

Each file (bench/out/memory/, git-ignored) holds real records: the paragraphs of the seeds, one
a record, cycled (about 320 bytes of JSON a record). Each measurement is a fresh process
running cnlint in-process with one worker, so its peak RSS (ru_maxrss) is cnlint's alone:

- ``lint``: ``check --format concise`` on the ``.jsonl`` file (a line-per-finding format,
  written as results come);
- ``lint.gz``: the same on the gzip-compressed file;
- ``fix``: ``check --fix --format concise`` on a copy of the ``.jsonl`` file, written in place.

Memory that stays flat in file size shows as the same MB for 10k and 1M records.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "memory"
DEFAULT_RECORDS = (10_000, 100_000, 1_000_000)
MODES = ("lint", "lint.gz", "fix")

# Runs cnlint's command line in this process and reports the process's peak RSS in KB.
MEASURE = """
import resource, runpy, sys
sys.argv = ["cnlint", *sys.argv[1:]]
try:
    runpy.run_module("cnlint", run_name="__main__")
except SystemExit as exit:
    code = exit.code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)
"""


def paragraphs() -> list[str]:
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [text for text in found if len(text) >= 20]


def build(records: int) -> Path:
    path = OUT / f"records-{records}.jsonl"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    texts = paragraphs()
    with path.open("w", encoding="utf-8") as handle:
        for index in range(records):
            record = {"id": f"r{index}", "text": texts[index % len(texts)]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with path.open("rb") as plain, gzip.open(f"{path}.gz", "wb", compresslevel=6) as packed:
        shutil.copyfileobj(plain, packed)
    return path


def peak_rss(*args: str) -> tuple[float, float, int]:
    """Peak RSS in MB, wall seconds and exit code of ``cnlint ARGS`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    last = done.stderr.strip().splitlines()[-1]
    kilobytes, code = last.split()
    return int(kilobytes) / 1024, elapsed, int(code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=list(DEFAULT_RECORDS))
    parser.add_argument(
        "--modes", nargs="+", choices=MODES, default=list(MODES), help="what to measure"
    )
    args = parser.parse_args()
    print(f"{'records':>9} {'MB':>7}  " + " ".join(f"{mode:>16}" for mode in args.modes))
    for records in args.records:
        path = build(records)
        cells = []
        for mode in args.modes:
            mb, seconds, _ = measure(mode, path)
            cells.append(f"{mb:7.0f} MB {seconds:5.0f} s")
        size = path.stat().st_size / 1e6
        print(f"{records:>9,} {size:7.1f}  {' '.join(cells)}", flush=True)


def measure(mode: str, path: Path) -> tuple[float, float, int]:
    common = ["--no-cache", "--format", "concise", "-j", "1"]
    if mode == "lint":
        return peak_rss("check", *common, str(path))
    if mode == "lint.gz":
        return peak_rss("check", *common, f"{path}.gz")
    copy = path.with_name(f"fix-{path.name}")
    shutil.copyfile(path, copy)
    try:
        return peak_rss("check", "--fix", *common, str(copy))
    finally:
        copy.unlink()


if __name__ == "__main__":
    main()
