"""Peak memory of the Ray corpus pass (``cnlint ray --corpus``): the driver and each worker.

    .venv/bin/python bench/ray_memory.py                  # 5 MB and 20 MB corpora
    .venv/bin/python bench/ray_memory.py --sizes 5 20 40
    .venv/bin/python bench/ray_memory.py --corpus unique         # no copies, no near copies
    .venv/bin/python bench/ray_memory.py --rules corpus          # D201-D203 alone
    .venv/bin/python bench/ray_memory.py --consume cli           # cnlint ray --corpus --format json

Each corpus is bench/run.py's (documents of about 5 KB from the seeds and the dirty shared
corpus, half .txt files, half records of one JSONL file), with its JSONL file cut into parts of
``PART_RECORDS`` records (bench/out/ray-memory/, git-ignored): the pass reads a file in one
task, so a fixed largest file is what lets a bigger corpus show whether anything else grows.
Its documents draw on 185 source files, most smaller than a document, so it holds many copies
and near copies, and they grow with it. ``--corpus unique`` builds one without them instead
(bench/out/ray-memory/unique-<size>mb/): each document draws its paragraphs from all the
sources at random, so no two share their paragraphs or come near each other (D201 and D202
find nothing), while paragraphs still repeat across documents (D203 as dense as before).

Each size runs in a fresh process: Ray in local mode (2 CPUs, a 512 MB object store), then
``lint_corpus`` (all default rules and D201-D203, as ``cnlint ray --corpus``; with
``--rules corpus`` D201-D203 alone, as ``cnlint corpus``; with ``--rules documents`` the
pass's steps with the default rules alone, whose findings on a document do not depend on
the other documents; ``--block-mb`` sets its ``block_bytes``, the most a shuffle part
holds), its findings counted row by row as the command reads them (``file_rows``; the table
shows the most one file had), or with ``--consume cli`` the ``cnlint ray --corpus --format
json`` command run in the same process, its output to /dev/null. A thread reads,
every 50 ms, /proc of the driver and of every Ray worker process (the ``ray::`` task
processes the raylet under the driver starts) and the table shows, per process kind, the
largest of:

- ``peak RSS``: the kernel's high-water mark (VmHWM), which counts the object-store pages a
  process has mapped (shared with the store, not its own);
- ``peak own``: the largest private resident memory seen (RssAnon, sampled): what the process
  itself holds.

For the driver, /proc/PID/smaps_rollup is sampled too: the largest USS (private pages,
Private_Clean + Private_Dirty), PSS and shared-memory pages (Pss_Shmem: the object store's
pages it maps) seen, and at the end the object references its core worker still holds. For
the largest worker, the task it was running (its process title) when its own memory last
rose.

What stays flat from one size to the next is bounded by the block (a file, a shuffle part), not
by the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DOC_BYTES, MB, OUT, build, corpus_files, paragraphs

from cnlint.integrations.raycorpus import BLOCK_BYTES

ROOT = Path(__file__).resolve().parent.parent
PARTS = OUT / "ray-memory"
DEFAULT_SIZES = (5, 20)
PART_RECORDS = 250  # about 1.3 MB of JSONL a part
UNIQUE_SEED = 17
OBJECT_STORE_BYTES = 512 * 2**20
POLL_SECONDS = 0.05


def unique(size_mb: int) -> list[str]:
    """A corpus of size_mb without copies: .txt documents (half of the bytes) and JSONL parts
    of PART_RECORDS records, each document drawing its paragraphs from all the sources."""
    import random

    folder = PARTS / f"unique-{size_mb}mb"
    if not (folder / "built").exists():
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "txt").mkdir(parents=True)
        rng = random.Random(UNIQUE_SEED)
        pool = [paragraph for source in paragraphs() for paragraph in source]
        written, index, records = 0, 0, []
        while written < size_mb * MB:
            parts, size = [], 0
            while size < DOC_BYTES:
                parts.append(rng.choice(pool))
                size += len(parts[-1].encode()) + 1
            text = "\n".join(parts) + "\n"
            if index % 2 == 0:
                (folder / "txt" / f"{index:07d}.txt").write_text(text, encoding="utf-8")
            else:
                records.append(json.dumps({"id": index, "text": text}, ensure_ascii=False))
            written, index = written + size, index + 1
        for start in range(0, len(records), PART_RECORDS):
            chunk = records[start : start + PART_RECORDS]
            (folder / f"docs-{start // PART_RECORDS:04d}.jsonl").write_text(
                "".join(line + "\n" for line in chunk), encoding="utf-8"
            )
        (folder / "built").write_text(f"seed={UNIQUE_SEED} documents={index}\n")
    texts = sorted(str(path) for path in (folder / "txt").glob("*.txt"))
    return texts + sorted(str(path) for path in folder.glob("docs-*.jsonl"))


def parted(size_mb: int) -> list[str]:
    """The files of the size_mb corpus, its JSONL file cut into parts of PART_RECORDS."""
    folder = build(size_mb)
    parts = PARTS / f"corpus-{size_mb}mb"
    if not (parts / "built").exists():
        shutil.rmtree(parts, ignore_errors=True)
        parts.mkdir(parents=True)
        with (folder / "docs.jsonl").open(encoding="utf-8") as records:
            lines = records.readlines()
        for start in range(0, len(lines), PART_RECORDS):
            chunk = lines[start : start + PART_RECORDS]
            (parts / f"docs-{start // PART_RECORDS:04d}.jsonl").write_text("".join(chunk))
        (parts / "built").write_text(f"{len(lines)} records\n")
    texts = [str(path) for path in corpus_files(folder) if path.suffix == ".txt"]
    return texts + [str(path) for path in sorted(parts.glob("docs-*.jsonl"))]


def proc_fields(path: str) -> dict[str, int]:
    """The ``Name:  value kB`` lines of a /proc file, in KB (empty once the process is gone)."""
    try:
        text = Path(path).read_text()
    except OSError:
        return {}
    fields = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if value.strip().endswith("kB"):
            fields[name] = int(value.split()[0])
    return fields


def status(pid: int) -> dict[str, int]:
    """The memory lines of /proc/PID/status that the table shows, in KB."""
    fields = proc_fields(f"/proc/{pid}/status")
    return {name: fields[name] for name in ("VmHWM", "RssAnon") if name in fields}


def smaps(pid: int) -> dict[str, int]:
    """The driver's USS, PSS and mapped object-store pages (Pss_Shmem), in KB."""
    fields = proc_fields(f"/proc/{pid}/smaps_rollup")
    if not fields:
        return {}
    return {
        "USS": fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0),
        "PSS": fields.get("Pss", 0),
        "Shmem": fields.get("Pss_Shmem", 0),
    }


