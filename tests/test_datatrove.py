"""datatrove pipelines give the same findings and fixes as the CLI on the same documents.

datatrove comes with the test extra (``.[test]`` depends on ``cnlint[datatrove]``), so CI runs
this. Each test runs a real LocalPipelineExecutor (two tasks, one per input file) that reads
JSON Lines with datatrove's JsonlReader and writes with its JsonlWriter; the CLI reads the
very same files. Documents: the seeds and the first two pages of every source in
../shared/corpus/external/dirty/ (see PROVENANCE.md), bytes decoded as they are (CRLF kept).
"""

import gzip
import json
import re
from collections import Counter
from itertools import groupby
from pathlib import Path

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import cnlint
from cnlint.config import ConfigError
from cnlint.integrations.datatrove import CnlintFilter, CnlintFormatter, as_record

from conftest import DIRTY_CORPUS, ROOT, SEEDS, need, run_cli

# Slow (runs datatrove pipelines): `-m "not slow"` skips it locally; CI runs it.
pytestmark = pytest.mark.slow

PAGES_PER_SOURCE = 2
# What a finding is, apart from where the document came from (CLI: the JSONL file and line).
PROVENANCE = ("path", "record")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The documents as two JSONL files, so the two datatrove tasks get one each."""
    dirty = sorted(need(DIRTY_CORPUS).glob("*.txt"))
    by_source = groupby(dirty, key=lambda page: page.stem.rsplit("_", 1)[0])
    pages = sorted(SEEDS.glob("*.txt")) + [
        page for _, group in by_source for page in list(group)[:PAGES_PER_SOURCE]
    ]
    folder = tmp_path_factory.mktemp("corpus")
    for name, part in (("a.jsonl", pages[::2]), ("b.jsonl", pages[1::2])):
        rows = ({"id": page.stem, "text": page.read_bytes().decode("utf-8")} for page in part)
        (folder / name).write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
        )
    return folder


@pytest.fixture(scope="module")
def default_findings(corpus) -> dict[str, list[dict]]:
    return cli_findings(corpus)


def run_pipeline(corpus: Path, out: Path, *steps) -> list[dict]:
    """Read ``corpus``, run ``steps``, write to ``out``; the documents written, by id."""
    LocalPipelineExecutor(
        [JsonlReader(str(corpus)), *steps, JsonlWriter(str(out / "kept"))],
        tasks=2,
        workers=1,
        logging_dir=str(out / "logs"),
    ).run()
    return read_documents(out / "kept")


def read_documents(folder: Path) -> list[dict]:
    docs = []
    for part in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(part, "rt", encoding="utf-8") as lines:
            docs.extend(json.loads(line) for line in lines)
    return sorted(docs, key=lambda doc: doc["id"])


def read_jsonl(folder: Path) -> dict[str, str]:
    """The texts of the JSONL files in a folder, by id (lines split at \\n only: a text may
    hold U+2028, which json.dumps leaves as it is)."""
    rows = [
        json.loads(line)
        for part in sorted(folder.glob("*.jsonl"))
        for line in part.read_text(encoding="utf-8").split("\n")
        if line
    ]
    return {row["id"]: row["text"] for row in rows}


def corpus_ids(corpus: Path) -> list[str]:
    return sorted(read_jsonl(corpus))


def cli_findings(corpus: Path, *args: str) -> dict[str, list[dict]]:
    """``cnlint check --format json`` on the corpus: each document's findings, by id."""
    result = run_cli("check", str(corpus), "--format", "json", *args)
    assert result.returncode == 1, result.stderr
    found: dict[str, list[dict]] = {doc_id: [] for doc_id in corpus_ids(corpus)}
    for record in json.loads(result.stdout):
        found[record["record"]["id"]].append(without_provenance(record))
    return found


def without_provenance(record: dict) -> dict:
    return {key: value for key, value in record.items() if key not in PROVENANCE}


def step_stats(out: Path, step_class) -> dict:
    """A step's statistics from the run's stats.json (all tasks merged)."""
    steps = json.loads((out / "logs" / "stats.json").read_text(encoding="utf-8"))
    (step,) = [s for s in steps if s["name"].endswith(step_class.name)]
    return step["stats"]


def total(stat) -> int:
    return stat if isinstance(stat, int) else stat["total"]


def test_findings_in_metadata_equal_the_cli_findings_and_every_document_is_kept(
    corpus, default_findings, tmp_path
):
    expected = default_findings
    docs = run_pipeline(corpus, tmp_path, CnlintFilter())
    assert [doc["id"] for doc in docs] == sorted(expected) and len(docs) > 40
    for doc in docs:
        findings = doc["metadata"]["cnlint"]
        assert [without_provenance(f) for f in findings] == expected[doc["id"]], doc["id"]
        assert all(f["record"]["id"] == doc["id"] for f in findings)
    # The step's statistics count the findings per code.
    codes = Counter(f["code"] for records in expected.values() for f in records)
    stats = step_stats(tmp_path, CnlintFilter)
    assert total(stats["cnlint:findings"]) == sum(codes.values()) > 1000
    assert {code: total(stats[f"cnlint:{code}"]) for code in codes} == codes
    assert "dropped" not in stats


