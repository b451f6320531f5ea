"""cnlint's benchmark: throughput against the raw read floor and against AutoCorrect.

    .venv/bin/pip install -e . -r bench/requirements.txt
    .venv/bin/python bench/run.py                 # 10 MB and 100 MB corpora
    .venv/bin/python bench/run.py --sizes 20      # one 20 MB corpus
    .venv/bin/python bench/run.py --sizes 10 40 --workers-only --rounds 3

It builds each corpus (fixed random seed) from the paragraphs of the seeds and of
../shared/corpus/external/dirty/ into bench/out/ (git-ignored): documents of about 5 KB, each
drawing its paragraphs from one source file (so one script and one site's junk per document),
half as .txt files (one document each) and half as records of one JSONL file. Then, in one run:

- raw read + UTF-8 decode (+ JSON parse for the JSONL): the floor every linter pays;
- cnlint end to end (read, decode, lint with the default rules), 1 worker and all cores, each
  in a fresh process that reports its peak RSS, its own CPU time and the bytes the workers
  pickled back: once with the results (documents and findings) coming back to the parent
  (what the reports that show context get), and once per streamed format (concise, json,
  sarif) with the workers rendering each file's fragment of the report, which the parent's
  writer joins (what ``check --format FORMAT`` does);
- lint cost per rule family and the slowest rules, on documents already in memory;
- AutoCorrect's ``lint_for`` (autocorrect-py) on the same in-memory documents;
- per rule, the share of documents the gate lets it run on and that it reports on, dense and
  clean (bench/gate.py).

The machine is shared, so single-process throughput is measured in CPU time (user + system
seconds of the process and its workers), which other load disturbs far less than wall time;
the worker speedup can only be wall time, and the load average is printed beside it. Compare
the ratios printed at the end, measured in one run, rather than absolute MB/s across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "external" / "dirty"]
SEED = 8
DOC_BYTES = 5000
MB = 1_000_000
IN_MEMORY_MB = 10  # how much text the per-family and AutoCorrect measurements use
# How the parent consumes a pool's results: finding objects, or a format's fragments rendered
# by the workers.
OUTPUTS = ("results", "concise", "json", "sarif")


def paragraphs() -> list[list[str]]:
    """The non-empty lines of each source file (one list per file)."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            # NUL bytes would make cnlint skip the file as binary: nothing linted to measure.
            lines = [
                line.strip()
                for line in text.splitlines()
                if len(line.strip()) >= 2 and "\x00" not in line
            ]
            if lines:
                found.append(lines)
    if not found:
        sys.exit(f"no paragraphs found in {', '.join(map(str, SOURCES))}")
    return found


def build(size_mb: int) -> Path:
    """bench/out/corpus-<size>mb/: txt/*.txt and docs.jsonl, half of the bytes each."""
    folder = OUT / f"corpus-{size_mb}mb"
    stamp = folder / "built"
    if stamp.exists():
        return folder
    rng = random.Random(SEED)
    sources = paragraphs()
    (folder / "txt").mkdir(parents=True, exist_ok=True)
    written, index = 0, 0
    with (folder / "docs.jsonl").open("w", encoding="utf-8") as jsonl:
        while written < size_mb * MB:
            # Like a real page, a document draws on one source (one script, one site's junk),
            # each paragraph once (no repetition that real pages lack), in a shuffled order.
            source = rng.choice(sources)
            pool, parts, size = rng.sample(source, len(source)), [], 0
            for paragraph in pool:
                if size >= DOC_BYTES:
                    break
                parts.append(paragraph)
                size += len(paragraph.encode()) + 1
            text = "\n".join(parts) + "\n"
            if index % 2 == 0:
                (folder / "txt" / f"{index:07d}.txt").write_text(text, encoding="utf-8")
            else:
                record = {"id": index, "text": text}
                jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += size
            index += 1
    stamp.write_text(f"seed={SEED} size={size_mb}MB documents={index}\n")
    return folder


def corpus_files(folder: Path) -> list[Path]:
    return [*sorted((folder / "txt").glob("*.txt")), folder / "docs.jsonl"]


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in corpus_files(folder))


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def read_floor(folder: Path) -> float:
    """CPU seconds to read and decode every file and parse every JSONL record."""
    start = time.process_time()
    for path in corpus_files(folder):
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                for line in handle:
                    json.loads(line)
        else:
            path.read_bytes().decode("utf-8")
    return time.process_time() - start


