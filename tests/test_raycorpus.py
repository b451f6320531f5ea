"""The corpus pass on Ray Data gives the findings of the pass on one machine (local Ray), and
``cnlint ray --corpus`` writes them in one order whatever order its rows come in.

Documents: the seeds with ../shared/corpus/external (dirty, clean and undecodable pages; see
PROVENANCE.md), and the corpus of tests/test_corpus.py (SogouCS pages with an exact copy, a
near copy and a breadcrumb shared by eight pages), on which D201, D202 and D203 all fire.
"""

import io
import json
import random
from contextlib import redirect_stdout
from itertools import chain
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from test_corpus import build_corpus, edit_a_few_characters
from typer.testing import CliRunner

from cnlint.cli import app
from cnlint.cli.ray import _print_records
from cnlint.config import Config, load_config
from cnlint.document import Document
from cnlint.engine.corpus import corpus_linter, run_corpus
from cnlint.engine.linter import Linter
from cnlint.inputs.discovery import iter_files
from cnlint.integrations import raycorpus
from cnlint.integrations.raycorpus import (
    Setup,
    corpus_records,
    file_rows,
    lint_corpus,
    report_order,
    rows_in_report_order,
)
from cnlint.integrations.raydata import collect, record_order
from cnlint.report.locate import finding_dict
from cnlint.rule import CopyRule, document_label

from conftest import DIRTY_CORPUS, SEEDS, SHARED, need


