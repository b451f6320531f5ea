"""The corpus pass on Ray Data: the findings of ``cnlint check --corpus`` (or, without the
document rules, of ``cnlint corpus``) for a corpus spread over a cluster::

    import ray
    from cnlint.integrations.raycorpus import lint_corpus
    from cnlint.integrations.raydata import collect

    ray.init()                                   # or ray.init(address="auto")
    records, errors = collect(lint_corpus(files, config))

The corpus rules run from their map and reduce pieces (see :class:`cnlint.rule.CopyRule`
and :class:`cnlint.rule.CountRule`), the same code as the pass on one machine
(:mod:`cnlint.engine.corpus`). No step holds the corpus in one place:

1. map: a task per file reads it as ``cnlint check`` does; each document gives a row of
   fingerprints: its order (file number << 32 | document number), its label and each
   corpus rule's sketch (a 64-bit hash, a MinHash signature of 1 KB, paragraph hashes);
2. each corpus rule in code order, leaving out the documents a rule before it found copies:

   - a copy rule (D201, D202) groups the sketches by key (the text's hash; each LSH band):
     a group's documents in corpus order give candidate pairs (later, earlier, score).
     For D201 the first of a group is the original of the others. For D202 the pairs,
     sorted by the later document, stream through the driver, which keeps the documents
     found near copies so far (an earlier document that is itself a copy is no original)
     and sends the verdicts back in blocks;
   - a count rule (D203) groups (key, document) rows by key and counts the documents that
     count (not copies); a key in ``minimum()`` of them goes back to every document that
     has it;
   - the copies found mark the sketch rows (a group by order) for the rules after;
3. a group by file: a task reads the file again, lints its documents (``lint_documents``)
   and adds the findings the verdicts of its documents give; a row per file with
   ``path``, ``cnlint_findings`` (the ``check --format json`` records) and ``cnlint_error``,
   as :func:`cnlint.integrations.raydata.lint_dataset` gives, and ``file`` (its number in
   ``files``). The rows come in :func:`report_order`, so a reader that writes each file's
   findings as its row comes holds one row at a time (:func:`file_rows` reads them so).
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.corpus import add_corpus_findings, corpus_rules, unlinted
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_file
from cnlint.finding import Finding
from cnlint.inputs.sources import SourceError, SourceOptions, read_source
from cnlint.integrations.raydata import ERROR_COLUMN, FINDINGS_COLUMN, record_order
from cnlint.report.locate import finding_dict
from cnlint.rule import CopyRule, CorpusRule, CountRule, best_original, document_label

# A document's place in the corpus: its file's number, then its number in the file.
DOCUMENT_BITS = 32
# The column of the dataset's rows that gives the file's number in ``files``.
FILE_COLUMN = "file"
# Verdicts go from the driver to the object store, and a band group's pairs out of its task,
# in tables of at most this many rows.
VERDICT_BLOCK = 65536
# The most a shuffle's part holds, in bytes of rows (and in the last step, of files): a
# reduce task holds one part.
BLOCK_BYTES = 16 * 2**20


def lint_corpus(
    files: list[str],
    config: Config | None = None,
    *,
    lint_documents: bool = True,
    linter: Linter | None = None,
    partitions: int | None = None,
    block_bytes: int = BLOCK_BYTES,
):
    """A dataset with a row per file: its number in ``files``, its path, the JSON array of
    its findings (the corpus rules', and with ``lint_documents`` every other selected rule's)
    and its read error, in :func:`report_order`.

    ``files`` in the order ``cnlint check`` walks them: the corpus rules judge a document
    against the documents before it. ``linter`` (default: one for ``config``) selects the
    rules; build it with :func:`cnlint.engine.corpus.corpus_linter` for the corpus rules alone.
    ``partitions``: how many parts each group-by shuffles into at least (default: twice the
    cluster's CPUs); more as the corpus grows, so a part holds at most about ``block_bytes``
    of rows, and the last step's part at most about ``block_bytes`` of files.
    """
    import ray
    import ray.data

    linter = linter or Linter(config)
    cpus = int(ray.cluster_resources().get("CPU", 1))
    setup = Setup(linter, partitions or 2 * max(1, cpus), block_bytes)
    with _task_shuffles():
        return _plan(files, setup, lint_documents)


def report_order(files: list[str]) -> list[int]:
    """The numbers of ``files`` in the order ``cnlint ray --corpus`` reports their findings:
    by the path the findings name (as ``cnlint check`` displays it), a file named twice in
    the order given. The last step's group-by is keyed on this order, so its rows come in
    it."""
    return sorted(range(len(files)), key=lambda number: (str(Path(files[number])), number))


def file_rows(dataset) -> Iterator[tuple[int, str, str, str]]:
    """The rows of :func:`lint_corpus`'s dataset as they come, one at a time: (file number,
    path, findings JSON, read error). Each block is read as it is stored (Arrow, mapped from
    the object store) and one cell turned into Python at a time: a batch in numpy holds the
    findings of up to 256 files as Python strings at once."""
    columns = (FILE_COLUMN, "path", FINDINGS_COLUMN, ERROR_COLUMN)
    for block in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        cells = [block.column(name) for name in columns]
        for i in range(block.num_rows):
            number, path, findings, error = (cell[i].as_py() for cell in cells)
            yield number, path, findings, error


def corpus_records(dataset, files: list[str], errors: list[str]) -> Iterator[dict]:
    """The records of :func:`lint_corpus`'s rows in the order ``raydata.collect`` sorts them
    (by path, then place), given as the rows come: the pass sends them in that order
    (:func:`report_order`), so this holds one file's records;
    a row that comes early waits for the rows before it. The files that could not be read
    are added to ``errors`` as ``path: error: reason`` lines."""
    same_path: list[dict] = []
    for path, findings, error in rows_in_report_order(file_rows(dataset), files):
        if same_path and same_path[0]["path"] != path:
            yield from sorted(same_path, key=record_order)
            same_path = []
        same_path.extend(json.loads(findings))
        if error:
            errors.append(f"{path}: error: {error}")
    yield from sorted(same_path, key=record_order)


def rows_in_report_order(
    rows: Iterable[tuple[int, str, str, str]], files: list[str]
) -> Iterator[tuple[str, str, str]]:
    """(path, findings, error) of each (file number, path, findings, error) row, in
    ``report_order(files)`` whatever order the rows come in."""
    order = report_order(files)
    place = {number: at for at, number in enumerate(order)}
    waiting: dict[int, tuple[str, str, str]] = {}
    following = 0
    for number, path, findings, error in rows:
        waiting[place[number]] = (path, findings, error)
        while following in waiting:
            yield waiting.pop(following)
            following += 1
    if following < len(order):
        raise RuntimeError(f"the corpus pass gave no row for {files[order[following]]}")


@contextmanager
def _task_shuffles():
    """Datasets made in this block shuffle with tasks (each dataset keeps the context it was
    made in): the default of Ray Data 2.60, ``SHUFFLE_V2``, starts aggregator actors for
    every group-by, which cost this pass's nine shuffles 2-8 s each on a corpus of any size,
    where the sort-based pull shuffle runs in the worker pool in under a second. They also
    keep their blocks in order (``preserve_order``): the last step's rows come in the order
    of its group-by's key, :func:`report_order`, not as its tasks finish."""
    from ray.data import DataContext

    context = DataContext.get_current()
    before = context.execution_options.preserve_order
    context.execution_options.preserve_order = True
    try:
        if not hasattr(context, "shuffle_strategy"):  # older Ray: task shuffles are the default
            yield
            return
        from ray.data.context import ShuffleStrategy

        strategy = context.shuffle_strategy
        context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
        try:
            yield
        finally:
            context.shuffle_strategy = strategy
    finally:
        context.execution_options.preserve_order = before


