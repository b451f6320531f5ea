"""cnlint as datatrove pipeline steps: the same rules and findings as the CLI, inside a pipeline.

Install with ``pip install 'cnlint[datatrove]'``. Two steps::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cnlint.integrations.datatrove import CnlintFilter, CnlintFormatter

    if __name__ == "__main__":  # the executor's workers are processes that import this file
        LocalPipelineExecutor(
            pipeline=[
                JsonlReader("crawl/"),
                CnlintFormatter(),                          # the safe fixes
                CnlintFilter(drop_on=("E104", "E108")),     # findings into metadata; drop these
                JsonlWriter("crawl-linted/"),
            ],
            tasks=4,
            logging_dir="logs/",
        ).run()

``CnlintFilter`` lints ``doc.text`` and stores the findings under ``doc.metadata["cnlint"]``:
a list of dicts, exactly the records of ``cnlint check --format json``, so any datatrove
writer can store them. It keeps every document unless ``drop_on`` names rules (codes,
prefixes, names, like ``--select``) or a severity (``"error"``: any finding at or above
it); a dropped document gets the reason ``cnlint:CODE`` (its first such finding), which
datatrove counts (``dropped_cnlint:CODE``) and an ``exclusion_writer`` records. The step's
statistics count findings per code (``cnlint:CODE``). ``CnlintFormatter`` applies the safe
fixes (``unsafe=True``: the unsafe ones too); put it before the filter and the findings
describe what the fixes left.

Both take a ``config`` (a :class:`~cnlint.config.Config` or the path of a cnlint.toml or
pyproject.toml; default: the built-in defaults, nothing is discovered from the working
folder) and ``select``, ``ignore`` and ``target_script`` on top of it. The configuration
is read and checked when the step is made, so a typo fails before any task runs; the rules
are compiled once per worker process, on first use (datatrove ships each task a pickled
copy of the step, and a compiled Hyperscan gate does not pickle). Per-file ignores apply
in the filter, to the file the reader names (``metadata["file_path"]``); the formatter is
given only the text.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from datatrove.data import Document as DatatroveDocument
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.pipeline.writers.disk_base import DiskWriter

from cnlint.config import SEVERITIES, TARGET_SCRIPTS, Config, ConfigError, load_config
from cnlint.document import Document, Record
from cnlint.engine.linter import Linter
from cnlint.engine.registry import Registry, load_registry
from cnlint.engine.run import check_document
from cnlint.finding import Finding, Severity
from cnlint.report.locate import finding_dict

METADATA_KEY = "cnlint"
PREFIX = "cnlint:"  # of drop reasons and statistics: cnlint:S105
UNKNOWN_PATH = "<datatrove>"

ConfigLike = Config | str | os.PathLike | None
Selectors = str | Iterable[str] | None

_linters: dict[str, Linter] = {}


def shared_linter(config: Config, registry: Registry | None = None) -> Linter:
    """The Linter for ``config`` in this process, built on first use.

    datatrove gives every task its own copy of a step (unpickled in a worker, deep-copied
    when ``workers=1``), so a Linter held by the step would be rebuilt (~0.4 s) per task;
    one per process and configuration is shared by all tasks and by filter and formatter.
    """
    key = repr(config)
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(config, registry)
    return linter


def resolve_config(
    config: ConfigLike, select: Selectors, ignore: Selectors, target_script: str | None
) -> Config:
    """The configuration with the step's arguments on top, checked against the rules."""
    if isinstance(config, Config):
        base = config
    else:
        base = Config() if config is None else load_config(Path(config))
    registry = load_registry()
    for argument, selectors in (("select", _tuple(select)), ("ignore", _tuple(ignore))):
        for selector in selectors or ():
            if not registry.matching(selector):
                raise ConfigError(f"unknown rule selector {selector!r} ({argument}=)")
    if target_script is not None and target_script not in TARGET_SCRIPTS:
        raise ConfigError(
            f"target_script={target_script!r} is not one of {', '.join(TARGET_SCRIPTS)}"
        )
    resolved = base.with_overrides(
        select=_tuple(select), ignore=_tuple(ignore), target_script=target_script
    )
    resolved.validate_rules(registry)
    shared_linter(resolved, registry)  # built here too: the driver's own tasks reuse it
    return resolved


