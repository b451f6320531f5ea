"""Linting a Ray Data dataset: the same rules and findings as the CLI, spread over a cluster.

Install with ``pip install 'cnlint[ray]'``. One call annotates every row::

    import ray
    from cnlint.integrations.raydata import lint_dataset

    ds = ray.data.read_json("s3://bucket/crawl/*.jsonl")          # any Ray Data source
    ds = lint_dataset(ds, text_column="text", fix=True)
    ds.write_parquet("s3://bucket/crawl-linted/")

Each row gains ``cnlint_findings`` (a JSON array of findings, exactly the records of
``cnlint check --format json``), ``cnlint_count`` (how many) and, with ``fix=True``,
``cnlint_fixed`` (the text after the safe fixes; the findings then describe what remains).
Rows are annotated, never dropped, unless ``drop=True``: then rows that still have a
finding at or above the config's ``fail-on`` severity are left out. To keep those rows too,
lint without ``drop`` and split the annotated dataset: ``kept, rejected =
split_failing(ds)``; each rejected row carries the findings that failed it in
``cnlint_findings`` (``cnlint ray --drop --rejected-out DIR`` writes them as parquet).

The linter is built once per Ray actor, not once per batch. The call is the same on a
laptop and on a cluster: ``ray.init()`` on a laptop, ``ray.init(address="auto")`` (or the
``RAY_ADDRESS`` environment variable) on a cluster node, and the workers need cnlint
installed (a ``runtime_env={"pip": ["cnlint"]}`` or the cluster image).

The corpus rules (D201-D203: copies across documents) need the whole corpus at once: run them
with :func:`cnlint.integrations.raycorpus.lint_corpus` (``cnlint ray --corpus``).
"""

from __future__ import annotations

import glob
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cnlint.config import Config
from cnlint.document import Document, Record
from cnlint.engine.linter import Linter
from cnlint.engine.run import check_document
from cnlint.finding import Severity
from cnlint.inputs.discovery import iter_files
from cnlint.inputs.sources import SourceError, read_text_file
from cnlint.report.locate import finding_dict

FINDINGS_COLUMN = "cnlint_findings"
COUNT_COLUMN = "cnlint_count"
FIXED_COLUMN = "cnlint_fixed"
ERROR_COLUMN = "cnlint_error"


@dataclass(frozen=True)
class DatasetOptions:
    """What to read from each row and what to add to it."""

    text_column: str = "text"
    path_column: str | None = None
    id_column: str | None = None
    fix: bool = False
    unsafe: bool = False
    drop: bool = False


class LintBatch:
    """The ``map_batches`` callable: a Linter built once per actor, applied to each batch."""

    def __init__(self, config: Config | None, options: DatasetOptions) -> None:
        self.linter = Linter(config)
        self.options = options

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        options = self.options
        texts = batch[options.text_column]
        paths = batch[options.path_column] if options.path_column else None
        ids = batch[options.id_column] if options.id_column else None
        findings_json, counts, fixed, keep = [], [], [], []
        for i, text in enumerate(texts):
            doc = Document(
                str(text),
                path=str(paths[i]) if paths is not None else "<dataset>",
                record=Record(line=0, id=str(ids[i])) if ids is not None else None,
            )
            checked = check_document(doc, self.linter, fix=options.fix, unsafe=options.unsafe)
            doc, found = checked.doc, checked.findings
            if options.fix:
                fixed.append(doc.text)
            findings_json.append(
                json.dumps([finding_dict(doc, f) for f in found], ensure_ascii=False)
            )
            counts.append(len(found))
            keep.append(not options.drop or not self._failing(found))
        out = dict(batch)
        out[FINDINGS_COLUMN] = findings_json
        out[COUNT_COLUMN] = counts
        if options.fix:
            out[FIXED_COLUMN] = fixed
        if options.drop:
            out = {
                key: [v for v, k in zip(values, keep, strict=True) if k]
                for key, values in out.items()
            }
        return out

    def _failing(self, findings) -> bool:
        floor = self.linter.config.fail_on.rank
        return any(f.severity.rank >= floor for f in findings)