def _plan(files: list[str], setup: Setup, lint_documents: bool):
    import ray
    import ray.data

    rules = setup.rules()
    table = ray.data.from_items([{"file": i, "path": path} for i, path in enumerate(files)])
    verdicts = []
    if rules:
        state = _expand(table, _sketch_rows, _state_fields(len(rules)), setup).materialize()
        for number, rule in enumerate(rules):
            if isinstance(rule, CopyRule):
                found = _copy_verdicts(state, number, rule, setup).materialize()
                if number + 1 < len(rules):
                    state = _mark_copies(state, found, setup).materialize()
            elif isinstance(rule, CountRule):
                found = _count_verdicts(state, number, rule, setup)
            else:
                raise TypeError(f"{rule.code}: a corpus rule must be a CopyRule or a CountRule")
            verdicts.append(found)
    heads = table.map_batches(_file_verdict, batch_format="numpy").materialize()
    # The last step's task lints the files of its part and holds their findings: as many
    # parts as the files' bytes fill blocks, whatever the size of the verdicts it groups.
    corpus_bytes = int(heads.sum("count") or 0)
    places = np.empty(len(files), dtype=np.int64)
    places[report_order(files)] = np.arange(len(files))
    # Grouped by the file's place in the report, the rows come in the report's order.
    heads_and_verdicts = heads.union(*verdicts) if verdicts else heads  # no corpus rule
    grouped = _typed(heads_and_verdicts, VERDICT_FIELDS, ray.put(places))
    return (
        _parts(grouped, setup, -(-corpus_bytes // setup.block_bytes))
        .groupby("file")
        .map_groups(_finish_file, fn_args=(setup, lint_documents), batch_format="numpy")
    )


class Setup:
    """What every task needs: the linter (built once per worker process, not per task)."""

    def __init__(self, linter: Linter, partitions: int, block_bytes: int = BLOCK_BYTES) -> None:
        self.partitions = partitions
        self.block_bytes = block_bytes
        self._config = linter.config
        self._linter: Linter | None = linter
        self._rules: list[CorpusRule] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_linter": None, "_rules": None}

    def linter(self) -> Linter:
        if self._linter is None:
            key = pickle.dumps(self._config)
            if key not in _LINTERS:
                _LINTERS[key] = Linter(self._config)
            self._linter = _LINTERS[key]
        return self._linter

    def rules(self) -> list[CorpusRule]:
        """The corpus rules, in code order (their pieces only are used here)."""
        if self._rules is None:
            self._rules = corpus_rules(self.linter())
        return self._rules


_LINTERS: dict[bytes, Linter] = {}


def _parts(dataset, setup: Setup, at_least: int = 0):
    """The dataset in the blocks a shuffle maps and reduces: ``setup.partitions`` of them (or
    ``at_least``), more when each would hold more than ``setup.block_bytes``. A sort-based
    shuffle of *m* blocks moves *m*² pieces (so few blocks on a small corpus), and a reduce
    task holds one block (so more blocks as the corpus grows: its memory stays bounded)."""
    dataset = dataset.materialize()
    by_size = -(-dataset.size_bytes() // setup.block_bytes)
    return dataset.repartition(max(setup.partitions, at_least, by_size))


def _state_fields(rules: int) -> dict[str, str]:
    """The sketch rows: a document, whether a rule found it a copy, each rule's sketch."""
    sketches = {f"s{i}": "binary" for i in range(rules)}
    return {"order": "int64", "label": "string", "copy": "bool", "mark": "bool", **sketches}


def _expand(dataset, rows: Callable[..., list[dict[str, Any]]], fields: dict[str, str], *args):
    """``dataset.flat_map(rows)`` giving typed blocks (an empty block too has the fields, so
    blocks always concatenate)."""
    return dataset.map_batches(_expand_batch, fn_args=(rows, fields, *args), batch_format="numpy")


def _expand_batch(batch: dict[str, np.ndarray], rows, fields: dict[str, str], *args):
    import pyarrow as pa

    size = len(next(iter(batch.values()))) if batch else 0
    out = [new for i in range(size) for new in rows({k: v[i] for k, v in batch.items()}, *args)]
    return pa.Table.from_pylist(out, schema=pa.schema(list(fields.items())))


def _typed(dataset, fields: dict[str, str], places=None):
    """The dataset with every block cast to ``fields``, before a shuffle concatenates them:
    in Ray 2.60 a shuffle's reduce can meet an empty block without columns and fail. With
    ``places`` (a reference to an array: each file's place in the report), the ``file``
    column gives the file's place instead of its number."""
    import ray
    import ray.data

    cast = ray.remote(_cast_block)
    blocks = [cast.remote(b, fields, places) for b in dataset.to_arrow_refs()]
    return ray.data.from_arrow_refs(blocks)


def _cast_block(table, fields: dict[str, str], places: np.ndarray | None = None):
    import pyarrow as pa

    schema = pa.schema(list(fields.items()))
    if table.num_rows == 0:
        return schema.empty_table()
    table = table.select(list(fields)).cast(schema)
    if places is None:
        return table
    column = table.schema.get_field_index("file")
    placed = pa.array(places[table.column(column).to_numpy()], type=pa.int64())
    return table.set_column(column, "file", placed)


def _sketch_rows(row: dict[str, Any], setup: Setup) -> list[dict[str, Any]]:
    rules = setup.rules()
    sources = SourceOptions.from_config(setup.linter().config)
    try:
        source = read_source(Path(row["path"]), sources)
    except SourceError:
        return []  # the last step reports it, as the pass on one machine does
    return [
        {
            "order": (int(row["file"]) << DOCUMENT_BITS) | number,
            "label": document_label(doc),
            "copy": False,
            "mark": False,
            **{f"s{i}": _dump(rule.sketch(doc)) for i, rule in enumerate(rules)},
        }
        for number, doc in enumerate(source.documents)
    ]


def _dump(sketch: Any) -> bytes:
    return b"" if sketch is None else pickle.dumps(sketch, protocol=pickle.HIGHEST_PROTOCOL)


def _load(cell: bytes) -> Any:
    return pickle.loads(cell) if len(cell) else None


def _key_rows(row: dict[str, Any], number: int, setup: Setup) -> list[dict[str, Any]]:
    rule = setup.rules()[number]
    sketch = _load(row[f"s{number}"])
    if sketch is None or row["copy"]:
        return []
    cell = row[f"s{number}"]
    return [
        {"key": key, "order": int(row["order"]), "label": str(row["label"]), "sketch": cell}
        for key in rule.keys(sketch)
    ]


def _copy_verdicts(state, number: int, rule: CopyRule, setup: Setup):
    fields = {"key": "uint64", "order": "int64", "label": "string", "sketch": "binary"}
    keyed = _expand(state, _key_rows, fields, number, setup)
    groups = (
        _parts(keyed, setup)
        .groupby("key")
        .map_groups(_group_pairs, fn_args=(number, setup), batch_format="numpy")
    )
    if rule.transitive:
        return groups
    return _resolve(_parts(groups, setup).sort(["order", "earlier"]), number)


def _group_pairs(group: dict[str, np.ndarray], number: int, setup: Setup):
    """The pairs of a group: each document with every earlier one it copies (a transitive
    rule: with the first one only), in tables of at most ``VERDICT_BLOCK`` pairs: a band
    group of *k* near copies gives up to *k*(*k*-1)/2 pairs, which are not held at once."""
    rule = setup.rules()[number]
    assert isinstance(rule, CopyRule)
    ranked = np.argsort(group["order"], kind="stable")
    members = [(int(group["order"][i]), str(group["label"][i]), group["sketch"][i]) for i in ranked]
    sketches = [_load(cell) for _, _, cell in members]
    pairs = _verdict_columns()
    for j in range(1, len(members)):
        earlier = range(1) if rule.transitive else range(j)
        for i in earlier:
            score = rule.score(sketches[i], sketches[j])
            if score is not None:
                later, (earlier, label, _) = members[j][0], members[i]
                _append_verdict(pairs, number, later, label, score, earlier=earlier)
                if len(pairs["order"]) == VERDICT_BLOCK:
                    yield _verdict_table(pairs)
                    pairs = _verdict_columns()
    yield _verdict_table(pairs)


# What the reduce steps give: a row per verdict on a document (or per file, ``rule`` -1).
VERDICT_FIELDS = {
    "file": "int64",
    "order": "int64",
    "rule": "int64",
    "label": "string",
    "score": "float64",
    "key": "uint64",
    "count": "int64",
    "path": "string",
    "earlier": "int64",
}


def _verdict_columns() -> dict[str, list]:
    return {name: [] for name in VERDICT_FIELDS}


def _verdict_table(columns: dict[str, list]):
    """The verdicts as an Arrow table (typed even when empty, so blocks always match)."""
    import pyarrow as pa

    schema = pa.schema([(name, kind) for name, kind in VERDICT_FIELDS.items()])
    return pa.table(columns, schema=schema)


def _append_verdict(
    columns: dict[str, list],
    number: int,
    order: int,
    label: str = "",
    score: float = 0.0,
    *,
    key: int = 0,
    count: int = 0,
    path: str = "",
    earlier: int = 0,
) -> None:
    """A verdict of rule ``number`` on the document at ``order``: a copy rule's (the
    original's ``label``, ``score``; a pair's ``earlier`` document), a count rule's (a
    frequent ``key`` and its ``count``), or a file's head (rule -1, its ``path``)."""
    row = (order >> DOCUMENT_BITS, order, number, label, score, key, count, path, earlier)
    for name, value in zip(VERDICT_FIELDS, row, strict=True):
        columns[name].append(value)


def _resolve(pairs, number: int):
    """Which documents are copies, in corpus order: a later document's candidates are
    its earlier documents that are not copies themselves (all decided before it)."""
    import ray
    import ray.data

    copies: set[int] = set()
    blocks, columns = [], _verdict_columns()

    def decide(order: int, candidates: list[tuple[int, str, float]]) -> None:
        scored = (((e, label), s) for e, label, s in candidates if e not in copies)
        best = best_original(scored)
        if best is not None:
            (_, label), score = best
            copies.add(order)
            _append_verdict(columns, number, order, label, score)

    current, candidates = None, []
    for batch in pairs.iter_batches(batch_format="numpy"):
        rows = zip(batch["order"], batch["earlier"], batch["label"], batch["score"], strict=True)
        for order, earlier, label, score in rows:
            if order != current:
                if current is not None:
                    decide(int(current), candidates)
                current, candidates = order, []
            candidates.append((int(earlier), str(label), float(score)))
        if len(columns["order"]) >= VERDICT_BLOCK:
            blocks.append(ray.put(_verdict_table(columns)))
            columns = _verdict_columns()
    if current is not None:
        decide(int(current), candidates)
    blocks.append(ray.put(_verdict_table(columns)))
    return ray.data.from_arrow_refs(blocks)


def _mark_copies(state, found, setup: Setup):
    """The sketch rows with ``copy`` set on the documents ``found`` copies."""
    empty = {f"s{i}": b"" for i in range(len(setup.rules()))}

    def mark(row: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"order": int(row["order"]), "label": "", "copy": True, "mark": True, **empty}]

    marks = _expand(found, mark, _state_fields(len(setup.rules())))
    fields = _state_fields(len(setup.rules()))
    grouped = _parts(_typed(state.union(marks), fields), setup).groupby("order")
    return grouped.map_groups(_merge_marks, batch_format="numpy")


def _merge_marks(group: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    own = ~group["mark"]
    merged = {name: values[own] for name, values in group.items()}
    merged["copy"] = merged["copy"] | bool(group["copy"].any())
    return merged


def _count_verdicts(state, number: int, rule: CountRule, setup: Setup):
    def rows(row: dict[str, Any]) -> list[dict[str, Any]]:
        sketch = _load(row[f"s{number}"]) or ()
        counted, order = not row["copy"], int(row["order"])
        return [{"key": key, "order": order, "counted": counted} for key in sketch]

    fields = {"key": "uint64", "order": "int64", "counted": "bool"}
    groups = _parts(_expand(state, rows, fields), setup).groupby("key")
    return groups.map_groups(_frequent, fn_args=(number, rule.minimum()), batch_format="numpy")


def _frequent(group: dict[str, np.ndarray], number: int, minimum: int):
    """Every document with the group's key, when at least ``minimum`` documents count it."""
    columns = _verdict_columns()
    count = int(group["counted"].sum())
    if count >= minimum:
        key = int(group["key"][0])
        for order in group["order"]:
            _append_verdict(columns, number, int(order), key=key, count=count)
    return _verdict_table(columns)


def _file_verdict(batch: dict[str, np.ndarray]):
    """A head row per file: its path, and its size in bytes as ``count`` (0 if unreadable)."""
    columns = _verdict_columns()
    for file, path in zip(batch["file"], batch["path"], strict=True):
        try:
            size = os.path.getsize(str(path))
        except OSError:
            size = 0  # the last step reports it, as the pass on one machine does
        _append_verdict(columns, -1, int(file) << DOCUMENT_BITS, count=size, path=str(path))
    return _verdict_table(columns)


def _finish_file(group: dict[str, np.ndarray], setup: Setup, lint_documents: bool) -> dict:
    """One file's row: its documents' findings, the corpus rules' from their verdicts."""
    linter = setup.linter()
    rules = setup.rules()
    (head,) = np.flatnonzero(group["rule"] == -1)
    path = str(group["path"][head])
    file_number = int(group["order"][head]) >> DOCUMENT_BITS
    by_document: dict[int, list[int]] = {}
    for i, order in enumerate(group["order"]):
        if group["rule"][i] >= 0:
            by_document.setdefault(int(order) & ((1 << DOCUMENT_BITS) - 1), []).append(i)
    result = (
        process_file(Path(path), linter)
        if lint_documents
        else unlinted(Path(path), SourceOptions.from_config(linter.config))
    )
    records = []
    for number, doc_result in enumerate(result.documents):
        doc = doc_result.doc
        found = list(_verdict_findings(doc, rules, group, by_document.get(number, [])))
        add_corpus_findings(doc_result, found, linter, rules)
        records.extend(finding_dict(doc, finding) for finding in doc_result.findings)
    return {
        FILE_COLUMN: [file_number],
        "path": [result.path],
        FINDINGS_COLUMN: [json.dumps(records, ensure_ascii=False)],
        ERROR_COLUMN: [result.error or ""],
    }


def _verdict_findings(
    doc: Document, rules: list[CorpusRule], group: dict[str, np.ndarray], rows: Iterable[int]
) -> Iterator[Finding]:
    frequent: dict[int, dict[int, int]] = {}
    for i in rows:
        rule = rules[int(group["rule"][i])]
        if isinstance(rule, CopyRule):
            finding = rule.copy_finding(doc, str(group["label"][i]), float(group["score"][i]))
            if finding is not None:
                yield finding
        else:
            counts = frequent.setdefault(int(group["rule"][i]), {})
            counts[int(group["key"][i])] = int(group["count"][i])
    for number, counts in sorted(frequent.items()):
        rule = rules[number]
        assert isinstance(rule, CountRule)
        yield from rule.count_findings(doc, counts)