def cli_records(*args: str) -> tuple[list[dict], str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 2, result.output  # dirty-encoding holds undecodable pages
    return sorted(json.loads(result.stdout), key=record_order), result.stderr


# Slow (starts a Ray cluster): `-m "not slow"` skips it locally; CI runs it.
@pytest.mark.slow
@pytest.mark.usefixtures("local_ray")
def test_ray_corpus_command_prints_the_findings_of_check_corpus():
    paths = [str(SEEDS), str(need(SHARED / "corpus" / "external"))]
    expected, expected_errors = cli_records("check", *paths, "--corpus", "--format", "json")
    assert sum(record["code"] == "D201" for record in expected) == 3
    records, errors = cli_records("ray", *paths, "--corpus", "--format", "json")
    assert records == expected
    # The same unreadable files, in the ray command's "path: error: reason" lines.
    unreadable = [line for line in expected_errors.splitlines() if "dirty-encoding" in line]
    assert unreadable and all(line.split(":")[0] in errors for line in unreadable)


@pytest.mark.slow
@pytest.mark.usefixtures("local_ray")
def test_corpus_rules_alone_with_options_match_the_pass_on_one_machine(tmp_path):
    build_corpus(tmp_path)
    # Boilerplate from two documents on: the copies must stay out of the counts.
    linter = corpus_linter(options={"boilerplate-min-docs": 2, "near-threshold": 0.5})
    # Against the order of their paths: the corpus order is not the order of the report.
    files = list(iter_files([tmp_path], load_config(None, tmp_path)))[::-1]
    results = run_corpus(files, linter, lint_documents=False)
    expected = sorted(
        (finding_dict(d, f) for r in results for d, f in r.findings), key=record_order
    )
    assert {record["code"] for record in expected} == {"D201", "D202", "D203"}
    # Parts of 16 KiB: the 73 KB of files and D202's band rows take more parts than the
    # default four, so groups meet across more blocks than the pass makes on its own.
    paths = [str(f) for f in files]
    dataset = lint_corpus(paths, lint_documents=False, linter=linter, block_bytes=16 * 1024)
    dataset = dataset.materialize()
    records, errors = collect(dataset)
    assert errors == []
    assert records == expected
    # The rows come in the order of the report, which is not the corpus order.
    assert [number for number, *_ in file_rows(dataset)] == report_order(paths)
    assert report_order(paths) != list(range(len(paths)))


@pytest.mark.slow
@pytest.mark.usefixtures("local_ray")
def test_the_pass_without_corpus_rules_gives_the_findings_of_check():
    files = [str(path) for path in sorted(SEEDS.glob("*.txt"))[:2]]
    config = Config(extend_ignore=("D201", "D202", "D203"))
    result = CliRunner().invoke(app, ["check", "--format", "json", *files])  # no corpus rule
    expected = sorted(json.loads(result.stdout), key=record_order)
    assert expected
    assert collect(lint_corpus(files, linter=Linter(config))) == (expected, [])


class Blocks:
    """Rows of ``lint_corpus``'s shape served in Arrow blocks, as a dataset serves them."""

    def __init__(self, rows: list[tuple[int, str, str, str]], size: int) -> None:
        names = ("file", "path", "cnlint_findings", "cnlint_error")
        self.blocks = [
            pa.table(dict(zip(names, zip(*rows[i : i + size], strict=True), strict=True)))
            for i in range(0, len(rows), size)
        ]

    def iter_batches(self, batch_size, batch_format):
        assert (batch_size, batch_format) == (None, "pyarrow")
        return iter(self.blocks)


def test_the_corpus_command_writes_the_records_in_one_order_whatever_order_rows_come_in():
    seeds = sorted(SEEDS.glob("*.txt"))
    # Seed files against the order of their paths, one of them twice, one that is missing.
    files = [str(path) for path in seeds[::-1]] + [str(seeds[3]), str(SEEDS / "missing.txt")]
    result = CliRunner().invoke(app, ["check", "--format", "json", *map(str, seeds)])
    checked = json.loads(result.stdout)
    by_path = {path: [r for r in checked if r["path"] == path] for path in map(str, seeds)}
    assert all(by_path.values())
    rows = [
        (
            number,
            str(Path(path)),
            json.dumps(by_path.get(path, [])),
            "" if path in by_path else "gone",
        )
        for number, path in enumerate(files)
    ]
    # What raydata.collect gave the command: every record, sorted.
    expected = sorted(chain.from_iterable(json.loads(row[2]) for row in rows), key=record_order)
    shuffle = random.Random(17)
    for _ in range(3):
        shuffle.shuffle(rows)
        errors: list[str] = []
        assert list(corpus_records(Blocks(rows, 3), files, errors)) == expected
        assert errors == [f"{SEEDS / 'missing.txt'}: error: gone"]
    # Printed as the list was: json.dump(records, indent=2) and a newline.
    printed = io.StringIO()
    with redirect_stdout(printed):
        assert _print_records(iter(expected), "json", floor=0)
    assert printed.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_a_row_the_corpus_pass_did_not_give_is_an_error_not_a_shorter_report():
    files = ["b.txt", "a.txt"]
    with pytest.raises(RuntimeError, match=r"no row for a\.txt"):
        list(rows_in_report_order([(0, "b.txt", "[]", "")], files))


def test_a_band_group_gives_its_pairs_in_tables_of_a_bounded_size(monkeypatch):
    # A SogouCS page and six near copies of it: one band group whose 21 pairs all score.
    rng = random.Random(3)
    page = (need(DIRTY_CORPUS) / "sogoucs_006.txt").read_text(encoding="utf-8")
    texts = [page] + [edit_a_few_characters(page, rng) for _ in range(6)]
    setup = Setup(corpus_linter(), partitions=2)
    rules = setup.rules()
    (number,) = [i for i, r in enumerate(rules) if isinstance(r, CopyRule) and not r.transitive]
    docs = [Document(text, path=f"p{i}.txt") for i, text in enumerate(texts)]
    sketches = [raycorpus._dump(rules[number].sketch(doc)) for doc in docs]
    group = {
        "order": np.array([i << raycorpus.DOCUMENT_BITS for i in range(len(docs))]),
        "label": np.array([document_label(doc) for doc in docs], dtype=object),
        "sketch": np.array(sketches, dtype=object),
    }
    whole = pa.concat_tables(raycorpus._group_pairs(group, number, setup))
    assert whole.num_rows == 21
    monkeypatch.setattr(raycorpus, "VERDICT_BLOCK", 4)
    tables = list(raycorpus._group_pairs(group, number, setup))
    assert [t.num_rows for t in tables] == [4, 4, 4, 4, 4, 1]
    assert pa.concat_tables(tables).equals(whole)