def lint_child(folder: str, jobs: int, output: str) -> None:
    """Run in a fresh process: lint the corpus end to end, print seconds, findings, peak RSS.

    ``output`` "results": the parent counts findings in the results (documents and finding
    objects, what the reports that show context get); a format name: the workers render the
    format's fragments, which the parent's writer joins into /dev/null (what
    ``check --format FORMAT`` does).
    """
    from cnlint.engine.linter import Linter
    from cnlint.engine.parallel import FileJob, Mode, run_tasks
    from cnlint.engine.workers import Traffic
    from cnlint.finding import Severity
    from cnlint.report import WRITERS
    from cnlint.report.rendered import RenderedResult, Renderer

    files = corpus_files(Path(folder))
    linter = Linter()
    render = None if output == "results" else Renderer(output, Severity.WARNING)
    traffic = Traffic()
    start, cpu, parent = time.perf_counter(), cpu_seconds(), time.process_time()
    findings = 0
    # Results are counted as they come, part by part, as a streaming consumer would.
    results = run_tasks(files, FileJob(linter, Mode()), jobs, finish=render, traffic=traffic)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        writer = None if render is None else WRITERS[output](sink)
        for _, result in results:
            if isinstance(result, RenderedResult):
                writer.add_part(result.path, result.error, result.fragment)
                findings += result.counts.findings
            else:
                findings += len(result.findings)
                if writer is not None:
                    writer.add(result)
        if writer is not None:
            writer.close()
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    parent = time.process_time() - parent
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rss = max(own, workers)
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "parent_cpu": parent,
                "received": traffic.received,
                "findings": findings,
                "rss_kb": rss,
            }
        )
    )


def projected(one: dict, many: dict, cores: int) -> float:
    """The speedup ``cores`` idle cores would give: the work spread evenly, pool cost included.

    On a shared machine the wall-time speedup depends on what else runs; the CPU seconds
    the pool spends in total (workers and parent) against one worker's do not.
    """
    return cores * one["cpu"] / many["cpu"]


def pool_line(one: dict, many: dict, cores: int, load: float) -> str:
    """The pool's speedup and what it costs the parent, for one way of consuming results."""
    return (
        f"{cores} workers {one['wall'] / many['wall']:4.2f}x faster than 1 (wall time, load "
        f"average {load:.1f}; {projected(one, many, cores):4.2f}x on idle cores) | CPU "
        f"{one['cpu']:5.2f} s for 1 worker, {many['cpu']:5.2f} s for the pool of which the "
        f"parent {many['parent_cpu']:4.2f} s | "
        f"{many['received'] / MB:6.1f} MB pickled back"
    )


