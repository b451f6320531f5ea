"""Ray Data gives the same findings as the CLI on the same documents (local Ray, 2 CPUs).

Ray comes with the test extra (``.[test]`` depends on ``cnlint[ray]``), so CI runs this.
Documents: the seeds, and real pages from ../shared/corpus/external/ (dirty: sogoucs_*.txt,
clean: the first files of clean/; see PROVENANCE.md).
"""

import json

import pytest
import ray
from typer.testing import CliRunner

import cnlint
from cnlint.cli import app
from cnlint.config import load_config
from cnlint.integrations.raydata import (
    COUNT_COLUMN,
    FINDINGS_COLUMN,
    FIXED_COLUMN,
    collect,
    expand,
    lint_dataset,
    read_inputs,
    split_failing,
)

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, need

# Slow (starts a Ray cluster): `-m "not slow"` skips it locally; CI runs it.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("local_ray")]


def cli_json(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_dataset_findings_equal_the_cli_findings_on_the_seeds():
    expected = cli_json("check", str(SEEDS), "--format", "json")
    assert len(expected) > 100
    files = expand([str(SEEDS)], load_config(None, SEEDS))
    records, errors = collect(lint_dataset(read_inputs(files), path_column="path"))
    assert errors == []
    assert records == sorted(expected, key=lambda r: (r["path"], r["line"], r["column"]))


def test_ray_command_prints_the_check_records_for_a_jsonl_glob(tmp_path):
    pages = sorted(need(DIRTY_CORPUS).glob("sogoucs_00*.txt"))
    texts = [page.read_text(encoding="utf-8") for page in pages]
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
        encoding="utf-8",
    )
    records = cli_json("ray", str(tmp_path / "*.jsonl"), "--format", "json")
    linter = cnlint.Linter()
    expected = sorted(
        (f.code, f.message, text[f.start : f.end])
        for text in texts
        for f in linter.lint(cnlint.Document(text))
    )
    assert expected
    assert sorted((r["code"], r["message"], r["text"]) for r in records) == expected


def test_fix_adds_fixed_text_and_drop_keeps_only_clean_rows():
    dirty = [p.read_text(encoding="utf-8") for p in sorted(need(SEEDS).glob("*.txt"))]
    clean = [p.read_text(encoding="utf-8") for p in sorted(need(CLEAN_CORPUS).glob("*.txt"))[:3]]
    rows = [{"text": t, "id": i} for i, t in enumerate(dirty + clean)]
    annotated = lint_dataset(ray.data.from_items(rows), fix=True).take_all()
    assert len(annotated) == len(rows)
    for row in sorted(annotated, key=lambda r: r["id"]):
        text = row["text"]
        assert row[FIXED_COLUMN] == cnlint.fix(text)
        remaining = cnlint.lint(row[FIXED_COLUMN])
        assert row[COUNT_COLUMN] == len(remaining) == len(json.loads(row[FINDINGS_COLUMN]))
    # Without a fix every seed has findings and the clean pages have none.
    kept = lint_dataset(ray.data.from_items(rows), drop=True).take_all()
    assert sorted(r["id"] for r in kept) == list(range(len(dirty), len(rows)))


def test_split_failing_keeps_the_rows_drop_leaves_out_with_their_findings():
    dirty = [p.read_text(encoding="utf-8") for p in sorted(need(SEEDS).glob("*.txt"))]
    clean = [p.read_text(encoding="utf-8") for p in sorted(need(CLEAN_CORPUS).glob("*.txt"))[:3]]
    rows = [{"text": t, "id": i} for i, t in enumerate(dirty + clean)]
    annotated = lint_dataset(ray.data.from_items(rows)).materialize()
    kept, rejected = split_failing(annotated)
    dropped_by_drop = lint_dataset(ray.data.from_items(rows), drop=True).take_all()
    assert sorted(r["id"] for r in kept.take_all()) == sorted(r["id"] for r in dropped_by_drop)
    rejected_rows = rejected.take_all()
    assert sorted(r["id"] for r in rejected_rows) == list(range(len(dirty)))
    for row in rejected_rows:
        assert json.loads(row[FINDINGS_COLUMN]) and row[COUNT_COLUMN] > 0


def test_ray_command_writes_the_dropped_rows_to_rejected_out(tmp_path):
    import shutil

    import pyarrow.parquet as pq

    corpus, kept_dir, rejected_dir = tmp_path / "in", tmp_path / "kept", tmp_path / "rejected"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:2]  # every seed has a warning
    clean = sorted(need(CLEAN_CORPUS).glob("*.txt"))[:1]
    for path in seeds + clean:
        shutil.copy(path, corpus / path.name)
    result = CliRunner().invoke(
        app,
        ["ray", str(corpus), "--drop", "--output", str(kept_dir), "--rejected-out",
         str(rejected_dir)],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    rejected = pq.read_table(rejected_dir).to_pylist()
    assert sorted(row["path"] for row in rejected) == [str(corpus / p.name) for p in seeds]
    assert all(json.loads(row[FINDINGS_COLUMN]) for row in rejected)
    kept = pq.read_table(kept_dir).to_pylist()
    assert [row["path"] for row in kept] == [str(corpus / clean[0].name)]
    usage = CliRunner().invoke(app, ["ray", str(SEEDS), "--rejected-out", str(tmp_path / "x")])
    assert usage.exit_code == 2 and "--rejected-out needs --drop" in usage.output
