"""``cnlint fix --drop-failing LEVEL --rejected-out FILE``: what was dropped, and why, in JSONL.

One line per dropped document (a JSONL record, or a whole ``.txt`` file)::

    {"path": "in/a.jsonl", "record": {"line": 7, "id": "doc-7"}, "drop_level": "warning",
     "findings": [{...finding, as in --format json...}], "text": "…the text after fixing…"}

``findings`` are the findings at or above the level, the ones that dropped the document (as in
``--format json``, without path and record, which the entry gives once), with positions in
``text``: the document as the copy would have held it (fixes applied). The file
streams to a temp file beside its target and replaces it only when the run is done, so an
interrupted run leaves the previous file (or none), never half of one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from cnlint.document import Document
from cnlint.finding import Finding, Severity
from cnlint.inputs.writer import TEMP_SUFFIX
from cnlint.report.locate import finding_dict

# Keys of a finding's record that the entry gives once for all its findings.
ONCE = ("path", "record")


class RejectedLog:
    """A JSONL file of dropped documents, written atomically when the context exits cleanly."""

    def __init__(self, path: Path, level: Severity) -> None:
        self.path = path
        self.level = level
        self.count = 0
        target = Path(os.path.realpath(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        self._target = target
        fd, self._temp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def add(self, doc: Document, findings: Iterable[Finding]) -> None:
        """Record one dropped document with the findings that dropped it."""
        record = doc.record
        entry = {
            "path": doc.path,
            "record": None if record is None else {"line": record.line, "id": record.id},
            "drop_level": self.level.value,
            "findings": [
                {key: value for key, value in finding_dict(doc, f).items() if key not in ONCE}
                for f in findings
                if f.severity.rank >= self.level.rank
            ],
            "text": doc.text,
        }
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def __enter__(self) -> RejectedLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            os.fchmod(self._handle.fileno(), 0o666 & ~_umask())
        finally:
            self._handle.close()
        if kind is None:
            os.replace(self._temp, self._target)
        else:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
