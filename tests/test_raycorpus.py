"""The corpus pass on Ray Data gives the findings of the pass on one machine (local Ray).

Documents: the seeds with ../shared/corpus/external (dirty, clean and undecodable pages; see
PROVENANCE.md), and the corpus of tests/test_corpus.py (SogouCS pages with an exact copy, a
near copy and a breadcrumb shared by eight pages), on which D201, D202 and D203 all fire.
"""

import json

import pytest
from test_corpus import build_corpus
from typer.testing import CliRunner

from cnlint.cli import app
from cnlint.config import load_config
from cnlint.engine.corpus import corpus_linter, run_corpus
from cnlint.inputs.discovery import iter_files
from cnlint.integrations.raycorpus import lint_corpus
from cnlint.integrations.raydata import _record_order, collect
from cnlint.report.locate import finding_dict

from conftest import SEEDS, SHARED, need

# Slow (starts a Ray cluster): `-m "not slow"` skips it locally; CI runs it.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("local_ray")]


def cli_records(*args: str) -> tuple[list[dict], str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 2, result.output  # dirty-encoding holds undecodable pages
    return sorted(json.loads(result.stdout), key=_record_order), result.stderr


def test_ray_corpus_command_prints_the_findings_of_check_corpus():
    paths = [str(SEEDS), str(need(SHARED / "corpus" / "external"))]
    expected, expected_errors = cli_records("check", *paths, "--corpus", "--format", "json")
    assert sum(record["code"] == "D201" for record in expected) == 3
    records, errors = cli_records("ray", *paths, "--corpus", "--format", "json")
    assert records == expected
    # The same unreadable files, in the ray command's "path: error: reason" lines.
    unreadable = [line for line in expected_errors.splitlines() if "dirty-encoding" in line]
    assert unreadable and all(line.split(":")[0] in errors for line in unreadable)


def test_corpus_rules_alone_with_options_match_the_pass_on_one_machine(tmp_path):
    build_corpus(tmp_path)
    # Boilerplate from two documents on: the copies must stay out of the counts.
    linter = corpus_linter(options={"boilerplate-min-docs": 2, "near-threshold": 0.5})
    files = list(iter_files([tmp_path], load_config(None, tmp_path)))
    results = run_corpus(files, linter, lint_documents=False)
    expected = sorted(
        (finding_dict(d, f) for r in results for d, f in r.findings), key=_record_order
    )
    assert {record["code"] for record in expected} == {"D201", "D202", "D203"}
    # Parts of 16 KiB: the 73 KB of files and D202's band rows take more parts than the
    # default four, so groups meet across more blocks than the pass makes on its own.
    paths = [str(f) for f in files]
    dataset = lint_corpus(paths, lint_documents=False, linter=linter, block_bytes=16 * 1024)
    records, errors = collect(dataset)
    assert errors == []
    assert records == expected