def lint_dataset(
    dataset,
    *,
    text_column: str = "text",
    config: Config | None = None,
    fix: bool = False,
    unsafe: bool = False,
    drop: bool = False,
    path_column: str | None = None,
    id_column: str | None = None,
    batch_size: int = 64,
    concurrency: int | tuple[int, int] | None = None,
):
    """Lint (and with ``fix`` fix) every row of a Ray Data ``dataset``; returns a new dataset.

    ``concurrency`` is the number of actors (or a ``(min, max)`` autoscaling range); by
    default Ray sizes the pool to the cluster.
    """
    options = DatasetOptions(text_column, path_column, id_column, fix, unsafe, drop)
    extra: dict[str, Any] = {} if concurrency is None else {"concurrency": concurrency}
    return dataset.map_batches(
        LintBatch,
        fn_constructor_args=(config, options),
        batch_size=batch_size,
        batch_format="numpy",
        **extra,
    )


def split_failing(dataset, config: Config | None = None):
    """(kept, rejected): the rows of a dataset annotated by ``lint_dataset`` without ``drop``
    whose findings stay below the config's ``fail-on`` severity, and the rest (what
    ``drop=True`` leaves out). Both are lazy; materialize the input first to lint only once."""
    floor = (config or Config()).fail_on.rank

    def failing(row: dict[str, Any]) -> bool:
        return any(
            Severity(record["severity"]).rank >= floor
            for record in json.loads(row[FINDINGS_COLUMN])
        )

    return dataset.filter(lambda row: not failing(row)), dataset.filter(failing)


def expand(paths: list[str], config: Config) -> list[str]:
    """Files named by folders (walked like ``cnlint check`` does), globs and plain paths."""
    files: list[str] = []
    for path in paths:
        if glob.has_magic(path):
            files.extend(sorted(glob.glob(path, recursive=True)))
        elif Path(path).is_dir():
            files.extend(str(f) for f in iter_files([Path(path)], config))
        else:
            files.append(path)
    return files


TABLE_SUFFIXES = {".jsonl": "json", ".json": "json", ".parquet": "parquet"}


def read_inputs(files: list[str], text_column: str = "text"):
    """A dataset of documents from local files: .txt (one document per file), .jsonl, .parquet.

    Text files are read and decoded by the workers exactly as ``cnlint check`` reads them
    (strict UTF-8, else charset-normalizer), with a ``path`` column for the findings. JSONL
    and parquet go through Ray's own readers, so one large file is split across workers;
    their findings name the file (``path``) but not the record line.
    """
    import ray.data

    texts = [f for f in files if _suffix(f) not in TABLE_SUFFIXES]
    parts = []
    if texts:
        paths = ray.data.from_items([{"path": f} for f in texts])
        parts.append(paths.map(_read_text_row, fn_args=(text_column,)))
    for kind in ("json", "parquet"):
        chosen = [f for f in files if TABLE_SUFFIXES.get(_suffix(f)) == kind]
        if chosen:
            reader = ray.data.read_json if kind == "json" else ray.data.read_parquet
            extra = {"lines": True} if kind == "json" else {}
            table = reader(chosen, include_paths=True, **extra).select_columns(
                [text_column, "path"]
            )
            parts.append(table.add_column(ERROR_COLUMN, lambda df: "", batch_format="pandas"))
    if not parts:
        raise ValueError("no .txt, .jsonl or .parquet files to read")
    dataset = parts[0]
    return dataset.union(*parts[1:]) if len(parts) > 1 else dataset


def _suffix(name: str) -> str:
    lower = name.lower()
    return ".jsonl" if lower.endswith((".jsonl", ".jsonl.gz")) else "." + lower.rsplit(".", 1)[-1]


def _read_text_row(row: dict[str, Any], text_column: str) -> dict[str, Any]:
    try:
        (doc,) = read_text_file(Path(row["path"])).documents
    except SourceError as exc:
        return {"path": row["path"], text_column: "", ERROR_COLUMN: str(exc)}
    return {"path": row["path"], text_column: doc.text, ERROR_COLUMN: ""}


def collect(dataset) -> tuple[list[dict[str, Any]], list[str]]:
    """Every finding of a linted dataset as the CLI's JSON records (in file and text order),
    and the files that could not be read (as ``path: error`` lines)."""
    records, errors = [], []
    columns = [FINDINGS_COLUMN, "path", ERROR_COLUMN]
    for batch in dataset.select_columns(columns).iter_batches(batch_format="numpy"):
        for cell, path, error in zip(*(batch[c] for c in columns), strict=True):
            records.extend(json.loads(cell))
            if error:
                errors.append(f"{path}: error: {error}")
    records.sort(key=record_order)
    return records, sorted(errors)


def record_order(record: dict[str, Any]) -> tuple:
    row = record["record"] or {}
    return (
        record["path"],
        row.get("line", 0),
        record["line"],
        record["column"],
        record["end_line"],
        record["end_column"],
        record["code"],
    )