def pool_runs(folder: Path, cores: int, output: str, rounds: int) -> tuple[dict, dict, float]:
    """1 worker then ``cores`` workers, ``rounds`` times in turn: the pair whose wall-time
    ratio is the median, and the load average before the first run.

    A pair measured back to back sees nearly the same load; on a shared machine the ratio
    of one pair still varies by 10 % and more, so several pairs show how far to trust it.
    """
    load = os.getloadavg()[0]
    pairs = [
        (lint_in_child(folder, 1, output), lint_in_child(folder, cores, output))
        for _ in range(rounds)
    ]
    pairs.sort(key=lambda pair: pair[0]["wall"] / pair[1]["wall"])
    if rounds > 1:
        ratios = ", ".join(f"{one['wall'] / many['wall']:.2f}" for one, many in pairs)
        print(f"  {output:8} wall-time ratios of {rounds} pairs: {ratios}", flush=True)
    one, many = pairs[len(pairs) // 2]
    return one, many, load


def print_ratios(rows: list, cores: int) -> None:
    print("\nRatios (same run):")
    for size, size_mb, raw, pools in rows:
        speed = size_mb / pools["results"][0]["cpu"]
        print(f"  {size} MB: cnlint 1 worker / raw read = {speed / raw:.3f}")
        for output, (one, many, _) in pools.items():
            print(
                f"  {size} MB, {output}: {cores} workers / 1 worker = "
                f"{one['wall'] / many['wall']:.2f}x wall, "
                f"{projected(one, many, cores):.2f}x projected on idle cores"
            )


def lint_in_child(folder: Path, jobs: int, output: str = "results") -> dict:
    command = [sys.executable, __file__, "--child", str(folder), "--jobs", str(jobs)]
    command += ["--output", output]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def in_memory_documents(folder: Path) -> list[str]:
    texts, size = [], 0
    for path in corpus_files(folder)[:-1]:
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        size += len(text.encode())
        if size >= IN_MEMORY_MB * MB:
            break
    return texts


def clean_documents(size_mb: float) -> list[str]:
    """Documents of clean prose (../shared/corpus/external/clean/, repeated): what most of a
    real corpus looks like, where most rules have nothing to report."""
    files = sorted((ROOT.parent / "shared" / "corpus" / "external" / "clean").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    docs, size = [], 0
    while texts and size < size_mb * MB:
        for text in texts:
            docs.append(text)
            size += len(text.encode())
    return docs


def time_linter(linter, docs) -> float:
    """CPU seconds of the faster of two passes: the first also compiles the patterns of the
    rules that run (on first use, see cnlint.patterns), a start-up cost measured apart."""
    from cnlint.document import Document

    passes = []
    for _ in range(2):
        start = time.process_time()
        for text in docs:
            linter.lint(Document(text, path="bench.txt"))
        passes.append(time.process_time() - start)
    return min(passes)


def rule_costs(docs: list[str]) -> tuple[float, dict[str, float], dict[str, float]]:
    """Seconds for all default rules, per family, and per rule, on the same documents."""
    from cnlint.config import Config
    from cnlint.engine.linter import Linter

    default = Linter()
    everything = time_linter(default, docs)
    per_rule = {}
    for rule in default.rules:
        alone = Linter(Config(select=(rule.code,)), default.registry)
        per_rule[f"{rule.code} {rule.name}"] = time_linter(alone, docs)
    families: dict[str, float] = defaultdict(float)
    for rule in default.rules:
        families[rule.family()] += per_rule[f"{rule.code} {rule.name}"]
    return everything, dict(families), per_rule


def autocorrect_seconds(docs: list[str]) -> float | None:
    try:
        import autocorrect_py
    except ImportError:
        return None
    start = time.process_time()
    for text in docs:
        autocorrect_py.lint_for(text, "bench.txt")
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100], help="corpus MB")
    parser.add_argument("--child")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--output", choices=OUTPUTS, default="results")
    parser.add_argument(
        "--workers-only",
        action="store_true",
        help="only the worker section: 1 worker against all cores, per way of output",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="pairs of runs (1 worker, then all cores) per way of output; the median ratio",
    )
    args = parser.parse_args()
    if args.child:
        lint_child(args.child, args.jobs, args.output)
        return

    from cnlint.engine.parallel import default_jobs

    cores = default_jobs()
    rows = []
    for size in args.sizes:
        folder = build(size)
        size_mb = corpus_bytes(folder) / MB
        raw = size_mb / read_floor(folder)
        pools = {output: pool_runs(folder, cores, output, args.rounds) for output in OUTPUTS}
        one = pools["results"][0]
        rows.append((size, size_mb, raw, pools))
        print(
            f"{size_mb:6.1f} MB: raw read {raw:7.1f} MB/s | cnlint 1 worker "
            f"{size_mb / one['cpu']:6.1f} MB/s, peak RSS {one['rss_kb'] / 1024:5.0f} MB | "
            f"{one['findings']} findings",
            flush=True,
        )
        for output, (one, many, load) in pools.items():
            print(f"  {output:8} {pool_line(one, many, cores, load)}", flush=True)
    if args.workers_only:
        print_ratios(rows, cores)
        return

    docs = in_memory_documents(build(args.sizes[0]))
    doc_mb = sum(len(t.encode()) for t in docs) / MB
    everything, families, per_rule = rule_costs(docs)
    theirs = autocorrect_seconds(docs)
    from cnlint.engine.linter import Linter

    engine = Linter().gate.matcher.name
    print(f"\nLint only, {doc_mb:.1f} MB in memory, 1 core (gate engine: {engine}):")
    print(f"  cnlint default rules {doc_mb / everything:7.1f} MB/s")
    clean = clean_documents(IN_MEMORY_MB / 2)
    if clean:
        clean_mb = sum(len(t.encode()) for t in clean) / MB
        clean_speed = clean_mb / time_linter(Linter(), clean)
        print(f"  cnlint default rules {clean_speed:7.1f} MB/s on clean prose ({clean_mb:.1f} MB)")
    if theirs is None:
        print("  AutoCorrect: not installed (pip install -r bench/requirements.txt)")
    else:
        print(f"  AutoCorrect lint_for {doc_mb / theirs:7.1f} MB/s")
    total = sum(families.values())
    print("  per family (rules of the family alone; share of the sum):")
    for family, seconds in sorted(families.items(), key=lambda kv: -kv[1]):
        print(f"    {family:12} {doc_mb / seconds:8.1f} MB/s  {seconds / total:6.1%}")
    print("  slowest rules:")
    for name, seconds in sorted(per_rule.items(), key=lambda kv: -kv[1])[:8]:
        print(f"    {name:36} {doc_mb / seconds:8.1f} MB/s")
    from gate import print_table  # bench/gate.py: what the gate lets through, rule by rule

    print_table(docs, clean)

    print_ratios(rows, cores)
    if theirs is not None:
        print(f"  lint only: cnlint / AutoCorrect = {theirs / everything:.2f}x")
    if len(rows) > 1:
        (_, small_mb, _, small_pools), (_, big_mb, _, big_pools) = rows[0], rows[-1]
        small, big = small_pools["results"][0], big_pools["results"][0]
        per_mb = (big["cpu"] / big_mb) / (small["cpu"] / small_mb)
        rss = big["rss_kb"] / small["rss_kb"]
        sizes = f"{big_mb:.0f} MB vs {small_mb:.0f} MB"
        print(f"  {sizes}: cost per MB x{per_mb:.2f}, peak RSS x{rss:.2f}")


if __name__ == "__main__":
    main()