def test_select_ignore_target_script_and_a_config_file_act_as_on_the_command_line(corpus, tmp_path):
    config = tmp_path / "cnlint.toml"
    config.write_text('ignore = ["P103"]\n[rules.S105]\nseverity = "info"\n', encoding="utf-8")
    traditional = tmp_path / "traditional.toml"
    traditional.write_text('target-script = "traditional"\n', encoding="utf-8")
    cases = [
        (
            {"select": ("S", "P101"), "ignore": "S103"},
            ("--select", "S,P101", "--ignore", "S103"),
        ),
        ({"config": config}, ("--config", str(config))),
        (
            {"target_script": "traditional", "select": "S"},
            ("--config", str(traditional), "--select", "S"),
        ),
    ]
    for i, (options, flags) in enumerate(cases):
        expected = cli_findings(corpus, *flags)
        docs = run_pipeline(corpus, tmp_path / str(i), CnlintFilter(**options))
        found = {
            doc["id"]: [without_provenance(f) for f in doc["metadata"]["cnlint"]] for doc in docs
        }
        assert found == expected, options
        assert sum(map(len, found.values())) > 20


@pytest.mark.parametrize(
    ("drop_on", "drops"),
    [
        (("S105", "E1"), lambda finding: re.fullmatch(r"S105|E1\d\d", finding["code"])),
        ("error", lambda finding: finding["severity"] == "error"),
    ],
)
def test_drop_on_drops_exactly_the_documents_with_such_findings(
    corpus, default_findings, tmp_path, drop_on, drops
):
    expected = default_findings
    reasons = {
        doc_id: "cnlint:" + next(f["code"] for f in records if drops(f))
        for doc_id, records in expected.items()
        if any(drops(f) for f in records)
    }
    assert 0 < len(reasons) < len(expected)
    dropped_writer = JsonlWriter(str(tmp_path / "dropped"))
    step = CnlintFilter(drop_on=drop_on, exclusion_writer=dropped_writer)
    kept = run_pipeline(corpus, tmp_path, step)
    assert [doc["id"] for doc in kept] == sorted(set(expected) - set(reasons))
    dropped = read_documents(tmp_path / "dropped")
    assert {doc["id"]: doc["metadata"]["filter_reason"] for doc in dropped} == reasons
    for doc in kept + dropped:  # dropped or kept, a document carries its findings
        findings = [without_provenance(f) for f in doc["metadata"]["cnlint"]]
        assert findings == expected[doc["id"]]
    stats = step_stats(tmp_path, CnlintFilter)
    assert total(stats["dropped"]) == len(reasons)
    for reason, count in Counter(reasons.values()).items():
        assert total(stats[f"dropped_{reason}"]) == count


@pytest.mark.parametrize("unsafe", [False, True])
def test_formatter_output_equals_cnlint_fix(corpus, tmp_path, unsafe):
    fixed = tmp_path / "cli-fixed"
    result = run_cli("fix", str(corpus), "--out", str(fixed), *(["--unsafe-fixes"] * unsafe))
    assert result.returncode == 0, result.stderr
    expected = read_jsonl(fixed)
    docs = run_pipeline(corpus, tmp_path, CnlintFormatter(unsafe=unsafe))
    assert {doc["id"]: doc["text"] for doc in docs} == expected
    assert sorted(expected) == corpus_ids(corpus)
    # The fixes changed real text: most documents, more than a thousand fixes.
    sources = read_jsonl(corpus)
    changed = [doc_id for doc_id, text in expected.items() if text != sources[doc_id]]
    assert len(changed) > len(expected) // 2
    assert total(step_stats(tmp_path, CnlintFormatter)["cnlint:fixed"]) > 1000


def test_mistakes_fail_when_the_step_is_made_not_in_a_task():
    with pytest.raises(ConfigError, match="X999"):
        CnlintFilter(select="X999")
    with pytest.raises(ConfigError, match="S105"):
        CnlintFilter(select="P", drop_on="S105")  # S105 does not run: it could never drop
    with pytest.raises(ConfigError, match="target_script"):
        CnlintFormatter(target_script="cyrillic")


def test_readme_pipeline_runs_as_a_script(corpus, tmp_path):
    """The datatrove example of docs/performance-and-scale.md, run as a user would (its workers
    are real processes)."""
    page = (ROOT / "docs" / "performance-and-scale.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", page, re.S) if "CnlintFilter" in b]
    (tmp_path / "crawl").mkdir()
    for part in corpus.glob("*.jsonl"):
        (tmp_path / "crawl" / part.name).write_bytes(part.read_bytes())
    (tmp_path / "pipeline.py").write_text(block, encoding="utf-8")
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "pipeline.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    kept = read_documents(tmp_path / "crawl-linted")
    dropped = read_documents(tmp_path / "crawl-dropped")
    assert sorted(doc["id"] for doc in kept + dropped) == corpus_ids(corpus)
    assert kept and dropped
    # Each document is fixed, then annotated with what the fixes left.
    linter = cnlint.Linter()
    sources = read_jsonl(corpus)
    for doc in kept + dropped:
        outcome = linter.fix(as_record(sources[doc["id"]]), unsafe=False)
        assert doc["text"] == outcome.text
        assert [f["code"] for f in doc["metadata"]["cnlint"]] == [f.code for f in outcome.remaining]
    for doc in dropped:
        assert doc["metadata"]["filter_reason"] in {"cnlint:E104", "cnlint:E108", "cnlint:L102"}
