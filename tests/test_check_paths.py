"""The library entry point: cnlint.check_paths finds what `cnlint check` finds, fixes a copy as
cnlint.fix fixes each text, honours a baseline, and its streaming form and workers agree.
The example of docs/library.md runs and does what its comments say."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest

import cnlint
from cnlint.check import GitError, update_baseline, verdict
from cnlint.config import ConfigError
from cnlint.report import REPORTERS

from conftest import ROOT, SEEDS, run_cli

# A sentence of seed 002 (real scraped text), and the same with its comma doubled.
SENTENCE = "利民之事,丝发必兴。"
DOUBLED = "利民之事,,丝发必兴。"


@pytest.fixture
def corpus(seeds_copy: Path) -> Path:
    """A copy of the seeds' texts named as docs/library.md's example names it: fixes are
    written there, never to the seeds."""
    return seeds_copy.rename(seeds_copy.parent / "corpus")


def records(report: cnlint.Report) -> list[dict]:
    stream = StringIO()
    REPORTERS["jsonl"](report, stream)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_same_findings_as_the_command_line(corpus):
    report = cnlint.check_paths([corpus])
    done = run_cli("check", str(corpus), "--format", "jsonl", "--no-cache", "-j", "1")
    assert done.returncode == report.exit_code() == 1
    expected = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(expected) > 1000
    assert records(report) == expected


def test_verdict_applies_the_gate_limits_as_the_command_line_does(corpus):
    for limit, expected in ((2000, 0), (1000, 1)):
        config = cnlint.Config(max_findings=limit)
        report = cnlint.check_paths([corpus], config)
        outcome = verdict(report, config)
        done = run_cli("check", str(corpus), "--max-findings", str(limit), "--no-cache", "-q")
        assert report.exit_code() == 1 and outcome.exit_code == done.returncode == expected
        assert bool(outcome.reasons) == bool(expected)


def test_fix_writes_each_file_as_cnlint_fix_fixes_its_text(corpus):
    originals = {path.name: path.read_text(encoding="utf-8") for path in corpus.iterdir()}
    report = cnlint.check_paths([corpus], fix=True, write=True)
    assert report.fixed_count > 0
    assert sum(result.written for result in report.files) == len(originals)
    for path in corpus.iterdir():
        assert path.read_text(encoding="utf-8") == cnlint.fix(originals[path.name])
    # What remains is what a lint of the fixed files finds, and nothing is left to fix.
    again = cnlint.check_paths([corpus], fix=True, write=True)
    assert again.fixed_count == 0
    assert records(again) == records(report) == records(cnlint.check_paths([corpus]))
    assert {seed.name: seed.read_text(encoding="utf-8") for seed in SEEDS.glob("*.txt")} == (
        originals
    )


def test_fix_without_write_leaves_the_files_alone(corpus):
    before = {path: path.read_bytes() for path in corpus.iterdir()}
    report = cnlint.check_paths([corpus], fix=True)
    assert report.fixed_count > 0 and not any(result.written for result in report.files)
    assert {path: path.read_bytes() for path in corpus.iterdir()} == before
    for result in report.files:
        assert result.new_text == cnlint.fix(result.old_text)


def test_a_baseline_keeps_only_new_findings(corpus, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = cnlint.check_paths([corpus])
    written = update_baseline(first, baseline)
    assert written.total == len(first.findings)

    known = cnlint.check_paths([corpus], baseline=baseline)
    assert known.findings == [] and known.exit_code() == 0
    assert known.baseline.suppressed == len(first.findings) and known.baseline.gone == 0

    seed = corpus / "002_84b364ab668f5adc.txt"
    text = seed.read_text(encoding="utf-8")
    assert text.count(SENTENCE) == 1
    seed.write_text(text.replace(SENTENCE, DOUBLED), encoding="utf-8")
    changed = cnlint.check_paths([corpus], baseline=baseline)
    # The doubled comma (P101), one defect: the half-width comma inside it is not reported
    # apart (docs/usage.md, one defect, one finding); the known ones stay out.
    new = [(doc.path, f.code, doc.text[f.start : f.end]) for doc, f in changed.findings]
    assert new == [(str(seed), "P101", ",,")]
    # The known half-width comma is now inside that finding: no longer reported, so "gone".
    assert changed.baseline.suppressed == len(first.findings) - 1
    assert changed.baseline.gone == 1 and changed.exit_code() == 1


def test_a_baseline_beside_the_corpus_is_not_an_input(corpus):
    config = cnlint.Config(include=("*.txt", "*.json"))  # a project that lints JSON files
    baseline = corpus / "baseline.json"
    update_baseline(cnlint.check_paths([corpus], config), baseline)
    assert str(baseline) in [result.path for result in cnlint.check_paths([corpus], config).files]
    report = cnlint.check_paths([corpus], config, baseline=baseline)
    assert str(baseline) not in [result.path for result in report.files]
    assert len(report.files) == 5 and report.findings == []


def test_streamed_and_parallel_runs_agree(corpus):
    serial = cnlint.check_paths([corpus])
    streamed = cnlint.Report(list(cnlint.iter_check([corpus])))
    parallel = cnlint.check_paths([corpus], jobs=2)
    assert records(streamed) == records(parallel) == records(serial)


def test_unreadable_files_are_reported_and_the_run_goes_on(corpus):
    (corpus / "broken.jsonl").write_text('{"text": "利民之事"\n', encoding="utf-8")
    report = cnlint.check_paths([corpus])
    assert [result.path for result in report.errors] == [str(corpus / "broken.jsonl")]
    assert report.exit_code() == 2 and len(report.findings) > 1000


def test_usage_errors_raise(corpus, tmp_path):
    with pytest.raises(ValueError, match="corpus"):
        cnlint.check_paths([corpus], fix=True, corpus=True)
    with pytest.raises(ValueError, match="corpus"):
        cnlint.iter_check([corpus], fix=True, corpus=True)  # at the call, not when iterated
    with pytest.raises(GitError):
        cnlint.check_paths([corpus], changed_since="HEAD")  # tmp_path is no git repository
    with pytest.raises(ConfigError, match="unknown"):
        cnlint.check_paths([corpus], cnlint.Config(select=("X999",)))


def test_the_library_page_example_runs(corpus, monkeypatch):
    page = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", page, re.S)
    monkeypatch.chdir(corpus.parent)
    namespace: dict = {}
    exec(compile(block, "library.md", "exec"), namespace)
    assert namespace["found"] > 1000 and namespace["code"] == 1
    assert namespace["known"].findings == []
    assert namespace["known"].baseline.suppressed == namespace["found"]
    assert namespace["fixed"].fixed_count > 0
    assert set(namespace["sizes"]) == {str(Path("corpus") / path.name) for path in corpus.iterdir()}
    assert sum(namespace["sizes"].values()) == len(namespace["fixed"].findings)