def ray_workers(root: int) -> dict[int, str]:
    """The Ray worker processes below ``root`` (raylet starts them; raylet is its child), and
    the task each is running (its process title)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    below, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - below
        below |= frontier
    workers = {}
    for pid in below:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        # A worker names itself after its task (ray::IDLE, ray::_expand_batch, ...); the
        # raylet's agents (ray::DashboardAgent, ray::RuntimeEnvAgent) are not workers.
        title = command.split(b"\0", 1)[0]
        if b"default_worker.py" in command or (
            title.startswith(b"ray::") and not title.endswith(b"Agent")
        ):
            workers[pid] = title.decode(errors="replace")
    return workers


def measure_child(files: list[str], block_bytes: int, rules: str, consume: str) -> None:
    """In a fresh process: the pass over ``files``; prints one JSON line of figures."""
    import threading

    import ray

    me = os.getpid()
    peaks: dict[int, dict[str, int]] = {}
    rising: dict[int, str] = {}  # the task each worker ran when its own memory last rose
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            workers = ray_workers(me)
            for pid in [me, *workers]:
                seen = peaks.setdefault(pid, {})
                found = status(pid) | (smaps(pid) if pid == me else {})
                if pid in workers and found.get("RssAnon", 0) > seen.get("RssAnon", 0):
                    rising[pid] = workers[pid].split("(")[-1].rstrip(")")
                for name, kb in found.items():
                    seen[name] = max(seen.get(name, 0), kb)
            time.sleep(POLL_SECONDS)

    ray.init(
        num_cpus=2,
        object_store_memory=OBJECT_STORE_BYTES,
        include_dashboard=False,
        log_to_driver=False,
    )
    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    started, cpu = time.perf_counter(), time.process_time()
    findings, most = run_pass(files, block_bytes, rules, consume)
    wall = time.perf_counter() - started
    time.sleep(2 * POLL_SECONDS)  # a last reading of every worker still alive
    done.set()
    watcher.join()
    driver = peaks.pop(me)
    held = len(ray._private.worker.global_worker.core_worker.get_all_reference_counts())
    ray.shutdown()
    workers = [seen for seen in peaks.values() if seen]
    largest = max(peaks, key=lambda pid: peaks[pid].get("RssAnon", 0), default=None)
    print(
        json.dumps(
            {
                "findings": findings,
                "file_findings": most,
                "wall": wall,
                "driver_cpu": time.process_time() - cpu,
                "driver_hwm": driver.get("VmHWM", 0),
                "driver_anon": driver.get("RssAnon", 0),
                "driver_uss": driver.get("USS", 0),
                "driver_pss": driver.get("PSS", 0),
                "driver_shmem": driver.get("Shmem", 0),
                "driver_refs": held,
                "workers": len(workers),
                "worker_hwm": max((w.get("VmHWM", 0) for w in workers), default=0),
                "worker_anon": max((w.get("RssAnon", 0) for w in workers), default=0),
                "worker_task": rising.get(largest, ""),
            }
        )
    )


def run_pass(files: list[str], block_bytes: int, rules: str, consume: str) -> tuple[int, int]:
    """The pass over ``files``: how many findings it gave, and the most one file had (-1, -1
    when the command printed them)."""
    from cnlint.config import Config
    from cnlint.engine.corpus import corpus_linter
    from cnlint.engine.linter import Linter
    from cnlint.integrations.raycorpus import file_rows, lint_corpus

    if consume == "cli":
        import contextlib

        from cnlint.cli import app

        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            app(["ray", "--corpus", "--format", "json", *files], standalone_mode=False)
        return -1, -1
    options: dict = {}
    if rules == "corpus":
        options = {"linter": corpus_linter(), "lint_documents": False}
    elif rules == "documents":  # the pass's steps, with no corpus rule to give verdicts
        options = {"linter": Linter(Config(extend_ignore=("D201", "D202", "D203")))}
    findings, most = 0, 0
    dataset = lint_corpus(files, block_bytes=block_bytes, **options)
    for _, _, cell, _ in file_rows(dataset):  # as the command reads them
        found = len(json.loads(cell))
        findings, most = findings + found, max(most, found)
    return findings, most


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--block-mb",
        type=float,
        default=BLOCK_BYTES / 2**20,
        help="the pass's block_bytes, in MiB (default: lint_corpus's)",
    )
    parser.add_argument(
        "--corpus",
        choices=("drawn", "unique"),
        default="drawn",
        help="bench/run.py's corpus (copies grow with it) or one without copies",
    )
    parser.add_argument(
        "--rules",
        choices=("all", "corpus", "documents"),
        default="all",
        help="all default rules and D201-D203, D201-D203 alone, or the default rules alone",
    )
    parser.add_argument(
        "--consume",
        choices=("count", "cli"),
        default="count",
        help="count the findings batch by batch, or run cnlint ray --corpus --format json",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        files = json.loads(Path(args.child).read_text())
        measure_child(files, int(args.block_mb * 2**20), args.rules, args.consume)
        return
    print(
        f"blocks of at most {args.block_mb:g} MiB, {args.corpus} corpus, {args.rules} rules, "
        f"findings: {args.consume}"
    )
    print(
        f"{'corpus':>7} {'files':>6} {'findings':>9} {'wall':>6}   {'driver: peak RSS':>16} "
        f"{'own':>6} {'USS':>6} {'PSS':>6} {'shm':>6} {'refs':>6}   "
        f"{'largest worker: peak RSS':>24} {'own':>6}  workers  load  largest task (file's "
        "findings)"
    )
    for size in args.sizes:
        files = unique(size) if args.corpus == "unique" else parted(size)
        listing = PARTS / f"files-{args.corpus}-{size}mb.json"
        listing.write_text(json.dumps(files))
        command = [sys.executable, __file__, "--child", str(listing)]
        command += ["--block-mb", str(args.block_mb), "--rules", args.rules]
        command += ["--consume", args.consume]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"{size} MB: the pass failed:\n{done.stderr[-3000:]}")
        got = json.loads(done.stdout.strip().splitlines()[-1])
        mb = sum(Path(f).stat().st_size for f in files) / 1e6
        shown = "-" if got["findings"] < 0 else f"{got['findings']:,}"
        print(
            f"{mb:5.1f}MB {len(files):>6} {shown:>9} {got['wall']:5.0f}s   "
            f"{got['driver_hwm'] / 1024:13.0f} MB {got['driver_anon'] / 1024:3.0f} MB "
            f"{got['driver_uss'] / 1024:3.0f} MB {got['driver_pss'] / 1024:3.0f} MB "
            f"{got['driver_shmem'] / 1024:3.0f} MB {got['driver_refs']:>6}   "
            f"{got['worker_hwm'] / 1024:21.0f} MB {got['worker_anon'] / 1024:3.0f} MB  "
            f"{got['workers']:>7}  {os.getloadavg()[0]:4.1f}  {got['worker_task']} "
            f"({got['file_findings']:,})",
            flush=True,
        )


if __name__ == "__main__":
    main()
