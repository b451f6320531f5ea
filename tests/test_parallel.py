"""--jobs gives the same report as a serial run; the cache serves unchanged files without linting.

Files: the seeds, and pages of ../shared/corpus/external/dirty/ (PROVENANCE.md, "sogoucs").
"""

import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnlint.cli import app
from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.parallel import FileJob, Mode, run_files

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, need


def seed_records() -> list[str]:
    """Every non-empty line of the seeds as a JSONL record with an id."""
    lines = (
        line
        for seed in sorted(SEEDS.glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    return [json.dumps({"id": n, "text": line}, ensure_ascii=False) for n, line in enumerate(lines)]


def report_json(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_two_workers_report_exactly_what_one_reports():
    pages = [str(p) for p in sorted(need(DIRTY_CORPUS).glob("sogoucs_*.txt"))]
    serial = report_json(str(SEEDS), *pages, "--jobs", "1", "--no-cache")
    pooled = report_json(str(SEEDS), *pages, "--jobs", "2", "--no-cache")
    assert len(serial) > 100
    assert pooled == serial


def test_fix_through_the_pool_writes_every_file(tmp_path):
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    files = sorted(tmp_path.glob("*.txt"))
    job = FileJob(Linter(), Mode(fix=True, write=True))
    results = list(run_files(files, job, jobs=2))
    assert all(r.written for r in results)
    assert all(p.read_bytes() != (SEEDS / p.name).read_bytes() for p in files)
    after = list(run_files(files, FileJob(Linter(), Mode()), jobs=2))
    assert [
        f.code
        for r in after
        for _, f in r.findings
        if f.fix and f.fix.applicability.value == "safe"
    ] == []


class CountingLinter(Linter):
    """A linter that counts the documents it lints."""

    linted = 0

    def lint(self, doc, rules=None):
        CountingLinter.linted += 1
        return super().lint(doc, rules)


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(need(DIRTY_CORPUS).glob("sogoucs_00*.txt")):
        shutil.copy(page, folder / page.name)
    return sorted(folder.glob("*.txt"))


def lint_all(files, cache_dir, config=None):
    CountingLinter.linted = 0
    job = FileJob(CountingLinter(config), Mode(), cache_dir)
    findings = [[(f.code, f.start, f.end) for _, f in r.findings] for r in run_files(files, job)]
    return findings, CountingLinter.linted


def test_cache_serves_unchanged_files_and_relints_changed_ones(pages, tmp_path):
    cache = tmp_path / "cache"
    cold, linted = lint_all(pages, cache)
    assert linted == len(pages)
    assert any(cold)
    warm, linted = lint_all(pages, cache)
    assert (warm, linted) == (cold, 0)
    text = pages[0].read_text(encoding="utf-8")
    pages[0].write_text(text.replace("，", ",", 1), encoding="utf-8")
    edited, linted = lint_all(pages, cache)
    assert linted == 1
    assert edited[1:] == cold[1:] and edited[0] != cold[0]


def test_cache_key_includes_the_rule_selection(pages, tmp_path):
    cache = tmp_path / "cache"
    lint_all(pages, cache)
    only_p, linted = lint_all(pages, cache, Config(select=("P",)))
    assert linted == len(pages)
    assert {code[0] for found in only_p for code, _, _ in found} == {"P"}
    assert lint_all(pages, cache, Config(select=("P",)))[1] == 0


def test_no_cache_flag_writes_no_cache(tmp_path, monkeypatch):
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(app, ["check", ".", "--no-cache"])
    assert not (tmp_path / ".cnlint_cache").exists()
    CliRunner().invoke(app, ["check", "."])
    assert (tmp_path / ".cnlint_cache" / ".gitignore").exists()


def test_a_large_jsonl_file_is_split_across_workers_with_the_same_findings(tmp_path, monkeypatch):
    from cnlint.engine import parallel
    from cnlint.engine.run import process_file

    lines = seed_records()
    lines.insert(40, '{"text": "broken')  # an unreadable record keeps its own line number
    corpus = tmp_path / "records.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 4096)
    assert len(parallel.plan([corpus], Mode(), parallel.CHUNK_BYTES)) > 4

    whole = process_file(corpus, Linter())
    (split,) = run_files([corpus], FileJob(Linter(), Mode()), jobs=2)

    def located(result):
        return [(d.record.line, d.record.id, f.code, f.start) for d, f in result.findings]

    assert len(whole.documents) == len(split.documents) == len(lines) - 1
    assert located(split) == located(whole)
    assert "line 41" in split.error and "line 41" in whole.error


def test_results_survive_the_trip_between_processes():
    import pickle

    from cnlint.engine.run import process_file

    result = process_file(SEEDS / "003_0d4dd77c39c606b7.txt", Linter())
    assert any(f.fix for _, f in result.findings)
    back = pickle.loads(pickle.dumps(result))
    assert [f for _, f in back.findings] == [f for _, f in result.findings]
    assert back.documents[0].doc.text == result.documents[0].doc.text
    assert back.documents[0].doc.lines == result.documents[0].doc.lines


def square_or_fail(n: int) -> int:
    if n == 13:
        raise ValueError("unlucky")
    if n == 17:
        import os

        os._exit(3)  # a worker that dies without a word (killed, out of memory)
    return n * n


def test_worker_pool_keeps_order_and_reports_errors_and_deaths():
    from cnlint.engine.workers import WorkerError, ordered_map

    def split(items, size):
        return [items[i : i + size] for i in range(0, len(items), size)]

    assert list(ordered_map(square_or_fail, split(list(range(12)), 3), jobs=2)) == [
        n * n for n in range(12)
    ]
    with pytest.raises(WorkerError, match="unlucky"):
        list(ordered_map(square_or_fail, split(list(range(20)), 2), jobs=2))
    with pytest.raises(WorkerError, match="exited with code 3"):
        list(ordered_map(square_or_fail, split(list(range(14, 30)), 1), jobs=2))


def test_batches_balance_input_bytes():
    from cnlint.engine.parallel import Task, batches

    tasks = [Task(Path(f"{n}.txt"), size=1000) for n in range(100)] + [
        Task(Path("big.jsonl"), start=n, end=n + 1, size=50_000) for n in range(4)
    ]
    grouped = batches(tasks, jobs=2)
    assert [t for batch in grouped for t in batch] == tasks
    limit = sum(t.size for t in tasks) // 8
    assert all(len(b) == 1 or sum(t.size for t in b) <= limit for b in grouped)
    assert sum(1 for b in grouped if b[0].path.name == "big.jsonl") == 4


def test_cache_key_follows_the_shared_helpers_and_phrase_lists_of_the_rules(tmp_path):
    # Built-in rules keep shared code in rules/_text and phrase lists in rules/data, outside
    # each rule's own folder: editing either must give new keys, or stale findings are served.
    import os

    from cnlint.engine.cache import code_fingerprint
    from cnlint.rules._text import personal_data

    rules = Linter(Config(select=("I101",))).rules_for("x.txt")
    before = code_fingerprint(rules)
    rules_root = Path(personal_data.__file__).parent.parent
    for touched in (Path(personal_data.__file__), rules_root / "data" / "navigation.txt"):
        stat = touched.stat()
        try:
            os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
            assert code_fingerprint(rules) != before, touched
        finally:
            os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert code_fingerprint(rules) == before


def test_a_large_streamed_jsonl_fix_runs_in_the_parent_block_by_block(tmp_path, monkeypatch):
    """A worker sends a task's results back whole; a large JSONL file that is fixed is read
    block by block in the parent instead, so memory follows one block, not the file."""
    from cnlint.engine import parallel
    from cnlint.engine.parallel import run_tasks
    from cnlint.inputs import streaming

    records = tmp_path / "records.jsonl"
    lines = seed_records()
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    files = [*sorted(tmp_path.glob("*.txt")), records]
    serial = tmp_path / "serial.jsonl"
    shutil.copy(records, serial)
    monkeypatch.setattr(streaming, "BLOCK_BYTES", 4096)
    monkeypatch.setattr(parallel, "STREAM_IN_PARENT_BYTES", 1000)

    job = FileJob(Linter(), Mode(fix=True, write=True))
    pairs = list(run_tasks(files, job, jobs=2))

    assert [task.path for task, _ in pairs][: len(files) - 1] == files[:-1]
    assert sum(1 for task, _ in pairs if task.path == records) > 3  # block by block
    list(run_tasks([serial], FileJob(Linter(), Mode(fix=True, write=True)), jobs=1))
    assert records.read_bytes() == serial.read_bytes() != "\n".join(lines).encode()


def rendered_run(files, jobs, output_format="concise", traffic=None):
    from cnlint.engine.parallel import run_tasks
    from cnlint.finding import Severity
    from cnlint.report.rendered import Renderer

    render = Renderer(output_format, Severity.WARNING)
    job = FileJob(Linter(), Mode())
    return [r for _, r in run_tasks(files, job, jobs, finish=render, traffic=traffic)]


STREAMED_FORMATS = ["concise", "jsonl", "github", "json", "sarif", "junit", "gitlab"]


@pytest.mark.parametrize("output_format", STREAMED_FORMATS)
def test_workers_send_rendered_fragments_not_the_documents(output_format):
    from cnlint.engine.parallel import run_tasks
    from cnlint.engine.workers import Traffic

    files = sorted(need(CLEAN_CORPUS).glob("*.txt"))
    text_bytes = sum(len(p.read_bytes()) for p in files)
    fragments, documents = Traffic(), Traffic()
    rendered = rendered_run(files, 2, output_format, traffic=fragments)
    results = [r for _, r in run_tasks(files, FileJob(Linter(), Mode()), 2, traffic=documents)]
    # Results carry every document's text back (pickled as UTF-8, about the input's size);
    # fragments carry only the few findings of clean prose, and each file's counts.
    assert documents.received > text_bytes
    assert 0 < fragments.received < text_bytes / 5
    assert sum(r.counts.findings for r in rendered) == sum(len(r.findings) for r in results)


def written(output_format, parts):
    """What the format's writer writes of results, or of fragments rendered by workers."""
    from cnlint.report import WRITERS
    from cnlint.report.rendered import RenderedResult

    stream = io.StringIO()
    writer = WRITERS[output_format](stream)
    for part in parts:
        if isinstance(part, RenderedResult):
            writer.add_part(part.path, part.error, part.fragment)
        else:
            writer.add(part)
    writer.close()
    return stream.getvalue()


@pytest.mark.parametrize("output_format", STREAMED_FORMATS)
def test_rendered_fragments_from_the_pool_equal_the_serial_run_and_the_reporter(output_format):
    from cnlint.engine.run import Report
    from cnlint.report import REPORTERS

    pages = sorted(need(DIRTY_CORPUS).glob("sogoucs_*.txt"))
    files = [*sorted(SEEDS.glob("*.txt")), *pages]
    pooled = rendered_run(files, 2, output_format)
    serial = rendered_run(files, 1, output_format)
    assert [r.fragment for r in pooled] == [r.fragment for r in serial]
    assert [(r.counts, r.tally) for r in pooled] == [(r.counts, r.tally) for r in serial]
    stream = io.StringIO()
    REPORTERS[output_format](Report(list(run_files(files, FileJob(Linter(), Mode()), 1))), stream)
    assert written(output_format, pooled) == stream.getvalue()
    assert sum(r.counts.findings for r in pooled) > 100


@pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "gitlab"])
def test_a_split_jsonl_file_renders_in_parts_as_one_file(tmp_path, monkeypatch, output_format):
    """Its parts are rendered by different workers; the same records twice make GitLab's
    occurrence numbers run across parts, and an unreadable record is the file's error."""
    from cnlint.engine import parallel
    from cnlint.engine.run import Report, process_file
    from cnlint.report import REPORTERS

    lines = seed_records()
    lines = [*lines, '{"text": "broken', *lines]
    corpus = tmp_path / "records.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 4096)
    assert len(parallel.plan([corpus], Mode(), parallel.CHUNK_BYTES)) > 8
    pooled = rendered_run([corpus], 2, output_format)
    assert len(pooled) > 8
    stream = io.StringIO()
    REPORTERS[output_format](Report([process_file(corpus, Linter())]), stream)
    assert written(output_format, pooled) == stream.getvalue()


def test_a_sarif_result_with_a_rule_outside_the_registry_comes_back_whole():
    """A linter built on a registry of its own can report a rule the installed registry
    lacks: only the parent's writer numbers it in the log's rule list, so that file is
    rendered there, in the same log."""
    import dataclasses

    from cnlint.engine.run import DocumentResult, Report
    from cnlint.finding import Severity
    from cnlint.report import REPORTERS
    from cnlint.report.rendered import RenderedResult, Renderer

    results = list(run_files(sorted(SEEDS.glob("*.txt"))[:3], FileJob(Linter(), Mode())))
    first = results[1].documents[0]
    own = dataclasses.replace(first.findings[0], code="X901", name="own-rule")
    results[1] = dataclasses.replace(
        results[1], documents=[DocumentResult(first.doc, [own, *first.findings[1:]])]
    )
    render = Renderer("sarif", Severity.WARNING)
    parts = [render(result) for result in results]
    assert parts[1] is results[1]  # came back whole
    assert isinstance(parts[0], RenderedResult) and isinstance(parts[2], RenderedResult)
    stream = io.StringIO()
    REPORTERS["sarif"](Report(results), stream)
    assert written("sarif", parts) == stream.getvalue()
    assert '"ruleId":"X901"' in stream.getvalue()


@pytest.mark.parametrize("output_format", STREAMED_FORMATS)
def test_check_prints_the_same_report_and_summary_with_workers_rendering(output_format):
    pages = [str(p) for p in sorted(need(DIRTY_CORPUS).glob("sogoucs_*.txt"))]
    args = ["check", str(SEEDS), *pages, "--format", output_format, "--no-cache", "--jobs"]
    serial, pooled = (CliRunner().invoke(app, [*args, jobs]) for jobs in ("1", "2"))
    assert serial.exit_code == pooled.exit_code == 1
    assert len(serial.stdout) > 100_000  # some thousand findings
    assert (pooled.stdout, pooled.stderr) == (serial.stdout, serial.stderr)


def test_workers_send_statistics_records_not_the_documents():
    from cnlint.engine.parallel import run_tasks
    from cnlint.engine.registry import load_registry
    from cnlint.engine.workers import Traffic
    from cnlint.finding import Severity
    from cnlint.report.metrics import document_metrics
    from cnlint.report.rendered import Recorder

    files = sorted(need(CLEAN_CORPUS).glob("*.txt"))
    text_bytes = sum(len(p.read_bytes()) for p in files)
    recorder = Recorder(Severity.WARNING, tuple(document_metrics(load_registry())))
    records = Traffic()
    job = FileJob(Linter(), Mode())
    recorded = [r for _, r in run_tasks(files, job, 2, finish=recorder, traffic=records)]
    # With every metric measured: still a few numbers per document, not its text.
    assert 0 < records.received < text_bytes / 5
    assert sum(len(r.fragment.documents) for r in recorded) == len(files)


def statistics_output(args, jobs):
    result = CliRunner().invoke(app, ["check", *args, "--statistics", "--no-cache", "-j", jobs])
    assert result.exit_code == 1, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("extra", [[], ["--format", "json"], ["--group-by", "folder"]])
def test_statistics_from_workers_records_equal_the_serial_run(extra):
    pages = [str(p) for p in sorted(need(DIRTY_CORPUS).glob("sogoucs_*.txt"))]
    args = [str(SEEDS), *pages, *extra]
    serial, pooled = statistics_output(args, "1"), statistics_output(args, "2")
    assert pooled == serial
    assert "P103" in serial[0]


def test_statistics_of_a_split_jsonl_file_group_by_its_field(tmp_path, monkeypatch):
    """The parts' records join into one file: its documents, and its field read again."""
    from cnlint.engine import parallel
    from cnlint.engine.run import Report, process_file
    from cnlint.report import statistics
    from cnlint.report.groups import GroupBy
    from cnlint.report.metrics import document_metrics

    records = [json.loads(line) for line in seed_records()]
    lines = [json.dumps({**r, "url": f"https://s{r['id'] % 3}.cn/{r['id']}"}) for r in records]
    corpus = tmp_path / "records.jsonl"
    corpus.write_text("\n".join([*lines, '{"text": "broken']) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 4096)
    assert len(parallel.plan([corpus], Mode(), parallel.CHUNK_BYTES)) > 4
    args = [str(corpus), "--format", "json", "--group-by", "url"]
    result = CliRunner().invoke(app, ["check", *args, "--statistics", "--no-cache", "-j", "2"])
    assert result.exit_code == 2, result.output  # the broken record
    linter = Linter()
    whole = io.StringIO()
    by_url = GroupBy("url", (str(corpus),))
    metrics = document_metrics(linter.registry, linter.config)
    statistics.render_json(Report([process_file(corpus, linter)]), whole, by_url, metrics)
    assert result.stdout == whole.getvalue()
    numbers = json.loads(result.stdout)
    assert numbers["files_not_checked"] == 1 and len(numbers["files"]) == 0
    assert sorted(g["name"] for g in numbers["group_by"]["groups"]) == ["s0.cn", "s1.cn", "s2.cn"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_large_jsonl_file_read_in_parts_counts_as_one_file(tmp_path, monkeypatch, jobs):
    """A streamed run gets a large JSONL file in parts; its summary still counts files."""
    from cnlint.engine import parallel

    lines = seed_records()
    (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(SEEDS / "000_35d55cf4af66c7c1.txt", tmp_path)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 4096)
    assert len(parallel.plan([tmp_path / "records.jsonl"], Mode(), 4096)) > 4
    monkeypatch.chdir(tmp_path)
    command = ["check", ".", "--no-cache", "-j", jobs, "--format", "concise"]
    summary = CliRunner().invoke(app, command).stderr
    assert f"of {len(lines) + 1} documents in 2 files" in summary, summary


def test_a_pool_gets_the_last_ranges_and_batches_small(tmp_path):
    """A large JSONL file at the end of the run: a pool's last ranges and batches shrink, so
    no worker is left with a 1 MB range while the other waits; the ranges still cover the
    file line by line, and one process keeps 1 MB ranges."""
    from cnlint.engine import parallel

    records = seed_records()
    corpus = tmp_path / "records.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        while handle.tell() < 3 * parallel.CHUNK_BYTES:
            handle.write("\n".join(records) + "\n")
    raw = corpus.read_bytes()
    serial = parallel.plan([corpus], Mode(), parallel.CHUNK_BYTES, jobs=1)
    pooled = parallel.plan([corpus], Mode(), parallel.CHUNK_BYTES, jobs=2)
    assert all(task.size >= parallel.CHUNK_BYTES for task in serial[:-1])
    for tasks in (serial, pooled):
        assert [t.start for t in tasks[1:]] == [t.end for t in tasks[:-1]]
        assert tasks[-1].end == len(raw)
        assert [t.first_line for t in tasks] == [raw.count(b"\n", 0, t.start) + 1 for t in tasks]
    assert pooled[-2].size < len(raw) // 16  # a 1 MB range would be a third of the file
    last_batch = parallel.batches(pooled, 2)[-1]
    assert sum(task.size for task in last_batch) <= 2 * parallel.MIN_CHUNK_BYTES