def _tuple(selectors: Selectors) -> tuple[str, ...] | None:
    if selectors is None:
        return None
    return (selectors,) if isinstance(selectors, str) else tuple(selectors)


def as_record(text: str, path: str = UNKNOWN_PATH, doc_id: str | None = None) -> Document:
    """A datatrove document is a record, not a file: the CLI lints a JSONL record the same
    way (file-only rules such as T203 missing-final-newline skip it)."""
    return Document(
        text, path=path, record=Record(line=0, id=None if doc_id is None else str(doc_id))
    )


class CnlintFilter(BaseFilter):
    """Lint each document; store its findings in metadata; drop it only when asked to."""

    name = "🀄 cnlint"

    def __init__(
        self,
        config: ConfigLike = None,
        *,
        select: Selectors = None,
        ignore: Selectors = None,
        target_script: str | None = None,
        drop_on: Selectors = None,
        metadata_key: str = METADATA_KEY,
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        self.config = resolve_config(config, select, ignore, target_script)
        self.drop_codes, self.drop_floor = self._drop_rule(_tuple(drop_on) or ())
        self.metadata_key = metadata_key

    def _drop_rule(self, drop_on: tuple[str, ...]) -> tuple[tuple[str, ...], Severity | None]:
        """The codes that drop a document and the severity floor that does, from drop_on."""
        linter = shared_linter(self.config)
        running = {rule.code for rule in linter.rules}
        floors = [Severity(item) for item in drop_on if item in SEVERITIES]
        codes: set[str] = set()
        for selector in (item for item in drop_on if item not in SEVERITIES):
            named = {rule.code for rule in linter.registry.matching(selector)} & running
            if not named:
                raise ConfigError(f"drop_on={selector!r} names no rule this filter runs")
            codes |= named
        floor = min(floors, key=lambda s: s.rank) if floors else None
        return tuple(sorted(codes)), floor  # a list in datatrove's executor.json

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        document = as_record(doc.text, str(doc.metadata.get("file_path") or UNKNOWN_PATH), doc.id)
        findings = check_document(document, shared_linter(self.config)).findings
        doc.metadata[self.metadata_key] = [finding_dict(document, f) for f in findings]
        self._count(findings)
        for finding in findings:
            if self._drops(finding):
                return False, PREFIX + finding.code
        return True

    def _count(self, findings: list[Finding]) -> None:
        self.stat_update(PREFIX + "findings", value=len(findings))
        for code, count in Counter(f.code for f in findings).items():
            self.stat_update(PREFIX + code, value=count)

    def _drops(self, finding: Finding) -> bool:
        if finding.code in self.drop_codes:
            return True
        return self.drop_floor is not None and finding.severity.rank >= self.drop_floor.rank


class CnlintFormatter(BaseFormatter):
    """Apply cnlint's safe fixes (and with ``unsafe=True`` the unsafe ones) to each text."""

    name = "🀄 cnlint fix"

    def __init__(
        self,
        config: ConfigLike = None,
        *,
        select: Selectors = None,
        ignore: Selectors = None,
        target_script: str | None = None,
        unsafe: bool = False,
    ) -> None:
        super().__init__()
        self.config = resolve_config(config, select, ignore, target_script)
        self.unsafe = unsafe

    def format(self, text: str) -> str:
        linter = shared_linter(self.config)
        checked = check_document(as_record(text), linter, fix=True, unsafe=self.unsafe)
        self.stat_update(PREFIX + "fixed", value=len(checked.fixed))
        return checked.doc.text
